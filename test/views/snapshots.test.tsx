/**
 * Log compaction in the views (the rule catalogue F2-IS1..IS7, SC-42, SC-44): the compacted block of the log
 * panel, the InstallSnapshot glyph and its chunk, the inspector's snapshot facts, a leader's
 * progress per peer, and the feed's sentences in en/es/pt.
 */
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { translator, type Language } from '../../src/i18n/index.ts';
import { PresenterProvider } from '../../src/services/presenter/context.tsx';
import { createPresenterStore } from '../../src/services/presenter/presenterStore.ts';
import type { InstallSnapshot, InstallSnapshotReply, SimEvent } from '../../src/core/types.ts';
import { createLabStore } from '../../src/store/index.ts';
import { LogLegend } from '../../src/views/panels/LogLegend.tsx';
import { ClusterLegendList } from '../../src/views/cluster/ClusterLegendList.tsx';
import { messageLook, messageTitle, pillHalfWidth } from '../../src/views/cluster/marks.ts';
import { describeEvent } from '../../src/views/format.ts';
import { LogPanel, MessageDetails, ServerDetails } from '../../src/views/panels/index.ts';
import {
  logCell,
  logCountText,
  snapshotBlock,
  snapshotBlockLabel,
} from '../../src/views/panels/logGeometry.ts';
import { bodyFacts } from '../../src/views/panels/messageModel.ts';
import { PeersTable } from '../../src/views/panels/PeersTable.tsx';
import {
  leaderDutyFacts,
  peerSnapshotText,
  serverFacts,
  snapshotFacts,
} from '../../src/views/panels/serverModel.ts';
import {
  CONFIG,
  compactedLog,
  entry,
  logOf,
  message,
  peer,
  server,
  snapshotAt,
} from './fixtures.ts';

const noop = (): void => {};
const count = (html: string, needle: string): number => html.split(needle).length - 1;
const SNAP_CONFIG = { ...CONFIG, snapshotEvery: 40 };

function render(ui: ReactElement, lang?: Language): string {
  if (lang === undefined) return renderToStaticMarkup(ui);
  const shell = createPresenterStore(createLabStore({ clock: () => 0 }), { lang });
  return renderToStaticMarkup(<PresenterProvider store={shell}>{ui}</PresenterProvider>);
}

/** The HTML of one server's row in the log panel (rows follow each other in order). */
function rowOf(html: string, name: string): string {
  const start = html.indexOf(`<span class="rl-log-name">${name}</span>`);
  const next = html.indexOf('<span class="rl-log-name">', start + 1);
  const end = next === -1 ? html.indexOf('rl-legend-details', start) : next;
  return html.slice(start, end);
}

// S1 leads term 3 with a snapshot up to 40 (term 2) and entries 41–45; S2 has no snapshot yet
// and holds 38 entries; S3 was sent the leader's snapshot and has nothing after it.
const leader = server(1, {
  role: 'leader',
  term: 3,
  log: compactedLog(40, [2, 3, 3, 3, 3]),
  snapshot: snapshotAt(40, 2, {
    // A key named like a builtin is an own key, as the core stores it (records.ts).
    kv: JSON.parse('{"x":"1","y":"2","__proto__":"3"}') as Record<string, string>,
    sessions: {},
  }),
  commitIndex: 44,
  lastApplied: 44,
  peers: [
    peer(2, { nextIndex: 39, matchIndex: 38 }),
    peer(3, {
      nextIndex: 41,
      matchIndex: 40,
      snapshotOut: { index: 40, term: 2, data: 'x'.repeat(200), offset: 64, sentMs: 900 },
    }),
  ],
});
const behind = server(2, { term: 3, log: logOf(Array.from({ length: 38 }, () => 2)) });
const restored = server(3, {
  term: 3,
  log: compactedLog(40, []),
  snapshot: snapshotAt(40, 2),
  commitIndex: 40,
  lastApplied: 40,
});

/** The block's label as drawn: its two parts, kept whole when the label wraps between them. */
const snapLabel = (upTo: string, term: string): string =>
  `<span class="rl-snap-label"><span class="rl-snap-part">${upTo}</span> · <span class="rl-snap-part">${term}</span></span>`;
