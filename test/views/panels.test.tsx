/**
 * The panels rendered to static HTML in Node: what a reader would see for small hand-built
 * states. Effects do not run here (no layout), so windowed views show their first screen.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../../src/core/types.ts';
import {
  ClientPanel,
  EventFeed,
  HelpOverlay,
  Legend,
  LOG_LEGEND,
  LogPanel,
  MessageDetails,
  ServerDetails,
  Timeline,
  TIMELINE_LEGEND,
  type TimelineLive,
  type TimelineMark,
} from '../../src/views/panels/index.ts';
import { LogLegend } from '../../src/views/panels/LogLegend.tsx';
import { CONFIG, client, entry, logOf, message, peer, server } from './fixtures.ts';

const count = (html: string, needle: string): number => html.split(needle).length - 1;
const noop = (): void => {};

// The legend's samples, drawn with the same classes (legends.ts), are not in the panel until its
// "What the marks mean" opens (LogLegend.tsx, loaded then): the counts below are the rows' own.

describe('LogPanel', () => {
  const leader = server(1, {
    role: 'leader',
    term: 2,
    log: logOf([1, 1, 2, 2]),
    commitIndex: 3,
    lastApplied: 3,
    peers: [peer(2, { nextIndex: 4, matchIndex: 3 }), peer(3, { nextIndex: 1, matchIndex: 0 })],
  });
  const follower = server(2, { term: 2, log: logOf([1, 1, 2]), commitIndex: 2, lastApplied: 1 });
  const crashed = server(3, { crashed: true, log: [entry(1, 'set <script>alert(1)</script> 1')] });
  const html = renderToStaticMarkup(
    <LogPanel servers={[leader, follower, crashed]} leaderId={1} />,
  );

  it('draws committed entries solid and uncommitted ones hatched, per server', () => {
    // S1: 3 committed + 1 not; S2: 2 + 1; S3 (crashed, commitIndex 0): 0 + 1.
    expect(count(html, 'is-committed')).toBe(5);
    expect(count(html, 'is-uncommitted')).toBe(3);
    expect(count(html, 'rl-glyph-applied')).toBe(3 + 1); // S1 applied 3, S2 1
  });

  it('puts the leader’s nextIndex caret and matchIndex underline on each follower row', () => {
    expect(count(html, 'rl-glyph-next')).toBe(2);
    expect(count(html, 'is-match-index')).toBe(1);
    expect(html).toContain('leader’s nextIndex 4, matchIndex 3');
  });

  it('greys crashed servers and escapes commands in tooltips', () => {
    expect(html).toContain('rl-row-crashed');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
  });

  it('explains every mark in the legend, drawn only once it is opened', () => {
    expect(html).toContain('What the marks mean');
    const legend = renderToStaticMarkup(<LogLegend />);
    for (const item of LOG_LEGEND) {
      expect(html).not.toContain(item.label);
      expect(legend).toContain(item.label);
    }
    expect(count(legend, 'is-committed')).toBeGreaterThan(0);
  });

  it('windows a 10,000-entry log to the cells that fit, fast', () => {
    const long = server(1, {
      role: 'leader',
      log: logOf(Array.from({ length: 10_000 }, (_, i) => 1 + Math.floor(i / 100))),
      commitIndex: 9_990,
    });
    const t0 = performance.now();
    const big = renderToStaticMarkup(
      <LogPanel servers={[long, { ...long, id: 2, role: 'follower' }]} leaderId={1} />,
    );
    expect(performance.now() - t0).toBeLessThan(300);
    // Default width 800 px at 16 px/rem fits 19 cells; the free slot after the tail is one of them.
    expect(big).toContain('Entries 9983–10000 of 10000');
    expect(count(big, 'class="rl-cell ')).toBeLessThanOrEqual(2 * 19);
    expect(big).not.toContain('entry 9982 ');
  });

  it('jumps to highlighted entries and makes cells buttons when selectable', () => {
    const long = server(1, { log: logOf(Array.from({ length: 500 }, () => 1)) });
    const hl = renderToStaticMarkup(
      <LogPanel
        servers={[long]}
        leaderId={null}
        highlight={{ servers: [1], indexes: [30] }}
        onSelectEntry={noop}
      />,
    );
    expect(hl).toContain('Entries 12–30 of 500');
    expect(count(hl, 'is-highlighted')).toBe(1);
    expect(hl).toContain('<button type="button" class="rl-cell');
  });
});

describe('ServerDetails', () => {
  const leader = server(1, {
    role: 'leader',
    term: 3,
    votedFor: 1,
    log: logOf([1, 3, 3]),
    commitIndex: 2,
    lastApplied: 2,
    peers: [
      peer(2, { nextIndex: 4, matchIndex: 3, rpcDueMs: 1030 }),
      peer(3, { nextIndex: 2, matchIndex: 1, heartbeatDueMs: 1050 }),
    ],
    kv: { y: '2', x: '<b>1</b>' },
    sessions: { '1': { seq: 4, response: 'ok' } },
  });

  it('shows the leader’s peers table with nextIndex and matchIndex and relative due times', () => {
    const html = renderToStaticMarkup(
      <ServerDetails server={leader} now={1000} config={CONFIG} onAction={noop} />,
    );
    expect(html).toMatch(
      /<th scope="row">S2<\/th><td class="rl-num">4<\/td><td class="rl-num">3<\/td><td>in 30 ms<\/td><td>now<\/td>/,
    );
    expect(html).toMatch(
      /<th scope="row">S3<\/th><td class="rl-num">2<\/td><td class="rl-num">1<\/td><td>now<\/td><td>in 50 ms<\/td>/,
    );
    expect(html).toContain('<dt>Election timer</dt><dd>—</dd>');
    // KV sorted by key, values escaped; session table names the client.
    expect(html.indexOf('<th scope="row">x</th>')).toBeLessThan(
      html.indexOf('<th scope="row">y</th>'),
    );
    expect(html).toContain('&lt;b&gt;1&lt;/b&gt;');
    expect(html).toMatch(/<th scope="row">C1<\/th><td class="rl-num">4<\/td><td>ok<\/td>/);
  });

  it('enables only meaningful actions', () => {
    const up = renderToStaticMarkup(
      <ServerDetails server={leader} now={1000} config={CONFIG} onAction={noop} />,
    );
    expect(up).toMatch(/<button[^>]*disabled=""[^>]*>Restart<\/button>/);
    expect(up).not.toMatch(/<button[^>]*disabled=""[^>]*>Crash<\/button>/);
    const down = renderToStaticMarkup(
      <ServerDetails
        server={{ ...leader, crashed: true }}
        now={1000}
        config={CONFIG}
        onAction={noop}
      />,
    );
    expect(down).toMatch(/<button[^>]*disabled=""[^>]*>Crash<\/button>/);
    expect(down).not.toMatch(/<button[^>]*disabled=""[^>]*>Restart<\/button>/);
    expect(down).toContain('Lost in the crash');
  });

  it('shows a follower’s election countdown and no per-peer table', () => {
    const f = server(2, { electionDeadlineMs: 1240, leaderHint: 1 });
    const html = renderToStaticMarkup(
      <ServerDetails server={f} now={1000} config={CONFIG} onAction={noop} />,
    );
    expect(html).toContain('<dt>Election timer</dt><dd>in 240 ms</dd>');
    expect(html).toContain('<dt>Leader</dt><dd>S1</dd>');
    expect(html).toContain('Followers keep no per-peer state');
  });
});

describe('MessageDetails', () => {
  const ae = message({
    type: 'AppendEntries',
    term: 2,
    leaderId: 1,
    prevLogIndex: 4,
    prevLogTerm: 1,
    entries: [
      entry(2, 'set <img src=x onerror=alert(1)> 1', { client: 1, seq: 3 }),
      entry(2, 'get x'),
    ],
    leaderCommit: 4,
    sentMs: 0,
  });

  it('lists every field and the entries with the index each will take', () => {
    const html = renderToStaticMarkup(<MessageDetails message={ae} now={1005} onDrop={noop} />);
    for (const f of ['prevLogIndex', 'prevLogTerm', 'leaderCommit', 'leaderId'])
      expect(html).toContain(`<dt>${f}</dt>`);
    expect(html).toMatch(/<td class="rl-num">5<\/td>.*<td class="rl-num">6<\/td>/s);
    expect(html).toContain('C1 #3');
    expect(html).not.toContain('<img');
    expect(html).toContain('<dt>Progress</dt><dd>25%</dd>');
    expect(html).toMatch(/<button[^>]*>Drop<\/button>/);
    expect(html).not.toMatch(/disabled=""[^>]*>Drop/);
  });

  it('disables Drop for a message that is already lost or delivered', () => {
    const lost = renderToStaticMarkup(
      <MessageDetails message={{ ...ae, lost: true }} now={1005} onDrop={noop} />,
    );
    expect(lost).toContain('✕ lost');
    expect(lost).toMatch(/disabled=""[^>]*>Drop/);
    const rv = message({
      type: 'RequestVote',
      term: 4,
      candidateId: 3,
      lastLogIndex: 7,
      lastLogTerm: 3,
      preVote: false,
      transfer: false,
    });
    const html = renderToStaticMarkup(<MessageDetails message={rv} now={2000} onDrop={noop} />);
    expect(html).toContain('<dt>lastLogTerm</dt><dd>3</dd>');
    expect(html).toMatch(/disabled=""[^>]*>Drop/);
  });

  it('lets a message due this very millisecond be dropped: its delivery has not run yet', () => {
    // Stepping one event at a time stops between two deliveries of the same instant.
    const due = renderToStaticMarkup(
      <MessageDetails message={ae} now={ae.deliverMs} onDrop={noop} />,
    );
    expect(due).toMatch(/<button[^>]*>Drop<\/button>/);
    expect(due).not.toMatch(/disabled=""[^>]*>Drop/);
  });
});

describe('EventFeed', () => {
  const events: SimEvent[] = [
    { type: 'electionStart', time: 100, server: 3, term: 4, forced: false },
    {
      type: 'send',
      time: 100,
      id: 1,
      from: 3,
      to: 1,
      msg: 'RequestVote',
      deliverMs: 110,
      duplicate: false,
    },
    { type: 'vote', time: 110, voter: 1, candidate: 3, term: 4, granted: true },
    { type: 'becomeLeader', time: 120, server: 3, term: 4 },
    {
      type: 'clientSend',
      time: 500,
      client: 1,
      seq: 1,
      server: 3,
      command: 'set <script>x</script> 1',
      attempt: 1,
    },
  ];

  it('writes plain-language lines, hides noise and highlights the current line', () => {
    const html = renderToStaticMarkup(
      <EventFeed events={events} now={200} onJump={noop} servers={5} />,
    );
    expect(count(html, 'class="rl-feed-line')).toBe(4);
    expect(html).toContain('S3 timed out and started an election for term 4');
    expect(html).toContain('S3 won the election for term 4 with 2 of 5 votes');
    expect(html).toMatch(
      /aria-current="true"><button type="button" class="rl-feed-line rl-tone-election is-current"/,
    );
    expect(html).toContain('is-future');
    expect(html).toContain('<time class="rl-feed-time">0.120 s</time>');
    expect(html).not.toContain('<script>');
  });

  it('renders only a window of 100k events', () => {
    const many = Array.from({ length: 100_000 }, (_, i): SimEvent => ({
      type: 'commit',
      time: i,
      server: 1,
      index: i,
    }));
    const t0 = performance.now();
    const html = renderToStaticMarkup(<EventFeed events={many} now={50_000} onJump={noop} />);
    expect(performance.now() - t0).toBeLessThan(500);
    expect(count(html, 'class="rl-feed-line')).toBeLessThan(40);
    expect(html).toContain('100000 lines');
  });
});

/** A timeline position that never moves. */
const still = (now: number, endMs: number): TimelineLive => ({
  read: () => ({ now, endMs }),
  subscribe: () => noop,
});

