// End-to-end tests of the popup in Chromium with the built extension (FACTMARK_EXT or .output/chrome-mv3):
// the map (points, click to the mention), the verdict filter, every list item's jump-and-flash, the two
// exports (Web Annotation JSON-LD re-anchored in the page's text, CSV parsed back), "analyse anyway",
// and axe-core on the popup with a filter applied. Screenshots go to test-results/.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { ROOT, launch, openPopup, readMarks, resetSettings, settledState, tabIdOf, waitForMarks } from './harness.mjs';

const RESULTS = join(ROOT, 'test-results');
mkdirSync(RESULTS, { recursive: true });

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core violations (WCAG 2 A/AA rules) of serious or critical impact on an extension page. */
async function seriousViolations(page) {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const r = await globalThis.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
  });
}

// A short viewport, so most marks of a seed article start out of view and a jump has to scroll.
const VIEWPORT = { width: 1000, height: 480 };
let h;

before(async () => {
  h = await launch({ viewport: VIEWPORT });
});

after(async () => {
  await h?.close();
});

/**
 * Opens a fixture page, waits for its analysis and opens the popup for its tab once the popup shows the
 * lists. Returns the page, its tab id, the content script's PageState and the popup.
 */
async function openAnalysed(file) {
  const page = await h.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e?.stack ?? e)));
  await page.goto(`${h.server.origin}/${file}`, { waitUntil: 'load' });
  const tabId = await tabIdOf(h, page);
  const state = await settledState(h, tabId);
  assert.equal(state?.status, 'analysed', `${file} was not analysed: ${JSON.stringify(state && { status: state.status, error: state.error })}`);
  await waitForMarks(page);
  const popup = await openPopup(h, tabId);
  await popup.waitForSelector('.fm-list-place', { timeout: 8000 });
  return { page, tabId, state, popup, errors };
}

const norm = (s) => s.replace(/\s+/g, ' ').trim();

/**
 * Where an annotation's mark is in the page, read from the extension's CSS highlight of its category:
 * the highlight ranges with the annotation's text, in document order, matched by how many annotations
 * of that category with the same text come before it. Returns the first line's box and the viewport.
 */
function markBox(page, state, id) {
  const a = state.result.annotations.find((x) => x.id === id);
  assert.ok(a, `no annotation ${id} in the page state`);
  const same = state.result.annotations.filter((x) => x.category === a.category && norm(x.text) === norm(a.text)).sort((x, y) => x.start - y.start);
  const ordinal = same.findIndex((x) => x.id === id);
  return page.evaluate(({ cat, text, ordinal }) => {
    const n = (s) => s.replace(/\s+/g, ' ').trim();
    const h = globalThis.CSS?.highlights?.get(`factmark-${cat}`);
    if (!h) return { error: `no factmark-${cat} highlight` };
    const ranges = [...h]
      .map((r) => {
        const x = document.createRange();
        x.setStart(r.startContainer, r.startOffset);
        x.setEnd(r.endContainer, r.endOffset);
        return x;
      })
      .filter((r) => n(r.toString()) === text)
      .sort((x, y) => x.compareBoundaryPoints(Range.START_TO_START, y));
    const r = ranges[ordinal];
    if (!r) return { error: `mark ${ordinal + 1} of ${ranges.length} with the text ${JSON.stringify(text)} not found` };
    const rects = [...r.getClientRects()].filter((b) => b.width > 0 && b.height > 0);
    const b = rects[0] ?? r.getBoundingClientRect();
    return { top: b.top, bottom: b.bottom, left: b.left, right: b.right, vw: innerWidth, vh: innerHeight, scrollY };
  }, { cat: a.category, text: norm(a.text), ordinal });
}

const inView = (b) => b.top >= 0 && b.bottom <= b.vh && b.right > 0 && b.left < b.vw;

/** Scrolls the page so the mark is out of view (to the top, else to the bottom); returns its box. */
async function scrollAway(page, state, id) {
  await page.evaluate(() => scrollTo(0, 0));
  let b = await markBox(page, state, id);
  if (!b.error && inView(b)) {
    await page.evaluate(() => scrollTo(0, document.scrollingElement.scrollHeight));
    b = await markBox(page, state, id);
  }
  return b;
}

