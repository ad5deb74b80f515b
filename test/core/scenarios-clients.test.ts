/**
 * Conformance scenarios, client interaction (the rule catalogue §3 D): redirects, exactly-once.
 */
import { describe, expect, it } from 'vitest';
import type { BugId, ClientSession } from '../../src/core/index.ts';
import {
  exactlyOnceRun,
  invariantsFired,
  ofType,
  partitionScript,
  run,
  server,
  start,
  type Run,
} from './scenario-kit.ts';

describe('clients', () => {
  // SC-28, Reference: section 8; thesis 6.2
  it('SC-28 a follower redirects to the leader it knows; the hint is cleared by a new term', () => {
    const r = start({ servers: 3 }, [
      { at: 10, do: 'timeout', server: 1 },
      { at: 200, do: 'request', command: 'set x 1', server: 2 },
      { at: 500, do: 'timeout', server: 3 },
    ]);
    r.sim.runUntil(400);
    const redirect = ofType(r, 'clientRedirect');
    expect(redirect).toEqual([expect.objectContaining({ server: 2, leaderHint: 1 })]);
    const reply = ofType(r, 'clientReply');
    expect(reply).toEqual([expect.objectContaining({ server: 1, result: 'ok' })]);
    expect(r.sim.state.clients[0]?.done[0]?.attempts).toBe(2); // no redirect loop
    // S3's RequestVote for term 2 reaches S2 at 510: new term, no leader known yet (F2-S9).
    r.sim.runUntil(510);
    expect(server(r, 2).term).toBe(2);
    expect(server(r, 2).leaderHint).toBeNull();
    r.sim.runUntil(700);
    expect(server(r, 2).leaderHint).toBe(3);
    expect(r.sim.violations).toEqual([]);
  });

  /** SC-29 (scenario-kit.ts exactlyOnceRun), with an optional tamper between two events. */
  function exactlyOnce(bugs: BugId[], tamper?: (r: Run) => boolean): Run {
    return exactlyOnceRun(bugs, tamper === undefined ? {} : { tamper });
  }

  /** Once S2's state machine has run C1's request 1 for real, changes S2's session of C1. */
  function onS2Session(change: (sessions: Record<string, ClientSession>) => void) {
    return (r: Run): boolean => {
      const executed = ofType(r, 'apply').some(
        (e) => e.server === 2 && e.command === 'incr x' && !e.duplicate,
      );
      if (executed) change(server(r, 2).sessions);
      return executed;
    };
  }

  // SC-29, Reference: section 8; thesis 6.3
  it('SC-29 the retry becomes a new entry, but the state machines run it once: x = 1', () => {
    const r = exactlyOnce([]);
    expect(server(r, 2).role).toBe('leader');
    const incrs = server(r, 2).log.filter((e) => e.command === 'incr x');
    expect(incrs).toHaveLength(2);
    expect(incrs.map((e) => e.client)).toEqual([
      { client: 1, seq: 1 },
      { client: 1, seq: 1 },
    ]);
    for (const id of [2, 3]) expect(server(r, id).kv).toEqual({ x: '1' });
    const replies = ofType(r, 'clientReply');
    expect(replies).toEqual([expect.objectContaining({ seq: 1, result: '1', server: 2 })]);
    const duplicates = ofType(r, 'apply').filter((e) => e.command === 'incr x' && e.duplicate);
    expect(duplicates.length).toBeGreaterThanOrEqual(2);
    expect(r.sim.violations).toEqual([]);
  });

  // BUG-NOSESSION, Reference: thesis 6.3 Figure 6.2
  it('BUG-NOSESSION: the retry runs twice (x = 2); INV-C1 fires first, and only INV-C1', () => {
    const r = exactlyOnce(['BUG-NOSESSION']);
    for (const id of [2, 3]) expect(server(r, id).kv).toEqual({ x: '2' });
    // Both halves: S2 runs (C1, 1) a second time, then C1 is answered "2" instead of "1".
    expect(r.sim.violations[0]?.invariant).toBe('INV-C1');
    expect(r.sim.violations[0]?.message).toMatch(/executed C1's request 1 a second time/);
    expect(invariantsFired(r)).toEqual(['INV-C1']);
    const answer = r.sim.violations.find((v) => /answer "2"/.test(v.message));
    expect(answer?.message).toMatch(/first execution returned "1"/);
  });

  // INV-C1, second half, Reference: thesis 6.3
  it('INV-C1: a session table answering a retry with a changed response is caught', () => {
    // init / act: SC-29, but S2's saved response for (C1, 1) is corrupted after it runs it.
    const r = exactlyOnce(
      [],
      onS2Session((sessions) => {
        const session = sessions['1'];
        if (session !== undefined) session.response = '42';
      }),
    );
    // check: x = 1 everywhere (nothing ran twice), but C1 got "42" for a request that returned 1.
    for (const id of [2, 3]) expect(server(r, id).kv).toEqual({ x: '1' });
    expect(ofType(r, 'clientReply')).toEqual([expect.objectContaining({ seq: 1, result: '42' })]);
    expect(r.sim.violations.map((v) => v.invariant)).toEqual(['INV-C1']);
    expect(r.sim.violations[0]?.message).toMatch(/answer "42".*first execution returned "1"/);
  });

  // INV-C1, first half, Reference: thesis 6.3
  it('INV-C1: a session table that forgets a request lets the retry run twice, and is caught', () => {
    // init / act: SC-29, but S2's session of C1 is lost after it runs (C1, 1).
    const r = exactlyOnce(
      [],
      onS2Session((sessions) => {
        delete sessions['1'];
      }),
    );
    // check: the retry ran again on S2 (x = 2 there); INV-C1 names the second execution first.
    expect(server(r, 2).kv).toEqual({ x: '2' });
    expect(r.sim.violations[0]?.invariant).toBe('INV-C1');
    expect(r.sim.violations[0]?.message).toMatch(/S2 executed C1's request 1 a second time/);
  });

  // SC-30, Reference: SC-19 continued; section 8
  it('SC-30 the retried request lost in the minority is applied exactly once', () => {
    const r = run({ servers: 5, clientTimeoutMs: 600 }, partitionScript('incr x', 2000), 4000);
    const answers = ofType(r, 'clientReply').filter((e) => e.client === 1);
    expect(answers).toEqual([expect.objectContaining({ seq: 1, result: '1', server: 3 })]);
    for (let id = 1; id <= 5; id++) {
      expect(server(r, id).kv).toEqual({ a: '1', x: '1', y: '2' });
      // Each state machine executed (C1, 1) once, whatever copies its log holds.
      const executed = ofType(r, 'apply').filter(
        (e) => e.server === id && e.command === 'incr x' && !e.duplicate,
      );
      expect(executed).toHaveLength(1);
    }
    expect(r.sim.violations).toEqual([]);
  });
});
