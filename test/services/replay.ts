/**
 * The reference meaning of a link's view position, computed headless with src/core alone (no
 * store, no checkpoints): `steps` queue items processed, none after `timeMs`, then the clock at
 * `timeMs` if nothing else is due by then. Node tests and browser tests compare the lab to this.
 */
import { Simulation } from '../../src/core/index.ts';
import type { LinkView } from '../../src/scenarios/linkView.ts';
import { toRunSetup } from '../../src/scenarios/schema.ts';
import type { Scenario } from '../../src/scenarios/schema.ts';

export function replayTo(scenario: Scenario, view: LinkView | undefined): Simulation {
  const sim = Simulation.create(toRunSetup(scenario));
  if (view === undefined) return sim;
  while (sim.state.steps < view.steps) {
    const next = sim.nextEventTime();
    if (next === null || next > view.timeMs) break;
    sim.step();
  }
  const next = sim.nextEventTime();
  if (view.timeMs > sim.now && (next === null || next > view.timeMs)) sim.runUntil(view.timeMs);
  return sim;
}
