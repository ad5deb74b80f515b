/**
 * Follower reads in the views (the rule catalogue C-4: "followers may obtain a readIndex from the leader"):
 * the ReadIndex glyph and its answer, the ring's legend, the message inspector, the feed's
 * sentences in en/es/pt (on a real run: who asks whom, who confirms, who answers), the client
 * panel's tag and the inspector's facts for a follower's reads and a leader's read held for one.
 */
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { translator, type Language } from '../../src/i18n/index.ts';
import { PresenterProvider } from '../../src/services/presenter/context.tsx';
import { createPresenterStore } from '../../src/services/presenter/presenterStore.ts';
import { DEFAULT_CONFIG, Simulation } from '../../src/core/index.ts';
import type {
  ReadIndexReply,
  ReadIndexRequest,
  SimConfig,
  SimEvent,
} from '../../src/core/types.ts';
import { createLabStore } from '../../src/store/index.ts';
import { ClusterLegendList } from '../../src/views/cluster/ClusterLegendList.tsx';
import {
  hexagonHalfWidth,
  markHalfWidth,
  messageLook,
  messageTitle,
} from '../../src/views/cluster/marks.ts';
import { describeEvent, describeRead } from '../../src/views/format.ts';
import { feedContexts, feedLines } from '../../src/views/panels/feedModel.ts';
import { ClientPanel, MessageDetails, ServerDetails } from '../../src/views/panels/index.ts';
import { readTagKey, readTags } from '../../src/views/panels/clientModel.ts';
import { bodyFacts } from '../../src/views/panels/messageModel.ts';
import { followerReadFacts, leaderDutyFacts } from '../../src/views/panels/serverModel.ts';
import { CONFIG, message, server } from './fixtures.ts';

const noop = (): void => {};
const FR_CONFIG: SimConfig = { ...CONFIG, reads: 'readIndex', followerReads: true };

function render(ui: ReactElement, lang?: Language): string {
  if (lang === undefined) return renderToStaticMarkup(ui);
  const shell = createPresenterStore(createLabStore({ clock: () => 0 }), { lang });
  return renderToStaticMarkup(<PresenterProvider store={shell}>{ui}</PresenterProvider>);
}

const ask: ReadIndexRequest = { type: 'ReadIndex', term: 4, client: 3, seq: 2 };
const answer: ReadIndexReply = {
  type: 'ReadIndexReply',
  term: 4,
  client: 3,
  seq: 2,
  ok: true,
  readIndex: 17,
};
const refused: ReadIndexReply = { ...answer, ok: false, readIndex: 0 };
const net = {
  latencyMs: [10, 20],
  loss: [0, 1],
  duplication: [0, 1],
  groups: null,
  cut: [],
  linkLatency: {},
} as const;

/** The run of the brief: S1 leads, C1 sets x, C2 asks follower S2 for x (3 servers, ReadIndex). */
function followerReadRun(): { sim: Simulation; events: SimEvent[] } {
  const sim = Simulation.create({
    seed: 42,
    config: { ...DEFAULT_CONFIG, servers: 3, reads: 'readIndex', followerReads: true },
    actions: [
      { at: 10, do: 'timeout', server: 1 },
      { at: 100, do: 'request', command: 'set x 1' },
      { at: 300, do: 'request', command: 'get x', server: 2, client: 2 },
    ],
  });
  const events: SimEvent[] = [];
  sim.onEvent = (e) => events.push(e);
  sim.runUntil(600);
  return { sim, events };
}

