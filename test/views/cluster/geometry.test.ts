/** The cluster's pure geometry and marks (src/views/cluster), checked in Node. */
import { describe, expect, it } from 'vitest';
import type { Message, ServerState } from '../../../src/core/types.ts';
import {
  allLinks,
  crownOffset,
  crownSize,
  labelBox,
  messageMarkScale,
  messagePosition,
  RIM_PX,
  partitionByLine,
  termCaption,
  ringLayout,
  timerArcPath,
  timerRing,
  timerFraction,
  voteMarkPositions,
} from '../../../src/views/cluster/geometry.ts';
import { isDoomed, linkState, messageLook, voteMarks } from '../../../src/views/cluster/marks.ts';
import type { FrameNetwork } from '../../../src/store/frame.ts';

const dist = (a: { x: number; y: number }, b: { x: number; y: number }) =>
  Math.hypot(a.x - b.x, a.y - b.y);

describe('ringLayout', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8, 9])('places %i servers inside the box without overlap', (n) => {
    const layout = ringLayout(n, 600, 420);
    expect(layout.servers).toHaveLength(n);
    expect(layout.servers.map((s) => s.id)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    for (const s of layout.servers) {
      expect(s.x - layout.nodeRadius).toBeGreaterThanOrEqual(0);
      expect(s.x + layout.nodeRadius).toBeLessThanOrEqual(600);
      expect(s.y - layout.nodeRadius).toBeGreaterThanOrEqual(0);
      expect(s.y + layout.nodeRadius).toBeLessThanOrEqual(420);
    }
    for (const [a, b] of allLinks(n)) {
      const pa = layout.servers[a - 1]!;
      const pb = layout.servers[b - 1]!;
      expect(dist(pa, pb)).toBeGreaterThan(2.5 * layout.nodeRadius);
    }
  });

  it('starts at the top and goes clockwise', () => {
    const [s1, s2] = ringLayout(4, 400, 400).servers;
    expect(s1!.y).toBeLessThan(200);
    expect(s1!.x).toBeCloseTo(200);
    expect(s2!.x).toBeGreaterThan(200);
  });
});

describe('messagePosition', () => {
  const layout = ringLayout(5, 500, 500);
  const msg = { from: 1, to: 3, sentMs: 100, deliverMs: 120 };

  it('moves from the sender edge to the receiver edge with (now − sent) / (deliver − sent)', () => {
    const start = messagePosition(msg, 100, layout);
    const mid = messagePosition(msg, 110, layout);
    const end = messagePosition(msg, 120, layout);
    expect(start.progress).toBe(0);
    expect(mid.progress).toBeCloseTo(0.5);
    expect(end.progress).toBe(1);
    expect(messagePosition(msg, 500, layout).progress).toBe(1);
    const s1 = layout.servers[0]!;
    const s3 = layout.servers[2]!;
    expect(dist(start, s1)).toBeLessThan(dist(start, s3));
    expect(dist(end, s3)).toBeLessThan(dist(end, s1));
    expect(dist(mid, s1)).toBeCloseTo(dist(mid, s3), 0);
  });

  it('keeps the two directions of a link in separate lanes', () => {
    const there = messagePosition(msg, 110, layout);
    const back = messagePosition({ ...msg, from: 3, to: 1 }, 110, layout);
    expect(dist(there, back)).toBeGreaterThan(8);
  });

  it('draws client traffic from off the ring', () => {
    const p = messagePosition({ from: -1, to: 2, sentMs: 0, deliverMs: 10 }, 0, layout);
    expect(p.x).toBeLessThan(layout.servers[1]!.x);
  });
});

describe('timer', () => {
  it('is the remaining share of the timeout, with an arc only while time is left', () => {
    expect(timerFraction(300, 200, 200)).toBe(0.5);
    expect(timerFraction(300, 200, 400)).toBe(0);
    expect(timerFraction(300, 200, 0)).toBe(1);
    expect(timerArcPath(0, 20)).toBe('');
    expect(timerArcPath(0.5, 20)).toMatch(/^M/);
  });

  it('as a ring, shows the same share as a dash through the middle of the arc’s band', () => {
    const ring = timerRing(20);
    // timerArcPath's band runs from r + 3 to r + 7: the 4 px stroke is centred on r + 5.
    expect(ring.radius).toBe(25);
    const [dash, gap] = ring.dashArray.split(' ').map(Number);
    const length = 2 * Math.PI * 25;
    expect(dash).toBeGreaterThanOrEqual(length);
    expect(dash! - length).toBeLessThan(0.01);
    expect(gap).toBe(dash);
    // The dash left visible is the remaining share of the circle (offset hides the rest).
    for (const f of [1, 0.75, 0.5, 0.1, 0]) {
      expect(dash! - Number(ring.offset(f))).toBeCloseTo(f * dash!, 1);
    }
    expect(ring.offset(2)).toBe(ring.offset(1));
    expect(ring.offset(-1)).toBe(ring.offset(0));
  });
});

