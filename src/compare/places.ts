// Place verdicts: variant spelling, canonical (consistent) or ambiguous, with the gazetteer entry as evidence;
// features (streets, buildings) the gazetteer lacks are unverified, located by the place they belong to.
import type { Annotation, Evidence, Verdict } from '../types';
import type { Gazetteer, GazetteerEntry } from '../reference/types';

const REGION_WORD = /\s+(region|oblast|province|governorate|prefecture|krai|kray|area|state|county|district|territory)$/i;

/** The spelling as written, without possessive, quotes or case: what a variant is judged on. */
function spelling(s: string): string {
  return s.replace(/['’]s?$/i, '').replace(/[’ʼ`´]/g, "'").toLowerCase().trim();
}

function withoutDiacritics(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}+/gu, '');
}

// toLocaleString('en-US') is the format of a new Intl.NumberFormat('en-US'): keep one
const EN_US = new Intl.NumberFormat('en-US');
const formatInt = (n: number) => EN_US.format(Math.round(n));

function countryName(g: Gazetteer, code: string): string | undefined {
  return code ? g.country(code)?.name : undefined;
}

/** A description made once per entry, with the fields it was made from (redone when one changes). */
interface Described {
  name: string;
  region: string | undefined;
  kind: GazetteerEntry['kind'];
  population: number;
  country: string | undefined;
  label: string;
}

const DESCRIBED = new WeakMap<Gazetteer, WeakMap<GazetteerEntry, Described>>();

/** "Kupiansk, Kharkiv Oblast, Ukraine, pop. 27,169" */
export function describeEntry(e: GazetteerEntry, g: Gazetteer): string {
  let byEntry = DESCRIBED.get(g);
  if (!byEntry) DESCRIBED.set(g, (byEntry = new WeakMap()));
  const country = countryName(g, e.country);
  const d = byEntry.get(e);
  if (d && d.name === e.name && d.region === e.region && d.kind === e.kind && d.population === e.population && d.country === country) return d.label;
  const label = describe(e, country);
  byEntry.set(e, { name: e.name, region: e.region, kind: e.kind, population: e.population, country, label });
  return label;
}

function describe(e: GazetteerEntry, country: string | undefined): string {
  const parts = [e.name];
  if (e.region && e.region !== e.name) parts.push(e.region);
  if (e.kind !== 'country' && country && country !== e.name) parts.push(country);
  let label = parts.join(', ');
  if (e.kind === 'city' && e.population > 0) label += `, pop. ${formatInt(e.population)}`;
  else if (e.kind === 'region') label += ' (region)';
  else if (e.kind === 'area') label += ' (area)';
  else if (e.kind === 'country') label += ' (country)';
  return label;
}

function evidenceFor(e: GazetteerEntry, g: Gazetteer, label = describeEntry(e, g)): Evidence {
  const ref = e.id > 0 ? `geonames:${e.id}` : e.kind === 'country' ? `iso3166:${e.country}` : `factmark-gazetteer:${e.id}`;
  const ev: Evidence = { ref, label, source: e.id > 0 || e.kind === 'region' ? 'GeoNames' : e.kind === 'country' ? 'world-countries' : 'Factmark (hand-kept)' };
  if (e.kind === 'city' && e.population > 0) ev.value = e.population;
  return ev;
}

const NO_ENTRIES: GazetteerEntry[] = [];

/** Other entries sharing the name that a reader could as well have meant (similar size, elsewhere). */
function rivals(chosen: GazetteerEntry, all: GazetteerEntry[]): GazetteerEntry[] {
  if (chosen.kind === 'country' || chosen.kind === 'area') return [];
  const largest = all.reduce((m, e) => (e.kind === chosen.kind && e.population > m ? e.population : m), 0);
  // The recogniser picked a smaller namesake: the article's context decided, so it is not a toss-up.
  if (chosen.population < largest) return [];
  return all.filter((e) => e.id !== chosen.id && e.kind === chosen.kind && e.population * 2 >= chosen.population
    && (e.country !== chosen.country || e.region !== chosen.region));
}

/** The gazetteer's entries for a name, remembered per gazetteer (names recur in an article; the gazetteer does not change). */
const NAMESAKES = new WeakMap<Gazetteer, Map<string, GazetteerEntry[]>>();

function namesakes(g: Gazetteer, name: string): GazetteerEntry[] {
  let byName = NAMESAKES.get(g);
  if (!byName) NAMESAKES.set(g, (byName = new Map()));
  let all = byName.get(name);
  if (!all) {
    all = g.lookup(name);
    if (byName.size > 5000) byName.clear();
    byName.set(name, all);
  }
  return all;
}

