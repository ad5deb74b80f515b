/**
 * The linearizability checker (the rule catalogue INV-C2; thesis §6.4): hand-made histories, random ones
 * linearizable by construction and their mutations, and the simulator's own runs (SC-29).
 */
import { describe, expect, it } from 'vitest';
import {
  LINEARIZABILITY_LIMITS,
  checkLinearizable,
  historyFromEvents,
  linearizabilityViolations,
  step,
  type HistoryOp,
} from '../../src/core/linearizability.ts';
import { execute, parseCommand } from '../../src/core/kv.ts';
import type { KeyCommand } from '../../src/core/linearizabilityExplain.ts';
import type { BugId, SimEvent } from '../../src/core/types.ts';
import { historyOf, randomHistory } from './history-kit.ts';
import { exactlyOnceRun, ofType, type Run } from './scenario-kit.ts';

const verdict = (history: HistoryOp[]) => checkLinearizable(history).status;

describe('the model is the store', () => {
  it('answers every command as kv.ts execute does, from every value', () => {
    const commands = ['get x', 'set x 2', 'del x', 'incr x', 'cas x 1 2', 'cas x 2 2', 'cas x a 1'];
    for (const value of [null, '1', '2', 'a', '-3', '9007199254740993']) {
      for (const text of commands) {
        const command = parseCommand(text) as KeyCommand;
        const kv: Record<string, string> = value === null ? {} : { x: value };
        const result = execute(kv, command);
        expect(step(command, value), `${text} on ${value}`).toEqual({
          result,
          value: kv.x ?? null,
        });
      }
    }
  });
});

