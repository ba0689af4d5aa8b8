// Browser benchmark: the built extension (.output/chrome-mv3) in Chromium (playwright-core,
// /usr/bin/chromium or CHROMIUM_PATH) on the news pages of ../shared/pages (FACTMARK_SHARED), the
// seed fixture pages and a 1,000,000-character synthetic article. Per page: time from
// DOMContentLoaded (document idle comes at or after it) to the first mark, and the longest
// main-thread block after DOMContentLoaded with and without the extension (a 5 ms ticker in the
// page's main world: a gap is a task that blocked it, the content script's included), plus the
// longest PerformanceObserver 'longtask'. Prints a markdown table to stdout.
// Usage: npx wxt build && node scripts/bench-browser.mjs [--runs N]
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, tabIdOf, pageState } from '../tests/e2e/harness.mjs';
import { startServer } from './serve.mjs';
import {
  NEWS_PAGES, SHARED_PAGES, instrumentScript, launchPlain, median, readInstrument, syntheticArticle,
} from '../tests/e2e/pages-harness.mjs';

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Math.max(1, Number(process.argv[runsArg + 1]) || 1) : 1;

const h = await launch();
const plain = await launchPlain();
const synthDir = mkdtempSync(join(tmpdir(), 'factmark-synth-'));
writeFileSync(join(synthDir, 'synthetic-1m.html'), syntheticArticle(1_000_000));
const shared = existsSync(SHARED_PAGES) ? await startServer(SHARED_PAGES) : null;
const synth = await startServer(synthDir);

const targets = [];
if (shared) for (const n of NEWS_PAGES) if (existsSync(join(SHARED_PAGES, n, 'source.html'))) targets.push({ name: n, kind: 'news', url: `${shared.origin}/${n}/source.html` });
else console.error(`# bench-browser: ${SHARED_PAGES} missing; news pages skipped (set FACTMARK_SHARED)`);
for (const f of ['seed-1', 'seed-2']) targets.push({ name: f, kind: 'seed', url: `${h.server.origin}/${f}.html` });
targets.push({ name: 'synthetic 1M chars', kind: 'huge', url: `${synth.origin}/synthetic-1m.html` });

async function measure(context, url, withExtension) {
  const page = await context.newPage();
  try {
    await page.addInitScript(instrumentScript);
    await page.goto(url, { waitUntil: 'load', timeout: 60000 });
    let allMarks = null;
    if (withExtension) {
      const tabId = await tabIdOf(h, page);
      const end = Date.now() + 60000;
      for (;;) {
        const st = await pageState(h, tabId).catch(() => null);
        if ((st && st.status !== 'pending') || Date.now() > end) break;
        await page.waitForTimeout(50);
      }
      allMarks = await page.evaluate(() => performance.now() - window.__fm.dcl);
    }
    await page.waitForTimeout(300);
    const t = await readInstrument(page);
    return { ttfm: t.timeToFirstMark, gap: t.longestGap, task: t.longestTask, allMarks };
  } finally {
    await page.close();
  }
}

const rows = [];
for (const t of targets) {
  const withExt = [];
  const without = [];
  for (let i = 0; i < RUNS; i++) {
    without.push(await measure(plain.context, t.url, false));
    withExt.push(await measure(h.context, t.url, true));
  }
  rows.push({
    ...t,
    ttfm: median(withExt.map((r) => r.ttfm)),
    done: median(withExt.map((r) => r.allMarks)),
    gapWith: median(withExt.map((r) => r.gap)),
    gapWithout: median(without.map((r) => r.gap)),
    taskWith: median(withExt.map((r) => r.task)),
    taskWithout: median(without.map((r) => r.task)),
  });
}

await synth.close();
await shared?.close();
await plain.close();
await h.close();
rmSync(synthDir, { recursive: true, force: true });

const f = (x) => (typeof x === 'number' ? Math.round(x).toString() : '-');
const out = [];
out.push(`### In the browser (Chromium, headless, ${RUNS} run${RUNS > 1 ? 's' : ''} per page; ms after DOMContentLoaded)`);
out.push('');
out.push('| page | first mark | analysed and painted | longest block with / without extension | longest longtask with / without |');
out.push('|---|---:|---:|---:|---:|');
for (const r of rows) out.push(`| ${r.name} | ${f(r.ttfm)} | ${f(r.done)} | ${f(r.gapWith)} / ${f(r.gapWithout)} | ${f(r.taskWith)} / ${f(r.taskWithout)} |`);
const news = rows.filter((r) => r.kind === 'news');
if (news.length) {
  out.push(`| **news pages, median** | **${f(median(news.map((r) => r.ttfm)))}** | ${f(median(news.map((r) => r.done)))} | ${f(median(news.map((r) => r.gapWith)))} / ${f(median(news.map((r) => r.gapWithout)))} | ${f(median(news.map((r) => r.taskWith)))} / ${f(median(news.map((r) => r.taskWithout)))} |`);
}
out.push('');
out.push('"Longest block" is the longest gap in a 5 ms timer in the page\'s main world after DOMContentLoaded: any task that held the main thread (the page\'s own or the content script\'s; Chromium\'s longtask entries do not always include content-script work). "With" minus "without" on the same page is the extension\'s share.');
console.log(out.join('\n'));