describe('partitionByLine', () => {
  it('splits the ring by the side of a dragged line', () => {
    const layout = ringLayout(5, 400, 400);
    const groups = partitionByLine({ x: 0, y: 220 }, { x: 400, y: 220 }, layout);
    expect(groups?.flat().sort()).toEqual([1, 2, 3, 4, 5]);
    expect(groups?.find((g) => g.includes(1))).not.toContain(3);
    expect(partitionByLine({ x: 0, y: 0 }, { x: 400, y: 0 }, layout)).toBeNull();
  });
});

describe('marks', () => {
  const body = {
    type: 'AppendEntries',
    term: 2,
    leaderId: 1,
    prevLogIndex: 0,
    prevLogTerm: 0,
    entries: [],
    leaderCommit: 0,
    sentMs: 0,
  } as const;
  const base: Message = {
    id: 1,
    from: 1,
    to: 2,
    sentMs: 0,
    deliverMs: 10,
    body: { ...body, entries: [] },
    lost: false,
    duplicateOf: null,
  };
  const open: FrameNetwork = {
    latencyMs: [10, 20],
    loss: [0, 1],
    duplication: [0, 1],
    groups: null,
    cut: [],
    linkLatency: {},
  };

  it('tells RPCs apart by shape and requests from replies by fill', () => {
    expect(messageLook(base)).toMatchObject({ shape: 'smallSquare', filled: false });
    const withEntries = {
      ...base,
      body: { ...body, entries: [{ term: 2, command: 'set x 1', id: 'e1' }] },
    };
    expect(messageLook(withEntries)).toMatchObject({ shape: 'square', filled: true, glyph: '1' });
    const vote = {
      ...base,
      body: {
        type: 'RequestVote',
        term: 2,
        candidateId: 1,
        lastLogIndex: 0,
        lastLogTerm: 0,
        preVote: false,
        transfer: false,
      },
    } as const;
    expect(messageLook(vote)).toMatchObject({ shape: 'circle', filled: true });
    const reply = {
      ...base,
      body: { type: 'RequestVoteReply', term: 2, voteGranted: false, preVote: false },
    } as const;
    expect(messageLook(reply)).toMatchObject({ shape: 'circle', filled: false, glyph: '✗' });
  });

  it('knows which links are closed and which messages are doomed', () => {
    const split: FrameNetwork = { ...open, groups: [0, 0, 1] };
    expect(linkState(split, 1, 3)).toBe('partition');
    expect(linkState({ ...open, cut: ['1-2'] }, 2, 1)).toBe('cut');
    expect(isDoomed(base, open)).toBe(false);
    expect(isDoomed({ ...base, lost: true }, open)).toBe(true);
    expect(isDoomed({ ...base, to: 3 }, split)).toBe(true);
  });

  it('shows a candidate’s votes: received, in flight, refused, none', () => {
    const peer = (id: number, voteGranted: boolean, voteResponded: boolean) => ({
      id,
      nextIndex: 1,
      matchIndex: 0,
      voteGranted,
      voteResponded,
      rpcDueMs: 0,
      heartbeatDueMs: 0,
    });
    const candidate = {
      id: 1,
      term: 3,
      peers: [
        peer(2, true, true),
        peer(3, false, false),
        peer(4, false, true),
        peer(5, false, false),
      ],
    } as unknown as ServerState;
    const travelling: Message = {
      ...base,
      from: 3,
      to: 1,
      body: { type: 'RequestVoteReply', term: 3, voteGranted: true, preVote: false },
    };
    expect(voteMarks(candidate, [travelling])).toEqual(['granted', 'inFlight', 'denied', 'none']);
    const marks = voteMarkPositions(
      { x: 0, y: 0 },
      [
        { x: 100, y: 0 },
        { x: 0, y: -100 },
      ],
      20,
      4,
    );
    expect(marks[0]?.x).toBeCloseTo(13);
    expect(marks[0]?.y).toBeCloseTo(0);
    expect(marks[1]?.y).toBeCloseTo(-13);
  });
});

