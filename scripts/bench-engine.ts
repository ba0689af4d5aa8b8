// analyze against the plain tokenising pass and compromise in a browser's JavaScript engine, where the extension
// runs analyze (its background), timed as `npm run bench` times them in Node (scripts/bench-timing.ts: the same
// warm-up, side-by-side rounds and compromise calls), in fresh pages (each its own content process). Issue 6's
// ratios are the bench's, in Node; this shows how far they carry over to the browsers' engines.
//   npx tsx scripts/bench-engine.ts [--firefox] [--pages N] [--warm MS]
// Needs Chromium (CHROMIUM_PATH or /usr/bin/chromium), or with --firefox Firefox (FIREFOX_PATH or
// /usr/bin/firefox-esr): `node scripts/ensure-browser.mjs chromium|firefox`. The page is served from 127.0.0.1,
// cross-origin isolated for a fine timer; nothing else is fetched.
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { REFERENCE_DIR } from '../cli/load-reference';
import { benchText, mid, span, WARM_MS } from './bench-kit';
import type { EngineTimes } from './bench-engine-page';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const FIREFOX = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';

/** A browser, as far as this script drives it (playwright-core's Chromium and puppeteer-core's Firefox alike). */
interface Browser {
  /** A context of its own (fresh storage and, for a new site instance, a fresh content process). */
  newContext(): Promise<{ newPage(): Promise<Page>; close(): Promise<void> }>;
  close(): Promise<void>;
}
interface Page {
  goto(url: string): Promise<unknown>;
  evaluate(fn: (ms: number) => Promise<EngineTimes>, ms: number): Promise<EngineTimes>;
}

/** The page's bench (scripts/bench-engine-page.ts) in a fresh context's page at `url`. */
async function runInFreshPage(browser: Browser, url: string, warmMs: number): Promise<EngineTimes> {
  // a context of its own, as bench.ts times in fresh Node processes
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(url);
    return await page.evaluate((ms) => (globalThis as unknown as { factmarkEngineBench: (ms: number) => Promise<EngineTimes> }).factmarkEngineBench(ms), warmMs);
  } finally {
    await context.close();
  }
}

async function launch(firefox: boolean): Promise<Browser> {
  if (firefox) {
    const browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true, protocolTimeout: 600_000 });
    return { newContext: () => browser.createBrowserContext(), close: () => browser.close() };
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  return { newContext: () => browser.newContext(), close: () => browser.close() };
}

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const v = i < 0 ? fallback : Number(process.argv[i + 1]);
  if (!Number.isFinite(v) || v <= 0) throw new Error(`${name} needs a positive number`);
  return v;
}

async function main() {
  const pages = option('--pages', 3);
  const warmMs = option('--warm', WARM_MS);
  const firefox = process.argv.includes('--firefox');
  const exe = firefox ? FIREFOX : CHROMIUM;
  if (!existsSync(exe)) throw new Error(`${firefox ? 'Firefox' : 'Chromium'} not found at ${exe}: run \`node scripts/ensure-browser.mjs ${firefox ? 'firefox' : 'chromium'}\` or set ${firefox ? 'FIREFOX_PATH' : 'CHROMIUM_PATH'}`);
  const bundle = await build({ entryPoints: [join(ROOT, 'scripts/bench-engine-page.ts')], bundle: true, platform: 'browser', format: 'iife', write: false, logLevel: 'error' });
  const files: Record<string, [string, string | Uint8Array]> = {
    '/': ['text/html', '<!doctype html><meta charset="utf-8"><title>Factmark engine bench</title><script src="/bench.js"></script>'],
    '/bench.js': ['text/javascript', bundle.outputFiles[0].contents],
    // (the reference files as they are, not parsed here and written again)
    '/input.json': ['application/json', `[${JSON.stringify(benchText())},${['gazetteer.json', 'reports.json'].map((f) => readFileSync(join(REFERENCE_DIR, f), 'utf8')).join(',')}]`],
  };
  const server = createServer((req, res) => {
    const file = files[req.url ?? ''];
    if (!file) return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': file[0], 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' }).end(file[1]);
  }).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const browser = await launch(firefox);
  const runs: EngineTimes[] = [];
  try {
    for (let i = 0; i < pages; i++) {
      const r = await runInFreshPage(browser, url, warmMs);
      console.error(`page ${i + 1}: pass ${r.plain.toFixed(2)} ms, analyze ${r.all.toFixed(2)} ms (${(r.all / r.plain).toFixed(1)}x), compromise ${r.comp.toFixed(1)} ms (${(r.comp / r.all).toFixed(1)}x)`);
      runs.push(r);
    }
  } finally {
    await browser.close();
    server.close();
  }
  const plain = mid(runs.map((r) => r.plain));
  const all = mid(runs.map((r) => r.all));
  const comp = mid(runs.map((r) => r.comp));
  const engine = /(?:Headless)?Chrome\/[\d.]+|Firefox\/[\d.]+/.exec(runs[0].engine)?.[0] ?? runs[0].engine;
  console.log(`In ${engine} (${pages} pages, each in a fresh context; ${runs.every((r) => r.isolated) ? 'cross-origin isolated (a fine timer)' : 'NOT cross-origin isolated: a coarse timer'}; warm-up ${warmMs} ms a function):`);
  console.log();
  console.log('| what | median ms | range over pages | vs plain tokenising pass |');
  console.log('|---|---:|---:|---:|');
  console.log(`| plain tokenising pass (regex over words) | ${plain.toFixed(2)} | ${span(runs.map((r) => r.plain))} | 1.0x |`);
  console.log(`| analyze (every category) | ${all.toFixed(2)} | ${span(runs.map((r) => r.all))} | ${(all / plain).toFixed(1)}x |`);
  console.log(`| compromise \`nlp(text).json()\` | ${comp.toFixed(2)} | ${span(runs.map((r) => r.comp))} | ${(comp / plain).toFixed(1)}x |`);
  console.log();
  console.log(`analyze is ${(comp / all).toFixed(1)}x faster than compromise (per page: ${span(runs.map((r) => r.comp / r.all), 1)}x) and ${(all / plain).toFixed(1)}x the plain tokenising pass (per page: ${span(runs.map((r) => r.all / r.plain), 1)}x). First call (cold) ${span(runs.map((r) => r.first), 1)} ms.`);
  const hosts = runs.flatMap((r) => r.host);
  console.log(`Host check in the pages: integer loop ${span(hosts.map((h) => h.cpu), 0)} ms, pointer chase ${span(hosts.map((h) => h.memory), 0)} ms (see scripts/bench-timing.ts).`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
