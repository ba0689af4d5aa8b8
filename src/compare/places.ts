// Place verdicts: variant spelling, canonical (consistent) or ambiguous, with the gazetteer entry as evidence.
// PLACEHOLDER until the place comparison lands.
import type { Annotation, Verdict } from '../types';
import type { Gazetteer } from '../reference/types';

export function comparePlaces(_places: readonly Annotation[], _gazetteer: Gazetteer): Verdict[] {
  return [];
}
