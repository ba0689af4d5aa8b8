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
  /**
   * When a long article is sent in pieces: this piece's offset in the whole article text, its
   * place among the pieces and their number. The background merges the pieces into one result.
   */
  part?: ArticlePart;
  /**
   * A preview: the first screenful of the likely article container, analysed while Readability
   * still runs, so the first marks show sooner. Answered like any request but not kept as the
   * tab's result (the located article's pieces replace it).
   */
  preview?: true;
}

export interface ArticlePart {
  /** Offset of this piece's text in the whole article text. */
  start: number;
  /** 0-based position of this piece in the article (pieces may arrive in any order). */
  index: number;
  /** How many pieces the article was cut into. */
  of: number;
}

/** Most pieces one article may be cut into (2,000,000 characters in 60,000-character pieces need 34). */
export const MAX_PARTS = 10_000;

const isNonNegInt = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

export function isArticlePart(v: unknown): v is ArticlePart {
  if (!isRecord(v)) return false;
  return isNonNegInt(v.start) && isNonNegInt(v.index) && isNonNegInt(v.of) && v.of >= 1 && v.of <= MAX_PARTS && v.index < v.of;
}

/** content -> background */
export type ContentToBackground =
  | { type: 'content:analyze'; article: ArticleInfo }
  | { type: 'content:no-article'; url: string }
  /**
   * The page copy for Readability: whole, or its last piece after `parts` pieces sent as
   * `content:extract-part` with the same `copy` id (sent as the page is walked, so no one message
   * holds the whole copy).
   */
  | { type: 'content:extract'; html: string; copy?: string; parts?: number }
  | { type: 'content:extract-part'; copy: string; seq: number; html: string }
  /** The page looks like an article: a stopped service worker starts now, while the page is copied. */
  | { type: 'content:wake' };

/** Largest page copy (scripts, styles and media left out) the background runs Readability on. */
export const MAX_EXTRACT_HTML = 8_000_000;
/** Most pieces a page copy may be sent in, and the longest id of a copy sent in pieces. */
export const MAX_COPY_PARTS = 100_000;
const MAX_COPY_ID = 64;
/** The background's answer to a copy whose pieces it does not all hold (e.g. it restarted meanwhile): send it whole. */
export const INCOMPLETE_COPY = 'incomplete copy';

/** What Readability found in the page copy, run in the background (off the page's main thread). */
export interface RemoteExtraction {
  title?: string;
  byline?: string;
  siteName?: string;
  lang?: string;
  publishedTime?: string;
  blocks: string[];
  kinds: ('heading' | 'text')[];
}

export type ExtractResponse = { ok: true; article: RemoteExtraction | null } | { ok: false; error: string };

export function isExtractResponse(m: unknown): m is ExtractResponse {
  if (!isRecord(m)) return false;
  if (m.ok === false) return typeof m.error === 'string';
  if (m.ok !== true) return false;
  if (m.article === null) return true;
  if (!isRecord(m.article)) return false;
  const a = m.article;
  const optStr = (v: unknown) => v === undefined || typeof v === 'string';
  return Array.isArray(a.blocks) && a.blocks.every((b) => typeof b === 'string') &&
    Array.isArray(a.kinds) && a.kinds.length === a.blocks.length && a.kinds.every((k) => k === 'heading' || k === 'text') &&
    optStr(a.title) && optStr(a.byline) && optStr(a.siteName) && optStr(a.lang) && optStr(a.publishedTime);
}

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

const isCopyId = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= MAX_COPY_ID;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function isContentToBackground(m: unknown): m is ContentToBackground {
  if (!isRecord(m)) return false;
  if (m.type === 'content:no-article') return typeof m.url === 'string';
  if (m.type === 'content:wake') return true;
  if (m.type === 'content:extract') {
    if (typeof m.html !== 'string' || m.html.length > MAX_EXTRACT_HTML) return false;
    if (m.copy === undefined && m.parts === undefined) return true;
    return isCopyId(m.copy) && isNonNegInt(m.parts) && m.parts >= 1 && m.parts <= MAX_COPY_PARTS;
  }
  if (m.type === 'content:extract-part') {
    return isCopyId(m.copy) && isNonNegInt(m.seq) && m.seq < MAX_COPY_PARTS && typeof m.html === 'string' && m.html.length <= MAX_EXTRACT_HTML;
  }
  if (m.type !== 'content:analyze' || !isRecord(m.article)) return false;
  const a = m.article;
  return typeof a.url === 'string' && typeof a.title === 'string' && typeof a.text === 'string' &&
    (a.published === undefined || typeof a.published === 'string') &&
    (a.part === undefined || isArticlePart(a.part)) && (a.preview === undefined || a.preview === true);
}

export function isPopupToContent(m: unknown): m is PopupToContent {
  if (!isRecord(m)) return false;
  if (m.type === 'popup:get-state' || m.type === 'popup:force-analyze') return true;
  return m.type === 'popup:scroll-to' && typeof m.annotationId === 'string';
}

/** What the sender checks read from runtime.MessageSender. */
export interface MessageSenderLike {
  id?: string;
  url?: string;
  tab?: { id?: number };
}

/**
 * A message for the content script may come only from the extension's own pages (the popup): the
 * same extension id and, where the browser says, a URL of the extension's own origin.
 */
export function isFromOwnPage(sender: MessageSenderLike | undefined, extensionId: string, extensionOrigin: string): boolean {
  if (!sender || !extensionId || sender.id !== extensionId) return false;
  if (sender.url === undefined) return true;
  return typeof sender.url === 'string' && extensionOrigin.length > 0 && sender.url.startsWith(extensionOrigin);
}

/** The background's answer to content:analyze, checked before the content script reads it. */
export function isAnalyzeResponse(m: unknown): m is AnalyzeResponse {
  if (!isRecord(m)) return false;
  if (m.ok === false) return typeof m.error === 'string';
  if (m.ok !== true || !isRecord(m.result)) return false;
  const r = m.result;
  return Array.isArray(r.annotations) && Array.isArray(r.verdicts) && isRecord(r.summary);
}
