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
