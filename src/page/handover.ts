// Handing the page copy to the background in pieces, as the page is walked: no one message (and no
// one task of the page's) carries the whole copy, which took 2-45 ms to hand over in one go.
import { INCOMPLETE_COPY, isExtractResponse, MAX_EXTRACT_HTML, type ContentToBackground, type ExtractResponse } from '../messages';

export interface CopySender {
  /** Sends one piece of the copy being made, `first` for a new copy's first (answered with nothing; not awaited). */
  part(html: string, first: boolean): void;
  /**
   * Sends the copy's last piece and returns the background's answer (undefined: none, or malformed).
   * When the background lacks a piece (it restarted meanwhile), the whole copy is sent again in one.
   */
  finish(html: string): Promise<ExtractResponse | undefined>;
}

let copies = 0;

export function copySender(send: (m: ContentToBackground) => Promise<unknown>): CopySender {
  let copy = '';
  let parts: string[] = [];
  const ask = async (m: ContentToBackground): Promise<ExtractResponse | undefined> => {
    const r: unknown = await send(m).catch(() => undefined);
    return isExtractResponse(r) ? r : undefined;
  };
  return {
    part(html, first) {
      if (first || !parts.length) {
        // A new copy (one whose walk stopped half-way is dropped: the page changed under it).
        copy = `${Date.now().toString(36)}-${(++copies).toString(36)}`;
        parts = [];
      }
      parts.push(html);
      send({ type: 'content:extract-part', copy, seq: parts.length - 1, html }).catch(() => undefined);
    },
    async finish(html) {
      const sent = parts;
      const id = copy;
      parts = [];
      if (sent.reduce((n, p) => n + p.length, html.length) > MAX_EXTRACT_HTML) return undefined;
      if (!sent.length) return ask({ type: 'content:extract', html });
      const r = await ask({ type: 'content:extract', html, copy: id, parts: sent.length });
      if (r && !r.ok && r.error === INCOMPLETE_COPY) return ask({ type: 'content:extract', html: sent.join('') + html });
      return r;
    },
  };
}
