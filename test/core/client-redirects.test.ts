/**
 * Client redirects under duplication (the rule catalogue C-1, F2-T3). Found by the fuzz campaign (seeds
 * 21098, 60080): during a leadership transfer the leader points clients at its target and the
 * target back at the leader; with zero latency and duplicated replies each redirect copy started
 * another attempt, and the requests multiplied into a storm.
 */
import { describe, expect, it } from 'vitest';
import { newClient, onReply, submit, type ClientContext } from '../../src/core/client.ts';
import type { ClientReply, MessageBody } from '../../src/core/types.ts';

function context(): { ctx: ClientContext; sent: { to: number; body: MessageBody }[] } {
  const sent: { to: number; body: MessageBody }[] = [];
  const ctx: ClientContext = {
    now: 0,
    servers: 5,
    clientTimeoutMs: 600,
    retryPauseMs: 100,
    send: (_from, to, body) => sent.push({ to, body }),
    emit: () => undefined,
    setTimer: () => undefined,
  };
  return { ctx, sent };
}

const redirect = (seq: number, hint: number | null): ClientReply => ({
  type: 'ClientReply',
  client: 1,
  seq,
  ok: false,
  result: '',
  leaderHint: hint,
});

describe('client redirects (C-1)', () => {
  it('follows a redirect once: a duplicated copy starts no second attempt', () => {
    const { ctx, sent } = context();
    const c = newClient(1);
    submit(c, 'set x 1', 2, ctx);
    onReply(c, 2, redirect(1, 3), ctx);
    onReply(c, 2, redirect(1, 3), ctx); // the network duplicated it
    expect(sent.map((m) => m.to)).toEqual([2, 3]);
  });

  it('does not bounce between two servers that point at each other', () => {
    const { ctx, sent } = context();
    const c = newClient(1);
    submit(c, 'get x', 2, ctx);
    onReply(c, 2, redirect(1, 4), ctx); // the leader hands over to S4
    onReply(c, 4, redirect(1, 2), ctx); // S4 still points at S2: pause instead
    expect(sent.map((m) => m.to)).toEqual([2, 4]);
    expect(c.pending?.server).toBe(4);
  });
});
