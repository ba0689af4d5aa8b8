// Firefox harness for the end-to-end tests: launches Debian's firefox-esr through puppeteer-core over
// WebDriver BiDi, installs the built extension as a temporary add-on, serves the fixture pages, reads marks.
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { startServer } from '../../scripts/serve.mjs';
import { HIGHLIGHTS, readMarks, totalMarks, waitForMarks } from './marks.mjs';

export { HIGHLIGHTS, readMarks, totalMarks, waitForMarks };

export const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
export const EXT = join(ROOT, '.output/firefox-mv3');
export const PAGES = join(ROOT, 'tests/fixtures/pages');
export const FIREFOX = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';

/**
 * The moz-extension:// host of the add-on. Firefox picks a random one per profile at install unless the
 * profile already maps the add-on id to one (`extensions.webextensions.uuids`, the pref Firefox itself
 * keeps that map in); we seed the map so the popup's address is known. Nothing else changes for the add-on.
 */
export const EXTENSION_UUID = '5c1f0a2e-7d3b-4e8a-9f6c-fac7ad0c0de1';

export function readManifest() {
  return JSON.parse(readFileSync(join(EXT, 'manifest.json'), 'utf8'));
}

/** Throws a clear message when the Firefox build or Firefox itself is missing. */
export function checkPrerequisites() {
  if (!existsSync(join(EXT, 'manifest.json'))) {
    throw new Error(`The Firefox build is missing (${EXT}/manifest.json). Run \`npx wxt build -b firefox\` first.`);
  }
  if (!existsSync(FIREFOX)) {
    throw new Error(`Firefox not found at ${FIREFOX}. Run \`node scripts/ensure-browser.mjs firefox\` (as root it installs the Debian package firefox-esr) or set FIREFOX_PATH.`);
  }
}

/**
 * A sink standing in for the internet: Firefox is told to use it as its HTTP and HTTPS proxy (127.0.0.1 is
 * never proxied), so every request for another host lands here, is recorded and fails at once.
 */
async function startSink() {
  const seen = [];
  const server = createServer((req, res) => {
    seen.push({ method: req.method, url: req.url });
    res.writeHead(502, { 'content-type': 'text/plain' });
    res.end('blocked by the test harness');
  });
  server.on('connect', (req, socket) => {
    seen.push({ method: 'CONNECT', url: `https://${req.url}/` });
    socket.end('HTTP/1.1 502 Blocked\r\n\r\n');
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    port,
    seen,
    close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(() => ok()); }),
  };
}

/** Prefs that keep Firefox's own background traffic quiet, so what reaches the sink comes from pages or add-ons. */
function quietPrefs(sinkPort) {
  return {
    'extensions.webextensions.uuids': JSON.stringify({ [readManifest().browser_specific_settings.gecko.id]: EXTENSION_UUID }),
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': sinkPort,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': sinkPort,
    'network.proxy.share_proxy_settings': false,
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': false,
    'network.dns.disablePrefetch': true,
    'network.prefetch-next': false,
    'network.http.speculative-parallel-limit': 0,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'dom.push.connection.enabled': false,
    'browser.safebrowsing.update.enabled': false,
    'browser.safebrowsing.provider.mozilla.updateURL': '',
    'services.settings.server': 'http://127.0.0.1:9/',
    'extensions.getAddons.cache.enabled': false,
    'extensions.update.enabled': false,
    'extensions.systemAddon.update.enabled': false,
    'app.normandy.enabled': false,
    'browser.region.update.enabled': false,
    'browser.search.update': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.enabled': false,
  };
}

/**
 * Launches headless firefox-esr, installs the built extension as a temporary add-on and serves the fixture
 * pages. Returns the pieces the tests use.
 */
export async function launch({ headless = true, root = PAGES, extension = true } = {}) {
  checkPrerequisites();
  const server = await startServer(root);
  const sink = await startSink();
  let browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless,
      // Without it, WebDriver BiDi may not open or script moz-extension:// pages.
      args: ['--remote-allow-system-access'],
      defaultViewport: { width: 1100, height: 900 },
      // Release builds ignore services.settings.server (remote settings) unless this is set.
      env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
      extraPrefsFirefox: quietPrefs(sink.port),
    });
    // extension: false gives the same browser without the add-on, for baselines (the page's own errors and DOM).
    const addonId = extension ? await browser.installExtension(EXT) : null;
    const origin = `moz-extension://${EXTENSION_UUID}`;
    // An extension page kept open for the tests' own calls into the WebExtension API (tab ids, badges).
    // ?tab=0 names no tab (Firefox numbers tabs from 1), so this page asks no content script anything useful.
    const helper = extension ? await openExtensionPage(browser, `${origin}/popup.html?tab=0`, '[role="switch"]') : null;
    return {
      browser,
      server,
      sink,
      addonId,
      origin,
      helper,
      async close() {
        await browser.close().catch(() => {});
        await server.close();
        await sink.close();
      },
    };
  } catch (err) {
    await browser?.close().catch(() => {});
    await server.close();
    await sink.close();
    throw err;
  }
}