describe('ReadIndex in flight (C-4)', () => {
  it('is a hexagon of its own: R asks, the hollow answer carries the read index or ✗', () => {
    expect(messageLook(message(ask))).toMatchObject({
      shape: 'hexagon',
      filled: true,
      glyph: 'R',
      term: 4,
      name: "ReadIndex (for C3's get)",
    });
    expect(messageLook(message(answer))).toMatchObject({
      shape: 'hexagon',
      filled: false,
      glyph: '17',
      term: 4,
      name: 'ReadIndex reply: read index 17',
    });
    expect(messageLook(message(refused))).toMatchObject({
      filled: false,
      glyph: '✗',
      name: 'ReadIndex reply: not the leader',
    });
    // No other message is drawn as a hexagon.
    const others = [
      message({ type: 'TimeoutNow', term: 4, leaderId: 1 }),
      message({ type: 'ClientRequest', client: 3, seq: 2, command: 'get x' }),
      message({ type: 'RequestVoteReply', term: 4, voteGranted: true, preVote: false }),
    ];
    for (const m of others) expect(messageLook(m).shape).not.toBe('hexagon');
  });

  it('widens for a long read index so the number stays inside', () => {
    const s = 6.5;
    expect(hexagonHalfWidth('R', s, 9)).toBeCloseTo(s * 1.2);
    // Room for the digits (about 0.6 em each) on either side of the centre, growing with them.
    for (const glyph of ['17', '170', '12345']) {
      expect(hexagonHalfWidth(glyph, s, 9), glyph).toBeGreaterThan((glyph.length * 9 * 0.6) / 2);
    }
    expect(hexagonHalfWidth('170', s, 9)).toBeGreaterThan(hexagonHalfWidth('17', s, 9));
    const wide = hexagonHalfWidth('12345', s, 9);
    expect(markHalfWidth('hexagon', '12345', s, 9)).toBe(wide);
    expect(markHalfWidth('circle', '12345', s, 9)).toBe(s);
  });

  it('says in its tooltip what it is for and where it goes', () => {
    const title = messageTitle(message(ask, { from: 2, to: 1 }), 1000, net);
    expect(title).toContain("#7 ReadIndex (for C3's get): S2 → S1, term 4; arrives in 20 ms.");
    expect(title).toContain('answer a client’s get itself (follower read, C-4)');
    const back = messageTitle(message(refused, { from: 1, to: 2 }), 1000, net);
    expect(back).toContain('ReadIndex reply: not the leader: S1 → S2');
    expect(back).toContain('the client is sent on (C-4)');
  });

  it('lists its fields in the message inspector; a refusal has no read index', () => {
    expect(bodyFacts(ask).map((f) => [f.label, f.value])).toEqual([
      ['term', '4'],
      ['client', 'C3'],
      ['seq', '2'],
    ]);
    expect(bodyFacts(answer).map((f) => [f.label, f.value])).toEqual([
      ['term', '4'],
      ['client', 'C3'],
      ['seq', '2'],
      ['ok', 'yes: leadership confirmed'],
      ['readIndex', '17'],
    ]);
    const no = bodyFacts(refused);
    expect(no.find((f) => f.label === 'ok')?.value).toBe('no: not the leader');
    expect(no.some((f) => f.label === 'readIndex')).toBe(false);
  });

  it('tells in the inspector what the follower does with the answer, in every language', () => {
    const details = (body: ReadIndexReply, lang?: Language): string =>
      render(
        <MessageDetails message={message(body, { from: 1, to: 2 })} now={1005} onDrop={noop} />,
        lang,
      );
    expect(details(answer)).toContain('#7 ReadIndexReply');
    expect(details(answer)).toContain('S2 answers once it has applied up to entry 17 (C-4).');
    expect(details(refused)).toContain(
      'The server asked no longer leads: S2 sends the client on (C-1).',
    );
    expect(details(answer, 'es')).toContain(
      'S2 responde cuando haya aplicado hasta la entrada 17 (C-4).',
    );
    expect(details(answer, 'pt')).toContain(
      'S2 responde quando tiver aplicado até a entrada 17 (C-4).',
    );
    // Only the answer gets the note.
    expect(
      render(<MessageDetails message={message(ask)} now={1005} onDrop={noop} />),
    ).not.toContain('rl-read-index-note');
  });

  it('has a row in the ring’s legend, drawn with the ring’s classes, in every language', () => {
    const en = render(<ClusterLegendList />, 'en');
    expect(en).toMatch(/<g class="rl-msg rl-msg-ReadIndex is-request"/);
    expect(en).toContain('>R</text>');
    expect(en).toContain(
      'ReadIndex (R): a follower asks the leader for a read index to answer a get itself (C-4)',
    );
    expect(render(<ClusterLegendList />, 'es')).toContain(
      'ReadIndex (R): un seguidor pide al líder un índice de lectura',
    );
    expect(render(<ClusterLegendList />, 'pt')).toContain(
      'ReadIndex (R): um seguidor pede ao líder um índice de leitura',
    );
  });
});

type ReadEvent = Extract<SimEvent, { type: 'read' }>;
const base = { type: 'read', time: 500, client: 3, seq: 2, result: '' } as const;
const held: ReadEvent = {
  ...base,
  server: 2,
  key: 'x',
  mode: 'follower',
  phase: 'held',
  readIndex: 0,
};
const confirmed: ReadEvent = {
  ...base,
  server: 1,
  key: '',
  mode: 'readIndex',
  phase: 'confirmed',
  readIndex: 17,
};
const answered: ReadEvent = {
  ...base,
  server: 2,
  key: 'x',
  mode: 'follower',
  phase: 'answered',
  readIndex: 17,
  result: '16',
};

