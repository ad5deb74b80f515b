/**
 * README.md points only inside the repository: every link and every path it names in code spans
 * exists here, and it names no file that lives outside (no `../`, no notes kept elsewhere).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const README = readFileSync(resolve(ROOT, 'README.md'), 'utf8');

/** Markdown link targets, `[text](target)` and `![alt](target)`, outside code blocks. */
export function linkTargets(markdown: string): string[] {
  const prose = markdown.replace(/```[\s\S]*?```/g, '');
  return [...prose.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1] ?? '');
}

/** Code spans that name a file or folder of the repository (`src/…`, `public/…`, `test/…`). */
export function repoPaths(markdown: string): string[] {
  return [...markdown.matchAll(/`((?:src|test|public|scripts)\/[^`\s]*)`/g)].map((m) => m[1] ?? '');
}

/** Problems of one README: links or paths that leave the repository or do not exist in it. */
export function outsideReferences(markdown: string, exists: (path: string) => boolean): string[] {
  const problems: string[] = [];
  for (const target of linkTargets(markdown)) {
    if (target.startsWith('#')) continue;
    if (/^[a-z]+:/i.test(target) || target.startsWith('/') || target.includes('..'))
      problems.push(`link outside the repository: ${target}`);
    else if (!exists(target.split('#')[0] ?? ''))
      problems.push(`link to a missing file: ${target}`);
  }
  for (const path of repoPaths(markdown)) {
    if (path.includes('..') || !exists(path)) problems.push(`missing path: ${path}`);
  }
  for (const m of markdown.matchAll(/\.\.\/|\/work\/|\bRAFT\.md\b|\bDESIGN\.md\b/g))
    problems.push(`names something outside the repository: ${m[0]}`);
  return problems;
}

describe('README.md', () => {
  it('links to nothing outside the repository and names only paths that exist here', () => {
    const exists = (path: string): boolean => existsSync(resolve(ROOT, path));
    expect(outsideReferences(README, exists)).toEqual([]);
    expect(linkTargets(README)).toContain('public/screenshot.png');
  });

  it('catches links, paths and notes that leave the repository', () => {
    const exists = (path: string): boolean => path === 'public/screenshot.png';
    const bad = [
      '[rules](../shared/RAFT.md)',
      '[site](https://example.com/x)',
      '![x](/etc/passwd)',
      '[gone](docs/missing.md)',
      'see `src/nowhere.ts` and DESIGN.md',
      '![ok](public/screenshot.png) [top](#keyboard)',
    ].join('\n');
    expect(outsideReferences(bad, exists)).toEqual([
      'link outside the repository: ../shared/RAFT.md',
      'link outside the repository: https://example.com/x',
      'link outside the repository: /etc/passwd',
      'link to a missing file: docs/missing.md',
      'missing path: src/nowhere.ts',
      'names something outside the repository: ../',
      'names something outside the repository: RAFT.md',
      'names something outside the repository: DESIGN.md',
    ]);
  });
});
