/**
 * Run options from the page address: `?seed=42&servers=3&speed=1&paused&bugs=BUG-FIG8`, plus
 * `reads=readIndex|lease|log` and `checkQuorum` (a lease needs it), so a
 * presenter can bookmark a starting point (teaching bugs included) and tests can start fast. Input from a link is untrusted: every
 * value is validated and bounded, and a bad one is ignored rather than breaking the page.
 */
import { BUG_IDS, MAX_SERVERS, withDefaults } from '../core/index.ts';
import type { BugId, ReadMode, SimConfig } from '../core/types.ts';
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

const READ_MODES: readonly string[] = ['log', 'readIndex', 'lease'] satisfies ReadMode[];

/** How reads are answered (C-4, C-5); a lease without CheckQuorum is refused, so ignored here. */
function reads(value: string | null, checkQuorum: boolean): ReadMode | undefined {
  if (value === null || !READ_MODES.includes(value)) return undefined;
  return value === 'lease' && !checkQuorum ? undefined : (value as ReadMode);
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
  const checkQuorum = q.has('checkQuorum');
  const readMode = reads(q.get('reads'), checkQuorum);
  if (teaching.length > 0 || readMode !== undefined || checkQuorum) {
    const config: Partial<SimConfig> = { servers: options.servers ?? DEFAULT_SERVERS };
    if (teaching.length > 0) config.bugs = teaching;
    if (readMode !== undefined) config.reads = readMode;
    if (checkQuorum) config.checkQuorum = true;
    options.setup = {
      seed: options.seed ?? DEFAULT_SEED,
      config: withDefaults(config),
      actions: [],
    };
  }
  return options;
}
