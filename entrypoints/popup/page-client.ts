// The popup's line to one tab's content script: which tab (the active one, or ?tab=ID for tests),
// its PageState, and the scroll-to / force-analyse requests. Answers are shape-checked before use.
import { browser } from 'wxt/browser';
import type { PageState, PopupToContent } from '../../src/messages';

/** The tab the popup speaks to: `?tab=ID` when given (tests, debugging), else the active tab. */
export async function resolveTabId(search: string = location.search): Promise<number | undefined> {
  const param = new URLSearchParams(search).get('tab');
  if (param !== null && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

const STATUSES = new Set(['analysed', 'not-article', 'pending', 'error', 'disabled']);

export function isPageState(v: unknown): v is PageState {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as Record<string, unknown>;
  if (typeof s.status !== 'string' || !STATUSES.has(s.status)) return false;
  if (s.result !== undefined) {
    const r = s.result as Record<string, unknown> | null;
    if (typeof r !== 'object' || r === null || !Array.isArray(r.annotations) || !Array.isArray(r.verdicts)) return false;
  }
  return true;
}

async function send(tabId: number, message: PopupToContent): Promise<unknown> {
  return browser.tabs.sendMessage(tabId, message);
}

/** The content script's state, or undefined when no content script answers (browser pages, old tabs). */
export async function getPageState(tabId: number): Promise<PageState | undefined> {
  try {
    const answer = await send(tabId, { type: 'popup:get-state' });
    return isPageState(answer) ? answer : undefined;
  } catch {
    return undefined;
  }
}

export async function scrollTo(tabId: number, annotationId: string): Promise<void> {
  await send(tabId, { type: 'popup:scroll-to', annotationId }).catch(() => undefined);
}

export async function forceAnalyze(tabId: number): Promise<PageState | undefined> {
  try {
    const answer = await send(tabId, { type: 'popup:force-analyze' });
    return isPageState(answer) ? answer : undefined;
  } catch {
    return undefined;
  }
}

/** The hostname of the tab's page, where the popup may know it (for the per-site switch). */
export async function tabHostname(tabId: number, state: PageState | undefined): Promise<string | undefined> {
  const fromState = state?.article?.url;
  let url = fromState;
  if (!url) {
    try {
      url = (await browser.tabs.get(tabId)).url;
    } catch {
      url = undefined;
    }
  }
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.hostname : undefined;
  } catch {
    return undefined;
  }
}
