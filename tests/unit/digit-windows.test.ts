// The figures recogniser's stretches around digits, read from the candidates instead of a search for digits,
// are exactly those the search gives, whatever the text.
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { digitWindows } from '../../src/recognize/figures';
import { candidatesOf } from '../../src/recognize/figures/candidates';
import { benchCorpus } from '../../scripts/bench-kit';

/** The stretches as the digits found by a search give them (the recogniser's code before the candidates fed it). */
function regexWindows(text: string): number[] {
  const isSpace = (c: number) => /\s/.test(String.fromCharCode(c));
  const out: number[] = [];
  const n = text.length;
  let ws = -1;
  let we = -1;
  const re = /[0-9]/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const d = m.index;
    let a = d;
    while (a > 0 && !isSpace(text.charCodeAt(a - 1))) a--;
    let b = d + 1;
    while (b < n && !isSpace(text.charCodeAt(b))) b++;
    let e = b;
    for (let k = 0; k < 6; k++) {
      while (e < n && isSpace(text.charCodeAt(e))) e++;
      while (e < n && !isSpace(text.charCodeAt(e))) e++;
    }
    e = Math.min(n, e + 3);
    if (a >= we) {
      let s = a;
      for (let k = 0; k < 3 && s > 0; k++) {
        while (s > 0 && isSpace(text.charCodeAt(s - 1))) s--;
        while (s > 0 && !isSpace(text.charCodeAt(s - 1))) s--;
      }
      if (s > 0) s--;
      if (s >= we) {
        if (ws >= 0) out.push(ws, we);
        ws = s;
      }
    }
    if (e > we) we = e;
    re.lastIndex = b;
  }
  if (ws >= 0) out.push(ws, we);
  return out;
}

const pieces = ['.', '!', '?', '"', '”', '’', "'", ')', ']', '“', '‘', '(', '[', ' ', '  ', '\n', '\n\n', '\t', '\u00a0', '\u2003', 'A', 'a', 'É', 'é', '٣', '7', '12', '1.5', 'x2', 'Mr', 'said', '𝐀', '😀', '\ud835', '\u0301', '-', ',', 'km'];
const texts = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((p) => p.join(''));

describe('the stretches around digits', () => {
  test('stretches around digits: the same from the candidates as from a search for digits', () => {
    fc.assert(fc.property(texts, (text) => { expect(digitWindows(text, candidatesOf(text))).toEqual(regexWindows(text)); }), { numRuns: 5000 });
    for (const { text } of benchCorpus()) expect(digitWindows(text, candidatesOf(text))).toEqual(regexWindows(text));
  });
});
