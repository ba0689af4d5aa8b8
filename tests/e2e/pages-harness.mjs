// Helpers for the real-pages suite and the browser benchmark, on top of the shared harness (which
// stays untouched): where ../shared/pages is, a browser without the extension for baselines, an
// init script that watches long tasks and the first mark from the page's side, and settings writes.
import { existsSync, readdirSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, ROOT } from './harness.mjs';

/** The shared folder: FACTMARK_SHARED, else ../shared next to the project. */
export const SHARED = resolve(process.env.FACTMARK_SHARED || join(ROOT, '..', 'shared'));
export const SHARED_PAGES = join(SHARED, 'pages');

/** For the measuring scripts: says so and ends the process when ../shared/pages is missing. */
export function exitUnlessSharedPages() {
  if (existsSync(SHARED_PAGES)) return;
  console.log(`(skipped: ${SHARED_PAGES} missing; set FACTMARK_SHARED)`);
  process.exit(0);
}

/**
 * Factmark's stage marks in a page (a WXT_FM_TRACE build, src/page/trace.ts), in order: each one's name
 * (without the `factmark:` prefix), its time on the page's clock and on the wall clock.
 */
export function stageMarks(page) {
  return page.evaluate(() => performance.getEntriesByType('mark').filter((e) => e.name.startsWith('factmark:'))
    .map((e) => ({ name: e.name.slice(9), start: e.startTime, at: performance.timeOrigin + e.startTime })));
}

/**
 * From a page's stage marks: when the content script started (`run`, document idle) and when the
 * first mark was painted (the preview's or the located article's, whichever came first), on the page's clock.
 */
export function runToFirstPaint(marks) {
  return { run: marks.find((e) => e.name === 'run')?.start, painted: marks.find((e) => e.name.startsWith('painted'))?.start };
}

/**
 * Stops the extension's service worker, as Chromium does when it is idle (CDP Target.closeTarget through
 * `page`'s session): the closing's answer, or null when no worker runs.
 */
