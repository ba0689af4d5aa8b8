// Scores the claim recogniser on PolNeAR dev (../shared/eval/claims-polnear-dev.jsonl): cue, source and
// content spans by overlap (and exact), fragments of one attribution forming one gold claim.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Reference } from '../../src/reference/types';
import type { Annotation } from '../../src/types';
import { recognizeClaims } from '../../src/recognize/claims';
import { score, type CorpusLine, type EvalReport } from './types';

export const CLAIMS_CORPUS = 'claims-polnear-dev.jsonl';

interface R {
  start: number;
  end: number;
}
/** One unit to match: one or more ranges (the fragments of a claim). */
type Unit = R[];

const overlaps = (a: R, b: R) => a.start < b.end && b.start < a.end;
const same = (a: R, b: R) => a.start === b.start && a.end === b.end;

/** Greedy one-to-one matching of predicted to gold units; returns true positives. */
export function matchUnits(pred: readonly Unit[], gold: readonly Unit[], exact: boolean): number {
  const used = new Set<number>();
  let tp = 0;
  for (const p of pred) {
    for (let g = 0; g < gold.length; g++) {
      if (used.has(g)) continue;
      const hit = exact ? p.some((x) => gold[g].some((y) => same(x, y))) : p.some((x) => gold[g].some((y) => overlaps(x, y)));
      if (hit) {
        used.add(g);
        tp++;
        break;
      }
    }
  }
  return tp;
}

function uniqueRanges(rs: readonly R[]): Unit[] {
  const seen = new Map<string, R>();
  for (const r of rs) seen.set(`${r.start}:${r.end}`, r);
  return [...seen.values()].sort((a, b) => a.start - b.start).map((r) => [r]);
}

/** Gold units per label for one document. */
export function goldUnits(line: CorpusLine): Record<'cue' | 'source' | 'content', Unit[]> {
  const claims = new Map<string, R[]>();
  const src: R[] = [];
  const cue: R[] = [];
  for (const s of line.spans) {
    if (s.label === 'claim') {
      const id = String(s.extra.attribution_id ?? `${s.start}`);
      const list = claims.get(id) ?? [];
      list.push({ start: s.start, end: s.end });
      claims.set(id, list);
    } else if (s.label === 'source') src.push(s);
    else if (s.label === 'cue') cue.push(s);
  }
  return { cue: uniqueRanges(cue), source: uniqueRanges(src), content: [...claims.values()] };
}

/** Predicted units: claims sharing one cue span are fragments of one attribution. */
export function predictedUnits(annotations: readonly Annotation[]): Record<'cue' | 'source' | 'content', Unit[]> {
  const byCue = new Map<string, R[]>();
  const src: R[] = [];
  const cue: R[] = [];
  for (const a of annotations) {
    if (a.category !== 'claim' || !a.claim) continue;
    const key = `${a.claim.cue.start}:${a.claim.cue.end}`;
    const list = byCue.get(key) ?? [];
    list.push({ start: a.start, end: a.end });
    byCue.set(key, list);
    src.push(a.claim.source);
    cue.push(a.claim.cue);
  }
  return { cue: uniqueRanges(cue), source: uniqueRanges(src), content: [...byCue.values()] };
}

export function readCorpus(file: string): CorpusLine[] {
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as CorpusLine);
}

export async function evaluateClaims(sharedDir: string, _reference?: Reference): Promise<EvalReport> {
  const file = resolve(sharedDir, 'eval', CLAIMS_CORPUS);
  if (!existsSync(file)) throw new Error(`claims corpus not found: ${file}`);
  const lines = readCorpus(file);
  const labels = ['cue', 'source', 'content'] as const;
  const tally = Object.fromEntries([...labels.flatMap((l) => [l, `${l} exact`])].map((k) => [k, { tp: 0, fp: 0, fn: 0 }])) as Record<string, { tp: number; fp: number; fn: number }>;
  let words = 0;
  let ms = 0;
  for (const line of lines) {
    const t0 = performance.now();
    const ann = recognizeClaims(line.text);
    ms += performance.now() - t0;
    words += (line.text.match(/\S+/g) ?? []).length;
    const gold = goldUnits(line);
    const pred = predictedUnits(ann);
    for (const l of labels) {
      for (const exact of [false, true]) {
        const tp = matchUnits(pred[l], gold[l], exact);
        const t = tally[exact ? `${l} exact` : l];
        t.tp += tp;
        t.fp += pred[l].length - tp;
        t.fn += gold[l].length - tp;
      }
    }
  }
  const scores = Object.fromEntries(Object.entries(tally).map(([k, v]) => [k, score(v.tp, v.fp, v.fn)]));
  return {
    name: 'claims (PolNeAR dev)',
    scores,
    extra: { documents: lines.length, 'ms per 1000 words': (ms / words) * 1000 },
    notes: ['overlap match per label; fragments of one attribution form one gold claim; predicted claims sharing a cue form one predicted claim'],
  };
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
  const shared = resolve(process.argv[2] ?? resolve(root, '../shared'));
  if (!existsSync(resolve(shared, 'eval', CLAIMS_CORPUS))) {
    console.error(`claims eval: ${resolve(shared, 'eval', CLAIMS_CORPUS)} is missing (pass the shared folder as the first argument)`);
    process.exit(2);
  }
  const report = await evaluateClaims(shared);
  console.log(report.name);
  for (const [k, s] of Object.entries(report.scores)) console.log(`${k.padEnd(14)} P ${s.precision.toFixed(3)}  R ${s.recall.toFixed(3)}  F1 ${s.f1.toFixed(3)}  (tp ${s.tp} fp ${s.fp} fn ${s.fn})`);
  for (const [k, v] of Object.entries(report.extra)) console.log(`${k}: ${v.toFixed(3)}`);
}
