/**
 * Checks that need more than one field: server ids against the server count, partitions covering
 * every server exactly once, and the initial state of each server (RAFT.md §1.1: a log's terms
 * never decrease and never exceed the server's current term).
 */
import type { Action, InitialServerState } from '../core/index.ts';
import type { StepAction, StepUntil } from './steps.ts';

function serverCount(servers: number): string {
  return servers === 1 ? '1 server' : `${servers} servers`;
}

function checkServer(path: string, id: number, servers: number): string | null {
  return id <= servers
    ? null
    : `${path}: server ${id} does not exist (this scenario has ${serverCount(servers)})`;
}

function firstProblem<T>(items: readonly T[], check: (item: T, i: number) => string | null) {
  for (let i = 0; i < items.length; i++) {
    const problem = check(items[i] as T, i);
    if (problem !== null) return problem;
  }
  return null;
}

function checkGroups(path: string, groups: readonly (readonly number[])[], servers: number) {
  const seen = new Set<number>();
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g] ?? [];
    for (let k = 0; k < group.length; k++) {
      const id = group[k] ?? 0;
      const missing = checkServer(`${path}[${g}][${k}]`, id, servers);
      if (missing !== null) return missing;
      if (seen.has(id)) return `${path}: server ${id} is in more than one group`;
      seen.add(id);
    }
  }
  for (let id = 1; id <= servers; id++) {
    if (!seen.has(id)) {
      return `${path}: server ${id} is in no group (the groups must cover every server exactly once)`;
    }
  }
  return null;
}

function checkEndpoint(path: string, endpoint: number | undefined, servers: number) {
  return endpoint === undefined || endpoint < 0 ? null : checkServer(path, endpoint, servers);
}

function checkAction(action: Action | StepAction, path: string, servers: number): string | null {
  if (action.do === 'dropInFlight') {
    return (
      checkEndpoint(`${path}.from`, action.from, servers) ??
      checkEndpoint(`${path}.to`, action.to, servers)
    );
  }
  if ('via' in action && action.via !== undefined) {
    const via = checkServer(`${path}.via`, action.via, servers);
    if (via !== null) return via;
  }
  if (action.do === 'reconfigure') {
    return firstProblem(action.members, (id, k) =>
      checkServer(`${path}.members[${k}]`, id, servers),
    );
  }
  if ('server' in action && action.server !== undefined) {
    return checkServer(`${path}.server`, action.server, servers);
  }
  if ('link' in action) {
    const [a, b] = action.link;
    return checkServer(`${path}.link[0]`, a, servers) ?? checkServer(`${path}.link[1]`, b, servers);
  }
  if (action.do === 'partition') return checkGroups(`${path}.groups`, action.groups, servers);
  return null;
}

/** The initial voting members must exist (a server outside them starts idle, §1.9). */
export function checkMembers(members: readonly number[] | null, servers: number): string | null {
  if (members === null) return null;
  return firstProblem(members, (id, i) => checkServer(`config.members[${i}]`, id, servers));
}

/** C-5: a lease is only safe when a leader that lost its majority steps down (CheckQuorum). */
export function checkReads(config: {
  reads: string;
  checkQuorum: boolean;
  followerReads?: boolean;
}): string | null {
  if (config.reads === 'lease' && !config.checkQuorum)
    return 'config.reads: "lease" needs config.checkQuorum: true (a leader cut off from its majority must step down before its lease could mislead a reader)';
  // C-4: a follower serves a read with a read index from the leader, which the log mode lacks.
  if (config.followerReads === true && config.reads === 'log')
    return 'config.followerReads: true needs config.reads "readIndex" or "lease" (a follower asks the leader for a read index; through the log, every read goes to the leader)';
  return null;
}

export function checkActions(actions: readonly Action[], servers: number): string | null {
  return firstProblem(actions, (action, i) => checkAction(action, `actions[${i}]`, servers));
}

interface StepLike {
  do?: readonly StepAction[] | undefined;
  until: StepUntil | { event: string; server?: number | undefined };
}

/** A step's actions and the server its `until` waits for must exist. */
export function checkSteps(steps: readonly StepLike[], servers: number): string | null {
  return firstProblem(steps, (step, i) => {
    const path = `steps[${i}]`;
    const actions = firstProblem(step.do ?? [], (action, j) =>
      checkAction(action, `${path}.do[${j}]`, servers),
    );
    const until = step.until;
    const server = 'event' in until ? until.server : undefined;
    return actions ?? checkEndpoint(`${path}.until.server`, server, servers);
  });
}

function checkLog(path: string, server: InitialServerState): string | null {
  let previousTerm = 0;
  return firstProblem(server.log, ([term], i) => {
    const at = `${path}.log[${i}]`;
    if (term < previousTerm) {
      return `${at}: term ${term} is lower than the term ${previousTerm} of the entry before it (log terms never decrease)`;
    }
    previousTerm = term;
    return term > server.term
      ? `${at}: term ${term} is higher than the server's term ${server.term}`
      : null;
  });
}

export function checkInitial(
  initial: readonly InitialServerState[] | undefined,
  servers: number,
): string | null {
  if (initial === undefined) return null;
  if (initial.length !== servers) {
    return `initial: must have one entry per server (this scenario has ${serverCount(servers)}, got ${initial.length})`;
  }
  return firstProblem(initial, (server, i) => {
    const path = `initial[${i}]`;
    const vote =
      server.votedFor === null ? null : checkServer(`${path}.votedFor`, server.votedFor, servers);
    return vote ?? checkLog(path, server);
  });
}
