// @vitest-environment happy-dom
// Readability in the background: the content script sends a copy of the page without scripts,
// styles and media; the background parses it with linkedom and answers the blocks to locate.
import { describe, expect, test, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createBackground, extractRemote } from '../../entrypoints/background';
import { extractArticle } from '../../src/article/readability';
import { mainContainer } from '../../src/article/extract';
import { PageSession } from '../../src/page/session';
import { extractArticleAsync as extractHere } from '../../src/article/readability';
import { DEFAULT_SETTINGS } from '../../src/settings';
import { isContentToBackground, isExtractResponse, MAX_EXTRACT_HTML, type AnalyzeResponse, type ExtractResponse } from '../../src/messages';
import type { Reference } from '../../src/reference/types';

const EXT = 'abcdefghijklmnopabcdefghijklmnop';
const emptyReference: Reference = {
  gazetteer: { version: 'test', size: 0, lookup: () => [], get: () => undefined, country: () => undefined },
  reports: [],
};
const seed = readFileSync(join(__dirname, '../fixtures/pages/seed-1.html'), 'utf8');

describe('extractRemote', () => {
  test('the same blocks and kinds as Readability in the page', () => {
    const doc = new DOMParser().parseFromString(seed, 'text/html');
    const local = extractArticle(doc)!;
    const remote = extractRemote(seed);
    expect(remote.ok).toBe(true);
    if (!remote.ok || !remote.article) throw new Error('no article');
    expect(remote.article.blocks).toEqual(local.blocks);
    expect(remote.article.kinds).toEqual(local.blockKinds);
    expect(isExtractResponse(remote)).toBe(true);
  });

  test('an empty page answers null; scripts and handlers in the copy never run', async () => {
    expect(extractRemote('<html><body></body></html>')).toEqual({ ok: true, article: null });
    const r = extractRemote('<html><body><p>Some text here.</p><script>globalThis.__ran = 1</script><img src=x onerror="globalThis.__ran = 2"></body></html>');
    expect(r.ok).toBe(true);
    await new Promise((res) => setTimeout(res, 20));
    expect((globalThis as Record<string, unknown>).__ran).toBeUndefined();
  });

  test('content:extract is shape-checked, size-limited and sender-checked', async () => {
    const bg = createBackground({ extensionId: EXT, loadReference: async () => emptyReference, setBadge: () => {} });
    expect(isContentToBackground({ type: 'content:extract', html: 'x'.repeat(MAX_EXTRACT_HTML + 1) })).toBe(false);
    expect(isContentToBackground({ type: 'content:extract', html: 5 })).toBe(false);
    expect(await bg.handleMessage({ type: 'content:extract', html: seed }, { id: 'other', tab: { id: 1 } })).toBeUndefined();
    expect(await bg.handleMessage({ type: 'content:extract', html: seed }, { id: EXT })).toBeUndefined();
    const r = (await bg.handleMessage({ type: 'content:extract', html: seed }, { id: EXT, tab: { id: 1 } })) as ExtractResponse;
    expect(r.ok && r.article?.blocks.length).toBeGreaterThan(3);
    expect(isExtractResponse({ ok: true, article: { blocks: ['a'], kinds: [] } })).toBe(false);
    expect(isExtractResponse({ ok: true, article: { blocks: ['a'], kinds: ['list'] } })).toBe(false);
  });

  test('content:wake from this extension\'s content script starts loading the reference and answers nothing', async () => {
    const loadReference = vi.fn(async () => emptyReference);
    const bg = createBackground({ extensionId: EXT, loadReference, setBadge: () => {} });
    expect(await bg.handleMessage({ type: 'content:wake' }, { id: 'other', tab: { id: 1 } })).toBeUndefined();
    expect(loadReference).not.toHaveBeenCalled();
    expect(await bg.handleMessage({ type: 'content:wake' }, { id: EXT, tab: { id: 1 } })).toBeUndefined();
    expect(loadReference).toHaveBeenCalledTimes(1);
    await bg.handleMessage({ type: 'content:wake' }, { id: EXT, tab: { id: 2 } });
    expect(loadReference).toHaveBeenCalledTimes(1); // loaded once, not once per page
  });

  test('the page session with remote extraction marks the paragraph, not the repeated heading', async () => {
    document.documentElement.innerHTML = new DOMParser().parseFromString(seed, 'text/html').documentElement.innerHTML;
    const bg = createBackground({ extensionId: EXT, loadReference: async () => emptyReference, setBadge: () => {} });
    const sent: string[] = [];
    const session = new PageSession({ extractHere,
      doc: document,
      extract: async (html) => {
        sent.push(html);
        const r = (await bg.handleMessage(structuredClone({ type: 'content:extract', html }), { id: EXT, tab: { id: 2 } })) as ExtractResponse;
        return r.ok ? r.article : undefined;
      },
      analyze: async (article) => (await bg.handleMessage(structuredClone({ type: 'content:analyze', article }), { id: EXT, tab: { id: 2 } })) as AnalyzeResponse,
      paintEnv: { registry: null, Highlight: null },
    }, structuredClone(DEFAULT_SETTINGS));
    const st = await session.run();
    expect(st.status).toBe('analysed');
    expect(sent).toHaveLength(1);
    expect(sent[0]).not.toMatch(/<style/i);
    expect(st.article?.published).toBe('2022-09-10');
    expect(document.querySelector('h1 factmark-mark')).toBeNull();
    expect(document.querySelector('article p factmark-mark')).not.toBeNull();
    session.destroy();
  });

  test('when the background cannot extract, Readability runs in the page', async () => {
    document.documentElement.innerHTML = new DOMParser().parseFromString(seed, 'text/html').documentElement.innerHTML;
    const session = new PageSession({ extractHere,
      doc: document,
      extract: async () => undefined,
      analyze: async () => ({ ok: true, result: { annotations: [], verdicts: [], summary: { counts: { place: 0, figure: 0, claim: 0 }, verdicts: { consistent: 0, differs: 0, variant: 0, ambiguous: 0, unverified: 0 }, words: 0 } } }),
      paintEnv: { registry: null, Highlight: null },
    }, structuredClone(DEFAULT_SETTINGS));
    const st = await session.run();
    expect(st.status).toBe('analysed');
    expect(st.text).toContain('Balakliya');
    session.destroy();
  });

  test('without Readability in the page (the content script), a failed background run reads the likely article container', async () => {
    document.documentElement.innerHTML = new DOMParser().parseFromString(seed, 'text/html').documentElement.innerHTML;
    const analysed: string[] = [];
    const session = new PageSession({
      doc: document,
      extract: async () => undefined,
      analyze: async (a) => {
        analysed.push(a.text);
        return { ok: true, result: { annotations: [], verdicts: [], summary: { counts: { place: 0, figure: 0, claim: 0 }, verdicts: { consistent: 0, differs: 0, variant: 0, ambiguous: 0, unverified: 0 }, words: 0 } } };
      },
      paintEnv: { registry: null, Highlight: null },
    }, structuredClone(DEFAULT_SETTINGS));
    const st = await session.run();
    expect(st.status).toBe('analysed');
    // The container's own text: the article's paragraphs, not the page's navigation or footer.
    const container = mainContainer(document).container!;
    expect(st.text).toContain('Balakliya');
    expect(st.text!.replace(/\s+/g, ' ')).toBe(container.textContent!.replace(/\s+/g, ' ').trim());
    expect(analysed.join('')).not.toBe('');
    session.destroy();
  });
});
