// Browser harness shared by the end-to-end tests and the demo: launches Chromium with the built
// extension, finds its id, serves the fixture pages, and reads marks, tab ids and popups.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';
import { HIGHLIGHTS, readMarks, totalMarks, waitForMarks } from './marks.mjs';

export { HIGHLIGHTS, readMarks, totalMarks, waitForMarks };

export const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
/** The built extension; FACTMARK_EXT points elsewhere (e.g. a copy, when several builds share .output/). */
export const EXT = process.env.FACTMARK_EXT ? resolve(process.env.FACTMARK_EXT) : join(ROOT, '.output/chrome-mv3');
export const PAGES = join(ROOT, 'tests/fixtures/pages');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Throws a clear message when the extension has not been built or Chromium is missing. */
export function checkPrerequisites() {
  if (!existsSync(join(EXT, 'manifest.json'))) {
    throw new Error(`The built extension is missing (${EXT}/manifest.json). Run \`npm run build\` first.`);
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}. Run \`node scripts/ensure-browser.mjs chromium\` (as root it installs the Debian package) or set CHROMIUM_PATH.`);
  }
}

/**
 * Launches Chromium with the extension loaded (headless unless told otherwise) and the fixture server.
 * External http(s) requests are aborted so nothing leaves the machine, whoever makes them.
 */
export async function launch({ headless = true, viewport = { width: 1100, height: 900 } } = {}) {
  checkPrerequisites();
  const profile = mkdtempSync(join(tmpdir(), 'factmark-profile-'));
  const server = await startServer(PAGES);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless,
    viewport,
    args: [
      `--disable-extensions-except=${EXT}`,
      `--load-extension=${EXT}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const requests = [];
  context.on('request', (r) => {
    requests.push({ url: r.url(), serviceWorker: r.serviceWorker() !== null, frameUrl: safeFrameUrl(r) });
  });
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    server,
    worker,
    extensionId,
    requests,
    async close() {
      await context.close().catch(() => {});
      await server.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

function safeFrameUrl(request) {
  try {
    return request.frame().url();
  } catch {
    return undefined; // service worker requests have no frame
  }
}

/** Remembers document.body.outerHTML at DOMContentLoaded (before any document_idle content script). */
export async function recordPristineBody(page) {
  await page.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      window.__pristineBody = document.body.outerHTML;
    }, { once: true });
  });
}

/** The browser's tab id of a Playwright page: bring it to front and ask the extension for the active tab. */
export async function tabIdOf(harness, page) {
  await page.bringToFront();
  const id = await harness.worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id;
  });
  if (typeof id !== 'number') throw new Error('Could not find the tab id of the page');
  return id;
}

/** Opens the popup for a tab (popup.html?tab=ID) in its own page, sized like the real popup. */
export async function openPopup(harness, tabId) {
  const popup = await harness.context.newPage();
  await popup.setViewportSize({ width: 360, height: 600 });
  await popup.goto(`chrome-extension://${harness.extensionId}/popup.html?tab=${tabId}`);
  return popup;
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
      placeItems: [...document.querySelectorAll('.fm-list-place li')].map((li) => ({
        name: li.querySelector('.fm-item-name')?.textContent ?? '',
        written: li.querySelector('.fm-item-written')?.textContent.replace(/^written “|”$/g, '') ?? null,
        verdict: li.querySelector('.fm-verdict')?.textContent ?? null,
      })),
      figures: text('.fm-list-figure li'),
      claims: text('.fm-list-claim li'),
    };
  });
}

/** Back to default settings (all categories on, no site off), as if freshly installed. */
export async function resetSettings(harness) {
  await harness.worker.evaluate(() => chrome.storage.local.remove('factmark:settings'));
}

/** The content script's PageState for a tab, asked the way the popup asks (from the extension). */
export function pageState(harness, tabId) {
  return harness.worker.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'popup:get-state' }), tabId);
}

/** Polls the content script until it has settled (not pending); returns its PageState or undefined. */
export async function settledState(harness, tabId, timeout = 10000) {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    const state = await pageState(harness, tabId).catch(() => undefined);
    if (state && state.status !== 'pending') return state;
    await new Promise((r) => setTimeout(r, 100));
  }
  return undefined;
}
