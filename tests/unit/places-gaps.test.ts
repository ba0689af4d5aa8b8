// The place recogniser's hand-written tests of a word's ending and of the gap between two names give
// what the regular expressions they replace give.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { isCommaGap, isListGap, looksLikeDemonym } from '../../src/recognize/places';

const PARTS = [' ', '  ', '\n', '\t', '\u00a0', '\u2009', '\u3000', '\ufeff', ',', ';', 'and', 'or', 'And', 'OR', 'andy', 'ore', 'x', 'ian', 'IAN', 'ean', 'ese', 'ESE', 'ish', 'ans', 'ians', 'ic', 'IC', 'i', 'I', 'an', 'aN', 'ſ', 'ı', 'é', 'Brit', 'Kor', 'Pakistan', 'Thai', '😀'];
const piece = fc.array(fc.constantFrom(...PARTS), { maxLength: 8 }).map((xs) => xs.join(''));

describe('place recogniser: hand-written tests equal their regular expressions', () => {
  test('looksLikeDemonym is /(?:ian|ean|ese|ish|ans|ians|ic|i|an)$/i on words longer than four units', () => {
    fc.assert(
      fc.property(fc.oneof(piece, fc.string({ maxLength: 12 })), (w) => {
        expect(looksLikeDemonym(w)).toBe(w.length > 4 && /(?:ian|ean|ese|ish|ans|ians|ic|i|an)$/i.test(w));
      }),
      { numRuns: 3000 },
    );
    for (const w of ['Russian', 'Korean', 'Chinese', 'British', 'Afghans', 'Italians', 'Baltic', 'Iraqi', 'Afghan', 'Paris', 'BRITISH', 'Kyiv'])
      expect(looksLikeDemonym(w)).toBe(/(?:ian|ean|ese|ish|ans|ians|ic|i|an)$/i.test(w) && w.length > 4);
  });

  test('the gaps between names, at any offsets of a longer text', () => {
    fc.assert(
      fc.property(piece, piece, piece, (before, gap, after) => {
        const text = before + gap + after;
        const from = before.length;
        const to = from + gap.length;
        expect(isCommaGap(text, from, to)).toBe(/^,\s*$/.test(gap));
        expect(isListGap(text, from, to)).toBe(/^(?:\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+)$/.test(gap));
        // names that overlap leave no gap
        expect(isCommaGap(text, to, from)).toBe(false);
        expect(isListGap(text, to, from)).toBe(to === from ? /^(?:\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+)$/.test('') : false);
      }),
      { numRuns: 4000 },
    );
  });
});
