// Dates and times written with numbers ("February 24", "Sept. 11, 2001", "2022-09-10", "in 2014",
// "10:30 pm"), resolved to ISO with chrono-node on the candidate only, never after publication.
import * as chrono from 'chrono-node';

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept\\.?|Sep\\.?|Oct\\.?|Nov\\.?|Dec\\.?';
const DAY = '(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?';
const YEAR = '(?:1[6-9]\\d\\d|2[01]\\d\\d)';
const WEEKDAY = '(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\\s+)?';

/** One pass over the text finds every date candidate; the alternatives are tried in order. */
export const DATE_RE = new RegExp(
  [
    `(?<iso>\\b${YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])(?:T\\d\\d:\\d\\d(?::\\d\\d)?)?)(?![\\d-])`,
    `(?<md>\\b${WEEKDAY}(?:${MONTHS})\\s+${DAY}(?:\\s?[-–]\\s?${DAY})?(?:(?:,\\s*|\\s+)${YEAR})?)(?![A-Za-z0-9]|,\\d|:\\d|\\.\\d)`,
    `(?<dm>\\b${WEEKDAY}${DAY}\\s+(?:of\\s+)?(?:${MONTHS})(?:,?\\s+${YEAR})?)(?![A-Za-z0-9])`,
    `(?<my>\\b(?:${MONTHS})(?:,?\\s+)${YEAR})(?![A-Za-z0-9])`,
    `(?<num>\\b(?:0?[1-9]|[12]\\d|3[01])[/.](?:0?[1-9]|[12]\\d|3[01])[/.](?:${YEAR}|\\d\\d))(?![\\d/.]\\d|\\d)`,
    `(?<decade>\\b(?:1[6-9]|20)\\d0s|['’][0-9]0s|['’]\\d\\d(?![0-9]))(?![A-Za-z0-9])`,
    `(?<time>\\b(?:[01]?\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d)?(?:\\s?[ap]\\.?m\\.?(?![A-Za-z]))?|\\b(?:1[0-2]|0?[1-9])\\s?[ap]\\.?m\\.?(?![A-Za-z]))(?![\\d])`,
    `(?<yearpre>\\b(?:in|In|since|Since|by|By|from|From|until|till|before|Before|after|After|during|During|of|early|late|mid|end of|spring|summer|autumn|fall|winter|year|season)\\s+)(?<year>${YEAR}(?![A-Za-z0-9]|,\\d|\\.\\d))`,
  ].join('|'),
  'g', // no unicode flag: it makes every position of the scan slower
);

export interface DateHit {
  start: number;
  end: number;
  iso?: string;
}

const cache = new Map<string, string | undefined>();

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

/** Resolve a date candidate to ISO against the publication date; never later than publication. */
export function resolveDate(candidate: string, published?: string): string | undefined {
  const key = `${published ?? ''}|${candidate}`;
  if (cache.has(key)) return cache.get(key);
  const ref = published && !Number.isNaN(Date.parse(published)) ? new Date(`${published.slice(0, 10)}T12:00:00Z`) : undefined;
  let iso = plainDate(candidate, ref);
  if (iso === null) iso = chronoDate(candidate, ref);
  if (cache.size > 5000) cache.clear();
  cache.set(key, iso);
  return iso;
}

const PLAIN_MONTH = '([A-Z][a-z]{2})[a-z]*\\.?';
/** "February 24", "Sept. 11, 2001", "Feb 24 2022" (no weekday, ordinal or range). */
const PLAIN_MD = new RegExp(`^${PLAIN_MONTH} (\\d{1,2})(?:(?:, ?| )(\\d{4}))?$`);
/** "24 February", "24 Feb. 2022", "24 February, 2022". */
const PLAIN_DM = new RegExp(`^(\\d{1,2}) ${PLAIN_MONTH}(?:,? (\\d{4}))?$`);
/** "March 2021", "Sept. 2020", "May, 2019". */
const PLAIN_MY = new RegExp(`^${PLAIN_MONTH},? (\\d{4})$`);
const MONTH_FORMS = new Set(['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December', 'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec']);
/** Abbreviations that may take a dot ("Sept.", not "May." or "June."). */
const DOTTED_FORMS = new Set(['Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec']);
/** Days a month always has (February: 28). */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * The ISO of the plainest, commonest date forms, as chrono's strict parser reads them (see
 * resolveDate; tests/unit/figures-dates.test.ts compares the two over every such form), without
 * starting the parser: its first use in a process costs tens of milliseconds. Null when the
 * candidate is of another form: chrono reads it.
 */
