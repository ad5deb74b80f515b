/**
 * Refusal reasons (a bad scenario file, a hostile share link, the simulator refusing) are data,
 * worded in the reader's language: every code in en, es and pt, no placeholder left, and no
 * English word of the old reasons left in a Spanish or Portuguese message.
 */
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { CoreRefusal } from '../../src/core/index.ts';
import { translator } from '../../src/i18n/index.ts';
import { coreRefusalText, refusalText } from '../../src/i18n/refusalText.ts';
import { fnv1a32Bytes, hex8, toBase64Url } from '../../src/scenarios/bytes.ts';
import { decodeLink } from '../../src/scenarios/link.ts';
import type { FieldProblem, Refusal, RefusalCode } from '../../src/scenarios/refusal.ts';
import { parseScenarioText } from '../../src/scenarios/schema.ts';
import { noticeText } from '../../src/services/notice.ts';
import { notice } from '../../src/store/notice.ts';
import { english } from '../scenarios/english.ts';
import { englishIn } from './englishWords.ts';

const LANGS = ['en', 'es', 'pt'] as const;
const got = { kind: 'literal', text: '"x"' } as const;

/** One problem of every kind: the compiler checks that none is missing. */
const PROBLEMS: { [C in FieldProblem['code']]: FieldProblem & { code: C } } = {
  unknownField: { code: 'unknownField' },
  required: { code: 'required' },
  requiredAction: { code: 'requiredAction', known: 'crash, heal' },
  unknownAction: { code: 'unknownAction', got, known: 'crash, heal' },
  number: { code: 'number', got },
  integer: { code: 'integer', got: { kind: 'literal', text: '1.5' } },
  text: { code: 'text', got: { kind: 'list', length: 2 } },
  boolean: { code: 'boolean', got: { kind: 'object' } },
  list: { code: 'list', got: { kind: 'nothing' } },
  object: { code: 'object', got: { kind: 'other', type: 'bigint' } },
  atLeast: { code: 'atLeast', min: 1, got },
  atMost: { code: 'atMost', max: 9, got },
  maxLength: { code: 'maxLength', limit: 200, unit: 'chars', length: 300 },
  minLength: { code: 'minLength', limit: 1, unit: 'items', length: 0 },
  exactItems: { code: 'exactItems', count: 2 },
  untilForm: { code: 'untilForm', got },
  captionForm: { code: 'captionForm', got },
  noForm: { code: 'noForm', got },
  oneOf: { code: 'oneOf', options: '"log" | "lease"', got },
  minAboveMax: { code: 'minAboveMax', pair: '[3, 1]' },
  ratio: { code: 'ratio', pair: '[3, 1]' },
  sameServer: { code: 'sameServer', pair: '[2, 2]' },
  notCommand: { code: 'notCommand', got },
  notLogCommand: { code: 'notLogCommand', got },
  sameBugTwice: { code: 'sameBugTwice' },
  sameServerTwice: { code: 'sameServerTwice' },
  endpointZero: { code: 'endpointZero' },
  newerVersion: { code: 'newerVersion', version: 2, reads: 1 },
  version: { code: 'version', expected: 1, got },
  noServer: { code: 'noServer', server: 7, servers: 3 },
  inTwoGroups: { code: 'inTwoGroups', server: 2 },
  inNoGroup: { code: 'inNoGroup', server: 3 },
  leaseNeedsCheckQuorum: { code: 'leaseNeedsCheckQuorum' },
  followerReadsNeedReadIndex: { code: 'followerReadsNeedReadIndex' },
  termDecreases: { code: 'termDecreases', term: 1, previous: 2 },
  termAboveServer: { code: 'termAboveServer', term: 3, serverTerm: 2 },
  onePerServer: { code: 'onePerServer', servers: 1, length: 2 },
  viewTooFar: { code: 'viewTooFar', steps: 300_001, max: 300_000 },
  invalid: { code: 'invalid' },
};

const field = (problem: FieldProblem): Refusal => ({ code: 'field', path: 'config.x', problem });

