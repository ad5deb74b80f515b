/**
 * The pure layers (src/core, src/scenarios) never touch the wall clock, timers, Math.random, the
 * DOM or UI libraries (the design). ESLint enforces it while editing; this test enforces it in CI
 * even if the lint configuration were loosened.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BANNED: [RegExp, string][] = [
  [/\bDate\b/, 'Date'],
  [/\bMath\.random\b/, 'Math.random'],
  [
    /\bMath\.(sin|cos|tan|exp|log|pow|atan2|asin|acos|atan|sinh|cosh|tanh|cbrt|hypot|expm1|log1p|log2|log10)\b/,
    'transcendental Math',
  ],
  [/\b(setTimeout|setInterval|setImmediate|requestAnimationFrame|queueMicrotask)\b/, 'timers'],
  [/\bperformance\b/, 'performance'],
  [/\b(window|document|navigator|localStorage)\b/, 'the DOM'],
  [/\bprocess\./, 'process'],
  [/from ['"](react|react-dom|zustand|d3|d3-selection)(\/[^'"]*)?['"]/, 'UI libraries'],
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** Removes comments and string contents so that prose like "no Date here" does not count. */
function codeOnly(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '')
    .replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g, (m) =>
      m.startsWith("'") || m.startsWith('"') ? m.replace(/[^'"]/g, '') : '``',
    );
}

describe('purity of the deterministic layers', () => {
  const files = ['src/core', 'src/scenarios'].flatMap(sourceFiles);

  it('finds the core sources', () => {
    expect(files.some((f) => f.endsWith('raft.ts'))).toBe(true);
  });

  for (const file of files) {
    it(`${file} uses nothing nondeterministic`, () => {
      const text = readFileSync(file, 'utf8');
      const imports = text.match(/^import[\s\S]*?from\s+['"][^'"]+['"];?$/gm) ?? [];
      const code = codeOnly(text);
      const found = BANNED.filter(([re]) => re.test(code) || imports.some((i) => re.test(i)));
      expect(found.map(([, what]) => what)).toEqual([]);
    });
  }

  it('the check itself catches a banned call', () => {
    const sample = codeOnly(
      "const t = Date.now(); // Date in a comment is fine\nconst s = 'Date';",
    );
    expect(BANNED.filter(([re]) => re.test(sample)).map(([, w]) => w)).toEqual(['Date']);
  });
});
