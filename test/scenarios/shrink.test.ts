import { describe, expect, it } from 'vitest';
import { shrinkList } from '../../src/scenarios/shrink.ts';

const numbers = Array.from({ length: 40 }, (_, i) => i + 1);

describe('shrinkList (greedy delta debugging)', () => {
  it('keeps only what the failure needs', () => {
    const result = shrinkList(numbers, {
      maxAttempts: 1_000,
      stillFails: (c) => c.includes(7) && c.includes(31),
    });
    expect(result.items).toEqual([7, 31]);
  });

  it('finds a 1-minimal list when removals interact', () => {
    // Fails while the sum of the list is at least 100: the result must not lose any single item.
    const result = shrinkList(numbers, {
      maxAttempts: 10_000,
      stillFails: (c) => c.reduce((a, b) => a + b, 0) >= 100,
    });
    const sum = result.items.reduce((a, b) => a + b, 0);
    expect(sum).toBeGreaterThanOrEqual(100);
    for (const item of result.items) expect(sum - item).toBeLessThan(100);
  });

  it('stops after maxAttempts runs', () => {
    let runs = 0;
    const result = shrinkList(numbers, {
      maxAttempts: 5,
      stillFails: () => {
        runs += 1;
        return false;
      },
    });
    expect(runs).toBe(5);
    expect(result).toEqual({ items: numbers, attempts: 5 });
  });

  it('never removes the items it must keep', () => {
    const result = shrinkList(numbers, {
      maxAttempts: 1_000,
      stillFails: () => true,
      keep: (n) => n % 10 === 0,
    });
    expect(result.items).toEqual([10, 20, 30, 40]);
  });
});
