/** A store notice in words: a coded one through the catalogue, a text one as it is. */
import type { Notice } from '../store/notice.ts';
import type { Translate } from '../i18n/index.ts';

export function noticeText(notice: Notice, t: Translate): string {
  return typeof notice === 'string' ? notice : t(`notice.${notice.code}`, notice.params);
}
