/**
 * The history check's incremental history (historySearch.ts IncrementalHistory): kept from one
 * check to the next, appending what the new client events added and rebuilt after a seek back,
 * it must equal the history rebuilt from the log (Recorder.historyAt) at every position, and its
 * check, which searches each key only from its last cut, must report what the full check reports.
 */
import { describe, expect, it } from 'vitest';
import { checkLinearizable, type HistoryOp } from '../../src/core/linearizability.ts';
import { withDefaults } from '../../src/core/index.ts';
import type { Action, BugId, RunSetup } from '../../src/core/types.ts';
import { toRunSetup } from '../../src/scenarios/schema.ts';
import { steadyWorkload } from '../../src/scenarios/workload.ts';
import {
  HISTORY_CHECK_BUDGET,
  IncrementalHistory,
  findCuts,
} from '../../src/store/historySearch.ts';
import { Recorder } from '../../src/store/recorder.ts';

const RUN_MS = 12_000;

/**
 * A seeded run that makes stale reads and lost answers: three clients on two keys, a request
 * every 40–200 ms, a server cut off or crashed now and then (so leaders change under load).
 */
function seededSetup(seed: number, bugs: BugId[]): RunSetup {
  let state = seed * 2_654_435_761;
  const rand = (n: number) => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return (state >>> 8) % n;
  };
  const actions: Action[] = [];
  let counter = 0;
  for (let at = 300; at < RUN_MS; at += 40 + rand(160)) {
    const key = rand(2) === 0 ? 'x' : 'y';
    const commands = [
      `set ${key} ${++counter}`,
      `get ${key}`,
      `get ${key}`,
      `incr ${key}`,
      `del ${key}`,
    ];
    const command = commands[rand(5)] as string;
    // Half the requests go to a server of their own choosing, the cut-off one included.
    const server = rand(2) === 0 ? { server: 1 + rand(3) } : {};
    actions.push({ at, do: 'request', command, client: 1 + rand(3), ...server });
  }
  for (let at = 1_500; at < RUN_MS - 2_000; at += 1_500 + rand(2_000)) {
    const server = 1 + rand(3);
    if (rand(3) === 0) {
      actions.push(
        { at, do: 'crash', server },
        { at: at + 800 + rand(800), do: 'restart', server },
      );
    } else {
      const others = [1, 2, 3].filter((s) => s !== server);
      actions.push({ at, do: 'partition', groups: [[server], others] });
      actions.push({ at: at + 700 + rand(1_200), do: 'heal' });
    }
  }
  actions.sort((a, b) => a.at - b.at);
  return { seed, config: withDefaults({ servers: 3, bugs }), actions };
}

/** Plays a seeded fuzz run in steps, seeking back and forth, comparing at every stop. */
function compareRun(seed: number, bugs: BugId[]) {
  const setup = seededSetup(seed, bugs);
  const rec = new Recorder(setup);
  const inc = new IncrementalHistory();
  let violations = 0;
  let settled = 0;
  let stops = 0;
  const compare = () => {
    inc.sync(rec);
    const full = rec.historyAt();
    expect(inc.history()).toEqual(full);
    const expected = checkLinearizable(full, HISTORY_CHECK_BUDGET).violations;
    const got = inc.check(HISTORY_CHECK_BUDGET).violations;
    expect(got).toEqual(expected);
    violations = Math.max(violations, got.length);
    settled = Math.max(settled, inc.settled);
    stops++;
  };
  // Forward in uneven steps, like frames and throttled checks of a playing lab.
  for (let t = 0; t < RUN_MS; t += 300 + ((t * 7) % 900)) {
    while (rec.advanceTo(t, 1_000_000) === 'budget');
    compare();
  }
  // Seeks back and forth, then playing on from a rewound position.
  for (const to of [RUN_MS / 2, 1_000, RUN_MS - 1, 4_321, RUN_MS / 3]) {
    rec.seek(Math.round(to));
    compare();
  }
  for (let t = RUN_MS / 3 + 500; t < RUN_MS; t += 1_100) {
    while (rec.advanceTo(t, 1_000_000) === 'budget');
    compare();
  }
  return { violations, settled, stops, rebuilds: inc.rebuilds };
}

