// The hand-written word scanners of src/compare/scan.ts give what their regular expressions give,
// on ASCII (the fast path), on accented and marked letters, and on text that needs the slow path.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { countWordMatches, countWordMatchesFrom, foldedWords, FoldedWordStream } from '../../src/compare/scan';
import { recognizePlaces } from '../../src/recognize/places';
import { countWords } from '../../src/analyze';
import { loadBundledReference } from '../../cli/load-reference';

const SAMPLES = [
  '',
  'Hello, World! 42 apples; 3.14 and 1,000,000.',
  "O'Hare d’Ivoire rock'n'roll don't 'quoted' it’s",
  'São Paulo, Kraków, Zürich, Ærøskøbing, Ğ, İstanbul, ǅemal',
  'e\u0301te\u0301 combining marks: a\u0300 o\u0308 ñ',
  'ΟΔΥΣΣΕΥΣ Σίσυφος ΣΑΣ', // capital sigma needs the whole string
  'emoji 😀 and 𝐀𝐁𝐂 math letters, ﬁnance ligature, Ⅻ roman, ١٢٣ digits',
  'tabs\tand\nnew lines\r\n--- em—dash – en “quotes” ‘single’ …',
  'UPPER lower MiXeD 123abc abc123 a1b2c3 _under_score_ x-y-z',
  'lone \ud800 surrogate \udc00 here',
];

/** foldedWords as its definition reads. */
function expectedFolded(s: string): string[] {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

function words(f: { units: Uint16Array; ends: Int32Array; count: number }): string[] {
  const out: string[] = [];
  let from = 0;
  for (let k = 0; k < f.count; k++) {
    out.push(String.fromCharCode(...f.units.subarray(from, f.ends[k])));
    from = f.ends[k];
  }
  return out;
}

/** The summary's word count as its definition reads. */
const regexWords = (s: string) => (s.match(/\p{N}+(?:[.,]\p{N}+)*|[\p{L}\p{N}]+(?:['’]\p{L}+)*/gu) ?? []).length;

/** Text where the two word regexes (the places' and the count's) part: numbers, initials, apostrophes. */
const PIECES = ['1', '2,5', '3.', '.7', ',', '000', 'rd', "'s", '’s', "'", 'U.', 'S.', 'A.', 'N.C.', 'x', 'Kyiv', 'é', 'e\u0301', '١٢', '²', '𝐀', '😀', ' ', ' ', '\n', '-', '“', 'İ', 'ǅ', 'Ⅻ', '\ud800'];

describe('compare scanners agree with their regular expressions', () => {
  test.each(SAMPLES.map((s) => [s]))('foldedWords %j', (s) => {
    expect(words(foldedWords(s))).toEqual(expectedFolded(s));
  });

  test.each(SAMPLES.map((s) => [s]))('countWordMatches %j', (s) => {
    const want = (s.match(/\p{N}+(?:[.,]\p{N}+)*|[\p{L}\p{N}]+(?:['’]\p{L}+)*/gu) ?? []).length;
    expect(countWordMatches(s)).toBe(want);
  });

  test('countWordMatchesFrom over consecutive pieces, each from where the last stopped, counts the whole', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), fc.array(fc.integer({ min: 0, max: 12 }), { maxLength: 8 }), (ps, cuts) => {
        const s = ps.join('');
        const tally = { words: 0 };
        let at = 0;
        for (const cut of [...cuts.map((c) => Math.min(s.length, at + c)), s.length]) {
          if (cut > at) at = countWordMatchesFrom(s, at, cut, tally);
          expect(at).toBeGreaterThanOrEqual(Math.min(cut, s.length));
        }
        expect(tally.words).toBe(regexWords(s));
      }),
      { numRuns: 500 },
    );
  });

  test('the places recogniser counts the words on its pass as countWords does', () => {
    const gazetteer = loadBundledReference().gazetteer;
    const check = (s: string) => {
      const pass = { words: 0, tokens: [] };
      recognizePlaces(s, gazetteer, pass);
      expect(pass.words).toBe(regexWords(s));
      expect(countWords(s)).toBe(regexWords(s));
    };
    for (const s of SAMPLES) check(s);
    check('The U.S. and N.C. paid $1,000,000.50 in the 1990s, 3rd time; 90’s and 90\'s. A. B. Smith, 2,5x, 1.5m.');
    fc.assert(fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), (ps) => check(ps.join(''))), { numRuns: 500 });
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), check), { numRuns: 300 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 60 }), check), { numRuns: 300 });
  });

  test('every ASCII code unit between letters', () => {
    let s = '';
    for (let c = 0; c < 128; c++) s += `a${String.fromCharCode(c)}B`;
    expect(words(foldedWords(s))).toEqual(expectedFolded(s));
    expect(countWordMatches(s)).toBe((s.match(/\p{N}+(?:[.,]\p{N}+)*|[\p{L}\p{N}]+(?:['’]\p{L}+)*/gu) ?? []).length);
  });

  test('read a few words at a time, the words complete so far are always the first words of the whole', () => {
    const parts = SAMPLES.flatMap((x) => x.split(/(?<= )/));
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...parts), { maxLength: 30 }), fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 20 }), (ps, steps) => {
        const s = ps.join('');
        const all = expectedFolded(s);
        const w = new FoldedWordStream(s);
        let want = 0;
        for (const step of steps) {
          want += step;
          const enough = w.fill(want);
          expect(enough).toBe(all.length >= want);
          expect(words(w)).toEqual(all.slice(0, w.count));
          expect(w.count).toBeGreaterThanOrEqual(Math.min(want, all.length));
        }
        w.fill(Infinity);
        expect(words(w)).toEqual(all);
      }),
      { numRuns: 400 },
    );
  });
});
