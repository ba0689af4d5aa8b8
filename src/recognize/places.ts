// Place recogniser: finds place mentions in text and resolves each to one gazetteer entry.
// PLACEHOLDER until the place recogniser lands: finds nothing.
import type { Annotation } from '../types';
import type { Gazetteer } from '../reference/types';

export function recognizePlaces(_text: string, _gazetteer: Gazetteer): Annotation[] {
  return [];
}
