// Claim verdicts: each attributed claim matched against the claims of reference reports (same speaker,
// same content by concept overlap, places, figures and dates); the analysed report itself is never evidence.
import type { Annotation, Evidence, Verdict } from '../types';
import type { Reference, ReferenceReport, ReportClaim } from '../reference/types';
import { parseFingerprint, shingleStream } from '../reference/reports';
import { fold, sameSpeaker, sameSurname } from '../recognize/claims/speakers';

export interface ClaimCompareOptions {
  url?: string;
  title?: string;
  published?: string;
}

/** Minimum content similarity for two claims by the same speaker to say the same thing. */
export const MATCH_THRESHOLD = 0.34;
/** Share of a report's fingerprint found in the article above which the article is that report. */
export const SELF_CONTAINMENT = 0.5;

// ---- content concepts --------------------------------------------------------------------------

/** Phrases of general English folded into one concept before word splitting, each with the strings one of which it needs. */
const PHRASES: [RegExp, string, string[]][] = [
  [/\bpull(?:s|ed|ing)? (?:\w+ )?(?:\w+ )?(?:back|out)\b/g, ' withdraw ', ['pull']],
  [/\bturn(?:s|ed|ing)? (?:its|their|his|her) backs?\b/g, ' flee ', ['turn']],
  [/\b(?:take|takes|taken|taking|took) (?:back|control(?: of)?)\b/g, ' recapture ', ['tak', 'took']],
  [/\bmove(?:d|s)? (?:\w+ )?(?:from|out of)\b/g, ' withdraw ', ['move']],
  [/\bsquare (?:kilometres|kilometers|km|miles)\b/g, ' area ', ['square']],
];

/** Lemma and synonym table of general English: word -> concept. */
// no prototype: "constructor" is a word, not Object.prototype.constructor
const CONCEPTS: Record<string, string> = Object.create(null) as Record<string, string>;
const GROUPS: string[][] = [
  ['choice', 'decision', 'decide', 'choose', 'chose', 'chosen', 'option'],
  ['good', 'right', 'best', 'wise', 'correct', 'smart', 'better', 'sensible'],
  ['flee', 'fled', 'run', 'ran', 'leave', 'left', 'escape', 'retreat', 'abandon'],
  ['withdraw', 'withdrawal', 'withdrew', 'withdrawn', 'regroup', 'regrouping', 'redeploy', 'pullback', 'pullout', 'exit'],
  ['recapture', 'retake', 'retook', 'retaken', 'liberate', 'regain', 'reclaim', 'seize', 'capture', 'captured', 'liberated', 'recaptured', 'control'],
  ['troop', 'soldier', 'force', 'unit', 'army', 'military', 'fighter'],
  ['town', 'city', 'settlement', 'village', 'locality'],
  ['territory', 'land', 'area', 'region', 'ground'],
  ['gain', 'advance', 'progress', 'success', 'victory'],
  ['say', 'state', 'claim', 'tell', 'announce'],
  ['attack', 'offensive', 'counteroffensive', 'assault', 'strike'],
  ['kill', 'dead', 'death', 'die', 'died', 'killed'],
  ['injure', 'wound', 'injured', 'wounded', 'hurt'],
  ['increase', 'rise', 'grow', 'raise', 'climb', 'up'],
  ['decrease', 'fall', 'drop', 'decline', 'cut', 'reduce', 'down'],
  ['buy', 'purchase', 'acquire'],
  ['begin', 'start', 'launch', 'commence'],
  ['end', 'stop', 'finish', 'halt', 'cease'],
  ['help', 'aid', 'assist', 'support', 'assistance'],
  ['big', 'large', 'major', 'huge', 'massive', 'significant'],
  ['small', 'minor', 'little'],
  ['occupier', 'invader', 'occupant', 'occupy', 'occupation'],
  ['photo', 'picture', 'image', 'video', 'footage'],
];
for (const g of GROUPS) for (const w of g) CONCEPTS[w] ??= g[0];

const STOP = new Set(
  ('a an the and or but of to in on at by for from with as is are was were be been being has have had do does did will would could ' +
    'should may might must can that this these those it its they them their he him his she her we us our you your i me my there here ' +
    'which who whom whose what when where why how not no so than then also just only very more most some any all each other such ' +
    'into over about after before since until while if because though although up out off again further once s said says saying ' +
    'told tell according now today yesterday course well still even per cent percent').split(' '),
);

