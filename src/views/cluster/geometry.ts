/**
 * Pure geometry of the cluster view: where servers, clients and messages are drawn. No DOM, no
 * React: every function maps numbers to numbers or to SVG path strings, so Node tests cover it.
 */
import { arc } from '../shapes.ts';
import type { Endpoint, Message } from '../../core/types.ts';

export interface Point {
  x: number;
  y: number;
}

export interface NodePosition extends Point {
  id: number;
  /** Radians, clockwise from the top; used to place labels outside the ring. */
  angle: number;
  /** This server's own radius when it differs from the ring's (a server outside the cluster). */
  r?: number;
}

export interface RingLayout {
  width: number;
  height: number;
  center: Point;
  /** Radius of the ring the servers sit on (0 for a single server). */
  ringRadius: number;
  /** Radius of one server's circle. */
  nodeRadius: number;
  servers: NodePosition[];
}

const TAU = 2 * Math.PI;
/** Room kept around the ring for timer arcs, labels and the client column. */
const OUTER_MARGIN_PX = 38;

/**
 * Places `n` servers (1..9) clockwise on a ring starting at the top, sized to fit the box.
 * Node radius shrinks with n so neighbours never overlap (chord ≥ 2.6 node radii).
 */
export function ringLayout(n: number, width: number, height: number): RingLayout {
  const count = Math.max(1, Math.floor(n));
  const center = { x: width / 2, y: height / 2 };
  const half = Math.max(40, Math.min(width, height) / 2 - OUTER_MARGIN_PX);
  // Big enough to read a term number from the back of a room, small enough to leave the links room.
  const maxNodeRadius = Math.min(64, Math.max(16, half * 0.22));
  if (count === 1) {
    return {
      width,
      height,
      center,
      ringRadius: 0,
      nodeRadius: maxNodeRadius,
      servers: [{ id: 1, x: center.x, y: center.y, angle: 0 }],
    };
  }
  // Solve ringRadius + nodeRadius = half with the chord constraint between neighbours.
  const chordPerRadius = 2 * Math.sin(Math.PI / count);
  const nodeRadius = Math.min(maxNodeRadius, (half * chordPerRadius) / (2.6 + chordPerRadius));
  const ringRadius = half - nodeRadius;
  const servers = Array.from({ length: count }, (_, i) => {
    const angle = (i * TAU) / count;
    return {
      id: i + 1,
      angle,
      x: center.x + ringRadius * Math.sin(angle),
      y: center.y - ringRadius * Math.cos(angle),
    };
  });
  return { width, height, center, ringRadius, nodeRadius, servers };
}

/** Clients sit in a column at the left edge, off the ring, so their traffic is easy to tell apart. */
export function clientPosition(client: number, layout: RingLayout): Point {
  const k = Math.max(1, Math.abs(client));
  // Stacked down the left edge; a tall column wraps into a second one.
  const perColumn = Math.max(1, Math.floor((layout.height - 26) / 44));
  const col = Math.floor((k - 1) / perColumn);
  return { x: 22 + col * 40, y: 26 + ((k - 1) % perColumn) * 44 };
}

/** The position of any endpoint: a server (> 0) or a client (< 0, -k is client k). */
export function endpointPosition(endpoint: Endpoint, layout: RingLayout): Point {
  if (endpoint < 0) return clientPosition(-endpoint, layout);
  const server = layout.servers[endpoint - 1];
  return server ?? layout.center;
}

/** The radius of the mark drawn for an endpoint (clients are smaller than servers). */
export function endpointRadius(endpoint: Endpoint, layout: RingLayout): number {
  return endpoint < 0 ? CLIENT_RADIUS_PX : nodeRadiusOf(endpoint, layout);
}

/** The radius of server `id`: its own, or the ring's. */
export function nodeRadiusOf(id: number, layout: RingLayout): number {
  return layout.servers[id - 1]?.r ?? layout.nodeRadius;
}

export const CLIENT_RADIUS_PX = 14;
/** Messages travel in lanes offset to the right of their direction, so a→b and b→a never overlap. */
export const LANE_OFFSET_PX = 6;

export interface Segment {
  from: Point;
  to: Point;
  /** Unit vector along the segment. */
  ux: number;
  uy: number;
  length: number;
}

