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
import { countWordMatches } from './compare/scan';
import type { WordPass } from './recognize/scan';

export interface AnalyzeOptions {
  /** The article's publication date (ISO), when known: dates resolve against it. */
  published?: string;
  url?: string;
  title?: string;
  /** Only these categories (default: all). */
  categories?: readonly Category[];
}

const byPosition = (a: Annotation, b: Annotation) => a.start - b.start || b.end - a.end || a.id.localeCompare(b.id);

/** Is the list in `byPosition` order already (the recognisers' lists usually are)? */
function inOrder(list: readonly Annotation[]): boolean {
  for (let i = 1; i < list.length; i++) if (byPosition(list[i - 1], list[i]) > 0) return false;
  return true;
}

/**
 * The three lists in one, ordered by position; equal positions keep the order places, figures,
 * claims, as the stable sort of their concatenation does. Sorted lists are merged, others sorted.
 */
export function byPositionMerged(lists: readonly (readonly Annotation[])[]): Annotation[] {
  let total = 0;
  for (const l of lists) total += l.length;
  const nonEmpty = lists.filter((l) => l.length);
  if (nonEmpty.length <= 1) return nonEmpty.length ? (inOrder(nonEmpty[0]) ? nonEmpty[0].slice() : nonEmpty[0].slice().sort(byPosition)) : [];
  if (!nonEmpty.every(inOrder)) return ([] as Annotation[]).concat(...nonEmpty).sort(byPosition);
  const out = new Array<Annotation>(total);
  const at = nonEmpty.map(() => 0);
  for (let k = 0; k < total; k++) {
    // the earliest head; on a tie the earlier list
    let best = -1;
    for (let j = 0; j < nonEmpty.length; j++) {
      if (at[j] >= nonEmpty[j].length) continue;
      if (best < 0 || byPosition(nonEmpty[j][at[j]], nonEmpty[best][at[best]]) < 0) best = j;
    }
    out[k] = nonEmpty[best][at[best]++];
  }
  return out;
}

const NONE: readonly Annotation[] = [];

/**
 * The three recognisers, run as analyze runs them for these categories (each category needs the ones before
 * it: figures read places, claims read both). The places' pass over the words also counts them (`words`,
 * the summary's countWords; undefined when places did not run), lends them to the claims and finds where
 * figures may start in them.
 */
export function recognizeAll(text: string, reference: Reference, published: string | undefined, cats: readonly Category[] = CATEGORIES): { places: readonly Annotation[]; figures: readonly Annotation[]; claims: readonly Annotation[]; words: number | undefined } {
  const wantFigure = cats.includes('figure');
  const wantClaim = cats.includes('claim');
  // (the figures' candidates are looked for only when the figures recogniser runs)
  const pass: WordPass = { words: 0, tokens: [], candidates: wantFigure || wantClaim ? [] : undefined };
  const places = cats.includes('place') || wantFigure || wantClaim ? recognizePlaces(text, reference.gazetteer, pass) : NONE;
  const figures = wantFigure || wantClaim ? recognizeFigures(text, { published }, pass.candidates) : NONE;
  const claims = wantClaim ? recognizeClaims(text, pass.tokens) : NONE;
  return { places, figures, claims, words: places === NONE ? undefined : pass.words };
}

export function analyze(text: string, reference: Reference, options: AnalyzeOptions = {}): AnalysisResult {
  const cats = options.categories ?? CATEGORIES;
  const wantPlace = cats.includes('place');
  const wantFigure = cats.includes('figure');
  const wantClaim = cats.includes('claim');
  const { places, figures, claims, words } = recognizeAll(text, reference, options.published, cats);
  const all = byPositionMerged([places, figures, claims]);

  let verdicts: Verdict[] = [];
  const add = (vs: Verdict[]) => {
    if (!verdicts.length) verdicts = vs;
    else for (const v of vs) verdicts.push(v);
  };
  if (wantPlace) add(comparePlaces(places, reference.gazetteer));
  if (wantFigure) add(compareFigures(text, all, reference));
  if (wantClaim) add(compareClaims(text, all, reference, { url: options.url, title: options.title, published: options.published }));

  const annotations = wantPlace && wantFigure && wantClaim ? all : all.filter((a) => (a.category === 'place' ? wantPlace : a.category === 'figure' ? wantFigure : wantClaim));
  return { annotations, verdicts, summary: summarize(text, annotations, verdicts, words) };
}

/** The summary of a result; `words` is the text's countWords when the caller has it already. */
export function summarize(text: string, annotations: readonly Annotation[], verdicts: readonly Verdict[], words?: number): Summary {
  // (each count by its name, not by a keyed read and write per item: those were megamorphic)
  const counts: Record<Category, number> = { place: 0, figure: 0, claim: 0 };
  for (const a of annotations) {
    if (a.category === 'place') counts.place++;
    else if (a.category === 'figure') counts.figure++;
    else counts.claim++;
  }
  const tally: Record<VerdictKind, number> = { consistent: 0, differs: 0, variant: 0, ambiguous: 0, unverified: 0 };
  for (const v of verdicts) {
    switch (v.kind) {
      case 'consistent': tally.consistent++; break;
      case 'differs': tally.differs++; break;
      case 'variant': tally.variant++; break;
      case 'ambiguous': tally.ambiguous++; break;
      default: tally.unverified++;
    }
  }
  return { counts, verdicts: tally, words: words ?? countWords(text) };
}

/** The number of words: matches of /\p{N}+(?:[.,]\p{N}+)*|[\p{L}\p{N}]+(?:['’]\p{L}+)*\/gu, counted by a scanner. */
export function countWords(text: string): number {
  return countWordMatches(text);
}
