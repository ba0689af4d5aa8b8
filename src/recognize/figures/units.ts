// Unit and currency tables for the figure recogniser: surface forms -> canonical unit id, figure
// kind and SI normalisation, compiled once into sticky regexes. Pure; imports nothing.
import type { FigureKind } from '../../types';
import { isAlnumAt } from '../scan';

export interface UnitDef {
  id: string;
  kind: FigureKind;
  /** SI unit and the factor (and offset, for temperatures) from this unit to it. */
  si?: { unit: string; factor: number; offset?: number };
  /** Money sub-units ("cents") and compound partners ("ft" + "in"). */
  dimension?: string;
}

const YEAR = 31557600; // Julian year in seconds
// [id, kind, si unit, factor, case-insensitive word forms, case-sensitive symbols]
type Row = [string, FigureKind, string | null, number, string, string];
const ROWS: Row[] = [
  // lengths
  ['km', 'measure', 'm', 1000, 'kilometres|kilometers|kilometre|kilometer|kms|km', ''],
  ['m', 'measure', 'm', 1, 'metres|meters|metre|meter', 'm'],
  ['cm', 'measure', 'm', 0.01, 'centimetres|centimeters|centimetre|centimeter|cm', ''],
  ['mm', 'measure', 'm', 0.001, 'millimetres|millimeters|millimetre|millimeter|mm', ''],
  ['dm', 'measure', 'm', 0.1, 'decimetres|decimeters|decimetre|decimeter', 'dm'],
  ['µm', 'measure', 'm', 1e-6, 'micrometres|micrometers|micrometre|micrometer|microns|micron|μm|µm', ''],
  ['nm', 'measure', 'm', 1e-9, 'nanometres|nanometers|nanometre|nanometer', 'nm'],
  ['nmi', 'measure', 'm', 1852, 'nautical miles|nautical mile', ''],
  ['mi', 'measure', 'm', 1609.344, 'miles|mile|mi', ''],
  ['yd', 'measure', 'm', 0.9144, 'yards|yard|yds|yd', ''],
  ['ft', 'measure', 'm', 0.3048, 'feet|foot|ft', '′'],
  ['in', 'measure', 'm', 0.0254, 'inches|inch', '″|in.'],
  // areas
  ['km2', 'measure', 'm2', 1e6, 'square kilometres|square kilometers|square kilometre|square kilometer|square km|sq km|sq. km|sq\\.km|km2|km²|sqkm', ''],
  ['m2', 'measure', 'm2', 1, 'square metres|square meters|square metre|square meter|sq m|sq. m|m2|m²|sqm', ''],
  ['mi2', 'measure', 'm2', 2589988.110336, 'square miles|square mile|sq mi|sq. mi|sq miles|mi2|mi²', ''],
  ['ft2', 'measure', 'm2', 0.09290304, 'square feet|square foot|sq ft|sq. ft|ft2|ft²', ''],
  ['ha', 'measure', 'm2', 1e4, 'hectares|hectare', 'ha'],
  ['acre', 'measure', 'm2', 4046.8564224, 'acres|acre', ''],
  // volumes
  ['m3', 'measure', 'm3', 1, 'cubic metres|cubic meters|cubic metre|cubic meter|m3|m³', ''],
  ['ft3', 'measure', 'm3', 0.028316846592, 'cubic feet|cubic foot|cu ft', ''],
  ['l', 'measure', 'm3', 0.001, 'litres|liters|litre|liter|ltr', 'l|L'],
  ['ml', 'measure', 'm3', 1e-6, 'millilitres|milliliters|millilitre|milliliter|ml', 'mL'],
  ['gal', 'measure', 'm3', 0.003785411784, 'gallons|gallon|gal', ''],
  ['bbl', 'measure', 'm3', 0.158987294928, 'barrels|barrel|bbl', ''],
  ['cup', 'measure', 'm3', 0.0002365882365, 'cups|cup', ''],
  ['tbsp', 'measure', 'm3', 1.478676478125e-5, 'tablespoons|tablespoon|tbsp', ''],
  ['tsp', 'measure', 'm3', 4.92892159375e-6, 'teaspoons|teaspoon|tsp', ''],
  // masses
  ['t', 'measure', 'kg', 1000, 'metric tonnes|metric tons|tonnes|tonne|tons|ton', 't'],
  ['kg', 'measure', 'kg', 1, 'kilogrammes|kilograms|kilogramme|kilogram|kilos|kilo|kg|kgs', ''],
  ['g', 'measure', 'kg', 0.001, 'grammes|grams|gramme|gram', 'g'],
  ['mg', 'measure', 'kg', 1e-6, 'milligrammes|milligrams|milligramme|milligram|mg', ''],
  ['µg', 'measure', 'kg', 1e-9, 'microgrammes|micrograms|microgramme|microgram|μg|µg|mcg', ''],
  ['lb', 'measure', 'kg', 0.45359237, 'lbs|lb', ''],
  ['oz', 'measure', 'kg', 0.028349523125, 'ounces|ounce|oz', ''],
  // speeds
  ['km/h', 'measure', 'm/s', 1 / 3.6, 'kilometres per hour|kilometers per hour|kilometres an hour|kilometers an hour|km per hour|km an hour|km/h|km/hr|kmh|kmph|kph', ''],
  ['mph', 'measure', 'm/s', 0.44704, 'miles per hour|miles an hour|mph', ''],
  ['m/s', 'measure', 'm/s', 1, 'metres per second|meters per second|m/s', ''],
  ['kn', 'measure', 'm/s', 1852 / 3600, 'knots|knot', ''],
  // temperatures
  ['°C', 'measure', 'K', 1, 'degrees celsius|degree celsius|degrees centigrade|degrees celcius|degrees c|degree c|deg c|deg. c|celsius|celcius|centigrade|°c', '°C|℃|C'],
  ['°F', 'measure', 'K', 5 / 9, 'degrees fahrenheit|degree fahrenheit|degrees farenheit|degrees f|degree f|deg f|deg. f|fahrenheit|farenheit|°f', '°F|℉|F'],
  ['K', 'measure', 'K', 1, 'kelvins|kelvin', ''],
  ['deg', 'measure', 'deg', 1, 'degrees|degree', '°'],
  // power, energy, electricity, frequency, data, sound
  ['W', 'measure', 'W', 1, 'watts|watt', 'W'],
  ['kW', 'measure', 'W', 1e3, 'kilowatts|kilowatt|kw', ''],
  ['MW', 'measure', 'W', 1e6, 'megawatts|megawatt|mw', ''],
  ['GW', 'measure', 'W', 1e9, 'gigawatts|gigawatt|gw', ''],
  ['kWh', 'measure', 'J', 3.6e6, 'kilowatt hours|kilowatt-hours|kilowatt hour|kilowatt-hour|kwh', ''],
  ['MWh', 'measure', 'J', 3.6e9, 'megawatt hours|megawatt-hours|mwh', ''],
  ['GWh', 'measure', 'J', 3.6e12, 'gigawatt hours|gigawatt-hours|gwh', ''],
  ['TWh', 'measure', 'J', 3.6e15, 'terawatt hours|terawatt-hours|twh', ''],
  ['hp', 'measure', 'W', 745.69987, 'horsepower|bhp|hp', 'PS'],
  ['Nm', 'measure', 'Nm', 1, 'newton metres|newton meters|nm', ''],
  ['lbft', 'measure', 'Nm', 1.3558179483, 'pound-feet|lb-ft|lb ft', ''],
  ['V', 'measure', 'V', 1, 'volts|volt', 'V|kV'],
  ['mAh', 'measure', 'C', 3.6, 'mah', ''],
  ['Hz', 'measure', 'Hz', 1, 'hertz|hz', ''],
  ['kHz', 'measure', 'Hz', 1e3, 'khz', ''],
  ['MHz', 'measure', 'Hz', 1e6, 'mhz', ''],
  ['GHz', 'measure', 'Hz', 1e9, 'ghz', ''],
  ['rpm', 'measure', 'Hz', 1 / 60, 'revolutions per minute|rpm', ''],
  ['dB', 'measure', 'dB', 1, 'decibels|decibel|db', ''],
  ['kB', 'measure', 'B', 1e3, 'kilobytes|kilobyte|kb', ''],
  ['MB', 'measure', 'B', 1e6, 'megabytes|megabyte|mb', ''],
  ['GB', 'measure', 'B', 1e9, 'gigabytes|gigabyte|gb', ''],
  ['TB', 'measure', 'B', 1e12, 'terabytes|terabyte|tb', ''],
  ['PB', 'measure', 'B', 1e15, 'petabytes|petabyte|pb', ''],
  ['Mbps', 'measure', 'bit/s', 1e6, 'mbps|mbit/s', ''],
  ['Gbps', 'measure', 'bit/s', 1e9, 'gbps|gbit/s', ''],
  // percentages and ratios
  ['%', 'percent', null, 1, 'per cent|percent|pct|pc', '%'],
  ['pp', 'percent', null, 1, 'percentage points|percentage point', ''],
  ['bp', 'percent', null, 1, 'basis points|basis point|bps', ''],
  ['ppm', 'percent', null, 1, 'parts per million|ppm', ''],
  ['ppb', 'percent', null, 1, 'parts per billion|ppb', ''],
  // durations
  ['century', 'duration', 's', 100 * YEAR, 'centuries|century', ''],
  ['decade', 'duration', 's', 10 * YEAR, 'decades|decade', ''],
  ['year', 'duration', 's', YEAR, 'years|year|yrs|yr', ''],
  ['month', 'duration', 's', YEAR / 12, 'months|month', ''],
  ['week', 'duration', 's', 604800, 'weeks|week|wks', ''],
  ['day', 'duration', 's', 86400, 'days|day', ''],
  ['hour', 'duration', 's', 3600, 'hours|hour|hrs|hr', ''],
  ['minute', 'duration', 's', 60, 'minutes|minute|mins|min', ''],
  ['second', 'duration', 's', 1, 'seconds|second|secs|sec', ''],
];

