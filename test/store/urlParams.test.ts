/** Options read from the page address are validated and bounded (DESIGN.md: links are untrusted). */
import { describe, expect, it } from 'vitest';
import { withDefaults } from '../../src/core/index.ts';
import {
  labOptionsFromQuery,
  parseSnapshotEvery,
  SNAPSHOT_EVERY_MAX,
} from '../../src/app/urlParams.ts';
import { parseScenario } from '../../src/scenarios/schema.ts';

describe('labOptionsFromQuery', () => {
  it('reads seed, servers, speed, paused and teaching bugs', () => {
    const o = labOptionsFromQuery('?seed=42&servers=3&speed=1&paused&bugs=BUG-FIG8,nope');
    expect(o.playing).toBe(false);
    expect(o.speed).toBe(1);
    expect(o.setup?.seed).toBe(42);
    expect(o.setup?.config.servers).toBe(3);
    expect(o.setup?.config.bugs).toEqual(['BUG-FIG8']);
  });

  it('ignores values out of range or malformed', () => {
    const o = labOptionsFromQuery('?seed=-1&servers=10&speed=1e9');
    expect(o).toEqual({ playing: true });
    expect(labOptionsFromQuery('?seed=1.5&servers=x&speed=abc')).toEqual({ playing: true });
  });

  it('reads the read mode, and a lease only with CheckQuorum (C-5)', () => {
    const o = labOptionsFromQuery('?seed=7&reads=readIndex&bugs=BUG-LOCALREAD');
    expect(o.setup?.config).toMatchObject({ reads: 'readIndex', bugs: ['BUG-LOCALREAD'] });
    const lease = labOptionsFromQuery('?reads=lease&checkQuorum');
    expect(lease.setup?.config).toMatchObject({ reads: 'lease', checkQuorum: true });
    expect(labOptionsFromQuery('?reads=lease')).toEqual({ playing: true });
    expect(labOptionsFromQuery('?reads=fast')).toEqual({ playing: true });
  });

  it('reads snapshotEvery (log compaction, F2-IS6) and round-trips every bound', () => {
    for (const n of [0, 1, 40, SNAPSHOT_EVERY_MAX]) {
      const o = labOptionsFromQuery(`?seed=9&snapshotEvery=${n}`);
      expect(o.setup?.config.snapshotEvery, `?snapshotEvery=${n}`).toBe(n);
      // The form reads its field with the same parser, and the run accepts what it gives.
      expect(parseSnapshotEvery(String(n))).toBe(n);
      expect(o.setup?.config).toEqual(withDefaults({ servers: 5, snapshotEvery: n }));
    }
    expect(labOptionsFromQuery('?snapshotEvery=40&reads=readIndex').setup?.config).toMatchObject({
      snapshotEvery: 40,
      reads: 'readIndex',
    });
    expect(parseSnapshotEvery(' 12 ')).toBe(12);
  });

  it('refuses a snapshotEvery that is not a whole number from 0 to 1000', () => {
    for (const bad of [
      '-1',
      '1.5',
      '5000',
      '1001',
      '__proto__',
      'constructor',
      '',
      ' ',
      '1e3',
      '0x10',
      '40 entries',
    ]) {
      expect(parseSnapshotEvery(bad), bad).toBeUndefined();
      const q = new URLSearchParams({ snapshotEvery: bad }).toString();
      expect(labOptionsFromQuery(`?${q}`), bad).toEqual({ playing: true });
    }
    expect(parseSnapshotEvery(null)).toBeUndefined();
  });

  it('takes exactly what a shared scenario may hold (the schema’s bound)', () => {
    const scenario = (snapshotEvery: number): unknown => ({
      version: 1,
      title: 't',
      seed: 3,
      config: { snapshotEvery },
      actions: [],
    });
    const parsed = parseScenario(scenario(SNAPSHOT_EVERY_MAX));
    expect(parsed.ok && parsed.scenario.config.snapshotEvery).toBe(
      labOptionsFromQuery(`?snapshotEvery=${SNAPSHOT_EVERY_MAX}`).setup?.config.snapshotEvery,
    );
    expect(parseScenario(scenario(SNAPSHOT_EVERY_MAX + 1)).ok).toBe(false);
  });
});
