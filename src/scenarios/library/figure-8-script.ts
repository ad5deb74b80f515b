/**
 * The moves of the paper's Figure 8 (SC-16), shared by `figure-8` and `figure-8-bug`. Election
 * timers are frozen (100 s) and latency fixed, so every election is one the presenter starts, as
 * in test/core/scenarios-figures.test.ts; noopOnElection is off, as in the figure.
 */
import type { InitialServerState, SimConfig } from '../../core/index.ts';
import type { Step } from '../steps.ts';
import { t } from './build.ts';

type Move = Omit<Step, 'caption'>;

export const FIGURE8_CONFIG: Partial<SimConfig> = {
  servers: 5,
  electionTimeoutMs: [100_000, 100_000],
  latencyMs: [10, 10],
  rpcTimeoutMs: 100,
  clientTimeoutMs: 600_000,
  noopOnElection: false,
};

export function figure8Initial(): InitialServerState[] {
  return [1, 2, 3, 4, 5].map(() => ({ term: 1, votedFor: null, log: [[1, 'set x 1']] }));
}

export const MOVES = {
  /** (a) S1 leads term 2... */
  s1LeadsTerm2: {
    do: [{ do: 'timeout', server: 1 }],
    until: { event: 'leader', server: 1, term: 2 },
  },
  /** ...and gets 2@2 to S2 only. */
  s1Appends2: {
    do: [
      { do: 'cut', link: [1, 3] },
      { do: 'cut', link: [1, 4] },
      { do: 'cut', link: [1, 5] },
      { do: 'request', server: 1, client: 1, command: 'set y 2' },
    ],
    until: { event: 'replicate', server: 2 },
  },
  /** (b) S1 crashes; S5 wins term 3 with S3, S4... */
  s5LeadsTerm3: {
    do: [
      { do: 'crash', server: 1 },
      { do: 'timeout', server: 5 },
    ],
    until: { event: 'leader', server: 5, term: 3 },
  },
  /** ...and appends 3@2 that reaches nobody. */
  s5Appends3: {
    do: [
      { do: 'cut', link: [2, 5] },
      { do: 'cut', link: [3, 5] },
      { do: 'cut', link: [4, 5] },
      { do: 'request', server: 5, client: 2, command: 'set z 3' },
    ],
    until: { event: 'append', server: 5, index: 2 },
  },
  /** (c) S5 crashes; S1 restarts and fails term 3 (S3, S4 voted for S5)... */
  s1FailsTerm3: {
    do: [
      { do: 'crash', server: 5 },
      { do: 'connect', link: [1, 3] },
      { do: 'connect', link: [1, 4] },
      { do: 'restart', server: 1 },
      { do: 'timeout', server: 1 },
    ],
    until: { afterMs: 100 },
  },
  /** ...wins term 4... */
  s1LeadsTerm4: {
    do: [{ do: 'timeout', server: 1 }],
    until: { event: 'leader', server: 1, term: 4 },
  },
  /** ...and gets 2@2 to S3 (not S4); S3's acknowledgement is back 40 ms later. */
  s1Repairs3: { do: [{ do: 'cut', link: [1, 4] }], until: { afterMs: 40 } },
  /** S1 appends 4@3, which spreads nowhere. */
  s1Appends4: {
    do: [
      { do: 'cut', link: [1, 2] },
      { do: 'cut', link: [1, 3] },
      { do: 'request', server: 1, client: 3, command: 'set w 4' },
    ],
    until: { event: 'append', server: 1, index: 3 },
  },
  /** (d) S1 crashes; S5 restarts and fails term 4 (everyone voted for S1)... */
  s5FailsTerm4: {
    do: [
      { do: 'crash', server: 1 },
      { do: 'connect', link: [2, 5] },
      { do: 'connect', link: [3, 5] },
      { do: 'connect', link: [4, 5] },
      { do: 'restart', server: 5 },
      { do: 'timeout', server: 5 },
    ],
    until: { afterMs: 100 },
  },
  /** ...then wins term 5 with S2, S3, S4. */
  s5LeadsTerm5: {
    do: [{ do: 'timeout', server: 5 }],
    until: { event: 'leader', server: 5, term: 5 },
  },
  /** S5 overwrites index 2. */
  s5Overwrites: { do: [{ do: 'heal' }], until: { event: 'truncate', server: 3 } },
  /** S5 commits an entry of its own term, and with it 3@2. */
  s5Commits: {
    do: [{ do: 'request', server: 5, client: 4, command: 'set v 5' }],
    until: { event: 'commit', server: 5, index: 3 },
  },
} satisfies Record<string, Move>;

/** Captions both Figure 8 stories share, by move. */
export const SHARED_CAPTIONS = {
  s1Appends2: t(
    '(a) S1 appends 2@2 (index 2, term 2), but its links to S3–S5 are cut: only S2 gets it.',
    '(a) S1 añade 2@2 (índice 2, mandato 2), pero sus enlaces con S3–S5 están cortados: solo S2 la recibe.',
    '(a) S1 acrescenta 2@2 (índice 2, mandato 2), mas suas ligações com S3–S5 estão cortadas: só S2 a recebe.',
  ),
  s5LeadsTerm3: t(
    '(b) S1 crashes. S5 times out and wins term 3 with the votes of S3, S4 and its own; S2 refuses, since its log ends in term 2 and S5’s in term 1 (F2-RV2).',
    '(b) S1 se cae. S5 agota su temporizador y gana el mandato 3 con los votos de S3, S4 y el suyo; S2 se niega, porque su registro termina en el mandato 2 y el de S5 en el 1 (F2-RV2).',
    '(b) S1 cai. S5 esgota o temporizador e vence o mandato 3 com os votos de S3, S4 e o seu; S2 recusa, porque seu log termina no mandato 2 e o de S5 no 1 (F2-RV2).',
  ),
  s5Appends3: t(
    '(b) S5 appends 3@2 — another entry at index 2 — but its links are cut, so it stays on S5 alone.',
    '(b) S5 añade 3@2 —otra entrada en el índice 2—, pero sus enlaces están cortados y se queda solo en S5.',
    '(b) S5 acrescenta 3@2 — outra entrada no índice 2 —, mas suas ligações estão cortadas e ela fica só em S5.',
  ),
  s1FailsTerm3: t(
    '(c) S5 crashes and S1 restarts. S1 times out into term 3, but S3 and S4 already voted for S5 in term 3: only S2 votes for S1, and there is no leader.',
    '(c) S5 se cae y S1 se reinicia. S1 pasa al mandato 3, pero S3 y S4 ya votaron por S5 en ese mandato: solo S2 vota por S1 y no hay líder.',
    '(c) S5 cai e S1 reinicia. S1 passa ao mandato 3, mas S3 e S4 já votaram em S5 nesse mandato: só S2 vota em S1 e não há líder.',
  ),
  s1LeadsTerm4: t(
    'S1 tries again in term 4 and wins with S2, S3 and S4.',
    'S1 lo intenta de nuevo en el mandato 4 y gana con S2, S3 y S4.',
    'S1 tenta de novo no mandato 4 e vence com S2, S3 e S4.',
  ),
  s5FailsTerm4: t(
    '(d) S1 crashes and S5 restarts. S5 times out into term 4 and fails: S2, S3 and S4 already voted for S1 in term 4.',
    '(d) S1 se cae y S5 se reinicia. S5 pasa al mandato 4 y fracasa: S2, S3 y S4 ya votaron por S1 en ese mandato.',
    '(d) S1 cai e S5 reinicia. S5 passa ao mandato 4 e fracassa: S2, S3 e S4 já votaram em S1 nesse mandato.',
  ),
};
