/**
 * A refusal (src/scenarios/refusal.ts: a bad file or link; src/core/refusal.ts: the simulator
 * refusing a setup or an action) in words, in the reader's language, from the catalogue
 * (refusals.ts). The app shows counts and sizes in the reader's number format; the CLI asks for
 * `plainNumbers`, so its English lines stay exactly as they always were.
 */
import type { CoreRefusal } from '../core/refusal.ts';
import type { FieldProblem, Got, Refusal } from '../scenarios/refusal.ts';
import type { Language } from '../scenarios/steps.ts';
import { translate, type MessageKey, type Params } from './index.ts';
import { formatCount, formatDecimal } from './numbers.ts';
import { formatTime } from './time.ts';

export interface RefusalOptions {
  /** Numbers as plain digits ("65536", "1.0 MB"): the CLI's unchanged English. */
  plainNumbers?: boolean;
}

const MB = 1_048_576;

interface Words {
  t: (key: MessageKey, params?: Params) => string;
  count: (n: number) => string;
  decimal: (n: number, digits: number) => string;
}

function words(lang: Language, options: RefusalOptions): Words {
  const plain = options.plainNumbers === true;
  return {
    t: (key, params) => translate(lang, key, params),
    count: (n) => (plain ? String(n) : formatCount(n, lang)),
    decimal: (n, digits) => (plain ? n.toFixed(digits) : formatDecimal(n, digits, lang)),
  };
}

function got(w: Words, value: Got): string {
  switch (value.kind) {
    case 'literal':
      return value.text;
    case 'nothing':
      return w.t('refusal.got.nothing');
    case 'list':
      return w.t('refusal.got.list', { n: value.length });
    case 'object':
      return w.t('refusal.got.object');
    case 'other':
      return value.type;
  }
}

function servers(w: Words, n: number): string {
  return n === 1 ? w.t('refusal.servers.one') : w.t('refusal.servers.many', { n });
}

/** A size in bytes as MB (one decimal), KB (one decimal) or bytes. */
function size(w: Words, bytes: number): string {
  if (bytes >= MB) return w.t('refusal.size.mb', { n: w.decimal(bytes / MB, 1) });
  if (bytes >= 1024) return w.t('refusal.size.kb', { n: w.decimal(bytes / 1024, 1) });
  return w.t('refusal.size.bytes', { n: w.count(bytes) });
}

/** A limit in bytes: whole megabytes as such ("1 MB"), anything else in bytes. */
function limitSize(w: Words, bytes: number): string {
  return bytes % MB === 0
    ? w.t('refusal.size.mb', { n: w.count(bytes / MB) })
    : w.t('refusal.size.bytes', { n: w.count(bytes) });
}

function problemText(w: Words, p: FieldProblem): string {
  const key = `refusal.problem.${p.code}` as MessageKey;
  switch (p.code) {
    case 'unknownAction':
      return w.t(key, { got: got(w, p.got), known: p.known });
    case 'number':
    case 'integer':
    case 'text':
    case 'boolean':
    case 'list':
    case 'object':
    case 'untilForm':
    case 'captionForm':
    case 'noForm':
      return w.t(key, { got: got(w, p.got) });
    case 'atLeast':
      return w.t(key, { min: p.min, got: got(w, p.got) });
    case 'atMost':
      return w.t(key, { max: p.max, got: got(w, p.got) });
    case 'maxLength':
    case 'minLength':
      return w.t(key, {
        limit: p.limit,
        unit: w.t(p.unit === 'chars' ? 'refusal.unit.chars' : 'refusal.unit.items'),
        length: p.length,
      });
    case 'oneOf':
      return w.t(key, { options: p.options, got: got(w, p.got) });
    case 'notCommand':
    case 'notLogCommand':
      return w.t(key, { got: got(w, p.got), grammar: w.t('refusal.grammar') });
    case 'version':
      return w.t(key, { expected: p.expected, got: got(w, p.got) });
    case 'noServer':
      return w.t(key, { server: p.server, count: servers(w, p.servers) });
    case 'onePerServer':
      return w.t(key, { count: servers(w, p.servers), length: p.length });
    case 'viewTooFar':
      return w.t(key, { steps: w.count(p.steps), max: w.count(p.max) });
    default: {
      // The rest carry only plain parameters (numbers, a list as written), or none.
      const { code: _code, ...params } = p;
      return w.t(key, params as Params);
    }
  }
}

function text(w: Words, r: Refusal): string {
  switch (r.code) {
    case 'field': {
      const path = r.path === '' ? w.t('refusal.path.scenario') : r.path;
      return w.t('refusal.field', { path, problem: problemText(w, r.problem) });
    }
    case 'textTooLarge':
      return w.t('refusal.textTooLarge', {
        size: w.t('refusal.size.mb', { n: w.decimal(r.chars / MB, 1) }),
        limit: limitSize(w, r.limit),
      });
    case 'malformedJson':
      return w.t('refusal.malformedJson', {
        line: r.line,
        column: r.column,
        problem: w.t(`refusal.json.${r.problem}`),
      });
    case 'fileTooLarge':
      return w.t('refusal.fileTooLarge', { size: size(w, r.bytes), limit: limitSize(w, r.limit) });
    case 'linkTooLong':
    case 'tooLargeForLink':
      return w.t(`refusal.${r.code}`, { chars: w.count(r.chars), limit: w.count(r.limit) });
    case 'inputTooLong':
      return w.t('refusal.inputTooLong', { chars: w.count(r.chars) });
    case 'unpackedTooLarge':
      return w.t('refusal.unpackedTooLarge', { size: limitSize(w, r.limit) });
    case 'runNotShareable':
      return w.t('refusal.runNotShareable', { reason: text(w, r.reason) });
    default: {
      const { code, ...params } = r;
      return w.t(`refusal.${code}`, params as Params);
    }
  }
}

/** Why a file or a link was refused, in `lang`: `config.servers: must be at most 9 (got 12)`. */
export function refusalText(
  refusal: Refusal,
  lang: Language,
  options: RefusalOptions = {},
): string {
  return text(words(lang, options), refusal);
}

/** Why the simulator refused a setup or an action, in `lang`. */
export function coreRefusalText(refusal: CoreRefusal | null, lang: Language): string {
  const w = words(lang, {});
  if (refusal === null) return w.t('refusal.core.unknown');
  switch (refusal.code) {
    case 'actionInPast':
      return w.t('refusal.core.actionInPast', {
        at: formatTime(refusal.at, lang),
        now: formatTime(refusal.now, lang),
      });
    default: {
      const { code, ...params } = refusal;
      return w.t(`refusal.core.${code}`, params as Params);
    }
  }
}
