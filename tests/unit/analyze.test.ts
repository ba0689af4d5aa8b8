import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, byPositionMerged, countWords } from '../../src/analyze';
import { loadBundledReference } from '../../cli/load-reference';
import type { AnalysisResult, Annotation, Category } from '../../src/types';

const reference = loadBundledReference();
const seedDir = join(import.meta.dirname, '../fixtures/seeds');
const seeds = readdirSync(seedDir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(seedDir, f), 'utf8'));

function checkContract(text: string, r: AnalysisResult) {
  const ids = new Set<string>();
  let prev = -1;
  for (const a of r.annotations) {
    expect(a.start).toBeGreaterThanOrEqual(0);
    expect(a.end).toBeLessThanOrEqual(text.length);
    expect(a.start).toBeLessThan(a.end);
    expect(a.text).toBe(text.slice(a.start, a.end));
    expect(a.id).toBe(`${a.category}:${a.start}`);
    expect(ids.has(a.id)).toBe(false);
    ids.add(a.id);
    expect(a.start).toBeGreaterThanOrEqual(prev);
    prev = a.start;
    expect(a[a.category]).toBeDefined();
    if (a.claim) {
      for (const s of [a.claim.source, a.claim.cue]) {
        expect(s.text).toBe(text.slice(s.start, s.end));
      }
    }
  }
  for (const v of r.verdicts) {
    expect(ids.has(v.annotationId)).toBe(true);
    if (v.kind === 'consistent' || v.kind === 'differs') expect(v.evidence.length).toBeGreaterThan(0);
  }
  const counts = { place: 0, figure: 0, claim: 0 };
  for (const a of r.annotations) counts[a.category]++;
  expect(r.summary.counts).toEqual(counts);
}

describe('analyze', () => {
  test.each(seeds.map((s, i) => [i, s] as const))('seed %i: every annotation and verdict keeps the contract', (_i, text) => {
    checkContract(text, analyze(text, reference, { published: '2022-09-10' }));
  });

  test('categories option restricts the output', () => {
    const r = analyze(seeds[0], reference, { categories: ['figure'] });
    expect(r.annotations.every((a) => a.category === 'figure')).toBe(true);
    expect(r.verdicts.every((v) => v.annotationId.startsWith('figure:'))).toBe(true);
  });

  test('is deterministic: the same input gives the same output', () => {
    expect(analyze(seeds[1], reference)).toEqual(analyze(seeds[1], reference));
  });

  test('any input: no throw, the contract holds', () => {
    const word = fc.constantFrom('Kyiv', 'Kiev', 'said', '"', '“', '”', '10,000', 'km', 'Paris', 'Hilton', 'the', 'region', "'s", '\u200b', '\u0301', '😀', '\n\n', ', ', '.', 'Ukraine', '$5bn', 'February 24');
    const textArb = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.array(word, { maxLength: 80 }).map((w) => w.join(' ')));
    fc.assert(fc.property(textArb, (text) => checkContract(text, analyze(text, reference, { published: '2022-09-10' }))), { numRuns: 300 });
  });

  test.each([
    ['', 0],
    ['one two three', 3],
    ["Ukraine's army, 10,000 troops", 4],
  ])('countWords(%j) = %i', (text, n) => expect(countWords(text)).toBe(n));
});

describe('the fast paths give what the plain definitions give', () => {
  const WORD_RE = /\p{N}+(?:[.,]\p{N}+)*|[\p{L}\p{N}]+(?:['’]\p{L}+)*/gu;
  const plainCount = (text: string) => text.match(WORD_RE)?.length ?? 0;
  test.each([
    '3abc 1.5.x 1,000,000, 2. rock\'n\'roll don\'t2 it’s ’tis x\'\' 9\'a',
    '𝐀𝐁𝐂 𝟙.𝟚 ½,3 Ⅻ\u0301 e\u0301t\u00e9 lone \ud800 \udc00 done',
    'ΟΔΟΣ Straße İstanbul 東京 ٣٤٥ ९८,७',
    ...seeds,
  ])('countWords(%j)', (text) => expect(countWords(text)).toBe(plainCount(text)));
  test('countWords on random text', () => {
    const chars = fc.constantFrom(...'aZ9 ,.’\'-—\u00a0éß𝐀𝟙½٣\u0301\ud800\n'.split(''));
    fc.assert(fc.property(fc.array(chars, { maxLength: 60 }).map((a) => a.join('')), (text) => {
      expect(countWords(text)).toBe(plainCount(text));
    }), { numRuns: 1000 });
  });

  const byPosition = (a: Annotation, b: Annotation) => a.start - b.start || b.end - a.end || a.id.localeCompare(b.id);
  test('merging the three lists is the stable sort of their concatenation', () => {
    const ann = fc.record({ start: fc.integer({ min: 0, max: 6 }), len: fc.integer({ min: 0, max: 3 }), category: fc.constantFrom<Category>('place', 'figure', 'claim'), tag: fc.integer({ min: 0, max: 2 }) })
      .map(({ start, len, category, tag }): Annotation => ({ id: `${category}:${start}`, category, start, end: start + len, text: String(tag) }));
    const list = fc.tuple(fc.array(ann, { maxLength: 8 }), fc.boolean()).map(([l, sorted]) => (sorted ? [...l].sort(byPosition) : l));
    fc.assert(fc.property(list, list, list, (a, b, c) => {
      expect(byPositionMerged([a, b, c])).toEqual([...a, ...b, ...c].sort(byPosition));
    }), { numRuns: 1000 });
  });
});
