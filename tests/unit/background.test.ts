// Unit tests of the background's logic: message and sender checks, the reference loaded once,
// per-tab results and the badge text that follows the enabled categories.
import { describe, expect, test, vi } from 'vitest';
import { badgeText, createBackground, runToggleCommand, toggledCategories, TOGGLE_COMMAND } from '../../entrypoints/background';
import type { Reference } from '../../src/reference/types';
import type { AnalysisResult, Annotation } from '../../src/types';
import { DEFAULT_SETTINGS, SETTINGS_KEY, migrateSettings } from '../../src/settings';

const emptyReference: Reference = {
  gazetteer: { version: 'test', size: 0, lookup: () => [], get: () => undefined, country: () => undefined },
  reports: [],
};

const EXT = 'abcdefghijklmnopabcdefghijklmnop';
const fromTab = (id = 7) => ({ id: EXT, tab: { id } });
const article = { url: 'http://127.0.0.1/a.html', title: 'A', text: 'Russian troops left Izyum on Saturday.' };

function setup(load: () => Promise<Reference> = async () => emptyReference) {
  const badges: [number, string][] = [];
  const loadReference = vi.fn(load);
  const bg = createBackground({ extensionId: EXT, loadReference, setBadge: (t, s) => badges.push([t, s]) });
  return { bg, badges, loadReference };
}

const ann = (category: Annotation['category'], start: number): Annotation => ({
  id: `${category}:${start}`, category, start, end: start + 1, text: 'x',
});
const result = (anns: Annotation[]): AnalysisResult => ({
  annotations: anns, verdicts: [],
  summary: { counts: { place: 0, figure: 0, claim: 0 }, verdicts: { consistent: 0, differs: 0, variant: 0, ambiguous: 0, unverified: 0 }, words: 0 },
});

describe('badgeText', () => {
  const all = { place: true, figure: true, claim: true };
  test.each([
    ['no result', undefined, all, ''],
    ['no marks', result([]), all, ''],
    ['three marks', result([ann('place', 0), ann('figure', 3), ann('claim', 9)]), all, '3'],
    ['places off', result([ann('place', 0), ann('place', 5), ann('figure', 3)]), { ...all, place: false }, '1'],
    ['all off', result([ann('place', 0)]), { place: false, figure: false, claim: false }, ''],
    ['many', result(Array.from({ length: 1200 }, (_, i) => ann('figure', i))), all, '999+'],
  ])('%s', (_name, r, cats, expected) => {
    expect(badgeText(r, cats)).toBe(expected);
  });
});

describe('createBackground', () => {
  test('answers content:analyze from a content script with the analysis', async () => {
    const { bg, badges } = setup();
    const res = await bg.handleMessage({ type: 'content:analyze', article }, fromTab(7));
    expect(res?.ok).toBe(true);
    if (!res?.ok || !('result' in res)) throw new Error('not ok');
    expect(res.result.summary.words).toBe(6);
    expect(bg.result(7)?.url).toBe(article.url);
    expect(badges.at(-1)?.[0]).toBe(7);
  });

  test.each([
    ['not an object', 'content:analyze', fromTab()],
    ['unknown type', { type: 'content:explode' }, fromTab()],
    ['article without text', { type: 'content:analyze', article: { url: 'u', title: 't' } }, fromTab()],
    ['text not a string', { type: 'content:analyze', article: { ...article, text: 42 } }, fromTab()],
    ['another extension', { type: 'content:analyze', article }, { id: 'someone-else', tab: { id: 7 } }],
    ['not from a tab', { type: 'content:analyze', article }, { id: EXT }],
  ])('ignores %s', async (_name, message, sender) => {
    const { bg, loadReference, badges } = setup();
    expect(await bg.handleMessage(message, sender)).toBeUndefined();
    expect(loadReference).not.toHaveBeenCalled();
    expect(badges).toEqual([]);
    expect(bg.result(7)).toBeUndefined();
  });

  test('loads the reference once for many articles', async () => {
    const { bg, loadReference } = setup();
    await Promise.all([1, 2, 3].map((t) => bg.handleMessage({ type: 'content:analyze', article }, fromTab(t))));
    await bg.handleMessage({ type: 'content:analyze', article }, fromTab(4));
    expect(loadReference).toHaveBeenCalledTimes(1);
  });

  test('a failed load is reported and retried on the next article', async () => {
    let calls = 0;
    const { bg } = setup(async () => {
      calls++;
      if (calls === 1) throw new Error('Could not load /reference/gazetteer.json: HTTP 404');
      return emptyReference;
    });
    const first = await bg.handleMessage({ type: 'content:analyze', article }, fromTab());
    expect(first).toEqual({ ok: false, error: 'Could not load /reference/gazetteer.json: HTTP 404' });
    const second = await bg.handleMessage({ type: 'content:analyze', article }, fromTab());
    expect(second?.ok).toBe(true);
    expect(calls).toBe(2);
  });

  test('content:no-article and closed tabs clear the tab and its badge', async () => {
    const { bg, badges } = setup();
    await bg.handleMessage({ type: 'content:analyze', article }, fromTab(3));
    await bg.handleMessage({ type: 'content:no-article', url: 'http://127.0.0.1/login.html' }, fromTab(3));
    expect(bg.result(3)).toBeUndefined();
    expect(badges.at(-1)).toEqual([3, '']);
    await bg.handleMessage({ type: 'content:analyze', article }, fromTab(4));
    bg.forgetTab(4);
    expect(bg.result(4)).toBeUndefined();
    expect(badges.at(-1)).toEqual([4, '']);
  });

  test('a site switched off shows no badge; switched back on, the count returns', async () => {
    const { bg, badges } = setup();
    const text = 'Kupiansk is 73 kilometres (45 miles) north of Izyum, officials said on 10 September 2022.';
    await bg.handleMessage({ type: 'content:analyze', article: { ...article, text } }, fromTab(6));
    const shown = badges.at(-1);
    expect(shown?.[1]).toMatch(/^[1-9]\d*$/); // the figures are found even with an empty gazetteer
    bg.applySettings({ ...DEFAULT_SETTINGS, disabledSites: ['127.0.0.1'] });
    expect(badges.at(-1)).toEqual([6, '']);
    bg.applySettings({ ...DEFAULT_SETTINGS, disabledSites: ['example.org'] });
    expect(badges.at(-1)).toEqual(shown);
  });

  test('an analysis that ends after its tab navigated away does not set the new page\'s badge', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const { bg, badges } = setup(async () => {
      await gate;
      return emptyReference;
    });
    const text = 'Kupiansk is 73 kilometres (45 miles) north of Izyum.';
    const pending = bg.handleMessage({ type: 'content:analyze', article: { ...article, text } }, fromTab(9));
    bg.forgetTab(9); // the tab navigated
    release();
    const res = await pending;
    expect(res?.ok).toBe(true); // the old page's content script still gets its answer
    expect(bg.result(9)).toBeUndefined();
    expect(badges).toEqual([[9, '']]);
  });

  test('badges follow the category settings', async () => {
    const ref: Reference = emptyReference;
    const { bg, badges } = setup(async () => ref);
    await bg.handleMessage({ type: 'content:analyze', article }, fromTab(5));
    const before = badges.length;
    bg.applySettings({ ...DEFAULT_SETTINGS, categories: { place: false, figure: false, claim: false } });
    expect(badges.length).toBe(before + 1);
    expect(badges.at(-1)).toEqual([5, '']);
  });
});

