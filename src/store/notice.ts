/**
 * A notice the store publishes for the user: a code and its parameters, turned into words by the
 * view in the reader's language (src/i18n, `notice.<code>`), or text a view already translated.
 * The store sits above the catalogues, so it names what happened and never writes the sentence.
 */
export const NOTICE_CODES = [
  'leaderUp',
  'fewTimers',
  'alreadySpread',
  'spreadAhead',
  'splitNeedsTwo',
  'splitVote',
  'noLeader',
  'noneCrashed',
  'startFailed',
  'oneGroup',
  'openedAtStart',
  'openedAt',
  'linkRefused',
  'fileRefused',
] as const;

export type NoticeCode = (typeof NOTICE_CODES)[number];

export interface CodedNotice {
  code: NoticeCode;
  params?: Readonly<Record<string, string | number>>;
}

export type Notice = string | CodedNotice;

export function notice(code: NoticeCode, params?: CodedNotice['params']): CodedNotice {
  return params === undefined ? { code } : { code, params };
}