describe('the feed on follower reads (C-4)', () => {
  it('says who asks whom, who confirms and who answers, in English', () => {
    expect(describeEvent(held, { leader: 1 })).toBe(
      "S2 asks leader S1 for a read index for C3's get x (follower read, C-4)",
    );
    expect(describeEvent(held)).toBe(
      "S2 asks the leader for a read index for C3's get x (follower read, C-4)",
    );
    expect(describeEvent(confirmed, { follower: 2 })).toBe(
      "S1 confirms it still leads and sends S2 read index 17 for C3's get (a quorum answered its heartbeat, C-4)",
    );
    expect(describeEvent({ ...confirmed, mode: 'lease' }, { follower: 2 })).toBe(
      "S1 is within its lease and sends S2 read index 17 for C3's get (no other leader can exist yet, C-5)",
    );
    expect(describeEvent(confirmed)).toContain('sends the follower read index 17');
    expect(describeEvent(answered)).toBe(
      "S2 answers C3's get x = 16 from its own state, having applied up to read index 17 (follower read, C-4)",
    );
  });

  it('says the same in Spanish and Portuguese', () => {
    expect(describeEvent(held, { leader: 1 }, 'es')).toBe(
      'S2 pide al líder S1 un índice de lectura para el get x de C3 (lectura en seguidor, C-4)',
    );
    expect(describeEvent(confirmed, { follower: 2 }, 'es')).toBe(
      'S1 confirma que sigue liderando y envía a S2 el índice de lectura 17 para el get de C3 (un quórum respondió su latido, C-4)',
    );
    expect(describeEvent(answered, {}, 'es')).toBe(
      'S2 responde el get x de C3 = 16 con su propio estado, tras aplicar hasta el índice de lectura 17 (lectura en seguidor, C-4)',
    );
    expect(describeEvent(held, {}, 'pt')).toBe(
      'S2 pede ao líder um índice de leitura para o get x de C3 (leitura no seguidor, C-4)',
    );
    expect(describeEvent({ ...confirmed, mode: 'lease' }, { follower: 2 }, 'pt')).toBe(
      'S1 está dentro do seu lease e envia a S2 o índice de leitura 17 para o get de C3 (ainda não pode existir outro líder, C-5)',
    );
    expect(describeEvent(answered, {}, 'pt')).toBe(
      'S2 responde o get x de C3 = 16 com o próprio estado, depois de aplicar até o índice de leitura 17 (leitura no seguidor, C-4)',
    );
  });

  it('leaves a leader’s own reads as they were', () => {
    const own: ReadEvent = { ...confirmed, key: 'x', phase: 'held', readIndex: 0 };
    expect(describeRead(own)).toContain("S1 holds C3's read of x until its leadership");
    expect(describeRead({ ...own, phase: 'answered', readIndex: 4, result: '1' })).toContain(
      "S1 answered C3's read of x at read index 4: 1",
    );
  });

  it('pairs the lines of a real run: S2 asked S1, S1 sent S2 the index, S2 answered x = 1', () => {
    const { events } = followerReadRun();
    const lines = feedLines(events);
    const contexts = feedContexts(events, 3);
    const reads = lines.filter((i) => events[i]?.type === 'read');
    const text = (lang: Language): string[] =>
      reads.map((i) => describeEvent(events[i] as SimEvent, contexts.get(i), lang) ?? '');
    expect(text('en')).toEqual([
      "S2 asks leader S1 for a read index for C2's get x (follower read, C-4)",
      "S1 confirms it still leads and sends S2 read index 2 for C2's get (a quorum answered its heartbeat, C-4)",
      "S2 answers C2's get x = 1 from its own state, having applied up to read index 2 (follower read, C-4)",
    ]);
    expect(text('es')[0]).toBe(
      'S2 pide al líder S1 un índice de lectura para el get x de C2 (lectura en seguidor, C-4)',
    );
    expect(text('pt')[1]).toContain(
      'S1 confirma que ainda lidera e envia a S2 o índice de leitura 2',
    );
  });

  it('names the leader asked before it confirms, from the leader of the follower’s term', () => {
    // The feed at 340 ms: S2 asked at 314 ms, S1 has not answered yet (358 ms).
    const early = followerReadRun().events.filter((e) => e.time <= 340);
    const line = early.findIndex((e) => e.type === 'read');
    expect(early.some((e) => e.type === 'read' && e.phase === 'confirmed')).toBe(false);
    expect(describeEvent(early[line] as SimEvent, feedContexts(early, 3).get(line))).toBe(
      "S2 asks leader S1 for a read index for C2's get x (follower read, C-4)",
    );
    // A follower whose term the events never showed a leader for names none.
    const lone: SimEvent[] = [
      { type: 'stepDown', time: 1, server: 2, term: 5, from: 'follower' },
      { ...held, server: 2 },
    ];
    expect(feedContexts(lone, 3).get(1)).toBeUndefined();
  });
});