/**
 * Opens a moz-extension:// page in a new tab. page.goto to extension pages may never resolve over BiDi,
 * so it is not awaited: the page counts as open once `selector` is in it.
 */
export async function openExtensionPage(browser, url, selector, timeout = 10000) {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(errorRecord(e)));
  page.goto(url, { waitUntil: 'domcontentloaded', timeout }).catch(() => {});
  // The wait starts while the tab may still be on about:blank. Over BiDi, the navigation can destroy the
  // realm the wait runs in, which fails it at once ("Waiting for selector failed", cause: the realm);
  // that is not the page's answer, so the wait is restarted until the time is up. A timeout is final.
  const deadline = Date.now() + timeout;
  const causes = [];
  for (;;) {
    try {
      await page.waitForSelector(selector, { timeout: Math.max(1, deadline - Date.now()) });
      break;
    } catch (err) {
      causes.push(`${err}${err?.cause ? ` (cause: ${err.cause})` : ''}`);
      if (err?.name !== 'TimeoutError' && Date.now() < deadline - 100) {
        await new Promise((r) => setTimeout(r, 100));
        continue;
      }
      const body = await page.evaluate(() => document.body?.innerText ?? '').catch(() => '');
      await page.close().catch(() => {});
      throw new Error(`${url} did not show ${selector} within ${timeout} ms (page text: ${JSON.stringify(body.slice(0, 200))}): ${causes.join('; ')}`);
    }
  }
  page.errors = errors;
  return page;
}

/**
 * page.goto that tolerates Firefox's WebDriver BiDi aborting the navigation when one of the page's own
 * iframes lands on an error page (a blocked third-party frame: "Address rejected", about:neterror): the
 * page counts as loaded once the top document is at `url` and complete.
 */
export async function gotoPage(page, url, timeout = 20000) {
  try {
    await page.goto(url, { waitUntil: 'load', timeout });
  } catch (err) {
    if (!/Address rejected|NS_ERROR|neterror/.test(String(err))) throw err;
    await page.waitForFunction((u) => location.href === u && document.readyState === 'complete', { timeout, polling: 100 }, url)
      .catch(() => { throw err; });
  }
}

/** Remembers document.body.outerHTML at DOMContentLoaded (before any document_idle content script). */
export async function recordPristineBody(page) {
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('DOMContentLoaded', () => {
      window.__pristineBody = document.body.outerHTML;
    }, { once: true });
  });
}

/** Waits until a category's marks are present (or gone). */
export async function waitForCategory(page, category, present, timeout = 5000) {
  await page.waitForFunction(
    (cat, want) => {
      const n = (globalThis.CSS?.highlights?.get(`factmark-${cat}`)?.size ?? 0) +
        document.querySelectorAll(`[data-factmark-category="${cat}"]`).length;
      return want ? n > 0 : n === 0;
    },
    { timeout, polling: 50 },
    category,
    present,
  );
}

/** The browser's tab id of the tab showing `url`, asked of the WebExtension API from the helper page. */
export async function tabIdOf(h, url) {
  const id = await h.helper.evaluate(async (u) => {
    const tabs = await browser.tabs.query({});
    return tabs.find((t) => t.url === u)?.id;
  }, url);
  if (typeof id !== 'number') throw new Error(`Could not find the tab id of ${url}`);
  return id;
}

/** The content script's PageState for a tab (what the popup asks it: status, result, error). */
export function pageState(h, tabId) {
  return h.helper.evaluate((id) => browser.tabs.sendMessage(id, { type: 'popup:get-state' }), tabId);
}

/**
 * Polls the content script until it has settled (not pending: the located article painted, not only
 * the preview); returns its PageState or undefined.
 */
export async function settledState(h, tabId, timeout = 15000) {
  for (const end = Date.now() + timeout; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) {
    const st = await pageState(h, tabId).catch(() => undefined);
    if (st && st.status !== 'pending') return st;
  }
  return undefined;
}

/** Writes Factmark's settings from the helper page (the content script listens to storage changes). */
export function writeSettings(h, settings) {
  return h.helper.evaluate((s) => browser.storage.local.set({ 'factmark:settings': s }), {
    version: 1,
    categories: { place: true, figure: true, claim: true },
    disabledSites: [],
    screenReaderMode: false,
    ...settings,
  });
}

