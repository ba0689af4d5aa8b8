// End-to-end tests in Chromium of where Factmark runs (issue 5): the manifest's permissions, the content
// script registered at run time, click-only mode (options page), host access withdrawn and given back the
// way a user does it in chrome://extensions ("Site access"), injection through the background's handler,
// a site that runs by itself in click-only mode, registrations across a service-worker restart, and a
// content script injected twice. Permission prompts cannot be answered headless: those steps are tested
// by hand (README.md, docs/architecture.md "Where Factmark runs").
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXT, launch, recordPristineBody, tabIdOf, waitForMarks } from './harness.mjs';
import { ownElements, readMarks, totalMarks } from './marks.mjs';
import { stopServiceWorker } from './pages-harness.mjs';

const BROAD = ['http://*/*', 'https://*/*'];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
let h;

before(async () => {
  h = await launch();
});
after(async () => {
  await h?.close();
});

/** The current service worker (it changes after a restart). */
const worker = () => h.context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${h.extensionId}/`)) ?? h.worker;
const inWorker = (fn, arg) => worker().evaluate(fn, arg);
const registered = () => inWorker(() => chrome.scripting.getRegisteredContentScripts());
const hasBroad = () => inWorker((o) => chrome.permissions.contains({ origins: o }), BROAD);
const storedSettings = () => inWorker(() => chrome.storage.local.get('factmark:settings').then((s) => s['factmark:settings']));

async function until(what, fn, timeout = 8000) {
  const end = Date.now() + timeout;
  let last;
  while (Date.now() < end) {
    last = await fn().catch((e) => e);
    if (last === true) return;
    await sleep(100);
  }
  assert.fail(`timed out waiting for ${what} (last: ${last})`);
}

/** Opens a fixture page and returns it once loaded. */
async function open(file) {
  const page = await h.context.newPage();
  await recordPristineBody(page);
  await page.goto(`${h.server.origin}/${file}`, { waitUntil: 'load' });
  return page;
}

/** Does a Factmark content script answer in this tab (asked as the popup asks)? */
const answers = (tabId) => inWorker((id) => chrome.tabs.sendMessage(id, { type: 'popup:get-state' }).then(() => true, () => false), tabId);

/** The extension's options page (kept open: it is also where the "popup" requests come from). */
let optionsPage;
async function options() {
  if (!optionsPage || optionsPage.isClosed()) {
    optionsPage = await h.context.newPage();
    await optionsPage.goto(`chrome-extension://${h.extensionId}/options.html`);
  }
  await optionsPage.waitForSelector('[data-testid="access"] input[type="radio"]:not([disabled])');
  return optionsPage;
}

/** The background's injection handler, asked from an extension page as the popup asks it. */
async function injectThroughBackground(tabId) {
  const p = await options();
  return p.evaluate((id) => chrome.runtime.sendMessage({ type: 'access:inject', tabId: id }), tabId);
}

/** Chrome's own "Site access" control (chrome://extensions), which the user sets by hand. */
async function siteAccess(call) {
  const page = await h.context.newPage();
  try {
    await page.goto(`chrome://extensions/?id=${h.extensionId}`);
    await page.evaluate(call, h.extensionId);
  } finally {
    await page.close();
  }
}

async function assertUntouched(page, what) {
  await sleep(1500); // well past document_idle and a first analysis
  assert.equal(totalMarks(await readMarks(page)), 0, `${what}: marks`);
  assert.equal(await ownElements(page), 0, `${what}: factmark-* elements`);
  assert.equal(await page.evaluate(() => document.body.outerHTML === window.__pristineBody), true, `${what}: DOM changed`);
  assert.equal(await answers(await tabIdOf(h, page)), false, `${what}: a content script answers`);
}

