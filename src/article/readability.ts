// Readability itself: on a clone of the page in the page (`extractArticleAsync`: the session's fallback
// when the background cannot extract, injected as `SessionDeps.extractHere`), and on a parsed page copy
// (`readabilityBlocks`: the background, the CLI). Kept out of ./extract.ts so that the content script,
// which does not import this module, does not carry it: Chromium compiles a content script again on
// every page load (no code cache), and Readability was a third of it.
import { Readability } from '@mozilla/readability';
import { readBlocksWithKinds } from './dom-rules';
import type { RemoteExtraction } from '../messages';
import { articleFrom, CLOCK_EVERY, leftOutOfCopy, publishedDate, type ExtractedArticle } from './extract';

/** Readability on a deep clone of `doc`; null when it finds no article. Never mutates `doc`. */
export function extractArticle(doc: Document): ExtractedArticle | null {
  const clone = doc.cloneNode(true) as Document;
  // Our own elements (other than marks around page text) are not part of the page.
  for (const el of Array.from(clone.querySelectorAll('factmark-style, factmark-card, factmark-flash'))) el.remove();
  return parseClone(doc, clone);
}

/**
 * The same as `extractArticle`, with the copy made in slices (pausing when `outOfTime()`), and
 * without scripts (other than JSON-LD), styles and media. Readability itself runs in one go.
 */
export async function extractArticleAsync(doc: Document, outOfTime: () => boolean, pause: () => Promise<void>): Promise<ExtractedArticle | null> {
  let copy: Document | null = null;
  try {
    copy = await copyDocument(doc, outOfTime, pause);
  } catch {
    copy = null; // an odd document: copy it natively instead
  }
  if (!copy) return extractArticle(doc);
  await pause();
  return parseClone(doc, copy);
}

/** Readability on a parsed page copy (e.g. linkedom in the background): the blocks and metadata. */
export function readabilityBlocks(copy: Document): RemoteExtraction | null {
  const parsed = new Readability<Element>(copy, { serializer: (el) => el as Element }).parse();
  if (!parsed || !parsed.content) return null;
  const { blocks, kinds } = readBlocksWithKinds(parsed.content);
  if (!blocks.length) return null;
  const opt = (k: string, v: string | null | undefined) => (typeof v === 'string' && v ? { [k]: v } : {});
  return {
    ...opt('title', parsed.title), ...opt('byline', parsed.byline), ...opt('siteName', parsed.siteName),
    ...opt('lang', parsed.lang), ...opt('publishedTime', parsed.publishedTime),
    blocks, kinds,
  };
}

async function copyDocument(doc: Document, outOfTime: () => boolean, pause: () => Promise<void>): Promise<Document | null> {
  const src = doc.documentElement;
  if (!src) return null;
  const out = doc.implementation.createHTMLDocument('');
  const rootCopy = out.importNode(src, false) as Element;
  if (out.documentElement) out.removeChild(out.documentElement);
  out.appendChild(rootCopy);
  // Explicit stack of (source node, its copy's parent): no recursion, resumable.
  let n: Node | null = src.firstChild;
  let parent: Node = rootCopy;
  let count = 0;
  while (n) {
    if (++count % CLOCK_EVERY === 0 && outOfTime()) {
      await pause();
      if (!n.isConnected) return null; // the page moved things while we copied: copy in one go instead
    }
    let descend = false;
    if (n.nodeType === 1) {
      const el = n as Element;
      const name = el.localName;
      if (!leftOutOfCopy(el)) {
        const c = out.importNode(el, false);
        parent.appendChild(c);
        if (name === 'script') c.textContent = el.textContent; // JSON-LD: its text, not walked
        else if (el.firstChild) { parent = c; descend = true; }
      }
    } else if (n.nodeType === 3 || n.nodeType === 4) {
      parent.appendChild(out.createTextNode((n as Text).data));
    }
    if (descend) { n = n.firstChild; continue; }
    while (n && n !== src && !n.nextSibling) {
      n = n.parentNode;
      if (n && n !== src) parent = parent.parentNode ?? parent;
    }
    n = n && n !== src ? n.nextSibling : null;
  }
  return out;
}

/** Readability on a copy of `doc` made here: the same reading as the background's (readabilityBlocks). */
function parseClone(doc: Document, clone: Document): ExtractedArticle | null {
  const got = readabilityBlocks(clone);
  return got ? articleFrom(got, doc.title, publishedDate(doc)) : null;
}
