// Article extraction for the CLI: Readability over an HTML file parsed with linkedom (a DOM for Node),
// giving the same kind of article text the extension builds: one paragraph per block, blank lines between.
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';

export interface ExtractedArticle {
  title: string;
  byline: string | null;
  published?: string;
  text: string;
}

const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, td, th, dd, dt, figcaption';

/** Collapse runs of whitespace the way a browser renders them. */
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

export function extractArticle(html: string): ExtractedArticle | null {
  const { document } = parseHTML(html);
  const parsed = new Readability(document as unknown as Document).parse();
  if (!parsed || !parsed.content) return null;
  const { document: doc } = parseHTML(`<!doctype html><html><body>${parsed.content}</body></html>`);
  const parts: string[] = [];
  for (const el of doc.querySelectorAll(BLOCKS)) {
    // Only innermost blocks, so nested lists or quotes are not repeated.
    if (el.querySelector(BLOCKS)) continue;
    const t = squash(el.textContent ?? '');
    if (t) parts.push(t);
  }
  const text = parts.length ? parts.join('\n\n') : squash(parsed.textContent ?? '');
  return {
    title: parsed.title ?? '',
    byline: parsed.byline ?? null,
    published: isoDate(parsed.publishedTime),
    text,
  };
}

/** The date part of an ISO timestamp, or undefined when it is not one. */
export function isoDate(value: string | null | undefined): string | undefined {
  const m = value?.match(/^(\d{4}-\d{2}-\d{2})/);
  return m ? m[1] : undefined;
}
