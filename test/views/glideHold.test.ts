/**
 * withHold (views/glide.ts): a glide held past its end. The keyframes keep their places in the
 * flight's own stretch of the animation, the last one stays on for the hold, and nothing eases
 * into the held stretch.
 */
import { describe, expect, it } from 'vitest';
import { withHold } from '../../src/views/glide.ts';

function expectOffsets(frames: readonly Keyframe[], offsets: readonly number[]): void {
  expect(frames).toHaveLength(offsets.length);
  frames.forEach((k, i) => expect(k.offset).toBeCloseTo(offsets[i] as number, 12));
}

describe('withHold', () => {
  it('scales given offsets into the flight and holds the last keyframe to the end', () => {
    const frames = withHold(
      [
        { offset: 0, transform: 'a' },
        { offset: 0.8, transform: 'b' },
        { offset: 1, transform: 'c' },
      ],
      300,
      100,
    );
    expectOffsets(frames, [0, 0.6, 0.75, 1]);
    expect(frames.map((k) => k.transform)).toEqual(['a', 'b', 'c', 'c']);
  });

  it('computes missing offsets as Web Animations does before scaling them', () => {
    // First 0, last 1, the middle ones spread evenly between their neighbours with an offset.
    const frames = withHold(
      [{ x: 0 }, { x: 1 }, { x: 2, offset: 0.5 }, { x: 3 }, { x: 4 }, { x: 5 }],
      100,
      100,
    );
    // 0.5 + 0.5/3 and 0.5 + 1/3 before halving.
    expectOffsets(frames, [0, 0.125, 0.25, 1 / 3, 5 / 12, 0.5, 1]);
    expect(frames.at(-1)).toEqual({ x: 5, offset: 1 });
  });

  it('carries no easing into the held stretch, and leaves the flight its own', () => {
    const frames = withHold(
      [
        { offset: 0, opacity: 1, easing: 'steps(1, start)' },
        { offset: 1, opacity: 0, easing: 'steps(1, end)' },
      ],
      50,
      50,
    );
    expect(frames[0]?.easing).toBe('steps(1, start)');
    expect(frames[2]).toEqual({ offset: 1, opacity: 0 });
  });

  it('changes nothing without a hold, and does not touch the keyframes given', () => {
    const given = [{ offset: 0, x: 1 }, { x: 2 }];
    expect(withHold(given, 100, 0)).toEqual(given);
    withHold(given, 100, 50);
    expect(given).toEqual([{ offset: 0, x: 1 }, { x: 2 }]);
  });
});
