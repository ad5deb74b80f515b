/**
 * Caption markup: a tiny parser to React elements, never HTML. Hostile captions (from a link or
 * a file) come out as escaped text.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { MARKUP_MAX_CHARS, parseMarkup, plainText } from '../../../src/views/presenter/markup.ts';
import { glueRules, Markup, splitRuleIds } from '../../../src/views/presenter/Markup.tsx';

const html = (text: string): string => renderToStaticMarkup(<Markup text={text} />);

describe('parseMarkup', () => {
  it('reads bold, emphasis, code and line breaks', () => {
    expect(parseMarkup('a **b** *c* `d` e\nf')).toEqual([
      { kind: 'text', text: 'a ' },
      { kind: 'strong', text: 'b' },
      { kind: 'text', text: ' ' },
      { kind: 'em', text: 'c' },
      { kind: 'text', text: ' ' },
      { kind: 'code', text: 'd' },
      { kind: 'text', text: ' e' },
      { kind: 'break' },
      { kind: 'text', text: 'f' },
    ]);
  });

  it('keeps markers inside code as they are', () => {
    expect(parseMarkup('`set **x** 1`')).toEqual([{ kind: 'code', text: 'set **x** 1' }]);
  });

  it('leaves stray or spaced markers alone', () => {
    for (const text of ['2 * 3 * 4', '** not bold **', 'a * b', 'unclosed **bold', '`', '*']) {
      expect(parseMarkup(text)).toEqual([{ kind: 'text', text }]);
    }
  });

  it('gives plain text for titles', () => {
    expect(plainText('**No**: `commitIndex` stays *1*')).toBe('No: commitIndex stays 1');
  });

  it('bounds its input', () => {
    const long = 'x'.repeat(MARKUP_MAX_CHARS + 50);
    expect(plainText(long)).toHaveLength(MARKUP_MAX_CHARS);
  });
});

describe('<Markup>', () => {
  it('renders elements for the markup', () => {
    expect(html('**No**: `commitIndex` stays *1*')).toBe(
      '<strong>No</strong>: <code>commitIndex</code> stays <em>1</em>',
    );
  });

  it('escapes HTML: a caption can never inject markup or script', () => {
    const hostile = '<img src=x onerror=alert(1)> **<script>alert(2)</script>** `</code><b>`';
    const out = html(hostile);
    expect(out).not.toMatch(/<(img|script|b)\b/);
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(out).toContain('<strong>&lt;script&gt;alert(2)&lt;/script&gt;</strong>');
    expect(out).toContain('<code>&lt;/code&gt;&lt;b&gt;</code>');
  });

  it('is the only way captions are drawn: no dangerouslySetInnerHTML anywhere in src', () => {
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.(ts|tsx)$/.test(name)) files.push(path);
      }
    };
    walk(resolve(import.meta.dirname, '../../../src'));
    const offenders = files.filter((f) =>
      readFileSync(f, 'utf8').includes('dangerouslySetInnerHTML'),
    );
    expect(offenders).toEqual([]);
  });
});

describe('rule IDs in captions', () => {
  it('splits text at the IDs the catalogue knows, and leaves look-alikes as text', () => {
    expect(splitRuleIds('safe (F2-L6, SC-15) but not SC-999 or F2-ZZ9')).toEqual([
      { kind: 'text', text: 'safe (' },
      { kind: 'rule', id: 'F2-L6' },
      { kind: 'text', text: ', ' },
      { kind: 'rule', id: 'SC-15' },
      { kind: 'text', text: ') but not SC-999 or F2-ZZ9' },
    ]);
    expect(splitRuleIds('no rules here')).toEqual([{ kind: 'text', text: 'no rules here' }]);
    expect(splitRuleIds('__proto__ constructor')).toEqual([
      { kind: 'text', text: '__proto__ constructor' },
    ]);
  });

  it('draws each cited ID as a chip that opens its rule, in bold and emphasis too, never in code', () => {
    const out = html('Repaired (F2-L6). **INV-LC holds** and `F2-AE4` stays code.');
    expect(out).toContain('data-rule="F2-L6"');
    expect(out).toContain('<strong>');
    expect(out).toContain('data-rule="INV-LC"');
    expect(out).not.toContain('data-rule="F2-AE4"');
    expect(out).toContain('<code>F2-AE4</code>');
    expect(out.match(/class="rl-rule-chip"/g)).toHaveLength(2);
  });

  it('keeps the punctuation touching a chip on its line, losing or doubling nothing', () => {
    const caption = 'logs are newer (F2-RV2). S1 sets it (F2-S7, F2-L7).';
    const glued = glueRules(splitRuleIds(caption));
    expect(glued).toEqual([
      { kind: 'text', text: 'logs are newer ' },
      { kind: 'rule', id: 'F2-RV2', before: '(', after: ').' },
      { kind: 'text', text: ' S1 sets it ' },
      { kind: 'rule', id: 'F2-S7', before: '(', after: ',' },
      { kind: 'text', text: ' ' },
      { kind: 'rule', id: 'F2-L7', before: '', after: ').' },
    ]);
    const out = html(caption);
    expect(out).toMatch(
      /<span class="rl-rule-glue">\(<button[^>]*data-rule="F2-RV2"[\s\S]*?<\/button>\)\.<\/span>/,
    );
    // Every way of putting IDs, punctuation and spaces together reads back as it was.
    const parts = ['(', ')', ',', '.', ' ', 'a', 'F2-L6', 'SC-15', ' (', ') ', '((', '__proto__'];
    let seed = 7;
    for (let n = 0; n < 500; n++) {
      let text = '';
      for (let k = 0; k < 8; k++) {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        text += parts[seed % parts.length];
      }
      const back = glueRules(splitRuleIds(text))
        .map((p) => (p.kind === 'text' ? p.text : p.before + p.id + p.after))
        .join('');
      expect(back, text).toBe(text);
    }
  });

  it('titles the ID instead where no Rules panel can open (embed mode)', () => {
    const out = renderToStaticMarkup(<Markup text="Repaired (F2-L6)." rules="title" />);
    expect(out).not.toContain('rl-rule-chip');
    expect(out).toMatch(/<abbr class="rl-rule-abbr" title="[^"]+">F2-L6<\/abbr>/);
  });
});
