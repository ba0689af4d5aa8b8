// Article extraction in the page: the cheap "is this an article?" gate, the page copy serialised for
// Readability in the background, the metadata Factmark needs (title, byline, site, publication date)
// and the likely article container. Readability itself is in ./readability.ts, which the content
// script does not import (Chromium compiles a content script on every page load; it was a third of it):
// only its small gate module is used here (./readerable.ts).
import { isProbablyReaderable } from './readerable';
import type { BlockKind } from './dom-rules';
import type { RemoteExtraction } from '../messages';
import { trace } from '../page/trace';

export interface ExtractedArticle {
  title: string;
  byline?: string;
  siteName?: string;
  /** ISO date (YYYY-MM-DD) of publication, where the page states it. */
  published?: string;
  lang?: string;
  /** The article's text blocks in reading order, whitespace-normalised. */
  blocks: string[];
  /** Each block's kind (heading or other text), parallel to `blocks`: locating prefers live text of the same kind. */
  blockKinds: BlockKind[];
}

/** Cheap gate: does this look like an article? Reads the document, changes nothing. */
export function looksLikeArticle(doc: Document, visible?: (node: Node) => boolean): boolean {
  try {
    return isProbablyReaderable(doc, visible ? { visibilityChecker: visible } : undefined);
  } catch {
    return false;
  }
}

/** The page walks (copy, serialisation) read the clock once in this many nodes. */
export const CLOCK_EVERY = 16;