/** Starts watching for new flash outlines (their boxes are read as they are added, before they fade). */
const watchFlashes = (page) => page.evaluate(() => {
  globalThis.__flashWatch?.disconnect();
  const seen = (globalThis.__newFlashes = []);
  globalThis.__flashWatch = new MutationObserver((records) => {
    for (const r of records) {
      for (const n of r.addedNodes) {
        if (n.localName !== 'factmark-flash') continue;
        const b = n.getBoundingClientRect();
        seen.push({ top: b.top, bottom: b.bottom, left: b.left, right: b.right });
      }
    }
  });
  globalThis.__flashWatch.observe(document.documentElement, { childList: true, subtree: true });
});

/** Waits for the flash outlines added since watchFlashes; returns their boxes. */
async function newFlashes(page) {
  await page.waitForFunction(() => globalThis.__newFlashes?.length > 0, null, { timeout: 3000, polling: 20 });
  return page.evaluate(() => {
    globalThis.__flashWatch?.disconnect();
    return globalThis.__newFlashes;
  });
}

/**
 * Clicks a popup control that jumps to annotation `id` and checks the jump: the mark was out of view
 * before, is in view after, and a new flash outline surrounds it.
 */
async function assertJump(page, state, id, click, what) {
  const before = await scrollAway(page, state, id);
  assert.ok(!before.error, `${what}: ${before.error}`);
  assert.ok(!inView(before), `${what}: the mark ${id} is in view before the jump (${JSON.stringify(before)})`);
  await watchFlashes(page);
  await click();
  const flashes = await newFlashes(page).catch(() => []);
  assert.ok(flashes.length > 0, `${what}: no flash after the jump to ${id}`);
  const after = await markBox(page, state, id);
  assert.ok(inView(after), `${what}: the mark ${id} is not in view after the jump (${JSON.stringify(after)})`);
  const around = flashes.some((f) => f.top <= after.top + 1 && f.bottom >= after.bottom - 1 && f.left <= after.left + 1 && f.right >= after.right - 1);
  assert.ok(around, `${what}: the flash ${JSON.stringify(flashes)} does not surround the mark ${JSON.stringify(after)}`);
}

/** Distinct located towns of the page state, as the map should show them (key: GeoNames id). */
function expectedPoints(state) {
  const seen = new Map();
  for (const a of state.result.annotations) {
    const p = a.place;
    if (a.category !== 'place' || p?.kind !== 'city' || typeof p.lat !== 'number' || typeof p.lon !== 'number') continue;
    const key = String(p.geonameId ?? `${p.name}@${p.lat},${p.lon}`);
    if (!seen.has(key)) seen.set(key, { key, name: p.name, lat: p.lat, lon: p.lon, id: a.id });
  }
  return [...seen.values()];
}

