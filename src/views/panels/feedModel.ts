/**
 * Pure helpers of the event feed: which events get a line, which line is "now", and the facts a
 * line needs from earlier events (vote tallies, redirected commands). One pass each, O(events).
 */
import { parseConfigText } from '../../core/index.ts';
import type { SimEvent } from '../../core/types.ts';
import { followsOn, startOf, timeAt, type Seq } from '../../store/eventList.ts';
import { isNoisyEvent, type DescribeContext } from '../format.ts';

/** Indexes (into `events`) of the events that get a line in the feed. */
export function feedLines(events: Seq<SimEvent>): number[] {
  const lines: number[] = [];
  for (let i = 0; i < events.length; i++) {
    const e = events.at(i);
    if (e !== undefined && !isNoisyEvent(e)) lines.push(i);
  }
  return lines;
}

/**
 * The line of the last event at or before `now` (-1 if none). Events are in time order, so this
 * is a binary search: following the playhead stays cheap with 100k events. `lines` hold positions
 * in the events' log (feedIndex): item `i` of the list is at `start + i`.
 */
export function currentLine(
  events: Seq<SimEvent>,
  lines: readonly number[],
  now: number,
  start = 0,
): number {
  let lo = 0;
  let hi = lines.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const i = lines[mid] ?? -1;
    const time = i < start ? undefined : timeAt(events, i - start);
    if (time !== undefined && time <= now) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/**
 * Context for the lines that need other events: a new leader's vote count (votes granted to it
 * in that term before it won, its own included), the command of a redirected request, and for a
 * follower read (C-4) the follower the leader sent the read index to and, on the follower's line,
 * the leader it asked: the leader of its term as the events tell it, or the one that confirmed.
 */
export function feedContexts(
  events: Seq<SimEvent>,
  servers?: number,
): Map<number, DescribeContext> {
  const builder = new ContextBuilder(servers);
  for (let i = 0; i < events.length; i++) builder.add(events.at(i) as SimEvent, i);
  return builder.out;
}

/** The running state of feedContexts, so lines can be added as events arrive (feedIndex). */
class ContextBuilder {
  readonly out = new Map<number, DescribeContext>();
  /** Events added so far. */
  consumed = 0;
  private readonly voters = new Map<string, Set<number>>();
  private readonly commands = new Map<string, string>();
  // A follower read's held line, by client/seq: the leader's `confirmed` line pairs with the latest.
  private readonly followerHeld = new Map<string, { line: number; server: number }>();
  // Each server's term as the events tell it, and the leader of each term (at most one, INV-ES):
  // a follower asks the leader of its term, so its held line can name it before S1 confirms.
  private readonly termOf = new Map<number, number>();
  private readonly leaderOf = new Map<number, number>();
  // Voters of the latest configuration a leader appended (M-1); a joint one has no single count.
  private electorate: number | undefined;

  constructor(servers?: number) {
    this.electorate = servers;
  }

  /**
   * Forgets what events before position `start` left that only a later event of the same request
   * would read (commands of redirects, held follower reads), and their lines' contexts, as a
   * list that begins at `start` would not know them.
   */
  dropBefore(start: number): void {
    for (const key of this.out.keys()) if (key < start) this.out.delete(key);
    for (const [key, at] of this.commandAt) {
      if (at >= start) continue;
      this.commandAt.delete(key);
      this.commands.delete(key);
    }
    for (const [key, held] of this.followerHeld)
      if (held.line < start) this.followerHeld.delete(key);
  }

  /** Where each command of `commands` was sent (dropBefore). */
  private readonly commandAt = new Map<string, number>();

  add(e: SimEvent, i: number): void {
    const { out, voters, commands, followerHeld, termOf, leaderOf } = this;
    this.consumed = i + 1;
    switch (e.type) {
      case 'append': {
        const config = e.command.startsWith('config ') ? parseConfigText(e.command) : null;
        if (config !== null)
          this.electorate = config.old === null ? config.voters.length : undefined;
        break;
      }
      case 'vote':
        if (e.granted) {
          const key = `${e.candidate}/${e.term}`;
          const set = voters.get(key) ?? new Set<number>();
          set.add(e.voter);
          voters.set(key, set);
        }
        break;
      case 'electionStart':
      case 'stepDown':
        termOf.set(e.server, e.term);
        break;
      case 'becomeLeader': {
        termOf.set(e.server, e.term);
        leaderOf.set(e.term, e.server);
        const votes = new Set(voters.get(`${e.server}/${e.term}`));
        votes.add(e.server); // A candidate always votes for itself (F2 Candidates).
        out.set(
          i,
          this.electorate === undefined
            ? { votes: votes.size }
            : { votes: votes.size, servers: this.electorate },
        );
        break;
      }
      case 'clientSend': {
        const key = `${e.client}/${e.seq}`;
        commands.set(key, e.command);
        this.commandAt.set(key, i);
        break;
      }
      case 'read': {
        const key = `${e.client}/${e.seq}`;
        if (e.mode === 'follower' && e.phase === 'held') {
          followerHeld.set(key, { line: i, server: e.server });
          const leader = leaderOf.get(termOf.get(e.server) ?? -1);
          if (leader !== undefined) out.set(i, { leader });
        }
        const held = e.phase === 'confirmed' ? followerHeld.get(key) : undefined;
        if (held !== undefined) {
          out.set(i, { follower: held.server });
          out.set(held.line, { ...out.get(held.line), leader: e.server });
          followerHeld.delete(key);
        }
        break;
      }
      case 'clientRedirect': {
        const command = commands.get(`${e.client}/${e.seq}`);
        if (command !== undefined) out.set(i, { command });
        break;
      }
      default:
        break;
    }
  }
}

/**
 * Lines and contexts of an event list, kept up to date as the list grows (feedIndex). Lines and
 * contexts are keyed by position in the events' log (`start` + index in `events`), so a list
 * whose oldest events were dropped keeps the keys of the others.
 */
export interface FeedIndex {
  readonly events: Seq<SimEvent>;
  /** The events' first position (startOf). */
  readonly start: number;
  readonly servers: number | undefined;
  readonly lines: number[];
  readonly contexts: Map<number, DescribeContext>;
  readonly builder: ContextBuilder;
}

/**
 * feedLines and feedContexts of `events`, extending `prev` when `events` only adds events at the
 * end of prev's list (the usual case while the run plays): each frame then costs what it adds,
 * not the length of the run. When the list's oldest events were dropped (followsOn: 'trimmed',
 * the recorder's cap), their lines and contexts go and the rest are kept, so the kept events are
 * not read again (the recorder keeps them packed: a reread would decode them). Anything else (a
 * rewind, a fork, a new run) starts over. The returned lines and contexts may be prev's, grown in
 * place; a prev that was grown further by a render React then dropped (its builder is past its
 * events) is not extended but rebuilt.
 */
export function feedIndex(
  prev: FeedIndex | null,
  events: Seq<SimEvent>,
  servers?: number,
): FeedIndex {
  const start = startOf(events);
  const follows = prev === null ? null : followsOn(prev.events, events);
  const usable =
    prev !== null &&
    follows !== null &&
    follows.kind !== 'other' &&
    prev.servers === servers &&
    prev.builder.consumed === prev.start + prev.events.length;
  if (usable && follows.kind === 'same') return prev;
  let lines: number[];
  let builder: ContextBuilder;
  if (usable) {
    ({ lines, builder } = prev);
    if (follows.kind === 'trimmed') {
      let first = 0;
      while (first < lines.length && (lines[first] as number) < start) first++;
      lines = lines.slice(first);
      builder.dropBefore(start);
    }
  } else {
    lines = [];
    builder = new ContextBuilder(servers);
    builder.consumed = start;
  }
  for (let i = builder.consumed - start; i < events.length; i++) {
    const e = events.at(i) as SimEvent;
    if (!isNoisyEvent(e)) lines.push(start + i);
    builder.add(e, start + i);
  }
  return { events, start, servers, lines, contexts: builder.out, builder };
}

export type LineTone = 'election' | 'vote' | 'log' | 'fault' | 'client' | 'violation' | 'action';

/** A glyph and tone per line, so kinds can be scanned without reading (and without colour). */
export function lineTone(e: SimEvent): { glyph: string; tone: LineTone } {
  switch (e.type) {
    case 'electionStart':
    case 'becomeLeader':
    case 'stepDown':
      return { glyph: e.type === 'becomeLeader' ? '★' : '◆', tone: 'election' };
    case 'vote':
      return { glyph: e.granted ? '✓' : '✗', tone: 'vote' };
    case 'append':
    case 'replicate':
    case 'truncate':
    case 'commit':
    case 'apply':
      return { glyph: e.type === 'commit' ? '●' : e.type === 'truncate' ? '✂' : '▪', tone: 'log' };
    case 'snapshot':
    case 'installSnapshot':
      // Log compaction (F2-IS6) and a snapshot installed from the leader (F2-IS4, F2-IS5).
      return { glyph: '▣', tone: 'log' };
    case 'crash':
    case 'restart':
    case 'drop':
      return { glyph: e.type === 'restart' ? '▲' : '✕', tone: 'fault' };
    case 'membership':
      // A refused or abandoned change must stand out (the design: never silently dropped).
      return e.phase === 'refused' || e.phase === 'aborted'
        ? { glyph: '⊘', tone: 'fault' }
        : { glyph: '⚙', tone: 'log' };
    case 'clientReply':
      return e.result.startsWith('refused:')
        ? { glyph: '⊘', tone: 'fault' }
        : { glyph: '✉', tone: 'client' };
    case 'clientSend':
    case 'clientRedirect':
    case 'clientLateReply':
      return { glyph: '✉', tone: 'client' };
    case 'violation':
      return { glyph: '⚠', tone: 'violation' };
    default:
      return { glyph: '■', tone: 'action' };
  }
}
