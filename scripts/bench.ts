// `npm run bench`: speed and size of Factmark measured side by side in one run (analyze per category
// against a plain tokenising pass and compromise, gazetteer start-up, zip size); writes BENCHMARKS.md.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import nlp from 'compromise';
import { analyze, countWords } from '../src/analyze';
import { createGazetteer } from '../src/reference/gazetteer';
import { REFERENCE_DIR, loadBundledReference } from '../cli/load-reference';
import { BENCH_PUBLISHED as published, benchCorpus as corpus, benchText, BLOCK, COMP_RUNS, hostLoops, mid, ROUNDS, sideBySide, span, time, tokenize, WARM_MS } from './bench-kit';
import { benchCli } from './bench-cli';
import type { Category } from '../src/types';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function zipSizes(): string[] {
  const out = join(ROOT, '.output');
  if (!existsSync(out)) return ['(no .output/: run `npm run zip` first)'];
  return readdirSync(out).filter((f) => f.endsWith('.zip')).sort().map((f) => `${f}: ${(statSync(join(out, f)).size / 1024 / 1024).toFixed(2)} MB`);
}

/** How long the in-browser measurements may take. */
const BROWSER_TIMEOUT_MS = 45 * 60_000;

/** The in-browser measurements (scripts/bench-browser.mjs), run with the built extension. */
function browserBench(): string {
  if (process.argv.includes('--no-browser')) return '(skipped: --no-browser)';
  try {
    // (session 11: on a busy host the 67 pages with their attributions took over 15 minutes, and the timeout's
    // kill showed as Playwright's "Target page, context or browser has been closed")
    return execFileSync(process.execPath, [join(ROOT, 'scripts/bench-browser.mjs'), '--runs', '3'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], timeout: BROWSER_TIMEOUT_MS }).trim();
  } catch (e) {
    const timedOut = (e as NodeJS.ErrnoException).code === 'ETIMEDOUT';
    return `(browser benchmark failed: ${timedOut ? `not done in ${BROWSER_TIMEOUT_MS / 60_000} minutes` : (e as Error).message.split('\n')[0]})`;
  }
}

/**
 * analyze, the pass and compromise timed the same way inside Chromium's and Firefox's engines (scripts/bench-engine.ts,
 * 3 fresh pages each): the engines that run analyze in the extension. Issue 6's ratios are Node's above.
 */
function engineBench(): string[] {
  if (process.argv.includes('--no-browser')) return ['(skipped: --no-browser)'];
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  return [[], ['--firefox']].map((flags) => {
    try {
      return execFileSync(npx, ['tsx', join(ROOT, 'scripts/bench-engine.ts'), ...flags], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], timeout: 15 * 60_000 }).trim();
    } catch (e) {
      return `(engine benchmark${flags.length ? ' in Firefox' : ' in Chromium'} failed: ${(e as Error).message.split('\n')[0]})`;
    }
  });
}

/**
 * Issue 6's "document idle to first mark": a build with stage marks (WXT_FM_TRACE=1) in a temporary
 * folder, measured by scripts/bench-idle.mjs; .output/ is rebuilt without the marks afterwards.
 */
