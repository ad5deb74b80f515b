/**
 * Checks that need more than one field: server ids against the server count, partitions covering
 * every server exactly once, and the initial state of each server (the rule catalogue (src/i18n/rules.ts): a log's terms
 * never decrease and never exceed the server's current term).
 */
import type { Action, InitialServerState } from '../core/index.ts';
import { fieldRefusal } from './refusal.ts';
import type { Refusal } from './refusal.ts';
import type { StepAction, StepUntil } from './steps.ts';

type Problem = Refusal | null;

function checkServer(path: string, id: number, servers: number): Problem {
  return id <= servers ? null : fieldRefusal(path, { code: 'noServer', server: id, servers });
}

function firstProblem<T>(items: readonly T[], check: (item: T, i: number) => Problem) {
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
      if (seen.has(id)) return fieldRefusal(path, { code: 'inTwoGroups', server: id });
      seen.add(id);
    }
  }
  for (let id = 1; id <= servers; id++) {
    if (!seen.has(id)) {
      return fieldRefusal(path, { code: 'inNoGroup', server: id });
    }
  }
  return null;
}

function checkEndpoint(path: string, endpoint: number | undefined, servers: number) {
  return endpoint === undefined || endpoint < 0 ? null : checkServer(path, endpoint, servers);
}

function checkAction(action: Action | StepAction, path: string, servers: number): Problem {
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
export function checkMembers(members: readonly number[] | null, servers: number): Problem {
  if (members === null) return null;
  return firstProblem(members, (id, i) => checkServer(`config.members[${i}]`, id, servers));
}

/** C-5: a lease is only safe when a leader that lost its majority steps down (CheckQuorum). */
export function checkReads(config: {
  reads: string;
  checkQuorum: boolean;
  followerReads?: boolean;
}): Problem {
  if (config.reads === 'lease' && !config.checkQuorum)
    return fieldRefusal('config.reads', { code: 'leaseNeedsCheckQuorum' });
  // C-4: a follower serves a read with a read index from the leader, which the log mode lacks.
  if (config.followerReads === true && config.reads === 'log')
    return fieldRefusal('config.followerReads', { code: 'followerReadsNeedReadIndex' });
  return null;
}

export function checkActions(actions: readonly Action[], servers: number): Problem {
  return firstProblem(actions, (action, i) => checkAction(action, `actions[${i}]`, servers));
}

interface StepLike {
  do?: readonly StepAction[] | undefined;
  until: StepUntil | { event: string; server?: number | undefined };
}

/** A step's actions and the server its `until` waits for must exist. */
export function checkSteps(steps: readonly StepLike[], servers: number): Problem {
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

function checkLog(path: string, server: InitialServerState): Problem {
  let previousTerm = 0;
  return firstProblem(server.log, ([term], i) => {
    const at = `${path}.log[${i}]`;
    if (term < previousTerm) {
      return fieldRefusal(at, { code: 'termDecreases', term, previous: previousTerm });
    }
    previousTerm = term;
    return term > server.term
      ? fieldRefusal(at, { code: 'termAboveServer', term, serverTerm: server.term })
      : null;
  });
}

export function checkInitial(
  initial: readonly InitialServerState[] | undefined,
  servers: number,
): Problem {
  if (initial === undefined) return null;
  if (initial.length !== servers) {
    return fieldRefusal('initial', { code: 'onePerServer', servers, length: initial.length });
  }
  return firstProblem(initial, (server, i) => {
    const path = `initial[${i}]`;
    const vote =
      server.votedFor === null ? null : checkServer(`${path}.votedFor`, server.votedFor, servers);
    return vote ?? checkLog(path, server);
  });
}
