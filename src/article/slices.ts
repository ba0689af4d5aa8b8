// How an article's text is cut into pieces for analysis (one message each). DOM-free: the content
// script cuts the located text, and the background cuts Readability's blocks the same way to
// analyse the first piece ahead of the request.
import { BLOCK_SEPARATOR } from './text-model';

/** Longest article text sent for analysis in one message; longer articles go in slices. */
export const MAX_SLICE_CHARS = 60_000;
/** Longest article text analysed at all; beyond it the rest of the page is left unmarked. */
export const MAX_ARTICLE_CHARS = 2_000_000;

/** [start, end) pieces of at most `max` chars, cut at block boundaries where there is one; at most `limit` chars in all. */
export function sliceText(text: string, max: number, limit = Infinity): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const total = Math.min(text.length, limit);
  let start = 0;
  while (start < total) {
    let end = Math.min(total, start + max);
    if (end < total) {
      const cut = text.lastIndexOf(BLOCK_SEPARATOR, end);
      if (cut > start) end = cut;
      else {
        const sp = text.lastIndexOf(' ', end);
        if (sp > start) end = sp;
      }
    }
    out.push({ start, end });
    start = end;
    while (start < total && (text[start] === '\n' || text[start] === ' ')) start++;
  }
  return out;
}