function idleBench(): string {
  if (process.argv.includes('--no-browser')) return '(skipped: --no-browser)';
  const dir = mkdtempSync(join(tmpdir(), 'factmark-trace-'));
  try {
    const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
    execFileSync(npx, ['wxt', 'build'], { cwd: ROOT, env: { ...process.env, WXT_FM_TRACE: '1' }, stdio: 'ignore' });
    cpSync(join(ROOT, '.output/chrome-mv3'), dir, { recursive: true });
    execFileSync(npx, ['wxt', 'build'], { cwd: ROOT, env: { ...process.env, WXT_FM_TRACE: '' }, stdio: 'ignore' });
    return execFileSync(process.execPath, [join(ROOT, 'scripts/bench-idle.mjs'), '--runs', '3'], { encoding: 'utf8', env: { ...process.env, FACTMARK_EXT: dir }, stdio: ['ignore', 'pipe', 'inherit'], timeout: 15 * 60_000 }).trim();
  } catch (e) {
    return `(idle benchmark failed: ${(e as Error).message.split('\n')[0]})`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const SUBSETS: [string, Category[]][] = [['place', ['place']], ['figure', ['figure']], ['claim', ['claim']], ['all', ['place', 'figure', 'claim']]];
/** How many processes time the analysis (this one included). */
const PROCESSES = 3;
/**
 * One process's timings: `plain` and `all` from the headline rounds (the tokenising pass and analyze as the
 * extension calls it, alone together); `results` from the per-category rounds (the pass again as `plain`,
 * then each subset, `all` included).
 */
interface AnalysisTimes { first: number; plain: number; all: number; results: Record<string, number>; comp: number; host: { cpu: number; memory: number }[] }

/**
 * The analysis timings in this process: analyze's first call (cold: nothing compiled yet, as in a tab's
 * first analysis; meaningful in a fresh process); then side by side (see sideBySide: ROUNDS rounds, each an
 * untimed call and BLOCK timed calls in a row of each) the tokenising pass and analyze as the extension calls
 * it (every category, the options' default); then side by side again the pass and analyze per category
 * subset; then compromise alone (COMP_RUNS calls after its warm-up).
 *
 * The subsets have rounds of their own (session 12), so that the headline times exactly the extension's call:
 * the extension never asks for fewer categories (only the CLI's --categories does), and the subsets' calls take
 * other branches through the same functions (other type feedback, other caches). Whether they slowed analyze is
 * not settled: in two pairs of processes, analyze against the pass read 5.33x and 5.61x with them in its rounds
 * and 4.92x and 5.19x without; in session 12's full run the subsets' rounds (after the headline's) read `all`
 * at 5.6x against the headline's 6.0x. Their rounds still time `all` among them, so every run shows both.
 */
function measureAnalysis(text: string, reference: ReturnType<typeof loadBundledReference>): AnalysisTimes {
  const host = [hostLoops()];
  const c0 = performance.now();
  analyze(text, reference, { published });
  const first = performance.now() - c0;
  const plain = () => tokenize(text);
  const head = sideBySide({ plain, all: () => analyze(text, reference, { published }) }, ROUNDS, BLOCK);
  const fns: Record<string, () => unknown> = { plain };
  for (const [name, categories] of SUBSETS) fns[name] = () => analyze(text, reference, { categories, published });
  const t = sideBySide(fns, ROUNDS, BLOCK);
  // compromise after them, on its own: in the rounds its calls (200+ ms, megabytes allocated) slowed analyze's
  // next calls by a quarter even after the untimed one (session 11: 5.90 against 4.67 ms)
  const comp = time(() => nlp(text).json(), COMP_RUNS);
  host.push(hostLoops());
  return { first, plain: head.plain, all: head.all, results: t, comp, host };
}

/** The same timings in a fresh process (this script with --analysis-json). */
function analysisInChild(): AnalysisTimes {
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  const out = execFileSync(npx, ['tsx', join(ROOT, 'scripts/bench.ts'), '--analysis-json'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return JSON.parse(out.trim().split('\n').pop()!) as AnalysisTimes;
}

async function main() {
  if (process.argv.includes('--analysis-json')) {
    console.log(JSON.stringify(measureAnalysis(benchText(), loadBundledReference())));
    return;
  }
  const lines: string[] = [];
  const log = (s = '') => { lines.push(s); console.log(s); };

  // Start-up: read + parse + index the bundled gazetteer, as the background does on first use.
  const gazFile = join(REFERENCE_DIR, 'gazetteer.json');
  const raw = readFileSync(gazFile, 'utf8');
  // (a second of warm-up, as before: the start-up happens once per service worker, nearly cold)
  const startup = time(() => createGazetteer(JSON.parse(raw)), 7, 1000);
  const gaz = createGazetteer(JSON.parse(raw));

  const reference = loadBundledReference();
  const docs = corpus();
  const text = benchText(docs);
  const words = countWords(text);
  const per1k = (ms: number) => (ms / words) * 1000;

  // Medians within one process are steady, but on a small VM they move from one process to the next
  // (JIT and heap layout): the analysis is timed in this process and in PROCESSES - 1 fresh ones.
  const runs = [measureAnalysis(text, reference)];
  for (let i = 1; i < PROCESSES; i++) runs.push(analysisInChild());
  const plain = mid(runs.map((r) => r.plain));
  const all = mid(runs.map((r) => r.all));
  const subsetPlain = mid(runs.map((r) => r.results.plain));
  const results = SUBSETS.map(([name]) => [name, mid(runs.map((r) => r.results[name]))] as const);
  const comp = mid(runs.map((r) => r.comp));
  const ratioPlain = runs.map((r) => r.all / r.plain);
  const ratioComp = runs.map((r) => r.comp / r.all);

  log('# Benchmarks');
  log();
  log(`Generated by \`npm run bench\` (scripts/bench.ts) on ${new Date().toISOString().slice(0, 10)}; machine: ${cpus()[0]?.model ?? 'unknown'}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}.`);
  log(`Timings are medians, measured side by side on the same text: each function warmed alone for ${WARM_MS} ms (V8 optimises analyze's functions for some 6 s of calls: see WARM_MS in scripts/bench-timing.ts), then the tokenising pass and analyze as the extension calls it (every category) in ${ROUNDS} rounds, each running both in a random order, one untimed call (the caches refilled) and ${BLOCK} timed calls in a row, so that the host's drift falls on both alike (sideBySide in scripts/bench-timing.ts); then the pass and analyze per category subset in ${ROUNDS} rounds of their own (the extension never asks for fewer categories; whether their calls among analyze's slow it is not settled: see measureAnalysis in scripts/bench.ts); then compromise alone (${COMP_RUNS} calls); in ${PROCESSES} processes: the tables give the median process and the range.`);
  log();
  log(`Text: ${docs.length} documents (the seed reports and the news fixture pages, extracted as the CLI does), ${words} words, ${text.length} characters.`);
  log();
  log('| what | median ms | range over processes | ms per 1,000 words | vs plain tokenising pass |');
  log('|---|---:|---:|---:|---:|');
  log(`| plain tokenising pass (regex over words) | ${plain.toFixed(2)} | ${span(runs.map((r) => r.plain))} | ${per1k(plain).toFixed(3)} | 1.0x |`);
  log(`| analyze (every category, as the extension calls it) | ${all.toFixed(2)} | ${span(runs.map((r) => r.all))} | ${per1k(all).toFixed(3)} | ${(all / plain).toFixed(1)}x |`);
  log(`| compromise \`nlp(text).json()\` | ${comp.toFixed(2)} | ${span(runs.map((r) => r.comp))} | ${per1k(comp).toFixed(3)} | ${(comp / plain).toFixed(1)}x |`);
  log();
  log('Per category subset (their own rounds, with the pass again; `all` is analyze with every category among the subsets):');
  log();
  log('| what | median ms | range over processes | ms per 1,000 words | vs plain tokenising pass |');
  log('|---|---:|---:|---:|---:|');
  log(`| plain tokenising pass | ${subsetPlain.toFixed(2)} | ${span(runs.map((r) => r.results.plain))} | ${per1k(subsetPlain).toFixed(3)} | 1.0x |`);
  for (const [name, ms] of results) log(`| analyze: ${name} | ${ms.toFixed(2)} | ${span(runs.map((r) => r.results[name]))} | ${per1k(ms).toFixed(3)} | ${(ms / subsetPlain).toFixed(1)}x |`);
  log();
  log(`The first call of analyze in a fresh process (cold: its code not yet compiled or optimised) took ${span(runs.slice(1).map((r) => r.first), 1)} ms; every timing above follows ${WARM_MS} ms of warm-up (and at least 20 calls) of the function timed.`);
  log();
  log(`analyze (all categories) is ${(comp / all).toFixed(1)}x faster than compromise on the same text (per process: ${span(ratioComp, 1)}x), and ${(all / plain).toFixed(1)}x a plain tokenising pass (per process: ${span(ratioPlain, 1)}x).`);
  log();
  const hosts = runs.flatMap((r) => r.host);
  log(`Host check, before and after each process's timings: a fixed integer loop (1e8 times \`x += i % 7\`) took ${span(hosts.map((h) => h.cpu), 0)} ms (about 130 on the 2-core development VM when its host is idle), a pointer chase over 16 MB (2e6 steps) ${span(hosts.map((h) => h.memory), 0)} ms. On a busy host analyze slows by up to 2x and the tokenising pass hardly at all; in session 5 the integer loop stayed at its idle time while analyze ran 1.4-2x slow and the chase took 290 ms.`);
  log();
  log("## analyze in the browsers' engines");
  log();
  log('The same timings (the same text, warm-up, rounds and compromise calls; scripts/bench-engine.ts) inside the engines that run analyze in the extension, 3 fresh pages each. The targets above are judged in Node, as the issue asks; these show how far the ratios carry over.');
  log();
  for (const part of engineBench()) {
    log(part);
    log();
  }
  log('## Reference index');
  log();
  log(`gazetteer.json: ${(raw.length / 1024 / 1024).toFixed(2)} MB, ${gaz.size} entries, version ${gaz.version}.`);
  log(`Ready (JSON.parse + index build, median of 7): ${startup.toFixed(1)} ms (target: at most 100 ms).`);
  log();
  log('## Package size');
  log();
  for (const z of zipSizes()) log(`- ${z}`);
  log();
  log('## CLI over long texts');
  log();
  if (process.argv.includes('--no-cli')) log('(skipped: --no-cli)');
  else for (const l of await benchCli()) log(l);
  log();
  log('## In Chromium (time to first mark, main-thread blocking)');
  log();
  log(browserBench());
  log();
  log(idleBench());
  log();
  log('Targets (issues 2-4): analysis under 5 ms per 1,000 words; figures at most +1 ms and claims at most +2 ms per 1,000 words; index ready within 100 ms; Chromium zip at most 3 MB. Issue 6: analyze at least 50x faster than compromise and within 5x of the plain tokenising pass; no extension task over 50 ms; news-page median time to first mark under 150 ms; the CLI in bounded memory on 10 MB.');
  if (!process.argv.includes('--no-write')) writeFileSync(join(ROOT, 'BENCHMARKS.md'), lines.join('\n') + '\n');
}

await main();
