/**
 * Truth-table conformance scenarios of the rule catalogue §3 (SC-03, SC-04, SC-05, SC-08, SC-14), one row
 * per case as the table lists it, in the init / act / check shape of etcd's raft_paper_test.go.
 * Logs are written as entry terms (`[1, 2]`); `t@i` in the rule catalogue is an entry of term t at index i.
 */
import { describe, expect, it } from 'vitest';
import type { MessageBody, Role, ServerState } from '../../src/core/index.ts';
import { startElection } from '../../src/core/raft.ts';
import {
  FakeContext,
  ae,
  aeReply,
  deliver,
  electLeader,
  entry,
  makeServer,
  rv,
  rvReply,
  terms,
  tickAt,
} from './harness.ts';

// -------------------------------------------------------------------------------------------
// SC-03 One vote per term, first come first served
// -------------------------------------------------------------------------------------------

describe('SC-03 one vote per term, first come first served', () => {
  // SC-03: follower S1, term 1, votedFor ∈ {none, S2, S3}; RequestVote(term 1) from S2 or S3 with
  // an equal log; granted iff votedFor is none or the requester.
  const rows: [votedFor: number | null, from: number, granted: boolean][] = [
    [null, 2, true],
    [null, 3, true],
    [2, 2, true],
    [2, 3, false],
    [3, 2, false],
    [3, 3, true],
  ];
  it.each(rows)('SC-03 votedFor %s, request from S%s → granted %s', (votedFor, from, granted) => {
    const ctx = new FakeContext({ now: 10 });
    const s = makeServer({ term: 1, votedFor, log: [1], electionDeadlineMs: 300 });
    deliver(s, ctx, from, rv(from, 1, 1, 1));
    const reply = ctx.only('RequestVoteReply');
    expect(reply.to).toBe(from);
    expect(reply.body).toEqual(rvReply(1, granted));
    expect(s.votedFor).toBe(granted ? from : votedFor);
    expect(s.term).toBe(1);
    // Only a grant restarts the election timer (F2-RV3 / F2-RV4).
    expect(ctx.draws.length).toBe(granted ? 1 : 0);
  });

  it('SC-03 the first candidate to ask wins the term; a repeated request from it is granted again', () => {
    const ctx = new FakeContext();
    const s = makeServer({ term: 1, log: [1] });
    deliver(s, ctx, 2, rv(2, 1, 1, 1));
    deliver(s, ctx, 3, rv(3, 1, 1, 1));
    deliver(s, ctx, 2, rv(2, 1, 1, 1)); // e.g. a retry after a lost reply
    expect(ctx.sentOf('RequestVoteReply').map((m) => [m.to, m.body.voteGranted])).toEqual([
      [2, true],
      [3, false],
      [2, true],
    ]);
    expect(s.votedFor).toBe(2);
  });
});

// -------------------------------------------------------------------------------------------
// SC-04 Election restriction
// -------------------------------------------------------------------------------------------

describe('SC-04 election restriction table', () => {
  // SC-04: voter log → candidate (lastTerm, lastIndex) → result; all 8 rows of the rule catalogue.
  const rows: [voterLog: number[], lastTerm: number, lastIndex: number, granted: boolean][] = [
    [[1], 1, 1, true],
    [[1], 1, 2, true],
    [[1, 1], 1, 1, false],
    [[1], 2, 1, true],
    [[1, 1], 2, 1, true],
    [[2], 1, 1, false],
    [[2], 1, 2, false],
    [[2, 2], 1, 1, false],
  ];
  it.each(rows)(
    'SC-04 voter log %j, candidate lastTerm %i lastIndex %i → granted %s',
    (voterLog, lastTerm, lastIndex, granted) => {
      const ctx = new FakeContext({ now: 10 });
      const s = makeServer({ term: 2, log: voterLog, electionDeadlineMs: 300 });
      deliver(s, ctx, 2, rv(2, 3, lastIndex, lastTerm));
      expect(ctx.only('RequestVoteReply').body).toEqual(rvReply(3, granted));
      expect(s.term).toBe(3); // the term is adopted either way (F2-A2)
      expect(s.votedFor).toBe(granted ? 2 : null);
      expect(s.electionDeadlineMs === 300).toBe(!granted);
      expect(terms(s)).toEqual(voterLog);
    },
  );
});

// -------------------------------------------------------------------------------------------
// SC-05 Candidate concedes / keeps candidacy
// -------------------------------------------------------------------------------------------

