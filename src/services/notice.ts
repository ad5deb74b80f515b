/**
 * A store notice in words: a coded one through the catalogue, a text one as it is. A refusal the
 * notice carries (a bad file or link, the simulator refusing) becomes its `reason`, worded in the
 * same language, so no part of the sentence stays in English.
 */
import type { Notice } from '../store/notice.ts';
import type { Language, Translate } from '../i18n/index.ts';
import { coreRefusalWords, laterWordsLoaded, refusalWords } from '../i18n/laterWords.ts';
import { formatCount } from '../i18n/numbers.ts';
import { formatTime } from '../i18n/time.ts';
import { isDamagedLink } from '../scenarios/refusal.ts';

function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/**
 * Whether noticeText can word `notice` now: a notice that carries a refusal needs the later words
 * (laterWords.ts), which the browser fetches after the first paint; the banners wait for them.
 */
export function noticeReady(notice: Notice): boolean {
  return (
    typeof notice === 'string' ||
    laterWordsLoaded() ||
    (notice.refusal === undefined && notice.core === undefined)
  );
}

export function noticeText(notice: Notice, t: Translate, lang: Language = 'en'): string {
  if (typeof notice === 'string') return notice;
  const params: Record<string, string | number> = {};
  // Numbers in the reader's format; a `timeMs` is a virtual time, shown as `time`.
  for (const [name, value] of Object.entries(notice.params ?? {})) {
    if (name === 'timeMs' && typeof value === 'number') params.time = formatTime(value, lang);
    else params[name] = typeof value === 'number' ? formatCount(value, lang) : value;
  }
  if (notice.refusal !== undefined) {
    const reason = sentence(refusalWords(notice.refusal, lang));
    // Most damaged links were cut or altered on the way (a chat app, a line break): say so.
    const hint = notice.code === 'linkRefused' && isDamagedLink(notice.refusal);
    params.reason = hint ? `${reason} ${t('refusal.linkHint')}` : reason;
  } else if (notice.core !== undefined) {
    const reason = coreRefusalWords(notice.core, lang);
    params.reason = notice.code === 'startFailed' ? reason : sentence(reason);
  }
  return t(`notice.${notice.code}`, params);
}
