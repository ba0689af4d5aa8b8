// The speaker book's quick test (name shapes) never rules out two names that sameSpeaker would join.
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { mayBeSame, nameShape, sameSpeaker, SpeakerBook, readSource } from '../../src/recognize/claims/speakers';

const words = [
  'Zelensky', 'Zelenskyy', 'Zelenksy', 'Volodymyr', 'V.', 'Ministry', 'Defence', 'Defense', 'Russian', 'Ukrainian',
  'Żełeński', 'Ólafur', 'Olafur', 'Jones’s', "Jones's", 'Jones', 'de', 'al', 'the', 'UN', 'Kremlin', 'Kremlyn',
  'İstanbul', 'Office', 'Ofice', 'Staff', 'General', 'Smith', 'Smyth', 'Smithe', 'x', '’s', 'Ab', 'Abcd', 'Abce',
];
const name = fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 4 }).chain((ws) =>
  fc.constantFrom(' ', '  ', '\u00a0').map((sep) => ws.join(sep)),
);

describe('speaker name shapes', () => {
  test('mayBeSame is false only when sameSpeaker is false', () => {
    fc.assert(
      fc.property(name, name, (a, b) => {
        if (!mayBeSame(nameShape(a), nameShape(b))) expect(sameSpeaker(a, b)).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });
  test('every pair of listed words', () => {
    for (const a of words) for (const b of words) if (!mayBeSame(nameShape(a), nameShape(b))) expect(sameSpeaker(a, b)).toBe(false);
  });
  test('the book still joins spellings and fuller names', () => {
    const book = new SpeakerBook();
    expect(book.resolve(readSource('Zelensky'), 0)).toBe('Zelensky');
    expect(book.resolve(readSource('Volodymyr Zelenskyy'), 10)).toBe('Volodymyr Zelenskyy');
    expect(book.resolve(readSource('Zelensky'), 20)).toBe('Volodymyr Zelenskyy');
    expect(book.resolve(readSource('the Russian Defence Ministry'), 30)).toBe('Russian Defence Ministry');
    expect(book.resolve(readSource('Defense Ministry'), 40)).toBe('Russian Defence Ministry');
    expect(book.entries.length).toBe(2);
  });
});