describe('SC-05 candidate concedes or keeps its candidacy', () => {
  function candidate(ctx: FakeContext): ServerState {
    const s = makeServer({ term: 0 });
    startElection(s, ctx, false); // S1 candidate of term 1
    ctx.clear();
    return s;
  }

  // SC-05 (a), (b): AppendEntries of term 1 / 2 from S2 → follower with the message's term.
  // SC-05 (c): AppendEntries of term 0 → rejected, S1 stays candidate of term 1.
  const rows: [label: string, aeTerm: number, role: Role, term: number, success: boolean][] = [
    ['(a) same term', 1, 'follower', 1, true],
    ['(b) higher term', 2, 'follower', 2, true],
    ['(c) lower term', 0, 'candidate', 1, false],
  ];
  it.each(rows)('SC-05 %s: AppendEntries of term %i', (_label, aeTerm, role, term, success) => {
    const ctx = new FakeContext();
    const s = candidate(ctx);
    deliver(s, ctx, 2, ae({ term: aeTerm, leaderId: 2 }));
    expect([s.role, s.term]).toEqual([role, term]);
    expect(s.leaderHint).toBe(success ? 2 : null);
    expect(ctx.only('AppendEntriesReply').body).toEqual(aeReply(term, success, 0));
    expect(ctx.eventsOf('stepDown').length).toBe(success ? 1 : 0);
  });

  it('SC-05 (D5) a majority of refusals keeps the candidate a candidate until its timer fires', () => {
    const ctx = new FakeContext();
    const s = candidate(ctx);
    deliver(s, ctx, 2, rvReply(1, false));
    deliver(s, ctx, 3, rvReply(1, false));
    expect([s.role, s.term, s.votedFor]).toEqual(['candidate', 1, 1]);
    expect(s.peers.every((p) => p.voteResponded && !p.voteGranted)).toBe(true);
    expect(ctx.eventsOf('stepDown')).toEqual([]);
    tickAt(s, ctx, s.electionDeadlineMs);
    expect([s.role, s.term]).toEqual(['candidate', 2]);
  });

  it('SC-05 TestCandidateConcede: the isolated candidate takes the term-1 leader entries', () => {
    const ctx = new FakeContext();
    const s = candidate(ctx);
    const fromLeader = [entry(1, 1, 'noop'), entry(2, 1, 'force follower')];
    deliver(s, ctx, 3, ae({ term: 1, leaderId: 3, entries: fromLeader, leaderCommit: 2 }));
    expect(s.log.map((e) => e.command)).toEqual(['noop', 'force follower']);
    expect([s.role, s.term, s.leaderHint, s.commitIndex]).toEqual(['follower', 1, 3, 2]);
  });
});

// -------------------------------------------------------------------------------------------
// SC-08 Step down on a higher term in any message
// -------------------------------------------------------------------------------------------

describe('SC-08 step down on a higher term in any message', () => {
  /** S1 at term 2 in each role, with one entry in its log. */
  function at(role: Role, ctx: FakeContext): ServerState {
    if (role === 'follower') {
      return makeServer({ term: 2, votedFor: 2, leaderHint: 2, log: [1] });
    }
    if (role === 'candidate') {
      const s = makeServer({ term: 1, log: [1] });
      startElection(s, ctx, false); // term 2, voted for itself
      ctx.clear();
      return s;
    }
    const s = makeServer({ term: 1 });
    electLeader(s, ctx); // term 2, log [no-op of term 2]
    return s;
  }

  type Kind =
    | 'RequestVote (grantable)'
    | 'RequestVote (stale log)'
    | 'AppendEntries'
    | 'RequestVoteReply'
    | 'AppendEntriesReply';
  const messages: Record<
    Kind,
    { body: MessageBody; votedFor: number | null; hint: number | null; reply: MessageBody | null }
  > = {
    // The sender S3 is in term 3; its log ends with (term 2, index 1): at least as up to date.
    'RequestVote (grantable)': {
      body: rv(3, 3, 1, 2),
      votedFor: 3,
      hint: null,
      reply: rvReply(3, true),
    },
    'RequestVote (stale log)': {
      body: rv(3, 3, 0, 0),
      votedFor: null,
      hint: null,
      reply: rvReply(3, false),
    },
    AppendEntries: {
      body: ae({ term: 3, leaderId: 3, prevLogIndex: 0, prevLogTerm: 0 }),
      votedFor: null,
      hint: 3,
      reply: aeReply(3, true, 0),
    },
    RequestVoteReply: { body: rvReply(3, false), votedFor: null, hint: null, reply: null },
    AppendEntriesReply: { body: aeReply(3, false, 0), votedFor: null, hint: null, reply: null },
  };
  const rows: [Role, Kind][] = [];
  for (const role of ['follower', 'candidate', 'leader'] as const) {
    for (const kind of Object.keys(messages) as Kind[]) rows.push([role, kind]);
  }

  it.each(rows)('SC-08 %s at term 2 receives a term-3 %s', (role, kind) => {
    const ctx = new FakeContext();
    const s = at(role, ctx);
    expect([s.role, s.term]).toEqual([role, 2]);
    const log = [...s.log];
    const m = messages[kind];
    deliver(s, ctx, 3, m.body);
    expect([s.role, s.term]).toEqual(['follower', 3]);
    // votedFor cleared, unless the RequestVote is then granted in the new term.
    expect(s.votedFor).toBe(m.votedFor);
    // Leader hint: the sender of an AppendEntries; nobody otherwise.
    expect(s.leaderHint).toBe(m.hint);
    // Log unchanged: an empty heartbeat with prevLogIndex 0 truncates nothing.
    expect(s.log).toEqual(log);
    s.log.forEach((e, i) => expect(e).toBe(log[i]));
    expect(ctx.eventsOf('stepDown')).toMatchObject([{ server: 1, term: 3, from: role }]);
    expect(ctx.sent.map((x) => x.body)).toEqual(m.reply === null ? [] : [m.reply]);
  });
});

