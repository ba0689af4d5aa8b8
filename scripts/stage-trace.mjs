import { existsSync } from 'node:fs';
import { launch } from '../tests/e2e/harness.mjs';
import { startServer } from './serve.mjs';
import { NEWS_PAGES, SHARED_PAGES } from '../tests/e2e/pages-harness.mjs';
if (!existsSync(SHARED_PAGES)) {
  console.log(`(skipped: ${SHARED_PAGES} missing; set FACTMARK_SHARED)`);
  process.exit(0);
}
const server = await startServer(SHARED_PAGES);
const h = await launch();
const pages = process.argv[3] ? process.argv[3].split(',') : NEWS_PAGES;
for (const name of pages) for (let r = 0; r < Number(process.argv[2] ?? 1); r++) {
  await h.worker.evaluate(() => { globalThis.__fmTrace = []; });
  const page = await h.context.newPage();
  await page.goto(`${server.origin}/${name}/source.html`);
  await page.waitForTimeout(2000);
  const pm = await page.evaluate(() => performance.getEntriesByType('mark').filter((e) => e.name.startsWith('factmark:')).map((e) => ({ name: e.name.slice(9, 30), t: performance.timeOrigin + e.startTime })));
  const bm = await h.worker.evaluate(() => globalThis.__fmTrace ?? []);
  const all = [...pm, ...bm.map((m) => ({ name: m.name, t: m.t }))].sort((a, b) => a.t - b.t);
  const t0 = pm.find((m) => m.name === 'run')?.t;
  const end = all.findIndex((m) => m.name === 'painted');
  console.log(name, 'total', end >= 0 ? Math.round(all[end].t - t0) : '-', '|', all.slice(all.findIndex((m) => m.name === 'run'), end + 1).map((m, i, a) => `${m.name.replace(/ .*/, '')}+${i ? Math.round(m.t - a[i - 1].t) : 0}`).join(' '));
  await page.close();
}
await h.close(); await server.close?.();
