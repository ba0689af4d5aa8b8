// @vitest-environment happy-dom
// The page session follows the settings' appearance: a change rewrites the painted stylesheet in
// place (no repaint of the marks, no second stylesheet), and the marks keep their places.
import { describe, expect, test, vi } from 'vitest';
import { PageSession } from '../../src/page/session';
import { extractArticleAsync as extractHere } from '../../src/article/readability';
import { pageCss } from '../../src/page/styles';
import { DEFAULT_SETTINGS, type Settings } from '../../src/settings';
import type { AnalyzeResponse, ArticleInfo } from '../../src/messages';
import type { Annotation } from '../../src/types';
import { summarize } from '../../src/analyze';
import type { Appearance } from '../../src/appearance';

const PARA = '<p>Ukrainian troops entered Kupyansk on Saturday, about 73 km north of Izyum, as the counter-offensive in the Kharkiv region gathered pace and Russian forces withdrew from positions they had held since spring.</p>';
const ARTICLE = `<html><head><title>Counter-offensive</title></head><body><article><h1>Ukraine retakes Kupyansk</h1>${PARA.repeat(5)}</article></body></html>`;

const analyze = vi.fn(async (article: ArticleInfo): Promise<AnalyzeResponse> => {
  const annotations: Annotation[] = [];
  let i = -1;
  while ((i = article.text.indexOf('Kupyansk', i + 1)) >= 0) annotations.push({ id: `place:${i}`, category: 'place', start: i, end: i + 8, text: 'Kupyansk' });
  return { ok: true, result: { annotations, verdicts: [], summary: summarize(article.text, annotations, []) } };
});

const look: Appearance = {
  colors: { place: '#123456', figure: '#654321', claim: '#abcdef' },
  underline: { place: 'dotted', figure: 'double', claim: 'solid' },
};
const settings = (over: Partial<Settings> = {}): Settings => ({ ...structuredClone(DEFAULT_SETTINGS), ...over });

describe('appearance in the page', () => {
  test('the stylesheet follows the settings, live', async () => {
    document.documentElement.innerHTML = new DOMParser().parseFromString(ARTICLE, 'text/html').documentElement.innerHTML;
    const s = new PageSession({ extractHere, doc: document, analyze, paintEnv: { registry: null, Highlight: null } }, settings());
    expect((await s.run()).status).toBe('analysed');
    const style = document.querySelector('factmark-style style')!;
    expect(style.textContent).toBe(pageCss(DEFAULT_SETTINGS.appearance));
    const marks = document.querySelectorAll('factmark-mark').length;
    expect(marks).toBeGreaterThan(0);

    await s.updateSettings(settings({ appearance: look }));
    expect(document.querySelectorAll('factmark-style').length).toBe(1);
    expect(document.querySelector('factmark-style style')!.textContent).toBe(pageCss(look));
    expect(document.querySelector('factmark-style style')!.textContent).toContain('underline dotted #123456');
    expect(document.querySelectorAll('factmark-mark').length).toBe(marks);

    // Back to the defaults; switching every category off still removes the stylesheet.
    await s.updateSettings(settings());
    expect(document.querySelector('factmark-style style')!.textContent).toBe(pageCss(DEFAULT_SETTINGS.appearance));
    await s.updateSettings(settings({ appearance: look, categories: { place: false, figure: false, claim: false } }));
    expect(document.querySelector('factmark-style')).toBeNull();
    await s.updateSettings(settings({ appearance: look }));
    expect(document.querySelector('factmark-style style')!.textContent).toBe(pageCss(look));
    s.destroy();
    expect(document.querySelector('factmark-style, factmark-mark')).toBeNull();
  });
});
