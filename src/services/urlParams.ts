/**
 * Run options from the page address: `?seed=42&servers=3&speed=1&paused&bugs=BUG-FIG8`, plus
 * `reads=readIndex|lease|log`, `checkQuorum` (a lease needs it), `followerReads` (C-4; needs
 * reads=readIndex or reads=lease, else refused with a message: see queryRefusal) and
 * `snapshotEvery=N` (log compaction every N applied entries, 0 = never), so a
 * presenter can bookmark a starting point (teaching bugs included) and tests can start fast. Input from a link is untrusted: every
 * value is validated and bounded, and a bad one is ignored rather than breaking the page.
 */
import { BUG_IDS, MAX_SERVERS, withDefaults } from '../core/index.ts';
import type { BugId, ReadMode, SimConfig } from '../core/types.ts';
import type { LabStore } from '../store/types.ts';
import { translate, type Language, type MessageKey } from '../i18n/index.ts';
import { LIMITS } from '../scenarios/limits.ts';
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

/** Known teaching bug ids from a comma-separated list; unknown ones are dropped (the rule catalogue (src/i18n/rules.ts)). */
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

/** The most entries between snapshots the lab accepts: the scenario schema's bound. */
export const SNAPSHOT_EVERY_MAX: number = LIMITS.snapshotEvery;

/**
 * Log compaction (F2-IS6): snapshot every this many applied entries, a whole number from 0
 * (never) to SNAPSHOT_EVERY_MAX; anything else (-1, 1.5, 5000, `__proto__`) is undefined. The
 * new-run form reads its field with the same function.
 */
export function parseSnapshotEvery(value: string | null): number | undefined {
  return value === null ? undefined : integer(value.trim(), 0, SNAPSHOT_EVERY_MAX);
}

/**
 * A boolean flag like `checkQuorum`: on when present (`?followerReads`, `=1`, `=true`), off for
 * `=0` or `=false` (so a link can say it explicitly).
 */
function flag(q: URLSearchParams, name: string): boolean {
  const value = q.get(name);
  return value !== null && value !== '0' && value.toLowerCase() !== 'false';
}

/** The read mode a query ends with: its valid `reads`, else the default (through the log). */
function queryReadMode(q: URLSearchParams): ReadMode {
  return reads(q.get('reads'), q.has('checkQuorum')) ?? withDefaults({}).reads;
}

/**
 * Why part of a link was refused, as a message key for the open-error banner, or null. Follower
 * reads (C-4) need a read index from the leader: with reads through the log (asked for, the
 * default, or a lease refused without CheckQuorum) the run starts without them.
 */
export function queryRefusal(search: string): MessageKey | null {
  const q = new URLSearchParams(search);
  return flag(q, 'followerReads') && queryReadMode(q) === 'log'
    ? 'run.followerReadsLinkRefused'
    : null;
}

/**
 * Says in the open-error banner, in `lang`, what part of the link was refused (queryRefusal); the
 * run the link started (its other options) is left as it is. Returns whether anything was refused.
 */
export function reportQueryRefusal(store: LabStore, search: string, lang: Language): boolean {
  const refusal = queryRefusal(search);
  if (refusal !== null) store.getState().setOpenError(translate(lang, refusal));
  return refusal !== null;
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
  const snapshotEvery = parseSnapshotEvery(q.get('snapshotEvery'));
  // Refused (queryRefusal says why) unless reads skip the log.
  const followerReads = flag(q, 'followerReads') && readMode !== undefined && readMode !== 'log';
  if (
    teaching.length > 0 ||
    readMode !== undefined ||
    checkQuorum ||
    snapshotEvery !== undefined ||
    followerReads
  ) {
    const config: Partial<SimConfig> = { servers: options.servers ?? DEFAULT_SERVERS };
    if (teaching.length > 0) config.bugs = teaching;
    if (readMode !== undefined) config.reads = readMode;
    if (checkQuorum) config.checkQuorum = true;
    if (snapshotEvery !== undefined) config.snapshotEvery = snapshotEvery;
    if (followerReads) config.followerReads = true;
    options.setup = {
      seed: options.seed ?? DEFAULT_SEED,
      config: withDefaults(config),
      actions: [],
    };
  }
  return options;
}