describe('the incremental client history (historyCheck.ts)', () => {
  it('equals the history rebuilt from the log, and its check the full check, over seeded runs with seeks', () => {
    let withViolations = 0;
    let settled = 0;
    let rebuilds = 0;
    for (let seed = 1; seed <= 12; seed++) {
      const bugs: BugId[] =
        seed % 3 === 0 ? [] : seed % 3 === 1 ? ['BUG-LOCALREAD'] : ['BUG-NOSESSION'];
      const r = compareRun(seed, bugs);
      rebuilds += r.rebuilds - 1; // the first sync builds it
      if (r.violations > 0) withViolations++;
      settled += r.settled;
    }
    // Seeks back rebuilt it (one past a client event at least), and the comparison covered
    // runs that fail the check and runs where cuts settled operations.
    console.log(
      `incremental history: ${rebuilds} rebuilds, ${withViolations} runs with violations, ${settled} settled`,
    );
    expect(rebuilds).toBeGreaterThanOrEqual(24);
    expect(withViolations).toBeGreaterThanOrEqual(3);
    expect(settled).toBeGreaterThan(0);
    console.log(
      `incremental history: ${rebuilds} rebuilds, ${withViolations} runs with violations, ${settled} settled`,
    );
  }, 120_000);

  it('searches only what the new events added: a check on a long run costs what its last seconds brought', () => {
    const rec = new Recorder(toRunSetup(steadyWorkload(5, 180_000)));
    const inc = new IncrementalHistory();
    for (let t = 3_000; t <= 180_000; t += 3_000) {
      while (rec.advanceTo(t, 1_000_000) === 'budget');
      inc.sync(rec);
      expect(inc.check(HISTORY_CHECK_BUDGET).violations).toEqual([]);
    }
    const ops = inc.history().length;
    expect(ops).toBeGreaterThan(1_500);
    // 3 s bring 30 requests; each of the 10 keys is searched from its last cut.
    expect(inc.searched).toBeLessThan(100);
    expect(inc.settled).toBeGreaterThan(ops - 100);
    // A seek back rebuilds it: the history is that of the earlier position.
    rec.seek(90_000);
    inc.sync(rec);
    expect(inc.history()).toEqual(rec.historyAt());
    expect(inc.rebuilds).toBe(2);
  }, 60_000);
});

describe('cuts (findCuts)', () => {
  const op = (
    command: string,
    invokeOrder: number,
    responseOrder: number | null,
    result: string | null = 'ok',
  ): HistoryOp => ({
    client: 1,
    seq: invokeOrder,
    command,
    invokeMs: invokeOrder,
    responseMs: responseOrder,
    result: responseOrder === null ? null : result,
    invokeOrder,
    ...(responseOrder === null ? {} : { responseOrder }),
  });

  it('cuts at an answered set that overlaps nothing, with everything before it answered', () => {
    const ops = [
      op('set x 1', 0, 1),
      op('get x', 2, 3, '1'),
      op('set x 2', 4, 5),
      op('get x', 6, 7, '2'),
    ];
    expect(findCuts(ops, 0)).toEqual([2]);
  });

  it('does not cut at a set that overlaps the one before or after it, nor at a read', () => {
    expect(findCuts([op('set x 1', 0, 3), op('set x 2', 2, 4), op('get x', 5, 6, '2')], 0)).toEqual(
      [],
    );
    expect(
      findCuts([op('get x', 0, 1, '(nil)'), op('set x 2', 2, 5), op('get x', 4, 6, '2')], 0),
    ).toEqual([]);
    expect(findCuts([op('set x 1', 0, 1), op('get x', 2, 3, '1')], 0)).toEqual([]);
  });

  it('does not cut after an operation without an answer: it may take effect later', () => {
    const ops = [op('set x 1', 0, null), op('set x 2', 2, 3), op('get x', 4, 5, '1')];
    expect(findCuts(ops, 0)).toEqual([]);
    // Which is why: x 1 set after x 2 explains the read, so the history is linearizable.
    expect(checkLinearizable(ops).status).toBe('ok');
  });
});
