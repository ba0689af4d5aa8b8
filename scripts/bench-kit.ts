// What scripts/bench.ts and scripts/bench-stages.ts share, so both time alike: the bench text (the seed
// reports and the news fixture pages, extracted as the CLI does), the timer and the plain tokenising pass.
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

/**
 * How long each measured function is run before it is timed (and at least 20 times): the same time for
 * all, so V8 has tiered every one of them up to optimised code. With 20 calls alone compromise (230 ms a
 * call) warmed for 4-5 s and analyze (7 ms) for 0.15 s, and analyze's first-timed subset was up to 25%
 * slower than after a second of warm-up (its large functions were not all optimised yet). One second was
 * still short of analyze's steady state: `node --trace-opt` shows V8 optimising rule functions of analyze
 * for the first time up to 6 s into a loop of it (isSelf at 4 s, analyze itself at 5 s, isoForSimple at 6 s;
 * some 1,300 calls), and session 10 counted TurboFan's compiling in the instructions of calls 101-200 and
 * 401-500 but not after call 800. Eight seconds is past that for every function timed (compromise settles
 * after about 3 s; the tokenising pass at once).
 */
export const WARM_MS = 8000;

/** The median (the upper one of an even count). */
export const mid = (xs: number[]): number => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Runs fn for `warmMs` (default WARM_MS) and at least 20 times. */
export function warm(fn: () => unknown, warmMs = WARM_MS): void {
  const t0 = performance.now();
  for (let i = 0; i < 20 || performance.now() - t0 < warmMs; i++) fn();
}

/** Median of `runs` timings of fn, in ms, after a warm-up of `warmMs` (default WARM_MS) and at least 20 calls. */
export function time(fn: () => unknown, runs = 31, warmMs = WARM_MS): number {
  warm(fn, warmMs);
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    t.push(performance.now() - t0);
  }
  return mid(t);
}

/**
 * Medians (ms a call, by name) of functions timed side by side: each warmed alone first (see warm), then
 * `rounds` rounds, each running every function in a fresh random order, one untimed call and then `block`
 * timed calls of it in a row. A change in the machine's speed during the run (the development VM's host
 * drifts by tens of per cent from second to second) so falls on all of them alike, and a ratio of two medians
 * compares them at the same moments; timed one after another, each function met its own moment's host
 * (session 11: per-process ratios of analyze to the tokenising pass of 3.7-7.5x in one run). The untimed call
 * refills the caches the other functions emptied: in blocks of 4 (session 11, 25 rounds, compromise in them
 * too) the first call's median against calls 2-4 read 6.17 against 5.52 ms for analyze,
 * 2.27 against 1.68 for its places alone and 0.80 against 0.77 for the tokenising pass, which only streams the
 * text: timed, those calls would charge the round's order to analyze alone.
 */
export function sideBySide(byName: Record<string, () => unknown>, rounds = 31, block = 3, warmMs = WARM_MS): Record<string, number> {
  const fns = Object.values(byName);
  for (const fn of fns) warm(fn, warmMs);
  const times = fns.map((): number[] => []);
  const order = fns.map((_, k) => k);
  for (let r = 0; r < rounds; r++) {
    for (let k = order.length - 1; k > 0; k--) {
      const j = Math.floor(Math.random() * (k + 1));
      [order[k], order[j]] = [order[j], order[k]];
    }
    for (const k of order) {
      fns[k]();
      for (let b = 0; b < block; b++) {
        const t0 = performance.now();
        fns[k]();
        times[k].push(performance.now() - t0);
      }
    }
  }
  return Object.fromEntries(Object.keys(byName).map((name, k) => [name, mid(times[k])]));
}

/** The plain tokenising pass the issues compare against: one regex scan over the words. */
export function tokenize(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(/[\p{L}\p{N}]+/gu)) n++;
  return n;
}
