// `npm run eval [-- --shared DIR] [--json]`: scores the recognisers against the annotated corpora in
// ../shared/eval (or DIR) and prints precision, recall and F1 per category, with the issues' targets.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBundledReference } from '../cli/load-reference';
import type { Reference } from '../src/reference/types';
import type { EvalReport } from './eval/types';
import { evaluatePlaces } from './eval/places';
import { evaluateFigures } from './eval/figures';
import { evaluateClaims } from './eval/claims';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

type Scorer = (sharedDir: string, reference: Reference) => Promise<EvalReport | EvalReport[]>;
const SCORERS: [string, Scorer][] = [
  ['places', evaluatePlaces],
  ['figures', evaluateFigures],
  ['claims', evaluateClaims],
];

const pct = (x: number) => (x * 100).toFixed(1).padStart(5);

export function formatReport(r: EvalReport): string {
  const lines = [`\n== ${r.name}`, '  label                 P      R     F1     tp    fp    fn'];
  for (const [label, s] of Object.entries(r.scores)) {
    lines.push(`  ${label.padEnd(18)} ${pct(s.precision)}  ${pct(s.recall)}  ${pct(s.f1)}  ${String(s.tp).padStart(5)} ${String(s.fp).padStart(5)} ${String(s.fn).padStart(5)}`);
  }
  for (const [k, v] of Object.entries(r.extra)) lines.push(`  ${k}: ${Number.isInteger(v) ? v : v.toFixed(3)}`);
  for (const n of r.notes) lines.push(`  ${n}`);
  return lines.join('\n');
}

async function main() {
  const argv = process.argv.slice(2);
  const i = argv.indexOf('--shared');
  const shared = resolve(i >= 0 && argv[i + 1] ? argv[i + 1] : resolve(ROOT, '../shared'));
  const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : undefined;
  if (!existsSync(resolve(shared, 'eval'))) {
    console.error(`factmark eval: no corpora at ${resolve(shared, 'eval')}.\n` +
      `The evaluation corpora live outside the project (../shared/eval); pass --shared DIR to point at a folder holding eval/*.jsonl.`);
    process.exit(2);
  }
  const t0 = performance.now();
  const reference = loadBundledReference();
  const reports: EvalReport[] = [];
  for (const [name, scorer] of SCORERS) {
    if (only && only !== name) continue;
    const r = await scorer(shared, reference);
    reports.push(...(Array.isArray(r) ? r : [r]));
  }
  if (argv.includes('--json')) console.log(JSON.stringify(reports, null, 2));
  else {
    console.log(`Factmark evaluation against ${shared}/eval (overlap match unless stated; see scripts/eval/*.ts)`);
    for (const r of reports) console.log(formatReport(r));
    console.log(`\n(${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
