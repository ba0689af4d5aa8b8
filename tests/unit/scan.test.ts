// The recognisers' char-code scanner reads words exactly as the regex it replaces
// (/(?:\p{Lu}\.){2,4}|[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu), including astral letters, lone surrogates,
// combining marks, title-case and digit-like letters.
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { asciiLower, codeWidth, isAlnumAt, isCasedUpperUnit, isDigitAt, isLetterAt, isUpperAt, spaceAt, wordEnd } from '../../src/recognize/scan';

const WORD_RE = /(?:\p{Lu}\.){2,4}|[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

function byRegex(text: string): [number, number][] {
  return [...text.matchAll(WORD_RE)].map((m) => [m.index!, m.index! + m[0].length]);
}

function byScanner(text: string): [number, number][] {
  const out: [number, number][] = [];
  let i = 0;
  while (i < text.length) {
    if (!isAlnumAt(text, i)) { i += codeWidth(text, i); continue; }
    const e = wordEnd(text, i);
    out.push([i, e]);
    i = e;
  }
  return out;
}

const PIECES = ['A', 'B', 'a', 'z', '1', '.', "'", '’', ' ', '-', 'É', 'é', 'ß', 'İ', '𝐀', '𝐚', '😀', '\uD835', '\uDC00', 'Σ', 'ǅ', 'Ⅻ', '٣', '\u0301', 'ʼ', 'Ω', '\u00a0', 'ﬁ', '中', 's', 'S', 'U.S.', 'N.C.'];

describe('word scanner', () => {
  test.each([
    ['Kyiv, U.S. and N.C.A.B.C. O’Hare rock’n5 Côte d’Ivoire', 'words and initials'],
    ['A.B x.Y. É.B.sⅫ’中 𝐀.𝐁. 😀a', 'edges'],
    ['', 'empty'],
  ])('%s (%s)', (text) => expect(byScanner(text)).toEqual(byRegex(text)));

  test('matches the regex on generated text (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 40 }), fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((a) => a.join(''))), (text) => {
        expect(byScanner(text)).toEqual(byRegex(text));
      }),
      { numRuns: 3000 },
    );
  });

  test('character classes agree with the regex classes on every BMP character', () => {
    for (let c = 0; c < 0x10000; c++) {
      const s = String.fromCharCode(c);
      const lone = c >= 0xd800 && c <= 0xdfff;
      expect(isLetterAt(s, 0)).toBe(!lone && /^\p{L}$/u.test(s));
      expect(isDigitAt(s, 0)).toBe(!lone && /^\p{N}$/u.test(s));
      expect(isUpperAt(s, 0)).toBe(!lone && /^\p{Lu}$/u.test(s));
      expect(isCasedUpperUnit(c)).toBe(s !== s.toLowerCase());
    }
  });
});

describe('white space and ASCII lower case by code unit', () => {
  test('spaceAt is /\s/ for every BMP code unit, and false beyond the text', () => {
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      if (spaceAt(`a${ch}`, 1) !== /\s/.test(ch)) throw new Error(`spaceAt differs at U+${c.toString(16)}`);
    }
    expect(spaceAt(' ', 1)).toBe(false);
    expect(spaceAt(' ', -1)).toBe(false);
  });

  test('asciiLower folds A-Z only', () => {
    for (let c = 0; c < 0x10000; c++) {
      const want = c >= 65 && c <= 90 ? c + 32 : c;
      if (asciiLower(c) !== want) throw new Error(`asciiLower differs at ${c}`);
    }
    expect(asciiLower(0x130)).toBe(0x130);
  });
});
