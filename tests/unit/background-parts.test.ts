// @vitest-environment happy-dom
// Long articles go to the background in pieces: the background merges them into one result per tab
// (offsets shifted, ids rebuilt, counts summed), and the popup's PageState shows the same merged result.
import { describe, expect, test } from 'vitest';
import { addPart, createBackground, mergeParts, shiftPart } from '../../entrypoints/background';
import { PageSession, MAX_SLICE_CHARS } from '../../src/page/session';
import { extractArticleAsync as extractHere } from '../../src/article/readability';
import { DEFAULT_SETTINGS } from '../../src/settings';
import { isContentToBackground, type AnalyzeResponse, type ArticleInfo } from '../../src/messages';
import type { Reference } from '../../src/reference/types';
import type { AnalysisResult, Annotation, Verdict } from '../../src/types';

const EXT = 'abcdefghijklmnopabcdefghijklmnop';
const emptyReference: Reference = {
  gazetteer: { version: 'test', size: 0, lookup: () => [], get: () => undefined, country: () => undefined },
  reports: [],
};

const ann = (category: Annotation['category'], start: number, len = 3): Annotation => ({
  id: `${category}:${start}`, category, start, end: start + len, text: 'x'.repeat(len),
});
const verdict = (a: Annotation, kind: Verdict['kind']): Verdict => ({ annotationId: a.id, kind, summary: kind, evidence: [] });
const res = (anns: Annotation[], verdicts: Verdict[] = [], words = 10): AnalysisResult => ({
  annotations: anns, verdicts,
  summary: { counts: { place: 0, figure: 0, claim: 0 }, verdicts: { consistent: 0, differs: 0, variant: 0, ambiguous: 0, unverified: 0 }, words },
});

describe('merging pieces', () => {
  test('shiftPart moves offsets and rebuilds ids and verdict links', () => {
    const a = ann('place', 4);
    const p = shiftPart(res([a], [verdict(a, 'variant')]), { start: 1000, index: 1, of: 2 }, 50);
    expect(p.start).toBe(1000);
    expect(p.end).toBe(1050);
    expect(p.result.annotations[0]).toMatchObject({ id: 'place:1004', start: 1004, end: 1007 });
    expect(p.result.verdicts[0].annotationId).toBe('place:1004');
  });

  test("shiftPart moves a claim's source and cue and the evidence refs that point into the text", () => {
    const c: Annotation = {
      id: 'claim:30', category: 'claim', start: 30, end: 50, text: 'x'.repeat(20),
      claim: { source: { start: 0, end: 8, text: 'Zelensky', name: 'Volodymyr Zelensky' }, cue: { start: 9, end: 13, text: 'said' } },
    };
    const v: Verdict = { annotationId: 'claim:30', kind: 'consistent', summary: 's', evidence: [{ ref: 'article:12', label: 'same' }, { ref: 'seed-1#c2', label: 'seed' }] };
    const p = shiftPart(res([c], [v]), { start: 500, index: 1, of: 2 }, 60);
    expect(p.result.annotations[0].claim).toMatchObject({ source: { start: 500, end: 508, name: 'Volodymyr Zelensky' }, cue: { start: 509, end: 513 } });
    expect(p.result.verdicts[0].evidence.map((e) => e.ref)).toEqual(['article:512', 'seed-1#c2']);
  });

  test('pieces arriving in any order merge into one result with summed counts, tallies and words', () => {
    const url = 'http://a/';
    const a0 = ann('place', 5), b0 = ann('figure', 20);
    const a1 = ann('claim', 2), b1 = ann('place', 9);
    let tab = addPart(undefined, url, res([a1, b1], [verdict(b1, 'consistent')], 7), { start: 100, index: 1, of: 2 }, 60);
    expect(tab.result.summary.counts).toEqual({ place: 1, figure: 0, claim: 1 });
    tab = addPart(tab, url, res([a0, b0], [verdict(a0, 'variant')], 11), { start: 0, index: 0, of: 2 }, 98);
    expect(tab.result.annotations.map((a) => a.id)).toEqual(['place:5', 'figure:20', 'claim:102', 'place:109']);
    expect(tab.result.summary.counts).toEqual({ place: 2, figure: 1, claim: 1 });
    expect(tab.result.summary.verdicts).toMatchObject({ consistent: 1, variant: 1, differs: 0 });
    expect(tab.result.summary.words).toBe(18);
    expect(tab.result.verdicts.map((v) => v.annotationId).sort()).toEqual(['place:109', 'place:5']);
  });

  test('a piece sent again replaces the earlier copy; another page or another cut starts afresh', () => {
    const url = 'http://a/';
    let tab = addPart(undefined, url, res([ann('place', 1)]), { start: 0, index: 0, of: 2 }, 50);
    tab = addPart(tab, url, res([ann('place', 2)]), { start: 52, index: 1, of: 2 }, 50);
    expect(tab.result.annotations).toHaveLength(2);
    tab = addPart(tab, url, res([ann('figure', 3), ann('place', 9)]), { start: 0, index: 0, of: 2 }, 50);
    expect(tab.result.annotations.map((a) => a.id)).toEqual(['figure:3', 'place:9', 'place:54']);
    const grown = addPart(tab, url, res([ann('claim', 0)]), { start: 0, index: 0, of: 3 }, 50);
    expect(grown.result.annotations.map((a) => a.id)).toEqual(['claim:0']);
    const other = addPart(tab, 'http://b/', res([ann('claim', 0)]), { start: 52, index: 1, of: 2 }, 50);
    expect(other.result.annotations.map((a) => a.id)).toEqual(['claim:52']);
    const whole = addPart(tab, url, res([ann('claim', 0)]), undefined, 50);
    expect(whole.result.annotations.map((a) => a.id)).toEqual(['claim:0']);
  });

  test('mergeParts of nothing is an empty result', () => {
    expect(mergeParts([]).annotations).toEqual([]);
    expect(mergeParts([]).summary.counts).toEqual({ place: 0, figure: 0, claim: 0 });
  });

  test('the part field is shape-checked', () => {
    const article = { url: 'u', title: 't', text: 'x' };
    expect(isContentToBackground({ type: 'content:analyze', article: { ...article, part: { start: 0, index: 0, of: 1 } } })).toBe(true);
    for (const part of [null, 'x', { start: -1, index: 0, of: 1 }, { start: 0, index: 2, of: 2 }, { start: 0, index: 0, of: 0 },
      { start: 0.5, index: 0, of: 1 }, { start: 0, index: 0 }, { start: 0, index: 0, of: 1e9 }]) {
      expect(isContentToBackground({ type: 'content:analyze', article: { ...article, part } })).toBe(false);
    }
  });
});

