/**
 * Pure helpers for the cluster's marks: which shape a message gets, what its glyph and tooltip
 * say, the vote state of a candidate's peers, and whether a link is cut. Tested in Node.
 */
import type { Message } from '../../core/types.ts';
import { configOf, type ServerView } from '../../store/frameLog.ts';
import { clientName, endpointName, serverName } from '../names.ts';
import type { FrameNetwork } from '../../store/frame.ts';
import { EN_T, type Translate } from '../../i18n/index.ts';

/**
 * `pill`: InstallSnapshot, wide enough to carry its chunk number (F2-IS2). `hexagon`: a
 * follower's ReadIndex and the leader's answer with the read index (C-4, follower reads).
 */
export type MessageShape = 'circle' | 'square' | 'smallSquare' | 'diamond' | 'pill' | 'hexagon';

export interface MessageLook {
  shape: MessageShape;
  /** Requests are filled, replies hollow. */
  filled: boolean;
  /**
   * Drawn inside the mark: ✓/✗ for replies, the entry count for AppendEntries with entries, the
   * chunk as "k/n" for InstallSnapshot, R for ReadIndex and the read index in its answer.
   */
  glyph: string;
  /** Term for the colour, or null (client traffic is neutral). */
  term: number | null;
  /** Short English name (Node tests); the views show messageName, in the reader's language. */
  name: string;
}

/**
 * RequestVote is round, AppendEntries square (heartbeats small and empty), InstallSnapshot a pill
 * with its chunk number, ReadIndex a hexagon (its answer carries the read index), clients diamonds.
 */
export function messageLook(m: Message): MessageLook {
  const b = m.body;
  switch (b.type) {
    case 'RequestVote':
      return b.preVote
        ? { shape: 'circle', filled: true, glyph: '?', term: b.term, name: 'Pre-vote request' }
        : { shape: 'circle', filled: true, glyph: '', term: b.term, name: 'RequestVote' };
    case 'RequestVoteReply': {
      const kind = b.preVote ? 'Pre-vote' : 'Vote';
      return {
        shape: 'circle',
        filled: false,
        glyph: b.voteGranted ? '✓' : '✗',
        term: b.term,
        name: b.voteGranted ? `${kind} granted` : `${kind} denied`,
      };
    }
    case 'AppendEntries':
      return b.entries.length === 0
        ? { shape: 'smallSquare', filled: false, glyph: '', term: b.term, name: 'Heartbeat' }
        : {
            shape: 'square',
            filled: true,
            glyph: String(b.entries.length),
            term: b.term,
            name: `AppendEntries (${b.entries.length})`,
          };
    case 'AppendEntriesReply':
      return {
        shape: 'square',
        filled: false,
        glyph: b.success ? '✓' : '✗',
        term: b.term,
        name: b.success ? 'AppendEntries ok' : 'AppendEntries rejected',
      };
    case 'InstallSnapshot':
      // F2-IS2: one chunk of the leader's snapshot; "k/n" says which.
      return {
        shape: 'pill',
        filled: true,
        glyph: `${b.chunk}/${b.chunks}`,
        term: b.term,
        name: `InstallSnapshot (chunk ${b.chunk} of ${b.chunks})`,
      };
    case 'InstallSnapshotReply':
      return {
        shape: 'pill',
        filled: false,
        glyph: b.done ? '✓' : '…',
        term: b.term,
        name: b.done
          ? 'InstallSnapshot reply: saved'
          : `InstallSnapshot reply: has ${b.offset} chars`,
      };
    case 'ReadIndex':
      // C-4: a follower asks the leader for a read index to serve a client's get itself.
      return {
        shape: 'hexagon',
        filled: true,
        glyph: 'R',
        term: b.term,
        name: `ReadIndex (for ${clientName(b.client)}'s get)`,
      };
    case 'ReadIndexReply':
      return {
        shape: 'hexagon',
        filled: false,
        glyph: b.ok ? String(b.readIndex) : '✗',
        term: b.term,
        name: b.ok
          ? `ReadIndex reply: read index ${b.readIndex}`
          : 'ReadIndex reply: not the leader',
      };
    case 'TimeoutNow':
      return { shape: 'circle', filled: true, glyph: '⚑', term: b.term, name: 'TimeoutNow' };
    case 'ClientRequest':
      return { shape: 'diamond', filled: true, glyph: '', term: null, name: 'Client request' };
    case 'ClientReply':
      return {
        shape: 'diamond',
        filled: false,
        glyph: b.ok ? '✓' : '↪',
        term: null,
        name: b.ok ? 'Client reply' : 'Redirect',
      };
  }
}

