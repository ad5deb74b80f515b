/**
 * Membership changes (the rule catalogue (src/i18n/rules.ts), M-1..M-7; paper §6, thesis ch. 4), kept apart from the rest of
 * the server the way etcd keeps `confchange/`. A change is an admin command the leader turns into
 * configuration entries: single-server changes (add, remove, add a learner, promote) switch
 * directly from one configuration to the next, which is safe for one server at a time (M-2);
 * `reconfigure` goes through joint consensus, C_old,new then C_new (M-4). New voters first catch up
 * as non-voters, in rounds (M-5). A leader refuses, visibly, a change it cannot start: one is
 * already in progress (M-2), or no entry of its term is committed yet (M-3, the 2015 fix).
 */
import { isVoter } from './quorum.ts';
import { peerOf, sendTo, type RaftContext } from './raft/context.ts';
import { appendAsLeader, configIndexOf, configOf, lastLogIndex, termAt } from './raft/log.ts';
import { becomeFollower } from './raft/roles.ts';
import type {
  Action,
  ChangeKind,
  ClientTag,
  Configuration,
  MembershipSummary,
  PendingChange,
  RefusalReason,
  ServerId,
  ServerState,
  SimConfig,
} from './types.ts';

/** Catch-up rounds before a new server that stays slow is given up on (thesis §4.2.1). */
export const MAX_CATCH_UP_ROUNDS = 10;

export interface AdminCommand {
  kind: ChangeKind;
  /** The server added, removed or promoted; null for `reconfigure`. */
  server: ServerId | null;
  /** The new voting members of `reconfigure`; null otherwise. */
  members: ServerId[] | null;
}

const byId = (a: number, b: number): number => a - b;
const ids = (list: readonly ServerId[]): ServerId[] => [...new Set(list)].sort(byId);

// ---------------------------------------------------------------------------------------------
// Text forms: admin commands on the wire, configuration entries in logs
// ---------------------------------------------------------------------------------------------

/** The admin command a membership action sends, e.g. `addServer 6`, `reconfigure 1,2,3,6`. */
export function adminCommandOf(action: Action): string | null {
  switch (action.do) {
    case 'addServer':
    case 'removeServer':
    case 'addLearner':
    case 'promote':
      return `${action.do} ${action.server}`;
    case 'reconfigure':
      return `reconfigure ${ids(action.members).join(',')}`;
    default:
      return null;
  }
}

const ID_LIST = /^[1-9][0-9]?(,[1-9][0-9]?)*$/;

function parseIds(text: string): ServerId[] | null {
  if (!ID_LIST.test(text)) return null;
  return ids(text.split(',').map(Number));
}

/** A command that could be a membership change: its first word is one of the kinds. */
const ADMIN_PREFIX = /^\s*(?:addServer|removeServer|addLearner|promote|reconfigure)\s/;

export function parseAdmin(text: string): AdminCommand | null {
  // Most commands are key-value ones: tell them apart without splitting (same answer: null).
  if (!ADMIN_PREFIX.test(text)) return null;
  const [kind, arg, extra] = text.trim().split(/\s+/);
  if (arg === undefined || extra !== undefined) return null;
  const list = parseIds(arg);
  if (list === null) return null;
  switch (kind) {
    case 'addServer':
    case 'removeServer':
    case 'addLearner':
    case 'promote':
      return list.length === 1 ? { kind, server: list[0] as ServerId, members: null } : null;
    case 'reconfigure':
      return { kind, server: null, members: list };
    default:
      return null;
  }
}

/** `config 1,2,3`, `config 1,2,3 -> 1,2,3,4,5` (joint: C_old -> C_new), `... learners 6`. */
export function configText(c: Configuration): string {
  const voters = c.voters.join(',');
  const main = c.old === null ? voters : `${c.old.join(',')} -> ${voters}`;
  return c.learners.length === 0
    ? `config ${main}`
    : `config ${main} learners ${c.learners.join(',')}`;
}

const CONFIG = /^config ([0-9,]+)(?: -> ([0-9,]+))?(?: learners ([0-9,]+))?$/;

/** Reads a configuration entry as a scenario's `initial` log writes it; null if it is not one. */
export function parseConfigText(text: string): Configuration | null {
  const m = CONFIG.exec(text.trim().replace(/\s+/g, ' '));
  if (m === null) return null;
  const first = parseIds(m[1] ?? '');
  const second = m[2] === undefined ? null : parseIds(m[2]);
  const learners = m[3] === undefined ? [] : parseIds(m[3]);
  if (first === null || learners === null || (m[2] !== undefined && second === null)) return null;
  const voters = second ?? first;
  if (learners.some((id) => voters.includes(id))) return null;
  return { voters, old: second === null ? null : first, learners };
}

