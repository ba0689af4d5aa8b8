// Content script: wires the page session to the browser (settings, messages, SPA navigation).
// All logic lives in src/page/ and src/article/; this file only adapts browser.* to it.
import { browser } from 'wxt/browser';
import { SETTINGS_KEY, migrateSettings } from '../src/settings';
import { isAnalyzeResponse, isFromOwnPage, isPopupToContent, type AnalyzeResponse, type ContentToBackground } from '../src/messages';
import { copySender } from '../src/page/handover';
import { PageSession } from '../src/page/session';
import { pageSheetProbe } from '../src/page/styles';

export default defineContentScript({
  // Registered by the background (src/access.ts) for the origins the run mode allows, or injected into one
  // tab on the user's click; not in the manifest, so a site withdrawn from Factmark gets nothing.
  registration: 'runtime',
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // WXT would also announce each start to the page with window.postMessage: every `message` listener
  // of the page (ad and analytics scripts have several) then runs for it, in a task of the page's, and
  // the page learns that the extension is there. Its document event (unique to this extension) is enough
  // for a newer copy of this script to stop an older one.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    try {
      const stored = await browser.storage.local.get(SETTINGS_KEY).catch(() => ({}));
      // Injected again (a click on a tab where it already ran, or registered and injected at once): WXT
      // invalidates the older copy, which unpaints. A copy invalidated while it waited stops here.
      if (ctx.isInvalid) return;
      const pageSheet = pageSheetProbe(document);
      const copy = copySender((m) => browser.runtime.sendMessage(m satisfies ContentToBackground));
      const session = new PageSession(
        {
          doc: document,
          analyze: async (article): Promise<AnalyzeResponse> => {
            const resp: unknown = await browser.runtime.sendMessage({ type: 'content:analyze', article } satisfies ContentToBackground);
            return isAnalyzeResponse(resp) ? resp : { ok: false, error: 'malformed analysis response' };
          },
          // Readability in the background, off the page's main thread, on the copy sent in pieces as the
          // page is walked; undefined -> the session reads the likely article container (no extractHere:
          // Readability is not in this script).
          extract: async (html) => {
            const resp = await copy.finish(html);
            return resp?.ok ? resp.article : undefined;
          },
          extractPart: (html, first) => copy.part(html, first),
          // The stylesheet registered with this script (PAGE_SHEET_FILE), put in before the page was built;
          // not there when Factmark was injected by a click: then the painter adds its own.
          pageSheet,
          wake: () => {
            browser.runtime.sendMessage({ type: 'content:wake' } satisfies ContentToBackground).catch(() => {});
          },
          noArticle: (url) => {
            browser.runtime.sendMessage({ type: 'content:no-article', url } satisfies ContentToBackground).catch(() => {});
          },
        },
        migrateSettings((stored as Record<string, unknown>)[SETTINGS_KEY]),
      );
      ctx.onInvalidated(() => session.destroy());

      const onStorage = (changes: Record<string, { newValue?: unknown }>, area: string) => {
        if (area === 'local' && changes[SETTINGS_KEY]) void session.updateSettings(migrateSettings(changes[SETTINGS_KEY].newValue));
      };
      browser.storage.onChanged.addListener(onStorage);
      ctx.onInvalidated(() => browser.storage.onChanged.removeListener(onStorage));

      // Only the extension's own pages (the popup) talk to this script; page scripts cannot reach
      // runtime messaging at all, and there is no window `message` listener for them to post to.
      const ownOrigin = (browser.runtime.getURL as (p: string) => string)('/');
      const onMessage = (msg: unknown, sender: { id?: string; url?: string }) => {
        if (!isFromOwnPage(sender, browser.runtime.id, ownOrigin) || !isPopupToContent(msg)) return undefined;
        return session.handle(msg);
      };
      browser.runtime.onMessage.addListener(onMessage);
      ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

      // SPA navigation: run again for the new location (the session unpaints first). The URLs are
      // read here, not from the event: a page script could dispatch an event of that name itself.
      let lastUrl = location.href;
      ctx.addEventListener(window, 'wxt:locationchange', () => {
        const oldUrl = lastUrl;
        lastUrl = location.href;
        session.navigated(oldUrl, lastUrl);
      });
      await session.run();
    } catch (e) {
      // Never throw into the page.
      console.debug('[factmark]', e);
    }
  },
});
