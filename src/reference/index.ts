// The reference dataset assembled from its bundled parts (gazetteer and reports), validated on load.
import type { Reference, ReferenceReport } from './types';
import { createGazetteer } from './gazetteer';
import { parseReports } from './reports';

export function createReference(gazetteerData: unknown, reportsData: unknown, extraReports: ReferenceReport[] = []): Reference {
  return { gazetteer: createGazetteer(gazetteerData), reports: [...parseReports(reportsData), ...extraReports] };
}