describe('nine servers and the crown', () => {
  const boxes = [
    [600, 420],
    [520, 580],
    [330, 330],
    [1000, 560],
  ] as const;

  it.each([3, 5, 7, 8, 9])(
    'keeps %i servers, their rims, their labels and the crown apart',
    (n) => {
      for (const [w, h] of boxes) {
        const layout = ringLayout(n, w, h);
        const r = layout.nodeRadius;
        for (const [a, b] of allLinks(n)) {
          const pa = layout.servers[a - 1]!;
          const pb = layout.servers[b - 1]!;
          // Circles with their timer arcs do not touch.
          expect(dist(pa, pb)).toBeGreaterThan(2 * (r + RIM_PX));
        }
        for (const node of layout.servers) {
          const label = labelBox(node, layout);
          for (const other of layout.servers) {
            // No label over any circle.
            const dx = Math.max(0, Math.abs(other.x - label.x) - label.hw);
            const dy = Math.max(0, Math.abs(other.y - label.y) - label.hh);
            expect(Math.hypot(dx, dy), `S${node.id}'s label on S${other.id}`).toBeGreaterThan(r);
          }
          // The crown (if this server led) over no other server, and not over its own label.
          const at = crownOffset(node, layout);
          const { w: cw, h: ch } = crownSize(r);
          const c = { x: node.x + at.x, y: node.y + at.y - ch / 2 };
          for (const other of layout.servers) {
            if (other.id === node.id) continue;
            const dx = Math.max(0, Math.abs(other.x - c.x) - cw / 2);
            const dy = Math.max(0, Math.abs(other.y - c.y) - ch / 2);
            expect(Math.hypot(dx, dy), `crown of S${node.id} on S${other.id}`).toBeGreaterThan(
              r + RIM_PX,
            );
          }
          const gapX = Math.abs(c.x - label.x) - label.hw - cw / 2;
          const gapY = Math.abs(c.y - label.y) - label.hh - ch / 2;
          expect(Math.max(gapX, gapY), `crown of S${node.id} on its label`).toBeGreaterThan(0);
        }
      }
    },
  );
});

describe('a broadcast from one server', () => {
  it.each([5, 7, 9])('starts its %i−1 marks side by side, not on top of each other', (n) => {
    for (const [w, h] of [
      [520, 580],
      [600, 420],
      [330, 330],
    ] as const) {
      const layout = ringLayout(n, w, h);
      const mark = 2 * 7 * messageMarkScale(layout);
      for (const sender of [1, 4]) {
        const starts = layout.servers
          .filter((s) => s.id !== sender)
          .map((s) =>
            messagePosition({ from: sender, to: s.id, sentMs: 0, deliverMs: 10 }, 0, layout),
          );
        const answers = layout.servers
          .filter((s) => s.id !== sender)
          .map((s) =>
            messagePosition({ from: s.id, to: sender, sentMs: 0, deliverMs: 10 }, 10, layout),
          );
        for (const group of [starts, answers])
          for (const [i, a] of group.entries())
            for (const b of group.slice(i + 1))
              expect(dist(a, b), `${n} servers in ${w}×${h}`).toBeGreaterThanOrEqual(mark);
      }
    }
  });
});

describe('termCaption', () => {
  /** The word's estimated width against the circle's chord a little above its baseline. */
  const inside = (word: string, r: number): boolean => {
    const c = termCaption(word, r);
    const y = c.captionY - c.fontSize * 0.3;
    return [...word].length * 0.65 * c.fontSize <= 2 * Math.sqrt(r * r - y * y) - 3;
  };

  it('draws the word at 0.27 r, never under 9 px, where it fits', () => {
    expect(termCaption('term', 60).fontSize).toBeCloseTo(16.2);
    expect(termCaption('mandato', 40).fontSize).toBeCloseTo(10.8);
    expect(termCaption('term', 16.28).fontSize).toBe(9);
    expect(termCaption('mandato', 28).fontSize).toBe(9);
    expect(termCaption('term', 16.28).numberY).toBeCloseTo(16.28 * 0.36);
  });

  it('shrinks a word too wide for a small server, down to 7 px, and keeps it inside', () => {
    const c = termCaption('mandato', 22);
    expect(c.fontSize).toBeGreaterThanOrEqual(7);
    expect(c.fontSize).toBeLessThan(9);
    for (const r of [16, 20, 22, 25, 28, 33, 40, 80]) {
      for (const word of ['term', 'mandato', 'Amtszeit']) {
        const { fontSize } = termCaption(word, r);
        if (fontSize > 0) expect(inside(word, r), `${word} at r ${r}`).toBe(true);
      }
    }
  });

  it('leaves the word out where even 7 px does not fit, and centres the number', () => {
    // A phone's servers (r about 16 px) in Spanish and Portuguese.
    const c = termCaption('mandato', 16.28);
    expect(c.fontSize).toBe(0);
    expect(c.numberY).toBeCloseTo(c.numberSize * 0.36);
    expect(termCaption('a-very-long-caption-word', 40).fontSize).toBe(0);
  });
});