describe('toggle-highlights command', () => {
  const memStorage = (init: Record<string, unknown> = {}) => {
    const data: Record<string, unknown> = structuredClone(init);
    return {
      data,
      get: async (key: string) => (key in data ? { [key]: structuredClone(data[key]) } : {}),
      set: async (items: Record<string, unknown>) => { Object.assign(data, structuredClone(items)); },
    };
  };

  test('toggledCategories: any on -> all off, remembering; all off -> the remembered ones, or all', () => {
    const some = { place: true, figure: false, claim: true };
    const off = { place: false, figure: false, claim: false };
    expect(toggledCategories(some, undefined)).toEqual({ categories: off, remember: some });
    expect(toggledCategories(off, some)).toEqual({ categories: some, remember: null });
    expect(toggledCategories(off, undefined).categories).toEqual({ place: true, figure: true, claim: true });
    expect(toggledCategories(off, off).categories).toEqual({ place: true, figure: true, claim: true });
    expect(toggledCategories(off, 'junk').categories).toEqual({ place: true, figure: true, claim: true });
  });

  test('runToggleCommand writes the settings every tab listens to, keeping other stored fields', async () => {
    const st = memStorage({ [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, categories: { place: true, figure: false, claim: true }, disabledSites: ['x.org'], colours: { place: '#123456' } } });
    expect(await runToggleCommand(st)).toEqual({ place: false, figure: false, claim: false });
    const stored = st.data[SETTINGS_KEY] as Record<string, unknown>;
    expect(stored.categories).toEqual({ place: false, figure: false, claim: false });
    expect(stored.disabledSites).toEqual(['x.org']);
    expect(stored.colours).toEqual({ place: '#123456' }); // a field this file does not know survives
    expect(await runToggleCommand(st)).toEqual({ place: true, figure: false, claim: true });
    expect((st.data[SETTINGS_KEY] as Record<string, unknown>).categories).toEqual({ place: true, figure: false, claim: true });
  });

  test('runToggleCommand with nothing stored turns everything off, then on', async () => {
    const st = memStorage();
    expect(await runToggleCommand(st)).toEqual({ place: false, figure: false, claim: false });
    expect(migrateSettings(st.data[SETTINGS_KEY]).categories).toEqual({ place: false, figure: false, claim: false });
    expect(await runToggleCommand(st)).toEqual({ place: true, figure: true, claim: true });
  });

  test('the manifest declares the command with a suggested key', async () => {
    const config = (await import('../../wxt.config')).default as { manifest: (env: { browser: string }) => { commands?: Record<string, { suggested_key?: { default?: string } }> } };
    for (const browser of ['chrome', 'firefox']) {
      const m = config.manifest({ browser });
      expect(m.commands?.[TOGGLE_COMMAND]?.suggested_key?.default).toBe('Alt+Shift+H');
      expect(JSON.stringify(m)).not.toContain('externally_connectable');
      expect(JSON.stringify(m)).not.toContain('content_security_policy');
    }
  });
});
