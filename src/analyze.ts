// The one pipeline used by the extension, the CLI and the tests:
// text + reference -> annotations (places, figures, claims) and their verdicts.
import type { AnalysisResult, Annotation, Category, Summary, Verdict, VerdictKind } from './types';
import { CATEGORIES } from './types';
import type { Reference } from './reference/types';
import { recognizePlaces } from './recognize/places';
import { recognizeFigures } from './recognize/figures';
import { recognizeClaims } from './recognize/claims';
import { comparePlaces } from './compare/places';
import { compareFigures } from './compare/figures';
import { compareClaims } from './compare/claims';

export interface AnalyzeOptions {
  /** The article's publication date (ISO), when known: dates resolve against it. */
  published?: string;
  url?: string;
  title?: string;
  /** Only these categories (default: all). */
  categories?: readonly Category[];
}

const byPosition = (a: Annotation, b: Annotation) => a.start - b.start || b.end - a.end || a.id.localeCompare(b.id);

export function analyze(text: string, reference: Reference, options: AnalyzeOptions = {}): AnalysisResult {
  const wanted = new Set(options.categories ?? CATEGORIES);
  const places = wanted.has('place') || wanted.has('figure') || wanted.has('claim') ? recognizePlaces(text, reference.gazetteer) : [];
  const figures = wanted.has('figure') || wanted.has('claim') ? recognizeFigures(text, { published: options.published }) : [];
  const claims = wanted.has('claim') ? recognizeClaims(text) : [];
  const all = [...places, ...figures, ...claims].sort(byPosition);

  const verdicts: Verdict[] = [];
  if (wanted.has('place')) verdicts.push(...comparePlaces(places, reference.gazetteer));
  if (wanted.has('figure')) verdicts.push(...compareFigures(text, all, reference));
  if (wanted.has('claim')) verdicts.push(...compareClaims(text, all, reference, { url: options.url, title: options.title, published: options.published }));

  const annotations = all.filter((a) => wanted.has(a.category));
  return { annotations, verdicts, summary: summarize(text, annotations, verdicts) };
}

export function summarize(text: string, annotations: readonly Annotation[], verdicts: readonly Verdict[]): Summary {
  const counts: Record<Category, number> = { place: 0, figure: 0, claim: 0 };
  for (const a of annotations) counts[a.category]++;
  const tally: Record<VerdictKind, number> = { consistent: 0, differs: 0, variant: 0, ambiguous: 0, unverified: 0 };
  for (const v of verdicts) tally[v.kind]++;
  return { counts, verdicts: tally, words: countWords(text) };
}

export function countWords(text: string): number {
  const m = text.match(/\p{N}+(?:[.,]\p{N}+)*|[\p{L}\p{N}]+(?:['’]\p{L}+)*/gu);
  return m ? m.length : 0;
}
