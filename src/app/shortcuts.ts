/**
 * The keyboard shortcuts, as data: the help overlay lists exactly what the handler does.
 * RaftScope's keys (Space, C, R, T, A) keep their meaning so its users feel at home.
 */
import type { LabState } from '../store/types.ts';

export interface ShortcutDef {
  /** `KeyboardEvent.key` values that trigger it. */
  match: readonly string[];
  /** Key caps shown in the help overlay. */
  keys: readonly string[];
  description: string;
  run: (s: LabState) => void;
}

export const SHORTCUTS: readonly ShortcutDef[] = [
  { match: [' ', '.'], keys: ['Space', '.'], description: 'Play / pause', run: (s) => s.toggle() },
  {
    match: ['ArrowRight'],
    keys: ['→'],
    description: 'Step forward one event',
    run: (s) => s.stepForward(),
  },
  {
    match: ['ArrowLeft'],
    keys: ['←'],
    description: 'Step back one event',
    run: (s) => s.stepBack(),
  },
  {
    match: ['Home'],
    keys: ['Home'],
    description: 'Go to the start of the run',
    run: (s) => s.seek(0),
  },
  {
    match: ['End'],
    keys: ['End'],
    description: 'Go to the end of the timeline',
    run: (s) => s.seek(s.endTime),
  },
  {
    match: ['c', 'C'],
    keys: ['C'],
    description: 'Client request to the leader (F2-L2, C-1)',
    run: (s) => s.request(),
  },
  {
    match: ['r', 'R'],
    keys: ['R'],
    description: 'Restart the leader: it crashes and comes back as a follower (F2-S4)',
    run: (s) => s.restartLeader(),
  },
  {
    match: ['t', 'T'],
    keys: ['T'],
    description: 'Spread the election timers apart, so the next election is clean (F2-T1)',
    run: (s) => s.spreadTimers(),
  },
  {
    match: ['a', 'A'],
    keys: ['A'],
    description: 'Align the election timers: every live server times out at once (split vote)',
    run: (s) => s.alignTimers(),
  },
  {
    match: ['b', 'B'],
    keys: ['B'],
    description: 'Bring back (restart) every crashed server',
    run: (s) => s.restartAllCrashed(),
  },
  {
    match: ['p', 'P'],
    keys: ['P'],
    description: 'Partition mode: pick groups of servers, then Apply',
    run: (s) => (s.partitionDraft ? s.applyPartition() : s.startPartition()),
  },
  {
    match: ['h', 'H'],
    keys: ['H'],
    description: 'Heal every partition and cut link',
    run: (s) => s.heal(),
  },
  {
    match: ['?'],
    keys: ['?'],
    description: 'Show or hide this help',
    run: (s) => s.setHelpOpen(!s.helpOpen),
  },
  {
    match: ['Escape'],
    keys: ['Esc'],
    description: 'Close help, leave partition mode, clear the selection',
    run: (s) => {
      if (s.helpOpen) s.setHelpOpen(false);
      else if (s.partitionDraft) s.cancelPartition();
      else s.select(null);
    },
  },
];

/** The shortcut for a key, if any. */
export function shortcutFor(key: string): ShortcutDef | undefined {
  return SHORTCUTS.find((s) => s.match.includes(key));
}
