// Claim verdicts: matched against the claims of reference reports of the same events.
// PLACEHOLDER until the claim comparison lands.
import type { Annotation, Verdict } from '../types';
import type { Reference } from '../reference/types';

export interface ClaimCompareOptions {
  url?: string;
  title?: string;
  published?: string;
}

export function compareClaims(
  _text: string,
  _annotations: readonly Annotation[],
  _reference: Reference,
  _options: ClaimCompareOptions = {},
): Verdict[] {
  return [];
}
