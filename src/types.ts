// The data contracts shared by every part of Factmark (see docs/architecture.md):
// Annotation and Verdict are read by tools outside the extension, so they change only with care.

export type Category = 'place' | 'figure' | 'claim';
export const CATEGORIES: readonly Category[] = ['place', 'figure', 'claim'];

/** Offsets are UTF-16 code-unit indices into the analysed text; `text === input.slice(start, end)`. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

export type PlaceKind = 'country' | 'region' | 'city' | 'area' | 'feature';

export interface PlaceInfo {
  /** Canonical name from the gazetteer; the surface form if unresolved. */
  name: string;
  kind: PlaceKind;
  geonameId?: number;
  /** ISO 3166-1 alpha-2 */
  country?: string;
  /** First-level region name (oblast, state, province), where known. Extension beyond the contract minimum. */
  region?: string;
  lat?: number;
  lon?: number;
  population?: number;
  /** How many gazetteer entries shared the name. */
  candidates?: number;
}

export type FigureKind = 'count' | 'measure' | 'money' | 'percent' | 'date' | 'duration' | 'ordinal';
export type Qualifier = 'about' | 'more-than' | 'less-than' | 'up-to' | 'at-least' | 'range' | 'exact';

export interface FigureInfo {
  kind: FigureKind;
  /** As written, numerals and number words resolved ("seven" -> 7). */
  value: number | null;
  /** Canonical unit id: km, mi, km2, m, kg, USD, %, soldiers ... */
  unit?: string;
  qualifier?: Qualifier;
  /** Upper bound of a range ("10 to 15" -> value 10, high 15). Extension beyond the contract minimum. */
  high?: number;
  /** Normalised measure, e.g. 45 mi -> 72420 m */
  si?: { value: number; unit: string };
  /** Dates: ISO 8601 as far as known ("2022-02-24"). */
  iso?: string;
}

export interface ClaimInfo {
  /** Who: resolved name where known ("he" -> "Zelensky"). */
  source: Span & { name?: string };
  /** "said", "according to", "asserted", "tweeted" ... */
  cue: Span;
}

export interface Annotation extends Span {
  /** Stable for the same input: `${category}:${start}`. */
  id: string;
  category: Category;
  place?: PlaceInfo;
  figure?: FigureInfo;
  claim?: ClaimInfo;
}

export type VerdictKind = 'consistent' | 'differs' | 'variant' | 'ambiguous' | 'unverified';

export interface Evidence {
  ref: string;
  label: string;
  value?: number;
  unit?: string;
  quote?: string;
  source?: string;
  date?: string;
}

/** One per annotation that the reference speaks to. No evidence, no `consistent` and no `differs`. */
/**
 * A verdict's summary as a message of the UI catalogue (src/ui/locales/<lang>/messages.json): the key and
 * its $1..$9 substitutions, already formatted (numbers as in the summary). In English it reads exactly
 * like `summary`.
 */
export interface VerdictMessage {
  key: string;
  subs: string[];
}

export interface Verdict {
  annotationId: string;
  kind: VerdictKind;
  /** English, always present and unchanged: the CLI and other tools read it. */
  summary: string;
  evidence: Evidence[];
  delta?: { absolute: number; relative: number };
  /**
   * Additive and optional: the summary as a translatable message, so the extension's UI can show it in the
   * browser's language (verdictText in src/ui/describe.ts); absent where a summary has no single message
   * (several figure comparisons joined with '; ', a distance with a direction note), and then `summary` is shown.
   */
  message?: VerdictMessage;
}

export interface Summary {
  counts: Record<Category, number>;
  verdicts: Record<VerdictKind, number>;
  words: number;
}

export interface AnalysisResult {
  annotations: Annotation[];
  verdicts: Verdict[];
  summary: Summary;
}

export function annotationId(category: Category, start: number): string {
  return `${category}:${start}`;
}
