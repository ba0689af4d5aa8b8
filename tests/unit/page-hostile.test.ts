// @vitest-environment happy-dom
// Hostile and huge input for the page session: slices of a long article, article growth (and churn
// that is not growth), a page that clears the highlight registry.
import { afterEach, describe, expect, test, vi } from 'vitest';
import { PageSession, sliceText, MAX_SLICE_CHARS } from '../../src/page/session';
import { extractArticleAsync as extractHere } from '../../src/article/readability';
import { resetGrowthRuns } from '../../src/page/growth';
import { DEFAULT_SETTINGS } from '../../src/settings';
import type { AnalyzeResponse, ArticleInfo } from '../../src/messages';
import type { Annotation } from '../../src/types';
import { summarize } from '../../src/analyze';
import { SetlikeHighlight, fakeEnv, readRange } from './highlight-helpers';

const PARA = (n: number) => `<p>Paragraph ${n}: Ukrainian troops entered Kupyansk on Saturday, about 73 km north of Izyum, as the counter-offensive in the Kharkiv region gathered pace and Russian forces withdrew.</p>`;
const page = (n: number) => `<html><head><title>Long</title></head><body><nav><a href="/">Home</a></nav><article id="a"><h1>Ukraine retakes Kupyansk</h1>${Array.from({ length: n }, (_, i) => PARA(i + 1)).join('\n')}</article><footer>Footer</footer></body></html>`;
function load(html: string) {
  document.documentElement.innerHTML = new DOMParser().parseFromString(html, 'text/html').documentElement.innerHTML;
}
const analyze = vi.fn(async (article: ArticleInfo): Promise<AnalyzeResponse> => {
  const annotations: Annotation[] = [];
  let i = -1;
  while ((i = article.text.indexOf('Kupyansk', i + 1)) >= 0) annotations.push({ id: `place:${i}`, category: 'place', start: i, end: i + 8, text: 'Kupyansk' });
  return { ok: true, result: { annotations, verdicts: annotations.map((a) => ({ annotationId: a.id, kind: 'variant' as const, summary: 'Kupiansk', evidence: [] })), summary: summarize(article.text, annotations, []) } };
});
const NO_HL = { registry: null, Highlight: null };
const settings = () => structuredClone(DEFAULT_SETTINGS);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

afterEach(() => { analyze.mockClear(); resetGrowthRuns(); });

describe('huge articles', () => {
  test('sliceText: pieces in order, each at most max, cut at block boundaries, covering the text', () => {
    const text = Array.from({ length: 50 }, (_, i) => `Block ${i} `.repeat(20).trim()).join('\n\n');
    const sl = sliceText(text, 1000);
    expect(sl.length).toBeGreaterThan(1);
    for (const s of sl) {
      expect(s.end - s.start).toBeLessThanOrEqual(1000);
      expect(s.end === text.length || text.slice(s.end, s.end + 2) === '\n\n').toBe(true);
    }
    expect(sl.map((s) => text.slice(s.start, s.end)).join('\n\n')).toBe(text);
    expect(sliceText(text, 1000, 3000).at(-1)!.end).toBeLessThanOrEqual(3000);
  });

  test('an article longer than one message is analysed in slices; marks land on the right words, with unique ids', async () => {
    const n = Math.ceil((MAX_SLICE_CHARS * 1.5) / 200);
    load(page(n));
    const s = new PageSession({ extractHere, doc: document, analyze, paintEnv: NO_HL }, settings());
    const st = await s.run();
    expect(st.status).toBe('analysed');
    expect(analyze.mock.calls.length).toBeGreaterThanOrEqual(2);
    for (const [a] of analyze.mock.calls) expect(a.text.length).toBeLessThanOrEqual(MAX_SLICE_CHARS);
    const marks = [...document.querySelectorAll('factmark-mark')];
    expect(marks.length).toBe(n + 1);
    expect(marks.every((m) => m.textContent === 'Kupyansk')).toBe(true);
    const ids = st.result!.annotations.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const a of st.result!.annotations) expect(st.text!.slice(a.start, a.end)).toBe('Kupyansk');
    expect(st.result!.verdicts.every((v) => ids.includes(v.annotationId))).toBe(true);
    expect(st.result!.summary.counts.place).toBe(n + 1);
    s.destroy();
  });
});