/** One refusal of every code. */
const REFUSALS: { [C in RefusalCode]: Refusal & { code: C } } = {
  field: { code: 'field', path: '', problem: { code: 'object', got: { kind: 'list', length: 1 } } },
  textTooLarge: { code: 'textTooLarge', chars: 1_572_864, limit: 1_048_576 },
  malformedJson: { code: 'malformedJson', line: 4, column: 3, problem: 'expectedCommaOrBrace' },
  malformedJsonSomewhere: { code: 'malformedJsonSomewhere' },
  fileTooLarge: { code: 'fileTooLarge', bytes: 5_000_000_000, limit: 1_048_576 },
  fileNotUtf8: { code: 'fileNotUtf8' },
  fileUnreadable: { code: 'fileUnreadable' },
  notALink: { code: 'notALink' },
  noLinkVersion: { code: 'noLinkVersion' },
  newerLink: { code: 'newerLink', version: 9, reads: 1 },
  unknownLinkVersion: { code: 'unknownLinkVersion', version: 0 },
  checksumMissing: { code: 'checksumMissing' },
  checksumIncomplete: { code: 'checksumIncomplete' },
  checksumMalformed: { code: 'checksumMalformed' },
  checksumMismatch: { code: 'checksumMismatch' },
  linkTooLong: { code: 'linkTooLong', chars: 70_012, limit: 65_536 },
  inputTooLong: { code: 'inputTooLong', chars: 140_000 },
  base64Length: { code: 'base64Length' },
  base64Character: { code: 'base64Character', position: 3 },
  unpackedTooLarge: { code: 'unpackedTooLarge', limit: 1_048_576 },
  compressedInvalid: { code: 'compressedInvalid' },
  contentNotUtf8: { code: 'contentNotUtf8' },
  tooLargeForLink: { code: 'tooLargeForLink', chars: 70_000, limit: 65_536 },
  runNotShareable: { code: 'runNotShareable', reason: field(PROBLEMS.atMost) },
};

const CORE: CoreRefusal[] = [
  { code: 'servers', max: 9 },
  { code: 'electionTimeout' },
  { code: 'latency' },
  { code: 'timers' },
  { code: 'snapshotEvery' },
  { code: 'members', servers: 3 },
  { code: 'leaseNeedsCheckQuorum' },
  { code: 'followerReadsNeedReadIndex' },
  { code: 'initialCount', servers: 3 },
  { code: 'actionInPast', at: 1200, now: 4500 },
];

function allRefusals(): Refusal[] {
  return [...Object.values(REFUSALS), ...Object.values(PROBLEMS).map(field)];
}

/** Hostile inputs, as a user might open them: files (text) and links. */
function packed(bytes: Uint8Array): string {
  const data = deflateSync(bytes);
  return `https://lab.invalid/#s=v1.${toBase64Url(data)}.${hex8(fnv1a32Bytes(data))}`;
}
const HOSTILE_TEXT = [
  'x'.repeat(1_048_577),
  '{"a": 1,}',
  "[1, 'x']",
  '{"version": 2}',
  '{"version":1,"title":"t","seed":1,"config":{"servers":1000000},"actions":[]}',
  '{"version":1,"title":"t","seed":1,"config":{},"actions":[{"at":1,"do":"fly"}]}',
  '{"version":1,"title":"t","seed":1,"config":{},"actions":[{"at":1,"do":"request","command":"boom"}]}',
  '{"version":1,"title":"t","seed":1,"config":{"servers":3},"actions":[{"at":1,"do":"partition","groups":[[1],[2]]}]}',
  '{"version":1,"title":"t","seed":1,"config":{"reads":"lease"},"actions":[]}',
  '{"version":1,"title":"t","seed":1,"config":{},"actions":[],"steps":[{"until":{"x":1},"caption":"c"}]}',
];
const HOSTILE_LINKS = [
  'https://lab.invalid/#foo',
  'https://lab.invalid/#s=abc',
  'https://lab.invalid/#s=v2.abc.00000000',
  'https://lab.invalid/#s=v1.abc',
  'https://lab.invalid/#s=v1.abc.0000',
  'https://lab.invalid/#s=v1.abcd.00000000',
  'https://lab.invalid/#s=v1.ab*d.00000000',
  `https://lab.invalid/#s=v1.${'a'.repeat(70_000)}.00000000`,
  packed(new Uint8Array([0xff, 0xfe])),
  packed(new Uint8Array(1_100_000).fill(32)),
  packed(new TextEncoder().encode('{"version":1,"title":5}')),
];

