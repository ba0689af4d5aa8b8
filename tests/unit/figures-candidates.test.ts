// Where a figure may start, as the places recogniser's pass over the words finds it, is where the figures
// recogniser's candidate pattern matches, whatever the text: digits, number words in any case, "a"/"an" before
// a word of scale, and the edges of \b (underscores, letters outside ASCII, apostrophes, dotted initials).
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { candidatesOf } from '../../src/recognize/figures/candidates';
import { recognizeFigures } from '../../src/recognize/figures';
import { recognizePlaces } from '../../src/recognize/places';
import { loadBundledReference } from '../../cli/load-reference';
import { benchCorpus } from '../../scripts/bench-kit';
import type { WordPass } from '../../src/recognize/scan';

const gazetteer = loadBundledReference().gazetteer;
const fromPass = (text: string) => {
  const pass: WordPass = { words: 0, tokens: [], candidates: [] };
  recognizePlaces(text, gazetteer, pass);
  return pass.candidates!;
};
const NUMBER_WORDS = ['a', 'an', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety', 'hundred', 'hundreds', 'thousand', 'thousands', 'million', 'millions', 'billion', 'billions', 'trillion', 'trillions', 'dozen', 'dozens', 'half', 'quarter', 'lakh', 'crore', 'scores', 'tens'];
const casings = (w: string) => [w, w.toUpperCase(), w[0].toUpperCase() + w.slice(1), w.length > 1 ? w[0] + w[1].toUpperCase() + w.slice(2) : w];
const pieces = [...NUMBER_WORDS.flatMap(casings), 'tenth', 'ones', 'onerous', 'hundredth', 'often', ' ', '  ', '\t', '\n', '\u00a0', '-', '_', "'", '’', '’s', "'s", '.', ',', '/', 'é', 'É', 'ß', 'ſ', 'K', '٣', '0', '7', '12', '3rd', 'F16', 'x2', '1990s', 'U.S.', 'N.C.', 'h', 'M', 'q', 'b', 'day', 'house', 'Kyiv', 'said', '😀', '\u0301'];

describe('figure candidates from the places recogniser\'s pass', () => {
  test('the same places as the candidate pattern over the text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(fromPass(text)).toEqual(candidatesOf(text));
      }),
      { numRuns: 3000 },
    );
  });
  test('every number word, in each casing, alone, before a word of scale and at the edges of \\b', () => {
    for (const w of NUMBER_WORDS.flatMap(casings)) {
      for (const text of [w, `${w} hundred`, `${w}-million`, `_${w}`, `${w}_`, `é${w}`, `${w}é`, `${w}’s`, `(${w})`, `${w}1`]) {
        expect(fromPass(text), text).toEqual(candidatesOf(text));
      }
    }
  });
  test('recognizeFigures with them finds the same figures on the bench text', () => {
    for (const { text } of benchCorpus()) {
      const cands = fromPass(text);
      expect(cands.length).toBeGreaterThan(0);
      expect(recognizeFigures(text, { published: '2022-09-10' }, cands)).toEqual(recognizeFigures(text, { published: '2022-09-10' }));
    }
  });
});
