import type { Locale, Localized } from '../types';

/** Picks the text for a locale (Chinese unless English is asked for). */
export function localize(text: Localized, locale: Locale = 'zh-cn'): string {
  return locale === 'en' ? text.en : text.zh;
}

/** Maps a VS Code / OS language tag to a supported locale. */
export function toLocale(tag: string | undefined): Locale {
  return tag && tag.toLowerCase().startsWith('en') ? 'en' : 'zh-cn';
}

/** Formats a number for a message: integers plainly, decimals without trailing noise. */
export function fmtNum(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return String(Number(n.toFixed(6)));
}
