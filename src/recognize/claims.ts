// Claim recogniser: attributed statements with their source and cue.
// PLACEHOLDER until the claim recogniser lands: finds nothing.
import type { Annotation } from '../types';

export function recognizeClaims(_text: string): Annotation[] {
  return [];
}