describe('popup on seed-1', () => {
  let ctx;
  before(async () => {
    ctx = await openAnalysed('seed-1.html');
  });
  after(async () => {
    await ctx?.popup.close();
    await ctx?.page.close();
    await resetSettings(h);
  });

  test('the map draws each located town as a point where its coordinates put it', async () => {
    const { popup, state } = ctx;
    const want = expectedPoints(state);
    assert.ok(want.length >= 2, `seed-1 should have located towns: ${JSON.stringify(want)}`);
    const drawn = await popup.evaluate(() => {
      const svg = document.querySelector('.fm-map svg');
      const [, , w, hgt] = svg.getAttribute('viewBox').split(/\s+/).map(Number);
      return {
        w, h: hgt,
        points: [...document.querySelectorAll('.fm-map-point')].map((g) => {
          const c = g.querySelector('circle');
          return { key: g.getAttribute('data-key'), x: Number(c.getAttribute('cx')), y: Number(c.getAttribute('cy')) };
        }),
        buttons: [...document.querySelectorAll('.fm-map-hit')].map((b) => ({ key: b.dataset.key, id: b.dataset.annotation, label: b.getAttribute('aria-label') })),
        caption: document.querySelector('.fm-map figcaption')?.textContent ?? '',
      };
    });
    assert.deepEqual(drawn.points.map((p) => p.key).sort(), want.map((p) => p.key).sort(), 'one point per located town');
    assert.deepEqual(drawn.buttons.map((b) => b.key).sort(), want.map((p) => p.key).sort(), 'one button per point');
    for (const p of drawn.points) {
      assert.ok(p.x > 0 && p.x < drawn.w && p.y > 0 && p.y < drawn.h, `point ${p.key} outside the map: ${JSON.stringify(p)}`);
    }
    // The projection keeps the order: further east is further right, further north is higher up.
    const at = new Map(drawn.points.map((p) => [p.key, p]));
    for (const a of want) {
      for (const b of want) {
        if (a.lon < b.lon - 0.01) assert.ok(at.get(a.key).x < at.get(b.key).x, `${a.name} is west of ${b.name} but drawn right of it`);
        if (a.lat < b.lat - 0.01) assert.ok(at.get(a.key).y > at.get(b.key).y, `${a.name} is south of ${b.name} but drawn above it`);
      }
    }
    // Every point can be clicked at its own dot: no neighbour's hit area covers it.
    const covered = await popup.evaluate(() => [...document.querySelectorAll('.fm-map-point')].flatMap((g) => {
      const r = g.querySelector('circle').getBoundingClientRect();
      const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      const hit = top?.closest('.fm-map-hit');
      return hit?.dataset.key === g.getAttribute('data-key') ? [] : [`${g.getAttribute('data-key')} -> ${hit?.dataset.key ?? top?.localName}`];
    }));
    assert.deepEqual(covered, [], "points whose dot another point's hit area covers");
    for (const p of want) {
      const b = drawn.buttons.find((x) => x.key === p.key);
      assert.equal(b.id, p.id, `the ${p.name} point goes to its first mention`);
      assert.ok(b.label.includes(p.name), `the ${p.name} point is not named: ${b.label}`);
      assert.ok(drawn.caption.includes(p.name), `the caption does not name ${p.name}`);
    }
  });

  test('clicking a map point scrolls the page to that mention and flashes it', async () => {
    const { page, popup, state } = ctx;
    const points = expectedPoints(state);
    for (const p of points) {
      // A mouse click on the point itself (Playwright refuses when another element would get it).
      await assertJump(page, state, p.id, () => popup.locator(`.fm-map-hit[data-key="${p.key}"]`).click({ timeout: 3000 }), `map point ${p.name}`);
    }
    // And by keyboard: Tab to a point, Enter.
    const p = points[0];
    const button = popup.locator(`.fm-map-hit[data-key="${p.key}"]`);
    await assertJump(page, state, p.id, async () => { await button.focus(); await popup.keyboard.press('Enter'); }, `map point ${p.name} by keyboard`);
  });

  test('every list item jumps to its mark: scrolled into view and flashed', async () => {
    const { page, popup, state } = ctx;
    const items = await popup.evaluate(() => [...document.querySelectorAll('.popup-lists button.fm-item')].map((b, i) => ({ i, id: b.dataset.annotation, text: b.textContent.replace(/\s+/g, ' ').trim().slice(0, 40) })));
    const listed = new Set(items.map((x) => x.id));
    // Every figure and claim is an item; places are one item per place and spelling.
    for (const a of state.result.annotations) if (a.category !== 'place') assert.ok(listed.has(a.id), `${a.id} is not listed`);
    assert.ok(items.length >= 20, `seed-1 lists only ${items.length} items`);
    for (const item of items) {
      // Each item is clicked once: a place item's first click goes to its first mention (data-annotation).
      await assertJump(page, state, item.id, () => popup.locator('.popup-lists button.fm-item').nth(item.i).click(), `list item ${item.i} "${item.text}"`);
    }
  });

  test('a place item with several mentions goes to the next one on each click', async () => {
    const { page, popup, state } = ctx;
    await popup.reload();
    await popup.waitForSelector('.fm-list-place');
    // Kiev is mentioned three times in seed-1 (Kyiv, written "Kiev").
    const mentions = state.result.annotations.filter((a) => a.category === 'place' && a.text === 'Kiev').sort((a, b) => a.start - b.start);
    assert.ok(mentions.length >= 2, 'seed-1 names Kiev more than once');
    const button = popup.locator(`.fm-list-place button[data-annotation="${mentions[0].id}"]`);
    for (const m of mentions) await assertJump(page, state, m.id, () => button.click(), `Kyiv, mention at ${m.start}`);
  });

  test('claims are quoted once: no doubled quotation marks in the list', async () => {
    const { popup } = ctx;
    const quotes = await popup.locator('.fm-list-claim .fm-quote').allTextContents();
    assert.ok(quotes.length > 10, `seed-1 lists ${quotes.length} claims`);
    const doubled = quotes.filter((q) => /^["“„«]\s*["“„«]|["”»]\s*["”»]$/u.test(q.trim()));
    assert.deepEqual(doubled, [], 'quotation marks doubled');
  });

  test('the verdict filter shows only that verdict, counts match the tally, clearing restores all', async () => {
    const { popup, state } = ctx;
    await popup.reload();
    await popup.waitForSelector('.fm-list-place');
    /** The items shown, with the marks each stands for (a place item counts its mentions). */
    const shown = () => popup.evaluate(() => [...document.querySelectorAll('.popup-lists button.fm-item')].map((b) => {
      const times = b.querySelector('.fm-item-count [aria-hidden="true"]')?.textContent.match(/\d+/);
      return { id: b.dataset.annotation, marks: times ? Number(times[0]) : 1, verdicts: [...b.querySelectorAll('.fm-verdict')].map((v) => v.className.match(/fm-verdict-(\w+)/)?.[1]) };
    }));
    const chips = () => popup.evaluate(() => [...document.querySelectorAll('.popup-tally button')].map((b) => ({
      kind: b.className.match(/fm-verdict-(\w+)/)?.[1] ?? 'all',
      n: Number(b.textContent.match(/\(([\d.,\s]+)\)\s*$/)?.[1].replace(/\D/g, '')),
      pressed: b.getAttribute('aria-pressed'),
    })));
    const all = await shown();
    const tally = await chips();
    const { verdicts } = state.result.summary;
    assert.deepEqual(tally[0], { kind: 'all', n: state.result.annotations.length, pressed: 'true' }, 'the "all" chip comes first, pressed, counting every mark');
    const kinds = tally.slice(1);
    assert.deepEqual(Object.fromEntries(kinds.map((c) => [c.kind, c.n])), Object.fromEntries(Object.entries(verdicts).filter(([, n]) => n > 0)), 'a chip per verdict present, counting the verdicts');
    assert.ok(kinds.length >= 2, `seed-1 should have several verdict kinds: ${JSON.stringify(tally)}`);
    for (const chip of kinds) {
      await popup.locator(`.popup-tally button.fm-verdict-${chip.kind}`).click();
      await popup.waitForFunction((k) => document.querySelector(`.popup-tally button.fm-verdict-${k}`)?.getAttribute('aria-pressed') === 'true', chip.kind, { timeout: 3000 });
      const items = await shown();
      assert.ok(items.length > 0, `nothing shown for ${chip.kind}`);
      for (const it of items) assert.deepEqual(it.verdicts, [chip.kind], `item ${it.id} shown under the ${chip.kind} filter has verdicts ${it.verdicts}`);
      const marks = items.reduce((s, it) => s + it.marks, 0);
      assert.equal(marks, chip.n, `${chip.kind}: the lists show ${marks} marks, the tally says ${chip.n}`);
      const pressed = (await chips()).filter((c) => c.pressed === 'true').map((c) => c.kind);
      assert.deepEqual(pressed, [chip.kind], 'only the chosen chip is pressed');
      if (chip === kinds[kinds.length - 1]) {
        await popup.screenshot({ path: join(RESULTS, 'popup-filtered.png'), fullPage: true });
        assert.deepEqual(await seriousViolations(popup), [], 'serious or critical accessibility violations in the popup with a filter applied');
      }
      // Choosing the same verdict again clears the filter.
      await popup.locator(`.popup-tally button.fm-verdict-${chip.kind}`).click();
      await popup.waitForFunction(() => document.querySelector('.popup-tally button')?.getAttribute('aria-pressed') === 'true', null, { timeout: 3000 });
      assert.deepEqual(await shown(), all, `clearing the ${chip.kind} filter did not restore every item`);
    }
    // "All" clears a filter too.
    await popup.locator(`.popup-tally button.fm-verdict-${kinds[0].kind}`).click();
    await popup.locator('.popup-tally button').first().click();
    await popup.waitForFunction(() => document.querySelector('.popup-tally button')?.getAttribute('aria-pressed') === 'true', null, { timeout: 3000 });
    assert.deepEqual(await shown(), all, '"All" did not restore every item');

    // With Claims switched off, the chips count what the lists can show.
    const claims = popup.getByRole('switch', { name: 'Claims', exact: true });
    await claims.click();
    await popup.waitForSelector('.fm-list-claim', { state: 'detached', timeout: 3000 });
    const shownIds = new Set(state.result.annotations.filter((a) => a.category !== 'claim').map((a) => a.id));
    const want = {};
    for (const v of state.result.verdicts) if (shownIds.has(v.annotationId)) want[v.kind] = (want[v.kind] ?? 0) + 1;
    const without = await chips();
    assert.equal(without[0].n, shownIds.size, '"All" counts the marks shown');
    assert.deepEqual(Object.fromEntries(without.slice(1).map((c) => [c.kind, c.n])), want, 'chips count the verdicts of the categories shown');
    for (const chip of without.slice(1)) {
      await popup.locator(`.popup-tally button.fm-verdict-${chip.kind}`).click();
      await popup.waitForFunction((k) => document.querySelector(`.popup-tally button.fm-verdict-${k}`)?.getAttribute('aria-pressed') === 'true', chip.kind, { timeout: 3000 });
      assert.equal((await shown()).reduce((s, it) => s + it.marks, 0), chip.n, `${chip.kind} with Claims off`);
      await popup.locator(`.popup-tally button.fm-verdict-${chip.kind}`).click();
    }
    await claims.click();
    await popup.waitForSelector('.fm-list-claim', { timeout: 3000 });
  });

  test('the popup with the map and a filtered list: screenshot in light and dark', async () => {
    const { popup } = ctx;
    await popup.locator('.popup-tally button.fm-verdict-variant').click();
    await popup.waitForSelector('.fm-map svg');
    await popup.screenshot({ path: join(RESULTS, 'popup-map-filtered.png'), fullPage: true });
    await popup.emulateMedia({ colorScheme: 'dark' });
    await popup.screenshot({ path: join(RESULTS, 'popup-map-filtered-dark.png'), fullPage: true });
    assert.deepEqual(await seriousViolations(popup), [], 'serious or critical accessibility violations in the dark popup with a filter applied');
    await popup.emulateMedia({ colorScheme: 'light' });
    await popup.locator('.popup-tally button.fm-verdict-variant').click();
  });

  test('export as Web Annotation JSON-LD: every mark re-anchors in the page text', async () => {
    const { page, popup, state } = ctx;
    const [download] = await Promise.all([
      popup.waitForEvent('download', { timeout: 5000 }),
      popup.getByRole('button', { name: 'Web Annotation (JSON-LD)' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^factmark-127\.0\.0\.1-\d{4}-\d{2}-\d{2}\.jsonld$/);
    const doc = JSON.parse(readFileSync(await download.path(), 'utf8'));
    assert.equal(doc['@context'], 'http://www.w3.org/ns/anno.jsonld');
    assert.equal(doc.type, 'AnnotationCollection');
    const items = doc.first.items;
    assert.equal(doc.total, state.result.annotations.length);
    assert.equal(items.length, state.result.annotations.length);
    const text = state.text;
    const points = [...text]; // TextPositionSelector counts code points
    const pageText = norm(await page.evaluate(() => document.body.innerText));
    for (const item of items) {
      assert.equal(item.type, 'Annotation');
      assert.equal(item.target.source, state.article.url);
      const quote = item.target.selector.find((s) => s.type === 'TextQuoteSelector');
      const pos = item.target.selector.find((s) => s.type === 'TextPositionSelector');
      assert.ok(quote && pos, `${item.id} lacks a selector: ${JSON.stringify(item.target.selector)}`);
      for (const k of ['exact', 'prefix', 'suffix']) assert.equal(typeof quote[k], 'string', `${item.id}: ${k}`);
      assert.ok(quote.exact.length > 0);
      assert.ok(Number.isInteger(pos.start) && Number.isInteger(pos.end) && pos.end > pos.start);
      // Re-anchor: the exact text at the position, with the prefix before and the suffix after it.
      assert.equal(points.slice(pos.start, pos.end).join(''), quote.exact, `${item.id}: the position does not hold the exact text`);
      assert.ok(points.slice(0, pos.start).join('').endsWith(quote.prefix), `${item.id}: prefix`);
      assert.ok(points.slice(pos.end).join('').startsWith(quote.suffix), `${item.id}: suffix`);
      // And by quote alone: prefix + exact + suffix occurs in the article text, and the exact text in the page.
      assert.ok(text.includes(quote.prefix + quote.exact + quote.suffix), `${item.id}: the quote does not re-anchor`);
      assert.ok(pageText.includes(norm(quote.exact)), `${item.id}: "${quote.exact}" is not in the page`);
      const tag = item.body.find((b) => b.purpose === 'tagging');
      assert.ok(['place', 'figure', 'claim'].includes(tag?.value), `${item.id}: category tag`);
    }
  });

  test('export as CSV: a header and one row per mark, commas and quotes quoted', async () => {
    const { popup, state } = ctx;
    const [download] = await Promise.all([
      popup.waitForEvent('download', { timeout: 5000 }),
      popup.getByRole('button', { name: 'CSV', exact: true }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^factmark-127\.0\.0\.1-\d{4}-\d{2}-\d{2}\.csv$/);
    const raw = readFileSync(await download.path(), 'utf8');
    assert.ok(raw.startsWith('\ufeff'), 'a byte order mark, so spreadsheets read UTF-8');
    const rows = parseCsv(raw.slice(1));
    assert.deepEqual(rows[0], ['id', 'category', 'start', 'end', 'text', 'canonical', 'speaker', 'verdict', 'summary', 'evidence', 'url']);
    const body = rows.slice(1);
    assert.equal(body.length, state.result.annotations.length, 'one row per mark');
    const verdicts = new Map(state.result.verdicts.map((v) => [v.annotationId, v]));
    let tricky = 0;
    for (const [i, a] of state.result.annotations.entries()) {
      const row = body[i];
      assert.equal(row.length, 11, `row ${i + 1} has ${row.length} cells: ${JSON.stringify(row)}`);
      assert.deepEqual(row.slice(0, 4), [a.id, a.category, String(a.start), String(a.end)]);
      const text = /^[=+\-@\t\r]/.test(a.text) ? `'${a.text}` : a.text;
      assert.equal(row[4], text, `row ${i + 1}: text`);
      assert.equal(row[7], verdicts.get(a.id)?.kind ?? '', `row ${i + 1}: verdict`);
      assert.equal(row[10], state.article.url);
      if (/[",\n]/.test(a.text)) tricky++;
    }
    assert.ok(tricky > 0, 'seed-1 should have marks with commas or quotes, to test the quoting');
    // Quoted where needed and only then: each cell with a comma, quote or line break is quoted, quotes doubled.
    assert.ok(/"[^"\r\n]*,[^"\r\n]*"/.test(raw), 'a cell with a comma is quoted');
    const withQuote = state.result.annotations.find((a) => a.text.includes('"'));
    assert.ok(withQuote, 'seed-1 should have a mark with a straight quotation mark, to test the doubling');
    assert.ok(raw.includes(`"${withQuote.text.replace(/"/g, '""')}"`), `the cell for ${withQuote.id} is not quoted with its quotes doubled`);
  });
});

/** RFC 4180 parser (quoted cells, doubled quotes, CRLF); throws on a stray quote. */
function parseCsv(s) {
  const rows = [];
  let row = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  while (i < s.length) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') { cell += '"'; i += 2; continue; }
      if (c === '"') { quoted = false; i++; if (i < s.length && !',\r\n'.includes(s[i])) throw new Error(`text after a closing quote at ${i}`); continue; }
      cell += c; i++; continue;
    }
    if (c === '"') {
      if (cell !== '') throw new Error(`a quote inside an unquoted cell at ${i}`);
      quoted = true; i++; continue;
    }
    if (c === ',') { row.push(cell); cell = ''; i++; continue; }
    if (c === '\r' && s[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i += 2; continue; }
    if (c === '\n' || c === '\r') throw new Error(`a bare line break at ${i}`);
    cell += c; i++;
  }
  if (quoted) throw new Error('an unclosed quote');
  if (cell !== '' || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

test('analyse anyway: a page the article detector skipped gets marks and lists after the click', async () => {
  const page = await h.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e?.stack ?? e)));
  try {
    await page.goto(`${h.server.origin}/login.html`, { waitUntil: 'load' });
    const tabId = await tabIdOf(h, page);
    const state = await settledState(h, tabId);
    assert.equal(state?.status, 'not-article');
    const popup = await openPopup(h, tabId);
    const button = popup.getByRole('button', { name: 'Analyse this page anyway' });
    await button.waitFor({ timeout: 8000 });
    assert.deepEqual(await readMarks(page), { place: 0, figure: 0, claim: 0 }, 'marks before the click');
    assert.equal(await popup.locator('.fm-list-place').count(), 0, 'lists before the click');
    await button.click();
    const marks = await waitForMarks(page, 8000);
    assert.ok(marks.place >= 2, `no place marks after "analyse anyway": ${JSON.stringify(marks)}`);
    // The popup follows: the status and the lists of the forced analysis.
    await popup.waitForSelector('.fm-list-place', { timeout: 8000 });
    const names = await popup.locator('.fm-list-place .fm-item-name').allTextContents();
    assert.ok(names.includes('London') && names.includes('Paris'), `the popup lists ${JSON.stringify(names)}`);
    assert.equal(await button.count(), 0, 'the button stays after the analysis');
    const after = await settledState(h, tabId);
    assert.equal(after?.status, 'analysed');
    await popup.screenshot({ path: join(RESULTS, 'popup-analysed-anyway.png'), fullPage: true });
    await popup.close();
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

// Real publisher markup: every list item and map point still lands on its mark.
for (const file of ['news/bbc-1.html', 'news/nytimes-1.html']) {
  test(`${file}: every list item and map point jumps to its mark`, async () => {
    const { page, popup, state, errors } = await openAnalysed(file);
    try {
      const covered = await popup.evaluate(() => [...document.querySelectorAll('.fm-map-hit')].filter((b) => {
        const r = b.getBoundingClientRect();
        return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)?.closest('.fm-map-hit') !== b;
      }).map((b) => b.getAttribute('aria-label')));
      assert.deepEqual(covered, [], `${file}: map points a mouse cannot reach`);
      const items = await popup.evaluate(() => [...document.querySelectorAll('.popup-lists button.fm-item, .fm-map-hit')].map((b, i) => ({ i, id: b.dataset.annotation, text: (b.getAttribute('aria-label') ?? b.textContent).replace(/\s+/g, ' ').trim().slice(0, 40) })));
      assert.ok(items.length > 0, `${file}: nothing listed`);
      const buttons = popup.locator('.popup-lists button.fm-item, .fm-map-hit');
      const skipped = [];
      for (const item of items) {
        const before = await scrollAway(page, state, item.id);
        if (!before.error && inView(before)) { skipped.push(item.text); continue; } // a short page: always in view
        const click = async () => {
          try {
            await buttons.nth(item.i).click({ timeout: 1000 });
          } catch {
            await buttons.nth(item.i).focus();
            await popup.keyboard.press('Enter');
          }
        };
        await assertJump(page, state, item.id, click, `${file} item ${item.i} "${item.text}"`);
      }
      assert.ok(skipped.length < items.length / 2, `${file}: most marks are always in view: ${JSON.stringify(skipped)}`);
      assert.deepEqual(errors, []);
    } finally {
      await popup.close();
      await page.close();
    }
  });
}
