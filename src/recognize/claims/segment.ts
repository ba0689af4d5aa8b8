// Splits article text for the claim recogniser: paragraphs, quotations (straight and curly, open
// over paragraph ends) and sentences that never break inside a quotation; all as offsets.
import { CUE_FORMS } from './lexicon';
import { asciiLower, lowerTitled, spaceAt, type SharedWord } from '../scan';

export interface Range {
  start: number;
  end: number;
}

export interface Quote extends Range {
  /** The quotation runs on past the end of its paragraph (no closing mark there). */
  open: boolean;
}

/** A Token's `f`: bit 0 word, bit 1 capital, the shape + 1 above them. */
const tokenFlags = (word: boolean, cap: boolean, shape: number): number => ((shape + 1) << 2) | (cap ? 2 : 0) | (word ? 1 : 0);

/**
 * A token of tokenize. Its word and capital flags and its shape share one field (f: bit 0 word, bit 1
 * capital, the shape + 1 above them), so each of a text's thousands of tokens is six fields, not eight.
 */
export class Token implements Range {
  private f: number;
  constructor(
    readonly start: number,
    readonly end: number,
    readonly text: string,
    readonly lower: string,
    /** Index of the quotation holding this token, or -1. */
    readonly quote: number,
    word: boolean,
    cap: boolean,
    shape: number,
  ) {
    this.f = tokenFlags(word, cap, shape);
  }
  /** Makes this token another one (see tokenize's `pool`). */
  reset(start: number, end: number, text: string, lower: string, quote: number, word: boolean, cap: boolean, shape: number): void {
    // (read-only to every reader: only tokenize makes a token over)
    const w = this as { -readonly [K in 'start' | 'end' | 'text' | 'lower' | 'quote']: Token[K] };
    w.start = start;
    w.end = end;
    w.text = text;
    w.lower = lower;
    w.quote = quote;
    this.f = tokenFlags(word, cap, shape);
  }
  /** Word (letters/digits) or a single punctuation character. */
  get word(): boolean { return (this.f & 1) !== 0; }
  /** Begins with an upper-case letter. */
  get cap(): boolean { return (this.f & 2) !== 0; }
  /** The wordShape of `lower` for a whole word of ASCII characters, else -1 (see wordShape). */
  get shape(): number { return (this.f >> 2) - 1; }
}

export function paragraphs(text: string): Range[] {
  const out: Range[] = [];
  // the runs of characters between line feeds (what /[^\n]+/g matches) that hold more than white space
  // (trim and \s know the same white space)
  for (let s = 0; s < text.length; ) {
    let e = text.indexOf('\n', s);
    if (e < 0) e = text.length;
    if (e > s) {
      const r = trim(text, s, e);
      if (r.end > r.start) out.push(r);
    }
    s = e + 1;
  }
  return out;
}

export function trim(text: string, start: number, end: number): Range {
  while (start < end && spaceAt(text, start)) start++;
  while (end > start && spaceAt(text, end - 1)) end--;
  return { start, end };
}

/** The closing mark for an opening mark, by code unit (“ ”, « », „ “, ‘ ’, " ", ' '), or -1. */
const closerOf = (c: number) => (c === 0x201c ? 0x201d : c === 0xab ? 0xbb : c === 0x201e ? 0x201c : c === 0x2018 ? 0x2019 : c === 34 || c === 39 ? c : -1);

/** The next character that may open a quotation (those closerOf knows). */
const nextQuoteMark = nextOfAny('"“«„‘\'');

