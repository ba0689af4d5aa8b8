// @vitest-environment happy-dom
// The preview: while Readability runs in the background, the likely article container's paragraphs
// are analysed and highlighted, and the located article's own marks replace them in one task.
import { describe, expect, test, vi } from 'vitest';
import { PageSession } from '../../src/page/session';
import { extractArticleAsync as extractHere } from '../../src/article/readability';
import { DEFAULT_SETTINGS, type Settings } from '../../src/settings';
import { isContentToBackground, type AnalyzeResponse, type ArticleInfo, type RemoteExtraction } from '../../src/messages';
import type { PaintEnv } from '../../src/page/paint';
import type { Annotation } from '../../src/types';
import { summarize } from '../../src/analyze';
import { previewable } from '../../src/article/extract';
import { FakeHighlight, SetlikeHighlight, fakeEnv as fakeHighlightEnv, readRange } from './highlight-helpers';
import { createBackground } from '../../entrypoints/background';
import type { Reference } from '../../src/reference/types';

const PARA = (n: number) =>
  `Paragraph ${n}: Ukrainian troops entered Kupyansk on Saturday, north of the front, as the counter-offensive in the region gathered pace.`;
/** In the container but not in the article: its place and its figure (the only one) go when the article is painted. */
const RELATED = 'Related coverage: life in Izyum, 73 km away, after the occupation, and what comes next for the town.';
const PAGE = `<html><head><title>Counter-offensive</title></head><body>
<nav><a href="/">Home</a></nav>
<article><h1>Ukraine retakes Kupyansk</h1>${[1, 2, 3, 4].map((n) => `<p>${PARA(n)}</p>`).join('\n')}<p>${RELATED}</p></article>
</body></html>`;
/** What Readability would find: the headline and the four paragraphs, not the related link. */
const FOUND: RemoteExtraction = {
  title: 'Counter-offensive',
  blocks: ['Ukraine retakes Kupyansk', ...[1, 2, 3, 4].map(PARA)],
  kinds: ['heading', 'text', 'text', 'text', 'text'],
};

function load(html: string) {
  document.documentElement.innerHTML = new DOMParser().parseFromString(html, 'text/html').documentElement.innerHTML;
}

function analyseText(article: ArticleInfo): AnalyzeResponse {
  const annotations: Annotation[] = [];
  for (const [word, category] of [['Kupyansk', 'place'], ['Izyum', 'place'], ['73 km', 'figure']] as const) {
    let i = -1;
    while ((i = article.text.indexOf(word, i + 1)) >= 0) {
      annotations.push({ id: `${category}:${i}`, category, start: i, end: i + word.length, text: word });
    }
  }
  annotations.sort((a, b) => a.start - b.start);
  return { ok: true, result: { annotations, verdicts: [], summary: summarize(article.text, annotations, []) } };
}

const fakeEnv = () => fakeHighlightEnv(SetlikeHighlight);
/** The marked words of a highlight, each with the start of its paragraph's text. */
const marked = (registry: Map<string, unknown>, name: string) =>
  ((registry.get(name) as FakeHighlight | undefined)?.ranges ?? []).map((r) => `${readRange(r)}@${(r.startContainer.textContent ?? '').slice(0, 12)}`);

const settings = (over: Partial<Settings> = {}): Settings => ({ ...structuredClone(DEFAULT_SETTINGS), ...over });

/** A promise with its resolve function, to hold the background's answer back. */
function later<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((ok) => { resolve = ok; });
  return { promise, resolve };
}

