// Figure recogniser: finds numbers, measures, money, percentages, counts, durations and dates in
// text, with qualifiers and ranges, normalised per the Annotation contract (value, unit, si, iso).
import type { Annotation, FigureInfo, FigureKind, Qualifier } from '../types';
import { NUMBER_WORDS_SOURCE, NUMERAL_SOURCE, SCALE_ABBREVIATIONS, SCALE_WORDS, VAGUE_PLURALS, parseFractionWords, parseNumberWords, parseNumeral } from './figures/numbers';
import { CURRENCY_PREFIX_RE, CURRENCY_SUFFIX_RE, UNITS, UNIT_SYMBOL_RE, currencyForPrefix, matchUnitWord, currencyForSuffix, toSI, unitForForm, type UnitDef } from './figures/units';
import { DATE_RE, isoForSimple, resolveDate } from './figures/dates';
import { candidatesOf } from './figures/candidates';

export interface FigureOptions {
  /** ISO date of publication, for resolving relative dates. */
  published?: string;
}

// ---- compiled once ----

// (Where a figure may start: see CANDIDATE_RE in ./figures/candidates.)
const FRAC_Y = /(?:a|an|one|two|three|four|five|six|seven|eight|nine)[\s-](?:half|halves|thirds?|quarters?|fifths?|tenths?)(?![\p{L}-])/iuy;
const VAGUE_Y = /(?:(?:tens|hundreds)\s+of\s+)?(?:dozens|scores|hundreds|thousands|millions|billions|trillions)(?=\s+of\s)(?![\p{L}])/iuy;
const FRACTION_DENOMINATORS = new Set([2, 3, 4, 5, 6, 8, 10, 12, 16, 32, 64, 100]);
const NUMERAL_Y = new RegExp(`${NUMERAL_SOURCE}`, 'y');
const WORDS_Y = new RegExp(`${NUMBER_WORDS_SOURCE}(?![\\p{L}])`, 'iuy');
const SCALE_WORD_Y = /(?:\s?-\s?|\s)(hundred|thousand|million|billion|trillion|lakh|crore)(?![\p{L}])/iuy;
const SCALE_ABBR_Y = /\s?(bn|mn|mln|bln|tn|trn)(?![\p{L}\p{N}])/iuy;
const SCALE_LETTER_Y = /\s?([kKmMbB])(?![\p{L}\p{N}])/uy;
const ORDINAL_Y = /(st|nd|rd|th)(?![\p{L}\p{N}])/iuy;
const PERCENT_OWNED_Y = /-[\p{Ll}]+/uy;
const AGE_OLD_Y = /(?:\s?-\s?|\s)old(?![\p{L}])|\s+of\s+age(?![\p{L}])|\s?yo(?![\p{L}])/iuy;
const FEET_INCHES_Y = /\s?(\d{1,2}(?:\.\d+)?)\s?(?:inches|inch|in|″|")(?![\p{L}])/iuy;
const DOLLARS_CENTS_Y = new RegExp(`\\s+(?:and\\s+)?(\\d{1,2}|${NUMBER_WORDS_SOURCE})\\s+cents?(?![\\p{L}])`, 'iuy');
const POUNDS_Y = /(?:\s?-\s?|\s?)(pounds|pound)(?![\p{L}])/iuy;
const OF_Y = /\s+of\s+/iuy;
const WORD_Y = /[ \t\u00a0]+([\p{L}][\p{L}'’]*(?:-[\p{L}]+)*)/uy;
const HYPHEN_NOUN_Y = /-([\p{Ll}]{3,})(?![\p{L}-])/uy;
const AND_NOUN_Y = /[ \t\u00a0]+(?:and|or)[ \t\u00a0]+([\p{Ll}]{3,}s)(?![\p{L}])/uy;
const RANGE_SEP_Y = /\s?(?:-|–|—)\s?|\s+(?:to|and|-|–)\s+/iuy;
const TRAIL_QUAL_Y = /\s+or\s+(more|so|less|fewer)(?![\p{L}])|(-?plus|\+)(?![\p{L}\p{N}])/iuy;
/** Lone fraction and scale words are figures only in these company ("half of", "a quarter million"). */
const LONE_WORD_OK_Y = /\s+(?:of|a|an|million|billion|trillion|thousand|hundred)(?![\p{L}])/iuy;
/** A currency prefix read forwards, for the second end of a range ("$10 to $15"). */
const CURRENCY_AHEAD_Y = new RegExp(CURRENCY_PREFIX_RE.source.replace('\\s?$', '\\s?'), 'iuy');
/** Prefixes joined to a number by a hyphen that leave it a figure ("sub-7 nanometre", "mid-2020"). */
const HYPHEN_PREFIXES = new Set('sub mid pre post now over under top about around nearly some almost roughly approximately up'.split(' '));
const SCORE_Y = /[-–](\d{1,3})(?![\p{N}])/uy;

const QUALIFIERS: Record<string, Qualifier> = {
  about: 'about', around: 'about', some: 'about', nearly: 'about', almost: 'about', roughly: 'about',
  approximately: 'about', 'approx.': 'about', 'an estimated': 'about', estimated: 'about', 'close to': 'about', circa: 'about',
  'more than': 'more-than', over: 'more-than', above: 'more-than', 'in excess of': 'more-than', 'upwards of': 'more-than',
  exceeding: 'more-than', 'greater than': 'more-than', 'just over': 'more-than', 'well over': 'more-than',
  'less than': 'less-than', under: 'less-than', 'fewer than': 'less-than', below: 'less-than', 'just under': 'less-than',
  'up to': 'up-to', 'as many as': 'up-to', 'as much as': 'up-to', 'as high as': 'up-to', 'at most': 'up-to',
  'no more than': 'up-to', 'a maximum of': 'up-to',
  'at least': 'at-least', 'no fewer than': 'at-least', 'no less than': 'at-least', 'a minimum of': 'at-least',
  exactly: 'exact', precisely: 'exact',
};

/** Words that end a counted-noun search: they are not nouns ("10 were", "5 in", "one of"). */
const FUNCTION_WORDS = new Set(
  ('a an the this that these those its his her their our your my of in on at by for from to with without into onto over under ' +
    'and or but nor so yet as than then there here was were is are be been being has have had do does did will would shall ' +
    'should can could may might must not no per each every all any some more most less least few many much such other ' +
    'which who whom whose what when where why how it he she they we you i us them him me also only just even still already ' +
    'about around after before since until while during between among against through across up down out off above below ' +
    'said says say told tells according reported added ago earlier later last next new old percent cent another ' +
    'away back out if because though although whether both either neither again ever never always often own same very ' +
    'thus yes perhaps plus minus versus via including included makes takes gets goes comes seems looks remains means shows ' +
    'needs uses gives keeps leaves runs sits stands lies falls rises grows hits wins loses kills dies tries ends starts ' +
    'opens closes holds helps turns moves lives works plays pays sells buys sends sees knows thinks wants feels calls ' +
    'is was has does whereas hers ours yours theirs less unless across besides towards afterwards sometimes perhaps').split(' '),
);
/** Capitalised words that may precede a figure without making it part of a name ("In 2001", "About 40"). */
const CAPITALISED_OK = new Set(
  ('The A An In On At By For From To With Of And Or But Some About Around Nearly Almost Over Under Up Roughly More Less ' +
    'Fewer Only Just At Since Until After Before During Between Among About Approximately Estimated Another Than Then ' +
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August ' +
    'September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec It He She They We I You ' +
    'There Here This That These Those Its His Her Their Our All Each Every When While If As So Also Yet Still Even ' +
    'Almost Exactly Precisely Maybe Perhaps Nearly Only Another Both Per Top Last First Next Past Over US USD EUR GBP ' +
    'CHF JPY CNY RMB INR RUB UAH AUD CAD NZD HKD SGD BTC KRW ILS SEK NOK DKK PLN ZAR Rs Age Aged Ages').split(' '),
);
const IRREGULAR_PLURALS = new Set('people men women children police personnel staff troops cattle sheep fish deer aircraft offspring folk infantry clergy livestock'.split(' '));

/** Phone numbers, versions and codes, page furniture: numbers in these are not figures. */
const BLOCK_RE = new RegExp(
  [
    '(?:\\+\\d{1,3}[\\s.-]?)?\\(\\d{2,5}\\)[\\s.-]?\\d{2,5}[\\s.-]\\d{2,5}',
    '\\+\\d{1,3}(?:[\\s.-]\\d{1,5}){2,}',
    '\\b\\d{2,5}(?:-\\d{2,8}){2,}\\b',
    '\\b\\d{3}\\.\\d{3}\\.\\d{4}\\b',
    '\\b\\d+(?:\\.\\d+){2,}',
    '©\\s*(?:\\d{4}\\s*[-–]\\s*)?\\d{4}',
    '(?:\\b(?:Page|Photo|Image|Slide|Picture|Video|Part|Step|Chapter|Article|Section|Figure|Table|Vol\\.?|No\\.?|Nr\\.?)|#)\\s?\\d+(?:\\s+of\\s+\\d+)?',
    '\\b\\d+\\s+min(?:ute)?s?\\s+read\\b',
    // labels and addresses: "category 4 hurricane", "16-18 Industrial Avenue"
    '\\[\\d{1,3}\\]', // citation marks "[81]"
    '\\b(?:[Vv]ersion|v\\.?|[Mm]ode|[Cc]ategory|[Ll]evel|[Pp]hase|[Ss]tage|[Tt]ype|[Gg]rade|[Ee]pisode|[Gg]ame|[Rr]ound|[Rr]oom|[Ff]light|[Gg]ate|[Pp]latform|[Uu]nit|[Bb]uilding|[Ss]eason|[Ll]ine|[Bb]us|[Tt]rack)\\s?\\d+(?:\\.\\d+)*[A-Za-z]?\\b',
    '\\b\\d+(?:[-–]\\d+)?[A-Za-z]?\\s+(?:[A-Z][a-z]+\\s+|\\d+(?:st|nd|rd|th)\\s+){1,3}(?:Street|St\\.?|Avenue|Ave\\.?|Road|Rd\\.?|Boulevard|Blvd\\.?|Lane|Drive|Way|Square|Place|Court|Terrace|Cir\\.?|Circle|Highway|Hwy\\.?)\\b',
    '\\b\\d+\\s+(?:comments?|replies|reactions)\\b',
  ].join('|'),
  'g', // no unicode flag and no lookbehind: this scan runs over the whole text
);

// ---- reading one quantity ----

interface Quantity {
  start: number; // of the number (after any currency prefix)
  end: number;
  value: number;
  /** Written without scale or separators and as an integer: candidate for a year or an identifier. */
  plainInt: boolean;
  words: boolean;
  scaled: boolean;
  vague: boolean;
  kind?: FigureKind;
  unit?: UnitDef;
  currency?: string;
  noun?: string;
  age?: boolean;
}

/**
 * A Quantity with every field present (the optional ones undefined until set), in one order: all quantities
 * share one hidden class, so the recogniser reads their fields at known offsets instead of through a
 * megamorphic look-up (four literals and fields set in different orders gave them many classes).
 */
function newQuantity(start: number, end: number, value: number, plainInt: boolean, words: boolean, vague: boolean): Quantity {
  return { start, end, value, plainInt, words, scaled: false, vague, kind: undefined, unit: undefined, currency: undefined, noun: undefined, age: undefined };
}

/** An ASCII digit at i (/\d/ on text[i]; false outside the text). */
function digitAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 48 && c <= 57;
}

function isLetterOrDigit(ch: string | undefined): boolean {
  return ch !== undefined && LETTER_OR_DIGIT.test(ch);
}

function stickyAt(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

/** /^\d+$/.test(s), by code unit (read for every numeral). */
function allDigits(s: string): boolean {
  for (let k = 0; k < s.length; k++) if (!digitAt(s, k)) return false;
  return s.length > 0;
}

// Patterns of the rules below, made once: a regex literal in a function makes a new RegExp object each time it
// is evaluated (analyze made 2,273 a call on the bench text, some 800 of them at these sites).
const LETTER_CURRENCY_OR_DOT = /[\p{L}\p{Sc}.]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const LETTER_DOT_OR_HASH = /[\p{L}.#]/u;
const LINE_START_BEFORE = /(?:^|\n)[ \t]*$/;
const LETTER = /\p{L}/u;
const UPPER_FIRST = /^\p{Lu}/u;
const TIMES_AFTER = /^\s?[x×]\s?\d/;
const TIMES_BEFORE = /\d\s?[x×]\s?$/;
const ARTICLE = /^a(?:n)?$/i;

/** A fraction's slash and denominator right after a numeral ("1/2", "3 / 4"). */
const FRACTION_Y = /\s?\/\s?(\d{1,3})(?![\d/])/y;

/** Reads a numeral or number words at `pos` (no tails). */
function readNumber(text: string, pos: number): Quantity | null {
  const n = stickyAt(NUMERAL_Y, text, pos);
  if (n) {
    let end = pos + n[0].length;
    let value = parseNumeral(n[0]);
    // "1/2": a denominator after a slash, maybe after one space (the pattern runs only where one is)
    const after = text.charCodeAt(end);
    const f = after === 47 || (isSpace(after) && text.charCodeAt(end + 1) === 47) ? stickyAt(FRACTION_Y, text, end) : null;
    if (f && /^\d{1,2}$/.test(n[0]) && Number(f[1]) > value && FRACTION_DENOMINATORS.has(Number(f[1]))) {
      value = value / Number(f[1]);
      end += f[0].length;
    }
    return newQuantity(pos, end, value, !f && allDigits(n[0]), false, false);
  }
  const w = stickyAt(WORDS_Y, text, pos);
  if (w) {
    const fr = parseFractionWords(w[0]);
    const value = fr ?? parseNumberWords(w[0]);
    if (value === null) return null;
    return newQuantity(pos, pos + w[0].length, value, false, true, false);
  }
  return null;
}

function currencyBefore(text: string, start: number): { start: number; code: string } | undefined {
  const prev = text[start - 1] === ' ' ? text[start - 2] : text[start - 1];
  if (prev === undefined || !LETTER_CURRENCY_OR_DOT.test(prev)) return undefined;
  const left = text.slice(Math.max(0, start - 10), start);
  const m = CURRENCY_PREFIX_RE.exec(left);
  if (!m) return undefined;
  const code = currencyForPrefix(m[1]);
  return code ? { start: start - left.length + m.index + (m[0].length - m[0].trimStart().length), code } : undefined;
}

function isPluralNoun(w: string): boolean {
  const lw = w.toLowerCase();
  if (IRREGULAR_PLURALS.has(lw)) return true;
  if (FUNCTION_WORDS.has(lw) || lw.length < 3) return false;
  return /[^s'’u]s$/.test(lw) && !/(?:ous|ss|is|us|ics)$/.test(lw);
}

/** Adds scale, currency, unit, age and counted noun after a number. Returns false to drop it. */
function readTail(text: string, q: Quantity, hasCurrency: boolean): boolean {
  // scale: "1.5 million", "$5bn", "$13.6M"
  let m = stickyAt(SCALE_WORD_Y, text, q.end) ?? stickyAt(SCALE_ABBR_Y, text, q.end);
  if (!m && !q.words && (hasCurrency || stickyAt(/\s?[kKmMbB]\s?(?:USD|EUR|GBP|dollars|euros|pounds)\b/uy, text, q.end))) m = stickyAt(SCALE_LETTER_Y, text, q.end);
  if (m && !q.vague) {
    const s = m[1].toLowerCase();
    q.value *= SCALE_WORDS[s] ?? SCALE_ABBREVIATIONS[s];
    q.end += m[0].length;
    q.scaled = true;
    q.plainInt = false;
  }
  // ordinals: "21st" (numerals only)
  if (!q.words && !q.scaled && (m = stickyAt(ORDINAL_Y, text, q.end)) && q.plainInt) {
    q.end += m[0].length;
    q.kind = 'ordinal';
    return true;
  }
  // "of" after a vague plural: "billions of dollars", "thousands of people"
  let at = q.end;
  if (q.vague) {
    const of = stickyAt(OF_Y, text, at);
    if (of) at += of[0].length - 1;
  }
  // currency after the number: "10.5 million Australian dollars", "30 MUSD", "50 cents"
  const c = stickyAt(CURRENCY_SUFFIX_RE, text, at);
  if (c && !(c[2].length === 1 && /[pP]/.test(c[2]) && /\s/.test(c[0][0])) && currencyForSuffix(c[2])) {
    const code = currencyForSuffix(c[2])!;
    if (c[1]) q.value *= 1e6;
    q.currency = code;
    q.end = at + c[0].length;
    q.kind = 'money';
    // "3 dollars 50 cents"
    const dc = code === 'USD' ? stickyAt(DOLLARS_CENTS_Y, text, q.end) : null;
    if (dc) {
      const cents = /^\d+$/.test(dc[1]) ? Number(dc[1]) : parseNumberWords(dc[1]);
      if (cents !== null && cents < 100) {
        q.value += cents / 100;
        q.end += dc[0].length;
      }
    }
    // "75 USD million"
    const sc = stickyAt(SCALE_WORD_Y, text, q.end);
    if (sc && !q.scaled) {
      q.value *= SCALE_WORDS[sc[1].toLowerCase()];
      q.end += sc[0].length;
    }
    return true;
  }
  if (hasCurrency) {
    q.kind = 'money';
    return true;
  }
  // "pounds": money after a scale ("361 million pounds"), weight otherwise ("25 pounds")
  const p = stickyAt(POUNDS_Y, text, at);
  if (p) {
    q.end = at + p[0].length;
    if (q.scaled) {
      q.kind = 'money';
      q.currency = 'GBP';
    } else {
      q.kind = 'measure';
      q.unit = UNITS.get('lb');
    }
    return true;
  }
  // units
  const uw = matchUnitWord(text, at);
  const us = stickyAt(UNIT_SYMBOL_RE, text, at);
  let best = uw && us ? (us[0].length > uw[0].length ? us : uw) : (uw ?? us);
  const form = best ? (best[1] ?? best[2] ?? '') : '';
  if (best && best === us && /^[CF]$/.test(form) && !/^\s/.test(best[0])) best = null;
  // a capitalised unit word before another capitalised word is a name: "914 Second Class"
  if (best && /^\p{Lu}\p{Ll}{2}/u.test(form) && /^\s\p{Lu}/u.test(text.slice(at + best[0].length, at + best[0].length + 2))) best = null;
  if (best) {
    const def = unitForForm(form);
    if (def) {
      q.unit = def;
      q.kind = def.kind;
      q.end = at + best[0].length;
      if (def.id === 'ft') {
        const fi = stickyAt(FEET_INCHES_Y, text, q.end) ?? (best[0].startsWith('-') ? stickyAt(/-(\d{1,2})(?![\p{N}-])/uy, text, q.end) : null); // "6-foot-7"

        if (fi && Number(fi[1]) < 12) {
          q.value += Number(fi[1]) / 12;
          q.end += fi[0].length;
        }
      }
      if (def.kind === 'duration') {
        const old = stickyAt(AGE_OLD_Y, text, q.end);
        if (old) {
          q.end += old[0].length;
          q.age = true;
        }
      }
      if (def.id === '%') {
        const owned = stickyAt(PERCENT_OWNED_Y, text, q.end);
        if (owned) q.end += owned[0].length;
      }
      return true;
    }
  }
  if (!q.words && isLetterOrDigit(text[q.end])) return false; // "13F", "737MAX": an identifier
  if (stickyAt(/\s?yo(?![\p{L}])|(?:\s?-\s?|\s)year(?:s)?(?:\s?-\s?|\s)old/iuy, text, at)) {
    const a = stickyAt(/\s?yo(?![\p{L}])|(?:\s?-\s?|\s)years?(?:\s?-\s?|\s)old/iuy, text, at)!;
    q.unit = UNITS.get('year');
    q.kind = 'duration';
    q.age = true;
    q.end = at + a[0].length;
    return true;
  }
  // counted noun: "30 towns and villages", "10,000 Russian soldiers", "three-point"
  const h = stickyAt(HYPHEN_NOUN_Y, text, at);
  if (h && !FUNCTION_WORDS.has(h[1])) {
    q.noun = h[1];
    q.end = at + h[0].length;
    q.kind = 'count';
    return true;
  }
  readCountNoun(text, q, at);
  q.kind = 'count';
  return true;
}

/** The counted thing after a number: "30 towns and villages", "10,000 Russian soldiers". */
function readCountNoun(text: string, q: Quantity, at: number): void {
  let pos = at;
  for (let i = 0; i < 3; i++) {
    const wm = stickyAt(WORD_Y, text, pos);
    if (!wm) break;
    const w = wm[1];
    const lw = w.toLowerCase();
    if (FUNCTION_WORDS.has(lw) && !IRREGULAR_PLURALS.has(lw)) break;
    const plural = isPluralNoun(w);
    if (plural && q.value === 1 && q.words) break; // "one notes": a verb, not a count
    if (/^\p{Ll}/u.test(w) && (plural || (i === 0 && q.value <= 1 && !q.vague && !/(?:ly|ed|ing)$/.test(lw)))) {
      q.noun = lw;
      q.end = pos + wm[0].length;
      const more = stickyAt(AND_NOUN_Y, text, q.end);
      if (more && isPluralNoun(more[1])) q.end += more[0].length;
      break;
    }
    if (/[.,;:!?)]$/.test(w)) break;
    pos += wm[0].length;
  }
}

const QUALIFIER_PHRASES = [...Object.keys(QUALIFIERS), 'between', 'from', 'aged', 'age'];
/** Qualifier phrases by their last word, longest first: "than" -> "no more than", "more than" ... */
const QUALIFIERS_BY_LAST_WORD = new Map<string, string[]>();
for (const phrase of QUALIFIER_PHRASES.sort((a, b) => b.length - a.length)) {
  const last = phrase.split(' ').pop()!;
  QUALIFIERS_BY_LAST_WORD.set(last, [...(QUALIFIERS_BY_LAST_WORD.get(last) ?? []), phrase]);
}

/** The length of the shortest last word of a qualifier phrase. */
const QUALIFIER_LAST_MIN = Math.min(...[...QUALIFIERS_BY_LAST_WORD.keys()].map((w) => w.length));

/** /[A-Za-z.]/ on one code unit. */
function isAsciiLetterOrDot(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 46;
}

/** The qualifier phrase ending right before `start` ("more than ", "about "), if any. */
function qualifierBefore(text: string, start: number): { start: number; word: string } | undefined {
  let i = start;
  while (i > 0 && (text.charCodeAt(i - 1) === 32 || text.charCodeAt(i - 1) === 0xa0) && start - i < 3) i--;
  if (i === start) return undefined;
  let j = i;
  while (j > 0 && isAsciiLetterOrDot(text.charCodeAt(j - 1)) && i - j < 16) j--;
  // No phrase's last word is shorter (and none is empty): no need to look it up.
  if (i - j < QUALIFIER_LAST_MIN) return undefined;
  if (j > 0 && isLetterOrDigit(text[j - 1])) return undefined;
  const candidates = QUALIFIERS_BY_LAST_WORD.get(text.slice(j, i).toLowerCase());
  if (!candidates) return undefined;
  const left = text.slice(Math.max(0, i - 24), i).toLowerCase().replace(/\s+/g, ' ');
  for (const phrase of candidates) {
    if (!left.endsWith(phrase)) continue;
    const before = left[left.length - phrase.length - 1];
    if (isLetterOrDigit(before)) continue;
    // map back to the original text: count non-space characters from the end
    let pos = i;
    let need = phrase.replace(/ /g, '').length;
    while (pos > 0 && need > 0) {
      pos--;
      if (!isSpace(text.charCodeAt(pos))) need--;
    }
    return { start: pos, word: phrase };
  }
  return undefined;
}

/** The word right before a number (one optional space between), for the identifier test. */
function wordBefore(text: string, start: number): string | undefined {
  let i = start;
  if (text[i - 1] === ' ') i--;
  let j = i;
  while (j > 0 && LETTER_DOT_OR_HASH.test(text[j - 1]) && i - j < 30) j--;
  if (j === i) return undefined;
  const w = text.slice(j, i);
  return /^(?:\p{Lu}\p{L}*|\p{Ll}+\p{Lu}\p{L}*|No\.?|#)$/u.test(w) ? w : undefined;
}

function makeFigure(q: Quantity): FigureInfo {
  const f: FigureInfo = { kind: q.kind ?? 'count', value: q.value };
  if (q.currency) f.unit = q.currency;
  else if (q.unit) f.unit = q.unit.id;
  else if (q.noun) f.unit = q.noun;
  if (q.unit && q.kind !== 'percent') {
    const si = toSI(q.value, q.unit);
    if (si) f.si = si;
  }
  return f;
}

// ---- the recogniser ----

/**
 * The figures of the text. `candidates`: where CANDIDATE_RE matches in it (see candidatesOf), when analyze has
 * them from the places recogniser's pass over the words.
 */
export function recognizeFigures(text: string, options: FigureOptions = {}, candidates?: readonly number[]): Annotation[] {
  const out: Annotation[] = [];
  if (!text || !/[0-9a-z]/i.test(text)) return out;
  const blocked = new Uint8Array(text.length + 1);
  const mark = (s: number, e: number) => blocked.fill(1, s, e);

  // Where numbers may start (every ASCII digit among them), found here unless the places' pass found them.
  const cands = candidates ?? candidatesOf(text);
  // Every date and every blocked pattern holds a digit: they are looked for only in the stretches
  // around digits (as the candidates give them: see digitWindows).
  const windows = digitWindows(text, cands);

  // 1. dates first: their numbers are not counts
  for (let w = 0; w < windows.length; w += 2) {
    const from = windows[w];
    const part = text.slice(from, windows[w + 1]);
    DATE_RE.lastIndex = 0;
    for (let m = DATE_RE.exec(part); m; m = DATE_RE.exec(part)) {
    const g = m.groups!;
    const kind = g.iso ? 'iso' : g.year ? 'year' : g.time ? 'time' : g.decade ? 'decade' : 'chrono';
    // a year is matched with the word before it ("in 2014"); the figure is the year alone
    const s = g.year ?? m[0];
    const start = from + m.index + (g.yearpre?.length ?? 0);
    // numeric dates and times must not start inside a longer number ("1.5/10", "12:30:45")
    if ((g.num || g.time) && /[\d/.,:-]/.test(text[start - 1] ?? '') && /\d/.test(text[start - 2] ?? '')) continue;
    const end = start + s.length;
    if (kind === 'time' && !/[:apAP]/.test(s)) continue;
    const iso = kind === 'chrono' ? resolveDate(s, options.published) : isoForSimple(kind, s);
    // a date's value is its year where that is all it says; a full date is carried by `iso`
    const figure: FigureInfo = { kind: 'date', value: kind === 'year' ? Number(s) : null };
    if (iso) figure.iso = iso;
    out.push({ id: `figure:${start}`, category: 'figure', start, end, text: s, figure });
    mark(start, end);
    }
  }
  // 2. things that look like numbers but are not figures
  for (let w = 0; w < windows.length; w += 2) {
    const from = windows[w];
    const part = text.slice(from, windows[w + 1]);
    BLOCK_RE.lastIndex = 0;
    for (let m = BLOCK_RE.exec(part); m; m = BLOCK_RE.exec(part)) if (!blocked[from + m.index]) mark(from + m.index, from + m.index + m[0].length);
  }

  // 3. numbers, at the candidates from `at` on (where the search goes on: past what was read, or back)
  let at = 0;
  for (let c = 0; ; c += 2) {
    while (c > 0 && cands[c - 2] >= at) c -= 2;
    while (c < cands.length && cands[c] < at) c += 2;
    if (c >= cands.length) break;
    const start0 = cands[c];
    at = start0 + cands[c + 1];
    if (blocked[start0]) continue;
    const isDigit = cands[c + 1] === 1 && digitAt(text, start0);
    // a numeral must not start inside another ("1.5", "10,000")
    if (isDigit && (digitAt(text, start0 - 1) || ((text[start0 - 1] === '.' || text[start0 - 1] === ',') && digitAt(text, start0 - 2)))) continue;
    const g: { vague?: string; frac?: string } = {};
    if (!isDigit) {
      g.frac = stickyAt(FRAC_Y, text, start0)?.[0];
      if (!g.frac) g.vague = stickyAt(VAGUE_Y, text, start0)?.[0];
    }
    let q: Quantity | null;
    if (g.vague) {
      const lw = g.vague.toLowerCase();
      const last = lw.split(/\s+/).pop()!;
      const of = /\sof\s/.test(lw); // "tens of thousands", "hundreds of millions"
      const base = VAGUE_PLURALS[last] * (of && lw.startsWith('tens') ? 10 : of && lw.startsWith('hundreds') ? 100 : 1);
      q = newQuantity(start0, start0 + g.vague.length, base, false, true, true);
    } else if (g.frac && /^(?:a|an|one)[\s-](?:third|quarter|fifth|tenth)$/i.test(g.frac) && !stickyAt(LONE_WORD_OK_Y, text, start0 + g.frac.length)) {
      at = start0 + g.frac.length; // "a third stew", "one quarter": ordinals, not fractions
      continue;
    } else if (g.frac) {
      q = newQuantity(start0, start0 + g.frac.length, parseFractionWords(g.frac) ?? 0, false, true, false);
    } else {
      q = readNumber(text, start0);
    }
    if (!q) continue;
    if (!isDigit && !q.words) continue;
    const before = text[start0 - 1];
    // identifiers: "G7", "COVID-19", "Windows 11", "No. 10"
    const cur = q.words ? undefined : currencyBefore(text, start0);
    let nameBefore = false;
    if (!q.words) {
      // list markers at the start of a line ("1. AI shines"), footnotes ("alerts,22"), maths ("2^15"), scores ("4:1")
      const lineStart = LINE_START_BEFORE.test(text.slice(Math.max(0, start0 - 4), start0));
      if (lineStart && /^[.)]\s/.test(text.slice(q.end, q.end + 2))) continue;
      if (before === ',' && LETTER.test(text[start0 - 2] ?? '')) continue;
      if (before === '^' || text[q.end] === '^' || (text[q.end] === ':' && /^\d(?!\d)/.test(text.slice(q.end + 1, q.end + 3)))) {
        at = q.end + 2;
        continue;
      }
      if (before === ':' && digitAt(text, start0 - 2)) continue;
      // code and tickers: "level=6", "08008.HK", "401(K)"
      if ((before === '=' && /[a-z_]/.test(text[start0 - 2] ?? '')) || /^(?:\.[A-Z]{1,4}\b|\([A-Za-z]\))/.test(text.slice(q.end, q.end + 6))) {
        at = Math.max(at, skipToken(text, q.end));
        continue;
      }
    }
    // a capitalised number word inside a title or name: "The Four Golden Signals", "Final Four"
    if (q.words && UPPER_FIRST.test(text[start0]) && /^\s\p{Lu}\p{Ll}/u.test(text.slice(q.end, q.end + 3)) && !/^\s(?:I|A)\s/.test(text.slice(q.end, q.end + 3))) {
      const next = /^\s(\p{Lu}\p{L}*)/u.exec(text.slice(q.end, q.end + 20))?.[1] ?? '';
      if (!CAPITALISED_OK.has(next)) {
        at = q.end;
        continue;
      }
    }
    // "24/7", "9/11", "2/3rds": slashed numbers that are not fractions are not figures
    if (!q.words && (before === '/' || before === '\\') && digitAt(text, start0 - 2)) continue;
    if (!q.words && text[q.end] === '/' && digitAt(text, q.end + 1)) {
      at = q.end + 1;
      continue;
    }
    if (q.words && UPPER_FIRST.test(text[start0])) {
      const name = wordBefore(text, start0);
      if (name && !CAPITALISED_OK.has(name) && !/[.!?:]\s*$/.test(text.slice(Math.max(0, start0 - 3), start0))) {
        at = q.end; // "Final Four", "Fantastic Four"
        continue;
      }
    }
    if (!cur && !q.words) {
      if (before && /\p{L}/u.test(before)) {
        at = Math.max(at, skipToken(text, q.end));
        continue;
      }
      // "COVID-19", "F-16", "scp2-173": a hyphen after a code; "sub-7", "now-18" are fine
      if ((before === '-' || before === '‑') && isLetterOrDigit(text[start0 - 2])) {
        const tok = /[\p{L}\p{N}]+$/u.exec(text.slice(Math.max(0, start0 - 20), start0 - 1))?.[0] ?? '';
        if (!HYPHEN_PREFIXES.has(tok.toLowerCase())) continue;
      }
      const name = wordBefore(text, start0);
      nameBefore = !!name && !CAPITALISED_OK.has(name) && !/[,.]/.test(text.slice(start0 - 2, start0)) && (name === '#' || name.startsWith('No') || /^\d+(?:\.\d+)?$/.test(text.slice(q.start, q.end)));
      // sports scores "89-89", "2-1": not a range, not a figure
      const sc = stickyAt(SCORE_Y, text, q.end);
      if (sc && q.plainInt && Number(sc[1]) <= q.value && q.value < 300 && !isLetterOrDigit(text[q.end + sc[0].length])) {
        at = q.end + sc[0].length;
        continue;
      }
    }
    if (q.words && !g.frac && /^(?:half|quarter|hundred|thousand|million|billion|trillion|dozen)$/i.test(text.slice(q.start, q.end)) && !stickyAt(LONE_WORD_OK_Y, text, q.end)) {
      continue;
    }
    // negative numbers: "-20°C", "minus 5"
    let start = cur ? cur.start : start0;
    if (!cur && !q.words && (before === '-' || before === '−') && !isLetterOrDigit(text[start0 - 2])) {
      q.value = -q.value;
      start = start0 - 1;
    }
    if (!readTail(text, q, !!cur) || (nameBefore && !q.unit && !q.currency && !q.scaled)) {
      // identifiers: "13F", "Windows 11", "Boeing 737", "Route 66", "No. 10"
      at = Math.max(at, skipToken(text, q.end));
      continue;
    }
    if (cur) q.currency = q.currency && q.currency !== 'USD' ? q.currency : cur.code;
    // a bare integer between 1600 and 2099 is a year
    const yearAdjective = q.plainInt && q.noun && /\b(?:the|our|their|his|her|its|this|that|last|my|your)\s+$/i.test(text.slice(Math.max(0, start - 8), start)); // "our 2011 research"
    const dimension = TIMES_AFTER.test(text.slice(q.end, q.end + 4)) || TIMES_BEFORE.test(text.slice(Math.max(0, start - 4), start));
    if (q.plainInt && q.kind === 'count' && (!q.noun || yearAdjective) && !dimension && q.value >= 1600 && q.value <= 2199 && !qualifierBefore(text, start)) {
      out.push({ id: `figure:${start}`, category: 'figure', start, end: q.end, text: text.slice(start, q.end), figure: { kind: 'date', value: q.value, iso: String(q.value) } });
      mark(start, q.end);
      at = q.end;
      continue;
    }
    const figure = makeFigure(q);
    if (q.vague) figure.qualifier = 'more-than';
    // an age in apposition: "Yulia Skripal, 33, said"
    if (q.plainInt && q.kind === 'count' && !q.noun && q.value > 0 && q.value < 120 && /\p{Lu}\p{Ll}+,\s$/u.test(text.slice(Math.max(0, start - 12), start)) && /^(?:,|\s+and\s)/.test(text.slice(q.end, q.end + 5))) {
      Object.assign(figure, { kind: 'duration', unit: 'year', si: toSI(q.value, UNITS.get('year')!) });
    }
    // qualifier before (before any currency prefix)
    const qual = qualifierBefore(text, start);
    let end = q.end;
    if (qual) {
      if (qual.word === 'between' || qual.word === 'from') {
        // ranges are decided below
      } else if (qual.word === 'aged' || qual.word === 'age') {
        if (!q.unit && !q.currency && !q.noun) {
          figure.kind = 'duration';
          figure.unit = 'year';
          figure.si = toSI(q.value, UNITS.get('year')!);
          start = qual.start;
        }
      } else {
        figure.qualifier = QUALIFIERS[qual.word];
        start = qual.start;
      }
    }
    // ranges: "10 to 15", "10-15 km", "between 10 and 15"
    const sep = stickyAt(RANGE_SEP_Y, text, end);
    if (sep && q.kind !== 'ordinal' && !q.vague) {
      const word = sep[0].trim().toLowerCase();
      // "to" after "from", "by" or "at" is a change ("rose by $43.6 billion to $419.2 billion"), not a range
      const changeBefore = word === 'to' && /\b(?:by|at|from)\s+\S*$/i.test(text.slice(Math.max(0, start - 12), start));
      const okWord = word === 'and' ? qual?.word === 'between' : word === 'to' ? qual?.word !== 'from' && !changeBefore : true;
      let p2 = end + sep[0].length;
      const c2 = stickyAt(CURRENCY_AHEAD_Y, text, p2);
      if (c2 && q.currency) p2 += c2[0].length; // "$10 to $15"
      // "rose from 10 to 15 percent": not a range, but the first figure is a percentage too
      if (!okWord && word === 'to' && !q.unit && !q.currency && !q.noun && !q.words && !blocked[p2]) {
        const later = readNumber(text, p2);
        if (later && readTail(text, later, false) && (later.kind === 'percent' || later.kind === 'measure' || later.kind === 'money') && later.unit && !later.scaled) {
          Object.assign(figure, makeFigure({ ...q, unit: later.unit, kind: later.kind }));
        }
      }
      const r = okWord && !blocked[p2] ? readNumber(text, p2) : null;
      if (r && (q.words === r.words || !q.words)) {
        const hadUnit = !!(q.unit || q.currency || q.noun);
        const rOk = readTail(text, r, !!(q.currency || c2));
        const sameUnit = !hadUnit || (r.unit?.id ?? r.currency ?? r.noun) === (q.unit?.id ?? q.currency ?? q.noun) || (!r.unit && !r.currency && !r.noun);
        let low = q.value;
        if (r.scaled && !q.scaled && low < r.value / 1000) {
          for (const s of [1e3, 1e6, 1e9, 1e12]) if (low * s < r.value && low * s * 1000 >= r.value) { low *= s; break; }
        }
        if (rOk && sameUnit && r.value > low) {
          if (!hadUnit && (r.unit || r.currency || r.noun)) {
            Object.assign(figure, makeFigure({ ...r, value: low }));
          } else {
            figure.value = low;
            if (q.unit) figure.si = toSI(low, q.unit);
          }
          figure.qualifier = 'range';
          figure.high = r.value;
          if (q.plainInt && r.plainInt && !hadUnit && !r.unit && !r.noun && low >= 1600 && r.value <= 2099) {
            figure.kind = 'date'; // "between 2014 and 2017"
            figure.iso = String(low);
            delete figure.unit;
          }
          end = r.end;
          if (qual && (qual.word === 'between' || qual.word === 'from')) start = qual.start;
        }
      }
    }
    if (!figure.qualifier || figure.qualifier === 'more-than') {
      const t = stickyAt(TRAIL_QUAL_Y, text, end);
      if (t) {
        const w = (t[1] ?? t[2]).toLowerCase();
        figure.qualifier = w === 'more' || w.endsWith('plus') || w === '+' ? (w === 'more' ? 'at-least' : 'more-than') : w === 'so' ? 'about' : 'up-to';
        end += t[0].length;
        if (figure.kind === 'count' && figure.unit === undefined) {
          // "10,000 or more people"
          const probe: Quantity = { ...q, noun: undefined, end };
          readCountNoun(text, probe, end);
          if (probe.noun) {
            figure.unit = probe.noun;
            end = probe.end;
          }
        }
      }
    }
    if (q.age && figure.kind === 'duration') figure.unit = figure.unit ?? 'year';
    if (q.words && q.kind === 'count' && !q.noun && !figure.qualifier && /^(?:one|a|an)$/i.test(text.slice(q.start, q.end))) {
      // a lone "one" is a pronoun more often than a figure ("one of them", "no one")
      if (/\b(?:no|any|the|this|that|each|every|same|which|another|little|loved|right|wrong)\s$/i.test(text.slice(Math.max(0, start - 8), start)) || /^(?:\s+\d|['’]s\b|\s+another\b)/.test(text.slice(end, end + 9))) {
        at = q.end;
        continue;
      }
    }
    if (ARTICLE.test(text.slice(q.start, q.end))) {
      at = q.end;
      continue;
    }
    out.push({ id: `figure:${start}`, category: 'figure', start, end, text: text.slice(start, end), figure });
    mark(start, end);
    at = end;
  }
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  return dedupe(out);
}

/** \s: [\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff] */
function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Words (runs of non-space) a date or blocked pattern may take before its first digit ("Wednesday, September 5", "end of 2014": 2) and after its last ("16 North Main Street", "5 - 6, 2014": 4), with a margin. */
const WORDS_BEFORE_DIGIT = 3;
const WORDS_AFTER_DIGIT = 6;
/** Characters a pattern's lookahead may read past its last word. */
const LOOKAHEAD = 3;

/**
 * The stretches of text [start, end) pairs where DATE_RE and BLOCK_RE can match: every match holds an
 * ASCII digit, and reaches at most a few words before and after its digits. Each stretch starts on a
 * space (no match starts there, and what follows reads the same as in the whole text) and ends well
 * past anything a match around its digits could read, so the patterns find in the stretches exactly
 * what they find in the whole text. The digits are read from `cands` (see candidatesOf: every ASCII digit
 * of the text is one candidate of length 1), not searched for again.
 */
export function digitWindows(text: string, cands: readonly number[]): number[] {
  const out: number[] = [];
  const n = text.length;
  let ws = -1;
  let we = -1;
  // the end of the last digit's word: the rest of that word's digits share its window
  let past = 0;
  for (let c = 0; c < cands.length; c += 2) {
    const d = cands[c];
    if (d < past || cands[c + 1] !== 1) continue;
    const code = text.charCodeAt(d);
    if (code < 48 || code > 57) continue;
    // The word holding this digit, and the window around it.
    let a = d;
    while (a > 0 && !isSpace(text.charCodeAt(a - 1))) a--;
    let b = d + 1;
    while (b < n && !isSpace(text.charCodeAt(b))) b++;
    let e = b;
    for (let k = 0; k < WORDS_AFTER_DIGIT; k++) {
      while (e < n && isSpace(text.charCodeAt(e))) e++;
      while (e < n && !isSpace(text.charCodeAt(e))) e++;
    }
    e = Math.min(n, e + LOOKAHEAD);
    if (a >= we) {
      let s = a;
      for (let k = 0; k < WORDS_BEFORE_DIGIT && s > 0; k++) {
        while (s > 0 && isSpace(text.charCodeAt(s - 1))) s--;
        while (s > 0 && !isSpace(text.charCodeAt(s - 1))) s--;
      }
      if (s > 0) s--; // onto the space before the first word
      if (s >= we) {
        if (ws >= 0) out.push(ws, we);
        ws = s;
      }
    }
    if (e > we) we = e;
    past = b;
  }
  if (ws >= 0) out.push(ws, we);
  return out;
}
function skipToken(text: string, pos: number): number {
  while (pos < text.length && /[\p{L}\p{N}\-.]/u.test(text[pos]) && !/[.-]$/.test(text[pos] + (isLetterOrDigit(text[pos + 1]) ? '' : '.'))) pos++;
  return pos;
}

/** Overlapping figures (a date inside a range, say): keep the first, longest. */
function dedupe(list: Annotation[]): Annotation[] {
  const kept: Annotation[] = [];
  let lastEnd = -1;
  for (const a of list) {
    if (a.start < lastEnd) continue;
    kept.push(a);
    lastEnd = a.end;
  }
  return kept;
}
