// Where a figure may start: the figures recogniser reads numbers and number words only at the matches of
// CANDIDATE_RE. The places recogniser's pass over the words finds them too (see candidatesOfWord), as it reads
// each word, so that analyze needs no scan of the text for them.

/** The number words of CANDIDATE_RE, besides "a" and "an" (one list for the pattern and the shape filter below). */
const NUMBER_WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety', 'hundred', 'hundreds', 'thousand', 'thousands', 'million', 'millions', 'billion', 'billions', 'trillion', 'trillions', 'dozen', 'dozens', 'half', 'quarter', 'lakh', 'crore', 'scores', 'tens'];
const NUMBER_WORD_SOURCE = `(?:an?(?=-[hqtfdmb]|\\s+[hqtfdmb])|${NUMBER_WORDS.join('|')})\\b`;
/**
 * Every place a figure may start: a digit or a number word. A plain, case-insensitive literal alternation (no
 * lookbehind, no unicode classes); the exact forms are then read with sticky patterns at each candidate.
 * "a" and "an" (the commonest words here) count only before a space or hyphen and a word that may be a
 * fraction or scale word ("a half", "a dozen", "a-quarter", "a million": first letters h q t f d m b, see
 * FRAC_Y and WORDS_Y in ../figures.ts); the lookahead rejects the other articles at once.
 */
export const CANDIDATE_RE = new RegExp(`\\d|\\b${NUMBER_WORD_SOURCE}`, 'gi');

/** The number words of CANDIDATE_RE (its alternatives after \b), matched at one position. */
const NUMBER_WORD_Y = new RegExp(NUMBER_WORD_SOURCE, 'iy');

/** The words NUMBER_WORD_Y can match (their forms in any case), by length and first and last letter, as bits. */
const SHAPES = new Int32Array(512);
const shapeOf = (n: number, first: number, last: number) => ((n > 15 ? 15 : n) << 10) | ((first & 31) << 5) | (last & 31);
for (const w of ['a', 'an', ...NUMBER_WORDS]) {
  const k = shapeOf(w.length, w.charCodeAt(0), w.charCodeAt(w.length - 1));
  SHAPES[k >>> 5] |= 1 << (k & 31);
}

/** [A-Za-z0-9_]: a word character to the regex's \b (no u flag). */
const regexWordChar = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;

/** The length of a number word matching at p, or 0 (the caller has checked \b before p). */
function numberWordAt(text: string, p: number): number {
  NUMBER_WORD_Y.lastIndex = p;
  const m = NUMBER_WORD_Y.exec(text);
  return m === null ? 0 : m[0].length;
}

/**
 * The matches of CANDIDATE_RE inside the word text[start, end), added to `out` as start and length pairs.
 * Every match lies inside one word (a run of letters and digits, as the places recogniser reads words): a
 * digit is one character, and a number word is ASCII letters between two \b. `run`: the word is ASCII letters
 * and digits only, `digit` whether it holds a digit; such a word has no \b inside, so it holds digits or is a
 * number word as a whole or holds no match. Other words are read character by character.
 */
export function candidatesOfWord(text: string, start: number, end: number, run: boolean, digit: boolean, out: number[]): void {
  if (run) {
    if (digit) {
      for (let p = start; p < end; p++) {
        const c = text.charCodeAt(p);
        if (c >= 48 && c <= 57) out.push(p, 1);
      }
      return;
    }
    const k = shapeOf(end - start, text.charCodeAt(start), text.charCodeAt(end - 1));
    if ((SHAPES[k >>> 5] & (1 << (k & 31))) === 0 || text.charCodeAt(start - 1) === 95) return;
    const n = numberWordAt(text, start);
    if (n > 0) out.push(start, n);
    return;
  }
  for (let p = start; p < end; p++) {
    const c = text.charCodeAt(p);
    if (c >= 48 && c <= 57) out.push(p, 1);
    else if (((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) && !regexWordChar(text.charCodeAt(p - 1))) {
      const n = numberWordAt(text, p);
      if (n > 0) {
        out.push(p, n);
        p += n - 1;
      }
    }
  }
}

/**
 * Every place CANDIDATE_RE matches in the text, as start and length pairs in order: all the places a match
 * may start, whatever lastIndex a search starts from (no match holds the start of another).
 */
export function candidatesOf(text: string): number[] {
  const out: number[] = [];
  CANDIDATE_RE.lastIndex = 0;
  for (let m = CANDIDATE_RE.exec(text); m; m = CANDIDATE_RE.exec(text)) out.push(m.index, m[0].length);
  return out;
}
