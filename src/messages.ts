// Typed messages between the extension's own parts, named by direction, with shape checks:
// a message that does not have the expected shape is ignored, never acted on.
import type { AnalysisResult, Category } from './types';

/** What the content script found on the page and sends with its analysis request. */
export interface ArticleInfo {
  url: string;
  title: string;
  byline?: string;
  siteName?: string;
  /** ISO date of publication, where the page states it. */
  published?: string;
  /** The article text as located in the live page (offsets of annotations index this string). */
  text: string;
}

/** content -> background */
export type ContentToBackground =
  | { type: 'content:analyze'; article: ArticleInfo }
  | { type: 'content:no-article'; url: string };

/** popup -> content (through tabs.sendMessage) */
export type PopupToContent =
  | { type: 'popup:get-state' }
  | { type: 'popup:scroll-to'; annotationId: string }
  | { type: 'popup:force-analyze' };

/** The content script's state, as the popup shows it. */
export interface PageState {
  status: 'analysed' | 'not-article' | 'pending' | 'error' | 'disabled';
  error?: string;
  article?: Omit<ArticleInfo, 'text'>;
  result?: AnalysisResult;
  /** Text of the article, so the popup can show context; offsets index it. */
  text?: string;
}

export type AnalyzeResponse = { ok: true; result: AnalysisResult } | { ok: false; error: string };

const CATEGORY_SET = new Set<string>(['place', 'figure', 'claim']);
export const isCategory = (v: unknown): v is Category => typeof v === 'string' && CATEGORY_SET.has(v);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function isContentToBackground(m: unknown): m is ContentToBackground {
  if (!isRecord(m)) return false;
  if (m.type === 'content:no-article') return typeof m.url === 'string';
  if (m.type !== 'content:analyze' || !isRecord(m.article)) return false;
  const a = m.article;
  return typeof a.url === 'string' && typeof a.title === 'string' && typeof a.text === 'string' &&
    (a.published === undefined || typeof a.published === 'string');
}

export function isPopupToContent(m: unknown): m is PopupToContent {
  if (!isRecord(m)) return false;
  if (m.type === 'popup:get-state' || m.type === 'popup:force-analyze') return true;
  return m.type === 'popup:scroll-to' && typeof m.annotationId === 'string';
}
