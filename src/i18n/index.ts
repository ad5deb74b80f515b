/**
 * A tiny i18n for the app's own strings: one dictionary per language, English as the fallback,
 * `{name}` placeholders. Plain strings only: a view renders them as text, never as HTML.
 */
import { LANGUAGES, type Language } from '../scenarios/steps.ts';
import type { MessageKey, Messages } from './messages.ts';
import { DICTIONARIES, loadLanguage } from './dictionaries.ts';

export { LANGUAGES, loadLanguage, type Language, type MessageKey, type Messages };

export type Params = Readonly<Record<string, string | number>>;

/** Replaces `{name}` by its parameter; unknown placeholders stay as they are. */
export function interpolate(text: string, params: Params = {}): string {
  // Most strings have no placeholder: no regular expression for them (the lab translates a few
  // hundred strings a second while it plays).
  if (!text.includes('{')) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/**
 * The string in `language`, else English; then its placeholders filled in. (In the browser a few
 * English catalogues arrive after the first paint, laterWords.ts; the views that show them wait
 * for them, so the key itself, the last resort here, is never what a reader sees.)
 */
export function translate(
  language: Language,
  key: MessageKey,
  params?: Params,
  dictionaries: Readonly<Record<Language, Messages>> = DICTIONARIES,
): string {
  const text = dictionaries[language]?.[key] ?? DICTIONARIES.en[key] ?? key;
  return interpolate(text, params);
}

export type Translate = (key: MessageKey, params?: Params) => string;

/** A `t` bound to one language. */
export function translator(language: Language): Translate {
  return (key, params) => translate(language, key, params);
}

/** English, for code that runs without a chosen language (pure models, Node tests). */
export const EN_T: Translate = translator('en');

/** A language code from a URL or the browser ('es', 'pt-BR', 'EN') as one of ours, or null. */
export function parseLanguage(value: string | null | undefined): Language | null {
  if (typeof value !== 'string' || value.length > 35) return null;
  const primary = value.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return (LANGUAGES as readonly string[]).includes(primary) ? (primary as Language) : null;
}

/** The first of the browser's preferred languages that the app speaks; English otherwise. */
export function preferredLanguage(preferences: readonly string[]): Language {
  for (const p of preferences) {
    const language = parseLanguage(p);
    if (language) return language;
  }
  return 'en';
}
