// The claim recogniser's hand-written tokeniser gives the same tokens as the regular expression it replaced
// (the one difference: a symbol outside the BMP, such as an emoji, is no word).
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { tokenize } from '../../src/recognize/claims/segment';

const TOKEN = /[\p{L}\p{N}]+(?:[’'\-.&/][\p{L}\p{N}]+)*|\S/gu;
// a token is a word when it starts with a letter or digit (an emoji, two code units long, is none)
const WORD_START = /^[\p{L}\p{N}]/u;

function reference(text: string, start: number, end: number) {
  const out: { start: number; end: number; text: string; word: boolean }[] = [];
  TOKEN.lastIndex = start;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(text))) {
    const s = m.index;
    if (s >= end) break;
    const e = Math.min(s + m[0].length, end);
    const t = text.slice(s, e);
    out.push({ start: s, end: e, text: t, word: WORD_START.test(t) });
  }
  return out;
}

const pieces = ['Kyiv', 'U.S.', "don't", 'AT&T', 'and/or', '—', '“', '”', ' ', '\u00a0', '\n', '\t', '42', '3.5', 'Zelenskyy’s', 'é', 'Straße', '𝐀', '😀', '.', ',', "'", '-', '\u2009', 'İ', 'ǅ'];

describe('tokenize', () => {
  test('same tokens as the regular expression on mixed text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), fc.nat(), fc.nat(), (parts, a, b) => {
        const text = parts.join('');
        // ranges begin and end between code points, as sentences and paragraphs do
        const cuts = [0];
        for (const ch of text) cuts.push(cuts[cuts.length - 1] + ch.length);
        const start = cuts[a % cuts.length];
        const later = cuts.filter((x) => x >= start);
        const end = later[b % later.length];
        const got = tokenize(text, { start, end }, []).map((t) => ({ start: t.start, end: t.end, text: t.text, word: t.word }));
        expect(got).toEqual(reference(text, start, end));
      }),
      { numRuns: 400 },
    );
  });
  test('lower case and capitals', () => {
    const toks = tokenize('The U.S. Senate voted', { start: 0, end: 21 }, []);
    expect(toks.map((t) => [t.lower, t.cap])).toEqual([['the', true], ['u.s', true], ['.', false], ['senate', true], ['voted', false]]);
  });
});
