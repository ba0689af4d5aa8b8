// Reference reports: validation of our JSON format (bundled file and user imports) with errors that
// name the path and reason, and the text fingerprint that recognises a report when it is analysed.
import { FNV_START, fnvStep } from './fnv';
import type { ReferenceReport, ReportClaim } from './types';
import { FoldedWordStream } from '../compare/scan';

export const LIMITS = { stringLength: 20_000, depth: 8, reports: 5_000, claims: 2_000, listItems: 500 } as const;
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

export class ReportsError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.slice(0, 5).join('; ') + (problems.length > 5 ? ` (and ${problems.length - 5} more)` : ''));
    this.name = 'ReportsError';
  }
}

/** Checks that no key anywhere is a prototype-pollution key and that nesting stays shallow. */
export function checkShape(data: unknown, path: string, problems: string[], depth = 0): void {
  if (depth > LIMITS.depth) {
    problems.push(`${path}: nested too deeply (more than ${LIMITS.depth} levels)`);
    return;
  }
  if (typeof data === 'string' && data.length > LIMITS.stringLength) problems.push(`${path}: string too long (${data.length} characters, at most ${LIMITS.stringLength})`);
  if (Array.isArray(data)) {
    data.forEach((v, i) => checkShape(v, `${path}[${i}]`, problems, depth + 1));
  } else if (data !== null && typeof data === 'object') {
    for (const key of Object.keys(data)) {
      if (FORBIDDEN.has(key)) {
        problems.push(`${path}: forbidden key "${key}"`);
        continue;
      }
      checkShape((data as Record<string, unknown>)[key], `${path}.${key}`, problems, depth + 1);
    }
  }
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

function str(o: Obj, key: string, path: string, problems: string[], required: boolean): string | undefined {
  const v = o[key];
  if (v === undefined || v === null) {
    if (required) problems.push(`${path}.${key}: missing (expected a string)`);
    return undefined;
  }
  if (typeof v !== 'string') {
    problems.push(`${path}.${key}: expected a string`);
    return undefined;
  }
  if (required && !v.trim()) problems.push(`${path}.${key}: must not be empty`);
  return v;
}

function validateClaim(c: unknown, path: string, problems: string[]): ReportClaim | undefined {
  if (!isObj(c)) {
    problems.push(`${path}: expected an object`);
    return undefined;
  }
  const before = problems.length;
  const id = str(c, 'id', path, problems, true);
  const speaker = str(c, 'speaker', path, problems, true);
  const cue = str(c, 'cue', path, problems, false) ?? '';
  const statement = str(c, 'statement', path, problems, true);
  const date = str(c, 'date', path, problems, false);
  const rating = str(c, 'rating', path, problems, false);
  if (date !== undefined && !ISO_DATE.test(date)) problems.push(`${path}.date: expected an ISO date (YYYY-MM-DD)`);
  const places: string[] = [];
  if (c.places !== undefined) {
    if (!Array.isArray(c.places)) problems.push(`${path}.places: expected an array of strings`);
    else if (c.places.length > LIMITS.listItems) problems.push(`${path}.places: too many items (at most ${LIMITS.listItems})`);
    else c.places.forEach((p, i) => (typeof p === 'string' ? places.push(p) : problems.push(`${path}.places[${i}]: expected a string`)));
  }
  const figures: ReportClaim['figures'] = [];
  if (c.figures !== undefined) {
    if (!Array.isArray(c.figures)) problems.push(`${path}.figures: expected an array`);
    else if (c.figures.length > LIMITS.listItems) problems.push(`${path}.figures: too many items (at most ${LIMITS.listItems})`);
    else
      c.figures.forEach((f, i) => {
        const fp = `${path}.figures[${i}]`;
        if (!isObj(f)) return problems.push(`${fp}: expected an object`);
        if (typeof f.value !== 'number' || !Number.isFinite(f.value)) return problems.push(`${fp}.value: expected a finite number`);
        const unit = str(f, 'unit', fp, problems, false);
        const text = str(f, 'text', fp, problems, false);
        figures.push({ value: f.value, ...(unit !== undefined ? { unit } : {}), ...(text !== undefined ? { text } : {}) });
      });
  }
  if (problems.length > before) return undefined;
  const out: ReportClaim = { id: id!, speaker: speaker!, cue, statement: statement!, places, figures };
  if (date !== undefined) out.date = date;
  if (rating !== undefined) out.rating = rating;
  return out;
}

function validateReport(r: unknown, path: string, problems: string[]): ReferenceReport | undefined {
  if (!isObj(r)) {
    problems.push(`${path}: expected an object`);
    return undefined;
  }
  const before = problems.length;
  const id = str(r, 'id', path, problems, true);
  const title = str(r, 'title', path, problems, true);
  const outlet = str(r, 'outlet', path, problems, false);
  const published = str(r, 'published', path, problems, false);
  const url = str(r, 'url', path, problems, false);
  const fingerprint = str(r, 'fingerprint', path, problems, false);
  if (published !== undefined && !ISO_DATE.test(published)) problems.push(`${path}.published: expected an ISO date (YYYY-MM-DD)`);
  if (url !== undefined && !/^https?:\/\/\S+$/.test(url)) problems.push(`${path}.url: expected an http(s) URL`);
  if (r.publishedInferred !== undefined && typeof r.publishedInferred !== 'boolean') problems.push(`${path}.publishedInferred: expected true or false`);
  if (fingerprint !== undefined && !/^fp1:[0-9a-f]*(?:,[0-9a-f]+)*$/.test(fingerprint)) problems.push(`${path}.fingerprint: not a fingerprint made by this version`);
  const claims: ReportClaim[] = [];
  if (!Array.isArray(r.claims)) problems.push(`${path}.claims: expected an array`);
  else if (r.claims.length > LIMITS.claims) problems.push(`${path}.claims: too many claims (at most ${LIMITS.claims})`);
  else
    r.claims.forEach((c, i) => {
      const v = validateClaim(c, `${path}.claims[${i}]`, problems);
      if (v) claims.push(v);
    });
  if (problems.length > before) return undefined;
  const out: ReferenceReport = { id: id!, title: title!, claims };
  if (outlet !== undefined) out.outlet = outlet;
  if (published !== undefined) out.published = published;
  if (r.publishedInferred === true) out.publishedInferred = true;
  if (url !== undefined) out.url = url;
  if (fingerprint !== undefined) out.fingerprint = fingerprint;
  return out;
}

/** Validates our reports format: an array of reports, or `{ "reports": [...] }`. Lists every problem. */
export function validateReports(data: unknown): { reports: ReferenceReport[]; problems: string[] } {
  const problems: string[] = [];
  checkShape(data, 'reports', problems);
  if (problems.length) return { reports: [], problems };
  let list: unknown = data;
  let path = 'reports';
  if (isObj(data)) {
    list = data.reports;
    path = 'reports';
    if (list === undefined) return { reports: [], problems: ['reports: expected an array of reports or an object with a "reports" array'] };
  }
  if (!Array.isArray(list)) return { reports: [], problems: [`${path}: expected an array`] };
  if (list.length > LIMITS.reports) return { reports: [], problems: [`${path}: too many reports (at most ${LIMITS.reports})`] };
  const reports: ReferenceReport[] = [];
  const ids = new Set<string>();
  list.forEach((r, i) => {
    const v = validateReport(r, `${path}[${i}]`, problems);
    if (!v) return;
    if (ids.has(v.id)) problems.push(`${path}[${i}].id: duplicate id "${v.id}"`);
    ids.add(v.id);
    reports.push(v);
  });
  return { reports: problems.length ? [] : reports, problems };
}

/** Parses the bundled reports file; throws a ReportsError naming every problem. */
export function parseReports(data: unknown): ReferenceReport[] {
  if (data === undefined) return [];
  const { reports, problems } = validateReports(data);
  if (problems.length) throw new ReportsError(problems);
  return reports;
}

// ---- fingerprints ----------------------------------------------------------------------------

const SHINGLE = 5;
const SKETCH = 64;

/**
 * The FNV-1a hashes of the text's word 5-shingles (lower case, diacritics folded; the words are the
 * runs of letters and numbers, joined by one space), or of all its words when fewer than 5, produced
 * on demand: each call of the returned function hands hashes to `visit` until `visit` returns true
 * (stop for now: the next call goes on from there) or the text ends (then it returns true). The words
 * are folded into one buffer and hashed there: no word strings, no joined shingles.
 */
export function shingleStream(text: string): (visit: (h: number) => boolean) => boolean {
  // the words are folded only as far as the shingles are read
  const words = new FoldedWordStream(text);
  const hash = (from: number, to: number): number => {
    const { units, ends } = words;
    let h = FNV_START;
    for (let i = from ? ends[from - 1] : 0, w = from; w < to; w++) {
      if (w > from) h = fnvStep(h, 0x20);
      for (const end = ends[w]; i < end; i++) h = fnvStep(h, units[i]);
    }
    return h >>> 0;
  };
  let next = 0;
  return (visit) => {
    for (;;) {
      if (!words.fill(next + SHINGLE)) {
        // fewer words than a shingle in the whole text: one hash of them all (none for no words)
        if (next === 0 && words.count > 0) {
          next = 1;
          visit(hash(0, words.count));
        }
        return true;
      }
      const i = next++;
      // stopped: the stream has ended when no further shingle is there
      if (visit(hash(i, i + SHINGLE))) return !words.fill(next + SHINGLE);
    }
  };
}

function eachShingle(text: string, visit: (h: number) => void): void {
  shingleStream(text)((h) => {
    visit(h);
    return false;
  });
}

/** Hashes of the text's word 5-shingles (lower case, diacritics folded). */
export function shingleHashes(text: string): Set<number> {
  const out = new Set<number>();
  eachShingle(text, (h) => out.add(h));
  return out;
}

/** The hashes among `wanted` that are hashes of the text's shingles: `shingleHashes(text)` ∩ `wanted`. */
export function shingleHashesAmong(text: string, wanted: ReadonlySet<number>): Set<number> {
  const out = new Set<number>();
  if (wanted.size) eachShingle(text, (h) => wanted.has(h) && out.add(h));
  return out;
}

/** A bottom-k sketch of the text's shingles: "fp1:" and the smallest hashes in hex. */
export function fingerprint(text: string): string {
  const hs = [...shingleHashes(text)].sort((a, b) => a - b).slice(0, SKETCH);
  return 'fp1:' + hs.map((h) => h.toString(16)).join(',');
}

export function parseFingerprint(fp: string): number[] {
  if (!fp.startsWith('fp1:')) return [];
  return fp.slice(4).split(',').filter(Boolean).map((h) => parseInt(h, 16));
}

/**
 * How much of the report (by its fingerprint) the text contains, 0..1: the share of the report's
 * sketch hashes among the text's shingles. An article that is the report scores near 1 even with
 * page furniture around it; another report of the same events stays near 0.
 */
export function containment(reportFingerprint: string, textHashes: Set<number>): number {
  const sketch = parseFingerprint(reportFingerprint);
  if (!sketch.length) return 0;
  let hit = 0;
  for (const h of sketch) if (textHashes.has(h)) hit++;
  return hit / sketch.length;
}
