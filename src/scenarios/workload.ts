/**
 * A steady workload: one client request every `everyMs`, spread over three clients, on a healthy
 * cluster. Used by `npm run bench` and handy as a baseline scenario.
 */
import { withDefaults } from '../core/index.ts';
import type { Action } from '../core/index.ts';
import type { Scenario } from './schema.ts';
import { LIMITS } from './limits.ts';

export function steadyWorkload(
  servers: number,
  durationMs: number,
  everyMs = 100,
  seed = 1,
): Scenario {
  const actions: Action[] = [];
  for (
    let at = everyMs, i = 0;
    at <= durationMs && actions.length < LIMITS.actions;
    at += everyMs, i++
  ) {
    const command = i % 4 === 3 ? `get k${i % 10}` : `set k${i % 10} ${i}`;
    actions.push({ at, do: 'request', command, client: (i % 3) + 1 });
  }
  return {
    version: 1,
    title: `Steady load: ${servers} servers, a request every ${everyMs} ms`,
    seed,
    config: withDefaults({ servers }),
    actions,
  };
}
