/**
 * Replication under duplication (the rule catalogue F2-T3: the network may duplicate and reorder messages, so
 * RPCs must be idempotent). Before the fix every AppendEntries reply of the current term made the
 * leader send again, also a duplicated or stale one that moved nothing forward: with duplication
 * each such reply started another chain of requests and the chains multiplied every round trip (a
 * follower 400 entries behind took the network from ~80 to over 100,000 messages in flight).
 * F2-L4 is now applied as etcd does: a reply sends the next request at once only if it moved
 * matchIndex or nextIndex, or answers the request still outstanding; the timers retry the rest.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, Simulation, type Action, type Ratio } from '../../src/core/index.ts';

interface CatchUp {
  /** AppendEntries the leader sent to S5 from its restart until S5 held the leader's log. */
  appendsToS5: number;
  /** Entries S5 was missing when it came back. */
  behind: number;
  /** Most messages in flight at once during the catch-up. */
  peakInFlight: number;
  caughtUpMs: number | null;
}

/** 5 servers; S5 is down while the others commit `entries` commands, then comes back. */
function catchUp(duplication: Ratio, entries: number, seed = 7): CatchUp {
  const actions: Action[] = [{ at: 400, do: 'crash', server: 5 }];
  const spacingMs = 50;
  for (let k = 0; k < entries; k++) {
    actions.push({
      at: 500 + k * spacingMs,
      do: 'request',
      command: `set k${k % 7} ${k}`,
      client: 1 + (k % 3),
    });
  }
  const restartMs = 500 + entries * spacingMs + 500;
  actions.push({ at: restartMs, do: 'restart', server: 5 });
  const sim = Simulation.create({
    seed,
    config: { ...DEFAULT_CONFIG, servers: 5, duplication },
    actions,
  });
  // Requests run through clients one at a time; healthy replication keeps up with them.
  expect(sim.runUntil(restartMs - 1, 5_000_000)).toBe(true);
  const s5 = sim.state.servers[4];
  const leader = sim.state.servers.find((s) => s.role === 'leader');
  if (s5 === undefined || leader === undefined) throw new Error('no leader before the restart');
  const behind = leader.log.length - s5.log.length;
  let appendsToS5 = 0;
  sim.onEvent = (e) => {
    if (e.type === 'send' && e.msg === 'AppendEntries' && e.to === 5 && !e.duplicate) {
      appendsToS5 += 1;
    }
  };
  let peakInFlight = 0;
  let caughtUpMs: number | null = null;
  // Bounded: 20 virtual seconds at most, and a step budget that a storm would exhaust.
  for (let t = restartMs; t <= restartMs + 20_000 && caughtUpMs === null; t += 10) {
    expect(sim.runUntil(t, 200_000)).toBe(true);
    peakInFlight = Math.max(peakInFlight, sim.state.network.inFlight.length);
    const lead = sim.state.servers.find((s) => s.role === 'leader' && !s.crashed);
    if (lead !== undefined && s5.log.length === lead.log.length && s5.commitIndex > 0) {
      caughtUpMs = t - restartMs;
    }
  }
  return { appendsToS5, behind, peakInFlight, caughtUpMs };
}

describe('F2-L4 / F2-T3: no replication storm under duplication', () => {
  it('a follower 400 entries behind catches up with 20% duplication, one request per batch', () => {
    const run = catchUp([1, 5], 400);
    expect(run.behind).toBeGreaterThanOrEqual(400);
    expect(run.caughtUpMs).not.toBeNull();
    // 8 entries per AppendEntries: ~50 batches, plus heartbeats and a few retries. Proportional
    // to the entries: a storm sends thousands and never catches up.
    const batches = Math.ceil(run.behind / DEFAULT_CONFIG.maxEntriesPerAppend);
    // (A request sent before the restart, dropped at the crashed S5, is not counted here.)
    expect(run.appendsToS5).toBeGreaterThanOrEqual(batches - 2);
    expect(run.appendsToS5).toBeLessThan(3 * batches);
    expect(run.peakInFlight).toBeLessThan(200);
  });

  it('and with every message duplicated (100%), still one chain, not a doubling one', () => {
    const run = catchUp([1, 1], 400);
    expect(run.caughtUpMs).not.toBeNull();
    const batches = Math.ceil(run.behind / DEFAULT_CONFIG.maxEntriesPerAppend);
    expect(run.appendsToS5).toBeLessThan(3 * batches);
    expect(run.peakInFlight).toBeLessThan(400);
  });

  it('the number of requests grows linearly with the gap (200 vs 400 entries behind)', () => {
    const short = catchUp([1, 1], 200);
    const long = catchUp([1, 1], 400);
    const ratio = long.appendsToS5 / short.appendsToS5;
    expect(ratio).toBeGreaterThan(1.4);
    expect(ratio).toBeLessThan(2.6);
  });
});