describe('hand-made histories', () => {
  it('accepts a sequential history', () => {
    const h = historyOf(
      [1, 'set x 1', 0, 10, 'ok'],
      [1, 'get x', 20, 30, '1'],
      [2, 'incr x', 40, 50, '2'],
      [2, 'cas x 2 5', 60, 70, 'ok'],
      [1, 'del x', 80, 90, 'ok'],
      [1, 'get x', 100, 110, '(nil)'],
    );
    expect(checkLinearizable(h)).toMatchObject({ status: 'ok', keys: 1, operations: 6 });
  });

  it('accepts a read overlapping a write either way: before it or after it', () => {
    for (const seen of ['(nil)', '1']) {
      const h = historyOf([1, 'set x 1', 0, 100, 'ok'], [2, 'get x', 50, 150, seen]);
      expect(verdict(h), seen).toBe('ok');
    }
  });

  it('accepts two overlapping writes in either order, as later reads tell', () => {
    for (const last of ['1', '2']) {
      const h = historyOf(
        [1, 'set x 1', 0, 100, 'ok'],
        [2, 'set x 2', 10, 90, 'ok'],
        [3, 'get x', 200, 210, last],
        [3, 'get x', 220, 230, last],
      );
      expect(verdict(h), last).toBe('ok');
    }
  });

  // The classic stale read (SC-32 shape, BUG-LOCALREAD): a write done, then a read that misses it.
  it('rejects a stale read and says which operation cannot follow which', () => {
    const h = historyOf([1, 'set x 1', 1000, 1100, 'ok'], [2, 'get x', 1200, 1250, '(nil)']);
    h[1] = { ...(h[1] as HistoryOp), server: 3 };
    const result = checkLinearizable(h);
    expect(result.status).toBe('violation');
    const [v] = result.violations;
    expect(v).toMatchObject({ key: 'x', time: 1250, expected: '1', value: '1', operations: 2 });
    expect(v?.linearized).toEqual([h[0]]);
    expect(v?.stuck).toBe(h[1]);
    expect(v?.message).toBe(
      "C2's get x → (nil) at 1,200–1,250 ms cannot follow C1's set x 1 (done at 1,100 ms): " +
        'x = 1 then, so it would answer 1. ' +
        'No order of the 2 operations on x explains every answer; the longest that does has 1.',
    );
    expect(linearizabilityViolations(result)).toEqual([
      { invariant: 'INV-C2', time: 1250, servers: [3], message: v?.message },
    ]);
  });

  it('rejects a read that sees a value and then an older one', () => {
    const h = historyOf(
      [1, 'set x 1', 0, 10, 'ok'],
      [2, 'set x 2', 20, 500, 'ok'],
      [3, 'get x', 50, 60, '2'],
      [3, 'get x', 70, 80, '1'],
    );
    const [v] = checkLinearizable(h).violations;
    expect(v?.stuck).toBe(h[3]);
    expect(v?.message).toMatch(/^C3's get x → 1 at 70–80 ms cannot follow C3's get x → 2/);
  });

  // BUG-NOSESSION's shape (SC-29): a retried incr runs twice, and two clients both get 1.
  it('rejects two increments that both answer 1', () => {
    const h = historyOf([1, 'incr x', 0, 100, '1'], [2, 'incr x', 50, 150, '1']);
    const [v] = checkLinearizable(h).violations;
    expect(v?.message).toMatch(
      /^C2's incr x → 1 at 50–150 ms cannot follow C1's incr x → 1 \(done at 100 ms\): x = 1 then, so it would answer 2\./,
    );
  });

  it('rejects a first increment that answers 2, and names no predecessor', () => {
    const [v] = checkLinearizable(historyOf([1, 'incr x', 100, 900, '2'])).violations;
    expect(v?.message).toBe(
      "C1's incr x → 2 at 100–900 ms cannot be the first operation on x: x is unset at the start, " +
        'so it would answer 1. No order of the one operation on x explains every answer; none can go first.',
    );
  });

  describe('an operation without an answer may or may not have taken effect', () => {
    const pendingSet = [1, 'set x 1', 0, null, null] as const;
    it('accepts it taking effect between two reads', () => {
      const h = historyOf(
        [...pendingSet],
        [2, 'get x', 50, 60, '(nil)'],
        [2, 'get x', 70, 80, '1'],
      );
      expect(verdict(h)).toBe('ok');
    });
    it('accepts it never taking effect', () => {
      const h = historyOf(
        [...pendingSet],
        [2, 'get x', 50, 60, '(nil)'],
        [2, 'get x', 900, 910, '(nil)'],
      );
      expect(verdict(h)).toBe('ok');
    });
    it('rejects it taking effect twice', () => {
      const h = historyOf(
        [...pendingSet],
        [3, 'set x 2', 10, 20, 'ok'],
        [2, 'get x', 50, 60, '1'],
        [3, 'set x 2', 65, 68, 'ok'],
        [2, 'get x', 70, 80, '1'],
      );
      expect(verdict(h)).toBe('violation');
    });
    it('rejects it taking effect before it was sent', () => {
      const h = historyOf([2, 'get x', 0, 10, '1'], [1, 'set x 1', 20, null, null]);
      expect(verdict(h)).toBe('violation');
    });
    it('lets alike unanswered operations each take effect once', () => {
      const h = (answer: string) =>
        historyOf(
          [1, 'incr x', 0, null, null],
          [2, 'incr x', 5, null, null],
          [3, 'incr x', 50, 60, answer],
        );
      expect(verdict(h('3'))).toBe('ok');
      expect(verdict(h('4'))).toBe('violation');
    });
    it('lets one take effect only where it changes something', () => {
      // The swap fails while x is unset; it succeeds after the set, whenever that is.
      const h = historyOf(
        [1, 'cas x 9 1', 0, null, null],
        [2, 'set x 9', 10, 20, 'ok'],
        [2, 'get x', 30, 40, '1'],
      );
      expect(verdict(h)).toBe('ok');
    });
    it('counts an unanswered increment once at most', () => {
      const ok = historyOf([1, 'incr x', 0, null, null], [2, 'incr x', 50, 60, '2']);
      expect(verdict(ok)).toBe('ok');
      const twice = historyOf([1, 'incr x', 0, null, null], [2, 'incr x', 50, 60, '3']);
      expect(verdict(twice)).toBe('violation');
    });
  });

  describe('compare-and-set', () => {
    it('fails on an unset key and names the value it found', () => {
      expect(verdict(historyOf([1, 'cas x 1 2', 0, 10, 'fail: x=(nil)']))).toBe('ok');
      expect(verdict(historyOf([1, 'cas x 1 2', 0, 10, 'ok']))).toBe('violation');
    });
    it('succeeds only on the expected value', () => {
      const h = historyOf(
        [1, 'set x 1', 0, 10, 'ok'],
        [1, 'cas x 1 2', 20, 30, 'ok'],
        [2, 'cas x 1 3', 40, 50, 'fail: x=2'],
        [2, 'get x', 60, 70, '2'],
      );
      expect(verdict(h)).toBe('ok');
    });
    it('orders two overlapping swaps by their answers', () => {
      const base = [1, 'set x 1', 0, 10, 'ok'] as const;
      // Only one of two overlapping `cas x 1 _` can win; the loser must see the winner's value.
      const oneWins = historyOf(
        [...base],
        [1, 'cas x 1 2', 20, 100, 'ok'],
        [2, 'cas x 1 3', 30, 90, 'fail: x=2'],
      );
      expect(verdict(oneWins)).toBe('ok');
      const bothWin = historyOf(
        [...base],
        [1, 'cas x 1 2', 20, 100, 'ok'],
        [2, 'cas x 1 3', 30, 90, 'ok'],
      );
      expect(verdict(bothWin)).toBe('violation');
      const wrongValue = historyOf(
        [...base],
        [1, 'cas x 1 2', 20, 100, 'ok'],
        [2, 'cas x 1 3', 30, 90, 'fail: x=1'],
      );
      expect(verdict(wrongValue)).toBe('violation');
    });
  });

  it('follows del and incr as the store runs them (a non-integer counts as 0)', () => {
    const h = historyOf(
      [1, 'del x', 0, 10, '(nil)'],
      [1, 'set x a', 20, 30, 'ok'],
      [1, 'incr x', 40, 50, '1'],
      [1, 'del x', 60, 70, 'ok'],
    );
    expect(verdict(h)).toBe('ok');
    expect(verdict(historyOf([1, 'set x a', 0, 10, 'ok'], [1, 'del x', 20, 30, '(nil)']))).toBe(
      'violation',
    );
  });

  it('checks each key on its own and names the one that fails', () => {
    const h = historyOf(
      [1, 'set x 1', 0, 10, 'ok'],
      [2, 'set y 1', 0, 10, 'ok'],
      [1, 'get x', 20, 30, '1'],
      [2, 'get y', 20, 30, '(nil)'],
    );
    const result = checkLinearizable(h);
    expect(result).toMatchObject({ status: 'violation', keys: 2, operations: 4 });
    expect(result.violations.map((v) => v.key)).toEqual(['y']);
  });

  it('leaves out what is not a key-value operation', () => {
    const h = historyOf(
      [1, 'addServer 6', 0, 10, 'ok'],
      [1, 'noop', 20, 30, 'ok'],
      [1, 'get x', 40, 50, '(nil)'],
    );
    expect(checkLinearizable(h)).toMatchObject({ status: 'ok', keys: 1, operations: 1 });
  });

  describe('operations that touch at one millisecond', () => {
    const h = historyOf([1, 'set x 1', 0, 100, 'ok'], [2, 'get x', 100, 110, '(nil)']);
    it('overlap when nothing orders the events', () => {
      expect(verdict(h)).toBe('ok');
    });
    it('follow the event stream when it is given', () => {
      const [set, get] = h as [HistoryOp, HistoryOp];
      const inOrder = (answerFirst: boolean): HistoryOp[] => [
        { ...set, invokeOrder: 0, responseOrder: answerFirst ? 1 : 3 },
        { ...get, invokeOrder: 2, responseOrder: 4 },
      ];
      expect(verdict(inOrder(true))).toBe('violation');
      expect(verdict(inOrder(false))).toBe('ok');
    });
  });

  it('refuses a history with an answer before its request', () => {
    expect(() => checkLinearizable(historyOf([1, 'get x', 50, 40, '(nil)']))).toThrow(RangeError);
  });
});

