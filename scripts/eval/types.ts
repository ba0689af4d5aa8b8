// What each category's scorer returns to `npm run eval` (scripts/eval.ts prints and compares them).
export interface Score {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface EvalReport {
  /** e.g. "places (GeoWebNews dev)" */
  name: string;
  /** Headline scores by label, e.g. { overlap: Score, exact: Score } or { cue, source, content }. */
  scores: Record<string, Score>;
  /** Further figures, e.g. { "resolution@161km": 0.93, "value accuracy": 0.97 }. */
  extra: Record<string, number>;
  /** Free-form lines printed after the table (per-type breakdowns, notes). */
  notes: string[];
}

export function score(tp: number, fp: number, fn: number): Score {
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, fp, fn, precision, recall, f1 };
}

/** Reads a JSON-lines corpus from ../shared/eval (or the folder given). */
export interface CorpusLine {
  id: string;
  text: string;
  spans: { start: number; end: number; label: string; extra: Record<string, unknown> }[];
  meta?: Record<string, unknown>;
}
