import { deflateSync, Deflate } from 'fflate';
import { describe, expect, it } from 'vitest';
import { fnv1a32Bytes, hex8, toBase64Url } from '../../src/scenarios/bytes.ts';
import { decodeLink, encodeLink, inflateCapped } from '../../src/scenarios/link.ts';
import { parseScenario } from '../../src/scenarios/schema.ts';
import type { Scenario } from '../../src/scenarios/schema.ts';
import { fullScenario, withValue } from './fixtures.ts';
import { english, englishOf } from './english.ts';

function scenarioOf(input: unknown): Scenario {
  const result = parseScenario(input);
  if (!result.ok) throw new Error(english(result));
  return result.scenario;
}

/** A well-formed link around any compressed bytes, with a correct checksum. */
function linkAround(packed: Uint8Array, version = 'v1'): string {
  return `https://raftlab.invalid/#s=${version}.${toBase64Url(packed)}.${hex8(fnv1a32Bytes(packed))}`;
}

function linkOfText(text: string): string {
  return linkAround(deflateSync(new TextEncoder().encode(text)));
}

function errorOf(link: string): string {
  const result = decodeLink(link);
  if (result.ok) throw new Error('expected the link to be rejected');
  return english(result);
}

const scenario = scenarioOf(fullScenario());

describe('encodeLink / decodeLink', () => {
  it('round-trips a scenario', () => {
    const link = encodeLink(scenario);
    expect(link).toMatch(/^https:\/\/raftlab\.invalid\/#s=v1\.[A-Za-z0-9_-]+\.[0-9a-f]{8}$/);
    expect(decodeLink(link)).toEqual({ ok: true, scenario });
  });

  it('is deterministic and replaces a fragment already on the base', () => {
    const link = encodeLink(scenario, 'https://example.org/lab?embed=1#old');
    expect(link.startsWith('https://example.org/lab?embed=1#s=v1.')).toBe(true);
    expect(encodeLink(scenario, 'https://example.org/lab?embed=1')).toBe(link);
  });

  it('reads a bare fragment, s=..., the payload alone, and other fragment parameters', () => {
    const payload = encodeLink(scenario).split('#s=')[1] ?? '';
    for (const form of [
      `#s=${payload}`,
      `s=${payload}`,
      payload,
      `#step=3&s=${payload}`,
      `  ${payload}\n`,
    ]) {
      expect(decodeLink(form)).toEqual({ ok: true, scenario });
    }
  });

  it('keeps HTML in titles and captions as plain text', () => {
    const hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    const s = scenarioOf({
      ...withValue(['title'], hostile),
      steps: [{ until: { afterMs: 10 }, caption: { en: hostile } }],
    });
    const decoded = decodeLink(encodeLink(s));
    expect(decoded.ok && decoded.scenario.title).toBe(hostile);
    expect(decoded.ok && decoded.scenario.steps).toEqual([
      { until: { afterMs: 10 }, caption: { en: hostile } },
    ]);
  });

  it('refuses to encode a scenario too large for a link', () => {
    const actions = Array.from({ length: 10_000 }, (_, i) => ({
      at: i * 7,
      do: 'request',
      command: `set k${(i * 7919) % 10_007} v${(i * 104_729) % 99_991}`,
    }));
    const big = scenarioOf({ version: 1, title: 'big', seed: 1, config: {}, actions });
    expect(() => encodeLink(big)).toThrow(/too large for a link/);
  });
});

describe('decodeLink rejects damaged links with one clear line', () => {
  const link = encodeLink(scenario);

  it('at every truncation point', () => {
    const start = link.indexOf('#s=') + 3;
    for (let end = start; end < link.length; end++) {
      const result = decodeLink(link.slice(0, end));
      expect(result.ok, `cut at ${end}`).toBe(false);
      if (!result.ok) expect(english(result)).toMatch(/^(truncated|not a Raft Lab link|damaged)/);
    }
    expect(errorOf(link.slice(0, link.length - 9))).toBe(
      'truncated: the checksum at the end of the link is missing',
    );
    expect(errorOf(link.slice(0, link.length - 3))).toBe(
      'truncated: the checksum at the end of the link is incomplete',
    );
  });

  it('when a character of the data is changed', () => {
    const i = link.indexOf('#s=v1.') + 20;
    const flipped = link.slice(0, i) + (link[i] === 'A' ? 'B' : 'A') + link.slice(i + 1);
    expect(errorOf(flipped)).toBe('damaged: checksum mismatch');
  });

  it('when the checksum is wrong', () => {
    const wrong = link.slice(0, -8) + (link.endsWith('00000000') ? '00000001' : '00000000');
    expect(errorOf(wrong)).toBe('damaged: checksum mismatch');
    expect(errorOf(`${link.slice(0, -8)}ZZZZZZZZ`)).toBe(
      'damaged: the checksum at the end of the link must be 8 hex digits',
    );
  });

  it('when the data is not base64url', () => {
    const bad = link.replace('#s=v1.', '#s=v1.ab+/');
    expect(errorOf(bad)).toBe('damaged: character 3 of the data is not base64url');
  });

  it('when it comes from a newer or unknown version', () => {
    expect(errorOf(link.replace('#s=v1.', '#s=v7.'))).toBe(
      'made by a newer Raft Lab (v7); this version reads v1',
    );
    expect(errorOf(link.replace('#s=v1.', '#s=v0.'))).toBe('unknown link version v0');
    expect(errorOf(link.replace('#s=v1.', '#s=x1.'))).toMatch(/^not a Raft Lab link/);
    expect(errorOf('https://raftlab.invalid/#about')).toBe(
      'not a Raft Lab link: it has no "#s=" part',
    );
  });

  it('when the compressed data is invalid, with a correct checksum', () => {
    expect(errorOf(linkAround(new Uint8Array([0xff, 0xff, 0xff, 0xff])))).toBe(
      'damaged: the compressed data is invalid or incomplete',
    );
    const packed = deflateSync(new TextEncoder().encode(JSON.stringify(fullScenario())));
    expect(errorOf(linkAround(packed.subarray(0, packed.length - 10)))).toBe(
      'damaged: the compressed data is invalid or incomplete',
    );
  });

  it('when the content is not UTF-8', () => {
    expect(errorOf(linkAround(deflateSync(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]))))).toBe(
      'damaged: the content is not UTF-8 text',
    );
  });

  it('when the payload is longer than 64 KB', () => {
    expect(errorOf(`#s=v1.${'A'.repeat(70_000)}.00000000`)).toBe(
      'too long: 70012 characters (a link holds at most 65536)',
    );
  });
});

