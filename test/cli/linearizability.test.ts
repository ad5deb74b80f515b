/**
 * `npm run sim` checks the clients' history for linearizability after the run (the rule catalogue INV-C2):
 * a key whose answers fit no real-time order is a violation like any invariant's, exit 1.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSim } from '../../src/cli/simCommand.ts';
import { captureIo, tempDir } from './helpers.ts';

/**
 * SC-29 as a scenario: S1 applies C1's `incr x`, its answer is dropped as S1 crashes (S1 sends it
 * at 148 ms in this run), and C1 retries at S2. C2 reads x later.
 */
function exactlyOnce(bugs: string[]): string {
  const path = join(tempDir(), `sc29-${bugs.length}.json`);
  const scenario = {
    version: 1,
    title: 'Exactly once',
    description: 'SC-29: the retry of a request whose answer was lost.',
    seed: 1,
    config: { servers: 3, clientTimeoutMs: 600, bugs },
    actions: [
      { at: 10, do: 'timeout', server: 1 },
      { at: 100, do: 'request', command: 'incr x', server: 1 },
      { at: 148, do: 'dropInFlight', type: 'ClientReply' },
      { at: 148, do: 'crash', server: 1 },
      { at: 198, do: 'timeout', server: 2 },
      { at: 1500, do: 'request', command: 'get x', client: 2 },
    ],
  };
  writeFileSync(path, JSON.stringify(scenario));
  return path;
}

/**
 * SC-32 as a scenario: S1 leads, then is cut off; S2 leads the majority and C2 writes y = 2 there;
 * then C3 reads y at S1. With ReadIndex S1 cannot confirm its leadership and never answers; with
 * BUG-LOCALREAD it answers from its own, stale, state.
 */
function staleRead(bugs: string[]): string {
  const path = join(tempDir(), `sc32-${bugs.length}.json`);
  const scenario = {
    version: 1,
    title: 'No stale read from a deposed leader',
    description: 'SC-32: a read at a leader cut off from the majority.',
    seed: 1,
    config: { servers: 5, reads: 'readIndex', bugs },
    actions: [
      { at: 100, do: 'timeout', server: 1 },
      { at: 500, do: 'request', command: 'set y 1', client: 1 },
      { at: 1000, do: 'partition', groups: [[1], [2, 3, 4, 5]] },
      { at: 1100, do: 'timeout', server: 2 },
      { at: 1500, do: 'request', command: 'set y 2', server: 2, client: 2 },
      { at: 2000, do: 'request', command: 'get y', server: 1, client: 3 },
    ],
  };
  writeFileSync(path, JSON.stringify(scenario));
  return path;
}

async function sim(argv: string[]) {
  const { io, out } = captureIo();
  const code = await runSim(argv, io);
  return { code, ...out };
}

interface Reported {
  violations: { invariant: string; time: number; servers: number[]; message: string }[];
}

describe('npm run sim checks linearizability (INV-C2)', () => {
  it('finds the correct run of SC-29 linearizable: exit 0, no violations', async () => {
    const { code, stdout, stderr } = await sim([exactlyOnce([]), '--json']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect((JSON.parse(stdout) as Reported).violations).toEqual([]);
  });

  it('reports BUG-NOSESSION as INV-C2 too, in time order, and exits 1', async () => {
    const path = exactlyOnce(['BUG-NOSESSION']);
    const json = await sim([path, '--json']);
    expect(json.code).toBe(1);
    const { violations } = JSON.parse(json.stdout) as Reported;
    const c2 = violations.filter((v) => v.invariant === 'INV-C2');
    expect(c2).toEqual([
      {
        invariant: 'INV-C2',
        time: expect.any(Number) as number,
        servers: [2],
        message: expect.stringMatching(
          /^C1's incr x → 2 at 100–[\d,]+ ms cannot be the first operation on x: x is unset at the start, so it would answer 1\./,
        ) as string,
      },
    ]);
    // INV-C1 sees the second execution first; the client only sees the wrong answer later.
    expect(violations[0]?.invariant).toBe('INV-C1');
    const times = violations.map((v) => v.time);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const human = await sim([path]);
    expect(human.code).toBe(1);
    expect(human.stdout).toMatch(/\n {2}INV-C2 at \d+ ms \(S2\): C1's incr x → 2 at 100–/);
  });

  // SC-32, BUG-LOCALREAD, Reference: thesis 6.4
  it('catches the stale read of BUG-LOCALREAD, which only INV-C2 sees', async () => {
    const path = staleRead(['BUG-LOCALREAD']);
    const json = await sim([path, '--until', '3000', '--json']);
    expect(json.code).toBe(1);
    const { violations } = JSON.parse(json.stdout) as Reported;
    expect(violations).toEqual([
      {
        invariant: 'INV-C2',
        time: expect.any(Number) as number,
        servers: [1],
        message: expect.stringMatching(
          /^C3's get y → 1 at 2,000–[\d,]+ ms cannot follow C2's set y 2 \(done at [\d,]+ ms\): y = 2 then, so it would answer 2\./,
        ) as string,
      },
    ]);
  });

  it('finds the same run with ReadIndex linearizable: the read is never answered', async () => {
    const { code, stdout } = await sim([staleRead([]), '--until', '3000', '--json']);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as Reported).violations).toEqual([]);
  });
});