// ---------------------------------------------------------------------------------------------
// What a server uses
// ---------------------------------------------------------------------------------------------

/** The configuration a server starts with: the initial members, or none (the design notes). */
export function initialConfigOf(config: SimConfig, id: ServerId): Configuration | null {
  const all = Array.from({ length: config.servers }, (_, i) => i + 1);
  const voters = config.members === null ? all : ids(config.members);
  return voters.includes(id) ? { voters, old: null, learners: [] } : null;
}

/** The `membership` field of `--json` and of the lab's automation state (the design notes contract). */
export function summarizeMembership(s: ServerState): MembershipSummary {
  const config = configOf(s);
  const index = configIndexOf(s);
  const summary: MembershipSummary = {
    voters: config === null ? [] : [...config.voters],
    learners: config === null ? [] : [...config.learners],
    index,
    committed: index <= s.commitIndex,
  };
  if (config?.old != null) summary.old = [...config.old];
  return summary;
}

/** Every server a leader sends AppendEntries to: its configuration's members and newcomers. */
export function replicationTargets(s: ServerState): ServerId[] {
  return s.peers.map((p) => p.id).filter((id) => isReplicationTarget(s, configOf(s), id));
}

/** Whether the leader replicates to `id` (a check without allocation, for the hot paths). */
export function isReplicationTarget(
  s: ServerState,
  config: Configuration | null,
  id: ServerId,
): boolean {
  if (id === s.id) return false;
  if (isVoter(config, id) || (config?.learners.includes(id) ?? false)) return true;
  return s.change?.phase === 'catchUp' && s.change.catchUp.includes(id);
}

// ---------------------------------------------------------------------------------------------
// The leader's side of a change
// ---------------------------------------------------------------------------------------------

/**
 * An admin command reached the leader. Returns the answer to send now (`ok`, or `refused: …`), or
 * null when the change is under way and will be answered once C_new commits.
 */
export function handleAdmin(
  s: ServerState,
  admin: AdminCommand,
  command: string,
  client: ClientTag | null,
  ctx: RaftContext,
): string | null {
  const config = configOf(s);
  if (config === null) return refuse(s, command, 'notMember', ctx);
  if (s.change !== null) {
    if (s.change.command === command && sameTag(s.change.client, client)) return null; // a retry
    if (s.change.client === null && satisfied(s.change.target, admin)) {
      s.change.client = client; // the change a predecessor started, asked for again
      return null;
    }
    return refuse(s, command, 'inProgress', ctx);
  }
  const settled = configIndexOf(s) <= s.commitIndex && config.old === null;
  const final = finalOf(config);
  if (satisfied(final, admin)) {
    if (settled) return 'ok'; // already in force: a retry of a change that completed
    s.change = newChange(command, client, final, config.old === null ? 'final' : 'joint', ctx);
    return null;
  }
  if (!settled) return refuse(s, command, 'inProgress', ctx); // M-2, M-4: one at a time
  // M-3 (the 2015 fix): an entry of this term must be committed first (BUG-EARLYCONFIG skips it).
  if (termAt(s, s.commitIndex) !== s.term && !ctx.bug('BUG-EARLYCONFIG')) {
    return refuse(s, command, 'noCommitThisTerm', ctx);
  }
  const planned = plan(config, admin, ctx.config.servers);
  if (typeof planned === 'string') return refuse(s, command, planned, ctx);
  s.change = newChange(command, client, planned.target, 'catchUp', ctx);
  s.change.catchUp = planned.catchUp;
  s.change.roundEndIndex = lastLogIndex(s);
  if (planned.catchUp.length > 0) {
    ctx.emit({
      type: 'membership',
      server: s.id,
      phase: 'start',
      command,
      servers: [...planned.catchUp],
      time: ctx.now,
    });
  }
  progressCatchUp(s, ctx);
  return null;
}

function newChange(
  command: string,
  client: ClientTag | null,
  target: Configuration,
  phase: PendingChange['phase'],
  ctx: RaftContext,
): PendingChange {
  return {
    command,
    client,
    target,
    phase,
    catchUp: [],
    round: 1,
    roundStartMs: ctx.now,
    roundEndIndex: 0,
    heardMs: ctx.now,
  };
}

