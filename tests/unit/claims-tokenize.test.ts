// The claim recogniser's hand-written tokeniser (a character table, ASCII word shapes) gives the same tokens,
// words, capitals and lower case as the regular expressions it replaced, for every kind of white space
// (U+FEFF and U+3000 too), letters and digits of other scripts, marks and symbols (the one difference: a
// symbol outside the BMP, such as an emoji, is no word).
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { tokenize, wordShape } from '../../src/recognize/claims/segment';
import { recognizePlaces } from '../../src/recognize/places';
import { recognizeClaims } from '../../src/recognize/claims';
import { loadBundledReference } from '../../cli/load-reference';
import { benchCorpus } from '../../scripts/bench-kit';
import type { WordPass } from '../../src/recognize/scan';

const TOKEN = /[\p{L}\p{N}]+(?:[’'\-.&/][\p{L}\p{N}]+)*|\S/gu;
const WORD_START = /^[\p{L}\p{N}]/u;
const UPPER = /^\p{Lu}/u;

function reference(text: string, start: number, end: number) {
  const out: { start: number; end: number; text: string; word: boolean; cap: boolean; lower: string }[] = [];
  TOKEN.lastIndex = start;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(text))) {
    const s = m.index;
    if (s >= end) break;
    const e = Math.min(s + m[0].length, end);
    const t = text.slice(s, e);
    const word = WORD_START.test(t);
    out.push({ start: s, end: e, text: t, word, cap: UPPER.test(t), lower: word ? t.toLowerCase() : t });
  }
  return out;
}

const spaces = [' ', '\t', '\n', '\v', '\f', '\r', '\u00a0', '\u1680', '\u2000', '\u2007', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff'];
const others = ['Kyiv', 'said', 'U.S.', "don't", 'AT&T', '—', '“', '”', '’', '42', '٣', 'é', 'Émile', 'Straße', 'İ', 'ǅ', 'Ωμέγα', '東京', '𝐀', '😀', '\u0301', '\u200b', '\u2060', '.', ',', "'", '-', '/', '&', '½', 'Ⅻ', 'and/or', '3.5', 'Zelenskyy’s', '\u2009'];

/** Every field a reader of a token sees. */
const fields = (ts: ReturnType<typeof tokenize>) => ts.map((t) => ({ start: t.start, end: t.end, text: t.text, lower: t.lower, word: t.word, cap: t.cap, shape: t.shape, quote: t.quote }));

describe('tokenize', () => {
  test('same tokens, words, capitals and lower case as the regular expressions', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...spaces, ...others), { maxLength: 40 }), fc.nat(), fc.nat(), (parts, a, b) => {
        const text = parts.join('');
        const cuts = [0];
        for (const ch of text) cuts.push(cuts[cuts.length - 1] + ch.length);
        const start = cuts[a % cuts.length];
        const later = cuts.filter((x) => x >= start);
        const end = later[b % later.length];
        const got = tokenize(text, { start, end }, []).map((t) => ({ start: t.start, end: t.end, text: t.text, word: t.word, cap: t.cap, lower: t.lower }));
        expect(got).toEqual(reference(text, start, end));
      }),
      { numRuns: 1500 },
    );
  });
  test('every white space character separates words', () => {
    for (const sp of spaces) expect(tokenize(`a${sp}b`, { start: 0, end: 3 }, []).map((t) => t.text)).toEqual(['a', 'b']);
  });
  test('a word of ASCII characters carries the shape of its lower case; other tokens none', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...spaces, ...others, 'SAID', 'Said', 'sAiD', 'x', 'I', 'U.S', "O'Brien", 'Kyiv-based', '1990s'), { maxLength: 30 }), (parts) => {
        const text = parts.join(' ');
        for (const t of tokenize(text, { start: 0, end: text.length }, [])) {
          const ascii = t.word && /^[\x00-\x7f]+$/.test(t.text);
          expect(t.shape).toBe(ascii ? wordShape(t.lower) : -1);
        }
      }),
      { numRuns: 500 },
    );
  });
  test('with the places recogniser\'s words lent, the same tokens, ranges read one after another', () => {
    const gazetteer = loadBundledReference().gazetteer;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...spaces, ...others, 'Said', 'SAID', 'McDonald', 'iPhone', 'x1', 'well-known', 'F-16s', "O'Brien", 'Kyiv’s', "Kharkiv's", 'N.C.', '1,000', 'St.'), { maxLength: 40 }), fc.array(fc.nat(), { maxLength: 5 }), (parts, cuts) => {
        const text = parts.join('');
        const pass: WordPass = { words: 0, tokens: [] };
        recognizePlaces(text, gazetteer, pass);
        const lent = { words: pass.tokens, at: 0 };
        const ends = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        let start = 0;
        for (const end of [...ends, text.length]) {
          if (end < start) continue;
          expect(fields(tokenize(text, { start, end }, [], lent))).toEqual(fields(tokenize(text, { start, end }, [])));
          start = end;
        }
      }),
      { numRuns: 1000 },
    );
  });
  test('with a pool, the same tokens, in the pool\'s objects made over from one range to the next', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...spaces, ...others, 'Said', 'SAID', '“He said”', '"x"'), { maxLength: 40 }), fc.array(fc.nat(), { maxLength: 5 }), (parts, cuts) => {
        const text = parts.join('');
        const qs = [...text.matchAll(/["“][^"”]*["”]/g)].map((m) => ({ start: m.index, end: m.index + m[0].length, open: false }));
        const ends = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const pool: ReturnType<typeof tokenize> = [];
        let start = 0;
        for (const end of [...ends, text.length]) {
          const before = [...pool];
          const got = tokenize(text, { start, end }, qs, undefined, pool);
          expect(fields(got)).toEqual(fields(tokenize(text, { start, end }, qs)));
          // the pool holds as many objects as the longest range needed, and the tokens are they
          expect(got.every((t, i) => pool[i] === t)).toBe(true);
          // the objects an earlier range made are made over, not replaced
          expect(before.every((t, i) => pool[i] === t)).toBe(true);
          start = end;
        }
      }),
      { numRuns: 1000 },
    );
  });
  test('recognizeClaims with the places recogniser\'s words lent finds the same claims on the bench text', () => {
    const gazetteer = loadBundledReference().gazetteer;
    for (const { text } of benchCorpus()) {
      const pass: WordPass = { words: 0, tokens: [] };
      recognizePlaces(text, gazetteer, pass);
      expect(pass.tokens.length).toBeGreaterThan(0);
      expect(recognizeClaims(text, pass.tokens)).toEqual(recognizeClaims(text));
    }
  });
  test('lower case and capitals', () => {
    const toks = tokenize('The U.S. Senate voted', { start: 0, end: 21 }, []);
    expect(toks.map((t) => [t.lower, t.cap])).toEqual([['the', true], ['u.s', true], ['.', false], ['senate', true], ['voted', false]]);
  });
});