describe('a long article through the page session and the background', () => {
  test('the badge counts every piece and the popup state matches the background', async () => {
    const para = (n: number) =>
      `<p>Paragraph ${n}: officials said on 10 September 2022 that troops moved 73 kilometres (45 miles) north, and ${n + 3} people were hurt.</p>`;
    const html = `<html><head><title>Long</title></head><body><article><h1>Long report</h1>${Array.from({ length: 900 }, (_, i) => para(i)).join('\n')}</article></body></html>`;
    document.documentElement.innerHTML = new DOMParser().parseFromString(html, 'text/html').documentElement.innerHTML;

    const badges: string[] = [];
    const bg = createBackground({ extensionId: EXT, loadReference: async () => emptyReference, setBadge: (_t, s) => badges.push(s) });
    const sent: ArticleInfo[] = [];
    const session = new PageSession({ extractHere,
      doc: document,
      analyze: async (article) => {
        sent.push(article);
        // Through structured cloning, as runtime messages are.
        return (await bg.handleMessage(structuredClone({ type: 'content:analyze', article }), { id: EXT, tab: { id: 3 } })) as AnalyzeResponse;
      },
      paintEnv: { registry: null, Highlight: null },
    }, structuredClone(DEFAULT_SETTINGS));
    const state = await session.run();
    expect(state.status).toBe('analysed');
    expect(sent.length).toBeGreaterThan(1);
    const text = state.text!;
    expect(text.length).toBeGreaterThan(MAX_SLICE_CHARS);
    for (const a of sent) {
      expect(a.part).toBeDefined();
      expect(a.part!.of).toBe(sent.length);
      expect(a.text).toBe(text.slice(a.part!.start, a.part!.start + a.text.length));
    }
    expect(new Set(sent.map((a) => a.part!.index)).size).toBe(sent.length);

    const merged = bg.result(3)!.result;
    expect(merged.annotations.length).toBeGreaterThan(900);
    expect(merged.annotations.map((a) => a.id)).toEqual(state.result!.annotations.map((a) => a.id));
    expect(merged.summary.counts).toEqual(state.result!.summary.counts);
    expect(merged.summary.verdicts).toEqual(state.result!.summary.verdicts);
    expect(merged.summary.words).toBe(state.result!.summary.words);
    for (const a of merged.annotations) expect(text.slice(a.start, a.end)).toBe(a.text);
    expect(badges.at(-1)).toBe(merged.annotations.length > 999 ? '999+' : String(merged.annotations.length));
    session.destroy();
  }, 60_000);
});
