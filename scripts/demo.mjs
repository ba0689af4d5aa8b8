// The demo (`npm run demo`, after the build and ensure-browser chromium): runs the built extension in Chromium on
// the seed articles. Headless (no DISPLAY): screenshots + demo-output/summary.json; with a display: a window.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  PAGES, ROOT, launch, openPopup, pageState, tabIdOf, totalMarks, waitForMarks,
} from '../tests/e2e/harness.mjs';

const OUT = join(ROOT, 'demo-output');
const pages = JSON.parse(readFileSync(join(PAGES, 'pages.json'), 'utf8')).filter((p) => p.kind === 'seed');
const headed = Boolean(process.env.DISPLAY) && process.env.FACTMARK_DEMO_HEADLESS !== '1';

function describe(state) {
  const result = state?.result ?? { annotations: [], verdicts: [], summary: { counts: { place: 0, figure: 0, claim: 0 } } };
  const verdict = new Map(result.verdicts.map((v) => [v.annotationId, v]));
  const v = (a) => (verdict.has(a.id) ? { verdict: verdict.get(a.id).kind, summary: verdict.get(a.id).summary } : {});
  const of = (c) => result.annotations.filter((a) => a.category === c);
  return {
    status: state?.status ?? 'no answer',
    title: state?.article?.title ?? null,
    published: state?.article?.published ?? null,
    counts: result.summary.counts,
    places: of('place').map((a) => ({
      text: a.text, name: a.place?.name, kind: a.place?.kind, country: a.place?.country, region: a.place?.region,
      population: a.place?.population, ...v(a),
    })),
    figures: of('figure').map((a) => ({ text: a.text, kind: a.figure?.kind, value: a.figure?.value, unit: a.figure?.unit, ...v(a) })),
    claims: of('claim').map((a) => ({ source: a.claim?.source.name ?? a.claim?.source.text, cue: a.claim?.cue.text, text: a.text, ...v(a) })),
  };
}

async function headless() {
  mkdirSync(OUT, { recursive: true });
  const h = await launch({ headless: true });
  const summary = [];
  try {
    for (const p of pages) {
      const name = p.file.replace(/\.html$/, '');
      const page = await h.context.newPage();
      await page.goto(`${h.server.origin}/${p.file}`, { waitUntil: 'load' });
      const marks = await waitForMarks(page, 15000);
      await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true, caret: 'initial' });
      const tabId = await tabIdOf(h, page);
      const state = await pageState(h, tabId);
      const popup = await openPopup(h, tabId);
      await popup.waitForSelector('.fm-list-place, .popup-status p', { timeout: 5000 }).catch(() => {});
      await popup.waitForTimeout(200);
      await popup.screenshot({ path: join(OUT, `${name}-popup.png`), fullPage: true });
      await popup.close();
      summary.push({ file: p.file, source: p.source, marksOnPage: marks, screenshot: `${name}.png`, popup: `${name}-popup.png`, ...describe(state) });
      if (totalMarks(marks) === 0) console.warn(`warning: nothing was marked on ${p.file}`);
    }
  } finally {
    await h.close();
  }
  writeFileSync(join(OUT, 'summary.json'), JSON.stringify(summary, null, 2) + '\n');

  for (const s of summary) {
    console.log(`\n${s.title ?? s.file}`);
    console.log(`  ${s.counts.place} places, ${s.counts.figure} figures, ${s.counts.claim} claims (${s.status})`);
    const seen = new Set();
    const places = s.places.filter((p) => !seen.has(p.name) && seen.add(p.name));
    console.log(`  places: ${places.map((p) => (p.text.replace(/['’]s$/, '') !== p.name ? `${p.text} -> ${p.name}` : p.name) + (p.verdict ? ` [${p.verdict}]` : '')).join(', ')}`);
  }
  console.log(`\nScreenshots and summary.json written to ${OUT}/`);
  if (summary.some((s) => s.status !== 'analysed')) process.exitCode = 1;
}

async function windowed() {
  const h = await launch({ headless: false, viewport: null });
  const first = pages[0];
  const page = h.context.pages()[0] ?? (await h.context.newPage());
  await page.goto(`${h.server.origin}/${first.file}`);
  console.log(`Factmark is loaded in the Chromium window on ${h.server.origin}/${first.file}.`);
  console.log(`Other demo pages: ${pages.slice(1).map((p) => `${h.server.origin}/${p.file}`).join(' ')}`);
  console.log('Click the Factmark toolbar icon (puzzle piece menu) for the popup. Close the window to end the demo.');
  await new Promise((resolve) => {
    h.context.on('close', resolve);
    process.once('SIGINT', resolve);
  });
  await h.close();
}

(headed ? windowed() : headless()).catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