describe('article growth', () => {
  test('substantial growth re-runs once, debounced, without painting twice', async () => {
    load(page(5));
    const s = new PageSession({ extractHere, doc: document, analyze, paintEnv: NO_HL }, settings());
    await s.run();
    expect(document.querySelectorAll('factmark-mark').length).toBe(6);
    const art = document.getElementById('a')!;
    for (let i = 6; i <= 10; i++) art.insertAdjacentHTML('beforeend', PARA(i));
    await sleep(1200);
    await vi.waitFor(() => expect(s.getState().status).toBe('analysed'));
    expect(analyze).toHaveBeenCalledTimes(2);
    await vi.waitFor(() => expect(document.querySelectorAll('factmark-mark').length).toBe(11));
    expect(document.querySelectorAll('factmark-mark factmark-mark').length).toBe(0);
    s.destroy();
  });

  test('highlights: the marks and the result stay while the grown article is read, and the new ones replace them in one step', async () => {
    load(page(5));
    const { registry, env } = fakeEnv(SetlikeHighlight);
    let release: (() => void) | null = null;
    const held = vi.fn(async (article: ArticleInfo) => {
      if (held.mock.calls.length > 1) await new Promise<void>((r) => { release = r; });
      return analyze(article);
    });
    const s = new PageSession({ extractHere, doc: document, analyze: held, paintEnv: env }, settings());
    await s.run();
    const before = registry.get('factmark-place') as SetlikeHighlight;
    expect(before.ranges.length).toBe(6);
    const art = document.getElementById('a')!;
    for (let i = 6; i <= 10; i++) art.insertAdjacentHTML('beforeend', PARA(i));
    await vi.waitFor(() => expect(release).not.toBeNull(), { timeout: 3000 });
    // The grown article's analysis is under way: the old marks are still registered, the popup's result kept.
    expect(registry.get('factmark-place')).toBe(before);
    expect(s.getState().status).toBe('analysed');
    expect(s.getState().result!.summary.counts.place).toBe(6);
    release!();
    await vi.waitFor(() => expect((registry.get('factmark-place') as SetlikeHighlight | undefined)?.ranges.length).toBe(11));
    const after = registry.get('factmark-place') as SetlikeHighlight;
    expect(after).not.toBe(before);
    expect(after.ranges.every((r) => readRange(r) === 'Kupyansk')).toBe(true);
    expect(s.getState().result!.summary.counts.place).toBe(11);
    // Everything off restores the page: no highlight of ours left behind by the retired painter.
    await s.updateSettings({ ...settings(), categories: { place: false, figure: false, claim: false } });
    expect([...registry.keys()].filter((k) => k.startsWith('factmark'))).toEqual([]);
    s.destroy();
  });

  test('a grown article whose analysis fails loses its kept marks and says why', async () => {
    load(page(5));
    const { registry, env } = fakeEnv(SetlikeHighlight);
    const failing = vi.fn(async (article: ArticleInfo): Promise<AnalyzeResponse> => (failing.mock.calls.length > 1 ? { ok: false, error: 'worker gone' } : analyze(article)));
    const s = new PageSession({ extractHere, doc: document, analyze: failing, paintEnv: env }, settings());
    await s.run();
    expect(registry.get('factmark-place')).toBeDefined();
    const art = document.getElementById('a')!;
    for (let i = 6; i <= 10; i++) art.insertAdjacentHTML('beforeend', PARA(i));
    await vi.waitFor(() => expect(s.getState().status).toBe('error'), { timeout: 3000 });
    expect(s.getState().error).toBe('worker gone');
    expect([...registry.keys()].filter((k) => k.startsWith('factmark'))).toEqual([]);
    s.destroy();
  });

  test('attribute flicker, our own marks and churn that adds as much as it removes cause no re-run', async () => {
    load(page(5));
    const s = new PageSession({ extractHere, doc: document, analyze, paintEnv: NO_HL }, settings());
    await s.run();
    const art = document.getElementById('a')!;
    for (let i = 0; i < 20; i++) {
      art.setAttribute('data-tick', String(i));
      const ad = document.createElement('div');
      ad.textContent = 'Advertisement '.repeat(50);
      art.appendChild(ad);
      ad.remove();
    }
    await s.updateSettings({ ...settings(), categories: { place: false, figure: true, claim: true } });
    await s.updateSettings(settings());
    await sleep(1000);
    expect(analyze).toHaveBeenCalledTimes(1);
    s.destroy();
  });
});

describe('a page that takes the highlight registry', () => {
  test('cleared registry: ours go back on the next scroll, without a new analysis; clear() never throws', async () => {
    load(page(3));
    const registry = new Map<string, unknown>();
    class H { ranges: unknown[]; constructor(...r: unknown[]) { this.ranges = r; } }
    const s = new PageSession({ extractHere, doc: document, analyze, paintEnv: { registry, Highlight: H as never } }, settings());
    await s.run();
    const mine = registry.get('factmark-place');
    expect(mine).toBeInstanceOf(H);
    registry.clear();
    window.dispatchEvent(new Event('scroll'));
    await sleep(20);
    expect(registry.get('factmark-place')).toBe(mine);
    expect(analyze).toHaveBeenCalledTimes(1);
    // A registry that throws on every call: the session stops painting, nothing escapes.
    const broken = { set() { throw new Error('page broke it'); }, get() { throw new Error('x'); }, delete() { throw new Error('x'); } };
    const s2 = new PageSession({ extractHere, doc: document, analyze, paintEnv: { registry: broken, Highlight: H as never } }, settings());
    await expect(s2.run()).resolves.toBeTruthy();
    expect(() => s2.destroy()).not.toThrow();
    s.destroy();
  });
});
