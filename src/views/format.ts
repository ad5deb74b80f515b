/**
 * Plain-language formatting shared by the views: times, names and one line per simulation event.
 * Pure functions of plain data, so the words on screen are unit-tested in Node.
 */
import type { Action, Endpoint, InvariantId, Role, SimEvent, TimeMs } from '../core/types.ts';

/** Virtual time as seconds with millisecond precision: 1234 → "1.234 s". */
export function formatTime(ms: TimeMs): string {
  // Integer arithmetic, so 0.1 + 0.2 style rounding never shows up on screen.
  const whole = Math.round(Math.abs(ms));
  const sign = ms < 0 && whole > 0 ? '-' : '';
  const seconds = Math.floor(whole / 1000);
  const millis = String(whole % 1000).padStart(3, '0');
  return `${sign}${seconds}.${millis} s`;
}

/** A length of time: "40 ms" below a second, "1.234 s" above. */
export function formatDuration(ms: number): string {
  return Math.abs(ms) < 1000 ? `${Math.round(ms)} ms` : formatTime(ms);
}

/** How far ahead a deadline is: "in 40 ms", or "now" once it has passed. */
export function formatDue(dueMs: TimeMs, now: TimeMs): string {
  const delta = dueMs - now;
  return delta > 0 ? `in ${formatDuration(delta)}` : 'now';
}

export function serverName(id: number): string {
  return `S${id}`;
}

export function clientName(id: number): string {
  return `C${id}`;
}

/** What a server is doing; a crashed server has a role in memory but is not playing it. */
export type ServerStatus = Role | 'crashed';

export function serverStatus(s: { role: Role; crashed: boolean }): ServerStatus {
  return s.crashed ? 'crashed' : s.role;
}

/** A glyph per status, so the role reads without colour (WCAG 1.4.1). */
export const STATUS_GLYPH: Readonly<Record<ServerStatus, string>> = {
  leader: '★',
  precandidate: '◌',
  candidate: '◇',
  follower: '○',
  crashed: '✕',
};

/** Servers are positive endpoints, client k is endpoint -k (types.ts). */
export function endpointName(ep: Endpoint): string {
  return ep < 0 ? clientName(-ep) : serverName(ep);
}

export const INVARIANT_NAMES: Readonly<Record<InvariantId, string>> = {
  'INV-ES': 'Election Safety',
  'INV-LAO': 'Leader Append-Only',
  'INV-LM': 'Log Matching',
  'INV-LC': 'Leader Completeness',
  'INV-SMS': 'State Machine Safety',
  'INV-X1': 'terms never decrease',
  'INV-X2': 'no entry from a future term',
  'INV-X3': 'entry terms never decrease along a log',
  'INV-X4': 'commitIndex within the log',
  'INV-X5': 'lastApplied ≤ commitIndex',
  'INV-X6': 'commit and apply never go back',
  'INV-X7': 'one vote per term',
  'INV-X8': 'one candidate per voter and term',
  'INV-X9': 'committed prefixes agree',
  'INV-X14': 'followers match the leader up to matchIndex',
  'INV-C1': 'each client command runs once',
};

const groupList = (ids: readonly number[]): string => `{${ids.map(serverName).join(', ')}}`;
const link = (l: readonly [number, number]): string => `${serverName(l[0])}–${serverName(l[1])}`;

/** One action (a timed intervention) in words. */
export function describeAction(a: Action): string {
  switch (a.do) {
    case 'crash':
    case 'restart':
    case 'timeout':
      return `${a.do} ${serverName(a.server)}`;
    case 'partition':
      return `partition the network into ${a.groups.map(groupList).join(' | ')}`;
    case 'heal':
      return 'heal the network';
    case 'cut':
      return `cut the link ${link(a.link)}`;
    case 'connect':
      return `reconnect the link ${link(a.link)}`;
    case 'request': {
      const who = a.client === undefined ? 'a client' : clientName(a.client);
      const where = a.server === undefined ? 'the leader it knows' : serverName(a.server);
      return `${who} sends "${a.command}" to ${where}`;
    }
    case 'drop':
      return `drop message #${a.message}`;
    case 'dropInFlight': {
      const what = a.type ?? 'message';
      const from = a.from === undefined ? '' : ` from ${endpointName(a.from)}`;
      const to = a.to === undefined ? '' : ` to ${endpointName(a.to)}`;
      return `drop every ${what} in flight${from}${to}`;
    }
    case 'network':
      return 'change the network settings';
    case 'linkLatency':
      return a.latencyMs === null
        ? `reset the latency of ${link(a.link)}`
        : `set the latency of ${link(a.link)} to ${a.latencyMs[0]}–${a.latencyMs[1]} ms`;
    case 'nextTimeout':
      return `make the next election timeout of ${serverName(a.server)} ${a.ms} ms`;
  }
}

/** Facts about an event that only the events before it can tell (see feedModel.ts). */
export interface DescribeContext {
  /** becomeLeader: votes granted to the winner in that term, its own included. */
  votes?: number;
  /** becomeLeader: cluster size, for "3 of 5". */
  servers?: number;
  /** clientRedirect: the command of that (client, seq). */
  command?: string;
}

const entryRange = (from: number, to: number): string =>
  from === to ? `entry ${from}` : `entries ${from}–${to}`;

/**
 * Events the feed hides: sends, deliveries and drops by the network (the cluster view draws those
 * as moving messages), and a candidate's vote for itself (part of starting an election). A cheap
 * test, so filtering 100k events builds no strings.
 */
