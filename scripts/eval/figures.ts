// Scores the figure recogniser on ../shared/eval: NewsQuant (F1 by overlap, value accuracy) and
// Recognizers-Text (recall and value accuracy). Runnable alone: npx tsx scripts/eval/figures.ts [sharedDir]
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Annotation } from '../../src/types';
import type { Reference } from '../../src/reference/types';
import { recognizeFigures } from '../../src/recognize/figures.ts';
import { score, type CorpusLine, type EvalReport } from './types';

const NEWSQUANT = 'figures-newsquant-dev.jsonl';
const RECOGNIZERS = 'figures-recognizers-dev.jsonl';

function readCorpus(dir: string, name: string): CorpusLine[] {
  const path = resolve(dir, name);
  if (!existsSync(path)) throw new Error(`figures eval: corpus not found: ${path}`);
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as CorpusLine);
}

/**
 * Both corpora write values the way our contract does ("as written, number words resolved"):
 * percentages as 40 not 0.4, money fully scaled ("$5bn" -> 5e9), compound measures in the larger
 * unit ("5 feet 2 inches" -> 5.1667). The one mapping: a gold quantity inside a range we read as one
 * figure ("10 to 15") matches either end, so `high` counts as well as `value`.
 */
function valueMatches(gold: unknown, a: Annotation): boolean {
  const g = typeof gold === 'string' ? Number(gold) : typeof gold === 'number' ? gold : NaN;
  if (!Number.isFinite(g)) return false;
  const near = (v: number | null | undefined) => v != null && Math.abs(v - g) <= 1e-6 * Math.max(1, Math.abs(g));
  return near(a.figure?.value) || near(a.figure?.high);
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

interface Tally { tp: number; fp: number; fn: number; exactTp: number; exactFp: number; valueRight: number; matched: number }

/** One-to-one matching by overlap, preferring a prediction whose value is right. */
function scoreLine(line: CorpusLine, predicted: Annotation[], t: Tally, countFalseAlarms: boolean, misses: string[]): void {
  const gold = line.spans.filter((s) => s.label === 'figure');
  const used = new Set<number>();
  for (const g of gold) {
    let pick = -1;
    for (let i = 0; i < predicted.length; i++) {
      if (used.has(i) || !overlaps(g, predicted[i])) continue;
      if (pick < 0 || (valueMatches(g.extra.value, predicted[i]) && !valueMatches(g.extra.value, predicted[pick]))) pick = i;
    }
    if (pick < 0) {
      t.fn++;
      if (misses.length < 400) misses.push(`MISS ${JSON.stringify(g.extra.surface)} (${String(g.extra.value)}) in: ${line.text.slice(Math.max(0, g.start - 40), g.end + 40)}`);
      continue;
    }
    used.add(pick);
    t.tp++;
    t.matched++;
    const p = predicted[pick];
    if (p.start === g.start && p.end === g.end) t.exactTp++;
    if (valueMatches(g.extra.value, p)) t.valueRight++;
    else if (misses.length < 400) misses.push(`VALUE ${JSON.stringify(g.extra.surface)} gold ${String(g.extra.value)} got ${p.figure?.value} [${p.text}]`);
  }
  if (!countFalseAlarms) return;
  predicted.forEach((p, i) => {
    if (used.has(i)) return;
    // NewsQuant does not annotate dates: a predicted date is neither a hit nor a false alarm.
    if (p.figure?.kind === 'date') return;
    t.fp++;
    if (misses.length < 400) misses.push(`FALSE ${JSON.stringify(p.text)} in: ${line.text.slice(Math.max(0, p.start - 40), p.end + 40)}`);
  });
}

const newTally = (): Tally => ({ tp: 0, fp: 0, fn: 0, exactTp: 0, exactFp: 0, valueRight: 0, matched: 0 });

export async function evaluateFigures(sharedDir: string, _reference?: Reference): Promise<EvalReport> {
  const dir = resolve(sharedDir, 'eval');
  const evalDir = existsSync(resolve(dir, NEWSQUANT)) ? dir : sharedDir;
  const notes: string[] = [];
  const misses: string[] = [];

  const nq = newTally();
  const sentences = readCorpus(evalDir, NEWSQUANT).filter((line) => line.meta?.fully_aligned === true);
  for (const line of sentences) scoreLine(line, recognizeFigures(line.text), nq, true, misses);
  // speed on a second, warm pass (the first pays for compiling patterns and the JIT)
  const words = sentences.reduce((n, line) => n + line.text.split(/\s+/).length, 0);
  const t0 = performance.now();
  for (const line of sentences) recognizeFigures(line.text);
  const ms = performance.now() - t0;
  const rt = newTally();
  let skippedUnitOnly = 0;
  for (const line of readCorpus(evalDir, RECOGNIZERS)) {
    // Spans with no value are a unit word alone ("convert 10 celsius to fahrenheit"): not a figure.
    const spans = line.spans.filter((s) => s.extra.value !== null && s.extra.value !== undefined);
    skippedUnitOnly += line.spans.length - spans.length;
    scoreLine({ ...line, spans }, recognizeFigures(line.text), rt, false, misses);
  }
  const nqScore = score(nq.tp, nq.fp, nq.fn);
  const nqExact = score(nq.exactTp, nq.fp + (nq.tp - nq.exactTp), nq.fn + (nq.tp - nq.exactTp));
  const rtScore = score(rt.tp, 0, rt.fn);
  notes.push(`NewsQuant: fully aligned sentences only; predicted dates not counted as false alarms; warm pass ${ms.toFixed(1)} ms for ${words} words (number-dense sentences).`);
  notes.push(`Recognizers-Text: recall only (precision not meaningful there); ${skippedUnitOnly} unit-only gold spans without a value left out.`);
  if (process.env.FIGURES_EVAL_VERBOSE) notes.push(...misses);
  return {
    name: 'figures (NewsQuant dev, Recognizers-Text dev)',
    scores: { 'newsquant overlap': nqScore, 'newsquant exact': nqExact, 'recognizers overlap': rtScore },
    extra: {
      'newsquant value accuracy': nq.matched ? nq.valueRight / nq.matched : 0,
      'recognizers recall': rtScore.recall,
      'recognizers value accuracy': rt.matched ? rt.valueRight / rt.matched : 0,
      'ms per 1000 words (recogniser alone, warm)': words ? (ms / words) * 1000 : 0,
    },
    notes,
  };
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
  const shared = resolve(process.argv[2] ?? resolve(root, '../shared'));
  if (!existsSync(shared)) {
    console.error(`figures eval: shared folder not found: ${shared} (pass it as the first argument)`);
    process.exit(2);
  }
  evaluateFigures(shared).then((r) => {
    console.log(r.name);
    for (const [k, s] of Object.entries(r.scores)) console.log(`  ${k.padEnd(22)} P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)} F1 ${s.f1.toFixed(3)} (tp ${s.tp} fp ${s.fp} fn ${s.fn})`);
    for (const [k, v] of Object.entries(r.extra)) console.log(`  ${k}: ${v.toFixed(3)}`);
    for (const n of r.notes) console.log(`  ${n}`);
  }, (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(2);
  });
}
