// UI strings through the browser's i18n (_locales/<lang>/messages.json). Where the browser has no catalogue
// (unit tests) a fallback catalogue can be installed with useFallbackCatalogue; the extension's bundles do not
// carry one (the manifest's default_locale guarantees English), which keeps the content script small.
// _locales has no plural rules: counted messages have one key per plural category (tn).
import { browser } from 'wxt/browser';
import type en from './locales/en/messages.json';

export type MessageKey = keyof typeof en;
type Sub = string | number;

let CATALOGUE: Readonly<Record<string, { message: string }>> = {};

/** Messages to use where the browser's i18n has none (unit tests install the English catalogue). */
export function useFallbackCatalogue(catalogue: Readonly<Record<string, { message: string }>>): void {
  CATALOGUE = catalogue;
}

/** "$1 of $2" with substitutions; `$$` is a literal dollar sign (the browser's rules). */
export function substitute(message: string, subs: readonly string[]): string {
  return message.replace(/\$(\$|[1-9])/g, (_, d: string) => (d === '$' ? '$' : subs[Number(d) - 1] ?? ''));
}

/** The message for `key` in the browser's language, else English; undefined when neither has it. */
function lookup(key: string, subs: readonly string[]): string | undefined {
  try {
    const m = browser.i18n?.getMessage?.(key as never, subs as string[]);
    if (m) return m;
  } catch {
    /* no i18n here (tests): fall back */
  }
  const entry = CATALOGUE[key];
  return entry ? substitute(entry.message, subs) : undefined;
}

/** The message for `key` in the browser's language, else English, else the key itself. */
export function t(key: MessageKey, ...subs: Sub[]): string {
  return lookup(key, subs.map(String)) ?? key;
}

/** Message names with plural forms: `<base>_other` (and `<base>_one`, `<base>_few`... as the language needs). */
export type PluralKey = { [K in MessageKey]: K extends `${infer B}_other` ? B : never }[MessageKey];

/**
 * A counted message: the form `<base>_<category>` for the count's plural category in the UI language
 * (Intl.PluralRules: one, two, few, many, other), falling back to `<base>_other`. $1 is the count
 * (formatted for the language), $2... the further substitutions.
 */
export function tn(base: PluralKey, count: number, ...subs: Sub[]): string {
  const lang = uiLanguage();
  let category = 'other';
  try {
    category = new Intl.PluralRules(lang).select(count);
  } catch {
    /* 'other' */
  }
  let n = String(count);
  try {
    n = count.toLocaleString(lang);
  } catch {
    /* plain digits */
  }
  const list = [n, ...subs.map(String)];
  return lookup(`${base}_${category}`, list) ?? lookup(`${base}_other`, list) ?? base;
}

/** The browser's UI language ("en-GB"), for number and date formats; English where unknown. */
export function uiLanguage(): string {
  try {
    return browser.i18n?.getUILanguage?.() || 'en';
  } catch {
    return 'en';
  }
}