describe('Timeline', () => {
  it('is a keyboard slider with marks of distinct shapes, a term band and a playhead', () => {
    const marks: TimelineMark[] = [
      { time: 100, kind: 'election' },
      { time: 400, kind: 'crash' },
      { time: 900, kind: 'violation' },
    ];
    const html = renderToStaticMarkup(
      <Timeline
        endMs={1000}
        live={still(250, 1000)}
        marks={marks}
        termBand={[
          { from: 0, to: 500, term: 1 },
          { from: 500, to: 1000, term: 2 },
        ]}
        onSeek={noop}
      />,
    );
    expect(html).toContain('role="slider"');
    expect(html).toContain('aria-valuenow="250"');
    expect(html).toContain('aria-valuetext="0.250 s of 1.000 s"');
    for (const kind of ['election', 'crash', 'violation'])
      expect(html).toContain(`rl-tl-mark rl-tl-${kind}`);
    expect(count(html, '<rect')).toBe(2);
    expect(html).toContain('<title>leader elected at 0.100 s</title>');
  });

  it('clusters 100k marks into a bounded number of shapes', () => {
    const marks = Array.from({ length: 100_000 }, (_, i): TimelineMark => ({
      time: i,
      kind: 'commit',
    }));
    const html = renderToStaticMarkup(
      <Timeline
        endMs={100_000}
        live={still(0, 100_000)}
        marks={marks}
        termBand={[]}
        onSeek={noop}
      />,
    );
    // 640 px default width: at most one cluster per 2 px.
    expect(count(html, 'rl-tl-commit')).toBeLessThanOrEqual(320);
    expect(html).toContain('commits, ');
  });
});