/** A message's short name in the reader's language (RPC names stay as the paper writes them). */
export function messageName(m: Message, t: Translate = EN_T): string {
  const b = m.body;
  switch (b.type) {
    case 'RequestVote':
      return b.preVote ? t('mark.preVoteRequest') : 'RequestVote';
    case 'RequestVoteReply':
      if (b.preVote) return t(b.voteGranted ? 'mark.preVoteGranted' : 'mark.preVoteDenied');
      return t(b.voteGranted ? 'mark.voteGranted' : 'mark.voteDenied');
    case 'AppendEntries':
      return b.entries.length === 0 ? t('mark.heartbeat') : `AppendEntries (${b.entries.length})`;
    case 'AppendEntriesReply':
      return t(b.success ? 'mark.appendOk' : 'mark.appendRejected');
    case 'InstallSnapshot':
      return t('mark.snapshotChunk', { chunk: b.chunk, chunks: b.chunks });
    case 'InstallSnapshotReply':
      return b.done ? t('mark.snapshotSaved') : t('mark.snapshotHas', { offset: b.offset });
    case 'ReadIndex':
      return t('mark.readIndex', { client: clientName(b.client) });
    case 'ReadIndexReply':
      return b.ok ? t('mark.readIndexOk', { index: b.readIndex }) : t('mark.readIndexNo');
    case 'TimeoutNow':
      return 'TimeoutNow';
    case 'ClientRequest':
      return t('mark.clientRequest');
    case 'ClientReply':
      return t(b.ok ? 'mark.clientReply' : 'mark.redirect');
  }
}

/** Half the width of a pill (InstallSnapshot): room for its text ("12/20") at `fontSize`. */
export function pillHalfWidth(glyph: string, s: number, fontSize: number): number {
  return Math.max(s * 1.5, glyph.length * fontSize * 0.32 + 4);
}

/**
 * Half the width of a hexagon (ReadIndex): its size, widened for a read index of three digits or
 * more so the number stays inside.
 */
export function hexagonHalfWidth(glyph: string, s: number, fontSize: number): number {
  return Math.max(s * 1.2, glyph.length * fontSize * 0.32 + 3);
}

/** Half the width of a mark of `shape`: wider than tall only for a pill or a long hexagon. */
export function markHalfWidth(
  shape: MessageShape,
  glyph: string,
  s: number,
  fontSize: number,
): number {
  if (shape === 'pill') return pillHalfWidth(glyph, s, fontSize);
  if (shape === 'hexagon') return hexagonHalfWidth(glyph, s, fontSize);
  return s;
}

/** A hexagon `2 × hw` wide and `2 × s` tall, pointed left and right, as an SVG path. */
export function hexagonPath(hw: number, s: number): string {
  const inner = Math.max(0, hw - s * 0.6);
  const f = (n: number): string => n.toFixed(2);
  return `M${f(-hw)},0L${f(-inner)},${f(-s)}L${f(inner)},${f(-s)}L${f(hw)},0L${f(inner)},${f(s)}L${f(-inner)},${f(s)}Z`;
}

/** Whether the network lets a message pass between two endpoints now (mirrors core's linkOpen). */
export function linkOpenNow(net: FrameNetwork, from: number, to: number): boolean {
  if (from < 0 || to < 0 || from === to) return true;
  if (net.groups !== null && net.groups[from - 1] !== net.groups[to - 1]) return false;
  const key = from < to ? `${from}-${to}` : `${to}-${from}`;
  return !net.cut.includes(key);
}

