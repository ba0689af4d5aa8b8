// Time from document idle to first mark with a cold background: the service worker is stopped before
// every load (as Chromium stops an idle one after 30 s, so a reader who opens an article after a pause
// meets it cold), then each news page of ../shared/pages is loaded and its stage marks read (run -> the
// first paint, the preview's or the located article's). Prints each page's loads and median, and the median of the pages' medians.
// Usage: WXT_FM_TRACE=1 npx wxt build && cp -r .output/chrome-mv3 DIR && npx wxt build, then
//        FACTMARK_EXT=DIR node scripts/cold-worker.mjs [RUNS]
import { launch } from '../tests/e2e/harness.mjs';
import { startServer } from './serve.mjs';
import { NEWS_PAGES, SHARED_PAGES, exitUnlessSharedPages, median, runToFirstPaint, stageMarks, stopServiceWorker } from '../tests/e2e/pages-harness.mjs';

exitUnlessSharedPages();
const server = await startServer(SHARED_PAGES);
const h = await launch();
const runs = Number(process.argv[2] ?? 1);
const rows = [];
const ctl = await h.context.newPage();
for (const name of NEWS_PAGES) {
  const tot = [];
  for (let r = 0; r < runs; r++) {
    await stopServiceWorker(h, ctl);
    await new Promise((ok) => setTimeout(ok, 800));
    const page = await h.context.newPage();
    await page.goto(`${server.origin}/${name}/source.html`);
    await page.waitForTimeout(2500);
    const m = runToFirstPaint(await stageMarks(page));
    if (m.run !== undefined && m.painted !== undefined) tot.push(m.painted - m.run);
    await page.close();
  }
  rows.push([name, tot.map(Math.round).join(',')]);
  if (tot.length) rows[rows.length - 1].push(median(tot));
}
for (const r of rows) console.log(r[0], r[1], r[2] !== undefined ? `median ${Math.round(r[2])}` : '');
const meds = rows.filter((r) => r[2] !== undefined).map((r) => r[2]);
console.log('news median of medians', Math.round(median(meds)));
await h.close(); await server.close?.();