/** Quotations within one paragraph. A double quote left open runs to the paragraph's end. */
export function quotes(text: string, para: Range): Quote[] {
  const out: Quote[] = [];
  let i = para.start;
  while (i < para.end) {
    if (i !== para.start) {
      // jump to the next character that may open a quotation (its place is kept for the next search)
      const next = nextQuoteMark(text, i);
      if (next < 0 || next >= para.end) break;
      i = next;
    }
    const c = text[i];
    // two apostrophes as a double quotation mark (''...''), as some archives print it
    if (c === "'" && text[i + 1] === "'" && isOpening(text, i + 1, para) && (i === para.start || !/[\p{L}\p{N}]/u.test(text[i - 1]))) {
      let j = i + 2;
      while (j < para.end - 1 && !(text[j] === "'" && text[j + 1] === "'" && !spaceAt(text, j - 1))) j++;
      const closed = j < para.end - 1;
      out.push({ start: i, end: closed ? j + 2 : para.end, open: !closed });
      i = closed ? j + 2 : para.end;
      continue;
    }
    // a paragraph opened with a closing mark by mistake ("”Mr. Trump ...”") still opens a quotation
    const misOpened = c === '”' && i === para.start && /\p{L}/u.test(text[i + 1] ?? '');
    // (the marks by code unit below: no one-character string per character of the quotation)
    const close = misOpened ? 0x201d : closerOf(text.charCodeAt(i));
    if (close < 0 || (!misOpened && !isOpening(text, i, para))) {
      i++;
      continue;
    }
    const single = c === '‘' || c === "'";
    // a double quotation closes with ” or " whichever of the two opened it
    const eitherDouble = !single && (close === 0x201d || close === 34);
    const opensLow = c === '„';
    let j = i + 1;
    let found = -1;
    const limit = single ? Math.min(para.end, i + 400) : para.end;
    while (j < limit) {
      const d = text.charCodeAt(j);
      if ((d === close || (eitherDouble && (d === 0x201d || d === 34))) && isClosing(text, j, para, single)) {
        found = j;
        break;
      }
      if (!single && d === 0x201c && !opensLow) break; // a new opening curly quote: the previous one stays open
      j++;
    }
    if (found >= 0) {
      out.push({ start: i, end: found + 1, open: false });
      i = found + 1;
    } else if (!single) {
      out.push({ start: i, end: Math.min(j, para.end), open: j >= para.end });
      i = j;
    } else {
      i++;
    }
  }
  return out;
}

function isOpening(text: string, i: number, para: Range): boolean {
  const prev = i > para.start ? text[i - 1] : ' ';
  const c = text[i];
  if (c === '”' || c === '»') return false;
  if (i + 1 >= para.end || spaceAt(text, i + 1)) return false;
  if (c === "'" || c === '‘') return /[\s(\[—–-]/.test(prev) || i === para.start;
  if (c === '"') return !/[\p{L}\p{N}]/u.test(prev) || i === para.start;
  return true;
}

function isClosing(text: string, j: number, para: Range, single: boolean): boolean {
  const prev = text[j - 1];
  const next = j + 1 < para.end ? text[j + 1] : ' ';
  // "... the term 'outreach,' ” he said": a space between a closing single quotation mark and the double one
  if (!single && prev === ' ' && (text[j - 2] === "'" || text[j - 2] === '’') && /[\p{L}\p{N}.,!?]/u.test(text[j - 3] ?? '') && (/[\s,.;:!?)]/.test(next) || j + 1 >= para.end)) return true;
  if (spaceAt(text, j - 1)) return false;
  if (single) {
    // an apostrophe inside a word ("don't") is not a closing quote
    if (/[\p{L}\p{N}]/u.test(next)) return false;
    return /[\s,.;:!?)—–-]/.test(next);
  }
  return true;
}

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gov', 'sen', 'rep', 'gen', 'lt', 'col', 'capt', 'sgt', 'st', 'jr', 'sr',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'no', 'vs', 'inc',
  'corp', 'co', 'ltd', 'u.s', 'u.k', 'u.n', 'e.g', 'i.e', 'etc', 'approx', 'dept', 'est', 'ft', 'mt', 'adm',
  'rev', 'maj', 'fig', 'pp', 'vol',
]);

/**
 * A search for the first of the code units of `marks` at or after i in a text (-1: none), what a regex
 * of their class finds from lastIndex i. Each mark's next place is found by indexOf and kept, with where
 * its search began, for the next call on the same text: the calls move forward through a text, so each
 * mark's search runs over the text about once (a regex search from each place re-read the text up to the
 * next mark every time, and a rare mark would send a plain indexOf to the end of the text each time).
 * (Each finder keeps a reference to the last text it searched until it is given another.)
 */
