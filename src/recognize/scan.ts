// Character classes read by char code, for the recognisers' hand-written scanners: the same answers
// as the regex classes \p{L}, \p{N}, \p{Lu} (unicode mode, by code point) and \s, without running a regex
// per character. Classes of BMP characters are computed once per character and kept in a table.

const LETTER = 1;
const DIGIT = 2;
const UPPER = 4;
const KNOWN = 8;
/** The code unit changes under toLowerCase (the recognisers' notion of "capitalised"). */
const CASED_UPPER = 16;
const SPACE = 32;

const L_RE = /^\p{L}$/u;
const N_RE = /^\p{N}$/u;
const LU_RE = /^\p{Lu}$/u;
const S_RE = /^\s$/;

const table = new Uint8Array(65536);

function compute(cp: number): number {
  const s = String.fromCodePoint(cp);
  let v = KNOWN;
  if (L_RE.test(s)) v |= LETTER;
  if (N_RE.test(s)) v |= DIGIT;
  if (LU_RE.test(s)) v |= UPPER;
  if (S_RE.test(s)) v |= SPACE;
  return v;
}

for (let c = 0; c < 128; c++) {
  let v = KNOWN;
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) v |= LETTER;
  if (c >= 48 && c <= 57) v |= DIGIT;
  if (c >= 65 && c <= 90) v |= UPPER | CASED_UPPER;
  if (c === 32 || (c >= 9 && c <= 13)) v |= SPACE;
  table[c] = v;
}

function bmpClass(c: number): number {
  let v = table[c];
  if (v === 0) {
    // Lone surrogates are no letters (as in a unicode-mode regex).
    v = c >= 0xd800 && c <= 0xdfff ? KNOWN : compute(c);
    const s = String.fromCharCode(c);
    if (s !== s.toLowerCase()) v |= CASED_UPPER;
    table[c] = v;
  }
  return v;
}

const astral = new Map<number, number>();
function astralClass(cp: number): number {
  let v = astral.get(cp);
  if (v === undefined) {
    v = compute(cp);
    astral.set(cp, v);
  }
  return v;
}

/** The class bits of the code point starting at index i (see codeWidth for its length). */
function classAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return table[c];
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return astralClass(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000);
  }
  return bmpClass(c);
}

/** Length in code units of the code point at index i (2 for a surrogate pair, else 1). */
export function codeWidth(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return 2;
  }
  return 1;
}

/** \p{L} at index i (by code point). */
export function isLetterAt(text: string, i: number): boolean {
  return i < text.length && (classAt(text, i) & LETTER) !== 0;
}

/** [\p{L}\p{N}] at index i (by code point). */
export function isAlnumAt(text: string, i: number): boolean {
  return i < text.length && (classAt(text, i) & (LETTER | DIGIT)) !== 0;
}

/** \p{Lu} at index i (by code point). */
export function isUpperAt(text: string, i: number): boolean {
  return i < text.length && (classAt(text, i) & UPPER) !== 0;
}

/** \p{N} at index i (by code point). */
export function isDigitAt(text: string, i: number): boolean {
  return i < text.length && (classAt(text, i) & DIGIT) !== 0;
}

/** Is the code unit at i white space (as /\s/ tests it)? False beyond the text. (\s has no astral members.) */
export function spaceAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === 32 || (c >= 9 && c <= 13) || (c >= 128 && (bmpClass(c) & SPACE) !== 0);
}

/** An ASCII capital's lower case; other code units as they are (what /i folds without /u). */
export const asciiLower = (c: number): number => (c >= 65 && c <= 90 ? c | 32 : c);

/**
 * The lower case of a word of ASCII letters and digits whose only capital, if any, is its first character:
 * that one character folded (toLowerCase takes ICU's slow path on slices of a two-byte text, and most pages
 * have curly quotes).
 */
export const lowerTitled = (w: string): string => String.fromCharCode(asciiLower(w.charCodeAt(0))) + w.slice(1);

/** The code unit c is changed by toLowerCase (c !== c.toLowerCase() for the one-unit string). */
export function isCasedUpperUnit(c: number): boolean {
  return c < 128 ? c >= 65 && c <= 90 : (bmpClass(c) & CASED_UPPER) !== 0;
}

/**
 * End of the word starting at i, as /(?:\p{Lu}\.){2,4}|[\p{L}\p{N}]+(?:['’][\p{L}]+)* /u would match
 * it there (the caller has checked that a letter or digit starts at i).
 */
export function wordEnd(text: string, i: number): number {
  const n = text.length;
  let p = i;
  let c = text.charCodeAt(p);
  // Dotted initials first ("U.S.", "N.C."), as the regex's first alternative.
  if (c >= 65 && c <= 90 ? text.charCodeAt(p + 1) === 46 : c >= 128 && text.charCodeAt(p + codeWidth(text, p)) === 46) {
    let reps = 0;
    while (reps < 4 && p < n && (classAt(text, p) & UPPER) !== 0) {
      const w = codeWidth(text, p);
      if (text.charCodeAt(p + w) !== 46) break;
      p += w + 1;
      reps++;
    }
    if (reps >= 2) return p;
    p = i;
    c = text.charCodeAt(p);
  }
  for (;;) {
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) p++;
    else if (c >= 128 && (classAt(text, p) & (LETTER | DIGIT)) !== 0) p += codeWidth(text, p);
    else break;
    c = text.charCodeAt(p);
  }
  // Apostrophe groups ("O'Hare", "d’Ivoire"): letters only after the mark.
  while ((c === 39 || c === 0x2019) && isLetterAt(text, p + 1)) {
    p++;
    c = text.charCodeAt(p);
    for (;;) {
      if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) p++;
      else if (c >= 128 && (classAt(text, p) & LETTER) !== 0) p += codeWidth(text, p);
      else break;
      c = text.charCodeAt(p);
    }
  }
  return p;
}

/**
 * A word as the places recogniser reads it (its offsets, its text, its lower case when known), lent to the
 * claims recogniser: a claims token over the same span takes these strings instead of copying them out of the
 * text again (and their hashes, computed once, serve both recognisers' word lists).
 */
export interface SharedWord {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly low: string | undefined;
  /**
   * 1: the word is ASCII letters and digits only, with no capital after its first character; 2: the same with
   * a capital after the first; 0: other words. (A scanner may step over a word of 1 or 2 instead of reading it.)
   */
  readonly run: number;
}

/** What the places recogniser's pass over a text's words leaves for the rest of analyze. */
export interface WordPass {
  /** The text's word count (countWords), added to what was there. */
  words: number;
  /** The words of the text, in order (see SharedWord). */
  tokens: readonly SharedWord[];
  /** When given, gets the figures recogniser's candidates in the words, in order (see candidatesOfWord). */
  candidates?: number[];
}