describe('bounds', () => {
  it('reports a key it cannot decide within its budget as inconclusive, not as a violation', () => {
    const h = randomHistory({ seed: 3, ops: 400, clients: 12, keys: 1, pendingOneIn: 1000 });
    const result = checkLinearizable(h, { stepsPerKey: 20 });
    expect(result.status).toBe('inconclusive');
    expect(result.inconclusive).toEqual([
      {
        key: 'k0',
        operations: expect.any(Number) as number,
        steps: 21,
        reason: 'no decision within 20 search steps',
      },
    ]);
    expect(result.steps).toBe(21);
  });

  it('shares one budget among all keys', () => {
    const h = randomHistory({ seed: 3, ops: 600, clients: 6, keys: 3, pendingOneIn: 1000 });
    const result = checkLinearizable(h, { steps: 50 });
    expect(result.status).toBe('inconclusive');
    expect(result.inconclusive.map((k) => k.reason)).toContain(
      'the search budget of the whole history was spent',
    );
  });

  it('checks a 5,000-operation history well within the default budget', () => {
    const h = randomHistory({ seed: 11, ops: 5000, clients: 9, keys: 3, pendingOneIn: 400 });
    const result = checkLinearizable(h);
    expect(h.length).toBeGreaterThan(4500);
    expect(result).toMatchObject({ status: 'ok', operations: h.length - pendingReads(h) });
    expect(result.steps).toBeLessThan(LINEARIZABILITY_LIMITS.steps / 10);
  });
});