describe('the client panel’s follower read tag', () => {
  const { sim, events } = followerReadRun();
  const c2 = sim.state.clients.find((c) => c.id === 2);

  it('tags the answer by the follower that gave it, with its read index', () => {
    const tags = readTags(events);
    expect(tags.get(readTagKey(2, 1, 2))).toEqual({ mode: 'follower', readIndex: 2 });
    // Not on the leader: it confirmed, it did not answer.
    expect(tags.get(readTagKey(2, 1, 1))).toBeUndefined();
    expect(c2?.done.at(-1)).toMatchObject({ command: 'get x', result: '1', server: 2 });
  });

  it('shows “follower read” next to the answer, explained in its tooltip, in every language', () => {
    const panel = (lang: Language): string =>
      render(
        <ClientPanel clients={c2 === undefined ? [] : [c2]} events={events} onRequest={noop} />,
        lang,
      );
    const en = panel('en');
    expect(en).toContain('1 (S2)<span class="rl-read-tag rl-read-tag-follower"');
    expect(en).toContain('data-read-mode="follower"');
    expect(en).toContain('>follower read</span>');
    expect(en).toContain('from its own state at read index 2');
    expect(panel('es')).toContain('>lectura en seguidor</span>');
    expect(panel('pt')).toContain('>leitura no seguidor</span>');
    expect(panel('pt')).toContain('no índice de leitura 2');
  });
});

describe('the inspector on follower reads', () => {
  const waiting = server(2, {
    term: 4,
    leaderHint: 1,
    lastApplied: 15,
    commitIndex: 15,
    followerReads: [
      { client: 3, seq: 2, key: 'x', leader: 1, readIndex: null },
      { client: 4, seq: 1, key: 'y', leader: 1, readIndex: 17 },
    ],
  });

  it('lists what each of a follower’s reads waits for', () => {
    expect(followerReadFacts(waiting, FR_CONFIG)).toEqual([
      {
        label: 'Follower reads',
        value:
          'C3 get x: waiting for a read index from S1; C4 get y: waiting to apply up to 17 (applied 15)',
        rule: expect.stringContaining('(C-4)') as unknown as string,
      },
    ]);
    expect(followerReadFacts(waiting, FR_CONFIG, translator('es'))[0]?.value).toBe(
      'C3 get x: esperando un índice de lectura de S1; C4 get y: esperando aplicar hasta 17 (aplicado 15)',
    );
    expect(followerReadFacts(waiting, FR_CONFIG, translator('pt'))[0]?.value).toBe(
      'C3 get x: esperando um índice de leitura de S1; C4 get y: esperando aplicar até 17 (aplicado 15)',
    );
  });

  it('says none when follower reads are on, and nothing when they are off or on the leader', () => {
    expect(followerReadFacts(server(2), FR_CONFIG)[0]?.value).toBe('none');
    expect(followerReadFacts(server(2), CONFIG)).toEqual([]);
    expect(followerReadFacts(server(1, { role: 'leader' }), FR_CONFIG)).toEqual([]);
    // Reads still held show even if the run's setting says otherwise (never hidden).
    expect(followerReadFacts(waiting, CONFIG)).toHaveLength(1);
    expect(followerReadFacts(server(2, { crashed: true }), FR_CONFIG)[0]?.value).toBe(
      'lost in the crash',
    );
  });

  it('shows them in the server inspector', () => {
    const html = render(
      <ServerDetails server={waiting} now={1000} config={FR_CONFIG} onAction={noop} />,
    );
    expect(html).toContain('<dt>Follower reads</dt>');
    expect(html).toContain('waiting to apply up to 17 (applied 15)');
  });

  it('names the follower of a read a leader holds for one, not an empty key', () => {
    const leader = server(1, {
      role: 'leader',
      term: 4,
      reads: [
        { client: 3, seq: 2, key: '', arrivedMs: 900, readIndex: 17, forwardTo: 2 },
        { client: 5, seq: 1, key: 'z', arrivedMs: 950, readIndex: null },
      ],
    });
    const heldFact = leaderDutyFacts(leader, FR_CONFIG).find((f) => f.label === 'Held reads');
    expect(heldFact?.value).toBe('2: read index for S2, z');
    expect(
      leaderDutyFacts(leader, FR_CONFIG, translator('es')).find(
        (f) => f.label === 'Lecturas retenidas',
      )?.value,
    ).toBe('2: índice de lectura para S2, z');
  });
});
