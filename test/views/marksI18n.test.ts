/** The ring's message and vote tooltips in Spanish and Portuguese. */
import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/index.ts';
import { messageName, messageTitle, voteMarkTitle } from '../../src/views/cluster/marks.ts';
import { message } from './fixtures.ts';

const net = {
  latencyMs: [10, 20],
  loss: [0, 1],
  duplication: [0, 1],
  groups: null,
  cut: [],
  linkLatency: {},
} as const;

const heartbeat = message(
  {
    type: 'AppendEntries',
    term: 3,
    leaderId: 1,
    prevLogIndex: 0,
    prevLogTerm: 0,
    entries: [],
    leaderCommit: 0,
  } as never,
  { duplicateOf: 4 },
);

describe('message tooltips', () => {
  it('read in the chosen language, names, numbers and rule IDs kept', () => {
    const es = messageTitle(heartbeat, 1000, net, translator('es'));
    expect(es).toBe(
      '#7 Latido: S1 → S2, mandato 3; llega en 20 ms. El líder replica entradas, o envía un latido si va vacío (F2-L1, F2-L3). Duplicado de #4 (F2-T3). Haz clic para ver los detalles.',
    );
    const pt = messageTitle({ ...heartbeat, lost: true }, 1000, net, translator('pt'));
    expect(pt).toContain('a rede vai perdê-la');
    expect(pt).not.toMatch(/Click|arrives|Leader/);
    // English stays what it was.
    expect(messageTitle(heartbeat, 1000, net)).toMatch(
      /^#7 Heartbeat: S1 → S2, term 3; arrives in 20 ms\./,
    );
  });

  it('keep RPC names as the paper writes them', () => {
    const vote = message({
      type: 'RequestVote',
      term: 2,
      candidateId: 1,
      lastLogIndex: 0,
      lastLogTerm: 0,
      preVote: false,
    } as never);
    expect(messageName(vote, translator('pt'))).toBe('RequestVote');
  });
});

describe('vote mark tooltips', () => {
  it('say who answered what, in each language', () => {
    expect(voteMarkTitle(3, 'denied', translator('es'))).toBe(
      'S3 se negó: ya votó en este mandato o su registro está más al día (F2-RV2)',
    );
    expect(voteMarkTitle(2, 'none', translator('pt'))).toBe('Ainda sem resposta de S2');
    expect(voteMarkTitle(2, 'granted')).toBe('S2 granted its vote (F2-RV2)');
  });
});