test('manifest: activeTab and scripting, host access for running by itself, no static content script', () => {
  const m = JSON.parse(readFileSync(join(EXT, 'manifest.json'), 'utf8'));
  for (const p of ['storage', 'activeTab', 'scripting']) assert.ok(m.permissions.includes(p), `permission ${p}`);
  assert.deepEqual(m.host_permissions, BROAD);
  assert.equal(m.content_scripts, undefined, 'the content script is registered at run time, not in the manifest');
  assert.ok(m.commands['run-on-page'], 'a keyboard command runs Factmark in the current tab');
});

test('every site (default): the content script is registered for http and https and marks an article', async () => {
  await until('the registration', async () => JSON.stringify((await registered()).map((s) => s.matches)) === JSON.stringify([BROAD]));
  assert.equal(await hasBroad(), true);
  const page = await open('seed-1.html');
  assert.ok(totalMarks(await waitForMarks(page)) > 0, 'seed-1 marked');
  await page.close();
});

test('options: "Run only when I click" stops running by itself; Chromium keeps the access it gave at install', async () => {
  const p = await options();
  await p.getByRole('radio', { name: /Run only when I click Factmark/ }).check();
  await until('click mode stored', async () => (await storedSettings())?.runMode === 'click');
  await until('the registration removed', async () => (await registered()).length === 0);
  // Chromium refuses permissions.remove for host access granted at install ("required"); the page says so.
  assert.equal(await hasBroad(), true);
  await p.waitForSelector('[data-testid="access-kept"]');
  assert.match(await p.textContent('[data-testid="access-kept"]'), /On click/);
  const page = await open('seed-1.html');
  await assertUntouched(page, 'click mode, new page');
  await page.close();
  // Back to every site: the request resolves at once (access still held), no prompt.
  await p.getByRole('radio', { name: /Run automatically on every site/ }).check();
  await until('auto mode stored', async () => (await storedSettings())?.runMode === 'auto');
  await until('registered again', async () => (await registered()).length === 1);
});

test('access withdrawn in chrome://extensions (Site access: On click): click mode, no host access, nothing runs', async () => {
  await siteAccess((id) => chrome.developerPrivate.updateExtensionConfiguration({ extensionId: id, hostAccess: 'ON_CLICK' }));
  await until('host access gone', async () => (await hasBroad()) === false);
  await until('the mode follows', async () => (await storedSettings())?.runMode === 'click');
  await until('the registration removed', async () => (await registered()).length === 0);
  const p = await options();
  await p.waitForFunction(() => document.querySelector('input[value="click"]')?.checked === true);
  assert.match(await p.textContent('[data-testid="access-status"]'), /no access to every site/);

  const page = await open('seed-1.html');
  await assertUntouched(page, 'no host access, new page');
  // Without activeTab (no click on the toolbar button headless) and without host access, injection is refused.
  const tabId = await tabIdOf(h, page);
  const r = await injectThroughBackground(tabId);
  assert.equal(r.ok, false, JSON.stringify(r));
  assert.match(r.error, /permission|access/i);
  await assertUntouched(page, 'refused injection');
  await page.close();
});

