/**
 * The core's speed work must not change a single event: the trace hashes of the bench's runs and
 * of a few fuzz runs (every feature, a teaching bug, a plain swarm run) are pinned here, as the
 * core computed them before the servers' timers moved out of the event queue into per-server
 * slots re-armed in place (sim.ts). And the queue now holds only what can still happen: no
 * re-armed timer is left behind in it.
 */
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/core/index.ts';
import { timerClient, timerGen } from '../../src/core/queue.ts';
import { generateFuzzRun, type FuzzOptions } from '../../src/scenarios/fuzz.ts';
import { runFuzzCheck } from '../../src/scenarios/fuzzCheck.ts';
import { toRunSetup } from '../../src/scenarios/schema.ts';
import { steadyWorkload } from '../../src/scenarios/workload.ts';

describe('core speed work keeps every event', () => {
  it.each([
    [5, 'e33e71f744ca9372'],
    [9, 'a016fb79fc7e7bf1'],
  ])('the bench run at %i servers (60 virtual s) keeps its trace hash', (servers, hash) => {
    const sim = Simulation.create(toRunSetup(steadyWorkload(servers, 60_000)));
    sim.runUntil(60_000);
    expect(sim.traceHash).toBe(hash);
    expect(sim.violations).toEqual([]);
  });

  const fuzzRuns: [number, Partial<FuzzOptions>, string, string][] = [
    [1, { everyFeature: true }, '83f19dc65076df45', 'ok'],
    [5, { bugs: ['BUG-VOTERESET'] }, '68f247f6b966a7d6', 'violation'],
    [12, { bugs: ['BUG-EARLYCONFIG'] }, 'e199795124045271', 'ok'],
    [15, {}, '047d16d47f97a79c', 'ok'],
    [30, {}, '033c8ed7720cb57e', 'ok'],
  ];
  it.each(fuzzRuns)('fuzz seed %i %o keeps its trace hash', (seed, extra, hash, outcome) => {
    const spec = generateFuzzRun(seed, { untilMs: 30_000, ...extra });
    const r = runFuzzCheck(spec.scenario, spec.plan);
    expect(r.traceHash).toBe(hash);
    expect(r.failure === null ? 'ok' : r.failure.kind).toBe(outcome);
  });

  it('the queue holds no re-armed timers: at most the messages in flight and one timer per client', () => {
    const sim = Simulation.create(toRunSetup(steadyWorkload(5, 20_000)));
    let most = 0;
    let sum = 0;
    let steps = 0;
    while ((sim.nextEventTime() ?? Infinity) <= 20_000) {
      sim.step();
      const st = sim.state;
      // The queue is flat (queue.ts): (time, sequence, what) per item; what < 0: a client timer.
      const refs = st.queue.filter((_, i) => i % 3 === 2);
      const timers = refs.filter((ref) => ref < 0);
      // Client timers are still left behind when a reply disarms one: count the live ones only.
      const liveClientTimers = timers.filter(
        (ref) => st.clients[timerClient(ref) - 1]?.timerGen === timerGen(ref),
      ).length;
      const others = refs.length - timers.length;
      most = Math.max(most, others - st.network.inFlight.length);
      expect(liveClientTimers).toBeLessThanOrEqual(st.clients.length);
      sum += refs.length;
      steps += 1;
    }
    expect(steps).toBeGreaterThan(4_000);
    // Every item besides client timers is a message still in flight.
    expect(most).toBe(0);
    // Before, a re-armed timer stayed until its time came: about 31 items on average, 28 stale.
    expect(sum / steps).toBeLessThan(15);
  });
});
