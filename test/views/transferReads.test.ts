/** Leadership transfer and reads without the log in the inspector's pure models (X-LT, C-4). */
import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/index.ts';
import type { SimEvent } from '../../src/core/types.ts';
import { readTagKey, readTags } from '../../src/views/panels/clientModel.ts';
import {
  leaderDutyFacts,
  liveLeader,
  serverActions,
  transferAction,
} from '../../src/views/panels/serverModel.ts';
import { CONFIG, server } from './fixtures.ts';

describe('Make this server the leader', () => {
  const leader = server(1, { role: 'leader', term: 3 });

  it('is offered only with a leader given, after the other actions', () => {
    expect(serverActions(server(3)).map((a) => a.kind)).not.toContain('transfer');
    expect(serverActions(server(3), undefined, leader).at(-1)?.kind).toBe('transfer');
  });

  it('is enabled for a running voter that is not the leader, while a leader exists', () => {
    expect(transferAction(server(3), leader)).toMatchObject({ enabled: true });
    expect(transferAction(server(3), leader).why).toContain('S1, the leader');
    expect(transferAction(server(3), null)).toMatchObject({ enabled: false });
    expect(transferAction(leader, leader)).toMatchObject({ enabled: false });
    expect(transferAction(server(3, { crashed: true }), leader)).toMatchObject({ enabled: false });
    const fewer = server(1, {
      role: 'leader',
      baseConfig: { voters: [1, 2, 4], old: null, learners: [3] },
    });
    expect(transferAction(server(3), fewer).why).toContain('does not vote');
    const busy = server(1, {
      role: 'leader',
      transfer: { target: 2, deadlineMs: 500, timeoutNowSent: false },
    });
    expect(transferAction(server(3), busy)).toMatchObject({ enabled: false });
    expect(transferAction(server(3), busy, translator('es')).label).toBe(
      'Hacer líder a este servidor',
    );
  });

  it('finds the live leader of the highest term', () => {
    const old = server(1, { role: 'leader', term: 1 });
    const fresh = server(3, { role: 'leader', term: 2 });
    expect(liveLeader([old, server(2), fresh])?.id).toBe(3);
    expect(liveLeader([server(1), server(2, { role: 'leader', crashed: true })])).toBeNull();
  });
});

describe('a leader at work', () => {
  it('says whom it hands leadership to, and how far it got', () => {
    const s = server(1, {
      role: 'leader',
      transfer: { target: 3, deadlineMs: 500, timeoutNowSent: false },
    });
    expect(leaderDutyFacts(s, CONFIG)[0]).toMatchObject({
      label: 'Handing leadership to',
      value: 'S3: catching it up',
    });
    const sent = { ...s, transfer: { target: 3, deadlineMs: 500, timeoutNowSent: true } };
    expect(leaderDutyFacts(sent, CONFIG)[0]?.value).toBe('S3: TimeoutNow sent');
    expect(leaderDutyFacts(sent, CONFIG, translator('pt'))[0]?.value).toBe(
      'S3: TimeoutNow enviado',
    );
  });

  it('counts its held reads and names their keys when reads skip the log', () => {
    const read = { client: 1, seq: 1, arrivedMs: 10, readIndex: null };
    const s = server(1, {
      role: 'leader',
      reads: [
        { ...read, key: 'x' },
        { ...read, seq: 2, key: 'y' },
        { ...read, seq: 3, key: 'x' },
      ],
    });
    const config = { ...CONFIG, reads: 'readIndex' as const };
    expect(leaderDutyFacts(s, config)).toEqual([
      expect.objectContaining({ label: 'Held reads', value: '3: x, y' }),
    ]);
    expect(leaderDutyFacts(server(1, { role: 'leader' }), config)[0]?.value).toBe('none');
    expect(leaderDutyFacts(server(1, { role: 'leader' }), CONFIG)).toEqual([]);
    expect(leaderDutyFacts(server(2), config)).toEqual([]);
  });
});

describe('read tags of the client panel', () => {
  it('keys each read answered without the log by client, seq and answering server', () => {
    const read = {
      type: 'read' as const,
      time: 40,
      server: 1,
      client: 3,
      seq: 2,
      key: 'x',
      readIndex: 4,
      result: '1',
    };
    const events: SimEvent[] = [
      { ...read, mode: 'readIndex', phase: 'held' },
      { ...read, mode: 'readIndex', phase: 'answered' },
      { ...read, server: 2, mode: 'local', phase: 'answered', readIndex: 0 },
    ];
    const tags = readTags(events);
    expect(tags.get(readTagKey(3, 2, 1))).toEqual({ mode: 'readIndex', readIndex: 4 });
    expect(tags.get(readTagKey(3, 2, 2))?.mode).toBe('local');
    expect(tags.size).toBe(2);
  });
});
