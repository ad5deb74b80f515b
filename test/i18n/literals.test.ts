/**
 * No English left in the views: every `.tsx` file under src/views is parsed with the TypeScript
 * compiler and its JSX walked. A JSX text node with letters (or a string literal drawn as a child), or a string literal given to one of
 * the attributes a user reads or hears (title, aria-label, placeholder, alt...), fails the test
 * unless every word in it is on the short allowlist below. Text from the catalogues (t('key'),
 * a model's words) is an expression, not a literal, and passes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/** Attributes whose value a user sees (a tooltip, a placeholder) or hears (a screen reader). */
const READ_ATTRIBUTES = new Set([
  'title',
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'placeholder',
  'alt',
]);

/**
 * Words that are the same in every language the app speaks: the product's name, the unit of
 * virtual time, server names S1..S9, client names C1..C9, and the names the Raft paper and thesis
 * give to state and extensions (shown as they are in every language, like code).
 */
const ALLOWED_WORD =
  /^(?:Raft|Lab|ms|S[1-9]|C[1-9]|C_old|C_new|commitIndex|lastApplied|nextIndex|matchIndex|PreVote|CheckQuorum)$/;

/** A key cap: one capital letter inside <kbd> (the G of the Rules panel, the P of partition). */
const KEY_CAP = /^[A-Z]$/;

export interface Finding {
  line: number;
  kind: 'text' | 'attribute';
  /** The attribute's name, for an attribute. */
  attribute?: string;
  text: string;
}

/** The words of a literal that no allowlist entry covers; empty when it may stay as it is. */
function strayWords(text: string): string[] {
  const words = text.match(/[\p{L}][\p{L}\p{N}_]*/gu) ?? [];
  return words.filter((w) => !ALLOWED_WORD.test(w));
}

/**
 * String literals in an attribute's expression that reach the screen as they are. A literal given
 * to a call (a catalogue key such as t('share.button'), a class name helper) is an argument, not
 * text, and is skipped; so is one compared with (===) or used as an object key or index.
 */
function visibleLiterals(expr: ts.Node): { node: ts.Node; text: string }[] {
  const found: { node: ts.Node; text: string }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) return;
    // Nested JSX is walked on its own (its text nodes and attributes).
    if (ts.isJsxElement(node) || ts.isJsxSelfClosingElement(node) || ts.isJsxFragment(node)) return;
    if (ts.isElementAccessExpression(node)) {
      visit(node.expression);
      return;
    }
    if (ts.isBinaryExpression(node)) {
      const op = node.operatorToken.kind;
      const compares =
        op === ts.SyntaxKind.EqualsEqualsEqualsToken ||
        op === ts.SyntaxKind.ExclamationEqualsEqualsToken ||
        op === ts.SyntaxKind.EqualsEqualsToken ||
        op === ts.SyntaxKind.ExclamationEqualsToken;
      if (compares) return;
    }
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      found.push({ node, text: node.text });
      return;
    }
    if (ts.isTemplateExpression(node)) {
      found.push({ node: node.head, text: node.head.text });
      for (const span of node.templateSpans) {
        visit(span.expression);
        found.push({ node: span.literal, text: span.literal.text });
      }
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(expr);
  return found;
}