export function plainDate(candidate: string, ref: Date | undefined): string | undefined | null {
  let m = PLAIN_MY.exec(candidate);
  if (m) return monthNumber(candidate, m[1]) ? monthYear(candidate) : null;
  let month = 0;
  let day = 0;
  let year = 0;
  if ((m = PLAIN_MD.exec(candidate))) {
    month = monthNumber(candidate, m[1]);
    day = Number(m[2]);
    year = m[3] ? Number(m[3]) : 0;
  } else if ((m = PLAIN_DM.exec(candidate))) {
    month = monthNumber(candidate, m[2]);
    day = Number(m[1]);
    year = m[3] ? Number(m[3]) : 0;
  } else return null;
  if (!month || day < 1 || day > MONTH_DAYS[month - 1]) return null;
  if (!year && ref) {
    year = ref.getUTCFullYear();
    const pubKey = (ref.getUTCMonth() + 1) * 100 + ref.getUTCDate();
    if (month * 100 + day > pubKey) year -= 1;
  }
  return year ? `${pad(year, 4)}-${pad(month)}-${pad(day)}` : `--${pad(month)}-${pad(day)}`;
}

/** 1-12 for a month written as one of MONTH_FORMS (with a dot only after one of DOTTED_FORMS), else 0. */
function monthNumber(candidate: string, first3: string): number {
  const i = MONTH_INDEX.indexOf(first3.toLowerCase());
  if (i < 0) return 0;
  const word = /^[A-Za-z]+/.exec(candidate.slice(candidate.indexOf(first3)))![0];
  if (!MONTH_FORMS.has(word)) return 0;
  const dot = candidate.charCodeAt(candidate.indexOf(first3) + word.length) === 46;
  return dot && !DOTTED_FORMS.has(word) ? 0 : i + 1;
}

/** What resolveDate gives through chrono alone (for the tests: plainDate must agree with it). */
export function chronoDate(candidate: string, ref: Date | undefined): string | undefined {
  let iso: string | undefined;
  const parsed = chrono.en.strict.parse(candidate, ref ?? new Date());
  const c = parsed[0]?.start;
  if (c) {
    const hasYear = c.isCertain('year');
    const hasDay = c.isCertain('day');
    const hasMonth = c.isCertain('month');
    let year = c.get('year') ?? 0;
    const month = c.get('month') ?? 1;
    const day = c.get('day') ?? 1;
    if (!hasYear) {
      if (!ref) year = 0;
      else {
        year = ref.getUTCFullYear();
        // A date without a year lies on or before the article's publication.
        const pubKey = (ref.getUTCMonth() + 1) * 100 + ref.getUTCDate();
        if (month * 100 + (hasDay ? day : 1) > pubKey) year -= 1;
      }
    }
    if (hasMonth && hasDay) iso = year ? `${pad(year, 4)}-${pad(month)}-${pad(day)}` : `--${pad(month)}-${pad(day)}`;
    else if (hasMonth) iso = year ? `${pad(year, 4)}-${pad(month)}` : undefined;
    else if (hasYear) iso = pad(year, 4);
  }
  if (!iso) iso = monthYear(candidate);
  return iso;
}

/** ISO for the simple forms that need no parser: "2022-09-10", a year, a time of day. */
export function isoForSimple(kind: 'iso' | 'year' | 'time' | 'decade', s: string): string | undefined {
  if (kind === 'iso' || kind === 'year') return s;
  if (kind === 'decade') return undefined;
  const m = /^(\d{1,2})(?::(\d\d))?(?::(\d\d))?\s?([ap])?/i.exec(s);
  if (!m) return undefined;
  let h = Number(m[1]);
  const pm = m[4]?.toLowerCase() === 'p';
  if (m[4]) h = (h % 12) + (pm ? 12 : 0);
  return `${pad(h)}:${m[2] ?? '00'}${m[3] ? `:${m[3]}` : ''}`;
}

const MONTH_INDEX = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** "March 2021" -> "2021-03" (chrono's strict parser wants a day). */
function monthYear(candidate: string): string | undefined {
  const m = /^([A-Za-z]{3})[a-z]*\.?,?\s+(\d{4})$/.exec(candidate.trim());
  if (!m) return undefined;
  const i = MONTH_INDEX.indexOf(m[1].toLowerCase());
  return i < 0 ? undefined : `${m[2]}-${pad(i + 1)}`;
}
