// Which code ran inside a page's long main-thread tasks: a page loaded with the extension while the
// renderer's CPU profiler samples every 250 µs and a trace records the main thread's tasks, then each
// task over 50 ms split into the extension's JavaScript (any sample with a chrome-extension:// frame on
// its stack: its own code and what that code forced, such as a style recalculation it asked for) and
// everything else (the page's scripts, parsing, layout, GC, idle).
// The profile's clock is aligned with the page's by a performance.mark at DOMContentLoaded, read back
// from a trace. Used by scripts/bench-browser.mjs (issue 6: "no main-thread task over 50 ms caused by
// the extension") and scripts/attribute-blocks.mjs.
// What it cannot see: work the browser does later on the extension's behalf outside its JavaScript (an
// asynchronous restyle after it changed the DOM); the benchmark's with / without comparison is kept for that.
import { settledState, tabIdOf } from '../tests/e2e/harness.mjs';
import { instrumentScript, readInstrument } from '../tests/e2e/pages-harness.mjs';

const SYNC_MARK = 'factmark-bench:dcl';
/** A long task, as the Long Tasks API counts it. */
const LONG_MS = 50;

/**
 * Marks DOMContentLoaded in the page's main world, to align the profile's clock with the page's. The top
 * document's only: the init script runs in every frame too, and a frame's mark (another document, another
 * time origin) taken for the page's misplaced the stage marks and the task starts by 1-4 s (session 15).
 */
export function syncMarkScript(name) {
  if (window.top !== window) return;
  document.addEventListener('DOMContentLoaded', () => performance.mark(name), { once: true });
}

/**
 * A task counts as the extension's when its JavaScript alone took over 50 ms of it, or when the task
 * is over 50 ms only because of that JavaScript (the rest of it is at most 50 ms).
 */
export const causedByExtension = (g) => g.extension > LONG_MS || (g.duration > LONG_MS && g.extension > 0 && g.duration - g.extension <= LONG_MS);

/**
 * One profiled load of `url` in the harness's browser (the extension loaded; waited for until its analysis
 * is painted), or in `context` with `extension: false` (a browser without it; `settleMs` after load): every
 * task over 50 ms on the page's main thread (the outermost RunTask events of a trace) with its split, the
 * extension's stage marks inside it (a WXT_FM_TRACE=1 build makes them) and the extension's functions that
 * ran longest in it. Returns { tasks: [{ start, duration, extension, other, idle, top, marks }] } (ms; start
 * from DOMContentLoaded), or null when the clocks could not be aligned.
 */
export async function profiledLoad(h, url, { settleMs = 300, timeoutMs = 30000, context = h.context, extension = true } = {}) {
  const page = await context.newPage();
  try {
    const rec = await traceAndProfile(context, page, 'blink.user_timing,toplevel,disabled-by-default-devtools.timeline');
    await page.addInitScript(instrumentScript);
    await page.addInitScript(syncMarkScript, SYNC_MARK);
    await page.goto(url, { waitUntil: 'load', timeout: 60000 });
    if (extension) await settledState(h, await tabIdOf(h, page), timeoutMs);
    await page.waitForTimeout(settleMs);
    const { events, profile } = await rec.stop();
    const ins = await readInstrument(page);
    const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((e) => [e.name, e.startTime]));
    const traceMark = events.find((e) => e.name === SYNC_MARK && e.ph !== 'e');
    const pageMark = marks.find(([n]) => n === SYNC_MARK);
    if (!traceMark || !pageMark || !ins) return null;
    // profile / trace time (µs of the browser's monotonic clock) = (performance.now() + offset) * 1000
    const offset = traceMark.ts / 1000 - pageMark[1];
    // The page's main thread is the one that made the mark; its tasks are the outermost RunTask events.
    const tasks = [];
    let until = -1;
    for (const e of events.filter((x) => x.pid === traceMark.pid && x.tid === traceMark.tid && x.ph === 'X' && x.name === 'RunTask').sort((x, y) => x.ts - y.ts)) {
      if (e.ts < until) continue; // nested in the task before
      until = e.ts + (e.dur ?? 0);
      if ((e.dur ?? 0) / 1000 > LONG_MS) tasks.push({ a: e.ts / 1000, b: until / 1000 });
    }
    const split = splitter(profile);
    return {
      tasks: tasks.map(({ a, b }) => ({
        ...split(a, b),
        start: a - offset - ins.dcl,
        duration: b - a,
        marks: marks.filter(([n, t]) => n.startsWith('factmark:') && t + offset >= a && t + offset <= b).map(([n]) => n.slice(9)),
      })),
    };
  } finally {
    await page.close();
  }
}

/**
 * Starts a trace of `categories` and a CPU profile (a sample every 250 µs) of `page`'s renderer; `stop()`
 * ends both and gives { events, profile } (trace events and profile times in µs of one clock).
 */
export async function traceAndProfile(context, page, categories) {
  const cdp = await context.newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const traced = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.start', { categories, transferMode: 'ReportEvents' });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
  await cdp.send('Profiler.start');
  return {
    async stop() {
      const { profile } = await cdp.send('Profiler.stop');
      await cdp.send('Tracing.end');
      await traced;
      return { events, profile };
    },
  };
}

/**
 * A CPU profile's nodes by id, each node's parent, whether a node has a chrome-extension:// frame at or
 * above it (memoised), and each sample's time (µs, the trace's clock).
 */
export function profileIndex(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const ext = new Map();
  const isExt = (id) => {
    let v = ext.get(id);
    if (v === undefined) {
      v = byId.get(id).callFrame.url.startsWith('chrome-extension://') || (parent.has(id) && isExt(parent.get(id)));
      ext.set(id, v);
    }
    return v;
  };
  const times = new Float64Array(profile.samples.length);
  let t = profile.startTime;
  for (let i = 0; i < times.length; i++) times[i] = (t += profile.timeDeltas[i]);
  return { byId, parent, isExt, times };
}

/**
 * For a CPU profile, a function of a time span [a, b] (ms) giving the samples in it as extension
 * JavaScript, other work and idle, with the top extension functions. The profile's tree and sample
 * times are read once, for all the spans asked.
 */
function splitter(profile) {
  const { byId, isExt, times: us } = profileIndex(profile);
  // sample i at times[i] (ms), lasting until the next one
  const times = us.map((t) => t / 1000);
  return (a, b) => {
    let extension = 0;
    let other = 0;
    let idle = 0;
    const fns = new Map();
    for (let i = 0; i < times.length - 1; i++) {
      if (times[i] < a || times[i] > b) continue;
      const dt = times[i + 1] - times[i];
      const id = profile.samples[i];
      const n = byId.get(id);
      if (n.callFrame.functionName === '(idle)') idle += dt;
      else if (isExt(id)) {
        extension += dt;
        const k = `${n.callFrame.functionName || '(anonymous)'}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`;
        fns.set(k, (fns.get(k) ?? 0) + dt);
      } else other += dt;
    }
    const top = [...fns].sort((x, y) => y[1] - x[1]).slice(0, 4).map(([k, v]) => `${k} ${v.toFixed(1)}`);
    return { extension, other, idle, top };
  };
}
