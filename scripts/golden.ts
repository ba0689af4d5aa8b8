// `npx tsx scripts/golden.ts record|check FILE [--shared DIR]`: a guard for refactors that must not
// change what the pipeline finds (speed work). `record` runs each stage of `analyze` over the seed
// reports, the bundled news pages and (when the shared folder is there) the eval corpora, and writes
// every stage's output. `check` recomputes each stage and reports the documents whose output differs.
// The comparison stages are fed the recorded recogniser output, so a change to one recogniser does not
// show up as a change in another stage.
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBundledReference } from '../cli/load-reference';
import { extractArticle } from '../cli/html';
import { comparePlaces } from '../src/compare/places';
import { compareFigures } from '../src/compare/figures';
import { compareClaims } from '../src/compare/claims';
import { recognizeAll, summarize } from '../src/analyze';
import type { Annotation } from '../src/types';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PUBLISHED = '2022-09-10';

type Stage = 'places' | 'figures' | 'claims' | 'comparePlaces' | 'compareFigures' | 'compareClaims' | 'summary';
const STAGES: Stage[] = ['places', 'figures', 'claims', 'comparePlaces', 'compareFigures', 'compareClaims', 'summary'];
type Output = { [S in Stage]: unknown } & { name: string };

function documents(shared: string): { name: string; text: string }[] {
  const docs: { name: string; text: string }[] = [];
  const seeds = join(ROOT, 'tests/fixtures/seeds');
  for (const f of readdirSync(seeds).filter((f) => f.endsWith('.txt')).sort()) docs.push({ name: `seed/${f}`, text: readFileSync(join(seeds, f), 'utf8') });
  const news = join(ROOT, 'tests/fixtures/pages/news');
  for (const f of readdirSync(news).sort()) {
    const file = statSync(join(news, f)).isDirectory() ? join(news, f, 'source.html') : join(news, f);
    if (!file.endsWith('.html') || !existsSync(file)) continue;
    const a = extractArticle(readFileSync(file, 'utf8'));
    if (a) docs.push({ name: `page/${f}`, text: a.text });
  }
  const evalDir = join(shared, 'eval');
  if (existsSync(evalDir)) {
    for (const f of readdirSync(evalDir).filter((f) => f.endsWith('.jsonl')).sort()) {
      readFileSync(join(evalDir, f), 'utf8').split('\n').filter(Boolean).forEach((line, i) => {
        docs.push({ name: `eval/${f}#${i}`, text: (JSON.parse(line) as { text: string }).text });
      });
    }
  } else {
    console.error(`golden: no ${evalDir}; recording the seeds and bundled pages only`);
  }
  return docs;
}

function run(text: string, frozen?: Output): Output {
  const reference = loadBundledReference();
  // (as analyze runs them)
  const { places, figures, claims, words } = recognizeAll(text, reference, PUBLISHED);
  // The comparisons see the recorded recogniser output when there is one.
  const p = (frozen?.places ?? places) as Annotation[];
  const f = (frozen?.figures ?? figures) as Annotation[];
  const c = (frozen?.claims ?? claims) as Annotation[];
  const all = [...p, ...f, ...c].sort((a, b) => a.start - b.start || b.end - a.end || a.id.localeCompare(b.id));
  const vp = comparePlaces(p, reference.gazetteer);
  const vf = compareFigures(text, all, reference);
  const vc = compareClaims(text, all, reference, { published: PUBLISHED });
  return {
    name: '', places, figures, claims, comparePlaces: vp, compareFigures: vf, compareClaims: vc,
    summary: summarize(text, all, [...vp, ...vf, ...vc], words),
  };
}

function main() {
  const [mode, file] = process.argv.slice(2);
  const sharedArg = process.argv.indexOf('--shared');
  const shared = sharedArg > 0 ? resolve(process.argv[sharedArg + 1]) : resolve(ROOT, '../shared');
  if ((mode !== 'record' && mode !== 'check') || !file) {
    console.error('usage: tsx scripts/golden.ts record|check FILE [--shared DIR]');
    process.exit(2);
  }
  const docs = documents(shared);
  if (mode === 'record') {
    const out = docs.map((d) => ({ ...run(d.text), name: d.name }));
    writeFileSync(file, JSON.stringify(out));
    console.log(`golden: recorded ${out.length} documents to ${file}`);
    return;
  }
  const recorded = new Map((JSON.parse(readFileSync(file, 'utf8')) as Output[]).map((r) => [r.name, r]));
  const differ: Record<Stage, string[]> = Object.fromEntries(STAGES.map((s) => [s, []])) as never;
  for (const d of docs) {
    const old = recorded.get(d.name);
    if (!old) { console.log(`golden: ${d.name} not recorded`); continue; }
    const now = run(d.text, old);
    for (const s of STAGES) if (JSON.stringify(now[s]) !== JSON.stringify(old[s])) differ[s].push(d.name);
  }
  let bad = 0;
  for (const s of STAGES) {
    bad += differ[s].length;
    console.log(`${s.padEnd(15)} ${differ[s].length ? `${differ[s].length} documents differ, e.g. ${differ[s].slice(0, 5).join(', ')}` : 'same'}`);
  }
  process.exit(bad ? 1 : 0);
}

main();
