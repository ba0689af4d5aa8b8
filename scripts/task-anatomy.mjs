// What the page's main-thread tasks held, from the trace itself: for each page of ../shared/pages named on
// the command line, one load with the extension, its renderer traced and CPU-profiled, and for every task
// over --min ms (default 30): its start (ms from the top document's DOMContentLoaded), its length, the
// extension's JavaScript in it (profile samples with a chrome-extension:// frame), and the trace's own
// events nested in it (script evaluation and compilation, the extension's and the page's; microtasks;
// timers; style, layout, paint; garbage collection). For a task with over 25 ms of the extension's
// JavaScript, the extension functions by inclusive time and the leaf frames (native calls named), which
// tell a forced style recalculation or a descheduled thread (a cheap native call with tens of ms of
// samples) from work of our own. Complements scripts/attribute-blocks.mjs (which splits the long tasks
// the bench counts); session 15 found the content script's compilation and the stretched slices with it.
// Usage: npx wxt build && node scripts/task-anatomy.mjs PAGE... [--min=30]   (FACTMARK_EXT=DIR for a trace build)
import { launch, settledState, tabIdOf } from '../tests/e2e/harness.mjs';
import { startServer } from './serve.mjs';
import { SHARED_PAGES } from '../tests/e2e/pages-harness.mjs';
import { profileIndex, syncMarkScript, traceAndProfile } from './block-attribution.mjs';

const SYNC = 'factmark-anatomy:dcl';
const NESTED = new Set(['UpdateLayoutTree', 'Layout', 'FunctionCall', 'EvaluateScript', 'v8.compile', 'RunMicrotasks', 'MinorGC', 'MajorGC', 'TimerFire', 'ParseHTML', 'Paint', 'PrePaint', 'HitTest', 'UpdateLayerTree']);
const args = process.argv.slice(2);
const minMs = Number(args.find((a) => a.startsWith('--min='))?.slice(6) ?? 30);
const server = await startServer(SHARED_PAGES);
const h = await launch();
try {
  for (const name of args.filter((a) => !a.startsWith('--'))) await anatomy(name);
} finally {
  await h.close();
  await server.close?.();
}

async function anatomy(name) {
  const page = await h.context.newPage();
  try {
    const rec = await traceAndProfile(h.context, page, 'blink.user_timing,toplevel,disabled-by-default-devtools.timeline,devtools.timeline,v8.execute');
    await page.addInitScript(syncMarkScript, SYNC);
    await page.goto(`${server.origin}/${name}/source.html`, { waitUntil: 'load' });
    await settledState(h, await tabIdOf(h, page), 30000);
    await page.waitForTimeout(300);
    const { events, profile } = await rec.stop();
    const sync = events.find((e) => e.name === SYNC && e.ph !== 'e');
    if (!sync) { console.log(`${name}: no DOMContentLoaded mark in the trace`); return; }
    const rel = (us) => Math.round((us - sync.ts) / 1000);
    const { byId, parent, isExt, times } = profileIndex(profile);
    console.log(`${name}:`);
    const main = events.filter((e) => e.tid === sync.tid && e.pid === sync.pid && e.ph === 'X');
    for (const k of main.filter((e) => e.name === 'RunTask' && e.dur / 1000 > minMs)) {
      const a = k.ts;
      const b = k.ts + k.dur;
      const sum = {};
      for (const e of main) {
        if (e.ts < a || e.ts + (e.dur ?? 0) > b || !NESTED.has(e.name)) continue;
        const who = e.name === 'FunctionCall' || e.name === 'EvaluateScript' ? (JSON.stringify(e.args ?? {}).includes('chrome-extension://') ? '(ext)' : '(page)') : '';
        sum[e.name + who] = (sum[e.name + who] ?? 0) + e.dur / 1000;
      }
      const incl = new Map();
      const leaf = new Map();
      let ext = 0;
      for (let i = 0; i < profile.samples.length - 1; i++) {
        if (times[i] < a || times[i] > b || !isExt(profile.samples[i])) continue;
        const dt = profile.timeDeltas[i + 1] / 1000;
        ext += dt;
        const lf = byId.get(profile.samples[i]).callFrame;
        const lk = lf.url.startsWith('chrome-extension://') ? `${lf.functionName || '(anon)'}:${lf.lineNumber}:${lf.columnNumber}` : `${lf.functionName || '(anon)'} [native]`;
        leaf.set(lk, (leaf.get(lk) ?? 0) + dt);
        const seen = new Set();
        for (let x = profile.samples[i]; x !== undefined; x = parent.get(x)) {
          const cf = byId.get(x).callFrame;
          if (!cf.url.startsWith('chrome-extension://')) continue;
          const key = `${cf.functionName || '(anon)'}:${cf.lineNumber}:${cf.columnNumber}`;
          if (!seen.has(key)) { seen.add(key); incl.set(key, (incl.get(key) ?? 0) + dt); }
        }
      }
      const top = (m, n) => [...m].sort((x, y) => y[1] - x[1]).slice(0, n).map(([key, v]) => `${key} ${v.toFixed(0)}`).join(', ');
      console.log(`  task @${rel(a)} ${Math.round(k.dur / 1000)} ms, extension JS ${ext.toFixed(0)}: ${Object.entries(sum).map(([n, v]) => `${n} ${v.toFixed(1)}`).join(', ')}`);
      if (ext > 25) {
        console.log(`     inclusive: ${top(incl, 10)}`);
        console.log(`     leaf: ${top(leaf, 8)}`);
      }
    }
  } finally {
    await page.close();
  }
}