/** The straight segment between two circles' edges (centre to centre, shortened by the radii). */
export function edgeSegment(a: Point, ra: number, b: Point, rb: number): Segment {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const dist = Math.hypot(dx, dy) || 1;
  const ux = dx / dist;
  const uy = dy / dist;
  const from = { x: a.x + ux * ra, y: a.y + uy * ra };
  const to = { x: b.x - ux * rb, y: b.y - uy * rb };
  return { from, to, ux, uy, length: Math.max(0, dist - ra - rb) };
}

export interface MessagePlacement extends Point {
  /** 0 at the sender's edge, 1 at the receiver's edge. */
  progress: number;
  /** Direction of travel in degrees (SVG rotation, 0 = towards +x). */
  angleDeg: number;
}

/** Fraction of the trip done at `now`: (now − sent) / (deliver − sent), clamped to [0, 1]. */
export function messageProgress(msg: Pick<Message, 'sentMs' | 'deliverMs'>, now: number): number {
  const span = msg.deliverMs - msg.sentMs;
  if (span <= 0) return 1;
  return Math.min(1, Math.max(0, (now - msg.sentMs) / span));
}

/** Scale of the message marks (MessageLayer's markScale): larger on a projector, smaller when crowded. */
export function messageMarkScale(layout: RingLayout): number {
  return Math.min(1.6, Math.max(0.8, layout.nodeRadius / 30));
}

/**
 * How far from a server's centre its messages to the other servers start (and its answers end):
 * far enough that the marks of one broadcast, each on its own link, sit side by side instead of on
 * top of each other. Links from a server on the ring are π/n apart, so marks `D` wide need
 * D / (2 sin(π/2n)). Never less than the server's radius.
 */
export function broadcastRadius(layout: RingLayout): number {
  const n = layout.servers.length;
  const mark = 2 * 7 * messageMarkScale(layout) + 4;
  if (n < 3) return layout.nodeRadius;
  return Math.max(layout.nodeRadius, mark / (2 * Math.sin(Math.PI / (2 * n))));
}

/** Where a message leaves (or reaches) `endpoint` on its way to (from) `other`: see broadcastRadius. */
function departRadius(endpoint: Endpoint, other: Endpoint, layout: RingLayout): number {
  const r = endpointRadius(endpoint, layout);
  if (endpoint < 0 || other < 0 || layout.servers[endpoint - 1]?.r !== undefined) return r;
  const a = endpointPosition(endpoint, layout);
  const b = endpointPosition(other, layout);
  // Close neighbours keep most of their link for the trip.
  return Math.max(r, Math.min(broadcastRadius(layout), Math.hypot(b.x - a.x, b.y - a.y) * 0.4));
}

/** Where a message in flight is drawn at (fractional) virtual time `now`. */
export function messagePosition(
  msg: Pick<Message, 'from' | 'to' | 'sentMs' | 'deliverMs'>,
  now: number,
  layout: RingLayout,
): MessagePlacement {
  const seg = edgeSegment(
    endpointPosition(msg.from, layout),
    departRadius(msg.from, msg.to, layout),
    endpointPosition(msg.to, layout),
    departRadius(msg.to, msg.from, layout),
  );
  const progress = messageProgress(msg, now);
  // Right-hand normal of the direction of travel (SVG y grows downwards).
  const nx = -seg.uy;
  const ny = seg.ux;
  return {
    progress,
    x: seg.from.x + (seg.to.x - seg.from.x) * progress + nx * LANE_OFFSET_PX,
    y: seg.from.y + (seg.to.y - seg.from.y) * progress + ny * LANE_OFFSET_PX,
    angleDeg: (Math.atan2(seg.uy, seg.ux) * 180) / Math.PI,
  };
}

/** Opacity of a message the network will lose: solid at first, fading over the last 40 %. */
export function lostMessageOpacity(progress: number): number {
  if (progress <= 0.6) return 1;
  return Math.max(0.15, 1 - ((progress - 0.6) / 0.4) * 0.85);
}

/** Remaining share of an election timer, in [0, 1]; 0 when it has fired. */
export function timerFraction(deadlineMs: number, timeoutMs: number, now: number): number {
  if (timeoutMs <= 0) return 0;
  return Math.min(1, Math.max(0, (deadlineMs - now) / timeoutMs));
}

const timerArcGenerator = arc<{ inner: number; outer: number; end: number }>()
  .innerRadius((d) => d.inner)
  .outerRadius((d) => d.outer)
  .startAngle(0)
  .endAngle((d) => d.end);

