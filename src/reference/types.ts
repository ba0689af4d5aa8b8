// Types of the bundled reference dataset: gazetteer entries and the reference reports of events.
import type { PlaceKind } from '../types';

export interface GazetteerEntry {
  /** GeoNames id; negative ids are hand-kept entries GeoNames lacks (informal regions). */
  id: number;
  /** Canonical name. */
  name: string;
  kind: Exclude<PlaceKind, 'feature'>;
  /** ISO 3166-1 alpha-2 country code; '' for multinational areas (oceans, continents, the Middle East). */
  country: string;
  /** First-level region name (for cities and areas), where known. */
  region?: string;
  lat: number;
  lon: number;
  population: number;
}

/** The searchable gazetteer: built once from the compact bundled form. */
export interface Gazetteer {
  readonly version: string;
  readonly size: number;
  /** Every entry with this name or alternate name; matching ignores case and diacritics. */
  lookup(name: string): GazetteerEntry[];
  get(id: number): GazetteerEntry | undefined;
  /** The country entry for an ISO code. */
  country(code: string): GazetteerEntry | undefined;
}

export interface ReportClaim {
  id: string;
  speaker: string;
  cue: string;
  statement: string;
  places: string[];
  figures: { value: number; unit?: string; text?: string }[];
  /** When the claim was made (ISO date), where known and different from the report's date. */
  date?: string;
  /** A fact-checker's rating of the claim (ClaimReview `reviewRating.alternateName`). */
  rating?: string;
}

export interface ReferenceReport {
  id: string;
  /** Outlet name where known; the seeds name none, so their label is their title. */
  outlet?: string;
  title: string;
  /** ISO date, where known. */
  published?: string;
  /** True when `published` was inferred rather than stated by the report. */
  publishedInferred?: boolean;
  url?: string;
  /** Fingerprint of the report's text, so the analysed article is never evidence for itself. */
  fingerprint?: string;
  claims: ReportClaim[];
}

export interface Reference {
  gazetteer: Gazetteer;
  reports: ReferenceReport[];
}