describe('the compacted prefix in the log panel (F2-IS6)', () => {
  const html = render(<LogPanel servers={[leader, behind, restored]} leaderId={1} />);

  it('draws one block labelled with its last included index and term', () => {
    const row = rowOf(html, 'S1');
    expect(count(row, 'rl-snap-block')).toBe(1);
    expect(row).toContain(snapLabel('snapshot ≤ 40', 't2'));
    expect(row).toContain('data-snapshot="40"');
    // Not an entry: no term chip, no committed or uncommitted face.
    expect(row).toMatch(/class="rl-cell rl-snap-block[^"]*"/);
    expect(row).not.toMatch(/rl-snap-block[^"]*is-committed/);
  });

  it('draws no cell for a discarded entry, and the entries after it as before', () => {
    const row = rowOf(html, 'S1');
    // The default 800 px width fits 19 columns: indexes 28..46, of which 28..40 are the block.
    expect(row).not.toContain('S1 · entry 40');
    expect(row).not.toContain('S1 · index 39');
    for (let i = 41; i <= 45; i++) expect(row).toContain(`S1 · entry ${i} · term`);
    expect(row).toContain('S1 · index 46 · empty');
    expect(count(row, 'class="rl-cell ')).toBe(1 + 5 + 1);
  });

  it('marks the commit index at the block’s end when nothing follows the snapshot', () => {
    const row = rowOf(html, 'S3');
    expect(row).toMatch(/rl-snap-block[^"]*is-commit-index/);
    expect(row).toMatch(/rl-snap-block[^"]*is-match-index/);
    expect(row).toContain('commitIndex of S3 (F2-S5)');
  });

  it('never calls a follower’s entry diverging where the leader compacted its own', () => {
    // S2's entries 28..38 are all of term 2; the leader's slots there are empty (compacted).
    expect(rowOf(html, 'S2')).not.toContain('rl-glyph-diverges');
    const ctx = {
      server: server(2, { log: logOf([1, 1, 2]) }),
      leaderLog: compactedLog(2, [3]),
      leaderSnapshot: { index: 2, term: 1 },
      view: null,
      highlighted: () => false,
    };
    expect(logCell(ctx, 1).diverges).toBe(false); // unknown: compacted by the leader
    expect(logCell(ctx, 2).diverges).toBe(false); // the snapshot's last term, 1, matches
    expect(logCell(ctx, 3).diverges).toBe(true); // term 2 against the leader's 3
    expect(logCell({ ...ctx, leaderSnapshot: { index: 2, term: 2 } }, 2).diverges).toBe(true);
  });

  it('says in the row’s screen-reader text which entries the log still holds', () => {
    expect(rowOf(html, 'S1')).toContain('leader, entries 41–45 after a snapshot at 40,');
    expect(rowOf(html, 'S3')).toContain('follower, no entries after a snapshot at 40,');
    expect(rowOf(html, 'S2')).toContain('follower, 38 entries,');
    expect(logCountText(leader, translator('es'))).toBe(
      'entradas 41–45 tras una instantánea en 40',
    );
    expect(logCountText(leader, translator('pt'))).toBe(
      'entradas 41–45 depois de um snapshot em 40',
    );
  });

  it('covers only the visible columns, and shortens its label when narrow', () => {
    const view = null;
    const none = (): boolean => false;
    expect(snapshotBlock(leader, { first: 41, last: 60 }, view, none)).toBeNull();
    expect(snapshotBlock(server(1), { first: 1, last: 20 }, view, none)).toBeNull();
    const edge = snapshotBlock(leader, { first: 39, last: 58 }, view, none);
    expect(edge).toMatchObject({ first: 39, last: 40, span: 2, index: 40, term: 2 });
    expect(snapshotBlockLabel(edge ?? ({} as never))).toBe('≤ 40');
    // Paged back inside the snapshot: the whole row is the block, none of it ends there.
    const inside = snapshotBlock(leader, { first: 1, last: 19 }, view, none);
    expect(inside).toMatchObject({ first: 1, last: 19, span: 19, isCommitIndex: false });
    // A highlighted (violating) index inside the snapshot lights the block.
    expect(snapshotBlock(leader, { first: 1, last: 19 }, view, (i) => i === 7)?.highlighted).toBe(
      true,
    );
  });

  it('has its sample and explanation in the legend, in every language', () => {
    expect(render(<LogLegend />)).toContain('Snapshot: the compacted start of the log');
    const es = render(<LogPanel servers={[leader]} leaderId={1} />, 'es');
    expect(es).toContain(snapLabel('instantánea ≤ 40', 'm2'));
    expect(render(<LogLegend />, 'es')).toContain(
      'Instantánea: el comienzo compactado del registro',
    );
    const pt = render(<LogPanel servers={[leader]} leaderId={1} />, 'pt');
    expect(pt).toContain(snapLabel('snapshot ≤ 40', 'm2'));
    expect(render(<LogLegend />, 'pt')).toContain('Snapshot: o começo compactado do log');
  });
});

const chunk: InstallSnapshot = {
  type: 'InstallSnapshot',
  term: 3,
  leaderId: 1,
  lastIncludedIndex: 40,
  lastIncludedTerm: 2,
  offset: 64,
  data: 'y'.repeat(64),
  done: false,
  chunk: 2,
  chunks: 5,
  sentMs: 900,
};
const reply: InstallSnapshotReply = {
  type: 'InstallSnapshotReply',
  term: 3,
  lastIncludedIndex: 40,
  offset: 128,
  done: false,
  echoSentMs: 900,
};
const net = {
  latencyMs: [10, 20],
  loss: [0, 1],
  duplication: [0, 1],
  groups: null,
  cut: [],
  linkLatency: {},
} as const;

describe('InstallSnapshot in flight (F2-IS2, F2-IS7)', () => {
  it('gets its own shape, with its chunk k/n on the glyph', () => {
    const look = messageLook(message(chunk));
    expect(look).toMatchObject({ shape: 'pill', filled: true, glyph: '2/5', term: 3 });
    for (const other of [
      message({
        type: 'AppendEntries',
        term: 3,
        leaderId: 1,
        prevLogIndex: 0,
        prevLogTerm: 0,
        entries: [entry(3)],
        leaderCommit: 0,
        sentMs: 0,
      }),
      message({
        type: 'RequestVote',
        term: 3,
        candidateId: 1,
        lastLogIndex: 0,
        lastLogTerm: 0,
        preVote: false,
        transfer: false,
      }),
    ])
      expect(messageLook(other).shape).not.toBe('pill');
    expect(messageLook(message({ ...chunk, chunk: 5, done: true })).glyph).toBe('5/5');
  });

  it('answers hollow: … while chunks remain, ✓ once saved', () => {
    expect(messageLook(message(reply))).toMatchObject({ shape: 'pill', filled: false, glyph: '…' });
    expect(messageLook(message({ ...reply, done: true })).glyph).toBe('✓');
  });

  it('is wide enough for its chunk number, and explained in the ring’s legend', () => {
    expect(pillHalfWidth('12/20', 7, 10)).toBeGreaterThan(pillHalfWidth('2/5', 7, 10));
    expect(pillHalfWidth('2/5', 7, 10) * 2).toBeGreaterThanOrEqual(3 * 10 * 0.6);
    const legend = render(<ClusterLegendList />);
    expect(legend).toContain('rl-msg-InstallSnapshot is-request');
    expect(legend).toContain('>2/5</text>');
    expect(legend).toContain('InstallSnapshot: the leader sends its snapshot in chunks');
    expect(render(<ClusterLegendList />, 'pt')).toContain('2/5 é o pedaço 2 de 5');
  });

  it('says which chunk and why in its tooltip', () => {
    const title = messageTitle(message(chunk), 1005, net);
    expect(title).toContain('InstallSnapshot (chunk 2 of 5): S1 → S2, term 3');
    expect(title).toContain('(F2-IS7, F2-IS2)');
  });

  it('lists every field in the inspector, and the chunk in every language', () => {
    expect(bodyFacts(chunk).map((f) => f.label)).toEqual([
      'term',
      'leaderId',
      'lastIncludedIndex',
      'lastIncludedTerm',
      'offset',
      'data',
      'done',
      'chunk',
      'sentMs',
    ]);
    expect(bodyFacts(chunk).find((f) => f.label === 'chunk')?.value).toBe('2 of 5');
    expect(bodyFacts(reply).find((f) => f.label === 'offset')?.value).toBe('128');
    const details = (lang?: Language): string =>
      render(<MessageDetails message={message(chunk)} now={1005} onDrop={noop} />, lang);
    expect(details()).toContain('Chunk 2 of 5: characters 64–128');
    expect(details('es')).toContain('Fragmento 2 de 5: caracteres 64–128');
    expect(details('pt')).toContain('Pedaço 2 de 5: caracteres 64–128');
    const answer = render(<MessageDetails message={message(reply)} now={1005} onDrop={noop} />);
    expect(answer).toContain('Received up to character 128');
  });
});

describe('the snapshot in the inspector', () => {
  it('shows its position, configuration and state, counting keys named like builtins', () => {
    const facts = snapshotFacts(leader, SNAP_CONFIG);
    expect(facts.map((f) => [f.label, f.value])).toEqual([
      ['Snapshot', 'entries ≤ 40, last term 2'],
      ['Snapshot configuration', 'voters {S1…S5} (initial configuration)'],
      ['Snapshot state', '3 keys, 0 client sessions'],
    ]);
    expect(facts[0]?.rule).toContain('every 40 applied entries');
    expect(facts[0]?.rule).toContain('(F2-IS6)');
  });

  it('says “none yet” with snapshots on, and nothing at all with them off', () => {
    expect(snapshotFacts(server(2), SNAP_CONFIG).map((f) => f.value)).toEqual(['none yet']);
    expect(snapshotFacts(server(2), CONFIG)).toEqual([]);
  });

  it('shows a follower’s partly received snapshot, gone once it crashes', () => {
    const receiving = server(3, {
      incomingSnapshot: { leaderId: 1, index: 40, term: 2, data: 'z'.repeat(128) },
    });
    expect(snapshotFacts(receiving, SNAP_CONFIG).at(-1)).toMatchObject({
      label: 'Receiving a snapshot',
      value: '128 characters so far from S1 (≤ 40, term 2)',
    });
    expect(snapshotFacts(receiving, SNAP_CONFIG, translator('es')).at(-1)?.value).toBe(
      '128 caracteres hasta ahora de S1 (≤ 40, mandato 2)',
    );
    const down = { ...receiving, crashed: true };
    expect(snapshotFacts(down, SNAP_CONFIG).map((f) => f.label)).toEqual(['Snapshot']);
  });

  it('counts only the entries the log holds, with the last term from the snapshot', () => {
    const log = (s: typeof leader): string | undefined =>
      serverFacts(s, 0, CONFIG).find((f) => f.label === 'Log')?.value;
    expect(log(leader)).toBe('entries 41–45 after a snapshot at 40, last term 3');
    expect(log(restored)).toBe('no entries after a snapshot at 40, last term 2');
    expect(log(behind)).toBe('38 entries, last term 2');
  });

  it('renders the facts in the server inspector, in Spanish too', () => {
    const html = render(
      <ServerDetails server={leader} now={1000} config={SNAP_CONFIG} onAction={noop} />,
    );
    expect(html).toContain('<dt>Snapshot</dt><dd>entries ≤ 40, last term 2</dd>');
    const es = render(
      <ServerDetails server={leader} now={1000} config={SNAP_CONFIG} onAction={noop} />,
      'es',
    );
    expect(es).toContain('<dt>Instantánea</dt><dd>entradas ≤ 40, último mandato 2</dd>');
  });
});

describe('a leader sending a snapshot (F2-IS7)', () => {
  it('shows the transfer’s progress in its peers table', () => {
    expect(peerSnapshotText(leader.peers[1] ?? peer(3))).toMatchObject({
      text: '64/200 chars (32%)',
    });
    expect(peerSnapshotText(leader.peers[0] ?? peer(2))).toBeNull();
    const html = render(<PeersTable role="leader" peers={leader.peers} now={0} />);
    expect(html).toContain('>Snapshot</th>');
    expect(html).toContain('>64/200 chars (32%)</td>');
    expect(count(html, '<td>—</td>')).toBe(1);
  });

  it('has no snapshot column while no snapshot is being sent', () => {
    const html = render(<PeersTable role="leader" peers={[peer(2), peer(3)]} now={0} />);
    expect(html).not.toContain('Snapshot');
  });

  it('says a transfer waits for the target’s snapshot (SC-44)', () => {
    const handing = {
      ...leader,
      transfer: { target: 3, deadlineMs: 2000, timeoutNowSent: false },
    };
    expect(leaderDutyFacts(handing, CONFIG)[0]?.value).toBe('S3: sending it a snapshot first');
    const other = { ...handing, transfer: { ...handing.transfer, target: 2 } };
    expect(leaderDutyFacts(other, CONFIG)[0]?.value).toBe('S2: catching it up');
  });
});

describe('snapshot events in the feed, in every language', () => {
  const taken: SimEvent = {
    type: 'snapshot',
    time: 4,
    server: 2,
    index: 40,
    term: 2,
    discarded: 10,
  };
  const installed: SimEvent = {
    type: 'installSnapshot',
    time: 4,
    server: 3,
    leader: 1,
    index: 40,
    term: 2,
    kept: 5,
    reset: false,
  };

  it('tells a snapshot taken (F2-IS6)', () => {
    expect(describeEvent(taken, {}, 'es')).toBe(
      'S2 hizo una instantánea hasta la entrada 40 (mandato 2) y descartó 10 entradas de su registro (F2-IS6)',
    );
    expect(describeEvent(taken, {}, 'pt')).toBe(
      'S2 fez um snapshot até a entrada 40 (mandato 2) e descartou 10 entradas do seu log (F2-IS6)',
    );
  });

  it('tells a snapshot installed, keeping the entries after it (F2-IS4) or not (F2-IS5)', () => {
    expect(describeEvent(installed)).toContain('so it kept the 5 entries after it (F2-IS4)');
    expect(describeEvent(installed, {}, 'es')).toContain('conservó las 5 entradas posteriores');
    expect(describeEvent(installed, {}, 'pt')).toContain('manteve as 5 entradas seguintes');
    const reset = { ...installed, kept: 0, reset: true };
    expect(describeEvent(reset, {}, 'es')).toContain('la instantánea reemplazó su registro');
    expect(describeEvent(reset, {}, 'pt')).toContain('o snapshot substituiu seu log');
  });
});
