// @vitest-environment happy-dom
// The background analyses an article's first piece as soon as Readability found it, while the
// content script locates the blocks: the request that asks for exactly that piece gets that
// result (analysed once, not twice), and any other request is analysed as before.
import { describe, expect, test, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

vi.mock('../../src/analyze', async (importOriginal) => {
  const orig = await importOriginal<typeof import('../../src/analyze')>();
  return { ...orig, analyze: vi.fn(orig.analyze) };
});

import { analyze } from '../../src/analyze';
import { createBackground, type SenderLike } from '../../entrypoints/background';
import { PageSession } from '../../src/page/session';
import { extractArticleAsync as extractHere } from '../../src/article/readability';
import { DEFAULT_SETTINGS } from '../../src/settings';
import type { AnalyzeResponse, ArticleInfo, ExtractResponse } from '../../src/messages';
import type { Reference } from '../../src/reference/types';

const EXT = 'abcdefghijklmnopabcdefghijklmnop';
const emptyReference: Reference = {
  gazetteer: { version: 'test', size: 0, lookup: () => [], get: () => undefined, country: () => undefined },
  reports: [],
};
const seed = readFileSync(join(__dirname, '../fixtures/pages/seed-1.html'), 'utf8');
const analyzeMock = vi.mocked(analyze);

/** One page session against a background, with the sender the browser would give. */
async function runPage(sender: SenderLike) {
  document.documentElement.innerHTML = new DOMParser().parseFromString(seed, 'text/html').documentElement.innerHTML;
  const bg = createBackground({ extensionId: EXT, loadReference: async () => emptyReference, setBadge: () => {} });
  const sent: ArticleInfo[] = [];
  const callsBeforeRequest: number[] = [];
  const session = new PageSession({ extractHere,
    doc: document,
    extract: async (html) => {
      const r = (await bg.handleMessage(structuredClone({ type: 'content:extract', html }), sender)) as ExtractResponse;
      await new Promise((ok) => setTimeout(ok, 5)); // the background's next task runs meanwhile
      return r.ok ? r.article : undefined;
    },
    analyze: async (article) => {
      sent.push(article);
      callsBeforeRequest.push(analyzeMock.mock.calls.length);
      return (await bg.handleMessage(structuredClone({ type: 'content:analyze', article }), sender)) as AnalyzeResponse;
    },
    paintEnv: { registry: null, Highlight: null },
  }, structuredClone(DEFAULT_SETTINGS));
  analyzeMock.mockClear();
  const st = await session.run();
  const calls = analyzeMock.mock.calls.length;
  session.destroy();
  return { st, calls, sent, bg, callsBeforeRequest };
}

describe('analysing ahead', () => {
  test('the first piece is analysed once, ahead, and gives the same result as analysing on request', async () => {
    const url = document.location.href;
    const ahead = await runPage({ id: EXT, url, tab: { id: 3, url } });
    const plain = await runPage({ id: EXT, tab: { id: 3 } });
    expect(ahead.st.status).toBe('analysed');
    expect(ahead.st.result!.annotations.length).toBeGreaterThan(0);
    expect(ahead.st.result).toEqual(plain.st.result);
    expect(ahead.sent).toEqual(plain.sent);
    expect(plain.calls).toBe(1);
    expect(ahead.calls).toBe(1);
    expect(plain.callsBeforeRequest).toEqual([0]);
    expect(ahead.callsBeforeRequest).toEqual([1]); // analysed before the page asked
    expect(ahead.bg.result(3)?.result).toEqual(plain.bg.result(3)?.result);
  });

  test('a request for other text, or after the tab moved on, is analysed on request', async () => {
    const url = 'http://127.0.0.1/a.html';
    const sender = { id: EXT, url, tab: { id: 4, url } };
    const bg = createBackground({ extensionId: EXT, loadReference: async () => emptyReference, setBadge: () => {} });
    const html = new DOMParser().parseFromString(seed, 'text/html').documentElement.outerHTML;
    const ex = (await bg.handleMessage({ type: 'content:extract', html }, sender)) as ExtractResponse;
    expect(ex.ok && ex.article).toBeTruthy();
    const text = 'Officials said 1,200 people were evacuated from Kharkiv on Monday.';
    analyzeMock.mockClear();
    const r = (await bg.handleMessage({ type: 'content:analyze', article: { url, title: 'x', text } }, sender)) as AnalyzeResponse;
    expect(r.ok).toBe(true);
    expect(r.ok && r.result).toEqual(analyzeMock.mock.results.at(-1)!.value);
    expect(analyzeMock.mock.calls.some(([t]) => t === text)).toBe(true);

    // Forgotten tab: the piece analysed ahead is not used for the next page.
    await bg.handleMessage({ type: 'content:extract', html }, sender);
    bg.forgetTab(4);
    analyzeMock.mockClear();
    const whole = ex.ok && ex.article ? ex.article.blocks.join('\n\n') : '';
    await bg.handleMessage({ type: 'content:analyze', article: { url, title: 'x', text: whole } }, sender);
    await new Promise((ok) => setTimeout(ok, 5));
    expect(analyzeMock.mock.calls.map(([t]) => t)).toEqual([whole]);
  });
});