function sameTag(a: ClientTag | null, b: ClientTag | null): boolean {
  return a !== null && b !== null && a.client === b.client && a.seq === b.seq;
}

function finalOf(c: Configuration): Configuration {
  return { voters: c.voters, old: null, learners: c.learners };
}

/** Whether the configuration already is what the command asks for. */
function satisfied(c: Configuration, admin: AdminCommand): boolean {
  const x = admin.server ?? 0;
  switch (admin.kind) {
    case 'addServer':
    case 'promote':
      return c.voters.includes(x);
    case 'removeServer':
      return !c.voters.includes(x) && !c.learners.includes(x) && !(c.old?.includes(x) ?? false);
    case 'addLearner':
      return c.learners.includes(x);
    case 'reconfigure': {
      const wanted = admin.members ?? [];
      return c.old === null && wanted.join(',') === c.voters.join(',');
    }
  }
}

/** The configuration a change ends in and the servers to catch up first, or why it cannot be. */
function plan(
  c: Configuration,
  admin: AdminCommand,
  slots: number,
): { target: Configuration; catchUp: ServerId[] } | RefusalReason {
  const x = admin.server ?? 0;
  const known = (id: ServerId): boolean => id >= 1 && id <= slots;
  const without = (list: ServerId[], id: ServerId): ServerId[] => list.filter((y) => y !== id);
  switch (admin.kind) {
    case 'addServer':
      if (!known(x)) return 'unknownServer';
      return { target: finalWith(ids([...c.voters, x]), without(c.learners, x)), catchUp: [x] };
    case 'promote':
      if (!c.learners.includes(x)) return 'notLearner';
      return { target: finalWith(ids([...c.voters, x]), without(c.learners, x)), catchUp: [x] };
    case 'removeServer':
      if (c.voters.length === 1 && c.voters[0] === x) return 'lastVoter';
      return { target: finalWith(without(c.voters, x), without(c.learners, x)), catchUp: [] };
    case 'addLearner':
      if (!known(x)) return 'unknownServer';
      if (c.voters.includes(x)) return 'alreadyMember';
      return { target: finalWith(c.voters, ids([...c.learners, x])), catchUp: [] };
    case 'reconfigure': {
      const wanted = admin.members ?? [];
      if (wanted.length === 0 || !wanted.every(known)) return 'unknownServer';
      const learners = c.learners.filter((id) => !wanted.includes(id));
      const newcomers = wanted.filter((id) => !c.voters.includes(id));
      return { target: finalWith(wanted, learners), catchUp: newcomers };
    }
  }
}

function finalWith(voters: ServerId[], learners: ServerId[]): Configuration {
  return { voters, old: null, learners };
}

function refuse(s: ServerState, command: string, reason: RefusalReason, ctx: RaftContext): string {
  ctx.emit({ type: 'membership', server: s.id, phase: 'refused', command, reason, time: ctx.now });
  return `refused: ${reason}`;
}

/**
 * M-5: a round ends when every newcomer holds the leader's log as it was when the round began. A
 * round shorter than an election timeout means the newcomer keeps up: the change goes on. A
 * slower one starts another round; after MAX_CATCH_UP_ROUNDS slow rounds the change is aborted.
 * Returns whether a configuration entry was appended.
 */
export function progressCatchUp(s: ServerState, ctx: RaftContext): boolean {
  for (let guard = 0; guard <= MAX_CATCH_UP_ROUNDS; guard++) {
    const c = s.change;
    if (c === null || c.phase !== 'catchUp') return false;
    const behind = c.catchUp.some((id) => (peerOf(s, id)?.matchIndex ?? 0) < c.roundEndIndex);
    if (behind) return false;
    const durationMs = ctx.now - c.roundStartMs;
    if (c.catchUp.length > 0) {
      ctx.emit({
        type: 'membership',
        server: s.id,
        phase: 'catchUp',
        command: c.command,
        servers: [...c.catchUp],
        round: c.round,
        durationMs,
        time: ctx.now,
      });
    }
    if (durationMs < ctx.config.electionTimeoutMs[0]) {
      appendChange(s, c, ctx);
      return true;
    }
    if (c.round >= MAX_CATCH_UP_ROUNDS) {
      abort(s, ctx);
      return false;
    }
    c.round += 1;
    c.roundStartMs = ctx.now;
    c.roundEndIndex = lastLogIndex(s);
  }
  return false;
}

