/**
 * Simulated clients (the rule catalogue (src/i18n/rules.ts)): each has an id and numbers its commands; it keeps one request
 * in flight, follows redirects to the leader it learns of, and retries the same (client, seq) after
 * a timeout, so the state machine's session table must keep retries from running twice (C-2).
 */
import type {
  ClientId,
  ClientReply,
  ClientState,
  Endpoint,
  MessageBody,
  ServerId,
  SimEvent,
  TimeMs,
} from './types.ts';

/** Answered requests kept per client, for the client panel. */
const DONE_KEPT = 50;
/** Commands a client holds while one is in flight (put a limit on everything). */
export const CLIENT_QUEUE_MAX = 1000;

export interface ClientContext {
  readonly now: TimeMs;
  readonly servers: number;
  readonly clientTimeoutMs: number;
  /** Pause before trying another server when nobody knows the leader. */
  readonly retryPauseMs: number;
  send(from: Endpoint, to: Endpoint, body: MessageBody): void;
  emit(event: SimEvent): void;
  /** (Re)arms the client's single timer at the given time. */
  setTimer(client: ClientState, at: TimeMs): void;
}

export function newClient(id: ClientId): ClientState {
  return {
    id,
    lastSeq: 0,
    leaderHint: null,
    suspect: null,
    pending: null,
    queue: [],
    timerGen: 0,
    done: [],
  };
}

/** A command from an action: sent now, or queued behind the request in flight. */
export function submit(
  c: ClientState,
  command: string,
  server: ServerId | null,
  ctx: ClientContext,
): boolean {
  if (c.pending !== null) {
    if (c.queue.length >= CLIENT_QUEUE_MAX) return false;
    c.queue.push({ command, server });
    return true;
  }
  start(c, command, server, ctx);
  return true;
}

function start(c: ClientState, command: string, server: ServerId | null, ctx: ClientContext): void {
  c.lastSeq += 1;
  const target = server ?? c.leaderHint ?? 1;
  c.pending = {
    seq: c.lastSeq,
    command,
    server: target,
    redirectedFrom: null,
    attempts: 0,
    firstSentMs: ctx.now,
  };
  attempt(c, target, ctx);
}

function attempt(c: ClientState, server: ServerId, ctx: ClientContext): void {
  const p = c.pending;
  if (p === null) return;
  p.server = server;
  p.attempts += 1;
  ctx.emit({
    type: 'clientSend',
    client: c.id,
    seq: p.seq,
    server,
    command: p.command,
    attempt: p.attempts,
    time: ctx.now,
  });
  ctx.send(-c.id, server, { type: 'ClientRequest', client: c.id, seq: p.seq, command: p.command });
  ctx.setTimer(c, ctx.now + ctx.clientTimeoutMs);
}

function nextServer(server: ServerId, servers: number): ServerId {
  return (server % servers) + 1;
}

/**
 * A reply arrived from `from`. Replies to a request no longer pending are ignored; an ok one is
 * still emitted, so the checker compares every answer a client ever gets with the first execution
 * of its (client, seq) (INV-C1: a retried request gets the original answer).
 */
export function onReply(c: ClientState, from: ServerId, m: ClientReply, ctx: ClientContext): void {
  const p = c.pending;
  if (p === null || m.seq !== p.seq) {
    if (m.ok) {
      ctx.emit({
        type: 'clientLateReply',
        client: c.id,
        seq: m.seq,
        server: from,
        result: m.result,
        time: ctx.now,
      });
    }
    return;
  }
  if (!m.ok) {
    // Only the answer to the current attempt counts: a redirect from an earlier attempt, or a
    // second copy of one already followed, must not start another attempt (each would multiply).
    if (from !== p.server) return;
    ctx.emit({
      type: 'clientRedirect',
      client: c.id,
      seq: p.seq,
      server: from,
      leaderHint: m.leaderHint,
      time: ctx.now,
    });
    const hint = m.leaderHint;
    // A hint straight back to the server that sent us here is a ping-pong (a leader handing over
    // points at its target, which still points at it): pause instead of bouncing at network speed.
    const trusted =
      hint !== null && hint !== from && hint !== c.suspect && hint !== p.redirectedFrom;
    c.leaderHint = trusted ? hint : null;
    if (trusted) {
      p.redirectedFrom = from;
      attempt(c, hint, ctx);
    } else ctx.setTimer(c, ctx.now + ctx.retryPauseMs); // no usable hint: pause, then move on
    return;
  }
  ctx.emit({
    type: 'clientReply',
    client: c.id,
    seq: p.seq,
    server: from,
    result: m.result,
    time: ctx.now,
  });
  c.leaderHint = from;
  c.suspect = null;
  c.done.push({
    seq: p.seq,
    command: p.command,
    result: m.result,
    attempts: p.attempts,
    sentMs: p.firstSentMs,
    answeredMs: ctx.now,
    server: from,
  });
  if (c.done.length > DONE_KEPT) c.done.shift();
  c.pending = null;
  c.timerGen += 1; // disarm
  const next = c.queue.shift();
  if (next !== undefined) start(c, next.command, next.server, ctx);
}

/** The timer fired: no answer in time (or a pause after a redirect without a hint). Retry. */
export function onTimer(c: ClientState, ctx: ClientContext): void {
  const p = c.pending;
  if (p === null) return;
  const hint = c.leaderHint;
  const timedOut = hint === null || hint === p.server;
  // A server that let the request time out is suspect: its redirects may point at a leader cut
  // off from the majority (SC-18), so the client walks on to the next server instead.
  if (timedOut) c.suspect = p.server;
  let target = timedOut ? nextServer(p.server, ctx.servers) : hint;
  if (target === c.suspect && ctx.servers > 1) target = nextServer(target, ctx.servers);
  c.leaderHint = null;
  p.redirectedFrom = null;
  attempt(c, target, ctx);
}
