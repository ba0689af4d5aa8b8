// Display text for annotations and verdicts in the popup and options page: place lines, figure values,
// claim sources, verdict labels. Pure functions; the output is rendered as text (Preact escapes it).
import type { Annotation, Category, Verdict, VerdictKind } from '../types';
import { t } from './i18n';

export const CATEGORY_LABEL: Record<Category, string> = { place: t('category_place'), figure: t('category_figure'), claim: t('category_claim') };

export const VERDICT_LABEL: Record<VerdictKind, string> = {
  consistent: t('verdict_consistent'),
  differs: t('verdict_differs'),
  variant: t('verdict_variant'),
  ambiguous: t('verdict_ambiguous'),
  unverified: t('verdict_unverified'),
};

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

let regionNames: Intl.DisplayNames | undefined;
/** "UA" -> "Ukraine" (the browser's English region names); the code itself when unknown. */
export function countryName(code: string | undefined): string | undefined {
  if (!code) return undefined;
  try {
    regionNames ??= new Intl.DisplayNames(['en'], { type: 'region' });
    return regionNames.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

const numberFormat = new Intl.NumberFormat('en');
export const formatNumber = (n: number): string => numberFormat.format(n);

/** Compact population: 27000 -> "27,000", 2_950_000 -> "2.95 million". */
export function formatPopulation(n: number | undefined): string | undefined {
  if (n === undefined || !Number.isFinite(n) || n <= 0) return undefined;
  if (n >= 1_000_000) return `${Number((n / 1_000_000).toPrecision(3))} million`;
  return formatNumber(n);
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
  const q: Record<string, string> = { about: 'about ', 'more-than': 'more than ', 'less-than': 'less than ', 'up-to': 'up to ', 'at-least': 'at least ' };
  let s = `${(f.qualifier && q[f.qualifier]) ?? ''}${formatNumber(f.value)}`;
  if (f.high !== undefined) s += `–${formatNumber(f.high)}`;
  if (f.unit) s += f.unit === '%' ? '%' : ` ${TIME_UNITS.has(f.unit) && (f.high ?? f.value) !== 1 ? `${f.unit}s` : f.unit}`;
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
