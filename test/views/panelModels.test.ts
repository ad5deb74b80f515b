import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../../src/core/types.ts';
import { recentClientNotes } from '../../src/views/panels/clientModel.ts';
import { checkCommand } from '../../src/views/panels/command.ts';
import {
  bodyFacts,
  envelopeFacts,
  messageLabel,
  messageProgress,
} from '../../src/views/panels/messageModel.ts';
import {
  electionTimerText,
  serverActions,
  serverFacts,
} from '../../src/views/panels/serverModel.ts';
import { CONFIG, entry, message, server } from './fixtures.ts';
import { translator } from '../../src/i18n/index.ts';

describe('checkCommand (KV grammar)', () => {
  it('accepts the four operations and normalizes spaces', () => {
    expect(checkCommand('  set   x  1 ')).toEqual({ ok: true, command: 'set x 1' });
    expect(checkCommand('get user:42')).toEqual({ ok: true, command: 'get user:42' });
    expect(checkCommand('del a.b-c_d')).toEqual({ ok: true, command: 'del a.b-c_d' });
    expect(checkCommand('cas x 1 2')).toEqual({ ok: true, command: 'cas x 1 2' });
    expect(checkCommand('incr hits')).toEqual({ ok: true, command: 'incr hits' });
  });

  it('explains what is wrong', () => {
    expect(checkCommand('')).toEqual({ ok: false, error: 'Type a command, e.g. set x 1' });
    expect(checkCommand('put x 1')).toMatchObject({
      ok: false,
      error: expect.stringContaining('Unknown operation'),
    });
    expect(checkCommand('set x')).toEqual({ ok: false, error: 'set takes 2 words: set K V' });
    expect(checkCommand('cas x 1')).toMatchObject({
      ok: false,
      error: expect.stringContaining('cas K OLD NEW'),
    });
    expect(checkCommand('get x y')).toMatchObject({ ok: false, error: 'get takes 1 word: get K' });
    expect(checkCommand('incr')).toMatchObject({ ok: false, error: 'incr takes 1 word: incr K' });
    expect(checkCommand('set <script> 1')).toMatchObject({
      ok: false,
      error: 'Keys: 1–120 and values: 1–64 of A-Z a-z 0-9 _ . : / -',
    });
    expect(checkCommand(`set ${'k'.repeat(121)} 1`)).toMatchObject({ ok: false });
    expect(checkCommand(`set k ${'v'.repeat(65)}`)).toMatchObject({ ok: false });
    // noop is the leader's own entry (F2-L7), not a client command.
    expect(checkCommand('noop')).toMatchObject({ ok: false });
    // Operations are case-sensitive in the core's parser.
    expect(checkCommand('SET x 1')).toMatchObject({ ok: false });
  });
});

describe('recentClientNotes', () => {
  const redirect = (time: number, client: number): SimEvent => ({
    type: 'clientRedirect',
    time,
    client,
    seq: time,
    server: 2,
    leaderHint: 1,
  });
  it('keeps the newest redirects and retries per client, skipping first attempts', () => {
    const events: SimEvent[] = [
      redirect(1, 1),
      redirect(2, 1),
      { type: 'clientSend', time: 3, client: 1, seq: 3, server: 1, command: 'get x', attempt: 1 },
      { type: 'clientSend', time: 4, client: 1, seq: 3, server: 1, command: 'get x', attempt: 2 },
      redirect(5, 2),
      redirect(6, 9),
    ];
    const notes = recentClientNotes(events, [1, 2], 2);
    expect(notes.get(1)?.map((n) => n.time)).toEqual([4, 2]);
    expect(notes.get(2)?.map((n) => n.time)).toEqual([5]);
    expect(notes.has(9)).toBe(false);
  });
});

describe('server inspector model', () => {
  it('enables only the actions that can change something', () => {
    const enabled = (s: ReturnType<typeof server>): string[] =>
      serverActions(s)
        .filter((a) => a.enabled)
        .map((a) => a.kind);
    expect(enabled(server(1))).toEqual(['crash', 'timeout', 'request']);
    expect(enabled(server(1, { crashed: true }))).toEqual(['restart']);
    expect(
      serverActions(server(1, { role: 'leader' })).find((a) => a.kind === 'request')?.why,
    ).toContain('F2-L2');
  });

  it('shows time to election for followers and candidates, "—" for leaders and crashed servers', () => {
    expect(electionTimerText(server(1, { electionDeadlineMs: 1240 }), 1000)).toBe('in 240 ms');
    expect(electionTimerText(server(1, { role: 'leader', electionDeadlineMs: 1240 }), 1000)).toBe(
      '—',
    );
    expect(electionTimerText(server(1, { crashed: true }), 1000)).toBe('—');
  });

  it('reports volatile state as lost while crashed, persistent state as kept', () => {
    const s = server(3, { crashed: true, term: 4, votedFor: 2, log: [entry(4)], commitIndex: 0 });
    const facts = Object.fromEntries(serverFacts(s, 0, CONFIG).map((f) => [f.label, f.value]));
    expect(facts).toMatchObject({
      Term: '4',
      'Voted for': 'S2',
      Log: '1 entry, last term 4',
      commitIndex: 'lost in the crash',
    });
  });
});