describe('the preview', () => {
  test('the container is highlighted before Readability answers; the article then replaces it in one paint', async () => {
    load(PAGE);
    const before = document.documentElement.outerHTML;
    const { registry, env } = fakeEnv();
    const sent: ArticleInfo[] = [];
    const answer = later<RemoteExtraction | null>();
    const analyze = vi.fn(async (a: ArticleInfo) => { sent.push(a); return analyseText(a); });
    const s = new PageSession({ extractHere, doc: document, analyze, extract: () => answer.promise, paintEnv: env }, settings());
    const run = s.run();
    await vi.waitFor(() => expect(registry.has('factmark-place')).toBe(true));
    // The preview: the container's paragraphs (the related link included), not the headline.
    expect(sent).toHaveLength(1);
    expect(sent[0].preview).toBe(true);
    expect(sent[0].text).toContain(RELATED);
    expect(sent[0].text).not.toContain('Ukraine retakes');
    expect(marked(registry, 'factmark-place')).toContain('Izyum@Related cove');
    expect(marked(registry, 'factmark-figure')).toEqual(['73 km@Related cove']);
    expect(s.getState().status).toBe('pending');

    answer.resolve(FOUND);
    const st = await run;
    expect(st.status).toBe('analysed');
    expect(sent.slice(1).every((a) => a.preview === undefined)).toBe(true);
    // The article's marks: the headline's place in, the related link's out.
    const places = marked(registry, 'factmark-place');
    expect(places).toContain('Kupyansk@Ukraine reta');
    expect(places).not.toContain('Izyum@Related cove');
    expect(places).toHaveLength(5);
    expect(registry.has('factmark-figure')).toBe(false);
    expect(st.result!.annotations.some((a) => a.text === 'Izyum')).toBe(false);
    // Switching every category off leaves the page as it was.
    await s.updateSettings(settings({ categories: { place: false, figure: false, claim: false } }));
    expect(registry.size).toBe(0);
    expect(document.documentElement.outerHTML).toBe(before);
    s.destroy();
  });

  test('when Readability finds no article, the preview marks go and the page is as before', async () => {
    load(PAGE);
    const before = document.documentElement.outerHTML;
    const { registry, env } = fakeEnv();
    const answer = later<RemoteExtraction | null>();
    const s = new PageSession({ extractHere, doc: document, analyze: async (a) => analyseText(a), extract: () => answer.promise, paintEnv: env }, settings());
    const run = s.run();
    await vi.waitFor(() => expect(registry.size).toBeGreaterThan(0));
    answer.resolve(null);
    expect((await run).status).toBe('not-article');
    expect(registry.size).toBe(0);
    expect(document.documentElement.outerHTML).toBe(before);
  });

  test('a preview answered after the article was painted is dropped', async () => {
    load(PAGE);
    const { registry, env } = fakeEnv();
    const held = later<AnalyzeResponse>();
    const analyze = vi.fn(async (a: ArticleInfo) => (a.preview ? held.promise : analyseText(a)));
    const s = new PageSession({ extractHere, doc: document, analyze, extract: async () => FOUND, paintEnv: env }, settings());
    const st = await s.run();
    expect(analyze.mock.calls[0][0].preview).toBe(true);
    const after = marked(registry, 'factmark-place');
    expect(after).not.toContain('Izyum@Related cove');
    held.resolve(analyseText(analyze.mock.calls[0][0]));
    await new Promise((ok) => setTimeout(ok, 20));
    expect(marked(registry, 'factmark-place')).toEqual(after);
    expect(s.getState()).toBe(st);
    s.destroy();
  });

  test('no preview for a container in page furniture (a comment form, an aside, navigation, a footer)', async () => {
    for (const [open, close] of [['<form>', '</form>'], ['<aside>', '</aside>'], ['<div role="navigation">', '</div>'], ['<footer>', '</footer>']]) {
      const paras = [1, 2, 3, 4].map((n) => `<p>${PARA(n)} ${PARA(n + 4)}</p>`).join(''); // long enough for the gate
      load(`<html><head><title>x</title></head><body><h1>Ukraine retakes Kupyansk</h1>${open}<div>${paras}</div>${close}</body></html>`);
      const container = document.querySelector('p')!.parentElement!;
      expect(previewable(container)).toBe(false);
      const analyze = vi.fn(async (a: ArticleInfo) => analyseText(a));
      const s = new PageSession({ extractHere, doc: document, analyze, extract: async () => FOUND, paintEnv: fakeEnv().env }, settings());
      expect((await s.run()).status).toBe('analysed');
      expect(analyze.mock.calls.some(([a]) => a.preview)).toBe(false);
      s.destroy();
    }
    load(PAGE);
    expect(previewable(document.querySelector('article')!)).toBe(true);
  });

  test('no preview where marks would be elements (no highlight API, or screen reader mode), nor without a remote Readability', async () => {
    for (const [env, over, extract] of [
      [{ registry: null, Highlight: null } as PaintEnv, {}, async () => FOUND],
      [fakeEnv().env, { screenReaderMode: true }, async () => FOUND],
      [fakeEnv().env, {}, undefined],
    ] as const) {
      load(PAGE);
      const analyze = vi.fn(async (a: ArticleInfo) => analyseText(a));
      const s = new PageSession({ extractHere, doc: document, analyze, ...(extract ? { extract } : {}), paintEnv: env }, settings(over));
      expect((await s.run()).status).toBe('analysed');
      expect(analyze.mock.calls.map(([a]) => a.preview)).toEqual([undefined]);
      s.destroy();
    }
  });
});

describe('the background and a preview', () => {
  const EXT = 'abcdefghijklmnopabcdefghijklmnop';
  const emptyReference: Reference = {
    gazetteer: { version: 'test', size: 0, lookup: () => [], get: () => undefined, country: () => undefined },
    reports: [],
  };

  test('a preview is answered but is not the tab\'s result, and its flag is checked for shape', async () => {
    const badges: string[] = [];
    const bg = createBackground({ extensionId: EXT, loadReference: async () => emptyReference, setBadge: (_t, text) => { badges.push(text); } });
    const sender = { id: EXT, tab: { id: 5 } };
    const text = 'Officials said 1,200 people were evacuated from Kharkiv on Monday.';
    const r = (await bg.handleMessage({ type: 'content:analyze', article: { url: 'http://x/', title: 't', text, preview: true } }, sender)) as AnalyzeResponse;
    expect(r.ok && r.result.annotations.length).toBeGreaterThan(0);
    expect(bg.result(5)).toBeUndefined();
    expect(badges).toEqual([]);
    await bg.handleMessage({ type: 'content:analyze', article: { url: 'http://x/', title: 't', text } }, sender);
    expect(bg.result(5)?.result.annotations.length).toBe(r.ok ? r.result.annotations.length : -1);
    expect(badges).toHaveLength(1);
    expect(isContentToBackground({ type: 'content:analyze', article: { url: 'u', title: 't', text, preview: 'yes' } })).toBe(false);
    expect(isContentToBackground({ type: 'content:analyze', article: { url: 'u', title: 't', text, preview: false } })).toBe(false);
  });
});
