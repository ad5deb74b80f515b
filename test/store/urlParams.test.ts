/** Options read from the page address are validated and bounded (the design: links are untrusted). */
import { describe, expect, it } from 'vitest';
import { Simulation, withDefaults } from '../../src/core/index.ts';
import {
  labOptionsFromQuery,
  parseSnapshotEvery,
  queryRefusal,
  reportQueryRefusal,
  SNAPSHOT_EVERY_MAX,
} from '../../src/services/urlParams.ts';
import { createLabStore } from '../../src/store/index.ts';
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

describe('?followerReads (C-4)', () => {
  it('turns follower reads on with a read mode that skips the log, and the run accepts it', () => {
    for (const query of [
      '?seed=5&reads=readIndex&followerReads',
      '?seed=5&reads=readIndex&followerReads=1',
      '?seed=5&reads=lease&checkQuorum&followerReads=true',
    ]) {
      const o = labOptionsFromQuery(query);
      expect(o.setup?.config.followerReads, query).toBe(true);
      expect(queryRefusal(query), query).toBeNull();
      // The setup the link gives starts a run: the core takes it as it is.
      const setup = o.setup;
      if (setup === undefined) throw new Error(`no setup for ${query}`);
      expect(() => Simulation.create(setup)).not.toThrow();
      // And a scenario may hold the same options (the schema's rule is the core's).
      const parsed = parseScenario({
        version: 1,
        title: 't',
        seed: 5,
        config: setup.config,
        actions: [],
      });
      expect(parsed.ok, query).toBe(true);
      // Round trip: the store starts with exactly that configuration.
      const store = createLabStore({ ...o, clock: () => 0 });
      expect(store.getState().runSetup().config).toEqual(setup.config);
    }
    expect(labOptionsFromQuery('?reads=readIndex&followerReads').setup?.config).toEqual(
      withDefaults({ servers: 5, reads: 'readIndex', followerReads: true }),
    );
  });

  it('leaves them off for =0 or =false, and without the flag', () => {
    for (const query of [
      '?reads=readIndex&followerReads=0',
      '?reads=readIndex&followerReads=false',
      '?reads=readIndex',
    ]) {
      expect(labOptionsFromQuery(query).setup?.config.followerReads, query).toBe(false);
      expect(queryRefusal(query), query).toBeNull();
    }
    expect(queryRefusal('?followerReads=0')).toBeNull();
  });

  it('refuses them with reads through the log (asked for, the default, or a refused lease)', () => {
    for (const query of [
      '?seed=7&reads=log&followerReads',
      '?seed=7&followerReads=1',
      '?seed=7&reads=lease&followerReads',
      '?seed=7&reads=fast&followerReads',
    ]) {
      expect(queryRefusal(query), query).toBe('run.followerReadsLinkRefused');
      const o = labOptionsFromQuery(query);
      // The rest of the link applies; the run never gets a configuration the core refuses.
      expect(o.setup?.seed ?? 7, query).toBe(7);
      expect(o.setup?.config.followerReads ?? false, query).toBe(false);
      expect(() => createLabStore({ ...o, clock: () => 0 })).not.toThrow();
    }
    expect(labOptionsFromQuery('?reads=log&followerReads').setup?.config.reads).toBe('log');
  });

  it('says so in the open-error banner, in the page’s language, and keeps the run it started', () => {
    const query = '?seed=7&reads=log&followerReads';
    const store = createLabStore({ ...labOptionsFromQuery(query), clock: () => 0 });
    const before = store.getState().frame.traceHash;
    expect(reportQueryRefusal(store, query, 'en')).toBe(true);
    expect(store.getState().openError).toBe(
      'The link asks for follower reads (followerReads) with reads through the log: a follower needs a read index from the leader, which only reads=readIndex or reads=lease give (C-4). The run starts without follower reads.',
    );
    expect(store.getState().runSetup()).toMatchObject({
      seed: 7,
      config: { reads: 'log', followerReads: false },
    });
    expect(store.getState().frame.traceHash).toBe(before);
    reportQueryRefusal(store, query, 'es');
    expect(store.getState().openError).toContain('El enlace pide lecturas en seguidor');
    reportQueryRefusal(store, query, 'pt');
    expect(store.getState().openError).toContain('O link pede leituras no seguidor');
    // A good link says nothing.
    const fine = createLabStore({ clock: () => 0 });
    expect(reportQueryRefusal(fine, '?reads=readIndex&followerReads', 'en')).toBe(false);
    expect(fine.getState().openError).toBeNull();
  });
});
