/** Pure facts for the server inspector, so what it says is tested in Node. */
import type { ServerState, SimConfig } from '../../core/types.ts';
import { formatDue, serverName } from '../format.ts';
import type { Fact } from './FactList.tsx';

export type ServerActionKind = 'crash' | 'restart' | 'timeout' | 'request';

export interface ServerAction {
  kind: ServerActionKind;
  label: string;
  enabled: boolean;
  /** Why it is on or off, for the tooltip. */
  why: string;
}

/** The inspector's actions, each enabled only when it can change something. */
export function serverActions(s: ServerState): ServerAction[] {
  const up = !s.crashed;
  const who = serverName(s.id);
  return [
    {
      kind: 'crash',
      label: 'Crash',
      enabled: up,
      why: up ? `Stop ${who}; it keeps term, vote and log (F2-S4)` : `${who} is already down`,
    },
    {
      kind: 'restart',
      label: 'Restart',
      enabled: !up,
      why: up ? `${who} is running` : `Bring ${who} back as a follower (F2-S5)`,
    },
    {
      kind: 'timeout',
      label: 'Force timeout',
      enabled: up,
      why: up
        ? `Fire ${who}'s election timer now: it starts an election (F2-F2)`
        : `${who} is down`,
    },
    {
      kind: 'request',
      label: 'Client request',
      enabled: up,
      why: up
        ? s.role === 'leader'
          ? `A client sends a command to ${who}, the leader (F2-L2)`
          : `A client sends a command to ${who}, which will redirect it (C-1)`
        : `${who} is down; the request would be lost`,
    },
  ];
}

/** Time until the election timer fires, or "—" when no timer runs (leaders: F2-L8). */
export function electionTimerText(s: ServerState, now: number): string {
  if (s.crashed || s.role === 'leader') return '—';
  return formatDue(s.electionDeadlineMs, now);
}

/** The state of a server as label/value pairs; volatile state reads "lost" while crashed. */
export function serverFacts(s: ServerState, now: number, config: SimConfig): Fact[] {
  const lost = 'lost in the crash';
  const last = s.log[s.log.length - 1];
  const [lo, hi] = config.electionTimeoutMs;
  return [
    { label: 'Term', value: String(s.term), rule: 'F2-S1: persistent, only grows' },
    {
      label: 'Voted for',
      value: s.votedFor === null ? 'nobody' : serverName(s.votedFor),
      rule: 'F2-S2: persistent, one vote per term',
    },
    {
      label: 'Log',
      value: `${s.log.length} entries${last === undefined ? '' : `, last term ${last.term}`}`,
      rule: 'F2-S3: persistent',
    },
    {
      label: 'commitIndex',
      value: s.crashed ? lost : String(s.commitIndex),
      rule: 'F2-S5: volatile, highest index known committed',
    },
    {
      label: 'lastApplied',
      value: s.crashed ? lost : String(s.lastApplied),
      rule: 'F2-S6: highest index applied to the state machine',
    },
    {
      label: 'Election timer',
      value: electionTimerText(s, now),
      rule: `F2-F2, F2-T1: ${s.electionTimeoutMs} ms drawn from ${lo}–${hi} ms; leaders have none (F2-L8)`,
    },
    {
      label: 'Leader',
      value: s.crashed
        ? lost
        : s.role === 'leader'
          ? 'itself'
          : s.leaderHint === null
            ? 'unknown'
            : serverName(s.leaderHint),
      rule: 'F2-S9: where clients are redirected (C-1)',
    },
  ];
}