export function nextOfAny(marks: string): (text: string, i: number) => number {
  const chars = [...marks];
  const at = chars.map(() => -1);
  const from = chars.map(() => Infinity);
  let of: string | undefined;
  return (text, i) => {
    // (another string of the same characters may keep the places; `of` takes the newest, so that the
    // next calls compare the same object, without reading the characters)
    if (text !== of) from.fill(Infinity);
    of = text;
    let best = -1;
    for (let m = 0; m < chars.length; m++) {
      // the kept place holds when its search began at or before i and found nothing before i
      if (!(from[m] <= i && (at[m] < 0 || at[m] >= i))) {
        at[m] = text.indexOf(chars[m], i);
        from[m] = i;
      }
      if (at[m] >= 0 && (best < 0 || at[m] < best)) best = at[m];
    }
    return best;
  };
}

/** The next full stop, exclamation or question mark (/[.!?]/g from i). */
export const nextStop = nextOfAny('.!?');
/** A full stop, exclamation or question mark at i. */
const stopAt = (text: string, i: number) => {
  const c = text.charCodeAt(i);
  return c === 46 || c === 33 || c === 63;
};

/** Sentences of one paragraph; a boundary never falls inside a quotation. */
export function sentences(text: string, para: Range, qs: readonly Quote[]): Range[] {
  const out: Range[] = [];
  let start = para.start;
  let q = 0;
  for (let i = para.start; i < para.end; i++) {
    while (q < qs.length && qs[q].end <= i) q++;
    if (!(q < qs.length && qs[q].start <= i)) {
      // jump to the next full stop, mark or quotation: nothing else can end a sentence
      let next = nextStop(text, i);
      if (next < 0) next = para.end;
      if (q < qs.length && qs[q].start < next) next = qs[q].start;
      if (next >= para.end) break;
      i = next;
    }
    if (q < qs.length && qs[q].start <= i && i < qs[q].end) {
      // inside a quotation: jump to its end, and allow a break right after it
      i = qs[q].end - 1;
      if (stopAt(text, i - 1) && isBreak(text, i + 1, para.end) && !attributionFollows(text, i + 1, para.end)) {
        pushTrimmed(out, text, start, i + 1);
        start = i + 1;
      }
      continue;
    }
    const c = text[i];
    if (c !== '.' && c !== '!' && c !== '?') continue;
    if (c === '.' && isAbbreviation(text, i, para.start)) continue;
    let e = i + 1;
    while (e < para.end && stopAt(text, e)) e++;
    if (!isBreak(text, e, para.end)) continue;
    pushTrimmed(out, text, start, e);
    start = e;
    i = e - 1;
  }
  if (start < para.end) pushTrimmed(out, text, start, para.end);
  return out;
}

/** Adds the range without its white space at either end, unless nothing is left. */
function pushTrimmed(out: Range[], text: string, start: number, end: number): void {
  const r = trim(text, start, end);
  if (r.end > r.start) out.push(r);
}

const SPEAKER_PRONOUN = /^(he|she|they|we|i|it)$/i;

