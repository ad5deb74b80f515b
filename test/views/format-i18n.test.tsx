/**
 * The event feed's sentences and the lab's shortcut descriptions in Spanish and Portuguese: every
 * event type and action kind has its own sentence, which keeps the names, numbers, commands and
 * the rule catalogue IDs of the English one. English (the default) stays byte for byte what it was.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../src/i18n/messages.ts';
import { PresenterProvider } from '../../src/services/presenter/context.tsx';
import { createPresenterStore } from '../../src/services/presenter/presenterStore.ts';
import { SHORTCUTS } from '../../src/services/shortcuts.ts';
import type { Action, ActionKind, SimEvent, SimEventType } from '../../src/core/types.ts';
import { createLabStore } from '../../src/store/index.ts';
import {
  describeAction,
  describeEvent,
  INVARIANT_NAMES,
  invariantName,
  type DescribeContext,
} from '../../src/views/format.ts';
import { EventFeed } from '../../src/views/panels/EventFeed.tsx';
import { recordRun } from './fixtures.ts';

const LANGS = ['es', 'pt'] as const;

const violation = (invariant: 'INV-LC' | 'INV-X14' | 'INV-X15' | 'INV-C1'): SimEvent => ({
  type: 'violation',
  time: 10,
  violation: {
    invariant,
    time: 10,
    servers: [1, 3],
    indexes: [2],
    message: 'S3 leads term 5 without entry 2',
  },
});

/** Every variant of every event type, with the contexts the feed can give it. */
const EVENTS: Record<SimEventType, readonly (readonly [SimEvent, DescribeContext?])[]> = {
  action: [[{ type: 'action', time: 5, action: { at: 5, do: 'crash', server: 3 } }]],
  send: [
    [
      {
        type: 'send',
        time: 1,
        id: 1,
        from: 1,
        to: 2,
        msg: 'RequestVote',
        deliverMs: 11,
        duplicate: false,
      },
    ],
  ],
  deliver: [[{ type: 'deliver', time: 11, id: 1, from: 1, to: 2, msg: 'RequestVote' }]],
  drop: [
    [{ type: 'drop', time: 12, id: 9, from: 1, to: -2, msg: 'ClientReply', reason: 'manual' }],
  ],
  transfer: [
    ...(['start', 'timeoutNow', 'aborted', 'refused'] as const).map(
      (phase) => [{ type: 'transfer', time: 5, server: 1, target: 3, phase }] as const,
    ),
    [{ type: 'transfer', time: 5, server: 0, target: 3, phase: 'refused' }],
  ],
  read: [
    [
      {
        type: 'read',
        time: 6,
        server: 1,
        client: 2,
        seq: 4,
        key: 'x',
        mode: 'readIndex',
        phase: 'held',
        readIndex: 7,
        result: '',
      },
    ],
    ...(['readIndex', 'lease', 'local'] as const).map(
      (mode) =>
        [
          {
            type: 'read',
            time: 6,
            server: 1,
            client: 2,
            seq: 4,
            key: 'x',
            mode,
            phase: 'answered',
            readIndex: 7,
            result: '5',
          },
        ] as const,
    ),
  ],
  membership: [
    ...(['inProgress', 'noCommitThisTerm', 'alreadyMember', 'notMember'] as const).map(
      (reason) =>
        [
          {
            type: 'membership',
            time: 4,
            server: 2,
            phase: 'refused',
            command: 'addServer 6',
            reason,
          },
        ] as const,
    ),
    ...(['notLearner', 'lastVoter', 'unknownServer'] as const).map(
      (reason) =>
        [
          {
            type: 'membership',
            time: 4,
            server: 2,
            phase: 'refused',
            command: 'promote 6',
            reason,
          },
        ] as const,
    ),
    [
      {
        type: 'membership',
        time: 4,
        server: 2,
        phase: 'catchUp',
        command: 'addServer 6',
        round: 1,
        durationMs: 40,
      },
    ],
    [
      {
        type: 'membership',
        time: 4,
        server: 2,
        phase: 'catchUp',
        command: 'reconfigure 1,2,3,6,7',
        round: 2,
        durationMs: 1200,
      },
    ],
    [
      {
        type: 'membership',
        time: 4,
        server: 2,
        phase: 'start',
        command: 'reconfigure 1,2,3,6,7',
        servers: [6, 7],
      },
    ],
    [
      {
        type: 'membership',
        time: 4,
        server: 2,
        phase: 'start',
        command: 'addServer 6',
        servers: [6],
      },
    ],
    [
      {
        type: 'membership',
        time: 4,
        server: 2,
        phase: 'aborted',
        command: 'addServer 6',
        reason: 'catchUpFailed',
      },
    ],
    ...(['joint', 'final', 'done', 'leave'] as const).map(
      (phase) =>
        [
          { type: 'membership', time: 4, server: 2, phase, command: 'reconfigure 1,2,3,6,7' },
        ] as const,
    ),
  ],
  snapshot: [
    [{ type: 'snapshot', time: 4, server: 2, index: 40, term: 2, discarded: 10 }],
    [{ type: 'snapshot', time: 4, server: 2, index: 40, term: 2, discarded: 1 }],
  ],
  installSnapshot: (
    [
      [5, false],
      [1, true],
      [0, false],
      [0, true],
    ] as const
  ).map(
    ([kept, reset]) =>
      [
        {
          type: 'installSnapshot',
          time: 4,
          server: 3,
          leader: 1,
          index: 40,
          term: 2,
          kept,
          reset,
        },
      ] as const,
  ),
  electionStart: [
    [{ type: 'electionStart', time: 1, server: 3, term: 4, forced: false }],
    [{ type: 'electionStart', time: 1, server: 3, term: 4, forced: true }],
  ],
  vote: [
    [{ type: 'vote', time: 2, voter: 2, candidate: 3, term: 4, granted: true }],
    [{ type: 'vote', time: 2, voter: 2, candidate: 3, term: 4, granted: false }],
  ],
  preVoteStart: [[{ type: 'preVoteStart', time: 2, server: 3, term: 4 }]],
  preVote: [
    [{ type: 'preVote', time: 2, voter: 1, candidate: 3, term: 4, granted: false }],
    [{ type: 'preVote', time: 2, voter: 1, candidate: 3, term: 4, granted: true }],
  ],
  voteIgnored: [[{ type: 'voteIgnored', time: 2, voter: 2, candidate: 3, term: 5 }]],
  quorumLost: [[{ type: 'quorumLost', time: 2, server: 1, term: 4, active: 2 }]],
  becomeLeader: [
    [{ type: 'becomeLeader', time: 3, server: 1, term: 4 }],
    [
      { type: 'becomeLeader', time: 3, server: 1, term: 4 },
      { votes: 3, servers: 5 },
    ],
    [{ type: 'becomeLeader', time: 3, server: 1, term: 4 }, { votes: 1 }],
  ],
  stepDown: [
    [{ type: 'stepDown', time: 4, server: 1, term: 5, from: 'leader' }],
    [{ type: 'stepDown', time: 4, server: 1, term: 5, from: 'candidate' }],
    [{ type: 'stepDown', time: 4, server: 1, term: 5, from: 'precandidate' }],
    [{ type: 'stepDown', time: 4, server: 1, term: 5, from: 'follower' }],
  ],
  append: [
    [{ type: 'append', time: 4, server: 1, index: 7, term: 4, command: 'set x 1' }],
    [{ type: 'append', time: 4, server: 1, index: 8, term: 5, command: 'noop' }],
  ],
  replicate: [
    [{ type: 'replicate', time: 4, server: 2, leader: 1, fromIndex: 5, toIndex: 7 }],
    [{ type: 'replicate', time: 4, server: 2, leader: 1, fromIndex: 6, toIndex: 6 }],
  ],
  truncate: [
    [{ type: 'truncate', time: 4, server: 2, fromIndex: 5, removed: 3 }],
    [{ type: 'truncate', time: 4, server: 2, fromIndex: 5, removed: 1 }],
  ],
  commit: [[{ type: 'commit', time: 4, server: 1, index: 7 }]],
  apply: [
    [
      {
        type: 'apply',
        time: 4,
        server: 2,
        index: 7,
        command: 'get x',
        result: '1',
        duplicate: false,
      },
    ],
    [
      {
        type: 'apply',
        time: 4,
        server: 2,
        index: 8,
        command: 'set y 2',
        result: 'ok',
        duplicate: true,
      },
    ],
  ],
  crash: [[{ type: 'crash', time: 5, server: 3 }]],
  restart: [[{ type: 'restart', time: 6, server: 3 }]],
  clientSend: [
    [
      {
        type: 'clientSend',
        time: 7,
        client: 1,
        seq: 4,
        server: 3,
        command: 'set x 1',
        attempt: 1,
      },
    ],
    [
      {
        type: 'clientSend',
        time: 7,
        client: 2,
        seq: 6,
        server: 5,
        command: 'get z',
        attempt: 3,
      },
    ],
  ],
  clientRedirect: [
    [{ type: 'clientRedirect', time: 8, client: 1, seq: 4, server: 3, leaderHint: 2 }],
    [
      { type: 'clientRedirect', time: 8, client: 1, seq: 4, server: 3, leaderHint: 2 },
      { command: 'set x 1' },
    ],
    [{ type: 'clientRedirect', time: 8, client: 1, seq: 4, server: 3, leaderHint: null }],
    [
      { type: 'clientRedirect', time: 8, client: 1, seq: 4, server: 3, leaderHint: null },
      { command: 'cas k 0 9' },
    ],
  ],
  clientReply: [
    [{ type: 'clientReply', time: 9, client: 1, seq: 4, server: 2, result: 'ok' }],
    [
      {
        type: 'clientReply',
        time: 9,
        client: 1,
        seq: 4,
        server: 2,
        result: 'refused: noCommitThisTerm',
      },
    ],
  ],
  clientLateReply: [
    [{ type: 'clientLateReply', time: 9, client: 1, seq: 3, server: 4, result: 'ok' }],
  ],
  violation: [
    [violation('INV-LC')],
    [violation('INV-X14')],
    [violation('INV-X15')],
    [violation('INV-C1')],
  ],
};