// -------------------------------------------------------------------------------------------
// SC-14 AppendEntries receiver truth tables
// -------------------------------------------------------------------------------------------

describe('SC-14 AppendEntries receiver truth tables (follower log [1,2], term 2)', () => {
  function follower(commitIndex = 0): ServerState {
    return makeServer({ term: 2, log: [1, 2], commitIndex, leaderHint: 2 });
  }

  // SC-14 consistency: prev (0,0) ok; (1,1) ok; (2,2) ok; (2, term 1) reject; (3,3) reject (missing).
  const consistency: [prevLogIndex: number, prevLogTerm: number, success: boolean][] = [
    [0, 0, true],
    [1, 1, true],
    [2, 2, true],
    [2, 1, false],
    [3, 3, false],
  ];
  it.each(consistency)(
    'SC-14 consistency: heartbeat with prev (%i, %i) → success %s, log untouched',
    (prevLogIndex, prevLogTerm, success) => {
      const ctx = new FakeContext();
      const s = follower();
      const log = [...s.log];
      deliver(s, ctx, 2, ae({ term: 2, leaderId: 2, prevLogIndex, prevLogTerm }));
      expect(ctx.only('AppendEntriesReply').body).toEqual(
        aeReply(2, success, success ? prevLogIndex : 0, success ? 0 : prevLogIndex),
      );
      s.log.forEach((e, i) => expect(e).toBe(log[i]));
      expect(s.log.length).toBe(2);
    },
  );

  // SC-14 truncation: prev (2,2) + [3@3] → [1,2,3]; prev (1,1) + [3@2, 4@3] → [1,3,4];
  // prev (0,0) + [1@1] → [1,2] unchanged (no conflict ⇒ no truncation); prev (0,0) + [3@1] → [3].
  const truncation: [
    prev: [number, number],
    sent: number[],
    result: number[],
    truncatedFrom: number | null,
  ][] = [
    [[2, 2], [3], [1, 2, 3], null],
    [[1, 1], [3, 4], [1, 3, 4], 2],
    [[0, 0], [1], [1, 2], null],
    [[0, 0], [3], [3], 1],
  ];
  it.each(truncation)(
    'SC-14 truncation: prev %j + entries of terms %j → %j',
    ([prevLogIndex, prevLogTerm], sent, result, truncatedFrom) => {
      const ctx = new FakeContext();
      const s = follower();
      // A sender of term ≥ every term it sends (the follower adopts it; irrelevant to the log).
      const term = Math.max(2, prevLogTerm, ...sent);
      deliver(s, ctx, 2, ae({ term, leaderId: 2, prevLogIndex, prevLogTerm, entries: sent }));
      expect(terms(s)).toEqual(result);
      expect(ctx.eventsOf('truncate').map((e) => e.fromIndex)).toEqual(
        truncatedFrom === null ? [] : [truncatedFrom],
      );
      expect(ctx.only('AppendEntriesReply').body).toEqual(
        aeReply(term, true, prevLogIndex + sent.length),
      );
    },
  );

  // SC-14 commit (commit 0): heartbeat prev (1,1), leaderCommit 3 → 1 (not 2); prev (2,2),
  // leaderCommit 3 → 2; prev (2,2) + [2@3, 2@4], leaderCommit 3 → 3; a heartbeat with
  // leaderCommit below the current commit leaves it unchanged.
  const commit: [
    label: string,
    commitBefore: number,
    prev: [number, number],
    sent: number[],
    leaderCommit: number,
    commitAfter: number,
  ][] = [
    ['heartbeat prev (1,1)', 0, [1, 1], [], 3, 1],
    ['heartbeat prev (2,2)', 0, [2, 2], [], 3, 2],
    ['prev (2,2) + [2@3, 2@4]', 0, [2, 2], [2, 2], 3, 3],
    ['heartbeat below the current commit', 2, [2, 2], [], 1, 2],
  ];
  it.each(commit)(
    'SC-14 commit: %s (commit %i, prev %j, entries %j, leaderCommit %i) → commit %i',
    (_label, commitBefore, [prevLogIndex, prevLogTerm], sent, leaderCommit, commitAfter) => {
      const ctx = new FakeContext();
      const s = follower(commitBefore);
      deliver(
        s,
        ctx,
        2,
        ae({ term: 2, leaderId: 2, prevLogIndex, prevLogTerm, entries: sent, leaderCommit }),
      );
      expect(s.commitIndex).toBe(commitAfter);
      expect(s.lastApplied).toBe(commitAfter);
      expect(ctx.eventsOf('commit').map((e) => e.index)).toEqual(
        commitAfter > commitBefore ? [commitAfter] : [],
      );
      expect(ctx.only('AppendEntriesReply').body.success).toBe(true);
    },
  );
});