/** Badge text of a tab, from the helper page (`action` in MV3). */
export function badgeOf(h, tabId) {
  return h.helper.evaluate((id) => (browser.action ?? browser.browserAction).getBadgeText({ tabId: id }), tabId);
}

/** Opens the popup for a tab (popup.html?tab=ID) in its own tab, sized like the real popup. */
export async function openPopup(h, tabId) {
  const popup = await openExtensionPage(h.browser, `${h.origin}/popup.html?tab=${tabId}`, '[role="switch"]');
  await popup.setViewport({ width: 360, height: 600 });
  return popup;
}

/** Waits until the popup has a settled answer from the page (not loading, not analysing). */
export async function waitForPopupSettled(popup, timeout = 10000) {
  await popup.waitForFunction(() => {
    const s = document.querySelector('.popup-status')?.textContent ?? '';
    return s.length > 0 && !s.includes('Reading the page') && !s.includes('Analysing');
  }, { timeout, polling: 100 });
}

/** What the popup reports: status text, title, counts per category, list items. */
export function readPopup(popup) {
  return popup.evaluate(() => {
    const text = (sel) => [...document.querySelectorAll(sel)].map((e) => e.textContent.replace(/\s+/g, ' ').trim());
    const counts = {};
    for (const el of document.querySelectorAll('[data-count]')) {
      const m = el.textContent.match(/\d+/);
      counts[el.getAttribute('data-count')] = m ? Number(m[0]) : null;
    }
    return {
      status: text('.popup-status').join(' '),
      title: text('.popup-title')[0] ?? null,
      counts,
      places: text('.fm-list-place li'),
      placeNames: text('.fm-list-place .fm-item-name'),
      figures: text('.fm-list-figure li'),
      claims: text('.fm-list-claim li'),
    };
  });
}

/** The popup's switch named `name` (role="switch"): its state, and a click on it when it differs from `on`. */
export async function setSwitch(popup, name, on) {
  const state = () => popup.evaluate((n) => {
    const sw = [...document.querySelectorAll('[role="switch"]')].find((e) => e.textContent.trim() === n);
    return sw ? sw.getAttribute('aria-checked') : null;
  }, name);
  const now = await state();
  if (now === null) throw new Error(`The popup has no switch named ${name}`);
  if (now !== String(on)) {
    const handle = await popup.evaluateHandle((n) =>
      [...document.querySelectorAll('[role="switch"]')].find((e) => e.textContent.trim() === n), name);
    await handle.asElement().click();
    await handle.dispose();
  }
  await popup.waitForFunction(
    (n, v) => [...document.querySelectorAll('[role="switch"]')].some((e) => e.textContent.trim() === n && e.getAttribute('aria-checked') === v),
    { timeout: 3000 },
    name,
    String(on),
  );
}

/**
 * The page errors a fixture page throws on its own, with no content script in it: the page loaded in an
 * iframe (the extension's content script runs in top-level documents only: no all_frames in the manifest).
 */
export async function ownErrorsOf(h, path) {
  const page = await h.browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(errorRecord(e)));
  try {
    await page.goto(`${h.server.origin}/__blank__`, { waitUntil: 'load' });
    await page.evaluate(async (src) => {
      const f = document.createElement('iframe');
      f.src = src;
      await new Promise((ok) => { f.onload = ok; document.body.append(f); });
    }, `/${path}`);
    await new Promise((r) => setTimeout(r, 300));
    return errors;
  } finally {
    await page.close();
  }
}

/** A page error as the tests keep it. */
export function errorRecord(e) {
  return { message: String(e?.message ?? e), stack: String(e?.stack ?? '') };
}

/**
 * Firefox reports a page's own failed cross-origin fetches (its remote scripts and fonts, which this
 * offline machine answers with 502) as page errors, whenever the failure happens to land: they are the
 * network's doing, not the extension's (which makes no request at all: the network test checks that), so
 * they are left out of the comparison unless they name the extension's own URL.
 */
const PAGE_NETWORK_ERROR = /^Cross-Origin Request Blocked: .* remote resource at (?!moz-extension:)\S+/;

/** Errors in `seen` beyond those in `own` (multiset difference by message), page network failures aside. */
export function errorsBeyond(seen, own) {
  const left = own.map((o) => o.message);
  return seen.filter((e) => !PAGE_NETWORK_ERROR.test(e.message)).filter((e) => {
    const i = left.indexOf(e.message);
    if (i === -1) return true;
    left.splice(i, 1);
    return false;
  });
}