export function isNoisyEvent(e: SimEvent): boolean {
  switch (e.type) {
    case 'send':
    case 'deliver':
      return true;
    case 'drop':
      return e.reason !== 'manual';
    case 'vote':
      return e.voter === e.candidate;
    default:
      return false;
  }
}

/**
 * One event as a sentence, or null for the noisy ones (see isNoisyEvent).
 */
export function describeEvent(e: SimEvent, ctx: DescribeContext = {}): string | null {
  if (isNoisyEvent(e)) return null;
  switch (e.type) {
    case 'send':
    case 'deliver':
      return null;
    case 'drop':
      return `Message #${e.id} (${e.msg} ${endpointName(e.from)}→${endpointName(e.to)}) was dropped by hand`;
    case 'action':
      return `Action: ${describeAction(e.action)}`;
    default:
      return describeRaftEvent(e, ctx);
  }
}

type RaftEvent = Exclude<SimEvent, { type: 'send' | 'deliver' | 'drop' | 'action' }>;

function describeRaftEvent(e: RaftEvent, ctx: DescribeContext): string {
  switch (e.type) {
    case 'electionStart':
      return `${serverName(e.server)} ${e.forced ? 'was forced to time out' : 'timed out'} and started an election for term ${e.term}`;
    case 'vote':
      return `${serverName(e.voter)} ${e.granted ? 'granted its vote to' : 'refused its vote to'} ${serverName(e.candidate)} for term ${e.term}`;
    case 'preVoteStart':
      return `${serverName(e.server)} timed out and asked whether it could win term ${e.term}, without changing its term (PreVote)`;
    case 'preVote':
      return `${serverName(e.voter)} ${e.granted ? 'would vote' : 'would not vote'} for ${serverName(e.candidate)} in term ${e.term} (pre-vote)`;
    case 'voteIgnored':
      return `${serverName(e.voter)} ignored ${serverName(e.candidate)}'s request for term ${e.term}: it heard its leader recently (CheckQuorum)`;
    case 'quorumLost':
      return `${serverName(e.server)} heard from only ${e.active} servers in an election timeout and stepped down (CheckQuorum)`;
    case 'becomeLeader':
      return `${serverName(e.server)} won the election for term ${e.term}${tally(ctx)}`;
    case 'stepDown':
      if (e.from === 'candidate' || e.from === 'precandidate') {
        return `${serverName(e.server)} gave up its candidacy and became a follower in term ${e.term}`;
      }
      return e.from === 'leader'
        ? `${serverName(e.server)} stepped down from leader to follower in term ${e.term}`
        : `${serverName(e.server)} saw a newer term and moved to term ${e.term} (F2-A2)`;
    case 'append':
      return e.command === 'noop'
        ? `${serverName(e.server)} appended a no-op at entry ${e.index} for term ${e.term}`
        : `${serverName(e.server)} appended entry ${e.index} (term ${e.term}): ${e.command}`;
    case 'replicate':
      return `${serverName(e.server)} copied ${entryRange(e.fromIndex, e.toIndex)} from ${serverName(e.leader)}`;
    case 'truncate':
      return `${serverName(e.server)} deleted ${e.removed} conflicting ${e.removed === 1 ? 'entry' : 'entries'} from index ${e.fromIndex}`;
    case 'commit':
      return `${serverName(e.server)} committed up to entry ${e.index}`;
    case 'apply':
      return `${serverName(e.server)} applied entry ${e.index} (${e.command} → ${e.result})${e.duplicate ? ', answered from the session table' : ''}`;
    case 'crash':
      return `${serverName(e.server)} crashed`;
    case 'restart':
      return `${serverName(e.server)} restarted with its term, vote and log`;
    default:
      return describeClientEvent(e, ctx);
  }
}

type ClientEvent = Extract<SimEvent, { type: `client${string}` | 'violation' }>;

function describeClientEvent(e: ClientEvent, ctx: DescribeContext): string {
  switch (e.type) {
    case 'clientSend':
      return e.attempt > 1
        ? `${clientName(e.client)} retried request #${e.seq} "${e.command}" at ${serverName(e.server)} (attempt ${e.attempt})`
        : `${clientName(e.client)} sent request #${e.seq} "${e.command}" to ${serverName(e.server)}`;
    case 'clientRedirect': {
      const what = ctx.command === undefined ? `#${e.seq}` : `"${ctx.command}"`;
      return e.leaderHint === null
        ? `${clientName(e.client)}'s request ${what} was turned away by ${serverName(e.server)}, which knows no leader`
        : `${clientName(e.client)}'s request ${what} was redirected to ${serverName(e.leaderHint)} by ${serverName(e.server)}`;
    }
    case 'clientReply':
      return `${serverName(e.server)} answered ${clientName(e.client)}'s request #${e.seq}: ${e.result}`;
    case 'violation': {
      const v = e.violation;
      return `Invariant ${v.invariant} (${INVARIANT_NAMES[v.invariant]}) violated: ${v.message}`;
    }
  }
}

function tally(ctx: DescribeContext): string {
  if (ctx.votes === undefined) return '';
  const of = ctx.servers === undefined ? '' : ` of ${ctx.servers}`;
  return ` with ${ctx.votes}${of} ${ctx.votes === 1 ? 'vote' : 'votes'}`;
}
