/**
 * INV-C2 told in the reader's language (src/views/linearizabilityText.ts): in English it is word
 * for word what the core writes for the command line, and in Spanish and Portuguese it names the
 * same operations, times and values with no English sentence left.
 */
import { describe, expect, it } from 'vitest';
import type { HistoryOp } from '../../src/core/history.ts';
import { violationMessage, type MessageParts } from '../../src/core/linearizabilityExplain.ts';
import { translator } from '../../src/i18n/index.ts';
import { explanationText } from '../../src/views/linearizabilityText.ts';

const op = (o: Partial<HistoryOp> & Pick<HistoryOp, 'client' | 'command'>): HistoryOp => ({
  seq: 1,
  invokeMs: 1_200,
  responseMs: 1_250,
  result: 'ok',
  ...o,
});

const CASES: Record<string, MessageParts> = {
  'cannot follow': {
    key: 'x',
    stuck: op({ client: 3, command: 'get x', result: '1', invokeMs: 1_200, responseMs: 1_250 }),
    last: op({ client: 2, command: 'set x 2', responseMs: 1_100 }),
    value: '2',
    expected: '2',
    others: [
      op({ client: 1, command: 'get x', result: '2' }),
      op({ client: 4, command: 'del x' }),
      op({ client: 5, command: 'incr x', result: '3' }),
      op({ client: 6, command: 'get x', result: '3' }),
    ],
    operations: 7,
    linearized: 5,
  },
  'not first': {
    key: '__proto__',
    stuck: op({ client: 1, command: 'get __proto__', result: '5', responseMs: null }),
    last: null,
    value: null,
    expected: '(nil)',
    others: [],
    operations: 1,
    linearized: 0,
  },
  'no place': {
    key: 'y',
    stuck: op({ client: 0, seq: 4, command: 'set y 1' }),
    last: op({ client: 2, command: 'set y 2', responseMs: null }),
    value: '2',
    expected: 'ok',
    others: [op({ client: 2, command: 'cas y 2 3', result: 'false' })],
    operations: 3,
    linearized: 1,
  },
};

describe('INV-C2 explanation in words', () => {
  it.each(Object.entries(CASES))('%s: English is word for word the core message', (_, parts) => {
    expect(explanationText(parts, translator('en'), 'en')).toBe(violationMessage(parts));
  });

  it.each(Object.entries(CASES))('%s: es and pt name the same things, in their words', (_, p) => {
    for (const lang of ['es', 'pt'] as const) {
      const text = explanationText(p, translator(lang), lang);
      expect(text).not.toMatch(/cannot|No order|answer|never answered|\{/);
      expect(text).toContain(p.stuck.command);
      expect(text).toContain(p.key);
      const follows = p.last !== null && p.stuck.result !== null && p.stuck.result !== p.expected;
      if (follows) expect(text).toContain(p.last?.command);
      if (p.stuck.client > 0) expect(text).toContain(`C${p.stuck.client}`);
    }
  });

  it('names at most three other operations, then how many more', () => {
    const es = explanationText(CASES['cannot follow'] as MessageParts, translator('es'), 'es');
    expect(es).toContain('1 más');
    expect(es).toContain('1200 y 1250 ms');
    expect(es).toMatch(/^El get x → 1 de C3 entre 1200 y 1250 ms no puede ir después de/);
  });
});
