// The user's imported reference reports, kept in storage.local under IMPORTED_REPORTS_KEY as
// { version: 1, reports: ReferenceReport[] } (our reports format, so they re-validate on read).
// An import goes through importReports: a bad file is refused with the reason and what was stored stays.
import { browser } from 'wxt/browser';
import { importReports } from '../reference/claimreview';
import { validateReports } from '../reference/reports';
import type { ReferenceReport } from '../reference/types';

export const IMPORTED_REPORTS_KEY = 'factmark:reports';
export const IMPORTED_REPORTS_VERSION = 1;

export interface StoredReports {
  version: number;
  reports: ReferenceReport[];
}

/** A stored value -> the valid reports in it (a damaged entry yields none rather than an error). */
export function parseStoredReports(stored: unknown): ReferenceReport[] {
  if (typeof stored !== 'object' || stored === null) return [];
  const list = (stored as { reports?: unknown }).reports;
  if (!Array.isArray(list)) return [];
  const { reports, problems } = validateReports(list);
  return problems.length ? reports.filter(Boolean) : reports;
}

export async function readImportedReports(): Promise<ReferenceReport[]> {
  const stored = await browser.storage.local.get(IMPORTED_REPORTS_KEY);
  return parseStoredReports(stored[IMPORTED_REPORTS_KEY]);
}

async function write(reports: ReferenceReport[]): Promise<void> {
  const value: StoredReports = { version: IMPORTED_REPORTS_VERSION, reports };
  await browser.storage.local.set({ [IMPORTED_REPORTS_KEY]: value });
}

/**
 * Merges a file's reports into the stored ones (same id: the new one replaces the old).
 * Pure: the stored list is not changed when the file is refused.
 */
export function mergeImport(current: readonly ReferenceReport[], json: string): { reports: ReferenceReport[]; added: ReferenceReport[] } | { error: string } {
  const result = importReports(json);
  if ('error' in result) return result;
  const ids = new Set(result.reports.map((r) => r.id));
  return { reports: [...current.filter((r) => !ids.has(r.id)), ...result.reports], added: result.reports };
}

/** Imports a file's text; on success stores the merged list and returns what was added. */
export async function importReportsFile(json: string): Promise<{ added: ReferenceReport[]; reports: ReferenceReport[] } | { error: string }> {
  const merged = mergeImport(await readImportedReports(), json);
  if ('error' in merged) return merged;
  await write(merged.reports);
  return merged;
}

export async function removeImportedReport(id: string): Promise<ReferenceReport[]> {
  const next = (await readImportedReports()).filter((r) => r.id !== id);
  await write(next);
  return next;
}

/** The imported reports as a file in our format (an array of reports), re-importable as is. */
export function exportReportsJson(reports: readonly ReferenceReport[]): string {
  return `${JSON.stringify(reports, null, 2)}\n`;
}
