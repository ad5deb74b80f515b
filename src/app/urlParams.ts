/**
 * Run options from the page address: `?seed=42&servers=3&speed=1&paused&bugs=BUG-FIG8`, so a
 * presenter can bookmark a starting point (teaching bugs included) and tests can start fast. Input from a link is untrusted: every
 * value is validated and bounded, and a bad one is ignored rather than breaking the page.
 */
import { BUG_IDS, MAX_SERVERS, withDefaults } from '../core/index.ts';
import type { BugId } from '../core/types.ts';
import { SPEED_MAX, SPEED_MIN } from '../store/types.ts';
import { DEFAULT_SEED, DEFAULT_SERVERS } from '../store/createLabStore.ts';
import type { LabStoreInit } from '../store/createLabStore.ts';

function integer(value: string | null, min: number, max: number): number | undefined {
  if (value === null || !/^\d{1,10}$/.test(value)) return undefined;
  const n = Number(value);
  return n >= min && n <= max ? n : undefined;
}

function speed(value: string | null): number | undefined {
  if (value === null || value.length > 12) return undefined;
  const n = Number(value);
  return Number.isFinite(n) && n >= SPEED_MIN && n <= SPEED_MAX ? n : undefined;
}

/** Known teaching bug ids from a comma-separated list; unknown ones are dropped (RAFT.md §4). */
function bugs(value: string | null): BugId[] {
  if (value === null || value.length > 200) return [];
  const known: readonly string[] = BUG_IDS;
  return value.split(',').filter((b): b is BugId => known.includes(b));
}

export function labOptionsFromQuery(search: string): LabStoreInit {
  const q = new URLSearchParams(search);
  const options: LabStoreInit = { playing: !q.has('paused') };
  const seed = integer(q.get('seed'), 0, 0xffffffff);
  const servers = integer(q.get('servers'), 1, MAX_SERVERS);
  const s = speed(q.get('speed'));
  if (seed !== undefined) options.seed = seed;
  if (servers !== undefined) options.servers = servers;
  if (s !== undefined) options.speed = s;
  const teaching = bugs(q.get('bugs'));
  if (teaching.length > 0) {
    options.setup = {
      seed: options.seed ?? DEFAULT_SEED,
      config: withDefaults({ servers: options.servers ?? DEFAULT_SERVERS, bugs: teaching }),
      actions: [],
    };
  }
  return options;
}