/** Subtrees left out of the copy Readability reads: it drops them anyway, and they cost copying. */
const NOT_COPIED = new Set(['style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'video', 'audio', 'link']);

/**
 * Readability run elsewhere (the background, on a copy serialised without scripts, styles and media):
 * only the serialisation, made in slices as the page is walked, runs in the page. When the remote run
 * fails, `here` runs it in the page (`extractArticleAsync` of ./readability.ts); without `here` the
 * answer is undefined: no extraction (the session then reads the likely container). `meanwhile` runs in
 * the page while the remote side works (after the copy is sent, before its answer is awaited).
 */
export async function extractArticleRemote(
  doc: Document,
  outOfTime: () => boolean,
  pause: () => Promise<void>,
  remote: (html: string) => Promise<RemoteExtraction | null | undefined>,
  { meanwhile, sendPart, here, published = () => publishedDate(doc) }: {
    meanwhile?: () => Promise<unknown>;
    /** Readability in the page, for when the remote run fails. */
    here?: () => Promise<ExtractedArticle | null>;
    sendPart?: (html: string, first: boolean) => void;
    /** The page's own publication date (`publishedDate`), when the caller has read it already. */
    published?: () => string | undefined;
  } = {},
): Promise<ExtractedArticle | null | undefined> {
  // The copy is serialised as it is walked (in slices): no DOM copy, no outerHTML in one long task;
  // with `sendPart`, each slice's piece goes to the other side as it is made and `remote` gets the rest.
  let html: string | null = null;
  try {
    trace('serialize-start');
    html = await serializeCopy(doc, outOfTime, pause, sendPart);
    trace(`serialized ${html?.length}`);
  } catch {
    html = null;
  }
  if (html === null) return here?.();
  let got: RemoteExtraction | null | undefined;
  try {
    // Sent in a slice of its own: handing over a copy of 100-250 KB in one takes the browser 2-45 ms.
    if (!sendPart) await pause();
    // Sent; while the other side works, the page's own share (e.g. reading its live text) goes on.
    const asked = remote(html);
    asked.catch(() => undefined);
    if (meanwhile) await meanwhile().catch(() => undefined);
    got = await asked;
    trace('extract-got');
  } catch {
    got = undefined;
  }
  if (got === undefined) {
    // The background could not do it: do it here, on a copy, when the caller can.
    if (!here) return undefined;
    await pause();
    return here();
  }
  if (!got || !got.blocks.length) return null;
  return articleFrom(got, doc.title, published());
}

/**
 * The article of a Readability answer (`readabilityBlocks`, in the background or on a copy here), with the
 * page's title and `publishedDate` where Readability has none.
 */
export function articleFrom(got: RemoteExtraction, docTitle: string | undefined, docPublished: string | undefined): ExtractedArticle {
  return {
    ...remoteTitleAndDate(got, docTitle, docPublished),
    byline: clean(got.byline),
    siteName: clean(got.siteName),
    lang: clean(got.lang),
    blocks: got.blocks,
    blockKinds: got.kinds,
  };
}

/**
 * The title and publication date of an article Readability found elsewhere, as the page session
 * sends them for analysis, from the page's title and `publishedDate` (of the live page, or in the
 * background of the parsed copy, read before Readability changes it).
 */
export function remoteTitleAndDate(got: RemoteExtraction, docTitle: string | undefined, docPublished: string | undefined): { title: string; published: string | undefined } {
  return { title: clean(got.title) ?? clean(docTitle) ?? '', published: docPublished ?? toIsoDate(got.publishedTime) };
}

/** Left out of the page copy: scripts (but JSON-LD), styles, media and Factmark's own UI (its marks stay). */
export function leftOutOfCopy(el: Element): boolean {
  const name = el.localName;
  return NOT_COPIED.has(name) || (name.startsWith('factmark-') && name !== 'factmark-mark') ||
    (name === 'script' && (el.getAttribute('type') ?? '').toLowerCase() !== 'application/ld+json');
}

/** Elements the HTML serialiser writes without children or end tag. */
const VOID = new Set(['area', 'base', 'basefont', 'bgsound', 'br', 'col', 'embed', 'frame', 'hr', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** Elements whose text the HTML serialiser writes as it is (not escaped). */
const RAW_TEXT = new Set(['style', 'script', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);

const escapeText = (s: string): string =>
  /[&<>\u00a0]/.test(s) ? s.replace(/[&<>\u00a0]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&nbsp;')) : s;
const escapeAttr = (s: string): string =>
  /[&"<>\u00a0]/.test(s) ? s.replace(/[&"<>\u00a0]/g, (c) => (c === '&' ? '&amp;' : c === '"' ? '&quot;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&nbsp;')) : s;

function startTag(el: Element, keep?: (name: string) => boolean): string {
  let t = `<${el.localName}`;
  // By name, not through `attributes`: reading that makes an Attr node for every attribute, which
  // the page then keeps (thousands of nodes per page).
  for (const name of el.getAttributeNames()) {
    if (!keep || keep(name)) t += ` ${name}="${escapeAttr(el.getAttribute(name) ?? '')}"`;
  }
  return `${t}>`;
}

/**
 * The attributes the page copy keeps: those Readability (0.6) and the copy's metadata reading
 * (`publishedDate`, `readBlocksWithKinds`) look at. Images keep all of theirs (Readability reads
 * any attribute that names an image file). The rest (data-*, event handlers, tracking, ARIA labels,
 * titles) only cost copying, sending and parsing: a page's copy is about a third smaller.
 */
const COPY_ATTRIBUTES = new Set([
  'class', 'id', 'style', 'hidden', 'aria-hidden', 'aria-modal', 'role', 'href', 'rel', 'itemprop', 'lang', 'dir',
  'name', 'property', 'content', 'charset', 'type', 'colspan', 'rowspan', 'datatable', 'summary', 'datetime', 'pubdate',
  'contenteditable', 'src', 'srcset',
]);
const keepAttribute = (name: string): boolean => COPY_ATTRIBUTES.has(name);
/** Elements whose attributes are all copied. */
const ALL_ATTRIBUTES = new Set(['img', 'picture', 'figure', 'source']);
/** Elements inside which whitespace is kept as it is. */
const KEEP_SPACE = new Set(['pre', 'textarea', 'listing', 'plaintext', 'xmp']);
/** A run of at least two collapsible spaces: one is kept (a line break if the run had one). */
const SPACE_RUN = /[ \t\n\r\f]{2,}/g;
const collapseSpace = (s: string): string => s.replace(SPACE_RUN, (w) => (w.includes('\n') ? '\n' : ' '));

/**
 * The page as HTML, the same copy `copyDocument` makes (no scripts other than JSON-LD, styles,
 * media or Factmark's own UI), serialised as the walk goes, in slices, and slimmed: only the
 * attributes Readability reads (`COPY_ATTRIBUTES`; images keep all) and runs of collapsible
 * whitespace cut to one character outside `pre` (indentation is often half a page's text; every
 * reader of the copy normalises whitespace). Null when the page moved things while it was read.
 * With `flush`, what each slice made is handed to it at the start of the next slice (`first` for this
 * walk's first piece), and only the rest is returned (the pieces and the rest, joined, are the copy).
 */
export async function serializeCopy(doc: Document, outOfTime: () => boolean, pause: () => Promise<void>, flush?: (html: string, first: boolean) => void): Promise<string | null> {
  const src = doc.documentElement;
  if (!src) return null;
  const out: string[] = [startTag(src, keepAttribute)];
  let n: Node | null = src.firstChild;
  let count = 0;
  /** How many open elements keep their whitespace (pre, textarea). */
  let keepSpace = 0;
  let flushed = false;
  while (n) {
    if (++count % CLOCK_EVERY === 0 && outOfTime()) {
      await pause();
      if (!n.isConnected) return null;
      if (flush && out.length) {
        flush(out.join(''), !flushed);
        flushed = true;
        out.length = 0;
      }
    }
    let descend = false;
    if (n.nodeType === 1) {
      const el = n as Element;
      const name = el.localName;
      if (!leftOutOfCopy(el)) {
        out.push(startTag(el, ALL_ATTRIBUTES.has(name) ? undefined : keepAttribute));
        if (VOID.has(name)) {
          // no children, no end tag
        } else if (name === 'script') {
          out.push(el.textContent ?? '', '</script>'); // JSON-LD: its text, not walked
        } else if (el.firstChild) {
          descend = true;
          if (KEEP_SPACE.has(name)) keepSpace++;
        } else out.push(`</${name}>`);
      }
    } else if (n.nodeType === 3 || n.nodeType === 4) {
      const data = keepSpace ? (n as Text).data : collapseSpace((n as Text).data);
      const parent = n.parentNode as Element | null;
      out.push(parent && RAW_TEXT.has(parent.localName) ? data : escapeText(data));
    }
    if (descend) { n = n.firstChild; continue; }
    while (n && n !== src && !n.nextSibling) {
      n = n.parentNode;
      if (n && n !== src) {
        const name = (n as Element).localName;
        if (KEEP_SPACE.has(name)) keepSpace--;
        out.push(`</${name}>`);
      }
    }
    n = n && n !== src ? n.nextSibling : null;
  }
  out.push(`</${src.localName}>`);
  return out.join('');
}

/** Whitespace collapsed and trimmed; undefined for nothing left. */
function clean(s: string | null | undefined): string | undefined {
  const t = s?.replace(/\s+/g, ' ').trim();
  return t ? t : undefined;
}

/** The meta tags that state a publication date, in order of trust: [attribute, value] (meta[attribute="value"]). */
const META_DATE_KEYS: readonly (readonly [string, string])[] = [
  ['property', 'article:published_time'],
  ['name', 'article:published_time'],
  ['property', 'og:article:published_time'],
  ['itemprop', 'datePublished'],
  ['name', 'parsely-pub-date'],
  ['name', 'pubdate'],
  ['name', 'publishdate'],
  ['name', 'date'],
  ['name', 'dc.date.issued'],
  ['name', 'DC.date.issued'],
  ['name', 'sailthru.date'],
];

/**
 * The page's stated publication date: meta tags, then JSON-LD, then <time datetime>. Each kind of
 * element is gathered in one query and matched here (the first in document order per key, as
 * querySelector would): in the background's linkedom every query walks the whole copy.
 */
export function publishedDate(doc: Document): string | undefined {
  const metas = Array.from(doc.getElementsByTagName('meta'));
  for (const [attr, value] of META_DATE_KEYS) {
    const d = toIsoDate(metas.find((m) => m.getAttribute(attr) === value)?.getAttribute('content') ?? undefined);
    if (d) return d;
  }
  for (const script of Array.from(doc.getElementsByTagName('script'))) {
    if ((script.getAttribute('type') ?? '').toLowerCase() !== 'application/ld+json') continue;
    try {
      const d = toIsoDate(findDatePublished(JSON.parse(script.textContent ?? ''), 0));
      if (d) return d;
    } catch {
      // malformed JSON-LD: ignore
    }
  }
  // time[pubdate][datetime], [itemprop="datePublished"][datetime], time[datetime]: the first of any.
  const time = Array.from(doc.querySelectorAll('[datetime]')).find((el) => el.localName === 'time' || el.getAttribute('itemprop') === 'datePublished');
  return toIsoDate(time?.getAttribute('datetime') ?? undefined);
}

function findDatePublished(v: unknown, depth: number): string | undefined {
  if (depth > 8 || typeof v !== 'object' || v === null) return undefined;
  if (Array.isArray(v)) {
    for (const x of v) {
      const d = findDatePublished(x, depth + 1);
      if (d) return d;
    }
    return undefined;
  }
  const o = v as Record<string, unknown>;
  if (typeof o.datePublished === 'string') return o.datePublished;
  if (o['@graph']) return findDatePublished(o['@graph'], depth + 1);
  return undefined;
}

/** "2022-09-10T14:00:00+03:00" -> "2022-09-10" (the date as written, no time-zone shift). */
export function toIsoDate(s: string | undefined): string | undefined {
  if (!s) return undefined;
  const t = s.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(t);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  if (/^\d{8}$/.test(t)) return `${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)}`;
  const ms = Date.parse(t);
  if (Number.isNaN(ms)) return undefined;
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * Cheap stand-in for Readability on enormous pages: the element whose direct paragraphs hold the
 * most text (Readability's core signal), found with native queries only. Null when none stands out.
 */
export function mainContainer(doc: Document): { container: Element | null; paragraphChars: number } {
  const score = new Map<Element, number>();
  let best: Element | null = null;
  let bestScore = 0;
  let total = 0;
  for (const p of Array.from(doc.querySelectorAll('p'))) {
    const parent = p.parentElement;
    if (!parent) continue;
    const len = p.textContent?.length ?? 0;
    total += len;
    const v = (score.get(parent) ?? 0) + len;
    score.set(parent, v);
    if (v > bestScore) { bestScore = v; best = parent; }
  }
  return { container: bestScore >= 500 ? best : null, paragraphChars: total };
}

/** Page furniture a paragraph container inside is not an article (a comment form, a sidebar, a footer). */
const NOT_ARTICLE_PART = 'form, nav, aside, footer, [role="complementary"], [role="navigation"], [role="contentinfo"], [role="search"]';

/**
 * Is `mainContainer`'s pick worth a preview (marks shown before Readability answers)? Not when it sits
 * in a form, navigation, aside or footer: there it is most likely not the article's text.
 */
export function previewable(container: Element): boolean {
  try {
    return container.closest(NOT_ARTICLE_PART) === null;
  } catch {
    return false;
  }
}