describe('refusal reasons', () => {
  it('word every code and problem in en, es and pt, every placeholder filled', () => {
    for (const refusal of allRefusals()) {
      const [en, es, pt] = LANGS.map((lang) => refusalText(refusal, lang)) as [
        string,
        string,
        string,
      ];
      for (const text of [en, es, pt]) expect(text, JSON.stringify(refusal)).not.toMatch(/[{}]\w/);
      expect(es, en).not.toBe(en);
      expect(pt, en).not.toBe(en);
      expect(englishIn(es), es).toEqual([]);
      expect(englishIn(pt), pt).toEqual([]);
    }
    for (const refusal of CORE) {
      const [en, es, pt] = LANGS.map((lang) => coreRefusalText(refusal, lang)) as [
        string,
        string,
        string,
      ];
      expect(es).not.toBe(en);
      expect(pt).not.toBe(en);
      for (const text of [es, pt]) expect(englishIn(text), text).toEqual([]);
    }
  });

  it('read as expected in each language, numbers in its format', () => {
    const r = REFUSALS.linkTooLong;
    expect(refusalText(r, 'en')).toBe('too long: 70,012 characters (a link holds at most 65,536)');
    expect(refusalText(r, 'es')).toBe(
      'demasiado largo: 70.012 caracteres (un enlace admite como máximo 65.536)',
    );
    expect(refusalText(r, 'pt')).toBe(
      'longo demais: 70.012 caracteres (um link comporta no máximo 65.536)',
    );
    // The CLI's plain English, exactly as before.
    expect(refusalText(r, 'en', { plainNumbers: true })).toBe(
      'too long: 70012 characters (a link holds at most 65536)',
    );
    expect(refusalText(REFUSALS.textTooLarge, 'es')).toBe(
      'demasiado grande: 1,5 MB de texto (un escenario ocupa como máximo 1 MB)',
    );
    expect(refusalText(REFUSALS.field, 'pt')).toBe(
      'cenário: deve ser um objeto (recebido: uma lista de 1)',
    );
    expect(refusalText(field(PROBLEMS.noServer), 'es')).toBe(
      'config.x: el servidor 7 no existe (este escenario tiene 3 servidores)',
    );
    expect(refusalText(REFUSALS.malformedJson, 'pt')).toBe(
      "JSON malformado na linha 4, coluna 3: esperava-se ',' ou '}' depois do valor de uma propriedade",
    );
    expect(coreRefusalText({ code: 'actionInPast', at: 1200, now: 4500 }, 'es')).toBe(
      'una acción en 1,200 s es anterior al instante actual de la ejecución (4,500 s); una acción no puede cambiar el pasado',
    );
    expect(coreRefusalText(null, 'pt')).toBe('o simulador a recusou');
  });

  it('leave no English word in a hostile file or link opened in Spanish or Portuguese', () => {
    const results = [
      ...HOSTILE_TEXT.map((text) => parseScenarioText(text)),
      ...HOSTILE_LINKS.map((link) => decodeLink(link)),
    ];
    const codes = new Set<string>();
    for (const result of results) {
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      codes.add(result.refusal.code);
      const en = english(result);
      // The English list is not empty for these: the check can fire.
      expect(englishIn(en).length, en).toBeGreaterThan(0);
      for (const lang of ['es', 'pt'] as const) {
        for (const code of ['linkRefused', 'fileRefused'] as const) {
          const shown = noticeText(
            { ...notice(code, { file: '“a.json”' }), refusal: result.refusal },
            translator(lang),
            lang,
          );
          expect(englishIn(shown), shown).toEqual([]);
        }
      }
    }
    // Files and links of every kind of trouble: syntax, schema, size, checksum, unpacking.
    expect(codes.size).toBeGreaterThanOrEqual(12);
  });

  it('add the copy hint to a damaged link only, in the reader’s language', () => {
    const damaged = decodeLink('https://lab.invalid/#s=v1.abcd.00000000');
    if (damaged.ok) throw new Error('expected a refusal');
    const text = noticeText(
      { ...notice('linkRefused'), refusal: damaged.refusal },
      translator('pt'),
      'pt',
    );
    expect(text).toBe(
      'Não foi possível abrir o link: danificado: a soma de verificação não confere. O link foi copiado inteiro? Sua execução não mudou.',
    );
    const newer = decodeLink('https://lab.invalid/#s=v2.abc.00000000');
    if (newer.ok) throw new Error('expected a refusal');
    expect(
      noticeText({ ...notice('linkRefused'), refusal: newer.refusal }, translator('es'), 'es'),
    ).not.toContain('¿Se copió');
  });

  it('word the simulator’s refusal in a notice, in the reader’s language', () => {
    const refused = {
      code: 'coreRefused',
      core: { code: 'actionInPast', at: 100, now: 2000 },
    } as const;
    expect(noticeText(refused, translator('en'), 'en')).toBe(
      'The simulator refused that: an action at 0.100 s is before the current time of the run (2.000 s); an action cannot change the past.',
    );
    expect(noticeText(refused, translator('pt'), 'pt')).toBe(
      'O simulador recusou isso: uma ação em 0,100 s é anterior ao instante atual da execução (2,000 s); uma ação não pode mudar o passado.',
    );
    const start = { code: 'startFailed', core: { code: 'servers', max: 9 } } as const;
    expect(noticeText(start, translator('es'), 'es')).toBe(
      'No se pudo iniciar la ejecución: el número de servidores debe ser un entero de 1 a 9',
    );
  });
});
