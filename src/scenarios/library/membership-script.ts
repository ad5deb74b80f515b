/**
 * What the membership stories share (the rule catalogue (src/i18n/rules.ts)): a timing where every election is one the
 * presenter starts (timers frozen at 100 s, latency 10 ms, as in test/core/scenario-kit.ts), and
 * the moves of the paper's Figure 10 (SC-36), told twice: with a direct switch to C_new
 * (BUG-DIRECTCONFIG) and with joint consensus.
 */
import type { InitialServerState, SimConfig } from '../../core/index.ts';
import type { Step } from '../steps.ts';

type Move = Omit<Step, 'caption'>;

/** Frozen election timers and a fixed latency: each step lands at a known time. */
export const FROZEN: Partial<SimConfig> = {
  electionTimeoutMs: [100_000, 100_000],
  latencyMs: [10, 10],
  rpcTimeoutMs: 100,
  clientTimeoutMs: 600_000,
};

/** The admin client that sends membership changes (kept apart from the data clients). */
export const ADMIN = 9;

/** Figure 10: C_old = {S1,S2,S3} hold `set x 1` of term 1; S4 and S5 are new and empty. */
export const FIGURE10_CONFIG: Partial<SimConfig> = { ...FROZEN, servers: 5, members: [1, 2, 3] };

export function figure10Initial(): InitialServerState[] {
  return [1, 2, 3, 4, 5].map((id) =>
    id <= 3
      ? { term: 1, votedFor: null, log: [[1, 'set x 1']] }
      : { term: 0, votedFor: null, log: [] },
  );
}

export const FIGURE10_MOVES = {
  /** S3 leads term 2 and commits its no-op with S1 and S2. */
  s3Leads: {
    do: [{ do: 'timeout', server: 3 }],
    until: { event: 'commit', server: 3, index: 2 },
  },
  /** Asked for {S1..S5}, S3 catches S4, S5 up and appends the change; S1, S2 are cut off. */
  s3Changes: {
    do: [
      { do: 'cut', link: [3, 1] },
      { do: 'cut', link: [3, 2] },
      { do: 'reconfigure', members: [1, 2, 3, 4, 5], via: 3, client: ADMIN },
    ],
    until: { event: 'append', server: 3, index: 3 },
  },
  /** The configuration entry reaches S5 (and S4, at the same time). */
  reachesS4S5: { until: { event: 'replicate', server: 5 } },
  /** S3 crashes before their answers come back: nobody commits the change. */
  s3Crashes: { do: [{ do: 'crash', server: 3 }], until: { afterMs: 40 } },
  /**
   * S3 restarts; S1 and S5 time out together. S1 reaches only S2; S5 reaches only S3 and S4, and
   * more slowly (30 ms a hop), so the two elections end one after the other.
   */
  bothCampaign: {
    do: [
      { do: 'restart', server: 3 },
      { do: 'cut', link: [5, 1] },
      { do: 'cut', link: [5, 2] },
      { do: 'linkLatency', link: [5, 3], latencyMs: [30, 30] },
      { do: 'linkLatency', link: [5, 4], latencyMs: [30, 30] },
      { do: 'timeout', server: 1 },
      { do: 'timeout', server: 5 },
    ],
    until: { event: 'leader', server: 1, term: 3 },
  },
} satisfies Record<string, Move>;
