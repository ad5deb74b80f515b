/**
 * The keyboard shortcuts, as data: the help overlay lists exactly what the handler does.
 * RaftScope's keys (Space, C, R, T, A) keep their meaning so its users feel at home.
 */
import type { LabState } from '../store/types.ts';
import type { MessageKey } from '../i18n/index.ts';
import { rulesPanel } from './rulesPanel.ts';

export interface ShortcutDef {
  /** `KeyboardEvent.key` values that trigger it. */
  match: readonly string[];
  /** Key caps shown in the help overlay. */
  keys: readonly string[];
  /** What it does, as a key of the app's strings (i18n/lab.ts): English, Spanish, Portuguese. */
  description: MessageKey;
  run: (s: LabState) => void;
}

export const SHORTCUTS: readonly ShortcutDef[] = [
  {
    match: [' ', '.'],
    keys: ['Space', '.'],
    description: 'shortcut.playPause',
    run: (s) => s.toggle(),
  },
  {
    match: ['ArrowRight'],
    keys: ['→'],
    description: 'shortcut.stepForward',
    run: (s) => s.stepForward(),
  },
  {
    match: ['ArrowLeft'],
    keys: ['←'],
    description: 'shortcut.stepBack',
    run: (s) => s.stepBack(),
  },
  {
    match: ['Home'],
    keys: ['Home'],
    description: 'shortcut.start',
    run: (s) => s.seek(0),
  },
  {
    match: ['End'],
    keys: ['End'],
    description: 'shortcut.end',
    run: (s) => s.seek(s.endTime),
  },
  {
    match: ['c', 'C'],
    keys: ['C'],
    description: 'shortcut.request',
    run: (s) => s.request(),
  },
  {
    match: ['r', 'R'],
    keys: ['R'],
    description: 'shortcut.restartLeader',
    run: (s) => s.restartLeader(),
  },
  {
    match: ['t', 'T'],
    keys: ['T'],
    description: 'shortcut.spread',
    run: (s) => s.spreadTimers(),
  },
  {
    match: ['a', 'A'],
    keys: ['A'],
    description: 'shortcut.align',
    run: (s) => s.alignTimers(),
  },
  {
    match: ['b', 'B'],
    keys: ['B'],
    description: 'shortcut.restartCrashed',
    run: (s) => s.restartAllCrashed(),
  },
  {
    match: ['p', 'P'],
    keys: ['P'],
    description: 'shortcut.partition',
    run: (s) => (s.partitionDraft ? s.applyPartition() : s.startPartition()),
  },
  {
    match: ['h', 'H'],
    keys: ['H'],
    description: 'shortcut.heal',
    run: (s) => s.heal(),
  },
  {
    match: ['g', 'G'],
    keys: ['G'],
    description: 'shortcut.rules',
    run: () => rulesPanel.getState().toggle(),
  },
  {
    match: ['d', 'D'],
    keys: ['D'],
    description: 'shortcut.spaceTime',
    run: (s) => s.setLogsView(s.logsView === 'spacetime' ? 'logs' : 'spacetime'),
  },
  {
    match: ['?'],
    keys: ['?'],
    description: 'shortcut.help',
    run: (s) => s.setHelpOpen(!s.helpOpen),
  },
  {
    match: ['Escape'],
    keys: ['Esc'],
    description: 'shortcut.escape',
    run: (s) => {
      if (rulesPanel.getState().open) rulesPanel.getState().close();
      else if (s.helpOpen) s.setHelpOpen(false);
      else if (s.partitionDraft) s.cancelPartition();
      else s.select(null);
    },
  },
];

/** The shortcut for a key, if any. */
export function shortcutFor(key: string): ShortcutDef | undefined {
  return SHORTCUTS.find((s) => s.match.includes(key));
}