/** Unanswered reads: left out, as they constrain nothing. */
function pendingReads(h: readonly HistoryOp[]): number {
  return h.filter((op) => op.responseMs === null && op.command.startsWith('get ')).length;
}

describe('random histories, linearizable by construction', () => {
  const shapes = [
    { clients: 3, keys: 1 },
    { clients: 5, keys: 2 },
    { clients: 9, keys: 1 },
    { clients: 9, keys: 4 },
  ];
  const seeds = Array.from({ length: 10 }, (_, i) => i + 1);

  it.each(shapes)('are accepted: $clients clients on $keys keys, 10 seeds', ({ clients, keys }) => {
    for (const seed of seeds) {
      const h = randomHistory({ seed, ops: 300, clients, keys, pendingOneIn: 40 });
      expect(checkLinearizable(h).status, `seed ${seed}`).toBe('ok');
    }
  });

  /** The first answered operation whose command starts with `prefix`, and its index. */
  function firstOf(h: readonly HistoryOp[], prefix: string): number {
    const i = h.findIndex((op) => op.command.startsWith(prefix) && op.result !== null);
    expect(i).toBeGreaterThanOrEqual(0);
    return i;
  }
  function withResult(h: readonly HistoryOp[], i: number, result: string): HistoryOp[] {
    return h.map((op, j) => (j === i ? { ...op, result } : op));
  }
  const late = (
    client: number,
    seq: number,
    command: string,
    invokeMs: number,
    responseMs: number,
    result: string,
  ): HistoryOp => ({ client, seq, command, invokeMs, responseMs, result });
  /** When every operation has ended: later operations follow all of them. */
  const quiet = (h: readonly HistoryOp[]): number =>
    Math.max(...h.map((op) => op.responseMs ?? op.invokeMs)) + 10;

  it.each(shapes)(
    'are rejected after one constructed mutation: $clients clients on $keys keys',
    ({ clients, keys }) => {
      for (const seed of seeds) {
        // Few unanswered operations: to prove a violation the search must try each of them at
        // every point it could have taken effect, which multiplies its work.
        const h = randomHistory({ seed, ops: 300, clients, keys, pendingOneIn: 150 });
        // A read of a value nobody wrote.
        const read = firstOf(h, 'get ');
        expect(verdict(withResult(h, read, 'never-written')), `seed ${seed} read`).toBe(
          'violation',
        );
        // An increment that answers 0: it always answers its new value, at least 1.
        const incr = firstOf(h, 'incr ');
        expect(verdict(withResult(h, incr, '0')), `seed ${seed} incr`).toBe('violation');
        // A stale read after the end: two writes done, then a read of the first. (A read of
        // "(nil)" would not do: an unanswered `del` may take effect that late.)
        const t = quiet(h);
        const stale = [
          ...h,
          late(99, 1, 'set k0 fresh', t, t + 5, 'ok'),
          late(99, 2, 'set k0 fresher', t + 10, t + 15, 'ok'),
          late(99, 3, 'get k0', t + 20, t + 25, 'fresh'),
        ];
        const [v] = checkLinearizable(stale).violations;
        expect(v?.stuck, `seed ${seed} stale`).toBe(stale[stale.length - 1]);
        // Two overlapping increments after the end that answer the same number (far from the
        // values unanswered operations could write).
        const twice = [
          ...h,
          late(98, 1, 'set k0 100', t, t + 5, 'ok'),
          late(98, 2, 'incr k0', t + 10, t + 30, '101'),
          late(99, 1, 'incr k0', t + 20, t + 40, '101'),
        ];
        expect(verdict(twice), `seed ${seed} incr twice`).toBe('violation');
        expect(verdict(twice.slice(0, -1)), `seed ${seed} incr once`).toBe('ok');
      }
    },
  );
});

