// @vitest-environment happy-dom
// Tests for the page session: gate, extract, locate, analyse (faked), paint, toggles, popup answers, card.
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { PageSession } from '../../src/page/session';
import { extractArticleAsync as extractHere } from '../../src/article/readability';
import { DEFAULT_SETTINGS, type Settings } from '../../src/settings';
import type { AnalyzeResponse, ArticleInfo } from '../../src/messages';
import type { Annotation } from '../../src/types';
import { summarize } from '../../src/analyze';

const PARA = (n: number) =>
  `<p>Paragraph ${n}: Ukrainian troops entered Kupyansk on Saturday, about 73 km north of Izyum, as the counter-offensive in the Kharkiv region gathered pace and Russian forces withdrew from positions they had held since spring.</p>`;
const ARTICLE = `<html><head><title>Counter-offensive</title><meta property="article:published_time" content="2022-09-10T12:00:00Z"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Ukraine retakes Kupyansk</h1>${[1, 2, 3, 4, 5].map(PARA).join('\n')}</article>
<footer>Copyright Kupyansk Times</footer></body></html>`;
const NOT_ARTICLE = '<html><head><title>Shop</title></head><body><nav><a href="/">Home</a></nav><div>Buy things in Kyiv</div><input value="x"></body></html>';

function load(html: string) {
  document.documentElement.innerHTML = new DOMParser().parseFromString(html, 'text/html').documentElement.innerHTML;
}

const fakeAnalyze = vi.fn(async (article: ArticleInfo): Promise<AnalyzeResponse> => {
  const annotations: Annotation[] = [];
  for (const [word, category] of [['Kupyansk', 'place'], ['Izyum', 'place'], ['73 km', 'figure']] as const) {
    let i = -1;
    while ((i = article.text.indexOf(word, i + 1)) >= 0) {
      annotations.push({ id: `${category}:${i}`, category, start: i, end: i + word.length, text: word,
        ...(category === 'place' ? { place: { name: word === 'Kupyansk' ? 'Kupiansk' : 'Izium', kind: 'city', country: 'UA', region: 'Kharkiv Oblast', population: 27000 } } : { figure: { kind: 'measure', value: 73, unit: 'km' } }) });
    }
  }
  annotations.sort((a, b) => a.start - b.start);
  const verdicts = annotations.filter((a) => a.place).map((a) => ({ annotationId: a.id, kind: 'variant' as const, summary: `spelled ${a.place!.name} in the gazetteer`, evidence: [{ ref: 'geonames:1', label: `${a.place!.name}, Kharkiv Oblast, Ukraine` }] }));
  return { ok: true, result: { annotations, verdicts, summary: summarize(article.text, annotations, verdicts) } };
});

const settings = (over: Partial<Settings> = {}): Settings => ({ ...structuredClone(DEFAULT_SETTINGS), ...over });
const NO_HL = { registry: null, Highlight: null };

beforeEach(() => { fakeAnalyze.mockClear(); });

