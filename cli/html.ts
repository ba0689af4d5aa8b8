// Article extraction for the CLI: the extension's own Readability step (src/article/extract.ts)
// over an HTML file parsed with linkedom, giving the same blocks joined by blank lines.
import { parseHTML } from 'linkedom';
import { publishedDate, toIsoDate } from '../src/article/extract';
import { readabilityBlocks } from '../src/article/readability';

export interface ExtractedArticle {
  title: string;
  byline: string | null;
  published?: string;
  text: string;
}

export function extractArticle(html: string): ExtractedArticle | null {
  const { document } = parseHTML(html);
  const doc = document as unknown as Document;
  // Metadata first: Readability changes the document it parses.
  const published = publishedDate(doc);
  const parsed = readabilityBlocks(doc);
  if (!parsed) return null;
  return {
    title: parsed.title ?? '',
    byline: parsed.byline ?? null,
    published: published ?? toIsoDate(parsed.publishedTime),
    text: parsed.blocks.join('\n\n'),
  };
}
