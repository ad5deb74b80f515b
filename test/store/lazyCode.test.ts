/**
 * The loader behind every part the served build fetches after the first paint (lazyCode.ts): one
 * download however many callers ask, listeners told before the promise settles, and a failed
 * download tried again by the next call rather than remembered forever.
 */
import { describe, expect, it } from 'vitest';
import { lazyCode } from '../../src/store/lazyCode.ts';

describe('lazyCode', () => {
  it('fetches once, and tells each waiting listener once, before load resolves', async () => {
    let fetches = 0;
    const code = lazyCode(() => {
      fetches++;
      return Promise.resolve({ answer: 42 });
    });
    const heard: string[] = [];
    code.onLoad(() => heard.push(`a:${code.loaded()?.answer}`));
    const off = code.onLoad(() => heard.push('b'));
    off();
    expect(code.loaded()).toBeNull();
    const first = code.load();
    const second = code.load();
    expect(second).toBe(first);
    await first;
    heard.push('resolved');
    expect(heard).toEqual(['a:42', 'resolved']);
    expect(fetches).toBe(1);
    await code.load();
    expect(fetches).toBe(1);
    expect(heard).toEqual(['a:42', 'resolved']);
  });

  it('tries again after a failed download, and keeps its listeners for the try that works', async () => {
    let fetches = 0;
    const code = lazyCode(() => {
      fetches++;
      return fetches === 1 ? Promise.reject(new Error('offline')) : Promise.resolve('here');
    });
    let told = 0;
    code.onLoad(() => told++);
    await expect(code.load()).rejects.toThrow('offline');
    expect(code.loaded()).toBeNull();
    expect(told).toBe(0);
    await code.load();
    expect(fetches).toBe(2);
    expect(code.loaded()).toBe('here');
    expect(told).toBe(1);
  });
});