describe('ClientPanel', () => {
  it('shows pending and answered requests, redirects, and a command form', () => {
    const c1 = client(1, {
      leaderHint: 2,
      suspect: 3,
      pending: {
        seq: 3,
        command: 'cas x <a> 2',
        server: 2,
        redirectedFrom: null,
        attempts: 2,
        firstSentMs: 1500,
      },
      done: [
        {
          seq: 1,
          command: 'set x 1',
          result: 'ok',
          attempts: 1,
          sentMs: 100,
          answeredMs: 160,
          server: 2,
        },
        {
          seq: 2,
          command: 'get x',
          result: '1',
          attempts: 1,
          sentMs: 200,
          answeredMs: 230,
          server: 2,
        },
      ],
    });
    const events: SimEvent[] = [
      { type: 'clientRedirect', time: 1510, client: 1, seq: 3, server: 3, leaderHint: 2 },
    ];
    const html = renderToStaticMarkup(
      <ClientPanel clients={[c1]} events={events} onRequest={noop} />,
    );
    expect(html).toContain('thinks S2 leads');
    expect(html).toContain('Not trusting S3 until it answers.');
    expect(html).toContain(
      'Waiting: #3 &quot;cas x &lt;a&gt; 2&quot; at S2, attempt 2, since 1.500 s',
    );
    // Newest answer first.
    expect(html.indexOf('<td>get x</td>')).toBeLessThan(html.indexOf('<td>set x 1</td>'));
    expect(html.indexOf('<td>set x 1</td>')).toBeGreaterThan(0);
    expect(html).toContain('<td class="rl-num">60 ms</td>');
    // The rule it follows is a chip that opens its explanation, not a bare ID in the words, one
    // space after them.
    expect(html).toMatch(
      /<li>1\.510 s: #3 turned away by S3, sent on to S2 <button[^>]*data-rule="C-1"[^>]*>C-1<\/button><\/li>/,
    );
    expect(html).not.toContain('(C-1)</li>');
    expect(html).toMatch(/<input[^>]*aria-invalid="false"/);
  });
});

describe('Legend and HelpOverlay', () => {
  it('lists every timeline mark', () => {
    const html = renderToStaticMarkup(<Legend items={TIMELINE_LEGEND} title="Timeline" />);
    for (const item of TIMELINE_LEGEND) expect(html).toContain(item.label);
    expect(count(html, '<svg')).toBe(6);
  });

  it('renders nothing when closed and a labelled dialog of key caps when open', () => {
    const shortcuts = [
      { keys: ['Space'], description: 'Play or pause' },
      { keys: ['Shift', '→'], description: 'Step 100 ms' },
    ];
    expect(
      renderToStaticMarkup(<HelpOverlay open={false} shortcuts={shortcuts} onClose={noop} />),
    ).toBe('');
    const html = renderToStaticMarkup(<HelpOverlay open shortcuts={shortcuts} onClose={noop} />);
    expect(html).toContain('role="dialog"');
    expect(html).toContain('aria-modal="true"');
    expect(count(html, '<kbd')).toBe(3);
    expect(html).toContain('Step 100 ms');
  });
});
