/** Reduced motion: messages hop between a few places along their link instead of gliding. */
import { describe, expect, it } from 'vitest';
import { messageProgress } from '../../src/views/cluster/geometry.ts';
import { MESSAGE_STEPS, steppedMessageTime } from '../../src/views/motion.ts';

const msg = { sentMs: 100, deliverMs: 160 };

describe('steppedMessageTime', () => {
  it('draws a message in the middle of the stretch of its journey it is in', () => {
    expect(MESSAGE_STEPS).toBe(3);
    const at = (now: number) => messageProgress(msg, steppedMessageTime(msg, now));
    expect(at(100)).toBeCloseTo(1 / 6);
    expect(at(119)).toBeCloseTo(1 / 6);
    expect(at(120)).toBeCloseTo(1 / 2);
    expect(at(139.9)).toBeCloseTo(1 / 2);
    expect(at(140)).toBeCloseTo(5 / 6);
    expect(at(160)).toBeCloseTo(5 / 6);
  });

  it('takes only MESSAGE_STEPS places over a whole flight, always in order', () => {
    const places: number[] = [];
    for (let now = 100; now <= 160; now += 0.5) {
      const p = messageProgress(msg, steppedMessageTime(msg, now));
      if (places.at(-1) !== p) places.push(p);
    }
    expect(places).toHaveLength(MESSAGE_STEPS);
    expect([...places].sort((a, b) => a - b)).toEqual(places);
  });

  it('leaves an instant message (no flight time) where it is', () => {
    expect(steppedMessageTime({ sentMs: 5, deliverMs: 5 }, 5)).toBe(5);
  });
});