/** Every variant of every action kind. */
const ACTIONS: Record<ActionKind, readonly Action[]> = {
  crash: [{ at: 0, do: 'crash', server: 3 }],
  restart: [{ at: 0, do: 'restart', server: 3 }],
  timeout: [{ at: 0, do: 'timeout', server: 2 }],
  partition: [
    {
      at: 0,
      do: 'partition',
      groups: [
        [1, 2],
        [3, 4, 5],
      ],
    },
  ],
  heal: [{ at: 0, do: 'heal' }],
  cut: [{ at: 0, do: 'cut', link: [1, 3] }],
  connect: [{ at: 0, do: 'connect', link: [1, 3] }],
  request: [
    { at: 0, do: 'request', command: 'get x' },
    { at: 0, do: 'request', command: 'get x', client: 2, server: 4 },
    { at: 0, do: 'request', command: 'set x 1', client: 3 },
    { at: 0, do: 'request', command: 'set x 1', server: 5 },
  ],
  drop: [{ at: 0, do: 'drop', message: 12 }],
  dropInFlight: [
    { at: 0, do: 'dropInFlight' },
    { at: 0, do: 'dropInFlight', type: 'ClientReply', from: 1, to: -2 },
    { at: 0, do: 'dropInFlight', type: 'AppendEntries', from: 2 },
    { at: 0, do: 'dropInFlight', to: 3 },
  ],
  network: [{ at: 0, do: 'network', loss: [1, 10] }],
  linkLatency: [
    { at: 0, do: 'linkLatency', link: [1, 2], latencyMs: [50, 80] },
    { at: 0, do: 'linkLatency', link: [1, 2], latencyMs: null },
  ],
  nextTimeout: [{ at: 0, do: 'nextTimeout', server: 2, ms: 180 }],
  addServer: [
    { at: 0, do: 'addServer', server: 6 },
    { at: 0, do: 'addServer', server: 6, via: 2, client: 3 },
  ],
  removeServer: [{ at: 0, do: 'removeServer', server: 1 }],
  addLearner: [{ at: 0, do: 'addLearner', server: 5, client: 2 }],
  promote: [{ at: 0, do: 'promote', server: 5, via: 4 }],
  reconfigure: [{ at: 0, do: 'reconfigure', members: [1, 2, 3, 4, 5] }],
  transfer: [{ at: 0, do: 'transfer', server: 3 }],
};

