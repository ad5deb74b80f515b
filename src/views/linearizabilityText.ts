/**
 * INV-C2 in the reader's language: why the clients' answers fit no order of their commands that
 * respects real time, told from the checker's explanation parts (src/core/linearizabilityExplain.ts
 * writes the same sentences in English for the command line).
 */
import { INITIAL_LOG_CLIENT, type HistoryOp } from '../core/history.ts';
import { OTHERS_NAMED, msText, type MessageParts } from '../core/linearizabilityExplain.ts';
import type { Language, Translate } from '../i18n/index.ts';

export function explanationText(p: MessageParts, t: Translate, lang: Language): string {
  // English groups thousands with commas; Spanish and Portuguese would read 1,200 as 1.2.
  const ms = (n: number): string => (lang === 'en' ? msText(n) : String(n));
  const op = (o: HistoryOp): string => {
    if (o.client === INITIAL_LOG_CLIENT)
      return t('lin.opInitial', { command: o.command, index: o.seq });
    const quiet = o.result === null || (o.result === 'ok' && o.command.startsWith('set '));
    const client = `C${o.client}`;
    return quiet
      ? t('lin.op', { client, command: o.command })
      : t('lin.opAnswer', { client, command: o.command, result: o.result ?? '' });
  };
  const timed = (o: HistoryOp): string =>
    o.responseMs === null
      ? t('lin.neverAnswered', { op: op(o), from: ms(o.invokeMs) })
      : t('lin.at', { op: op(o), from: ms(o.invokeMs), to: ms(o.responseMs) });
  const done = (o: HistoryOp): string =>
    o.responseMs === null
      ? t('lin.doneNever', { op: op(o) })
      : t('lin.done', { op: op(o), to: ms(o.responseMs) });
  const stuck = timed(p.stuck);
  const state =
    p.value === null
      ? t('lin.unset', { key: p.key })
      : t('lin.value', { key: p.key, value: p.value });
  let first: string;
  if (p.stuck.result === null || p.stuck.result === p.expected) {
    first = t('lin.noPlace', { stuck });
  } else if (p.last === null) {
    first = t('lin.notFirst', { stuck, key: p.key, state, expected: p.expected });
  } else {
    first = t('lin.cannotFollow', { stuck, done: done(p.last), state, expected: p.expected });
  }
  const named = p.others.slice(0, OTHERS_NAMED).map(op);
  if (p.others.length > OTHERS_NAMED)
    named.push(t('lin.more', { n: p.others.length - OTHERS_NAMED }));
  const longest = p.linearized === 0 ? t('lin.longestNone') : t('lin.longest', { n: p.linearized });
  const summary =
    p.operations === 1
      ? t('lin.summaryOne', { key: p.key, longest })
      : t('lin.summary', { key: p.key, n: p.operations, longest });
  return [
    capitalized(first),
    named.length > 0 ? t('lin.nor', { ops: named.join(', ') }) : '',
    summary,
  ]
    .filter(Boolean)
    .join(' ');
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
