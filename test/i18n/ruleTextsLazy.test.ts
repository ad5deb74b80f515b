/**
 * The rules' words in the served browser build (ruleTextsLazy.ts): nothing until the catalogue is
 * asked for, then the same words as the catalogue itself, with every view that listens told once.
 */
import { describe, expect, it } from 'vitest';
import { ruleText } from '../../src/i18n/ruleCatalogue.ts';
import { RULE_IDS } from '../../src/i18n/rules.ts';
import { loadedRuleText, loadRuleTexts, onRuleTexts } from '../../src/i18n/ruleTextsLazy.ts';
import * as eager from '../../src/i18n/ruleTexts.ts';

describe('the rules’ words loaded on demand', () => {
  it('answers null before the catalogue is loaded, then exactly the catalogue’s words', async () => {
    expect(loadedRuleText('F2-AE4', 'en')).toBeNull();
    const calls: string[] = [];
    const stop = onRuleTexts(() => calls.push('kept'));
    onRuleTexts(() => calls.push('dropped'))();
    const first = loadRuleTexts();
    expect(loadRuleTexts()).toBe(first); // one download, however many views ask
    await first;
    expect(calls).toEqual(['kept']);
    stop();
    for (const lang of ['en', 'es', 'pt'] as const) {
      for (const id of RULE_IDS) expect(loadedRuleText(id, lang)).toEqual(ruleText(id, lang));
    }
    await loadRuleTexts();
    expect(calls).toEqual(['kept']);
    // Once the words are here nothing changes any more: a view subscribing then (every chip a
    // fast feed mounts) is handed the same do-nothing unsubscribe, and no listener is kept.
    const late = onRuleTexts(() => calls.push('late'));
    expect(onRuleTexts(() => calls.push('later'))).toBe(late);
    late();
    expect(calls).toEqual(['kept']);
  });

  it('is always there in Node and the offline file (ruleTexts.ts)', async () => {
    expect(eager.loadedRuleText('F2-AE4', 'es')).toEqual(ruleText('F2-AE4', 'es'));
    await expect(eager.loadRuleTexts()).resolves.toBeUndefined();
  });
});
