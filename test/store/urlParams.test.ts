/** Options read from the page address are validated and bounded (DESIGN.md: links are untrusted). */
import { describe, expect, it } from 'vitest';
import { labOptionsFromQuery } from '../../src/app/urlParams.ts';

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
});
