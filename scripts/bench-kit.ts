// What scripts/bench.ts and scripts/bench-stages.ts share, so both time alike: the bench text (the seed
// reports and the news fixture pages, extracted as the CLI does), and the timer and the plain tokenising pass
// (scripts/bench-timing.ts, re-exported here).
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractArticle } from '../cli/html';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export function benchCorpus(): { name: string; text: string }[] {
  const docs: { name: string; text: string }[] = [];
  const seeds = join(ROOT, 'tests/fixtures/seeds');
  for (const f of readdirSync(seeds).filter((f) => f.endsWith('.txt')).sort()) docs.push({ name: `seed ${f}`, text: readFileSync(join(seeds, f), 'utf8') });
  const news = join(ROOT, 'tests/fixtures/pages/news');
  if (existsSync(news)) {
    for (const f of readdirSync(news).sort()) {
      const file = statSync(join(news, f)).isDirectory() ? join(news, f, 'source.html') : join(news, f);
      if (!file.endsWith('.html') || !existsSync(file)) continue;
      const a = extractArticle(readFileSync(file, 'utf8'));
      if (a) docs.push({ name: `page ${f}`, text: a.text });
    }
  }
  return docs;
}

/** The bench text: the bench corpus's documents (read once more unless given) joined by blank lines, as every speed tool times it. */
export function benchText(docs: readonly { text: string }[] = benchCorpus()): string {
  return docs.map((d) => d.text).join('\n\n');
}

export { BENCH_PUBLISHED, BLOCK, COMP_RUNS, hostLoops, mid, ROUNDS, sideBySide, span, time, tokenize, warm, WARM_MS } from './bench-timing';