/**
 * The election-timer arc around a server (centred on 0,0), clockwise from the top, covering the
 * remaining fraction of the timeout. Empty string when nothing remains.
 */
export function timerArcPath(fraction: number, nodeRadius: number): string {
  if (fraction <= 0) return '';
  const end = TAU * Math.min(1, fraction);
  return timerArcGenerator({ inner: nodeRadius + 3, outer: nodeRadius + 7, end }) ?? '';
}

/**
 * The election-timer ring drawn as a stroke instead (what the lab draws, so a frame moves only
 * its dash offset): a circle through the middle of timerArcPath's band (radius nodeRadius + 5,
 * 4 px wide), turned to start at the top, one dash as long as the circle. `offset(fraction)` hides
 * the part of the circle already used up, so the dash covers the same clockwise arc.
 */
export function timerRing(nodeRadius: number): {
  radius: number;
  dashArray: string;
  offset: (fraction: number) => string;
} {
  const radius = nodeRadius + 5;
  const length = Math.ceil(TAU * radius * 100) / 100;
  return {
    radius,
    dashArray: `${length} ${length}`,
    offset: (fraction) => (length * (1 - Math.min(1, Math.max(0, fraction)))).toFixed(2),
  };
}

/**
 * Where a candidate shows the vote of each peer: a small mark just inside its rim, pointing at
 * that peer (as RaftScope does), so the reader can tell who voted without a legend. Positions are
 * relative to the candidate's centre; `markRadius` is the size of one mark.
 */
export function voteMarkPositions(
  node: Point,
  peers: readonly Point[],
  nodeRadius: number,
  markRadius: number,
): Point[] {
  const rho = Math.max(0, nodeRadius - markRadius - 3);
  return peers.map((p) => {
    const dx = p.x - node.x;
    const dy = p.y - node.y;
    const d = Math.hypot(dx, dy) || 1;
    return { x: (dx / d) * rho, y: (dy / d) * rho };
  });
}

/** Where a server's name label goes: outside the ring, away from the centre. */
export function labelPosition(node: NodePosition, layout: RingLayout): Point {
  const r = node.r ?? layout.nodeRadius;
  if (layout.ringRadius === 0 && node.r === undefined) return { x: node.x, y: node.y - r - 14 };
  const size = serverLabelSize(layout);
  const d = r + 12 + size * 0.6;
  // Kept inside the box: a name beside a server at the far left or right is not cut off.
  const x = Math.min(layout.width - size, Math.max(size, node.x + d * Math.sin(node.angle)));
  return { x, y: node.y - d * Math.cos(node.angle) + 4 };
}

/** Font size of the S1..Sn labels, growing with the servers. */
export function serverLabelSize(layout: RingLayout): number {
  return Math.round(Math.max(13, Math.min(22, layout.nodeRadius * 0.42)));
}

/** The key of the undirected link between two servers, `a-b` with a < b (as the core names cuts). */
export function linkKey(a: number, b: number): string {
  return a < b ? `${a}-${b}` : `${b}-${a}`;
}

/** Every unordered pair of servers 1..n, in a stable order. */
export function allLinks(n: number): [number, number][] {
  const links: [number, number][] = [];
  for (let a = 1; a <= n; a++) for (let b = a + 1; b <= n; b++) links.push([a, b]);
  return links;
}

/** Which side of the directed line p→q the point lies on (sign of the cross product). */
export function sideOfLine(p: Point, q: Point, point: Point): number {
  return Math.sign((q.x - p.x) * (point.y - p.y) - (q.y - p.y) * (point.x - p.x));
}

/**
 * Splits the servers into two groups by a line drawn across the ring (the drag gesture of the
 * partition mode). Returns null when the line leaves every server on one side.
 */
export function partitionByLine(p: Point, q: Point, layout: RingLayout): number[][] | null {
  const left: number[] = [];
  const right: number[] = [];
  for (const s of layout.servers) (sideOfLine(p, q, s) < 0 ? left : right).push(s.id);
  if (left.length === 0 || right.length === 0) return null;
  return [left, right];
}

/** Width and height of the leader's crown on a server of radius `r`. */
export function crownSize(r: number): { w: number; h: number } {
  const w = Math.max(14, r * 0.6);
  return { w, h: w * 0.55 };
}

