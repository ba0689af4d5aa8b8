// Display text for annotations and verdicts in the popup and options page: place lines, figure values,
// claim sources, verdict labels, kinds and qualifiers, all worded through _locales and formatted for the
// UI language. Pure functions; the output is rendered as text (Preact escapes it). The card uses them too.
import type { Annotation, Category, FigureKind, PlaceKind, Verdict, VerdictKind } from '../types';
import { t, uiLanguage, type MessageKey } from './i18n';

/** Labels looked up on first read, not at load (the content script loads this module on every page). */
function lazyLabels<K extends string>(keys: Record<K, MessageKey>): Readonly<Record<K, string>> {
  const out = {} as Record<K, string>;
  for (const k of Object.keys(keys) as K[]) {
    Object.defineProperty(out, k, {
      enumerable: true,
      get() {
        const v = t(keys[k]);
        Object.defineProperty(out, k, { value: v, enumerable: true });
        return v;
      },
      configurable: true,
    });
  }
  return out;
}

export const CATEGORY_LABEL = lazyLabels<Category>({ place: 'category_place', figure: 'category_figure', claim: 'category_claim' });

export const VERDICT_LABEL = lazyLabels<VerdictKind>({
  consistent: 'verdict_consistent',
  differs: 'verdict_differs',
  variant: 'verdict_variant',
  ambiguous: 'verdict_ambiguous',
  unverified: 'verdict_unverified',
});

const PLACE_KIND_KEY: Record<PlaceKind, MessageKey> = { country: 'kind_country', region: 'kind_region', city: 'kind_city', area: 'kind_area', feature: 'kind_feature' };
const FIGURE_KIND_KEY: Record<FigureKind, MessageKey> = {
  count: 'figure_kind_count', measure: 'figure_kind_measure', money: 'figure_kind_money', percent: 'figure_kind_percent',
  date: 'figure_kind_date', duration: 'figure_kind_duration', ordinal: 'figure_kind_ordinal',
};
const QUALIFIER_KEY: Partial<Record<string, MessageKey>> = {
  about: 'qualifier_about', 'more-than': 'qualifier_more_than', 'less-than': 'qualifier_less_than', 'up-to': 'qualifier_up_to', 'at-least': 'qualifier_at_least',
};

/** A place kind as shown ("city" -> "town"); the id itself when unknown. */
export const placeKind = (kind: string): string => (Object.hasOwn(PLACE_KIND_KEY, kind) ? t(PLACE_KIND_KEY[kind as PlaceKind]) : kind);
/** A figure kind as shown ("percent" -> "percentage"); the id itself when unknown. */
export const figureKind = (kind: string): string => (Object.hasOwn(FIGURE_KIND_KEY, kind) ? t(FIGURE_KIND_KEY[kind as FigureKind]) : kind);
/** A figure with its qualifier worded: ("about", "73 km") -> "about 73 km"; range and exact add nothing. */
export function qualified(qualifier: string | undefined, figure: string): string {
  const key = qualifier ? QUALIFIER_KEY[qualifier] : undefined;
  return key ? t(key, figure) : figure;
}

/** Order of verdicts in lists: what differs first, then what needs a look, then the rest. */
export const VERDICT_ORDER: readonly VerdictKind[] = ['differs', 'ambiguous', 'variant', 'consistent', 'unverified'];

/** Sort rank of an annotation by its verdict (lower first); marks without a verdict last. */
export function verdictRank(v: Verdict | undefined): number {
  return v ? VERDICT_ORDER.indexOf(v.kind) : VERDICT_ORDER.length;
}

/** An evidence date as shown: "2022-09-10 (inferred)" -> the date and whether it was inferred. */
export function evidenceDate(date: string | undefined): { date: string; inferred: boolean } | undefined {
  if (!date) return undefined;
  const m = /^(.*?)\s*\(inferred\)\s*$/.exec(date);
  return m ? { date: m[1]!, inferred: true } : { date, inferred: false };
}

const regionNames = new Map<string, Intl.DisplayNames | null>();
/** "UA" -> "Ukraine" (the browser's region names in `lang`, the UI language by default); the code itself when unknown. */
export function countryName(code: string | undefined, lang: string = uiLanguage()): string | undefined {
  if (!code) return undefined;
  try {
    if (!regionNames.has(lang)) regionNames.set(lang, new Intl.DisplayNames([lang, 'en'], { type: 'region' }));
    return regionNames.get(lang)?.of(code.toUpperCase()) ?? code;
  } catch {
    regionNames.set(lang, null);
    return code;
  }
}

const formats = new Map<string, Intl.NumberFormat>();
/** A cached number format of the UI language (English where the browser has no such format). */
function numberFormat(key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const lang = uiLanguage();
  const id = `${lang}|${key}`;
  let f = formats.get(id);
  if (!f) {
    try {
      f = new Intl.NumberFormat(lang, options);
    } catch {
      f = new Intl.NumberFormat('en', options);
    }
    formats.set(id, f);
  }
  return f;
}

export const formatNumber = (n: number): string => numberFormat('plain', {}).format(n);

/** Compact population: 27000 -> "27,000", 2_950_000 -> "2.95 million" (in the UI language). */
export function formatPopulation(n: number | undefined): string | undefined {
  if (n === undefined || !Number.isFinite(n) || n <= 0) return undefined;
  if (n >= 1_000_000) return numberFormat('compact', { notation: 'compact', compactDisplay: 'long', maximumSignificantDigits: 3 }).format(n);
  return formatNumber(n);
}