/** '“...?” Clinton said.': a short speaker and reporting verb after a quotation belong to its sentence. */
function attributionFollows(text: string, e: number, end: number): boolean {
  // a quotation signed with a dash and a name: '"..." — Tom Hale.'
  if (/^\s*[―—–]\s*\p{Lu}[\p{L}.’' -]{0,40}$/u.test(text.slice(e, end))) return true;
  const m = /^\s+((?:[\p{L}.’'-]+\s+){1,4}?)([\p{L}]+)(?=[\s.,;:!?]|$)/u.exec(text.slice(e, Math.min(end, e + 80)));
  if (!m) return false;
  const verb = m[2].toLowerCase();
  if (!CUE_FORMS.has(verb) || /ing$/.test(verb)) return false;
  const subject = m[1].trim().split(/\s+/);
  if (subject.length === 1 && SPEAKER_PRONOUN.test(subject[0])) return true;
  return subject.every((w, k) => /^\p{Lu}/u.test(w) || (k === 0 && /^(the|a)$/i.test(w)) || (k > 0 && /^[a-z]/.test(w) && !CUE_FORMS.has(w.toLowerCase())));
}

function isBreak(text: string, e: number, end: number): boolean {
  if (e >= end) return true;
  if (!spaceAt(text, e)) {
    // "Kharkiv.Russia says": a missing space before a capital still ends the sentence
    return /[A-Z]/.test(text[e]) && /[a-z]/.test(text[e - 2] ?? '');
  }
  let k = e;
  while (k < end && spaceAt(text, k)) k++;
  if (k >= end) return true;
  const c = text.charCodeAt(k);
  // ASCII by code (A-Z, 0-9 and " ' ( [ -), the rest by the regex
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 34 || c === 39 || c === 40 || c === 91 || c === 45;
  return /[\p{Lu}\p{N}"“‘'(\[«—–-]/u.test(text[k]);
}

const LETTER_OR_STOP = /[\p{L}.]/u;

function isAbbreviation(text: string, i: number, floor: number): boolean {
  let s = i;
  // back over letters and full stops (ASCII by code, the rest by the regex)
  while (s > floor) {
    const c = text.charCodeAt(s - 1);
    if (c < 128 ? c === 46 || (c >= 97 && c <= 122) || (c >= 65 && c <= 90) : LETTER_OR_STOP.test(text[s - 1])) s--;
    else break;
  }
  if (s === i) return false;
  const raw = text.slice(s, i);
  // the tests below need at most six characters or a full stop (lower case never shortens these letters):
  // a longer word without a stop, the most common case, is no abbreviation, without a lower-case copy
  if (raw.length > 6 && !raw.includes('.')) return false;
  const w = raw.toLowerCase();
  if (ABBREVIATIONS.has(w)) return true;
  // (the length tests first: one code point is at most two code units; letters with stops need three and a stop)
  if (w.length <= 2 && /^\p{L}$/u.test(w) && /\p{Lu}/u.test(text[s])) return true; // an initial: "J. Smith"
  return w.length >= 3 && w.includes('.') && /^(\p{L}\.)+\p{L}$/u.test(w); // "U.S."
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const UPPER = /^\p{Lu}/u;
const WORD_START = /^[\p{L}\p{N}]/u;

/**
 * The class of each UTF-16 code unit, filled on first sight from the regexes above (so exactly their
 * answers, without a regex run per character): 0 not seen yet, 1 letter or digit, 3 other.
 * High surrogates are never classed here: a letter beyond the BMP needs its pair (see wordCode).
 */
const CLASS = new Uint8Array(0x10000);
const WORDY = 1;
function classOf(c: number): number {
  let k = CLASS[c];
  if (k === 0) {
    const ch = String.fromCharCode(c);
    k = WORD_CHAR.test(ch) ? WORDY : 3;
    CLASS[c] = k;
  }
  return k;
}

/**
 * A word's shape: its length (up to 15) and its first, second and last code units, five bits each. A word list
 * can keep the shapes of its words as a bit set, to pass over a token whose shape it lacks without hashing its
 * string (for a word of one character the second code unit counts as 0).
 */
export function wordShape(w: string): number {
  return shapeOf(w.length, w.charCodeAt(0), w.length > 1 ? w.charCodeAt(1) : 0, w.charCodeAt(w.length - 1));
}
const shapeOf = (n: number, a: number, b: number, z: number) => ((n > 15 ? 15 : n) << 15) | ((a & 31) << 10) | ((b & 31) << 5) | (z & 31);

/** Letter or digit at code point c (the table for one code unit, the pair for a high surrogate). */
function wordCode(c: number, text: string, i: number): boolean {
  if (c >= 0xd800 && c <= 0xdbff) return WORD_CHAR.test(text.slice(i, i + 2));
  return classOf(c) === WORDY;
}
/** UTF-16 length of the code point at i. */
const width = (c: number) => (c >= 0xd800 && c <= 0xdbff ? 2 : 1);
/** Joiners inside a word: ’ ' - . & / */
const joiner = (c: number) => c === 0x2019 || c === 39 || c === 45 || c === 46 || c === 38 || c === 47;

/** The places recogniser's words lent to tokenize, and the first one not before the sentence being read. */
export interface LentWords {
  readonly words: readonly SharedWord[];
  at: number;
}

/**
 * Tokens of a range, each marked with the quotation it lies in: runs of letters and digits joined by
 * ’ ' - . & / ("U.S.", "don't", "AT&T"), and single other characters. (A hand-written scanner: the
 * same tokens as /[\p{L}\p{N}]+(?:[’'\-.&/][\p{L}\p{N}]+)*|\S/gu, without a match object per token.)
 * With a `pool`, the tokens are its objects, made over (the pool grows as a longer range needs): a caller that
 * reads one range's tokens at a time so allocates no token for the next range, and writes them to memory
 * that is still in the cache. The tokens of a call are then valid only until the next call with that pool.
 */
export function tokenize(text: string, range: Range, qs: readonly Quote[], lent?: LentWords, pool?: Token[]): Token[] {
  // the tokens go into the pool's objects, or into a fresh array; n: how many so far
  const into = pool ?? [];
  let n = 0;
  let q = 0;
  let i = range.start;
  const limit = text.length;
  while (i < range.end) {
    const c = text.charCodeAt(i);
    if (spaceAt(text, i)) {
      i++;
      continue;
    }
    const start = i;
    let word = false;
    // lower case already (ASCII letters a-z, digits and joiners only): no copy for `lower`
    let plain = true;
    // ASCII only (then the shape of its lower case can be read off the text)
    let ascii = true;
    // ASCII with its only capital first ("Trump", "The"): lower case by folding that one letter
    let titled = false;
    // the places recogniser's word starting here, if any
    let lw: SharedWord | undefined;
    if (wordCode(c, text, i)) {
      word = true;
      if (c < 97) {
        plain = c >= 48 && c <= 57;
        titled = c >= 65 && c <= 90;
      } else if (c > 122) plain = ascii = false;
      // a word the places recogniser read from here as ASCII letters and digits: stepped over (its letters
      // change only `plain` and `titled`), the scan goes on at its end
      // (tokens come in order, sentence after sentence: `lent.at` only moves on)
      if (lent !== undefined) {
        const ws = lent.words;
        let k = lent.at;
        while (k < ws.length && ws[k].start < start) k++;
        lent.at = k;
        if (k < ws.length && ws[k].start === start) lw = ws[k];
      }
      if (lw !== undefined && lw.run !== 0) {
        i = lw.end;
        if (lw.run === 2) plain = titled = false;
      } else i += width(c);
      for (;;) {
        while (i < limit) {
          const d = text.charCodeAt(i);
          // ASCII fast path: a-z and 0-9 keep the word plain, A-Z does not
          if (d >= 97 && d <= 122) i++;
          else if (d >= 48 && d <= 57) i++;
          else if (d >= 65 && d <= 90) {
            plain = titled = false;
            i++;
          } else if (d < 128 || !wordCode(d, text, i)) break;
          else {
            plain = titled = ascii = false;
            i += width(d);
          }
        }
        // a joiner followed by a letter or digit continues the word
        if (i + 1 < limit && joiner(text.charCodeAt(i)) && wordCode(text.charCodeAt(i + 1), text, i + 1)) {
          if (text.charCodeAt(i) > 127) plain = titled = ascii = false;
          i++;
          continue;
        }
        break;
      }
    } else i += c >= 0xd800 && c <= 0xdbff && i + 1 < limit && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
    let end = i;
    if (end > range.end) end = range.end;
    while (q < qs.length && qs[q].end <= start) q++;
    const inQuote = q < qs.length && qs[q].start <= start && end <= qs[q].end ? q : -1;
    // a word the places recogniser read over the same span lends its strings
    let t: string | undefined;
    let low: string | undefined;
    if (lw !== undefined && lw.end === end) {
      t = lw.text;
      low = lw.low;
    }
    if (t === undefined) t = text.slice(start, end);
    // a word cut by the range's end (inside a surrogate pair) is a word only if what is left starts one
    if (end < i && word) word = WORD_START.test(t);
    // only a letter is upper case: other characters skip the regex
    const cap = c < 128 ? c >= 65 && c <= 90 : (c >= 0xd800 || classOf(c) === WORDY) && UPPER.test(t);
    // (a whole title-case ASCII word by lowerTitled, without toLowerCase)
    const lower = !word || plain ? t : low !== undefined ? low : titled && end === i ? lowerTitled(t) : t.toLowerCase();
    const shape = word && ascii && end === i ? shapeOf(end - start, asciiLower(c), end - start > 1 ? asciiLower(text.charCodeAt(start + 1)) : 0, asciiLower(text.charCodeAt(end - 1))) : -1;
    if (n === into.length) into.push(new Token(start, end, t, lower, inQuote, word, cap, shape));
    else into[n].reset(start, end, t, lower, inQuote, word, cap, shape);
    n++;
  }
  // (with a pool, one array of the tokens' number: none grown token by token)
  return pool === undefined ? into : pool.slice(0, n);
}
