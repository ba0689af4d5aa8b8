// Hand-written scanners for the hot word passes (word count, fingerprint shingles): the same matches
// as their regular expressions (`\p{L}`, `\p{N}` by code point), without building arrays of strings.

/** Character classes by code point: bit 1 a letter (\p{L}), bit 2 a number (\p{N}). */
export const LETTER = 1;
export const NUMBER = 2;

const IS_L = /^\p{L}$/u;
const IS_N = /^\p{N}$/u;
// BMP classes, filled on first sight: 0 not yet known, else class + 4.
const BMP = new Uint8Array(0x10000);
const ASTRAL = new Map<number, number>();

function classify(cp: number): number {
  const s = String.fromCodePoint(cp);
  return IS_L.test(s) ? LETTER : IS_N.test(s) ? NUMBER : 0;
}

for (let c = 0; c < 0x80; c++) BMP[c] = 4 + classify(c);

/** The class of a code point (LETTER, NUMBER or 0). */
export function charClass(cp: number): number {
  if (cp < 0x10000) {
    let k = BMP[cp];
    if (k === 0) {
      // lone surrogates are neither letters nor numbers
      k = 4 + (cp >= 0xd800 && cp <= 0xdfff ? 0 : classify(cp));
      BMP[cp] = k;
    }
    return k - 4;
  }
  let k = ASTRAL.get(cp);
  if (k === undefined) {
    k = classify(cp);
    ASTRAL.set(cp, k);
  }
  return k;
}

/** The code point at i (a surrogate pair as one), as `String.prototype.codePointAt` in /u matching. */
function codePointAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
  }
  return c;
}

const width = (cp: number) => (cp > 0xffff ? 2 : 1);

/** The end of the run of code points from i whose class has a bit of `mask`. */
function runEnd(s: string, i: number, mask: number): number {
  const n = s.length;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      if (!((BMP[c] - 4) & mask)) return i;
      i++;
      continue;
    }
    const cp = codePointAt(s, i);
    if (!(charClass(cp) & mask)) return i;
    i += width(cp);
  }
  return i;
}

// The number of matches of /\p{N}+(?:[.,]\p{N}+)*|[\p{L}\p{N}]+(?:['’]\p{L}+)*/gu in the text (the
// word count of src/analyze.ts), without the array of matches.
export function countWordMatches(s: string): number {
  const tally = { words: 0 };
  countWordMatchesFrom(s, 0, s.length, tally);
  return tally.words;
}

/**
 * Adds to `tally.words` the matches of countWordMatches's regex that start in [from, until) when its scan
 * resumes at `from`, and returns where the scan stopped: the end of its last match (which may run past
 * `until`) or `until`, the regex's lastIndex. Scans of consecutive pieces of a text, each from where the
 * one before stopped, count what one scan of the whole text counts.
 */
export function countWordMatchesFrom(s: string, from: number, until: number, tally: { words: number }): number {
  const n = s.length;
  let count = 0;
  let i = from;
  while (i < until) {
    const c = s.charCodeAt(i);
    const cp = c < 0x80 ? c : codePointAt(s, i);
    const k = c < 0x80 ? BMP[c] - 4 : charClass(cp);
    if (k === NUMBER) {
      count++;
      i = runEnd(s, i + width(cp), NUMBER);
      // (?:[.,]\p{N}+)*
      while (i + 1 < n) {
        const p = s.charCodeAt(i);
        if (p !== 0x2e && p !== 0x2c) break;
        const next = codePointAt(s, i + 1);
        if (charClass(next) !== NUMBER) break;
        i = runEnd(s, i + 1 + width(next), NUMBER);
      }
    } else if (k === LETTER) {
      count++;
      i = runEnd(s, i + width(cp), LETTER | NUMBER);
      // (?:['’]\p{L}+)*
      while (i + 1 < n) {
        const p = s.charCodeAt(i);
        if (p !== 0x27 && p !== 0x2019) break;
        const next = codePointAt(s, i + 1);
        if (charClass(next) !== LETTER) break;
        i = runEnd(s, i + 1 + width(next), LETTER);
      }
    } else {
      i += width(cp);
    }
  }
  tally.words += count;
  return i;
}

/**
 * The runs of `[\p{L}\p{N}]+` in s, as start and end offsets pushed to `bounds` (start0, end0, start1, ...).
 * Returns the number of runs.
 */
export function wordRuns(s: string, bounds: number[]): number {
  const n = s.length;
  let i = 0;
  let runs = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    let k: number;
    let w = 1;
    if (c < 0x80) k = BMP[c] - 4;
    else {
      const cp = codePointAt(s, i);
      k = charClass(cp);
      w = width(cp);
    }
    if (k) {
      const end = runEnd(s, i + w, LETTER | NUMBER);
      bounds.push(i, end);
      runs++;
      i = end;
    } else {
      i += w;
    }
  }
  return runs;
}