describe('decodeLink bounds what it unpacks', () => {
  it('stops a decompression bomb at 1 MB', () => {
    // 40 MB of JSON whitespace compresses to about 55 KB of payload.
    const bomb = new Uint8Array(40 * 1_048_576).fill(0x20);
    const packed = deflateSync(bomb, { level: 9 });
    expect(toBase64Url(packed).length).toBeLessThan(65_536);
    expect(errorOf(linkAround(packed))).toBe('too large when unpacked (over 1 MB)');
  });

  it('never returns more than the cap from inflateCapped', () => {
    const packed = deflateSync(new Uint8Array(5_000));
    expect(englishOf(inflateCapped(packed, 4_999))).toBe(
      'too large when unpacked (over 4999 bytes)',
    );
    const exact = inflateCapped(packed, 5_000);
    expect(exact.ok && exact.value.length).toBe(5_000);
  });

  it('rejects 10^7 actions without unpacking them all', () => {
    const deflate = new Deflate({ level: 1 });
    const chunks: Uint8Array[] = [];
    deflate.ondata = (chunk) => chunks.push(chunk);
    const head = '{"version":1,"title":"t","seed":1,"config":{},"actions":[';
    deflate.push(new TextEncoder().encode(head));
    const block = new TextEncoder().encode('{"at":0,"do":"heal"},'.repeat(100_000));
    for (let i = 0; i < 100; i++) deflate.push(block);
    deflate.push(new TextEncoder().encode('{"at":0,"do":"heal"}]}'), true);
    const packed = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    chunks.reduce((offset, c) => (packed.set(c, offset), offset + c.length), 0);
    expect(errorOf(linkAround(packed))).toMatch(/^too long: \d+ characters/);
  });

  it('validates the unpacked scenario like a file', () => {
    const cases: [unknown, string][] = [
      [withValue(['config', 'servers'], 1e9), 'config.servers: must be at most 9 (got 1000000000)'],
      [withValue(['actions', 0, 'at'], -1), 'actions[0].at: must be at least 0 (got -1)'],
      [withValue(['actions', 0, 'server'], 99), 'actions[0].server: must be at most 9 (got 99)'],
      [withValue(['seed'], 1e300), 'seed: must be at most 4294967295 (got 1e+300)'],
      [withValue(['version'], 2), 'version: made by a newer Raft Lab (v2); this version reads v1'],
      [
        withValue(
          ['actions'],
          Array.from({ length: 10_001 }, () => ({ at: 0, do: 'heal' })),
        ),
        'actions: must have at most 10000 items (got 10001)',
      ],
    ];
    for (const [content, message] of cases)
      expect(errorOf(linkOfText(JSON.stringify(content)))).toBe(message);
    expect(errorOf(linkOfText('{"version": 1,'))).toMatch(/^malformed JSON at line 1, column 15/);
  });
});
