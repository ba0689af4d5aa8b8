// What the extension shows in a page, read the same way by the Chromium (Playwright) and Firefox
// (Puppeteer) suites: marks per category, as CSS highlight ranges plus fallback elements.
export const HIGHLIGHTS = { place: 'factmark-place', figure: 'factmark-figure', claim: 'factmark-claim' };

/** Marks per category: CSS highlight ranges plus fallback elements carrying data-factmark-category. */
export function readMarks(page) {
  return page.evaluate((names) => {
    const out = {};
    for (const [cat, name] of Object.entries(names)) {
      const ranges = globalThis.CSS?.highlights?.get(name)?.size ?? 0;
      const elements = document.querySelectorAll(`[data-factmark-category="${cat}"]`).length;
      out[cat] = ranges + elements;
    }
    return out;
  }, HIGHLIGHTS);
}

export const totalMarks = (m) => m.place + m.figure + m.claim;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Polls the marks until `pred` holds or `timeout` ms pass; returns the last reading. A reading that fails (the
 * page's document replaced under it, a hiccup of the browser's protocol) is tried again until the deadline;
 * such errors are printed when `pred` never held, and a reading that still fails at the deadline throws
 * (docs/status.md, session 19: why a wait must not swallow them).
 */
export async function waitMarks(page, pred, timeout = 8000) {
  const end = Date.now() + timeout;
  const errors = [];
  for (;;) {
    try {
      const m = await readMarks(page);
      if (pred(m)) return m;
      if (Date.now() >= end) {
        if (errors.length) console.error(`waitMarks: not there in ${timeout} ms; readings that failed: ${errors.join(' | ')}`);
        return m;
      }
    } catch (err) {
      if (Date.now() >= end) throw err;
      errors.push(String(err?.message ?? err).split('\n')[0].slice(0, 200));
    }
    await sleep(50);
  }
}

/** Waits until the page shows at least one mark, `timeout` ms at most; returns the marks (zeros when none came). */
export const waitForMarks = (page, timeout = 10000) => waitMarks(page, (m) => totalMarks(m) > 0, timeout);

/** How many elements the extension has in the page (tag names beginning with factmark-). */
export const ownElements = (page) => page.evaluate(() => [...document.querySelectorAll('*')].filter((e) => e.localName.startsWith('factmark-')).length);

/**
 * Waits until the body stops changing (two equal snapshots 300 ms apart, `timeout` at most): some pages
 * change themselves for a while after load (aktualne adds and later removes a teaser).
 */
export async function settleBody(page, timeout = 5000) {
  const end = Date.now() + timeout;
  let prev = await page.evaluate(() => document.body?.outerHTML ?? '');
  while (Date.now() < end) {
    await sleep(300);
    const now = await page.evaluate(() => document.body?.outerHTML ?? '');
    if (now === prev) return;
    prev = now;
  }
}

/** Where two strings first differ, with some context, for assertion messages. */
export function firstDifference(a, b) {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return `at ${i}: expected ${JSON.stringify(a.slice(Math.max(0, i - 40), i + 40))} got ${JSON.stringify(b.slice(Math.max(0, i - 40), i + 40))}`;
}

/** `base` with each long digit run (cache-busting numbers drawn at random, webmd-2) replaced by the one in `now`, when only those differ. */
export function sameModuloRandom(base, now) {
  const re = /\d{8,}/g;
  if (base.replace(re, '#') !== now.replace(re, '#')) return base;
  const digits = now.match(re) ?? [];
  let i = 0;
  return base.replace(re, () => digits[i++] ?? '');
}

/**
 * The middle of a one-line place mark inside a paragraph (else the first place mark), scrolled into
 * view: where a pointer hovers to open its card. `text` is the mark's text.
 */
export const placeMarkPoint = (page) => page.evaluate(() => {
  const ranges = [...CSS.highlights.get('factmark-place')].map((r) => {
    const range = document.createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    return range;
  });
  const range = ranges.find((r) => r.startContainer.parentElement?.closest('p') && r.getClientRects().length === 1) ?? ranges[0];
  range.startContainer.parentElement.scrollIntoView({ block: 'center' });
  const rect = range.getBoundingClientRect();
  return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2, text: range.toString() };
});