describe('message inspector model', () => {
  it('tracks progress from send to delivery, clamped', () => {
    const m = { sentMs: 100, deliverMs: 200 };
    expect(messageProgress(m, 50)).toBe(0);
    expect(messageProgress(m, 150)).toBe(0.5);
    expect(messageProgress(m, 999)).toBe(1);
    expect(messageProgress({ sentMs: 100, deliverMs: 100 }, 100)).toBe(1);
  });

  it('lists the Figure 2 fields of each message type', () => {
    const labels = (b: Parameters<typeof bodyFacts>[0]): string[] =>
      bodyFacts(b).map((f) => f.label);
    expect(
      labels({
        type: 'RequestVote',
        term: 4,
        candidateId: 3,
        lastLogIndex: 7,
        lastLogTerm: 3,
        preVote: false,
        transfer: false,
      }),
    ).toEqual(['term', 'candidateId', 'lastLogIndex', 'lastLogTerm']);
    expect(
      labels({
        type: 'AppendEntries',
        term: 2,
        leaderId: 1,
        prevLogIndex: 4,
        prevLogTerm: 1,
        entries: [],
        leaderCommit: 3,
        sentMs: 40,
      }),
    ).toEqual([
      'term',
      'leaderId',
      'prevLogIndex',
      'prevLogTerm',
      'entries',
      'leaderCommit',
      'sentMs',
    ]);
    expect(
      labels({
        type: 'AppendEntriesReply',
        term: 2,
        success: false,
        matchIndex: 0,
        rejectedIndex: 1,
        echoSentMs: 0,
      }),
    ).toContain('matchIndex');
    expect(
      labels({ type: 'RequestVoteReply', term: 2, voteGranted: true, preVote: false }),
    ).toEqual(['term', 'voteGranted']);
    expect(labels({ type: 'ClientRequest', client: 1, seq: 2, command: 'get x' })).toEqual([
      'client',
      'seq',
      'command',
    ]);
    expect(
      labels({ type: 'ClientReply', client: 1, seq: 2, ok: false, result: '', leaderHint: null }),
    ).toContain('leaderHint');
  });

  it('calls an empty AppendEntries a heartbeat and flags lost and duplicate messages', () => {
    const hb = message({
      type: 'AppendEntries',
      term: 2,
      leaderId: 1,
      prevLogIndex: 0,
      prevLogTerm: 0,
      entries: [],
      leaderCommit: 0,
      sentMs: 0,
    });
    expect(messageLabel(hb.body)).toBe('AppendEntries (heartbeat)');
    const facts = envelopeFacts({ ...hb, lost: true, duplicateOf: 3 }, 1010);
    expect(facts.map((f) => `${f.label}=${f.value}`)).toEqual([
      'Route=S1 → S2',
      'Sent=1.000 s',
      'Arrives=1.020 s',
      'Progress=50%',
      'Fate=will be lost',
      'Duplicate of=#3',
    ]);
  });

  it('times a message in the reader’s number format', () => {
    const m = message(
      {
        type: 'AppendEntries',
        term: 2,
        leaderId: 1,
        prevLogIndex: 0,
        prevLogTerm: 0,
        entries: [],
        leaderCommit: 0,
        sentMs: 1000,
      },
      { sentMs: 1000, deliverMs: 2500 },
    );
    const values = (lang: 'en' | 'pt') =>
      envelopeFacts(m, 1010, translator(lang), lang)
        .slice(1, 3)
        .map((f) => `${f.value} | ${f.rule}`);
    expect(values('en')).toEqual([
      expect.stringMatching(/^1\.000 s \|/),
      expect.stringMatching(/^2\.500 s \|.*1\.500 s/),
    ]);
    expect(values('pt')).toEqual([
      expect.stringMatching(/^1,000 s \|/),
      expect.stringMatching(/^2,500 s \|.*1,500 s/),
    ]);
  });
});
