// Shared by the claims recogniser's table tests: every claim of a text as { content, source, cue }, and
// an assertion that one of them is the expected one.
import { expect } from 'vitest';
import { recognizeClaims } from '../../src/recognize/claims';

export const all = (text: string) => recognizeClaims(text).map((a) => ({ content: a.text, source: a.claim!.source.text, cue: a.claim!.cue.text }));

export function expectClaim(text: string, content: string, source: string, cue: string) {
  const got = all(text);
  expect(got, JSON.stringify(got)).toContainEqual({ content, source, cue });
}
