/**
 * A small, strict command-line parser shared by sim, fuzz and bench: known options only, integer
 * values checked against bounds, `--name value` and `--name=value`, `--` ends the options and a
 * lone `-` is a positional (standard input). Pure, so it is tested without a process.
 */

export type OptionSpec =
  | { kind: 'flag' }
  | { kind: 'int'; min: number; max: number; what: string }
  | { kind: 'list'; what: string };

export interface ParsedOptions {
  positionals: string[];
  flags: Set<string>;
  ints: Map<string, number>;
  lists: Map<string, string[]>;
}

export type OptionsResult = { ok: true; options: ParsedOptions } | { ok: false; error: string };

const WHOLE_NUMBER = /^[0-9]{1,16}$/;

/** Quotes a command-line word for an error message (one line, bounded). */
export function shown(word: string): string {
  return JSON.stringify(word.length > 60 ? `${word.slice(0, 60)}…` : word);
}

function parseInt(name: string, raw: string, spec: { min: number; max: number; what: string }) {
  const value = Number(raw);
  if (!WHOLE_NUMBER.test(raw) || value < spec.min || value > spec.max) {
    return {
      ok: false as const,
      error: `--${name}: must be ${spec.what} from ${spec.min} to ${spec.max} (got ${shown(raw)})`,
    };
  }
  return { ok: true as const, value };
}

type Store = { ok: true } | { ok: false; error: string };

function store(out: ParsedOptions, name: string, spec: OptionSpec, raw: string): Store {
  if (spec.kind === 'list') {
    out.lists.set(name, [...(out.lists.get(name) ?? []), raw]);
    return { ok: true };
  }
  if (spec.kind !== 'int') return { ok: true };
  if (out.ints.has(name)) return { ok: false, error: `--${name} given twice` };
  const parsed = parseInt(name, raw, spec);
  if (!parsed.ok) return parsed;
  out.ints.set(name, parsed.value);
  return { ok: true };
}

export function parseOptions(
  argv: readonly string[],
  specs: Record<string, OptionSpec>,
): OptionsResult {
  const out: ParsedOptions = {
    positionals: [],
    flags: new Set(),
    ints: new Map(),
    lists: new Map(),
  };
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i] ?? '';
    if (word === '--') {
      out.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!word.startsWith('-') || word === '-') {
      out.positionals.push(word);
      continue;
    }
    const eq = word.indexOf('=');
    const written = (eq === -1 ? word : word.slice(0, eq)).replace(/^--?/, '');
    // -h is the one short option: the usual spelling of --help.
    const name = written === 'h' && word.startsWith('-h') ? 'help' : written;
    const spec = Object.hasOwn(specs, name) ? specs[name] : undefined;
    if (spec === undefined || (!word.startsWith('--') && name !== 'help')) {
      return { ok: false, error: `unknown option ${shown(word)} (see --help)` };
    }
    if (spec.kind === 'flag') {
      if (eq !== -1) return { ok: false, error: `--${name} takes no value` };
      out.flags.add(name);
      continue;
    }
    const raw = eq !== -1 ? word.slice(eq + 1) : argv[++i];
    if (raw === undefined) return { ok: false, error: `--${name} needs a value` };
    const stored = store(out, name, spec, raw);
    if (!stored.ok) return stored;
  }
  return { ok: true, options: out };
}