/** A newcomer answered an AppendEntries: it is alive; maybe its round is complete. */
export function onNewcomerReply(s: ServerState, from: ServerId, ctx: RaftContext): boolean {
  const c = s.change;
  if (c === null || c.phase !== 'catchUp' || !c.catchUp.includes(from)) return false;
  c.heardMs = ctx.now;
  return progressCatchUp(s, ctx);
}

/** When the leader must next look at its change: a silent newcomer aborts it (M-5). */
export function changeDeadline(s: ServerState, config: SimConfig): number | null {
  const c = s.change;
  if (c === null || c.phase !== 'catchUp') return null;
  return c.heardMs + config.electionTimeoutMs[1];
}

/** The leader's timer: abort a catch-up whose newcomer has been silent for an election timeout. */
export function checkChangeDeadline(s: ServerState, ctx: RaftContext): void {
  const due = changeDeadline(s, ctx.config);
  if (due !== null && ctx.now >= due) abort(s, ctx);
}

function abort(s: ServerState, ctx: RaftContext): void {
  const c = s.change;
  if (c === null) return;
  s.change = null;
  ctx.emit({
    type: 'membership',
    server: s.id,
    phase: 'aborted',
    command: c.command,
    reason: 'catchUpFailed',
    time: ctx.now,
  });
  answer(s, c.client, 'refused: catchUpFailed', ctx);
}

/** The newcomers are caught up: C_old,new for `reconfigure` (M-4), C_new otherwise. */
function appendChange(s: ServerState, c: PendingChange, ctx: RaftContext): void {
  const current = configOf(s);
  const direct = c.command.startsWith('reconfigure') && ctx.bug('BUG-DIRECTCONFIG');
  if (c.command.startsWith('reconfigure') && !direct && current !== null) {
    const joint: Configuration = {
      voters: c.target.voters,
      old: current.voters,
      learners: c.target.learners,
    };
    c.phase = 'joint';
    appendAsLeader(s, configText(joint), { config: joint }, ctx);
    ctx.emit({
      type: 'membership',
      server: s.id,
      phase: 'joint',
      command: c.command,
      time: ctx.now,
    });
    return;
  }
  c.phase = 'final';
  appendAsLeader(s, configText(c.target), { config: c.target }, ctx);
  ctx.emit({ type: 'membership', server: s.id, phase: 'final', command: c.command, time: ctx.now });
}

/**
 * The leader's commit index moved. A committed C_old,new is followed by C_new (M-4); a committed
 * C_new completes the change and is answered; a leader outside it steps down (M-6). Returns whether
 * an entry was appended (the caller replicates it).
 */
export function afterLeaderCommit(s: ServerState, ctx: RaftContext): boolean {
  const config = configOf(s);
  if (config === null || configIndexOf(s) > s.commitIndex) return false;
  if (config.old !== null) {
    // M-3 holds for C_new too: a new leader first commits an entry of its own term.
    if (termAt(s, s.commitIndex) !== s.term && !ctx.bug('BUG-EARLYCONFIG')) return false;
    const final = finalOf(config);
    appendAsLeader(s, configText(final), { config: final }, ctx);
    const command = s.change?.command ?? `reconfigure ${final.voters.join(',')}`;
    if (s.change !== null) s.change.phase = 'final';
    ctx.emit({ type: 'membership', server: s.id, phase: 'final', command, time: ctx.now });
    return true;
  }
  const c = s.change;
  if (c !== null && c.phase === 'final') {
    s.change = null;
    ctx.emit({
      type: 'membership',
      server: s.id,
      phase: 'done',
      command: c.command,
      time: ctx.now,
    });
    answer(s, c.client, 'ok', ctx);
  }
  if (!isVoter(config, s.id)) {
    ctx.emit({
      type: 'membership',
      server: s.id,
      phase: 'leave',
      command: c?.command ?? '',
      time: ctx.now,
    });
    becomeFollower(s, s.term, ctx);
    s.leaderHint = null;
  }
  return false;
}

function answer(s: ServerState, client: ClientTag | null, result: string, ctx: RaftContext): void {
  if (client === null) return;
  sendTo(
    s,
    -client.client,
    {
      type: 'ClientReply',
      client: client.client,
      seq: client.seq,
      ok: true,
      result,
      leaderHint: s.id,
    },
    ctx,
  );
}
