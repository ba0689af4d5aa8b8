// Which code ran inside the page's long blocks: for each page of ../shared/pages named on the command line,
// loads it N times in Chromium with a stage-marked build of the extension (WXT_FM_TRACE=1), records a CPU
// profile of the page's renderer and the 5 ms main-world ticker of tests/e2e/pages-harness.mjs, and for every
// gap over 50 ms prints how much of it was the extension's JavaScript (any frame from chrome-extension://),
// the page's own work, and the extension's stage marks inside it. The trace build's marks align the
// profile's clock with the page's. A development tool for issue 6's 'no task over 50 ms caused by the
// extension'; the benchmark's with/without comparison cannot tell a page's own block from the extension's.
// Usage: WXT_FM_TRACE=1 npx wxt build && cp -r .output/chrome-mv3 DIR && npx wxt build &&
//        FACTMARK_EXT=DIR node scripts/attribute-blocks.mjs PAGE... [--runs=3]
// (The stage marks cost a little themselves: the trace function is among the extension's functions listed.)
import { launch, tabIdOf, pageState } from '../tests/e2e/harness.mjs';
import { startServer } from './serve.mjs';
import { SHARED_PAGES, instrumentScript, readInstrument } from '../tests/e2e/pages-harness.mjs';
const server = await startServer(SHARED_PAGES);
const h = await launch();
const args = process.argv.slice(2);
const runs = Number(args.find((a) => a.startsWith('--runs='))?.slice(7) ?? 3);
for (const name of args.filter((a) => !a.startsWith('--'))) {
  for (let run = 0; run < runs; run++) {
    const page = await h.context.newPage();
    const cdp = await h.context.newCDPSession(page);
    const events = [];
    cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
    const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
    await cdp.send('Tracing.start', { categories: 'blink.user_timing', transferMode: 'ReportEvents' });
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
    await cdp.send('Profiler.start');
    await page.addInitScript(instrumentScript);
    await page.goto(`${server.origin}/${name}/source.html`, { waitUntil: 'load', timeout: 60000 });
    const tabId = await tabIdOf(h, page);
    const end = Date.now() + 30000;
    for (;;) { const st = await pageState(h, tabId).catch(() => null); if ((st && st.status !== 'pending') || Date.now() > end) break; await page.waitForTimeout(50); }
    await page.waitForTimeout(300);
    const { profile } = await cdp.send('Profiler.stop');
    await cdp.send('Tracing.end'); await done;
    const ins = await readInstrument(page);
    const marks = await page.evaluate(() => performance.getEntriesByType('mark').filter((e) => e.name.startsWith('factmark:')).map((e) => [e.name, e.startTime]));
    const tr = events.find((e) => e.name === 'factmark:run' && e.ph !== 'e');
    const pm = marks.find(([n]) => n === 'factmark:run');
    if (!tr || !pm) { console.log(name, run, 'no run mark', ins.gaps); await page.close(); continue; }
    const offset = tr.ts / 1000 - pm[1]; // TimeTicks ms = perf.now + offset
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map(); for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const isExt = new Map();
    const extOf = (id) => { if (isExt.has(id)) return isExt.get(id); const n = byId.get(id); const v = n.callFrame.url.startsWith('chrome-extension://') || (parent.has(id) && extOf(parent.get(id))); isExt.set(id, v); return v; };
    let t = profile.startTime;
    const samples = profile.samples.map((id, i) => { t += profile.timeDeltas[i]; return [t / 1000, id]; });
    for (const g of ins.gaps) {
      const a = g.start + offset, b = g.start + g.duration + offset;
      let ext = 0, other = 0, idle = 0; const fns = new Map();
      for (let i = 0; i < samples.length - 1; i++) {
        const [ts, id] = samples[i]; if (ts < a || ts > b) continue;
        const dt = samples[i + 1][0] - ts; const n = byId.get(id);
        if (n.callFrame.functionName === '(idle)') idle += dt; else if (extOf(id)) { ext += dt; const k = `${n.callFrame.functionName || '(anon)'}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`; fns.set(k, (fns.get(k) ?? 0) + dt); } else other += dt;
      }
      const top = [...fns].sort((x, y) => y[1] - x[1]).slice(0, 4).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ');
      const inMarks = marks.filter(([, s]) => s >= g.start && s <= g.start + g.duration).map(([n]) => n.slice(9, 30)).join(',');
      console.log(`${name} run${run} gap +${Math.round(g.start - ins.dcl)}ms ${Math.round(g.duration)}ms: extension JS ${ext.toFixed(1)} ms, other JS/GC/program ${other.toFixed(1)} ms, idle ${idle.toFixed(1)} | ${top} | marks ${inMarks}`);
    }
    if (!ins.gaps.length) console.log(`${name} run${run}: no gap over 50 ms`);
    await page.close();
  }
}
await h.close(); await server.close?.();