// ---- folding by code unit -------------------------------------------------------------------------

/**
 * `s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()` one code unit at a time: every BMP code
 * unit folds to one code unit, to nothing (marks) or needs the whole string (SLOW: surrogates,
 * Hangul syllables and the few others that decompose into several letters, and capital sigma, whose
 * lower case depends on the next letter). No other code unit has a canonical combining class but the
 * marks, so without SLOW code units folding the string is folding each code unit.
 * Entries: 0 not yet known, DELETE, SLOW, else 1 + (folded code unit << 2 | its class).
 */
const FOLD = new Int32Array(0x10000);
export const DELETE = -1;
export const SLOW = -2;

function foldUnit(c: number): number {
  if ((c >= 0xd800 && c <= 0xdfff) || c === 0x3a3) return SLOW;
  const s = String.fromCharCode(c).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  if (!s.length) return DELETE;
  const f = s.charCodeAt(0);
  if (s.length > 1 || (f >= 0xd800 && f <= 0xdfff)) return SLOW;
  return 1 + ((f << 2) | charClass(f));
}

/** Words of a folded text: their code units one after another in `units`, word k at [ends[k-1], ends[k]). */
export interface FoldedWords {
  units: Uint16Array;
  ends: Int32Array;
  count: number;
}

/**
 * The words of `s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()` (runs of `[\p{L}\p{N}]`),
 * folded one code unit at a time when no code unit needs the whole string.
 */
export function foldedWords(s: string): FoldedWords {
  const w = new FoldedWordStream(s);
  w.fill(Infinity);
  return w;
}

/**
 * foldedWords read only as far as asked (`fill`): a reader that stops early (a fingerprint found
 * in the first part of a long text) folds no more than it read. `units`, `ends` and `count` are
 * foldedWords' for the words complete so far; those words never change as more are read.
 */
export class FoldedWordStream implements FoldedWords {
  units: Uint16Array;
  ends: Int32Array;
  count = 0;
  /** Where the next code unit goes in units, and the next one to read in the text. */
  private u = 0;
  private i = 0;
  private inWord = false;
  private done = false;

  constructor(private readonly s: string) {
    this.units = new Uint16Array(s.length);
    this.ends = new Int32Array((s.length >> 3) + 16);
  }

  /** Folds on until `want` words are complete or the text has ended; true when there are `want`. */
  fill(want: number): boolean {
    if (this.count >= want || this.done) return this.count >= want;
    const s = this.s;
    const n = s.length;
    const units = this.units;
    let { u, i, inWord } = this;
    for (; i < n; i++) {
      const c = s.charCodeAt(i);
      let wordUnit: number;
      // ASCII by its ranges (as FOLD has it): letters fold to lower case, digits stay, the rest ends a word.
      if (c < 0x80) wordUnit = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) ? c : c >= 65 && c <= 90 ? c + 32 : -1;
      else {
        let e = FOLD[c];
        if (e === 0) e = FOLD[c] = foldUnit(c);
        if (e === SLOW) {
          // The whole string folds at once. (The words complete so far are its first words: a word
          // ends at a unit that is no letter, number or mark, and normalising never moves a mark over such a unit.)
          const all = wordsOfFolded(s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase());
          this.units = all.units;
          this.ends = all.ends;
          this.count = all.count;
          this.done = true;
          return this.count >= want;
        }
        if (e === DELETE) continue;
        wordUnit = ((e - 1) & 3) !== 0 ? (e - 1) >> 2 : -1;
      }
      if (wordUnit >= 0) {
        units[u++] = wordUnit;
        inWord = true;
      } else if (inWord) {
        this.push(u);
        inWord = false;
        if (this.count >= want) {
          i++;
          break;
        }
      }
    }
    if (i >= n) {
      if (inWord) this.push(u);
      inWord = false;
      this.done = true;
    }
    this.u = u;
    this.i = i;
    this.inWord = inWord;
    return this.count >= want;
  }

  private push(end: number): void {
    if (this.count === this.ends.length) {
      const e = new Int32Array(2 * this.ends.length);
      e.set(this.ends);
      this.ends = e;
    }
    this.ends[this.count++] = end;
  }
}

/** The words of text folded already, as foldedWords gives them. */
function wordsOfFolded(t: string): FoldedWords {
  const bounds: number[] = [];
  const count = wordRuns(t, bounds);
  const units = new Uint16Array(t.length);
  const ends = new Int32Array(count);
  let u = 0;
  for (let k = 0; k < count; k++) {
    for (let i = bounds[2 * k]; i < bounds[2 * k + 1]; i++) units[u++] = t.charCodeAt(i);
    ends[k] = u;
  }
  return { units, ends, count };
}
