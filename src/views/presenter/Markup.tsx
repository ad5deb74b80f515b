/**
 * Renders a caption's light markup (see markup.ts) as React elements: text stays text, so React
 * escapes it. There is no HTML path here, by design. A rule ID cited in a caption ("F2-L6",
 * "SC-15") is never left bare: it becomes a chip that opens the Rules panel at its explanation,
 * or, where no panel can open (embed mode), an abbreviation whose title names the rule.
 */
import { Fragment, useMemo, type ReactNode } from 'react';
import { RULE_ID_PATTERN, parseRuleId, type RuleId } from '../../i18n/rules.ts';
import { RuleAbbr } from '../rules/RuleChip.tsx';
import { RuleChip } from '../rules/RuleChip.tsx';
import { parseMarkup, type Segment } from './markup.ts';

/** How a cited rule is shown: a chip that opens the panel, or an abbreviation with its title. */
export type RuleLinks = 'panel' | 'title';

/** A piece of caption text: plain runs, and the known rule IDs in it. */
export type TextPiece = { kind: 'text'; text: string } | { kind: 'rule'; id: RuleId };

/** Splits text at the rule IDs our catalogue knows; anything else that looks like one stays text. */
export function splitRuleIds(text: string): TextPiece[] {
  const out: TextPiece[] = [];
  let at = 0;
  for (const match of text.matchAll(RULE_ID_PATTERN)) {
    const id = parseRuleId(match[0]);
    if (id === null) continue;
    if (match.index > at) out.push({ kind: 'text', text: text.slice(at, match.index) });
    out.push({ kind: 'rule', id });
    at = match.index + match[0].length;
  }
  if (at < text.length) out.push({ kind: 'text', text: text.slice(at) });
  return out;
}

/**
 * A caption's pieces for drawing: plain runs, and each cited rule with the punctuation that
 * touches it on either side ("(" before, ")," after), which stays on the chip's line: a line
 * must not end in "(" with the chip on the next one.
 */
export type GluedPiece =
  { kind: 'text'; text: string } | { kind: 'rule'; id: RuleId; before: string; after: string };

export function glueRules(pieces: readonly TextPiece[]): GluedPiece[] {
  const out: GluedPiece[] = [];
  // Characters of this run the chip before it took, and the end of a run the next chip takes.
  let taken = 0;
  let before = '';
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i] as TextPiece;
    if (p.kind === 'text') {
      let text = p.text.slice(taken);
      taken = 0;
      if (pieces[i + 1]?.kind === 'rule') {
        before = /\S*$/.exec(text)?.[0] ?? '';
        text = text.slice(0, text.length - before.length);
      }
      if (text !== '') out.push({ kind: 'text', text });
      continue;
    }
    const next = pieces[i + 1];
    const after = next?.kind === 'text' ? (/^\S*/.exec(next.text)?.[0] ?? '') : '';
    taken = after.length;
    out.push({ kind: 'rule', id: p.id, before, after });
    before = '';
  }
  return out;
}

function withRules(text: string, links: RuleLinks): ReactNode {
  const pieces = splitRuleIds(text);
  if (pieces.length === 1 && pieces[0]?.kind === 'text') return text;
  return glueRules(pieces).map((p, i) =>
    p.kind === 'text' ? (
      <Fragment key={i}>{p.text}</Fragment>
    ) : (
      <span key={i} className="rl-rule-glue">
        {p.before}
        {links === 'panel' ? <RuleChip id={p.id} /> : <RuleAbbr id={p.id} />}
        {p.after}
      </span>
    ),
  );
}

function render(segment: Segment, key: number, links: RuleLinks) {
  switch (segment.kind) {
    case 'break':
      return <br key={key} />;
    case 'strong':
      return <strong key={key}>{withRules(segment.text, links)}</strong>;
    case 'em':
      return <em key={key}>{withRules(segment.text, links)}</em>;
    case 'code':
      return <code key={key}>{segment.text}</code>;
    default:
      return <Fragment key={key}>{withRules(segment.text, links)}</Fragment>;
  }
}

export function Markup({ text, rules = 'panel' }: { text: string; rules?: RuleLinks }) {
  const segments = useMemo(() => parseMarkup(text), [text]);
  return <>{segments.map((s, i) => render(s, i, rules))}</>;
}