export async function stopServiceWorker(harness, page) {
  const cdp = await harness.context.newCDPSession(page);
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const sw = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${harness.extensionId}/`));
    return sw ? await cdp.send('Target.closeTarget', { targetId: sw.targetId }) : null;
  } finally {
    await cdp.detach();
  }
}

/** The news pages named in ../shared/pages/README.md. */
export const NEWS_PAGES = ['bbc-1', 'breitbart', 'buzzfeed-1', 'msn', 'nytimes-1', 'nytimes-3', 'nytimes-5', 'salon-1', 'seattletimes-1', 'theverge', 'wapo-2', 'yahoo-2', 'yahoo-4'];

/** Every page folder with a source.html, with its expected metadata (readerable etc.). */
export function listSharedPages() {
  if (!existsSync(SHARED_PAGES)) return null;
  return readdirSync(SHARED_PAGES, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(SHARED_PAGES, d.name, 'source.html')))
    .map((d) => {
      let meta = {};
      try { meta = JSON.parse(readFileSync(join(SHARED_PAGES, d.name, 'expected-metadata.json'), 'utf8')); } catch { /* none */ }
      return { name: d.name, path: `/${d.name}/source.html`, readerable: meta.readerable === true, meta };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** A headless Chromium without the extension, with external requests aborted like the harness does. */
export async function launchPlain({ viewport = { width: 1100, height: 900 } } = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'factmark-plain-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
  return {
    context,
    async close() {
      await context.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Runs in the page's main world before its scripts: records long tasks (PerformanceObserver
 * 'longtask'), DOMContentLoaded time, the body's HTML and text at DOMContentLoaded, and polls
 * for the first Factmark mark (highlight registry entry or fallback element).
 */
export function instrumentScript() {
  const fm = { longtasks: [], gaps: [], dcl: null, firstMark: null, pristine: null };
  Object.defineProperty(window, '__fm', { value: fm, enumerable: false });
  // Pages that change themselves at random (ad rotation, sampled loggers: aktualne) would make the runs
  // with and without the extension differ by chance: the same seeded Math.random in both runs.
  let seed = 0x9e3779b9;
  Math.random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) fm.longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch { /* no long task API */ }
  const names = ['factmark-place', 'factmark-figure', 'factmark-claim'];
  // Keep our own references: a hostile page may tamper with the globals later.
  const reg = globalThis.CSS && CSS.highlights;
  const has = reg && reg.has ? reg.has.bind(reg) : null;
  const qs = document.querySelector.bind(document);
  const setT = setTimeout;
  const now = performance.now.bind(performance);
  // A 5 ms ticker: a gap well over its period is a main-thread task that blocked it, whoever ran it
  // (long task entries do not always cover content scripts' isolated worlds).
  let last = 0;
  const tick = () => {
    const t = now();
    if (last && t - last > 50) fm.gaps.push({ start: last, duration: t - last });
    last = t;
    if (fm.firstMark === null) {
      try {
        if ((has && names.some((n) => has(n))) || qs('factmark-mark')) fm.firstMark = t;
      } catch { /* keep polling */ }
    }
    if (t - fm.dcl < 20000) setT(tick, 5);
  };
  document.addEventListener('DOMContentLoaded', () => {
    fm.dcl = now();
    fm.pristine = document.body ? document.body.outerHTML : null;
    tick();
  }, { once: true });
}

/** The instrumented numbers of a page: long tasks after DOMContentLoaded, first mark time. */
export function readInstrument(page) {
  return page.evaluate(() => {
    const fm = window.__fm;
    if (!fm) return null;
    const after = fm.longtasks.filter((t) => fm.dcl !== null && t.start + t.duration > fm.dcl);
    return {
      longestGap: fm.gaps.reduce((m, t) => Math.max(m, t.duration), 0),
      gaps: fm.gaps,
      dcl: fm.dcl,
      firstMark: fm.firstMark,
      timeToFirstMark: fm.firstMark !== null && fm.dcl !== null ? fm.firstMark - fm.dcl : null,
      longestTask: after.reduce((m, t) => Math.max(m, t.duration), 0),
      longestTaskAll: fm.longtasks.reduce((m, t) => Math.max(m, t.duration), 0),
      longtasks: after,
    };
  });
}

/** Writes Factmark's settings from the extension's service worker (the content script listens). */
export function writeSettings(harness, settings) {
  return harness.worker.evaluate((s) => chrome.storage.local.set({ 'factmark:settings': s }), {
    version: 1,
    categories: { place: true, figure: true, claim: true },
    disabledSites: [],
    screenReaderMode: false,
    ...settings,
  });
}

/** Marks per category as the page sees them (registry sizes and fallback elements). */
export { readMarks as countMarks } from './marks.mjs';

export function median(xs) {
  const v = xs.filter((x) => typeof x === 'number').sort((a, b) => a - b);
  if (!v.length) return null;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

/** A synthetic news article of about `chars` characters, as a full HTML page (place names, figures, quotes). */
export function syntheticArticle(chars = 1_000_000) {
  const towns = ['Kharkiv', 'Izyum', 'Kupyansk', 'Kyiv', 'Donetsk', 'Odesa', 'Lviv', 'Balakliya', 'Paris', 'Berlin', 'Warsaw', 'London'];
  const paras = [];
  let n = 0;
  let i = 0;
  while (n < chars) {
    const a = towns[i % towns.length];
    const b = towns[(i * 7 + 3) % towns.length];
    const p = `Paragraph ${i + 1}. Officials in ${a} said on Tuesday that ${1200 + (i % 900)} people had left the area around ${b} since March, ` +
      `and that about $${(i % 40) + 2} million in aid had arrived, a rise of ${(i % 30) + 5}% on the previous month. ` +
      `"We are doing what we can," the mayor of ${a} told reporters, adding that roads to ${b} remained open for most of the week.`;
    paras.push(`<p>${p}</p>`);
    n += p.length + 2;
    i++;
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A very long report</title>
<meta property="article:published_time" content="2022-09-10T12:00:00Z"></head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<main><article><h1>A very long report from the front</h1><p class="byline">By A. Reporter</p>
${paras.join('\n')}
</article></main><footer>Footer</footer></body></html>`;
}
