// UI strings through the browser's i18n (_locales/<lang>/messages.json). The English catalogue is bundled
// too, as the fallback where the browser has no catalogue (unit tests, a build without default_locale).
import { browser } from 'wxt/browser';
import en from './locales/en/messages.json';

export type MessageKey = keyof typeof en;
type Sub = string | number;

const CATALOGUE: Record<string, { message: string }> = en;

/** "$1 of $2" with substitutions; `$$` is a literal dollar sign (the browser's rules). */
export function substitute(message: string, subs: readonly string[]): string {
  return message.replace(/\$(\$|[1-9])/g, (_, d: string) => (d === '$' ? '$' : subs[Number(d) - 1] ?? ''));
}

/** The message for `key` in the browser's language, else English, else the key itself. */
export function t(key: MessageKey, ...subs: Sub[]): string {
  const list = subs.map(String);
  try {
    const m = browser.i18n?.getMessage?.(key as never, list);
    if (m) return m;
  } catch {
    /* no i18n here (tests): fall back */
  }
  const entry = CATALOGUE[key];
  return entry ? substitute(entry.message, list) : key;
}

/** The browser's UI language ("en-GB"), for number and date formats; English where unknown. */
export function uiLanguage(): string {
  try {
    return browser.i18n?.getUILanguage?.() || 'en';
  } catch {
    return 'en';
  }
}
