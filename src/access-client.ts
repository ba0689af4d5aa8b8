// For the extension's pages (the popup): run Factmark in a tab now, through the background (which holds the
// activeTab grant of the click that opened the popup), and let one site run by itself in click-only mode.
import { browser } from 'wxt/browser';
import { isAccessResponse, sitePermissions, type AccessRequest, type AccessResponse } from './access';
import { updateSettings } from './ui/use-settings';

/**
 * Injects the content script into the tab unless one already runs there (`force`: a running one analyses
 * even a page that does not look like an article). Call it when the popup finds no content script.
 */
export async function runInTab(tabId: number, force = false): Promise<AccessResponse> {
  try {
    const r: unknown = await browser.runtime.sendMessage({ type: 'access:inject', tabId, force } satisfies AccessRequest);
    return isAccessResponse(r) ? r : { ok: false, error: 'no answer from the background' };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

/**
 * "Always run here": asks for the site's host permission and, when given, adds it to the sites that run by
 * themselves in click-only mode (the background registers the content script for it). Call it first thing
 * in a click handler: the browser shows its prompt only during the user's gesture. True when granted.
 */
export function alwaysRunHere(host: string): Promise<boolean> {
  const asked = browser.permissions.request({ origins: sitePermissions(host) });
  return asked.then(async (ok) => {
    if (ok) await updateSettings((s) => ({ ...s, autoSites: [...new Set([...s.autoSites, host])].sort() }));
    return ok;
  });
}
