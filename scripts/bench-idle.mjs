// Time from document idle to first mark (issue 6's definition), per news page of ../shared/pages: the
// content script starts at document_idle, so the span is from its `run` stage mark to its first `painted`
// mark. Stage marks exist only in a build made with WXT_FM_TRACE=1 (src/page/trace.ts): scripts/bench.ts
// makes one into a temporary folder and passes it as FACTMARK_EXT. Prints Markdown.
// Usage: WXT_FM_TRACE=1 npx wxt build && cp -r .output/chrome-mv3 DIR && FACTMARK_EXT=DIR node scripts/bench-idle.mjs [--runs N]
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { launch } from '../tests/e2e/harness.mjs';
import { startServer } from './serve.mjs';
import { NEWS_PAGES, SHARED_PAGES, exitUnlessSharedPages, median, runToFirstPaint, stageMarks } from '../tests/e2e/pages-harness.mjs';

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Math.max(1, Number(process.argv[runsArg + 1]) || 1) : 3;

exitUnlessSharedPages();
const server = await startServer(SHARED_PAGES);
const h = await launch();
const rows = [];
try {
  for (const name of NEWS_PAGES) {
    if (!existsSync(join(SHARED_PAGES, name, 'source.html'))) continue;
    const idle = [];
    const start = [];
    for (let run = 0; run < RUNS; run++) {
      const page = await h.context.newPage();
      try {
        await page.goto(`${server.origin}/${name}/source.html`);
        await page.waitForTimeout(2000);
        const dcl = await page.evaluate(() => performance.getEntriesByType('navigation')[0]?.domContentLoadedEventStart);
        const m = { ...runToFirstPaint(await stageMarks(page)), dcl };
        if (m.run !== undefined && m.painted !== undefined) {
          idle.push(m.painted - m.run);
          if (m.dcl !== undefined) start.push(m.run - m.dcl);
        }
      } finally {
        await page.close();
      }
    }
    rows.push({ name, idle: idle.length ? median(idle) : null, start: start.length ? median(start) : null });
  }
} finally {
  await h.close();
  await server.close?.();
}
const fmt = (v) => (v === null ? '-' : String(Math.round(v)));
console.log(`### From document idle to first mark (Chromium, headless, ${RUNS} runs per page; trace build)`);
console.log();
console.log('| page | content script start (document idle) after DOMContentLoaded, ms | document idle to first mark, ms |');
console.log('|---|---:|---:|');
for (const r of rows) console.log(`| ${r.name} | ${fmt(r.start)} | ${fmt(r.idle)} |`);
const marked = rows.filter((r) => r.idle !== null).map((r) => r.idle);
console.log(`| **news pages, median** | | **${marked.length ? Math.round(median(marked)) : '-'}** |`);
console.log();
console.log("Issue 6 measures from document idle, when Chrome starts the content script; the table above this one measures from DOMContentLoaded, which adds Chrome's wait for idle (the first column here). Pages with no mark (not English, or no figure, place or claim found) show '-'.");
