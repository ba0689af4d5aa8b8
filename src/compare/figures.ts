// Figure verdicts: restatements within the article, distances and populations against the gazetteer.
// PLACEHOLDER until the figure comparison lands.
import type { Annotation, Verdict } from '../types';
import type { Reference } from '../reference/types';

export function compareFigures(_text: string, _annotations: readonly Annotation[], _reference: Reference): Verdict[] {
  return [];
}
