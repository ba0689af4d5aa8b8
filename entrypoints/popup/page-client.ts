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
const CATEGORIES = new Set(['place', 'figure', 'claim']);
const KINDS = ['consistent', 'differs', 'variant', 'ambiguous', 'unverified'] as const;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const optString = (v: unknown) => v === undefined || typeof v === 'string';
const hasText = (v: unknown) => isRecord(v) && typeof v.text === 'string';

/** What the popup reads of an annotation: its span, category, and the parts it shows. */
function isAnnotation(v: unknown): boolean {
  if (!isRecord(v)) return false;
  if (typeof v.id !== 'string' || typeof v.category !== 'string' || !CATEGORIES.has(v.category)) return false;
  if (!isNum(v.start) || !isNum(v.end) || v.end < v.start || typeof v.text !== 'string') return false;
  if (v.place !== undefined && !(isRecord(v.place) && typeof v.place.name === 'string')) return false;
  if (v.figure !== undefined && !(isRecord(v.figure) && typeof v.figure.kind === 'string')) return false;
  if (v.claim !== undefined && !(isRecord(v.claim) && hasText(v.claim.source) && hasText(v.claim.cue))) return false;
  return true;
}

function isVerdict(v: unknown): boolean {
  if (!isRecord(v)) return false;
  if (typeof v.annotationId !== 'string' || !(KINDS as readonly unknown[]).includes(v.kind) || typeof v.summary !== 'string') return false;
  return Array.isArray(v.evidence) && v.evidence.every((e) => isRecord(e) && typeof e.ref === 'string' && typeof e.label === 'string');
}

function isSummary(v: unknown): boolean {
  if (!isRecord(v) || !isRecord(v.counts) || !isRecord(v.verdicts) || !isNum(v.words)) return false;
  return [...CATEGORIES].every((c) => isNum((v.counts as Record<string, unknown>)[c])) && KINDS.every((k) => isNum((v.verdicts as Record<string, unknown>)[k]));
}

/**
 * Is this a PageState the popup can show: a known status; optional strings where strings go; an
 * optional article with url and title; an optional result with arrays of well-formed annotations
 * and verdicts (its summary, when present, well-formed too).
 */
export function isPageState(v: unknown): v is PageState {
  if (!isRecord(v)) return false;
  if (typeof v.status !== 'string' || !STATUSES.has(v.status)) return false;
  if (!optString(v.error) || !optString(v.text)) return false;
  if (v.article !== undefined) {
    const a = v.article;
    if (!isRecord(a) || typeof a.url !== 'string' || typeof a.title !== 'string') return false;
    if (!optString(a.published) || !optString(a.byline) || !optString(a.siteName)) return false;
  }
  if (v.result !== undefined) {
    const r = v.result;
    if (!isRecord(r) || !Array.isArray(r.annotations) || !Array.isArray(r.verdicts)) return false;
    if (!r.annotations.every(isAnnotation) || !r.verdicts.every(isVerdict)) return false;
    if (r.summary !== undefined && !isSummary(r.summary)) return false;
  }
  return true;
}

/**
 * A content script's answer -> the state to show, or undefined when there is none to show: no
 * answer (no content script) or an answer that is not a PageState. The popup shows both as "cannot
 * read this tab" (tests/unit/ui-popup.test.tsx holds it to that), never the malformed data. A
 * result without a summary gets one counted from its annotations and verdicts.
 */
export function toPageState(answer: unknown): PageState | undefined {
  if (!isPageState(answer)) return undefined;
  const r = answer.result;
  if (!r || r.summary) return answer;
  const counts = { place: 0, figure: 0, claim: 0 };
  for (const a of r.annotations) counts[a.category]++;
  const verdicts = { consistent: 0, differs: 0, variant: 0, ambiguous: 0, unverified: 0 };
  for (const x of r.verdicts) verdicts[x.kind]++;
  const words = answer.text?.match(/\S+/g)?.length ?? 0;
  return { ...answer, result: { ...r, summary: { counts, verdicts, words } } };
}

async function send(tabId: number, message: PopupToContent): Promise<unknown> {
  return browser.tabs.sendMessage(tabId, message);
}

/** The content script's state, or undefined when no content script answers (browser pages, old tabs). */
export async function getPageState(tabId: number): Promise<PageState | undefined> {
  try {
    return toPageState(await send(tabId, { type: 'popup:get-state' }));
  } catch {
    return undefined;
  }
}

export async function scrollTo(tabId: number, annotationId: string): Promise<void> {
  await send(tabId, { type: 'popup:scroll-to', annotationId }).catch(() => undefined);
}

export async function forceAnalyze(tabId: number): Promise<PageState | undefined> {
  try {
    return toPageState(await send(tabId, { type: 'popup:force-analyze' }));
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