/** The parts a translation must keep: names, numbers, quoted commands, IDs, message types. */
function kept(text: string): Record<string, string[]> {
  const all = (re: RegExp): string[] => [...text.matchAll(re)].map((m) => m[0]).sort();
  return {
    names: all(/\b[SC]\d+\b/g),
    numbers: all(/\d+/g),
    quoted: all(/"[^"]*"/g),
    ids: all(/\b(?:INV-[A-Z]+\d*|F\d+-[A-Z]+\d*|C-\d+|PreVote|CheckQuorum)\b/g),
    messages: all(/\b(?:RequestVote|AppendEntries|ClientRequest|ClientReply)(?:Reply)?\b/g),
    glyphs: all(/[→–|{}#≤]/g),
  };
}

function expectTranslated(en: string, translated: string, lang: string): void {
  expect(translated, lang).not.toBe(en);
  expect(translated).not.toMatch(/undefined|NaN|\[object|null/);
  expect(translated).not.toMatch(/comprome/i);
  expect(kept(translated), `${lang}: ${translated}`).toEqual(kept(en));
}

describe('describeEvent in Spanish and Portuguese', () => {
  const cases = (Object.keys(EVENTS) as SimEventType[]).flatMap((type) =>
    EVENTS[type].map(([e, ctx], k) => [`${type} #${k + 1}`, e, ctx ?? {}] as const),
  );

  it.each(cases)('translates %s, keeping names, numbers and IDs', (_, e, ctx) => {
    const en = describeEvent(e, ctx);
    expect(describeEvent(e, ctx, 'en')).toBe(en);
    for (const lang of LANGS) {
      const translated = describeEvent(e, ctx, lang);
      if (en === null) {
        expect(translated).toBeNull();
        continue;
      }
      expect(translated).not.toBeNull();
      expectTranslated(en, translated ?? '', lang);
      // Commands and results shown in English (a no-op reads as words) appear verbatim.
      for (const field of ['command', 'result'] as const) {
        const value = field in e ? (e as Record<typeof field, string>)[field] : undefined;
        if (value !== undefined && en.includes(value)) expect(translated).toContain(value);
      }
      // A violation is told from its parts in the reader's language, not the core's English text.
      if (e.type === 'violation') expect(translated).not.toContain(e.violation.message);
    }
  });

  it('uses the Raft words of the glossary', () => {
    const win: SimEvent = { type: 'becomeLeader', time: 3, server: 1, term: 4 };
    const tally = { votes: 3, servers: 5 };
    expect(describeEvent(win, tally, 'es')).toBe(
      'S1 ganó la elección para el mandato 4 con 3 de 5 votos',
    );
    expect(describeEvent(win, tally, 'pt')).toBe(
      'S1 venceu a eleição para o mandato 4 com 3 de 5 votos',
    );
    const commit: SimEvent = { type: 'commit', time: 4, server: 1, index: 7 };
    expect(describeEvent(commit, {}, 'es')).toBe('S1 confirmó hasta la entrada 7');
    expect(describeEvent(commit, {}, 'pt')).toBe('S1 confirmou até a entrada 7');
    const down: SimEvent = { type: 'stepDown', time: 4, server: 1, term: 5, from: 'leader' };
    expect(describeEvent(down, {}, 'es')).toContain('líder');
    expect(describeEvent(down, {}, 'es')).toContain('seguidor');
    expect(describeEvent(down, {}, 'pt')).toContain('seguidor');
  });

  it('translates the short names of every invariant, keeping the ID', () => {
    for (const id of Object.keys(INVARIANT_NAMES) as (keyof typeof INVARIANT_NAMES)[]) {
      expect(invariantName(id)).toBe(INVARIANT_NAMES[id]);
      for (const lang of LANGS) {
        const name = invariantName(id, lang);
        expect(name).not.toMatch(/comprome|undefined/i);
        // Only a formula (lastApplied ≤ commitIndex) reads the same in every language.
        if (!/^[A-Za-z]+ ≤ [A-Za-z]+$/.test(INVARIANT_NAMES[id])) {
          expect(name, `${lang} ${id}`).not.toBe(INVARIANT_NAMES[id]);
        }
      }
    }
  });

  it('gives every non-noisy event of a real run a translated sentence', () => {
    const { events } = recordRun(
      [
        { at: 400, do: 'request', command: 'set x 1' },
        { at: 600, do: 'crash', server: 1 },
        { at: 700, do: 'request', command: 'get x' },
        { at: 1500, do: 'restart', server: 1 },
      ],
      3000,
    );
    for (const e of events) {
      const en = describeEvent(e);
      for (const lang of LANGS) {
        const translated = describeEvent(e, {}, lang);
        if (en === null) expect(translated).toBeNull();
        else expectTranslated(en, translated ?? '', lang);
      }
    }
  });
});

describe('describeAction in Spanish and Portuguese', () => {
  const cases = (Object.keys(ACTIONS) as ActionKind[]).flatMap((kind) =>
    ACTIONS[kind].map((a, k) => [`${kind} #${k + 1}`, a] as const),
  );

  it.each(cases)('translates %s', (_, a) => {
    const en = describeAction(a);
    expect(describeAction(a, 'en')).toBe(en);
    for (const lang of LANGS) {
      expectTranslated(en, describeAction(a, lang), lang);
      const asEvent: SimEvent = { type: 'action', time: 0, action: a };
      expectTranslated(describeEvent(asEvent) ?? '', describeEvent(asEvent, {}, lang) ?? '', lang);
    }
  });
});

describe('the event feed and the shortcut help follow the language', () => {
  const events: SimEvent[] = [
    { type: 'crash', time: 5, server: 3 },
    { type: 'commit', time: 6, server: 1, index: 7 },
  ];
  const render = (lang?: 'es' | 'pt'): string => {
    const ui = <EventFeed events={events} now={10} onJump={() => {}} />;
    if (lang === undefined) return renderToStaticMarkup(ui);
    const shell = createPresenterStore(createLabStore({ clock: () => 0 }), { lang });
    return renderToStaticMarkup(<PresenterProvider store={shell}>{ui}</PresenterProvider>);
  };

  it('writes the feed in the chosen language, English without a provider', () => {
    expect(render()).toContain('S1 committed up to entry 7');
    expect(render('es')).toContain('S1 confirmó hasta la entrada 7');
    expect(render('es')).toContain('S3 se cayó');
    expect(render('pt')).toContain('S1 confirmou até a entrada 7');
    expect(render('pt')).toContain('S3 caiu');
  });

  it('has every shortcut description in every language, English unchanged', () => {
    expect(SHORTCUTS.map((s) => MESSAGES.en[s.description])).toContain('Play / pause');
    const keys = [...SHORTCUTS.map((s) => s.description), 'shortcut.story' as const];
    for (const key of keys) {
      const en = MESSAGES.en[key] ?? '';
      expect(en).not.toBe('');
      for (const lang of LANGS) {
        const text = MESSAGES[lang][key];
        expect(text, `${lang} ${key}`).toBeDefined();
        expect(text).not.toBe(en);
        expect(text).not.toMatch(/comprome/i);
        expect(kept(text ?? '').ids).toEqual(kept(en).ids);
        expect(text?.match(/\b[A-Z]\d+-[A-Z]+\d*\b|\bC-\d\b/g)).toEqual(
          en.match(/\b[A-Z]\d+-[A-Z]+\d*\b|\bC-\d\b/g),
        );
      }
    }
  });
});
