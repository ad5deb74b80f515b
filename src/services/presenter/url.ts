/**
 * The shell's part of the page address:
 *
 *   ?present        presenter mode (full screen on F, large type, high contrast, clicker keys)
 *   ?embed          the cluster and the caption only, for an <iframe> in slides
 *   ?lang=es        the language of captions and of the presenter's own strings (en, es, pt)
 *   #lib=figure-8   a scenario of the built-in library (its short link)
 *
 * Everything read here is untrusted: unknown values are ignored, never echoed as markup.
 */
import { parseLanguage, type Language } from '../../i18n/index.ts';
import type { ShellMode } from './keys.ts';

export interface ShellUrl {
  mode: ShellMode;
  lang: Language | null;
  /** A library id from `#lib=ID`, checked for shape only (the library says whether it exists). */
  lib: string | null;
}

const LIB_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** The `lib=` value of a fragment such as `#lib=figure-8` (or `#lib=figure-8&x=1`), if valid. */
export function libraryIdFromHash(hash: string): string | null {
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  if (fragment.length > 200) return null;
  const part = fragment.split('&').find((p) => p.startsWith('lib='));
  const id = part?.slice(4) ?? '';
  return LIB_ID.test(id) ? id : null;
}

/** The fragment that opens a library scenario. */
export function libraryHash(id: string): string {
  return `#lib=${id}`;
}

export function shellFromUrl(search: string, hash: string): ShellUrl {
  const q = new URLSearchParams(search);
  const mode: ShellMode = q.has('embed') ? 'embed' : q.has('present') ? 'present' : 'normal';
  return { mode, lang: parseLanguage(q.get('lang')), lib: libraryIdFromHash(hash) };
}

/**
 * The address with the shell's state written into its query (mode and language), every other
 * parameter and the fragment kept as they were. Flags are written bare: `?present&lang=es`.
 */
export function urlWithShell(href: string, state: { mode: ShellMode; lang: Language }): string {
  const url = new URL(href);
  const q = new URLSearchParams(url.search);
  q.delete('present');
  q.delete('embed');
  q.delete('lang');
  const parts = [q.toString()];
  if (state.mode !== 'normal') parts.push(state.mode);
  if (state.lang !== 'en' || new URLSearchParams(url.search).has('lang'))
    parts.push(`lang=${state.lang}`);
  const search = parts.filter((p) => p !== '').join('&');
  url.search = search === '' ? '' : `?${search}`;
  return url.href;
}
