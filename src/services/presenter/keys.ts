/**
 * The presenter's keys, as data: what presentation clickers send (→ / PageDown / Space for next,
 * ← / PageUp for previous, `.` or B to blank the screen, F5 to start the show), plus Home, End,
 * F and ?. In presenter and embed modes they take precedence over the lab's keys; in the normal
 * lab only PageDown / PageUp step a story, so every existing key keeps its meaning.
 */
import type { MessageKey } from '../../i18n/index.ts';
import type { NavCommand } from './stops.ts';

export type ShellMode = 'normal' | 'present' | 'embed';
export type PresenterCommand = NavCommand | 'blank' | 'fullscreen' | 'help';

export interface PresenterKeyDef {
  match: readonly string[];
  /** Key caps for the help overlay. */
  keys: readonly string[];
  command: PresenterCommand;
  description: MessageKey;
  /** Only with a story loaded (otherwise the lab's own key, if any, applies). */
  story: boolean;
}

export const PRESENTER_KEYS: readonly PresenterKeyDef[] = [
  {
    match: ['ArrowRight', ' ', 'PageDown'],
    keys: ['→', 'Space', 'PageDown'],
    command: 'next',
    description: 'key.next',
    story: true,
  },
  {
    match: ['ArrowLeft', 'PageUp'],
    keys: ['←', 'PageUp'],
    command: 'previous',
    description: 'key.previous',
    story: true,
  },
  { match: ['Home'], keys: ['Home'], command: 'restart', description: 'key.restart', story: true },
  { match: ['End'], keys: ['End'], command: 'end', description: 'key.end', story: true },
  {
    match: ['b', 'B', '.'],
    keys: ['B', '.'],
    command: 'blank',
    description: 'key.blank',
    story: false,
  },
  {
    match: ['f', 'F', 'F5'],
    keys: ['F', 'F5'],
    command: 'fullscreen',
    description: 'key.fullscreen',
    story: false,
  },
  { match: ['?'], keys: ['?'], command: 'help', description: 'key.help', story: false },
];

/**
 * In the normal lab these step a story without taking any of the lab's keys. A Map: the key name
 * comes from the keyboard event, and `obj[key]` would find `constructor` or `toString`.
 */
const NORMAL_MODE_KEYS: ReadonlyMap<string, NavCommand> = new Map([
  ['PageDown', 'next'],
  ['PageUp', 'previous'],
]);

export interface KeyContext {
  mode: ShellMode;
  hasStory: boolean;
  helpOpen: boolean;
  blank: boolean;
}

/** The presenter command for a key, or null to leave the key to the lab's shortcuts. */
export function presenterCommand(key: string, ctx: KeyContext): PresenterCommand | null {
  if (ctx.mode === 'normal') return ctx.hasStory ? (NORMAL_MODE_KEYS.get(key) ?? null) : null;
  const def = PRESENTER_KEYS.find((k) => k.match.includes(key));
  // A blanked screen comes back on any presenter key (or Escape) and nothing else happens.
  if (ctx.blank) return def || key === 'Escape' ? 'blank' : null;
  if (!def) return null;
  // While the help is open only its own key works; Escape is the lab's (it closes the help).
  if (ctx.helpOpen) return def.command === 'help' ? 'help' : null;
  if (def.story && !ctx.hasStory) return null;
  return def.command;
}
