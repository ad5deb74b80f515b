/**
 * The rule IDs a sentence cites, taken out of its words (the client panel's answers, and the event
 * feed's lines through eventRules.ts), so each can be drawn as a chip that links to its rule.
 */
import { parseRuleId, type RuleId } from '../../i18n/rules.ts';

/** True for a token of a parenthesis that is only a rule ID. */
const onlyId = (token: string): boolean => parseRuleId(token) === token;

/**
 * A sentence without the rule IDs it cites in parentheses, and those IDs in order: "(F2-A2)" goes,
 * "(follower read, C-4)" becomes "(follower read)". IDs outside parentheses stay in the words
 * (a command such as `set C-1 x` is never taken for a rule).
 */
export function splitRuleIds(sentence: string): { text: string; rules: RuleId[] } {
  const rules: RuleId[] = [];
  const text = sentence.replace(/ ?\(([^()]*)\)/g, (whole, inner: string) => {
    const parts = inner.split(/,\s*/);
    const ids = parts.filter(onlyId);
    if (ids.length === 0) return whole;
    for (const id of ids) rules.push(id as RuleId);
    const rest = parts.filter((p) => !onlyId(p));
    return rest.length === 0 ? '' : `${whole.startsWith(' ') ? ' ' : ''}(${rest.join(', ')})`;
  });
  return { text, rules: [...new Set(rules)] };
}
