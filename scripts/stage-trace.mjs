// Where a news page's time from document idle to first mark goes, stage by stage, on both sides: the
// content script's stage marks (the page's performance timeline) and the background's (its __fmTrace),
// merged on one clock (performance.timeOrigin + now). Each stage shows as name+ms since the previous one.
// Marks exist only in a build made with WXT_FM_TRACE=1 (src/page/trace.ts).
// Usage: WXT_FM_TRACE=1 npx wxt build && cp -r .output/chrome-mv3 DIR && npx wxt build, then
//        FACTMARK_EXT=DIR node scripts/stage-trace.mjs [RUNS] [PAGE,PAGE...]   (default: 1 run of every news page)
import { launch } from '../tests/e2e/harness.mjs';
import { startServer } from './serve.mjs';
import { NEWS_PAGES, SHARED_PAGES, exitUnlessSharedPages, stageMarks } from '../tests/e2e/pages-harness.mjs';

exitUnlessSharedPages();
const server = await startServer(SHARED_PAGES);
const h = await launch();
const pages = process.argv[3] ? process.argv[3].split(',') : NEWS_PAGES;
for (const name of pages) for (let r = 0; r < Number(process.argv[2] ?? 1); r++) {
  await h.worker.evaluate(() => { globalThis.__fmTrace = []; });
  const page = await h.context.newPage();
  await page.goto(`${server.origin}/${name}/source.html`);
  await page.waitForTimeout(2000);
  const pm = await stageMarks(page);
  const bm = await h.worker.evaluate(() => globalThis.__fmTrace ?? []);
  const all = [...pm, ...bm.map((m) => ({ name: m.name, at: m.t }))].sort((a, b) => a.at - b.at);
  const t0 = pm.find((m) => m.name === 'run')?.at;
  const end = all.findIndex((m) => m.name.startsWith('painted'));
  console.log(name, 'total', end >= 0 ? Math.round(all[end].at - t0) : '-', '|', all.slice(all.findIndex((m) => m.name === 'run'), end + 1).map((m, i, a) => `${m.name.replace(/ .*/, '')}+${i ? Math.round(m.at - a[i - 1].at) : 0}`).join(' '));
  await page.close();
}
await h.close();
await server.close?.();