function stem(w: string): string {
  if (CONCEPTS[w]) return CONCEPTS[w];
  let s = w;
  if (s.length > 5 && s.endsWith('ing')) s = s.slice(0, -3);
  else if (s.length > 4 && s.endsWith('ied')) s = s.slice(0, -3) + 'y';
  else if (s.length > 4 && s.endsWith('ed')) s = s.slice(0, -2);
  else if (s.length > 4 && s.endsWith('ies')) s = s.slice(0, -3) + 'y';
  else if (s.length > 3 && s.endsWith('es') && /(ch|sh|x|ss)es$/.test(s)) s = s.slice(0, -2);
  else if (s.length > 3 && s.endsWith('s') && !s.endsWith('ss')) s = s.slice(0, -1);
  if (CONCEPTS[s]) return CONCEPTS[s];
  if (CONCEPTS[s + 'e']) return CONCEPTS[s + 'e'];
  return s;
}

const STEMS = new Map<string, string>();

/** stem(w), remembered: words recur across claims. */
function stemOf(w: string): string {
  let s = STEMS.get(w);
  if (s === undefined) {
    s = stem(w);
    if (STEMS.size > 20000) STEMS.clear();
    STEMS.set(w, s);
  }
  return s;
}

/** Text that NFD leaves as it is and that has no marks: ASCII, no-break space, general punctuation but U+2000-2001. */
const PLAIN = /^[\x00-\x7f\u00a0\u2002-\u206f]*$/;

