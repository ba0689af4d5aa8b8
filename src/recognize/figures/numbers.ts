// Number reading for the figure recogniser: numerals with separators, number words, scale words
// ("1.5 million", "bn"), fractions ("half", "two-thirds"). Pure; imports nothing.

const SMALL: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70,
  eighty: 80, ninety: 90,
};

export const SCALE_WORDS: Record<string, number> = {
  hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, lakh: 1e5, crore: 1e7,
};

/** Abbreviated scales that only follow a numeral ("$5bn", "2.8bn km", "$13.6M"). */
export const SCALE_ABBREVIATIONS: Record<string, number> = {
  k: 1e3, thousand: 1e3, m: 1e6, mn: 1e6, mln: 1e6, mil: 1e6, million: 1e6, b: 1e9, bn: 1e9, bln: 1e9,
  billion: 1e9, tn: 1e12, trn: 1e12, trillion: 1e12, lakh: 1e5, crore: 1e7, hundred: 100,
};

const FRACTION_WORDS: Record<string, number> = { half: 0.5, quarter: 0.25, third: 1 / 3, thirds: 1 / 3, quarters: 0.25 };

/** Plural scale words used as vague amounts: "dozens of", "thousands of" -> more than the base. */
export const VAGUE_PLURALS: Record<string, number> = {
  dozens: 12, scores: 20, hundreds: 100, thousands: 1e3, millions: 1e6, billions: 1e9, trillions: 1e12,
};

const UNIT_WORDS = Object.keys(SMALL).filter((w) => w !== 'zero').join('|');
/** One number word; multi-word numbers are runs of these joined by spaces, hyphens or "and". */
const WORD = `(?:${UNIT_WORDS}|hundred|thousand|million|billion|trillion|dozen|half|quarter|lakh|crore)`;
/** A run of number words ("twenty-five thousand", "a dozen", "half a million", "one hundred and five"). */
export const NUMBER_WORDS_SOURCE = `(?:(?:a|an)\\s+(?=(?:dozen|hundred|thousand|million|billion|trillion|half|quarter)\\b))?${WORD}(?:(?:\\s*-\\s*|\\s+(?:and\\s+|a\\s+)?)${WORD}(?![\\p{L}]))*`;
/** A numeral: "10,000", "1.5", "12,34,567.89", ".5". */
export const NUMERAL_SOURCE = `(?:\\d{1,3}(?:,\\d{2,3})*(?:,\\d{3})(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|\\.\\d+)`;

/** Value of a numeral as written: "10,000" -> 10000. */
export function parseNumeral(s: string): number {
  return Number(s.replace(/[,\s\u00a0]/g, ''));
}

/** Value of a run of number words, or null when it does not read as a number. */
export function parseNumberWords(s: string): number | null {
  const tokens = s.toLowerCase().split(/[\s-]+/).filter((t) => t && t !== 'and');
  let total = 0;
  let current = 0;
  let seen = false;
  let fraction = 0; // "half a million" / "a quarter million"
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t === 'a' || t === 'an') {
      if (i === 0) current = 1;
      continue;
    }
    if (t in SMALL) {
      // "twenty five" adds, "two three" is not a number: keep the first and stop.
      if (current % 10 !== 0 && current !== 0 && SMALL[t] < 10) return seen ? total + current : null;
      current += SMALL[t];
      seen = true;
    } else if (t === 'dozen') {
      current = (current || 1) * 12;
      seen = true;
    } else if (t === 'half' || t === 'quarter') {
      fraction = FRACTION_WORDS[t];
      if (current === 1 && (tokens[i - 1] === 'a' || tokens[i - 1] === 'an')) current = 0;
      seen = true;
    } else if (t === 'hundred') {
      current = (current || (fraction ? 0 : 1)) * 100;
      seen = true;
    } else if (t in SCALE_WORDS) {
      const scale = SCALE_WORDS[t];
      let base = current || (fraction ? 0 : 1);
      if (fraction) base += fraction, (fraction = 0);
      total += base * scale;
      current = 0;
      seen = true;
    } else {
      return null;
    }
  }
  if (!seen) return null;
  if (fraction) current = current ? current * fraction : fraction;
  return total + current;
}

/** "two-thirds", "one third", "three quarters": a fraction written in words, else null. */
export function parseFractionWords(s: string): number | null {
  const m = /^(a|an|one|two|three|four|five|six|seven|eight|nine)[\s-]+(half|halves|third|thirds|quarter|quarters|fifth|fifths|tenth|tenths)$/i.exec(s.trim());
  if (!m) return null;
  const n = m[1].toLowerCase() === 'a' || m[1].toLowerCase() === 'an' ? 1 : SMALL[m[1].toLowerCase()];
  const d: Record<string, number> = { half: 2, halves: 2, third: 3, thirds: 3, quarter: 4, quarters: 4, fifth: 5, fifths: 5, tenth: 10, tenths: 10 };
  return n / d[m[2].toLowerCase()];
}

/** How finely a numeral was written, as an absolute step: "45" -> 1, "1.5" -> 0.1, "2,000" -> 1000. */
export function writtenPrecision(value: number, surface: string): number {
  const digits = surface.replace(/[^\d.]/g, '');
  const dot = digits.indexOf('.');
  if (dot >= 0) return 10 ** -(digits.length - dot - 1);
  if (!/^\d+$/.test(digits) || value === 0) return 1;
  const zeros = /0*$/.exec(digits)?.[0].length ?? 0;
  return 10 ** Math.min(zeros, Math.max(0, digits.length - 1));
}
