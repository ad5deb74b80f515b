/**
 * `npm run sim` with keys named like Object.prototype members (issue 7): the summary lists them
 * like any key, and `--json` carries them as own fields that parse back.
 */
import { describe, expect, it } from 'vitest';
import { formatSummary } from '../../src/cli/summary.ts';
import {
  END_MS,
  expectedKv,
  prototypeKeyScenario,
  resultAt,
  rowsOf,
} from '../scenarios/prototypeKeys.ts';

describe('sim summary with Object.prototype names as keys', () => {
  const scenario = prototypeKeyScenario();
  const result = resultAt(scenario, END_MS);

  it('lists __proto__ like any key', () => {
    const text = formatSummary(scenario, result);
    expect(text).toContain(
      'kv /registry/pods/default/web-1=node-2 __defineGetter__=v-0 __defineSetter__=v-1 __lookupGetter__=v-2 __lookupSetter__=v-3 __proto__=v-4 …+7',
    );
  });

  it('keeps them as own fields in the JSON output', () => {
    const parsed = JSON.parse(JSON.stringify(result)) as typeof result;
    for (const s of parsed.servers) expect(rowsOf(s.kv)).toEqual(rowsOf(expectedKv()));
  });
});