const SAME_SPELLING = 0;
const VARIANT = 1;
const OTHER_NAME = 2;
const JUDGED = new Map<string, number>();

/** How the name as written spells the entry's name: the same, a variant, or another name (remembered per spelling pair). */
function spellingJudgement(text: string, entry: GazetteerEntry): number {
  const regional = entry.kind === 'region' || entry.kind === 'area';
  const key = `${regional ? 'r' : 'p'}\u0000${entry.name}\u0000${text}`;
  let judged = JUDGED.get(key);
  if (judged === undefined) {
    // Judge the spelling of the name itself: "Kharkiv region" spells "Kharkiv" (Kharkiv Oblast).
    let written = spelling(text);
    let canonical = spelling(entry.name);
    if (regional) {
      written = written.replace(REGION_WORD, '');
      canonical = canonical.replace(REGION_WORD, '');
    }
    const sameSpelling = written === canonical || withoutDiacritics(written) === withoutDiacritics(canonical);
    judged = sameSpelling ? SAME_SPELLING : isSpellingVariant(written, canonical) ? VARIANT : OTHER_NAME;
    if (JUDGED.size > 5000) JUDGED.clear();
    JUDGED.set(key, judged);
  }
  return judged;
}

export function comparePlaces(places: readonly Annotation[], gazetteer: Gazetteer): Verdict[] {
  const verdicts: Verdict[] = [];
  for (const a of places) {
    const p = a.place;
    if (a.category !== 'place' || !p) continue;
    if (p.kind === 'feature') {
      if (p.lat === undefined) continue; // nothing in the reference speaks to it
      const where = [p.region, countryName(gazetteer, p.country ?? '')].filter(Boolean).join(', ');
      verdicts.push({
        annotationId: a.id, kind: 'unverified', evidence: [],
        summary: `${p.name}: a street, building or natural feature; the gazetteer lists towns, regions and countries only${where ? `. From the article, it is in ${where}` : ''}.`,
        message: where ? { key: 'verdict_place_feature_where', subs: [p.name, where] } : { key: 'verdict_place_feature', subs: [p.name] },
      });
      continue;
    }
    const entry = p.geonameId !== undefined ? gazetteer.get(p.geonameId) : undefined;
    if (!entry) continue;
    const label = describeEntry(entry, gazetteer);
    const evidence = [evidenceFor(entry, gazetteer, label)];
    const surface = a.text;
    // a country or an area has no rivals: no lookup of its namesakes
    const all = entry.kind === 'country' || entry.kind === 'area' ? NO_ENTRIES : namesakes(gazetteer, a.text);
    const others = rivals(entry, all);
    if (others.length) {
      const also = others.slice(0, 3).map((e) => describeEntry(e, gazetteer));
      verdicts.push({
        annotationId: a.id, kind: 'ambiguous', evidence: [...evidence, ...others.slice(0, 3).map((e) => evidenceFor(e, gazetteer))],
        summary: `${surface}: ${all.length} places share this name; read as ${label}, but it could also be ${also.join('; or ')}.`,
        message: { key: 'verdict_place_ambiguous', subs: [surface, String(all.length), label, also.join('; or ')] },
      });
      continue;
    }
    const judged = spellingJudgement(a.text, entry);
    if (judged === SAME_SPELLING) {
      verdicts.push({ annotationId: a.id, kind: 'consistent', evidence, summary: `${surface}: as spelled in the gazetteer: ${label}.`, message: { key: 'verdict_place_consistent', subs: [surface, label] } });
    } else if (judged === VARIANT) {
      verdicts.push({ annotationId: a.id, kind: 'variant', evidence, summary: `${surface}: spelled ${entry.name} in the gazetteer: ${label}.`, message: { key: 'verdict_place_variant', subs: [surface, entry.name, label] } });
    } else {
      // "U.S.", "Britain", "N.C.", "Salisbury" (Harare): another name or an abbreviation, not a different spelling.
      verdicts.push({ annotationId: a.id, kind: 'consistent', evidence, summary: `${surface}: another name for ${label}.`, message: { key: 'verdict_place_other_name', subs: [surface, label] } });
    }
  }
  return verdicts;
}

/** Two spellings of one name (transliteration, doubled letters): close in edit distance. */
export function isSpellingVariant(a: string, b: string): boolean {
  const x = withoutDiacritics(a).replace(/[^\p{L}\p{N}]/gu, '');
  const y = withoutDiacritics(b).replace(/[^\p{L}\p{N}]/gu, '');
  if (!x || !y || x === y) return false;
  if (x[0] !== y[0]) return false;
  return editDistance(x, y) <= Math.max(2, Math.floor(Math.max(x.length, y.length) * 0.34));
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}
