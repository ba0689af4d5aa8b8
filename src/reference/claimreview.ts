// User imports of reference reports: sniffs our JSON format or schema.org ClaimReview JSON-LD (object,
// array or @graph), converts ClaimReview into reports, and refuses bad files with the reason.
import { fnvHash } from './fnv';
import type { ReferenceReport, ReportClaim } from './types';
import { checkShape, validateReports } from './reports';

export const MAX_IMPORT_BYTES = 5_000_000;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

function types(o: Obj): string[] {
  const t = o['@type'];
  const list = Array.isArray(t) ? t : [t];
  return list.filter((x): x is string => typeof x === 'string').map((x) => x.replace(/^(schema:|https?:\/\/schema\.org\/)/, ''));
}

/** Every node of a JSON-LD document: arrays, @graph, nested lists. */
function nodes(data: unknown, out: Obj[] = [], depth = 0): Obj[] {
  if (depth > 4) return out;
  if (Array.isArray(data)) for (const d of data) nodes(d, out, depth + 1);
  else if (isObj(data)) {
    if (Array.isArray(data['@graph'])) nodes(data['@graph'], out, depth + 1);
    else out.push(data);
  }
  return out;
}

function nameOf(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined;
  if (Array.isArray(v)) {
    const names = v.map(nameOf).filter((x): x is string => !!x);
    return names.length ? names.join(', ') : undefined;
  }
  if (isObj(v)) {
    const n = v.name ?? v.alternateName ?? v.legalName;
    return typeof n === 'string' && n.trim() ? n.trim() : undefined;
  }
  return undefined;
}

function isoDate(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(v.trim());
  return m ? m[1] : undefined;
}

function hashId(s: string): string {
  return fnvHash(s).toString(16).padStart(8, '0');
}

export function isClaimReview(data: unknown): boolean {
  return nodes(data).some((n) => types(n).includes('ClaimReview'));
}

/** Converts the ClaimReview nodes of a JSON-LD document; problems name the node and field. */
export function claimReviewToReports(data: unknown): { reports: ReferenceReport[]; problems: string[] } {
  const problems: string[] = [];
  const reports: ReferenceReport[] = [];
  const all = nodes(data);
  all.forEach((n, i) => {
    if (!types(n).includes('ClaimReview')) return;
    const path = `ClaimReview[${i}]`;
    const statement = typeof n.claimReviewed === 'string' ? n.claimReviewed.trim() : '';
    if (!statement) {
      problems.push(`${path}.claimReviewed: missing (expected the text of the claim)`);
      return;
    }
    const item = isObj(n.itemReviewed) ? n.itemReviewed : undefined;
    const speaker = nameOf(item?.author) ?? nameOf(item?.creator);
    if (!speaker) {
      problems.push(`${path}.itemReviewed.author.name: missing (who made the claim)`);
      return;
    }
    const outlet = nameOf(n.author) ?? nameOf(n.publisher);
    const url = typeof n.url === 'string' && /^https?:\/\/\S+$/.test(n.url) ? n.url : undefined;
    const published = isoDate(n.datePublished);
    const rating = isObj(n.reviewRating) ? nameOf({ name: n.reviewRating.alternateName ?? n.reviewRating.name }) : undefined;
    const claimDate = isoDate(item?.datePublished);
    const id = `claimreview:${hashId(url ?? statement + speaker)}`;
    const claim: ReportClaim = { id: `${id}#0`, speaker, cue: 'claimed', statement, places: [], figures: [] };
    if (claimDate) claim.date = claimDate;
    if (rating) claim.rating = rating;
    const title = typeof n.name === 'string' && n.name.trim() ? n.name.trim() : typeof n.headline === 'string' && n.headline.trim() ? n.headline.trim() : `${speaker}: ${statement.length > 80 ? statement.slice(0, 77) + '...' : statement}`;
    const report: ReferenceReport = { id, title, claims: [claim] };
    if (outlet) report.outlet = outlet;
    if (published) report.published = published;
    if (url) report.url = url;
    reports.push(report);
  });
  if (!reports.length && !problems.length) problems.push('no ClaimReview found (expected "@type": "ClaimReview")');
  return { reports, problems };
}

/**
 * Imports a user's file: our reports JSON or ClaimReview JSON-LD. A bad file yields `{ error }`
 * naming what is wrong; the caller keeps what it had.
 */
export function importReports(json: string): { reports: ReferenceReport[] } | { error: string } {
  if (typeof json !== 'string') return { error: 'expected the text of a JSON file' };
  if (json.length > MAX_IMPORT_BYTES) return { error: `file too large (${json.length} characters, at most ${MAX_IMPORT_BYTES})` };
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    return { error: `not valid JSON: ${(e as Error).message}` };
  }
  const shape: string[] = [];
  checkShape(data, 'file', shape);
  if (shape.length) return { error: shape.slice(0, 3).join('; ') };
  const { reports, problems } = isClaimReview(data) ? claimReviewToReports(data) : validateReports(data);
  if (problems.length) return { error: problems.slice(0, 3).join('; ') + (problems.length > 3 ? ` (and ${problems.length - 3} more)` : '') };
  if (!reports.length) return { error: 'the file holds no reports' };
  return { reports };
}