test('injection through the background where access allows; a second injection paints nothing twice', async () => {
  // A page opened while Factmark has no access: nothing runs there.
  const page = await open('seed-1.html');
  await assertUntouched(page, 'no access yet');
  const tabId = await tabIdOf(h, page);
  // Site access "On specific sites" for the fixture server (what a click's activeTab grants for one tab).
  await siteAccess((id) => chrome.developerPrivate.addHostPermission(id, '*://127.0.0.1/*'));
  await until('access to 127.0.0.1', () => inWorker(() => chrome.permissions.contains({ origins: ['http://127.0.0.1/*', 'https://127.0.0.1/*'] })));
  // A site given access in the browser runs by itself from now on (new pages); the open page is left alone.
  await until('the site listed', async () => JSON.stringify((await storedSettings())?.autoSites) === '["127.0.0.1"]');
  await until('registered for the site', async () => JSON.stringify((await registered()).map((s) => s.matches)) === JSON.stringify([['*://127.0.0.1/*']]));
  assert.equal(totalMarks(await readMarks(page)), 0, 'the page opened before is not touched by itself');
  assert.deepEqual(await injectThroughBackground(tabId), { ok: true, injected: true });
  const once = await waitForMarks(page);
  assert.ok(totalMarks(once) > 0, 'marks after injection');
  await sleep(1000);
  const settled = await readMarks(page);
  const elements = await ownElements(page);
  assert.deepEqual(await injectThroughBackground(tabId), { ok: true, injected: false }, 'not injected again where it runs');
  // Injected twice regardless (e.g. registered and clicked at once): the older copy gives way.
  await inWorker((id) => chrome.scripting.executeScript({ target: { tabId: id }, files: ['/content-scripts/content.js'] }).then(() => true), tabId);
  await sleep(2500);
  assert.deepEqual(await readMarks(page), settled, 'same marks after a second injection');
  assert.equal(await ownElements(page), elements, 'no second set of factmark-* elements');
  assert.equal(await page.evaluate(() => document.querySelectorAll('factmark-style').length <= 1), true);
  await page.close();
});

test('a site that runs by itself in click mode: registered for it alone, kept across a service-worker restart, removable', async () => {
  const p = await options();
  // Listed by the previous test; removed, then added back through the options page.
  await p.getByRole('button', { name: 'Remove 127.0.0.1' }).click();
  await until('the registration removed', async () => (await registered()).length === 0);
  await p.fill('#auto-site-input', 'http://127.0.0.1/whatever');
  // The host is still granted, so the browser answers without a prompt.
  await p.getByRole('button', { name: 'Always run here' }).click();
  await until('the site stored', async () => JSON.stringify((await storedSettings())?.autoSites) === '["127.0.0.1"]');
  await until('registered for the site', async () => JSON.stringify((await registered()).map((s) => s.matches)) === JSON.stringify([['*://127.0.0.1/*']]));
  let page = await open('seed-2.html');
  assert.ok(totalMarks(await waitForMarks(page)) > 0, 'the listed site runs by itself');
  await page.close();

  // Stop the service worker (as Chromium does when it is idle); the registration is the browser's and outlives it.
  await worker().evaluate(() => { self.__beforeRestart = true; });
  assert.deepEqual(await stopServiceWorker(h, p), { success: true });
  await sleep(1000);
  page = await open('seed-2.html');
  assert.ok(totalMarks(await waitForMarks(page)) > 0, 'still runs after the worker stopped');
  await page.close();
  assert.equal(await inWorker(() => self.__beforeRestart === true), false, 'the worker restarted');
  await sleep(500);
  assert.deepEqual((await registered()).map((s) => s.matches), [['*://127.0.0.1/*']]);

  // Remove it from the list: not registered any more, a new page gets nothing.
  await p.getByRole('button', { name: 'Remove 127.0.0.1' }).click();
  await until('the registration removed', async () => (await registered()).length === 0);
  page = await open('seed-2.html');
  await assertUntouched(page, 'site removed from the list');
  await page.close();
});

test('access given back in chrome://extensions (Site access: On all sites): every site again', async () => {
  await siteAccess((id) => chrome.developerPrivate.updateExtensionConfiguration({ extensionId: id, hostAccess: 'ON_ALL_SITES' }));
  await until('host access back', hasBroad);
  await until('the mode follows', async () => (await storedSettings())?.runMode === 'auto');
  await until('registered for every site', async () => JSON.stringify((await registered()).map((s) => s.matches)) === JSON.stringify([BROAD]));
  const p = await options();
  await p.waitForFunction(() => document.querySelector('input[value="auto"]')?.checked === true);
  const page = await open('seed-1.html');
  assert.ok(totalMarks(await waitForMarks(page)) > 0, 'marks on a new page');
  await page.close();
});
