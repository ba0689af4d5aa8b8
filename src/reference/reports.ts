// Reference reports: parsing and validation of the bundled reports file and user imports.
// PLACEHOLDER until the reports land: accepts an array and keeps nothing else.
import type { ReferenceReport } from './types';

export function parseReports(data: unknown): ReferenceReport[] {
  if (data === undefined) return [];
  if (!Array.isArray(data)) throw new Error('reports: expected an array');
  return data as ReferenceReport[];
}