describe('PageSession', () => {
  test('an article is extracted, analysed and painted; state answers the popup', async () => {
    load(ARTICLE);
    const s = new PageSession({ extractHere, doc: document, analyze: fakeAnalyze, paintEnv: NO_HL }, settings());
    const state = await s.run();
    expect(state.status).toBe('analysed');
    expect(fakeAnalyze).toHaveBeenCalledTimes(1);
    const article = fakeAnalyze.mock.calls[0][0];
    expect(article.published).toBe('2022-09-10');
    expect(article.text).toContain('Paragraph 1: Ukrainian troops entered Kupyansk');
    expect(article.text).not.toContain('Copyright');
    expect(article.text).not.toContain('Home');
    const places = document.querySelectorAll('factmark-mark[data-factmark-category="place"]');
    expect(places.length).toBeGreaterThanOrEqual(10); // five paragraphs, and the headline where Readability keeps it
    expect(document.querySelector('footer factmark-mark')).toBeNull();
    expect([...places].every((m) => m.textContent === 'Kupyansk' || m.textContent === 'Izyum')).toBe(true);
    expect((await s.handle({ type: 'popup:get-state' })).result!.summary.counts.place).toBe(places.length);
    s.destroy();
  });

  test('the background is woken once the page passes the gate, before the page is copied, and not for other pages', async () => {
    load(ARTICLE);
    const order: string[] = [];
    const wake = vi.fn(() => { order.push('wake'); });
    const extract = vi.fn(async () => { order.push('extract'); return undefined; });
    const s = new PageSession({ extractHere, doc: document, analyze: fakeAnalyze, wake, extract, paintEnv: NO_HL }, settings());
    expect((await s.run()).status).toBe('analysed');
    expect(order.slice(0, 2)).toEqual(['wake', 'extract']);
    expect(wake).toHaveBeenCalledTimes(1);
    s.destroy();
    load(NOT_ARTICLE);
    const other = vi.fn();
    const t = new PageSession({ extractHere, doc: document, analyze: fakeAnalyze, wake: other, paintEnv: NO_HL }, settings());
    expect((await t.run()).status).toBe('not-article');
    expect(other).not.toHaveBeenCalled();
    t.destroy();
  });

  test('non-article pages are left completely alone', async () => {
    load(NOT_ARTICLE);
    const before = document.documentElement.outerHTML;
    const noArticle = vi.fn();
    const s = new PageSession({ extractHere, doc: document, analyze: fakeAnalyze, noArticle, paintEnv: NO_HL }, settings());
    expect((await s.run()).status).toBe('not-article');
    expect(document.documentElement.outerHTML).toBe(before);
    expect(fakeAnalyze).not.toHaveBeenCalled();
    expect(noArticle).toHaveBeenCalledTimes(1);
    // Forcing runs anyway.
    const forced = await s.handle({ type: 'popup:force-analyze' });
    expect(fakeAnalyze).toHaveBeenCalledTimes(1);
    expect(['analysed', 'not-article']).toContain(forced.status);
  });

  test('disabled sites are not touched', async () => {
    load(ARTICLE);
    const before = document.documentElement.outerHTML;
    const s = new PageSession({ extractHere, doc: document, analyze: fakeAnalyze, paintEnv: NO_HL }, settings({ disabledSites: [location.hostname] }));
    expect((await s.run()).status).toBe('disabled');
    expect(document.documentElement.outerHTML).toBe(before);
  });

  test('running twice paints once; toggles act live and all-off restores the page exactly', async () => {
    load(ARTICLE);
    const before = document.documentElement.outerHTML;
    const s = new PageSession({ extractHere, doc: document, analyze: fakeAnalyze, paintEnv: NO_HL }, settings());
    await s.run();
    const once = document.documentElement.outerHTML;
    await s.run();
    expect(document.documentElement.outerHTML).toBe(once);
    await s.updateSettings(settings({ categories: { place: false, figure: true, claim: true } }));
    expect(document.querySelectorAll('[data-factmark-category="place"]').length).toBe(0);
    expect(document.querySelectorAll('[data-factmark-category="figure"]').length).toBe(5);
    await s.updateSettings(settings({ categories: { place: false, figure: false, claim: false } }));
    expect(document.documentElement.outerHTML).toBe(before);
    await s.updateSettings(settings());
    expect(document.documentElement.outerHTML).toBe(once);
    s.destroy();
    expect(document.documentElement.outerHTML).toBe(before);
  });

  test('analysis errors are recorded, never thrown, and leave the page alone', async () => {
    load(ARTICLE);
    const before = document.documentElement.outerHTML;
    const s = new PageSession({ extractHere, doc: document, analyze: async () => { throw new Error('background gone'); }, paintEnv: NO_HL }, settings());
    const st = await s.run();
    expect(st.status).toBe('error');
    expect(st.error).toContain('background gone');
    expect(document.documentElement.outerHTML).toBe(before);
    const bad = new PageSession({ extractHere, doc: document, analyze: async () => ({ ok: false, error: 'no reference' }), paintEnv: NO_HL }, settings());
    expect((await bad.run()).error).toBe('no reference');
  });

  test('the stylesheet goes in while the first slice is analysed, and out again when nothing is found', async () => {
    load(ARTICLE);
    const before = document.documentElement.outerHTML;
    let during: { style: boolean; body: string } | null = null;
    const s = new PageSession({ extractHere,
      doc: document,
      paintEnv: NO_HL,
      analyze: async (a) => {
        during = { style: document.querySelector('factmark-style') !== null, body: document.body.outerHTML };
        return { ok: true, result: { annotations: [], verdicts: [], summary: summarize(a.text, [], []) } };
      },
    }, settings());
    const bodyBefore = document.body.outerHTML;
    expect((await s.run()).status).toBe('analysed');
    expect(during).toEqual({ style: true, body: bodyBefore }); // restyled ahead; the page's content untouched
    expect(document.documentElement.outerHTML).toBe(before);
    s.destroy();
  });

  test('annotations with offsets outside the text are dropped, not painted', async () => {
    load(ARTICLE);
    const s = new PageSession({ extractHere, doc: document, paintEnv: NO_HL, analyze: async (a) => ({ ok: true, result: { annotations: [{ id: 'place:-5', category: 'place', start: -5, end: 3, text: 'x' }, { id: 'place:0', category: 'place', start: 0, end: a.text.length + 10, text: 'x' }], verdicts: [], summary: summarize(a.text, [], []) } }) }, settings());
    expect((await s.run()).status).toBe('analysed');
    expect(document.querySelectorAll('factmark-mark').length).toBe(0);
  });

  test('keyboard: Alt+Shift+J selects the next mark and shows its card; Escape dismisses', async () => {
    load(ARTICLE);
    const s = new PageSession({ extractHere, doc: document, analyze: fakeAnalyze, paintEnv: NO_HL }, settings({ screenReaderMode: true }));
    await s.run();
    const key = (code: string, extra: KeyboardEventInit = {}) => document.dispatchEvent(new KeyboardEvent('keydown', { code, key: code, bubbles: true, ...extra }));
    key('KeyJ', { altKey: true, shiftKey: true });
    const card = document.querySelector('factmark-card');
    expect(card).not.toBeNull();
    expect(card!.shadowRoot).toBeNull(); // closed shadow root: the page cannot reach into it
    key('Escape');
    expect(document.querySelector('factmark-card')).toBeNull();
    // scroll-to from the popup selects and shows the card too
    const first = (await s.handle({ type: 'popup:get-state' })).result!.annotations[0];
    await s.handle({ type: 'popup:scroll-to', annotationId: first.id });
    expect(document.querySelector('factmark-card')).not.toBeNull();
    s.destroy();
    expect(document.querySelector('factmark-card, factmark-flash, factmark-style, factmark-mark')).toBeNull();
  });
});