/**
 * The word over a server's term number ("term", "mandato") and its size, made to fit inside the
 * circle: at 0.27 r (never under 9 px), or smaller down to 7 px where the word is too wide for the
 * chord of the circle at its height, or not drawn at all where even 7 px does not fit (a phone's
 * servers in Spanish or Portuguese, about 16 px across: the number alone is drawn, centred). The
 * width is estimated at 0.65 em a character, a little wider than the lab's sans-serif fonts draw
 * these words, so a word judged to fit does fit. The server's accessible name keeps the word.
 */
export interface TermCaption {
  /** Font size of the word, in px; 0 when it is not drawn. */
  fontSize: number;
  /** Baseline of the word, relative to the server's centre (px, negative is up). */
  captionY: number;
  /** Font size and baseline of the term number. */
  numberSize: number;
  numberY: number;
}

/** Estimated width of a character of the caption, in em (see TermCaption). */
const CAPTION_EM_PER_CHAR = 0.65;
/** Room kept free on each side of the word, inside the circle's outline (px). */
const CAPTION_SIDE_PX = 1.5;
const CAPTION_MIN_PX = 7;

export function termCaption(word: string, r: number): TermCaption {
  const numberSize = Math.max(14, r * 0.7);
  const captionY = -r * 0.36;
  const fits = (size: number): boolean => {
    // The chord a little above the baseline, where lower-case letters are widest, less the room.
    const y = captionY - size * 0.3;
    const chord = 2 * Math.sqrt(Math.max(0, r * r - y * y)) - 2 * CAPTION_SIDE_PX;
    return [...word].length * CAPTION_EM_PER_CHAR * size <= chord;
  };
  let fontSize = Math.max(9, r * 0.27);
  while (fontSize > CAPTION_MIN_PX && !fits(fontSize))
    fontSize = Math.max(CAPTION_MIN_PX, fontSize - 0.5);
  if (!fits(fontSize)) {
    // The number alone, its digits centred on the server's centre.
    return { fontSize: 0, captionY, numberSize, numberY: numberSize * 0.36 };
  }
  return { fontSize, captionY, numberSize, numberY: r * 0.36 };
}

/** How far a server's drawing reaches past its radius: the election-timer arc. */
export const RIM_PX = 7;

/** A box around a server's name label (centre and half sizes), for overlap checks. */
export function labelBox(
  node: NodePosition,
  layout: RingLayout,
): Point & { hw: number; hh: number } {
  const size = serverLabelSize(layout);
  const p = labelPosition(node, layout);
  // "S9" is about 1.2 em wide; the baseline sits 4 px under the centre line plus 0.35 em.
  return { x: p.x, y: p.y - size * 0.35, hw: size * 0.62, hh: size * 0.55 };
}

/**
 * Where the leader's crown sits, relative to its server's centre (the middle of the crown's base):
 * on the rim, upright on top when nothing is there; otherwise at the place on the upper rim with
 * the most room from the name label and the neighbouring servers (nine servers on a ring leave
 * little). Tilts are tried from the top outwards, so a crown only leans when it must.
 */
export function crownOffset(node: NodePosition, layout: RingLayout): Point {
  const r = node.r ?? layout.nodeRadius;
  const { w, h } = crownSize(r);
  const reach = Math.hypot(w / 2, h / 2);
  const label = labelBox(node, layout);
  const others = layout.servers.filter((s) => s.id !== node.id);
  let best: Point = { x: 0, y: -(r + 4) };
  let bestScore = -Infinity;
  for (const tilt of [0, -0.45, 0.45, -0.85, 0.85, -1.25, 1.25, -1.65, 1.65]) {
    const base = { x: (r + 4) * Math.sin(tilt), y: -(r + 4) * Math.cos(tilt) };
    const centre = { x: node.x + base.x, y: node.y + base.y - h / 2 };
    let room = Infinity;
    for (const o of others) {
      const d = Math.hypot(centre.x - o.x, centre.y - o.y);
      room = Math.min(room, d - (o.r ?? layout.nodeRadius) - RIM_PX - reach);
    }
    // Distance between the crown's box and the label's box (negative when they overlap).
    const gapX = Math.abs(centre.x - label.x) - label.hw - w / 2;
    const gapY = Math.abs(centre.y - label.y) - label.hh - h / 2;
    room = Math.min(room, Math.max(gapX, gapY));
    // Enough room counts the same everywhere: then the first (most upright) candidate wins.
    const score = Math.min(room, 4);
    if (score > bestScore) {
      bestScore = score;
      best = base;
    }
  }
  return best;
}
