/**
 * Numbers in the reader's format, one helper for the whole app: English as en-US ("1,200",
 * "1.5"), Spanish as Intl gives for 'es' ("1200", "12.000", "1,5": Spanish groups from five
 * digits) and Portuguese as 'pt-BR' ("1.200", "1,5"). Only what the app displays goes through
 * here; trace hashes, files, share links and the CLI keep their own plain numbers.
 */
import type { Language } from '../scenarios/steps.ts';

export const NUMBER_LOCALES: Readonly<Record<Language, string>> = {
  en: 'en-US',
  es: 'es',
  pt: 'pt-BR',
};

const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(lang: Language, digits: number): Intl.NumberFormat {
  const key = `${lang}:${digits}`;
  let format = formats.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat(NUMBER_LOCALES[lang] ?? NUMBER_LOCALES.en, {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formats.set(key, format);
  }
  return format;
}

/** A count or a whole number, grouped as the language groups digits: 12000 → "12.000" in es. */
export function formatCount(n: number, lang: Language = 'en'): string {
  // Below a thousand no language groups digits, and the sign is "-" in all three: the digits as
  // they are, without making a number format (the page's first one costs some 20 ms of its
  // first render). numbers.test.ts holds it to Intl's text for every such number.
  if (Number.isInteger(n) && n > -1000 && n < 1000 && !Object.is(n, -0)) return String(n);
  return numberFormat(lang, 0).format(n);
}

/** A number with exactly `digits` decimals: 1.5 → "1,50" in pt with 2 digits. */
export function formatDecimal(n: number, digits: number, lang: Language = 'en'): string {
  return numberFormat(lang, digits).format(n);
}

/**
 * The decimal separator of each language, as its number format writes it (numbers.test.ts holds
 * the table to Intl): a constant, because the first time is shown in the lab's first render and a
 * number format made for it cost some 20 ms there.
 */
const DECIMAL_SEPARATORS: Readonly<Record<Language, string>> = { en: '.', es: ',', pt: ',' };

/** The decimal separator of the language: "." in English, "," in Spanish and Portuguese. */
export function decimalSeparator(lang: Language = 'en'): string {
  return Object.hasOwn(DECIMAL_SEPARATORS, lang) ? DECIMAL_SEPARATORS[lang] : '.';
}
