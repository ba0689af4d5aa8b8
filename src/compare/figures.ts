// Figure verdicts: a figure restated in another unit within the article, distances between places
// against straight-line (haversine) distance, "a city of N people" against gazetteer population.
import type { Annotation, Evidence, FigureInfo, Qualifier, Verdict, VerdictKind, VerdictMessage } from '../types';
import type { Reference } from '../reference/types';
import { UNITS } from '../recognize/figures/units';
import { writtenPrecision } from '../recognize/figures/numbers';

// ---- small pure helpers (exported for tests) ----

const EARTH_RADIUS_M = 6371008.8;
const rad = (d: number) => (d * Math.PI) / 180;

/** Great-circle distance in metres. */
export function haversine(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = rad(lat2 - lat1);
  const dLon = rad(lon2 - lon1);
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Initial bearing from point 1 to point 2, degrees clockwise from north. */
export function bearing(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const y = Math.sin(rad(lon2 - lon1)) * Math.cos(rad(lat2));
  const x = Math.cos(rad(lat1)) * Math.sin(rad(lat2)) - Math.sin(rad(lat1)) * Math.cos(rad(lat2)) * Math.cos(rad(lon2 - lon1));
  return ((Math.atan2(y, x) * 180) / Math.PI + 360) % 360;
}

/**
 * Does a stated figure, with its qualifier, fit a reference value allowed to lie in [lo, hi]?
 * "more than 10,000" fits 12,000 and not 8,000; a range fits when the two intervals meet.
 */
export function fitsWithQualifier(stated: number, qualifier: Qualifier | undefined, high: number | undefined, lo: number, hi: number): boolean {
  switch (qualifier) {
    case 'more-than':
    case 'at-least':
      return hi >= stated;
    case 'less-than':
    case 'up-to':
      return lo <= stated;
    case 'range':
      return lo <= (high ?? stated) && hi >= stated;
    case 'about':
      return stated >= lo * 0.9 && stated <= hi * 1.1;
    default:
      return stated >= lo && stated <= hi;
  }
}

const QUALIFIER_WORDS: Record<Qualifier, string> = {
  about: 'about', 'more-than': 'more than', 'less-than': 'less than', 'up-to': 'up to', 'at-least': 'at least', range: '', exact: '',
};

// n.toLocaleString('en-US', options) is the format of a new Intl.NumberFormat('en-US', options): keep one per precision
const FORMATS = [0, 1, 2].map((digits) => new Intl.NumberFormat('en-US', { maximumFractionDigits: digits }));

function fmt(n: number): string {
  const abs = Math.abs(n);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 0 : abs >= 1 ? 1 : 2;
  return FORMATS[digits].format(n);
}

// ---- sentences ----

const SENTENCE_END_RE = /[.!?]["”’')\]]*\s+(?=["“‘'(\[]?[\p{Lu}\p{N}])|\n+/gu;

/**
 * Where the text's sentences start (0 and the end of every match of SENTENCE_END_RE), found only as far as
 * asked: `upTo(pos)` gives them up to the first start past pos (all of them when there is none). A few
 * figures early in a long text need no scan of the rest of it.
 */
export function sentenceStarts(text: string): (pos: number) => number[] {
  const starts = [0];
  let at = 0;
  let done = text.length === 0;
  return (pos) => {
    while (!done && starts[starts.length - 1] <= pos) {
      SENTENCE_END_RE.lastIndex = at;
      const m = SENTENCE_END_RE.exec(text);
      if (m === null) done = true;
      else starts.push((at = m.index + m[0].length));
    }
    return starts;
  };
}

/** The sentence holding pos: the last of `starts` at or before it (starts as sentenceStarts gives them for pos). */
function sentenceOf(starts: number[], pos: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

// ---- the comparison ----

interface Part {
  kind: VerdictKind;
  summary: string;
  message?: VerdictMessage;
  evidence: Evidence[];
  delta?: { absolute: number; relative: number };
}

const RESTATEMENT_GAP_RE = /^\s*(?:[([]|,\s*or|\bor|—|–|-|,\s*i\.e\.,?|\bi\.e\.,?)\s*$/u;
const DIRECTION_Y = /(?:\s*[([][^)\]]{0,40}[)\]])?\s+((?:to\s+the\s+)?(?:(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+(?:of|from)|(?:away\s+)?from|outside(?:\s+of)?|beyond|short\s+of|of))\s+(?:(?:the\s+)?(?:city|town|village|capital|port|settlement)\s+(?:of\s+)?)?/iuy;
const TO_Y = /\s+(?:to|and)\s+(?:the\s+(?:city|town|village|capital|port)\s+(?:of\s+)?)?/iuy;
const POPULATION_BEFORE_RE = /(?:\b(?:city|town|village|metropolis|municipality|settlement|community|country|nation|region|oblast|province|state|island)\s+of\s+|\bpopulation\s+(?:of\s+)?(?:(?:is|was|stands\s+at|stood\s+at|of\s+about)\s+)?|\bhome\s+to\s+|\binhabited\s+by\s+)$/iu;
const POPULATION_NOUNS = new Set(['people', 'residents', 'inhabitants', 'citizens', 'souls', 'population']);
const COMPASS: Record<string, number> = { north: 0, northeast: 45, east: 90, southeast: 135, south: 180, southwest: 225, west: 270, northwest: 315 };

function numberSurface(a: Annotation): string {
  return /\d[\d,]*(?:\.\d+)?/.exec(a.text)?.[0] ?? '';
}

/** Half of the finest step the writer used, in SI units: "45 miles" is 44.5-45.5 miles. */
function roundingSlack(a: Annotation, f: FigureInfo): number {
  const unit = f.unit ? UNITS.get(f.unit) : undefined;
  const factor = unit?.si?.factor ?? 1;
  const s = numberSurface(a);
  const step = s ? writtenPrecision(f.value ?? 0, s) : 1;
  // trailing zeros may be rounding ("190 miles") or exact ("10 kg"): never allow more than 5%
  return Math.min(0.5 * step * factor, 0.05 * Math.abs((f.value ?? 0) * factor));
}

function placeRef(p: Annotation): string {
  return p.place?.geonameId !== undefined ? `gazetteer:${p.place.geonameId}` : `place:${p.start}`;
}

function coordsOf(p: Annotation, reference: Reference): { lat: number; lon: number; name: string; population?: number } | undefined {
  const info = p.place;
  if (!info) return undefined;
  const entry = info.geonameId !== undefined ? reference.gazetteer.get(info.geonameId) : undefined;
  const lat = info.lat ?? entry?.lat;
  const lon = info.lon ?? entry?.lon;
  if (lat === undefined || lon === undefined) return undefined;
  return { lat, lon, name: info.name || p.text, population: info.population ?? entry?.population };
}

export function compareFigures(text: string, annotations: readonly Annotation[], reference: Reference): Verdict[] {
  const figures = annotations.filter((a) => a.category === 'figure' && a.figure).sort((a, b) => a.start - b.start);
  if (!figures.length) return [];
  const places = annotations.filter((a) => a.category === 'place' && a.place).sort((a, b) => a.start - b.start);
  // (nothing is scanned until a figure asks)
  const startsUpTo = sentenceStarts(text);
  const parts = new Map<string, Part[]>();
  const add = (a: Annotation, p: Part) => {
    const list = parts.get(a.id) ?? [];
    list.push(p);
    parts.set(a.id, list);
  };

  // 1. restated in another unit: "73 kilometres (45 miles)"
  for (let i = 1; i < figures.length; i++) {
    const a = figures[i - 1];
    const b = figures[i];
    const fa = a.figure!;
    const fb = b.figure!;
    if (!fa.si || !fb.si || fa.si.unit !== fb.si.unit || fa.unit === fb.unit) continue;
    if (!RESTATEMENT_GAP_RE.test(text.slice(a.end, b.start))) continue;
    const diff = fb.si.value - fa.si.value;
    const slack = Math.max(roundingSlack(a, fa), roundingSlack(b, fb), Math.abs(fa.si.value) * 0.01);
    const ok = Math.abs(diff) <= slack * 1.0001 || (fa.qualifier === 'about' || fb.qualifier === 'about' ? Math.abs(diff) <= Math.abs(fa.si.value) * 0.1 : false);
    const inA = fa.unit && UNITS.get(fa.unit)?.si ? (fb.si.value - (UNITS.get(fa.unit)!.si!.offset ?? 0)) / UNITS.get(fa.unit)!.si!.factor : NaN;
    // the conversion as subs: [value, unit, value in the other unit, other unit], or [the figure as written]
    const convertedSubs = Number.isFinite(inA) ? [fmt(fb.value ?? 0), `${fb.unit}`, fmt(inA), `${fa.unit}`] : [`${b.text}`];
    const converted = convertedSubs.length === 4 ? `${convertedSubs[0]} ${convertedSubs[1]} is ${convertedSubs[2]} ${convertedSubs[3]}` : convertedSubs[0]!;
    const relative = fa.si.value ? diff / fa.si.value : 0;
    const conv = convertedSubs.length === 4 ? '_converted' : '';
    const pct = fmt(Math.abs(relative) * 100);
    add(b, {
      kind: ok ? 'consistent' : 'differs',
      summary: ok
        ? `${converted}: consistent with ${a.text} stated alongside, within rounding`
        : `${converted}, but the article says ${a.text}: ${pct}% ${diff > 0 ? 'more' : 'less'}`,
      message: ok
        ? { key: `verdict_figure_restated_fits${conv}`, subs: [...convertedSubs, a.text] }
        : { key: `verdict_figure_restated_${diff > 0 ? 'more' : 'less'}${conv}`, subs: [...convertedSubs, a.text, pct] },
      evidence: [{ ref: `article:${a.start}`, label: 'the same figure stated alongside', value: fa.value ?? undefined, unit: fa.unit, quote: a.text }],
      ...(ok ? {} : { delta: { absolute: diff, relative } }),
    });
  }

  // 2. distances between places: "73 km north of Izyum"
  for (const a of figures) {
    const f = a.figure!;
    if (!f.si || f.si.unit !== 'm' || f.value === null || f.si.value <= 0) continue;
    const dir = stickyExec(DIRECTION_Y, text, a.end);
    if (!dir) continue;
    const target = placeAt(places, a.end + dir[0].length);
    // a country or region has no single point to measure from: no evidence, no verdict
    if (!target || target.place?.kind === 'country' || target.place?.kind === 'region') continue;
    let from: Annotation | undefined;
    let to = target;
    const toMatch = /from$/i.test(dir[1].trim()) ? stickyExec(TO_Y, text, target.end) : null;
    const second = toMatch ? placeAt(places, target.end + toMatch[0].length) : undefined;
    if (second) {
      from = target; // "73 km from Kupiansk to Izyum"
      to = second;
    } else {
      const starts = startsUpTo(a.start);
      const sentence = sentenceOf(starts, a.start);
      const earliest = starts[Math.max(0, sentence - 1)];
      const toCoords = coordsOf(to, reference);
      for (let k = places.length - 1; k >= 0; k--) {
        const p = places[k];
        if (p.end > a.start || p.start < earliest) continue;
        const c = coordsOf(p, reference);
        if (!c || !toCoords || (c.lat === toCoords.lat && c.lon === toCoords.lon) || p.place?.kind === 'country' || p.place?.kind === 'region') continue;
        from = p;
        break;
      }
    }
    const c1 = from && coordsOf(from, reference);
    const c2 = coordsOf(to, reference);
    if (!from || !c1 || !c2) continue;
    const d = haversine(c1.lat, c1.lon, c2.lat, c2.lon);
    if (d < 1000) continue;
    const stated = f.si.value;
    const high = f.high !== undefined && f.value ? (f.high / f.value) * stated : undefined;
    const slack = roundingSlack(a, f);
    const ok = fitsWithQualifier(stated, f.qualifier, high, d * 0.85 - slack, d * 1.5 + slack);
    const rel = (stated - d) / d;
    const dirWord = dir[1].toLowerCase().replace(/\s+/g, ' ');
    const compass = /(north|south|east|west)(?:-?(east|west))?/i.exec(dirWord);
    let directionNote = '';
    let directionWrong = false;
    if (compass) {
      const want = COMPASS[(compass[1] + (compass[2] ?? '')).toLowerCase()];
      const actual = bearing(c2.lat, c2.lon, c1.lat, c1.lon);
      const off = Math.abs(((actual - want + 540) % 360) - 180);
      if (want !== undefined && off > 90) {
        directionWrong = true;
        const names = ['north', 'north-east', 'east', 'south-east', 'south', 'south-west', 'west', 'north-west'];
        directionNote = `, but ${c1.name} lies to the ${names[Math.round(actual / 45) % 8]} of ${c2.name}`;
      }
    }
    const how = rel > 0.5 ? 'much longer than any likely road' : rel > 0.1 ? 'plausible for a road' : rel >= -0.15 ? 'close to the straight line' : 'shorter than the straight line';
    const qual = f.qualifier && f.qualifier !== 'exact' && f.qualifier !== 'range' ? `${QUALIFIER_WORDS[f.qualifier]} ` : '';
    const statedText = `${qual}${fmt(f.value)}${f.high !== undefined ? `-${fmt(f.high)}` : ''} ${f.unit ?? ''}`.trim();
    // the message: one key per wording of `how`, longer or shorter, fitting or not (a direction note has none)
    const howKey = rel > 0.5 ? 'much_longer' : rel > 0.1 ? 'plausible' : rel >= -0.15 ? (rel >= 0 ? 'close_longer' : 'close_shorter') : 'shorter';
    add(a, {
      kind: ok && !directionWrong ? 'consistent' : 'differs',
      summary: `${statedText} ${dirWord} ${c2.name}: straight-line distance from ${c1.name} ${fmt(d / 1000)} km, article ${fmt(Math.abs(rel) * 100)}% ${rel >= 0 ? 'longer' : 'shorter'}, ${ok ? how : `${how}, which does not fit`}${directionNote}`,
      ...(directionNote ? {} : {
        message: { key: `verdict_figure_distance_${howKey}${ok ? '' : '_misfit'}`, subs: [statedText, dirWord, c2.name, c1.name, fmt(d / 1000), fmt(Math.abs(rel) * 100)] },
      }),
      evidence: [
        { ref: placeRef(from), label: c1.name, quote: `${c1.lat.toFixed(4)}, ${c1.lon.toFixed(4)}`, source: 'gazetteer' },
        { ref: placeRef(to), label: c2.name, quote: `${c2.lat.toFixed(4)}, ${c2.lon.toFixed(4)}`, source: 'gazetteer' },
        { ref: 'haversine', label: `straight-line distance ${c1.name} to ${c2.name}`, value: Math.round(d / 100) / 10, unit: 'km' },
      ],
      delta: { absolute: stated - d, relative: rel },
    });
  }

  // 3. populations: "a city of 300,000 people", "Kharkiv, home to 1.4 million"
  for (const a of figures) {
    const f = a.figure!;
    if (f.kind !== 'count' || f.value === null || f.value < 50) continue;
    if (f.unit !== undefined && !POPULATION_NOUNS.has(f.unit)) continue;
    // every cue ends in a space: no regular expression over the text before a figure without one
    if (a.start === 0 || !/\s/.test(text[a.start - 1])) continue;
    const before = text.slice(Math.max(0, a.start - 60), a.start);
    if (!POPULATION_BEFORE_RE.test(before)) continue;
    const starts = startsUpTo(a.start);
    const s = sentenceOf(starts, a.start);
    const lo = starts[s];
    const hi = starts[s + 1] ?? text.length;
    let best: Annotation | undefined;
    for (const p of places) {
      if (p.start < lo || p.end > hi || p.place?.kind === 'feature') continue;
      if (!best || Math.abs(p.start - a.start) < Math.abs(best.start - a.start)) best = p;
    }
    const info = best && coordsOf(best, reference);
    const population = info?.population;
    if (!best || !info || !population) continue;
    const ok = fitsWithQualifier(f.value, f.qualifier, f.high, population * 0.67, population * 1.5);
    const rel = (f.value - population) / population;
    add(a, {
      kind: ok ? 'consistent' : 'differs',
      summary: `${a.text}: the gazetteer gives ${info.name} a population of ${fmt(population)} (GeoNames, census year not recorded), article ${fmt(Math.abs(rel) * 100)}% ${rel >= 0 ? 'more' : 'less'}${ok ? ', within a loose tolerance' : ''}`,
      message: { key: `verdict_figure_population_${rel >= 0 ? 'more' : 'less'}${ok ? '_fits' : ''}`, subs: [a.text, info.name, fmt(population), fmt(Math.abs(rel) * 100)] },
      evidence: [{ ref: placeRef(best), label: `population of ${info.name}`, value: population, unit: 'people', source: `gazetteer ${reference.gazetteer.version}` }],
      delta: { absolute: f.value - population, relative: rel },
    });
  }

  const verdicts: Verdict[] = [];
  for (const a of figures) {
    const list = parts.get(a.id);
    if (!list) continue;
    const kind: VerdictKind = list.some((p) => p.kind === 'differs') ? 'differs' : list[0].kind;
    const delta = list.find((p) => p.kind === kind && p.delta)?.delta;
    verdicts.push({
      annotationId: a.id,
      kind,
      summary: list.map((p) => p.summary).join('; '),
      evidence: list.flatMap((p) => p.evidence),
      ...(delta ? { delta } : {}),
      // several comparisons joined: no single message (the UI shows the summary)
      ...(list.length === 1 && list[0].message ? { message: list[0].message } : {}),
    });
  }
  return verdicts;
}

function stickyExec(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

/** The place annotation starting at `pos` (allowing a quote or space before it). */
function placeAt(places: readonly Annotation[], pos: number): Annotation | undefined {
  for (const p of places) if (p.start >= pos && p.start <= pos + 2) return p;
  return undefined;
}
