/**
 * The built-in library must be shareable: every entry is a valid scenario, and it comes back
 * unchanged through a file (scenarioToJson) and through a share link.
 */
import { describe, expect, it } from 'vitest';
import { LIBRARY } from '../../src/scenarios/library/index.ts';
import { decodeLink, encodeLink } from '../../src/scenarios/link.ts';
import { parseScenario, parseScenarioText, scenarioToJson } from '../../src/scenarios/schema.ts';

describe('library scenarios against the schema', () => {
  it.each(LIBRARY.map((entry) => [entry.id, entry] as const))('%s', (_id, entry) => {
    const plain: unknown = JSON.parse(JSON.stringify(entry.scenario));
    const parsed = parseScenario(plain);
    expect(parsed).toEqual({ ok: true, scenario: plain });
    if (!parsed.ok) return;
    expect(parseScenarioText(scenarioToJson(parsed.scenario))).toEqual(parsed);
    expect(decodeLink(encodeLink(parsed.scenario))).toEqual(parsed);
  });
});
