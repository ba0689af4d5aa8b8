// Claim verdicts: each attributed claim matched against the claims of reference reports (same speaker,
// same content by concept overlap, places, figures and dates); the analysed report itself is never evidence.
import type { Annotation, Evidence, Verdict } from '../types';
import type { Reference, ReferenceReport, ReportClaim } from '../reference/types';
import { containment, shingleHashes } from '../reference/reports';
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

/** Phrases of general English folded into one concept before word splitting. */
const PHRASES: [RegExp, string][] = [
  [/\bpull(?:s|ed|ing)? (?:\w+ )?(?:\w+ )?(?:back|out)\b/g, ' withdraw '],
  [/\bturn(?:s|ed|ing)? (?:its|their|his|her) backs?\b/g, ' flee '],
  [/\b(?:take|takes|taken|taking|took) (?:back|control(?: of)?)\b/g, ' recapture '],
  [/\bmove(?:d|s)? (?:\w+ )?(?:from|out of)\b/g, ' withdraw '],
  [/\bsquare (?:kilometres|kilometers|km|miles)\b/g, ' area '],
];

/** Lemma and synonym table of general English: word -> concept. */
const CONCEPTS: Record<string, string> = {};
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

/** The content concepts of a statement: folded, stop words dropped, lemmas and synonyms merged. */
export function concepts(text: string): Set<string> {
  let t = text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[’']s\b/g, '');
  for (const [re, rep] of PHRASES) t = t.replace(re, rep);
  const out = new Set<string>();
  for (const w of t.match(/\p{L}+/gu) ?? []) {
    if (STOP.has(w) || w.length < 2) continue;
    out.add(stem(w));
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

function words(s: string): string[] {
  return fold(s).replace(/[’']s\b/g, '').match(/\p{L}+/gu) ?? [];
}

/** Same speaker: names by surname spelling; organisations by their head noun without conflicting kinds or nations. */
export function speakersMatch(a: string, b: string): boolean {
  if (sameSpeaker(a, b)) return true;
  const wa = words(a);
  const wb = words(b);
  const head = wa.find((w) => ORG_HEADS.has(w) && wb.includes(w));
  if (!head) return false;
  const kindOf = (ws: string[]) => ORG_KINDS.findIndex((g) => ws.some((w) => g.includes(w)));
  const ka = kindOf(wa);
  const kb = kindOf(wb);
  if (ka >= 0 && kb >= 0 && ka !== kb) return false;
  const nation = (s: string) => (s.match(/\b\p{Lu}\p{L}+(?:ian|ish|ese|an|i)\b/gu) ?? []).map((x) => x.toLowerCase());
  const na = nation(a);
  const nb = nation(b);
  if (na.length && nb.length && !na.some((x) => nb.some((y) => sameSurname(x, y)))) return false;
  return true;
}

// ---- matching ----------------------------------------------------------------------------------

function dayDiff(a?: string, b?: string): number | undefined {
  if (!a || !b) return undefined;
  const x = Date.parse(a.slice(0, 10));
  const y = Date.parse(b.slice(0, 10));
  if (Number.isNaN(x) || Number.isNaN(y)) return undefined;
  return Math.abs(x - y) / 86_400_000;
}

/** Same page whatever the query, fragment, scheme, host case or trailing slash. */
export function sameDocumentUrl(a: string, b: string): boolean {
  const key = (u: string) => {
    const bare = u.trim().replace(/[#?].*$/, '').replace(/^https?:\/\//i, '');
    const slash = bare.indexOf('/');
    const host = (slash < 0 ? bare : bare.slice(0, slash)).toLowerCase().replace(/^www\./, '');
    return host + (slash < 0 ? '' : bare.slice(slash)).replace(/\/+$/, '');
  };
  return key(a) === key(b);
}

function isSelf(report: ReferenceReport, hashes: Set<number>, options: ClaimCompareOptions): boolean {
  if (options.url && report.url && sameDocumentUrl(options.url, report.url)) return true;
  if (options.title && report.title && fold(options.title).trim() === fold(report.title).trim()) return true;
  return !!report.fingerprint && containment(report.fingerprint, hashes) >= SELF_CONTAINMENT;
}

interface Candidate {
  report: ReferenceReport;
  claim: ReportClaim;
  score: number;
  words: number;
}

const norm = (s: string) => fold(s).replace(/[^\p{L}\p{N}]+/gu, ' ').replace(/\b(oblast|region|province|state|county|city|district)\b/g, '').replace(/\s+/g, ' ').trim();

/** Does the claim's place set hold this place (names normalised, regions by their core name)? */
function hasPlace(places: Set<string>, name: string): boolean {
  const n = norm(name);
  if (places.has(n)) return true;
  for (const p of places) if (p && n && (sameSurname(p, n) || p.split(' ').includes(n) || n.split(' ').includes(p))) return true;
  return false;
}

export function compareClaims(
  text: string,
  annotations: readonly Annotation[],
  reference: Reference,
  options: ClaimCompareOptions = {},
): Verdict[] {
  const claims = annotations.filter((a) => a.category === 'claim' && a.claim);
  if (!claims.length) return [];
  const hashes = reference.reports.some((r) => r.fingerprint) ? shingleHashes(text) : new Set<number>();
  const reports = reference.reports.filter((r) => !isSelf(r, hashes, options));
  const refConcepts = new Map<ReportClaim, Set<string>>();
  for (const r of reports) for (const c of r.claims) refConcepts.set(c, concepts(c.statement));
  const verdicts: Verdict[] = [];
  for (const a of claims) {
    const speaker = a.claim!.source.name ?? a.claim!.source.text;
    const mine = concepts(a.text);
    const inside = annotations.filter((x) => x.start >= a.start && x.end <= a.end);
    const places = new Set(inside.filter((x) => x.category === 'place' && x.place).map((x) => norm(x.place!.name)));
    const figures = inside.filter((x) => x.category === 'figure' && x.figure && x.figure.value !== null && x.figure.kind !== 'date');
    const found: Candidate[] = [];
    for (const r of reports) {
      for (const c of r.claims) {
        if (!speakersMatch(speaker, c.speaker)) continue;
        const sim = contentSimilarity(mine, refConcepts.get(c)!);
        let score = sim;
        const shared = c.places.filter((p) => hasPlace(places, p)).length;
        score += Math.min(0.2, 0.1 * shared);
        if (figures.some((f) => c.figures.some((g) => g.value === f.figure!.value))) score += 0.1;
        const days = dayDiff(options.published, c.date ?? r.published);
        if (days !== undefined) score += days <= 3 ? 0.05 : days > 60 ? -0.15 : 0;
        if (sim > 0 && score >= MATCH_THRESHOLD) found.push({ report: r, claim: c, score, words: sim });
      }
    }
    verdicts.push(verdictFor(a, speaker, figures, places, found));
  }
  return verdicts;
}

function verdictFor(a: Annotation, speaker: string, figures: readonly Annotation[], places: Set<string>, found: Candidate[]): Verdict {
  if (!found.length) {
    return { annotationId: a.id, kind: 'unverified', summary: `${speaker}: no reference report carries this claim`, evidence: [] };
  }
  // the best match per report
  const best = new Map<string, Candidate>();
  for (const c of found.sort((x, y) => y.score - x.score)) if (!best.has(c.report.id)) best.set(c.report.id, c);
  const evidence: Evidence[] = [];
  let delta: Verdict['delta'];
  let differs: string | undefined;
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
        differs ??= `${f.text} here, ${g.text ?? g.value}${g.unit && !g.text ? ' ' + g.unit : ''} in ${e.label}`;
        e.value = g.value;
        if (g.unit) e.unit = g.unit;
      }
    }
    // a different place for the same statement
    if (!differs && c.words >= 0.6 && places.size && c.claim.places.length && !c.claim.places.some((p) => hasPlace(places, p))) {
      differs = `${[...places].join(', ')} here, ${c.claim.places.join(', ')} in ${e.label}`;
    }
    evidence.push(e);
  }
  const labels = evidence.map((e) => `${e.label}${e.date ? ` (${e.date})` : ''}`).join('; ');
  if (differs) {
    const v: Verdict = { annotationId: a.id, kind: 'differs', summary: `${speaker}: reported differently: ${differs}`, evidence };
    if (delta) v.delta = delta;
    return v;
  }
  return { annotationId: a.id, kind: 'consistent', summary: `${speaker}: also reported by ${labels}`, evidence };
}