/** The content concepts of a statement: folded, stop words dropped, lemmas and synonyms merged. */
export function concepts(text: string): Set<string> {
  let t = (PLAIN.test(text) ? text : text.normalize('NFD').replace(/\p{M}/gu, '')).toLowerCase().replace(/[’']s\b/g, '');
  for (const [re, rep, needs] of PHRASES) if (needs.some((n) => t.includes(n))) t = t.replace(re, rep);
  const out = new Set<string>();
  for (const w of t.match(/\p{L}+/gu) ?? []) {
    if (STOP.has(w) || w.length < 2) continue;
    out.add(stemOf(w));
  }
  return out;
}

/** Concepts common to most reports of one event: they count for less. */
const GENERIC = new Set(['troop', 'territory', 'say', 'attack', 'gain', 'town', 'russian', 'ukrainian', 'russia', 'ukraine', 'war', 'people', 'government', 'country', 'state', 'official']);
const weight = (c: string) => (GENERIC.has(c) ? 0.4 : 1);

/** Weighted cosine similarity of two concept sets; zero unless two or more concepts are shared. */
export function contentSimilarity(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let shared = 0;
  let count = 0;
  const bl = [...b];
  for (const x of a) {
    if (b.has(x) || bl.some((y) => x.length >= 6 && y.length >= 6 && sameSurname(x, y))) {
      shared += weight(x);
      count++;
    }
  }
  if (count < 2) return 0;
  let wa = 0;
  let wb = 0;
  for (const x of a) wa += weight(x);
  for (const y of b) wb += weight(y);
  return shared / Math.sqrt(wa * wb);
}

// ---- speakers ------------------------------------------------------------------------------------

const ORG_HEADS = new Set(['ministry', 'service', 'agency', 'office', 'army', 'government', 'palace', 'command', 'department', 'council', 'committee', 'kremlin', 'military', 'forces', 'police', 'administration']);
const ORG_KINDS: string[][] = [['defence', 'defense', 'war'], ['foreign', 'diplomatic'], ['interior', 'home'], ['security', 'intelligence'], ['health'], ['finance', 'treasury'], ['justice']];

/** What the organisation test reads from a speaker name, worked out once per spelling (kind and nations when first needed). */
interface OrgWords {
  name: string;
  words: string[];
  /** Some word is an organisation's head noun. */
  headed: boolean;
  /** The first kind group (ORG_KINDS) any word belongs to, or -1. */
  kind?: number;
  /** Nationality adjectives, lower case. */
  nations?: string[];
}

const ORG_WORDS_OF = new Map<string, OrgWords>();

function orgWords(s: string): OrgWords {
  let o = ORG_WORDS_OF.get(s);
  if (!o) {
    const words = fold(s).replace(/[’']s\b/g, '').match(/\p{L}+/gu) ?? [];
    o = { name: s, words, headed: words.some((w) => ORG_HEADS.has(w)) };
    if (ORG_WORDS_OF.size > 5000) ORG_WORDS_OF.clear();
    ORG_WORDS_OF.set(s, o);
  }
  return o;
}

const kindOf = (o: OrgWords) => (o.kind ??= ORG_KINDS.findIndex((g) => o.words.some((w) => g.includes(w))));
const nationsOf = (o: OrgWords) => (o.nations ??= (o.name.match(/\b\p{Lu}\p{L}+(?:ian|ish|ese|an|i)\b/gu) ?? []).map((x) => x.toLowerCase()));

/** Same speaker: names by surname spelling; organisations by their head noun without conflicting kinds or nations. */
export function speakersMatch(a: string, b: string): boolean {
  if (sameSpeaker(a, b)) return true;
  const oa = orgWords(a);
  if (!oa.headed) return false;
  const ob = orgWords(b);
  if (!ob.headed || !oa.words.some((w) => ORG_HEADS.has(w) && ob.words.includes(w))) return false;
  const ka = kindOf(oa);
  const kb = kindOf(ob);
  if (ka >= 0 && kb >= 0 && ka !== kb) return false;
  const na = nationsOf(oa);
  const nb = nationsOf(ob);
  if (na.length && nb.length && !na.some((x) => nb.some((y) => sameSurname(x, y)))) return false;
  return true;
}

/**
 * The words through which sameSpeaker can match a name: the last word and the words of four letters
 * or more, folded. sameSpeaker matches equal folded names, last words by surname spelling and
 * organisations by their content words; two spellings of one surname (sameSurname) are equal when
 * folded, or share their first letter, are five letters or more and lie within a small edit distance
 * (at most two edits; three allowed here, for slack). So two names it matches share a key or have two
 * keys that may be spellings of one word (`spellingsMayMatch`).
 */
function speakerKeys(s: string): string[] {
  const ws = fold(s).split(/\s+/);
  const keys = new Set([fold(ws[ws.length - 1])]);
  for (const w of ws) if (w.length > 3) keys.add(fold(w));
  return [...keys];
}

const FUZZY_MIN = 5;
/** Edits allowed between two spellings of one word: more than sameSurname allows. */
const FUZZY_EDITS = 3;

const COUNTS = new Int32Array(0x10000);

/**
 * The letters one word has more or fewer of than the other (L1 distance of their letter counts): an
 * edit changes it by at most two (substitution), a transposition not at all, so words within k edits
 * differ by at most 2k.
 */
function letterCountDistance(x: string, y: string): number {
  for (let i = 0; i < x.length; i++) COUNTS[x.charCodeAt(i)]++;
  for (let i = 0; i < y.length; i++) COUNTS[y.charCodeAt(i)]--;
  let d = 0;
  for (let i = 0; i < x.length; i++) {
    const c = x.charCodeAt(i);
    d += Math.abs(COUNTS[c]);
    COUNTS[c] = 0;
  }
  for (let i = 0; i < y.length; i++) {
    const c = y.charCodeAt(i);
    d += Math.abs(COUNTS[c]);
    COUNTS[c] = 0;
  }
  return d;
}

/** May folded words x and y be spellings of one word (equal, or close enough for sameSurname)? */
function spellingsMayMatch(x: string, y: string): boolean {
  return x === y || (x.length >= FUZZY_MIN && y.length >= FUZZY_MIN && x[0] === y[0] && Math.abs(x.length - y.length) <= FUZZY_EDITS
    && letterCountDistance(x, y) <= 2 * FUZZY_EDITS);
}

/** False only when sameSurname(x, y) is false: their folded spellings are neither equal nor close enough. */
export function mayBeSameSurname(x: string, y: string): boolean {
  return spellingsMayMatch(fold(x), fold(y));
}

/** False only when sameSpeaker(a, b) is false: no key of one may match a key of the other. */
export function mayBeSameSpeaker(a: string, b: string): boolean {
  const kb = speakerKeys(b);
  return speakerKeys(a).some((x) => kb.some((y) => spellingsMayMatch(x, y)));
}

// ---- matching ----------------------------------------------------------------------------------

const DAY_MS = 86_400_000;

/** The day of an ISO date (its first ten characters) as a time value; undefined when absent. */
function dayOf(s?: string): number | undefined {
  return s ? Date.parse(s.slice(0, 10)) : undefined;
}

/** The page key of an address: no query, fragment, scheme, www, host case or trailing slash. */
function documentKey(u: string): string {
  const bare = u.trim().replace(/[#?].*$/, '').replace(/^https?:\/\//i, '');
  const slash = bare.indexOf('/');
  const host = (slash < 0 ? bare : bare.slice(0, slash)).toLowerCase().replace(/^www\./, '');
  return host + (slash < 0 ? '' : bare.slice(slash)).replace(/\/+$/, '');
}

/** Same page whatever the query, fragment, scheme, host case or trailing slash. */
export function sameDocumentUrl(a: string, b: string): boolean {
  return documentKey(a) === documentKey(b);
}

/** A reference claim with what the comparison reads from it, worked out on first use. */
interface RefClaim {
  report: number;
  claim: ReportClaim;
  concepts?: Set<string>;
  /** The concepts of six letters or more (those compared by spelling too). */
  long?: string[];
  /** The same, folded (the spellings sameSurname compares). */
  longFolded?: string[];
  /** The sum of the concepts' weights. */
  weight?: number;
  /** The claim's day (its date, else the report's) as a time value. */
  day: number | undefined;
}

interface RefReport {
  report: ReferenceReport;
  /** Its fingerprint's sketch (empty without a fingerprint). */
  sketch: number[];
  title: string | undefined;
  url: string | undefined;
}

/** The reports prepared for comparison, kept per reports array while nothing compared has changed. */
interface ReportIndex {
  /** The fields it was built from, checked by identity on every use. */
  snapshot: unknown[];
  reports: RefReport[];
  claims: RefClaim[];
  /** The distinct speakers of the claims, each with its claim positions (ascending). */
  speakers: { name: string; claims: number[] }[];
  /** Speaker numbers by speaker key (speakerKeys). */
  byKey: Map<string, number[]>;
  /** Speaker numbers and keys by first letter, for keys long enough to match by spelling. */
  byInitial: Map<string, { key: string; speaker: number }[]>;
  /** Speaker numbers by organisation head noun. */
  byHead: Map<string, number[]>;
  /** The reports whose sketch holds a hash (a report once per time its sketch lists it), by hash. */
  sketches: Map<number, number[]>;
  /** Claim positions (ascending) whose speaker matches an article speaker, by that speaker. */
  matches: Map<string, number[]>;
}

const INDEXES = new WeakMap<readonly ReferenceReport[], ReportIndex>();

/** Visits every field the index depends on, in one fixed order; stops when `visit` returns false. */
function walkFields(reports: readonly ReferenceReport[], visit: (v: unknown) => boolean): boolean {
  if (!visit(reports.length)) return false;
  for (const r of reports) {
    if (!visit(r) || !visit(r.url) || !visit(r.title) || !visit(r.fingerprint) || !visit(r.published) || !visit(r.claims) || !visit(r.claims.length)) return false;
    for (const c of r.claims) if (!visit(c) || !visit(c.speaker) || !visit(c.statement) || !visit(c.date)) return false;
  }
  return true;
}

function reportIndex(reports: readonly ReferenceReport[]): ReportIndex {
  const known = INDEXES.get(reports);
  if (known) {
    let i = 0;
    const snap = known.snapshot;
    if (walkFields(reports, (v) => snap[i++] === v) && i === snap.length) return known;
  }
  const snapshot: unknown[] = [];
  walkFields(reports, (v) => snapshot.push(v) > 0);
  const index: ReportIndex = {
    snapshot, reports: [], claims: [], speakers: [], byKey: new Map(), byInitial: new Map(), byHead: new Map(), sketches: new Map(), matches: new Map(),
  };
  const speakerNumber = new Map<string, number>();
  const add = <K>(map: Map<K, number[]>, key: K, n: number) => {
    const list = map.get(key);
    if (!list) map.set(key, [n]);
    else if (list[list.length - 1] !== n) list.push(n);
  };
  reports.forEach((r, k) => {
    const sketch = r.fingerprint ? parseFingerprint(r.fingerprint) : [];
    for (const h of sketch) {
      const owners = index.sketches.get(h);
      if (owners) owners.push(k);
      else index.sketches.set(h, [k]);
    }
    index.reports.push({ report: r, sketch, title: r.title ? fold(r.title).trim() : undefined, url: r.url ? documentKey(r.url) : undefined });
    for (const c of r.claims) {
      let n = speakerNumber.get(c.speaker);
      if (n === undefined) {
        n = index.speakers.length;
        speakerNumber.set(c.speaker, n);
        index.speakers.push({ name: c.speaker, claims: [] });
        for (const key of speakerKeys(c.speaker)) {
          add(index.byKey, key, n);
          if (key.length >= FUZZY_MIN) {
            const list = index.byInitial.get(key[0]);
            if (list) list.push({ key, speaker: n });
            else index.byInitial.set(key[0], [{ key, speaker: n }]);
          }
        }
        const org = orgWords(c.speaker);
        if (org.headed) for (const w of org.words) if (ORG_HEADS.has(w)) add(index.byHead, w, n);
      }
      index.speakers[n].claims.push(index.claims.length);
      index.claims.push({ report: k, claim: c, day: dayOf(c.date ?? r.published) });
    }
  });
  INDEXES.set(reports, index);
  return index;
}

/**
 * The reference speakers that speakersMatch may match with this speaker, by number: those sharing a
 * speaker key or a key that may be a spelling of it (sameSpeaker), or an organisation's head noun.
 */
function candidateSpeakers(index: ReportIndex, speaker: string): Set<number> {
  const found = new Set<number>();
  for (const key of speakerKeys(speaker)) {
    for (const n of index.byKey.get(key) ?? []) found.add(n);
    if (key.length >= FUZZY_MIN) for (const e of index.byInitial.get(key[0]) ?? []) if (!found.has(e.speaker) && spellingsMayMatch(key, e.key)) found.add(e.speaker);
  }
  const org = orgWords(speaker);
  if (org.headed) for (const w of org.words) if (ORG_HEADS.has(w)) for (const n of index.byHead.get(w) ?? []) found.add(n);
  return found;
}

/** The reference speakers that speakersMatch matches with this speaker (for tests: the index against brute force). */
export function matchingReferenceSpeakers(reports: readonly ReferenceReport[], speaker: string): string[] {
  const index = reportIndex(reports);
  return [...candidateSpeakers(index, speaker)].sort((x, y) => x - y).map((n) => index.speakers[n].name).filter((name) => speakersMatch(speaker, name));
}

/** The positions of the reference claims whose speaker is this speaker, ascending. */
function claimsBy(index: ReportIndex, speaker: string): number[] {
  let found = index.matches.get(speaker);
  if (!found) {
    const groups: number[][] = [];
    for (const n of candidateSpeakers(index, speaker)) if (speakersMatch(speaker, index.speakers[n].name)) groups.push(index.speakers[n].claims);
    found = groups.length === 1 ? groups[0] : groups.flat().sort((x, y) => x - y);
    if (index.matches.size > 5000) index.matches.clear();
    index.matches.set(speaker, found);
  }
  return found;
}

function prepare(c: RefClaim): Required<RefClaim> {
  if (!c.concepts) {
    c.concepts = concepts(c.claim.statement);
    c.long = [...c.concepts].filter((y) => y.length >= 6);
    c.longFolded = c.long.map(fold);
    let w = 0;
    for (const y of c.concepts) w += weight(y);
    c.weight = w;
  }
  return c as Required<RefClaim>;
}

/** contentSimilarity(mine, c's concepts), with c's side prepared once. */
function similarity(mine: Set<string>, mineWeight: number, c: Required<RefClaim>): number {
  const b = c.concepts;
  if (!mine.size || !b.size) return 0;
  let shared = 0;
  let count = 0;
  for (const x of mine) {
    if (b.has(x) || (x.length >= 6 && c.long.some((y, k) => spellingsMayMatch(fold(x), c.longFolded[k]) && sameSurname(x, y)))) {
      shared += weight(x);
      count++;
    }
  }
  if (count < 2) return 0;
  return shared / Math.sqrt(mineWeight * c.weight);
}

interface Candidate {
  report: ReferenceReport;
  claim: ReportClaim;
  score: number;
  words: number;
}

const NORMS = new Map<string, string>();

function norm(s: string): string {
  let n = NORMS.get(s);
  if (n === undefined) {
    n = fold(s).replace(/[^\p{L}\p{N}]+/gu, ' ').replace(/\b(oblast|region|province|state|county|city|district)\b/g, '').replace(/\s+/g, ' ').trim();
    if (NORMS.size > 5000) NORMS.clear();
    NORMS.set(s, n);
  }
  return n;
}

/** Does the claim's place set hold this place (names normalised, regions by their core name)? */
function hasPlace(places: ReadonlySet<string>, name: string): boolean {
  const n = norm(name);
  if (places.has(n)) return true;
  for (const p of places) if (p && n && (sameSurname(p, n) || p.split(' ').includes(n) || n.split(' ').includes(p))) return true;
  return false;
}

/** The annotations inside [start, end], in their order: a binary search when they are in start order. */
function insideFinder(annotations: readonly Annotation[]): (a: Annotation) => Annotation[] {
  let ordered = true;
  for (let i = 0; i < annotations.length && ordered; i++) {
    const x = annotations[i];
    if (!(x.end >= x.start) || (i > 0 && !(annotations[i - 1].start <= x.start))) ordered = false;
  }
  if (!ordered) return (a) => annotations.filter((x) => x.start >= a.start && x.end <= a.end);
  return (a) => {
    let lo = 0;
    let hi = annotations.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (annotations[mid].start < a.start) lo = mid + 1;
      else hi = mid;
    }
    const out: Annotation[] = [];
    for (let i = lo; i < annotations.length && annotations[i].start <= a.end; i++) if (annotations[i].end <= a.end) out.push(annotations[i]);
    return out;
  };
}

const NO_FIGURES: readonly Annotation[] = [];
const NO_PLACES: ReadonlySet<string> = new Set();

export function compareClaims(
  text: string,
  annotations: readonly Annotation[],
  reference: Reference,
  options: ClaimCompareOptions = {},
): Verdict[] {
  const claims = annotations.filter((a) => a.category === 'claim' && a.claim);
  if (!claims.length) return [];
  const index = reportIndex(reference.reports);

  // Which reports are the article itself: decided only for a report with a claim that matches one here.
  const self = new Int8Array(index.reports.length); // 0 not yet known, 1 self, 2 other
  let url: string | undefined;
  let title: string | undefined;
  // The article's shingles are hashed only as far as needed: a report's share of sketch hashes found
  // only grows, so a report is the article as soon as it reaches SELF_CONTAINMENT, and is not once
  // the text has ended below it.
  let shingles: ((visit: (h: number) => boolean) => boolean) | undefined;
  let ended = false;
  const seen = new Set<number>();
  const hits = new Int32Array(index.reports.length);
  const contained = (k: number) => hits[k] / index.reports[k].sketch.length >= SELF_CONTAINMENT;
  const isSelf = (k: number): boolean => {
    if (!self[k]) {
      const r = index.reports[k];
      let is = false;
      if (options.url && r.url !== undefined && (url ??= documentKey(options.url)) === r.url) is = true;
      else if (options.title && r.title !== undefined && (title ??= fold(options.title).trim()) === r.title) is = true;
      else if (r.report.fingerprint && r.sketch.length) {
        if (!contained(k) && !ended) {
          shingles ??= shingleStream(text);
          ended = shingles((h) => {
            const owners = index.sketches.get(h);
            if (!owners || seen.has(h)) return false;
            seen.add(h);
            for (const o of owners) hits[o]++;
            return contained(k);
          });
        }
        is = contained(k);
      }
      self[k] = is ? 1 : 2;
    }
    return self[k] === 1;
  };
  const published = dayOf(options.published);
  let inside: ((a: Annotation) => Annotation[]) | undefined;

  const verdicts: Verdict[] = [];
  for (const a of claims) {
    const speaker = a.claim!.source.name ?? a.claim!.source.text;
    let found: Candidate[] | undefined;
    let mine: Set<string> | undefined;
    let mineWeight = 0;
    let places: Set<string> | undefined;
    let figures: Annotation[] | undefined;
    for (const i of claimsBy(index, speaker)) {
      const rc = index.claims[i];
      // a report known to be the article is skipped; others are checked only for a match
      if (self[rc.report] === 1) continue;
      if (!mine) {
        mine = concepts(a.text);
        for (const x of mine) mineWeight += weight(x);
      }
      const sim = similarity(mine, mineWeight, prepare(rc));
      // no shared content, no candidate, whatever the places, figures and dates add
      if (!(sim > 0)) continue;
      if (!places || !figures) {
        const within = (inside ??= insideFinder(annotations))(a);
        places = new Set(within.filter((x) => x.category === 'place' && x.place).map((x) => norm(x.place!.name)));
        figures = within.filter((x) => x.category === 'figure' && x.figure && x.figure.value !== null && x.figure.kind !== 'date');
      }
      const c = rc.claim;
      let score = sim;
      let shared = 0;
      for (const p of c.places) if (hasPlace(places, p)) shared++;
      score += Math.min(0.2, 0.1 * shared);
      if (figures.some((f) => c.figures.some((g) => g.value === f.figure!.value))) score += 0.1;
      if (published !== undefined && rc.day !== undefined && !Number.isNaN(published) && !Number.isNaN(rc.day)) {
        const days = Math.abs(published - rc.day) / DAY_MS;
        score += days <= 3 ? 0.05 : days > 60 ? -0.15 : 0;
      }
      if (score >= MATCH_THRESHOLD && !isSelf(rc.report)) (found ??= []).push({ report: index.reports[rc.report].report, claim: c, score, words: sim });
    }
    verdicts.push(verdictFor(a, speaker, figures ?? NO_FIGURES, places ?? NO_PLACES, found ?? []));
  }
  return verdicts;
}

function verdictFor(a: Annotation, speaker: string, figures: readonly Annotation[], places: ReadonlySet<string>, found: Candidate[]): Verdict {
  if (!found.length) {
    return { annotationId: a.id, kind: 'unverified', summary: `${speaker}: no reference report carries this claim`, evidence: [], message: { key: 'verdict_claim_unverified', subs: [speaker] } };
  }
  // the best match per report
  const best = new Map<string, Candidate>();
  for (const c of found.sort((x, y) => y.score - x.score)) if (!best.has(c.report.id)) best.set(c.report.id, c);
  const evidence: Evidence[] = [];
  let delta: Verdict['delta'];
  let differs: string | undefined;
  let differsSubs: string[] | undefined; // what differs here, there, and where: for the message
  for (const c of best.values()) {
    const e: Evidence = { ref: `${c.report.id}#${c.claim.id}`, label: c.report.outlet ?? c.report.title, quote: c.claim.statement, source: c.claim.speaker };
    const date = c.claim.date ?? c.report.published;
    if (date) e.date = c.report.publishedInferred && !c.claim.date ? `${date} (inferred)` : date;
    // a different figure of the same unit
    for (const f of figures) {
      if (!f.figure!.unit) continue;
      const same = c.claim.figures.filter((g) => g.unit === f.figure!.unit);
      if (!same.length || same.some((g) => g.value === f.figure!.value)) continue;
      const g = same[0];
      const v = f.figure!.value!;
      if (Math.abs(v - g.value) / Math.max(Math.abs(g.value), 1e-9) > 0.05) {
        delta ??= { absolute: v - g.value, relative: (v - g.value) / g.value };
        if (differs === undefined) {
          const there = `${g.text ?? g.value}${g.unit && !g.text ? ' ' + g.unit : ''}`;
          differs = `${f.text} here, ${there} in ${e.label}`;
          differsSubs = [f.text, there, e.label];
        }
        e.value = g.value;
        if (g.unit) e.unit = g.unit;
      }
    }
    // a different place for the same statement
    if (!differs && c.words >= 0.6 && places.size && c.claim.places.length && !c.claim.places.some((p) => hasPlace(places, p))) {
      differsSubs = [[...places].join(', '), c.claim.places.join(', '), e.label];
      differs = `${differsSubs[0]} here, ${differsSubs[1]} in ${e.label}`;
    }
    evidence.push(e);
  }
  const labels = evidence.map((e) => `${e.label}${e.date ? ` (${e.date})` : ''}`).join('; ');
  if (differs) {
    const v: Verdict = { annotationId: a.id, kind: 'differs', summary: `${speaker}: reported differently: ${differs}`, evidence };
    if (differsSubs) v.message = { key: 'verdict_claim_differs', subs: [speaker, ...differsSubs] };
    if (delta) v.delta = delta;
    return v;
  }
  return { annotationId: a.id, kind: 'consistent', summary: `${speaker}: also reported by ${labels}`, evidence, message: { key: 'verdict_claim_consistent', subs: [speaker, labels] } };
}