describe('histories of simulated runs', () => {
  it('builds the history from the events: first send, reply, no admin commands, no errors', () => {
    const events: SimEvent[] = [
      {
        type: 'clientSend',
        time: 10,
        client: 1,
        seq: 1,
        server: 1,
        command: 'set x 1',
        attempt: 1,
      },
      {
        type: 'clientSend',
        time: 12,
        client: 2,
        seq: 1,
        server: 1,
        command: 'addServer 4',
        attempt: 1,
      },
      {
        type: 'clientSend',
        time: 600,
        client: 1,
        seq: 1,
        server: 2,
        command: 'set x 1',
        attempt: 2,
      },
      { type: 'clientReply', time: 650, client: 1, seq: 1, server: 2, result: 'ok' },
      {
        type: 'clientReply',
        time: 655,
        client: 2,
        seq: 1,
        server: 1,
        result: 'refused: inProgress',
      },
      {
        type: 'clientSend',
        time: 660,
        client: 1,
        seq: 2,
        server: 2,
        command: 'incr x',
        attempt: 1,
      },
      {
        type: 'clientReply',
        time: 700,
        client: 1,
        seq: 2,
        server: 2,
        result: 'error: stale request',
      },
      { type: 'clientSend', time: 710, client: 1, seq: 3, server: 2, command: 'noop', attempt: 1 },
    ];
    expect(historyFromEvents(events)).toEqual([
      {
        client: 1,
        seq: 1,
        command: 'set x 1',
        invokeMs: 10,
        invokeOrder: 0,
        responseMs: 650,
        responseOrder: 3,
        result: 'ok',
        server: 2,
      },
      // An error answer does not say whether the command ran: it stays pending.
      {
        client: 1,
        seq: 2,
        command: 'incr x',
        invokeMs: 660,
        invokeOrder: 5,
        responseMs: null,
        result: null,
      },
    ]);
  });

  it('adds each distinct entry of the initial logs as a pending operation', () => {
    const initial = [
      {
        term: 2,
        votedFor: null,
        log: [
          [1, 'set x 1'],
          [2, 'set x 2'],
        ] as [number, string][],
      },
      {
        term: 2,
        votedFor: null,
        log: [
          [1, 'set x 1'],
          [1, 'noop'],
        ] as [number, string][],
      },
    ];
    const h = historyFromEvents([], initial);
    expect(h.map((op) => [op.client, op.seq, op.command, op.responseMs])).toEqual([
      [0, 1, 'set x 1', null],
      [0, 2, 'set x 2', null],
    ]);
    const read = (result: string): HistoryOp => ({
      client: 1,
      seq: 1,
      command: 'get x',
      invokeMs: 100,
      responseMs: 110,
      result,
    });
    expect(verdict([...h, read('2')])).toBe('ok');
    const [v] = checkLinearizable([...h, read('3')]).violations;
    expect(v?.message).toMatch(/^C1's get x → 3 at 100–110 ms cannot be the first operation on x/);
  });
});

describe('the simulator end to end', () => {
  /** SC-29 (scenario-kit.ts exactlyOnceRun); later C2 reads x. */
  function exactlyOnce(bugs: BugId[]): Run {
    return exactlyOnceRun(bugs, {
      later: [{ at: 2000, do: 'request', command: 'get x', client: 2 }],
    });
  }

  // SC-29, Reference: section 8; thesis 6.3
  it('finds a correct run of SC-29 linearizable: the retry ran once', () => {
    const r = exactlyOnce([]);
    const h = historyFromEvents(r.events);
    expect(h.map((op) => [op.client, op.command, op.result])).toEqual([
      [1, 'incr x', '1'],
      [2, 'get x', '1'],
    ]);
    expect(checkLinearizable(h)).toMatchObject({ status: 'ok', keys: 1, operations: 2 });
  });

  // BUG-NOSESSION, Reference: thesis 6.3 Figure 6.2
  it('catches BUG-NOSESSION from the event stream: C1 is answered 2 for its one increment', () => {
    const r = exactlyOnce(['BUG-NOSESSION']);
    const result = checkLinearizable(historyFromEvents(r.events));
    expect(result.status).toBe('violation');
    const [v] = result.violations;
    const reply = ofType(r, 'clientReply').find((e) => e.client === 1);
    expect(v).toMatchObject({ key: 'x', expected: '1', time: reply?.time });
    expect(v?.stuck).toMatchObject({ client: 1, command: 'incr x', result: '2', server: 2 });
    expect(v?.message).toMatch(
      /^C1's incr x → 2 at 100–[\d,]+ ms cannot be the first operation on x: x is unset at the start, so it would answer 1\./,
    );
    expect(linearizabilityViolations(result)).toEqual([
      expect.objectContaining({ invariant: 'INV-C2', servers: [2] }),
    ]);
  });
});