export type LinkCut = 'open' | 'partition' | 'cut';

/** Why a link is closed: a partition between groups, a single cut, or not at all. */
export function linkState(net: FrameNetwork, a: number, b: number): LinkCut {
  if (net.groups !== null && net.groups[a - 1] !== net.groups[b - 1]) return 'partition';
  const key = a < b ? `${a}-${b}` : `${b}-${a}`;
  return net.cut.includes(key) ? 'cut' : 'open';
}

/**
 * A message is doomed when the network will drop it on arrival: drawn lost at send time, or
 * crossing a link that is closed now (it is dropped unless healed before it lands).
 */
export function isDoomed(m: Message, net: FrameNetwork): boolean {
  return m.lost || !linkOpenNow(net, m.from, m.to);
}

/** The SVG tooltip of a message in flight, in the reader's language (English by default). */
export function messageTitle(
  m: Message,
  now: number,
  net: FrameNetwork,
  t: Translate = EN_T,
): string {
  const look = messageLook(m);
  const eta = Math.max(0, Math.round(m.deliverMs - now));
  let fate = t('mark.arrives', { eta });
  if (m.lost) fate = t('mark.willLose');
  else if (!linkOpenNow(net, m.from, m.to)) fate = t('mark.linkCut');
  return t('mark.title', {
    id: m.id,
    name: messageName(m, t),
    route: `${endpointName(m.from)} → ${endpointName(m.to)}`,
    term: look.term === null ? '' : t('mark.term', { term: look.term }),
    fate,
    rule: t(`rpc.${m.body.type}`),
    dup: m.duplicateOf === null ? '' : t('mark.dup', { id: m.duplicateOf }),
  });
}

export type VoteMark = 'granted' | 'inFlight' | 'denied' | 'none';

/**
 * For a candidate: one mark per peer. Granted (the reply arrived), in flight (granted, reply still
 * travelling), denied (answered no), none (no answer yet).
 */
export function voteMarks(candidate: ServerView, inFlight: readonly Message[]): VoteMark[] {
  const travelling = new Set<number>();
  for (const m of inFlight) {
    const b = m.body;
    if (m.to !== candidate.id || b.type !== 'RequestVoteReply') continue;
    // A granted pre-vote carries the term the pre-candidate asked for (its term + 1, X-PV).
    const asked = candidate.role === 'precandidate' ? candidate.term + 1 : candidate.term;
    const round = b.preVote === (candidate.role === 'precandidate');
    if (b.voteGranted && round && b.term === asked && !m.lost) travelling.add(m.from);
  }
  return candidate.peers.map((p) => {
    if (p.voteGranted) return 'granted';
    if (travelling.has(p.id)) return 'inFlight';
    return p.voteResponded ? 'denied' : 'none';
  });
}

export function voteMarkTitle(peer: number, mark: VoteMark, t: Translate = EN_T): string {
  return t(`vote.${mark}`, { who: serverName(peer) });
}

/**
 * Votes a candidate has (its own included) against the majority it needs (F2-RV2). With a
 * configuration only its voters count (M-4: C_new's, the stricter count during a joint phase is
 * in the leader's panel); a server outside its configuration does not count itself (M-6).
 */
export function voteTally(candidate: ServerView, servers: number): { have: number; need: number } {
  const config = configOf(candidate);
  if (config === null) {
    const have = 1 + candidate.peers.filter((p) => p.voteGranted).length;
    return { have, need: Math.floor(servers / 2) + 1 };
  }
  const voters = config.voters;
  const have =
    (voters.includes(candidate.id) ? 1 : 0) +
    candidate.peers.filter((p) => p.voteGranted && voters.includes(p.id)).length;
  return { have, need: Math.floor(voters.length / 2) + 1 };
}
