/**
 * The recorder's event list as published to the views (src/store/eventList.ts): a published list
 * must read the same forever, whatever the recorder does to its log afterwards (append, cut back
 * at a fork, drop the oldest chunk, swap timelines), and publishing after a few appends must share
 * every chunk rather than copy the list.
 */
import { describe, expect, it } from 'vitest';
import { Prng } from '../../src/core/prng.ts';
import { EVENT_CHUNK, EventLog, type EventList } from '../../src/store/eventList.ts';

describe('the event log', () => {
  it('publishes after appends without copying: every chunk is shared', () => {
    const log = new EventLog<number>();
    for (let i = 0; i < 5 * EVENT_CHUNK + 7; i++) log.push(i);
    const a = log.list();
    expect(log.list()).toBe(a);
    log.push(-1);
    const b = log.list();
    expect(b).not.toBe(a);
    expect(b.length).toBe(a.length + 1);
    expect(b.chunks.length).toBe(a.chunks.length);
    b.chunks.forEach((chunk, c) => expect(chunk).toBe(a.chunks[c]));
    expect(a.at(-1)).toBe(5 * EVENT_CHUNK + 6);
    expect(b.at(-1)).toBe(-1);
    expect(a.at(a.length)).toBeUndefined();
  });

  it('keeps every published list as it was, through random changes', () => {
    const rng = new Prng(11);
    for (let round = 0; round < 6; round++) {
      const log = new EventLog<number>();
      let model: number[] = [];
      const kept: { list: EventList<number>; want: number[] }[] = [];
      const saved: { list: EventList<number>; want: number[] }[] = [];
      for (let op = 0; op < 300; op++) {
        const r = rng.below(100);
        if (r < 50) {
          for (let k = rng.below(1_500); k > 0; k--) {
            const v = rng.below(1_000_000);
            log.push(v);
            model.push(v);
          }
        } else if (r < 60) {
          const keep = rng.below(model.length + 1);
          log.truncate(keep);
          model = model.slice(0, keep);
        } else if (r < 68) {
          if (log.length > EVENT_CHUNK) {
            log.dropFirstChunk();
            model = model.slice(EVENT_CHUNK);
          }
        } else if (r < 80) {
          saved.push({ list: log.save(), want: model.slice() });
        } else if (r < 88 && saved.length > 0) {
          const back = saved[rng.below(saved.length)] as (typeof saved)[number];
          log.load(back.list);
          model = back.want.slice();
        } else {
          kept.push({ list: log.list(), want: model.slice() });
        }
        expect(log.length).toBe(model.length);
        expect(log.at(-1)).toBe(model.at(-1));
      }
      for (const k of [...kept, ...saved]) {
        expect(k.list.toArray()).toEqual(k.want);
        expect([...k.list]).toEqual(k.want);
        expect(k.list.length).toBe(k.want.length);
        if (k.want.length > 0) expect(k.list.at(0)).toBe(k.want[0]);
      }
    }
  });
});