/** Every likely user-visible English literal in one `.tsx` source text. */
export function findLiterals(source: string, fileName = 'view.tsx'): Finding[] {
  const file = ts.createSourceFile(
    fileName,
    source,
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TSX,
  );
  const findings: Finding[] = [];
  const lineOf = (node: ts.Node): number =>
    file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1;
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) {
      const text = node.text.replace(/\s+/g, ' ').trim();
      const parent = node.parent;
      const inKbd =
        ts.isJsxElement(parent) && parent.openingElement.tagName.getText(file) === 'kbd';
      const keyCap = inKbd && KEY_CAP.test(text);
      if (!keyCap && strayWords(text).length > 0) {
        findings.push({ line: lineOf(node), kind: 'text', text });
      }
    } else if (
      ts.isJsxExpression(node) &&
      node.expression !== undefined &&
      (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))
    ) {
      // A child such as {busy ? 'Wait' : null} is drawn as text too.
      for (const l of visibleLiterals(node.expression)) {
        if (strayWords(l.text).length > 0) {
          findings.push({ line: lineOf(l.node), kind: 'text', text: l.text });
        }
      }
    } else if (ts.isJsxAttribute(node)) {
      const name = node.name.getText(file);
      const init = node.initializer;
      if (READ_ATTRIBUTES.has(name) && init !== undefined) {
        const literals = ts.isStringLiteral(init)
          ? [{ node: init, text: init.text }]
          : ts.isJsxExpression(init) && init.expression !== undefined
            ? visibleLiterals(init.expression)
            : [];
        for (const l of literals) {
          if (strayWords(l.text).length > 0) {
            findings.push({
              line: lineOf(l.node),
              kind: 'attribute',
              attribute: name,
              text: l.text,
            });
          }
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return findings;
}

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return tsxFiles(path);
    return d.name.endsWith('.tsx') ? [path] : [];
  });
}

describe('the scanner', () => {
  it('finds JSX text with letters and literals in title, aria-label, placeholder and alt', () => {
    const found = findLiterals(`
      export const A = () => (
        <div title="Go to time" aria-label={'Close'}>
          Hello there
          {busy ? 'Wait' : ' '}
          <input placeholder={\`type \${n} here\`} />
          <img alt={on ? 'open' : 'shut'} src="x.png" />
        </div>
      );`);
    expect(found.map((f) => [f.kind, f.attribute ?? '', f.text])).toEqual([
      ['attribute', 'title', 'Go to time'],
      ['attribute', 'aria-label', 'Close'],
      ['text', '', 'Hello there'],
      ['text', '', 'Wait'],
      ['attribute', 'placeholder', 'type '],
      ['attribute', 'placeholder', ' here'],
      ['attribute', 'alt', 'open'],
      ['attribute', 'alt', 'shut'],
    ]);
    expect(found[0]?.line).toBe(3);
  });

  it('lets catalogue text, symbols, names, units and non-visible attributes through', () => {
    const found = findLiterals(`
      export const B = () => (
        <div title={t('share.button')} className="story-bar" data-testid="Close">
          {t('lab.close')} · → ✕ {' · '}
          <span aria-label={t('x', { name: 'S1' })}>S1 S2 C3</span>
          <span title={kind === 'leader' ? label : other}>Raft Lab</span>
          <span>{n} ms</span> <kbd>G</kbd> <code>C_old</code> commitIndex
          <b aria-label={WORDS['key']} />
        </div>
      );`);
    expect(found).toEqual([]);
  });

  it('does not allow words that only look like the allowlist', () => {
    const found = findLiterals(`<p>S10 Labs ms2 Rafting</p>`);
    expect(found).toHaveLength(1);
    // A capital letter is a key cap only inside <kbd>.
    expect(findLiterals(`<p><b>G</b><kbd>Go</kbd></p>`).map((f) => f.text)).toEqual(['G', 'Go']);
  });
});

describe('the views', () => {
  const root = join(import.meta.dirname, '..', '..');
  const files = tsxFiles(join(root, 'src', 'views'));

  it('scans every view file', () => {
    expect(files.length).toBeGreaterThan(40);
  });

  it('have no user-visible English literal outside the catalogues', () => {
    const report = files.flatMap((path) =>
      findLiterals(readFileSync(path, 'utf8'), path).map(
        (f) =>
          `${relative(root, path)}:${f.line} ${f.kind === 'text' ? 'text' : f.attribute}: ${JSON.stringify(f.text)}`,
      ),
    );
    expect(report).toEqual([]);
  });
});
