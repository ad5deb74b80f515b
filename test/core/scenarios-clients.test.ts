/**
 * Conformance scenarios, client interaction (RAFT.md §3 D): redirects, exactly-once.
 */
import { describe, expect, it } from 'vitest';
import type { Action, BugId } from '../../src/core/index.ts';
import {
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

  /**
   * SC-29: the leader applies `incr x` and crashes before its answer reaches the client; the
   * client retries the same (client, seq) at the next leader.
   */
  function exactlyOnce(bugs: BugId[]): Run {
    const r = start({ servers: 3, clientTimeoutMs: 600, bugs }, [
      { at: 10, do: 'timeout', server: 1 },
      { at: 100, do: 'request', command: 'incr x', server: 1 },
    ]);
    // Run until S1 sends its answer, then drop it in flight and crash S1 at that instant.
    let replyId: number | null = null;
    while (replyId === null && r.sim.step()) {
      const last = r.sent[r.sent.length - 1];
      if (last?.body.type === 'ClientReply' && last.body.ok) replyId = last.id;
    }
    expect(replyId).not.toBeNull();
    const now = r.sim.now;
    const actions: Action[] = [
      { at: now, do: 'drop', message: replyId ?? 0 },
      { at: now, do: 'crash', server: 1 },
      { at: now + 50, do: 'timeout', server: 2 },
    ];
    for (const a of actions) r.sim.addAction(a);
    r.sim.runUntil(3000);
    return r;
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
  it('BUG-NOSESSION: without sessions the retry runs twice (x = 2) and INV-C1 fires', () => {
    const r = exactlyOnce(['BUG-NOSESSION']);
    for (const id of [2, 3]) expect(server(r, id).kv).toEqual({ x: '2' });
    expect(invariantsFired(r)).toContain('INV-C1');
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