describe('in-app navigation', () => {
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  test('a changed fragment changes nothing; a new path unpaints at once and analyses the new page once', async () => {
    load(ARTICLE);
    const s = new PageSession({ extractHere, doc: document, analyze: fakeAnalyze, paintEnv: NO_HL }, settings());
    await s.run();
    const before = document.querySelectorAll('factmark-mark').length;
    expect(before).toBeGreaterThan(0);
    s.navigated('http://x.test/a', 'http://x.test/a#section-2', 10);
    await sleep(40);
    expect(fakeAnalyze).toHaveBeenCalledTimes(1);
    expect(document.querySelectorAll('factmark-mark').length).toBe(before);

    // Several navigations in a row: the marks go at once, one run for the last.
    s.navigated('http://x.test/a', 'http://x.test/b', 30);
    expect(document.querySelectorAll('factmark-mark').length).toBe(0);
    expect(s.getState().status).toBe('pending');
    s.navigated('http://x.test/b', 'http://x.test/c', 30);
    await vi.waitFor(() => expect(s.getState().status).toBe('analysed'));
    expect(fakeAnalyze).toHaveBeenCalledTimes(2);
    expect(document.querySelectorAll('factmark-mark').length).toBe(before);
    expect(document.querySelectorAll('factmark-mark factmark-mark').length).toBe(0);
    s.destroy();
  });

  test('destroy cancels a pending navigation run', async () => {
    load(ARTICLE);
    const s = new PageSession({ extractHere, doc: document, analyze: fakeAnalyze, paintEnv: NO_HL }, settings());
    s.navigated('http://x.test/a', 'http://x.test/b', 20);
    s.destroy();
    await sleep(60);
    expect(fakeAnalyze).not.toHaveBeenCalled();
    expect(document.querySelector('factmark-mark')).toBeNull();
  });

  test('switching screen-reader mode on repaints with focusable, described element marks, once', async () => {
    load(ARTICLE);
    const s = new PageSession({ extractHere, doc: document, analyze: fakeAnalyze, paintEnv: NO_HL }, settings());
    await s.run();
    expect(document.querySelector('factmark-mark[tabindex]')).toBeNull();
    await s.updateSettings(settings({ screenReaderMode: true }));
    const marks = [...document.querySelectorAll('factmark-mark')];
    expect(marks.length).toBeGreaterThan(0);
    expect(document.querySelectorAll('factmark-mark factmark-mark').length).toBe(0);
    const place = marks.find((m) => m.getAttribute('data-factmark-category') === 'place')!;
    expect(place.getAttribute('role')).toBe('mark');
    expect(place.getAttribute('tabindex')).toBe('0');
    expect(place.getAttribute('aria-description')).toMatch(/variant/i);
    s.destroy();
  });
});