export const UNITS = new Map<string, UnitDef>();
const BY_FORM = new Map<string, UnitDef>();
const BY_SYMBOL = new Map<string, UnitDef>();
const wordForms: string[] = [];
const symbolForms: string[] = [];
for (const [id, kind, si, factor, words, symbols] of ROWS) {
  const def: UnitDef = { id, kind, si: si ? { unit: si, factor, offset: id === '°C' ? 273.15 : id === '°F' ? 255.3722222222222 : undefined } : undefined };
  if (!si) delete def.si;
  else if (def.si && def.si.offset === undefined) delete def.si.offset;
  UNITS.set(id, def);
  for (const f of words ? words.split('|') : []) {
    BY_FORM.set(f.replace(/\\/g, ''), def);
    wordForms.push(f);
  }
  for (const f of symbols ? symbols.split('|') : []) {
    BY_SYMBOL.set(f, def);
    symbolForms.push(f);
  }
}

const escape = (s: string) => (s.includes('\\') ? s : s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
const byLength = (a: string, b: string) => b.length - a.length;
const alt = (forms: string[]) => forms.sort(byLength).map((f) => escape(f).replace(/ /g, '\\s+')).join('|');

/** Sticky: optional joiner, then a unit word (case-insensitive), not followed by a letter. */
export const UNIT_WORD_RE = new RegExp(`(?:\\s?-\\s?|\\s?)(${alt(wordForms)})(?![\\p{L}\\p{N}])|\\s?[({](${alt(wordForms)})[)}]`, 'iuy');
/** A unit word's form as matched: one entry per character (its case fold), 0 for a run of white space. */
type FormCodes = number[];

/** Unicode white space as \s reads it. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * The simple case fold of a code unit, as a case-insensitive unicode regex compares characters, for
 * the characters unit words are written with: ASCII letters, "ſ" (s), the Kelvin sign (k) and the
 * micro sign and mu (μ). Other units are compared as they are.
 */
function fold(c: number): number {
  if (c >= 65 && c <= 90) return c + 32;
  if (c < 128) return c;
  if (c === 0x17f) return 115;
  if (c === 0x212a) return 107;
  if (c === 0xb5 || c === 0x39c) return 0x3bc;
  return c;
}

/** Unit word forms in UNIT_WORD_RE's order (longest first), by the case fold of their first character. */
const WORD_FORMS_BY_FIRST = new Map<number, { form: string; codes: FormCodes }[]>();
for (const f of [...wordForms].sort(byLength)) {
  const plain = f.replace(/\\/g, '');
  const codes: FormCodes = [];
  for (let i = 0; i < plain.length; i++) {
    const c = plain.charCodeAt(i);
    if (c === 32) codes.push(0);
    else codes.push(fold(c));
  }
  let list = WORD_FORMS_BY_FIRST.get(codes[0]);
  if (!list) WORD_FORMS_BY_FIRST.set(codes[0], (list = []));
  list.push({ form: plain, codes });
}

/**
 * End of the first unit word form at `p` (UNIT_WORD_RE's order), or -1. In brackets the form must be
 * followed by ")" or "}", otherwise by no letter or digit.
 */
function unitFormEnd(text: string, p: number, bracketed: boolean): number {
  const list = p < text.length ? WORD_FORMS_BY_FIRST.get(fold(text.charCodeAt(p))) : undefined;
  if (list === undefined) return -1;
  const n = text.length;
  for (let x = 0; x < list.length; x++) {
    const codes = list[x].codes;
    let q = p;
    let k = 0;
    for (; k < codes.length; k++) {
      const want = codes[k];
      if (want === 0) {
        if (q >= n || !isSpace(text.charCodeAt(q))) break;
        while (q < n && isSpace(text.charCodeAt(q))) q++;
      } else if (q < n && fold(text.charCodeAt(q)) === want) q++;
      else break;
    }
    if (k < codes.length) continue;
    if (bracketed ? q < n && (text.charCodeAt(q) === 41 || text.charCodeAt(q) === 125) : !isAlnumAt(text, q)) return q;
  }
  return -1;
}

/** What a sticky match of UNIT_WORD_RE gives: the whole match and the form (group 1 or 2). */
export interface UnitWordMatch {
  0: string;
  1: string | undefined;
  2: string | undefined;
}

/**
 * UNIT_WORD_RE matched at `at` (sticky), read by char code: that regex's first match costs tens of
 * milliseconds to compile in a fresh process. Same match, same groups (tests/unit/figures-units.test.ts).
 */
export function matchUnitWord(text: string, at: number): UnitWordMatch | null {
  const n = text.length;
  const space0 = at < n && isSpace(text.charCodeAt(at)) ? 1 : 0;
  // (?:\s?-\s?|\s?)(form)(?![\p{L}\p{N}]), the joiners tried in the regex's order.
  for (let s1 = space0; s1 >= 0; s1--) {
    if (text.charCodeAt(at + s1) !== 45) continue;
    const h = at + s1 + 1;
    for (let s2 = h < n && isSpace(text.charCodeAt(h)) ? 1 : 0; s2 >= 0; s2--) {
      const e = unitFormEnd(text, h + s2, false);
      if (e >= 0) return { 0: text.slice(at, e), 1: text.slice(h + s2, e), 2: undefined };
    }
  }
  for (let s = space0; s >= 0; s--) {
    const e = unitFormEnd(text, at + s, false);
    if (e >= 0) return { 0: text.slice(at, e), 1: text.slice(at + s, e), 2: undefined };
  }
  // \s?[({](form)[)}]
  for (let s = space0; s >= 0; s--) {
    const b = text.charCodeAt(at + s);
    if (b !== 40 && b !== 123) continue;
    const e = unitFormEnd(text, at + s + 1, true);
    if (e >= 0) return { 0: text.slice(at, e + 1), 1: undefined, 2: text.slice(at + s + 1, e) };
  }
  return null;
}

/** Sticky: optional space, then a case-sensitive unit symbol, not followed by a letter or digit. */
export const UNIT_SYMBOL_RE = new RegExp(`\\s?(${alt(symbolForms)})(?![\\p{L}\\p{N}])|\\s?[({](${alt(symbolForms)})[)}]`, 'uy');

export function unitForForm(form: string): UnitDef | undefined {
  return BY_SYMBOL.get(form) ?? BY_FORM.get(form.toLowerCase().replace(/\s+/g, ' '));
}

/** SI value of a measure in the given unit, or undefined where the unit has no SI form. */
export function toSI(value: number, unit: UnitDef): { value: number; unit: string } | undefined {
  if (!unit.si) return undefined;
  const v = (value * unit.si.factor) + (unit.si.offset ?? 0);
  return { value: Math.round(v * 1e9) / 1e9, unit: unit.si.unit };
}

// ---- money ----

/** Currency symbols and codes written before the number, longest first. */
const PREFIX_CURRENCIES: [string, string][] = [
  ['US$', 'USD'], ['U.S.$', 'USD'], ['U.S. $', 'USD'], ['US $', 'USD'], ['u.s $', 'USD'], ['USD$', 'USD'], ['USD', 'USD'],
  ['A$', 'AUD'], ['AU$', 'AUD'], ['AUD$', 'AUD'], ['AUD', 'AUD'], ['C$', 'CAD'], ['CA$', 'CAD'], ['CAD$', 'CAD'], ['CAD', 'CAD'],
  ['NZ$', 'NZD'], ['NZD$', 'NZD'], ['NZD', 'NZD'], ['HK$', 'HKD'], ['HKD', 'HKD'], ['S$', 'SGD'], ['SGD', 'SGD'], ['R$', 'BRL'],
  ['$', 'USD'], ['€', 'EUR'], ['EUR', 'EUR'], ['£', 'GBP'], ['GBP', 'GBP'], ['¥', 'JPY'], ['JPY', 'JPY'], ['CNY', 'CNY'],
  ['RMB', 'CNY'], ['₹', 'INR'], ['Rs.', 'INR'], ['Rs', 'INR'], ['INR', 'INR'], ['₽', 'RUB'], ['RUB', 'RUB'], ['₴', 'UAH'],
  ['UAH', 'UAH'], ['₿', 'BTC'], ['BTC', 'BTC'], ['₩', 'KRW'], ['KRW', 'KRW'], ['₪', 'ILS'], ['ILS', 'ILS'], ['₺', 'TRY'],
  ['CHF', 'CHF'], ['SEK', 'SEK'], ['NOK', 'NOK'], ['DKK', 'DKK'], ['PLN', 'PLN'], ['₦', 'NGN'], ['ZAR', 'ZAR'],
];
/** Sticky at the number's left context end: matches a currency prefix ending right before the number. */
export const CURRENCY_PREFIX_RE = new RegExp(
  `(?<![\\p{L}\\p{N}])(${PREFIX_CURRENCIES.map(([s]) => s).sort(byLength).map((s) => escape(s).replace(/ /g, '\\s?')).join('|')})\\s?$`, 'iu');
const PREFIX_CODE = new Map(PREFIX_CURRENCIES.map(([s, c]) => [s.toLowerCase().replace(/\s/g, ''), c]));
export function currencyForPrefix(s: string): string | undefined {
  return PREFIX_CODE.get(s.toLowerCase().replace(/\s/g, ''));
}

/** Currency words and codes written after the number: [forms, code]. */
const SUFFIX_CURRENCIES: [string, string][] = [
  ['US dollars|US dollar|U.S. dollars|us dollars|american dollars', 'USD'],
  ['Australian dollars|Australian dollar', 'AUD'], ['Canadian dollars|Canadian dollar', 'CAD'],
  ['Hong Kong dollars|Hong Kong dollar', 'HKD'], ['New Zealand dollars|New Zealand dollar', 'NZD'],
  ['Singapore dollars|Singapore dollar', 'SGD'], ['Taiwan dollars|Taiwanese dollars', 'TWD'],
  ['dollars|dollar|USD|bucks', 'USD'], ['euros|euro|EUR|€', 'EUR'],
  ['pounds sterling|pound sterling|sterling|GBP|£', 'GBP'], ['pence|penny|pennies|p', 'GBp'],
  ['cents|cent', 'cent'], ['Japanese yen|yen|JPY|¥', 'JPY'], ['Chinese yuan|yuan|renminbi|RMB|CNY|元', 'CNY'],
  ['Indian rupees|rupees|rupee|INR|₹', 'INR'], ['Sri Lankan rupees|ரூ|LKR', 'LKR'], ['roubles|rubles|rouble|ruble|RUB|₽', 'RUB'],
  ['hryvnias|hryvnia|hryvnas|hryvna|UAH|₴', 'UAH'], ['Swiss francs|Swiss franc|CHF', 'CHF'], ['francs|franc', 'FRF'],
  ['Danish crowns|Danish kroner|Danish krone|DKK', 'DKK'], ['Swedish crowns|Swedish kronor|Swedish krona|kronor|krona|SEK', 'SEK'],
  ['Norwegian crowns|Norwegian kroner|Norwegian krone|kroner|krone|NOK', 'NOK'], ['shekels|shekel|ILS|NIS|₪', 'ILS'],
  ['pesos|peso', 'MXN'], ['pesetas|peseta', 'ESP'], ['Turkish lira|lira|TRY|₺', 'TRY'], ['Finnish markka|markka', 'FIM'],
  ['Dutch guilders|guilders|guilder', 'NLG'], ['Deutsche marks|Deutschmarks', 'DEM'], ['rand|ZAR', 'ZAR'],
  ['bitcoins|bitcoin|BTC|₿', 'BTC'], ['lari|₾|GEL', 'GEL'], ['zloty|zlotys|PLN', 'PLN'], ['South Korean won|KRW|₩', 'KRW'],
  ['naira|NGN|₦', 'NGN'], ['dirhams|dirham|AED', 'AED'], ['riyals|riyal|SAR', 'SAR'],
];
const SUFFIX_CODE = new Map<string, string>();
const suffixForms: string[] = [];
for (const [forms, code] of SUFFIX_CURRENCIES) for (const f of forms.split('|')) {
  SUFFIX_CODE.set(f.toLowerCase(), code);
  suffixForms.push(f);
}
/** Sticky: optional space, optional "M" (million) glued to a code ("30 MUSD"), then a currency. */
export const CURRENCY_SUFFIX_RE = new RegExp(`\\s?(M(?=[A-Z]{3}\\b))?(${alt(suffixForms)})(?![\\p{L}\\p{N}])`, 'iuy');
export function currencyForSuffix(s: string): string | undefined {
  return SUFFIX_CODE.get(s.toLowerCase().replace(/\s+/g, ' '));
}
