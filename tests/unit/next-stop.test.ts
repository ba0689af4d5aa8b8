// The sentence splitter's search for the next full stop, exclamation or question mark keeps each mark's
// place between calls; whatever order the calls come in, and over whichever texts, it answers what a
// regex search from that position answers.
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { nextOfAny, nextStop } from '../../src/recognize/claims/segment';

/** The first of . ! ? at or after i, or -1: the search nextStop replaced. */
function bySearch(text: string, i: number, re = /[.!?]/g): number {
  re.lastIndex = i;
  return re.test(text) ? re.lastIndex - 1 : -1;
}

const texts = fc.array(fc.constantFrom('a', 'b', ' ', '.', '!', '?', '“', '\n'), { maxLength: 60 }).map((cs) => cs.join(''));

describe('nextStop', () => {
  test('answers as the regex search does for any sequence of calls over several texts', () => {
    fc.assert(
      fc.property(
        fc.array(texts, { minLength: 1, maxLength: 3 }),
        // each call: which text (by index), and where from (a fraction of its length)
        fc.array(fc.tuple(fc.nat(), fc.double({ min: 0, max: 1.2, noNaN: true })), { minLength: 1, maxLength: 40 }),
        (pool, calls) => {
          for (const [k, f] of calls) {
            // a copy with the same characters now and then: the kept places hold for it too
            const base = pool[k % pool.length];
            const text = k % 5 === 4 ? [...base].join('') : base;
            const i = Math.floor(f * text.length);
            expect(nextStop(text, i)).toBe(bySearch(text, i));
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  test('a search for other marks (the quotation marks) answers as their regex does', () => {
    const nextQuote = nextOfAny('"“«„‘\'');
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', ' ', '"', '“', '«', '„', '‘', "'", '”', '.'), { maxLength: 60 }).map((cs) => cs.join('')), fc.array(fc.nat(70), { minLength: 1, maxLength: 20 }), (text, at) => {
        for (const i of at) expect(nextQuote(text, i)).toBe(bySearch(text, i, /["“«„‘']/g));
      }),
      { numRuns: 300 },
    );
  });

  test('forward through a text, then back to its start, then another text of the same length', () => {
    const a = 'One. Two? Three! Four.';
    const b = 'Uno! Dos. Tres? Cuatr.';
    for (let i = 0; i <= a.length; i++) expect(nextStop(a, i)).toBe(bySearch(a, i));
    expect(nextStop(a, 0)).toBe(3);
    expect(nextStop(b, 0)).toBe(3);
    expect(nextStop(b, 4)).toBe(8);
    expect(nextStop(a, 4)).toBe(8);
    expect(nextStop(a, a.length)).toBe(-1);
  });
});