/** "20 years", "1 day", "2–3 weeks": a time unit worded by Intl, with the language's plural rules. */
function timeAmount(value: number, high: number | undefined, unit: string): string {
  const f = numberFormat(`unit-${unit}`, { style: 'unit', unit, unitDisplay: 'long' });
  if (high === undefined) return f.format(value);
  const range = (f as Intl.NumberFormat & { formatRange?(a: number, b: number): string }).formatRange;
  return range ? range.call(f, value, high) : `${formatNumber(value)}–${f.format(high)}`;
}

/** One place's where-it-is line: "Kharkiv Oblast, Ukraine" (region and country, whichever are known). */
export function placeLocation(a: Annotation): string | undefined {
  const p = a.place;
  if (!p) return undefined;
  const parts: string[] = [];
  if (p.region && p.region !== p.name) parts.push(p.region);
  const country = countryName(p.country);
  if (country && country !== p.name && p.kind !== 'country') parts.push(country);
  return parts.length ? parts.join(', ') : undefined;
}

/** The spelling the article used, when it differs from the canonical name (ignoring possessive 's). */
export function spellingUsed(a: Annotation): string | undefined {
  if (!a.place) return undefined;
  const written = a.text.replace(/['’]s$/u, '').trim();
  return written.toLowerCase() === a.place.name.toLowerCase() ? undefined : written;
}

/** A figure as understood: "45 mi (72.4 km)", "2022-09-10", "about 10,000 soldiers". */
export function figureValue(a: Annotation): string | undefined {
  const f = a.figure;
  if (!f) return undefined;
  if (f.iso) return f.iso;
  if (f.value === null) return undefined;
  let s: string;
  if (f.unit && TIME_UNITS.has(f.unit)) s = timeAmount(f.value, f.high, f.unit);
  else {
    s = formatNumber(f.value);
    if (f.high !== undefined) s += `–${formatNumber(f.high)}`;
    if (f.unit) s += f.unit === '%' ? '%' : ` ${f.unit}`;
  }
  s = qualified(f.qualifier, s);
  const si = f.si && readableSi(f.si);
  const unitShown = f.unit?.replace(/2$/, '²');
  if (si && f.si!.unit !== f.unit && !si.endsWith(` ${unitShown}`)) s += ` (${si})`;
  return s;
}

const TIME_UNITS = new Set(['year', 'month', 'week', 'day', 'hour', 'minute', 'second']);

const round3 = (n: number): string => formatNumber(Number(n.toPrecision(3)));

/** A normalised measure in a unit a reader knows: 72420 m -> "72.4 km", 2e9 m2 -> "2,000 km²". */
function readableSi({ value, unit }: { value: number; unit: string }): string | undefined {
  if (!Number.isFinite(value) || unit === 's') return undefined; // durations read better as written
  if (unit === 'm') return value >= 1000 ? `${round3(value / 1000)} km` : `${round3(value)} m`;
  if (unit === 'm2') return value >= 1e6 ? `${round3(value / 1e6)} km²` : `${round3(value)} m²`;
  if (unit === 'kg') return value >= 1000 ? `${round3(value / 1000)} t` : `${round3(value)} kg`;
  return `${round3(value)} ${unit}`;
}

/** Who said it: the resolved name where known, else the words the article used. */
export function claimSource(a: Annotation): string | undefined {
  const c = a.claim;
  if (!c) return undefined;
  return c.source.name ?? (c.source.text || undefined);
}

/** Shortens text for a list item, at a word boundary. */
export function excerpt(text: string, max = 120): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  const sp = cut.lastIndexOf(' ');
  return `${cut.slice(0, sp > max * 0.6 ? sp : max).trimEnd()}…`;
}

/**
 * A statement shown as a quotation: in the language's quotation marks, except where the text brings its
 * own. A text that is one whole quotation ("“We will hold the line,”") loses its marks and the comma before
 * the attribution, then gets ours; one with quotation marks inside it is shown as it stands.
 */
export function asQuote(text: string, max = 120): string {
  const s = text.replace(/\s+/g, ' ').trim();
  const whole = /^["“„«]([^"“”„«»]*?),?["”»][,.]?$/u.exec(s);
  if (whole) return t('quoted', excerpt(whole[1]!, max));
  if (/["“”„«»]/u.test(s)) return excerpt(s, max);
  return t('quoted', excerpt(s, max));
}

/**
 * A verdict's summary in the UI language: its message (key and substitutions) where the catalogue has the key,
 * else the English `summary` as it came (older results, summaries of several comparisons joined).
 */
export function verdictText(v: Pick<Verdict, 'summary' | 'message'>): string {
  const m = v.message;
  if (!m || typeof m.key !== 'string' || !Array.isArray(m.subs)) return v.summary;
  const text = t(m.key as MessageKey, ...m.subs.map(String));
  return text === m.key ? v.summary : text;
}

export function verdictIndex(verdicts: readonly Verdict[]): Map<string, Verdict> {
  return new Map(verdicts.map((v) => [v.annotationId, v]));
}

/** Places grouped by what they resolve to and how they are spelled, in order of first mention. */
export interface PlaceGroup {
  key: string;
  first: Annotation;
  mentions: Annotation[];
}

export function groupPlaces(annotations: readonly Annotation[]): PlaceGroup[] {
  const groups = new Map<string, PlaceGroup>();
  for (const a of annotations) {
    if (a.category !== 'place' || !a.place) continue;
    const key = `${a.place.geonameId ?? a.place.name}|${spellingUsed(a) ?? ''}`;
    const g = groups.get(key);
    if (g) g.mentions.push(a);
    else groups.set(key, { key, first: a, mentions: [a] });
  }
  return [...groups.values()];
}
