// Imported reference reports reach the analysis: the background reads them from storage.local
// (fake browser), drops those whose id is a bundled report's, rebuilds only the reports part when
// the stored value changes, ignores a value that fails validation (with a warning), and a report
// whose url is the analysed article's is never evidence for it.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createBackground, importedFromStorage, readStoredImports, watchStoredImports, withImported } from '../../entrypoints/background';
import { IMPORTED_REPORTS_KEY, IMPORTED_REPORTS_VERSION } from '../../src/ui/imported-reports';
import { importReports } from '../../src/reference/claimreview';
import type { Reference, ReferenceReport } from '../../src/reference/types';
import type { AnalyzeResponse } from '../../src/messages';

const EXT = 'abcdefghijklmnopabcdefghijklmnop';
const URL_A = 'https://news.example/2022/09/11/izyum';
const TEXT = 'Ukrainian President Volodymyr Zelensky said the Russian army made the right choice to run from Izyum.';
const article = (url = URL_A) => ({ url, title: 'Zelensky on Izyum', text: TEXT });
const fromTab = (id = 3) => ({ id: EXT, tab: { id } });

const gazetteer: Reference['gazetteer'] = { version: 'test', size: 0, lookup: () => [], get: () => undefined, country: () => undefined };
const bundledReport: ReferenceReport = {
  id: 'seed-1', title: 'Bundled seed', published: '2022-09-10',
  claims: [{ id: 'c1', speaker: 'Defence Ministry in Moscow', cue: 'said', statement: 'troops were regrouping near Donetsk', places: ['Donetsk'], figures: [] }],
};
const bundled: Reference = { gazetteer, reports: [bundledReport] };

const importedReport = (over: Partial<ReferenceReport> = {}): ReferenceReport => ({
  id: 'user-1', title: 'Another outlet on Izyum', outlet: 'Other Outlet', published: '2022-09-11',
  claims: [{ id: 'c1', speaker: 'Volodymyr Zelensky', cue: 'said', statement: 'the Russian army made a good choice by fleeing Izyum', places: ['Izyum'], figures: [] }],
  ...over,
});
const stored = (reports: unknown[]) => ({ version: IMPORTED_REPORTS_VERSION, reports });

function setup() {
  const loadReference = vi.fn(async () => bundled);
  const bg = createBackground({ extensionId: EXT, loadReference, loadImported: readStoredImports, setBadge: () => {} });
  const stop = watchStoredImports((v) => bg.setImported(v));
  return { bg, loadReference, stop };
}

async function claimVerdict(bg: ReturnType<typeof createBackground>, url = URL_A) {
  const res = (await bg.handleMessage({ type: 'content:analyze', article: article(url) }, fromTab())) as AnalyzeResponse;
  if (!res.ok) throw new Error(res.error);
  const claim = res.result.annotations.find((a) => a.category === 'claim');
  expect(claim, 'the test article holds a claim').toBeDefined();
  return res.result.verdicts.find((v) => v.annotationId === claim!.id);
}

let warn: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  fakeBrowser.reset();
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => warn.mockRestore());

describe('imported reports in the background', () => {
  test('nothing stored: the bundled reference as loaded, no warning', async () => {
    const { bg, stop } = setup();
    expect(await bg.getReference()).toBe(bundled);
    expect((await claimVerdict(bg))?.kind).toBe('unverified');
    expect(warn).not.toHaveBeenCalled();
    stop();
  });

  test('stored imports are evidence; the reference keeps the parsed gazetteer and the bundled reports', async () => {
    await fakeBrowser.storage.local.set({ [IMPORTED_REPORTS_KEY]: stored([importedReport()]) });
    const { bg, loadReference, stop } = setup();
    const ref = await bg.getReference();
    expect(ref.gazetteer).toBe(gazetteer);
    expect(ref.reports.map((r) => r.id)).toEqual(['seed-1', 'user-1']);
    const v = await claimVerdict(bg);
    expect(v?.kind).toBe('consistent');
    expect(JSON.stringify(v?.evidence)).toContain('fleeing');
    expect(await bg.getReference()).toBe(ref); // nothing changed: not rebuilt
    expect(loadReference).toHaveBeenCalledTimes(1);
    stop();
  });

  test('a storage change rebuilds only the reports part, live', async () => {
    const { bg, loadReference, stop } = setup();
    expect((await claimVerdict(bg))?.kind).toBe('unverified');
    await fakeBrowser.storage.local.set({ [IMPORTED_REPORTS_KEY]: stored([importedReport()]) });
    expect((await claimVerdict(bg))?.kind).toBe('consistent');
    const ref = await bg.getReference();
    expect(ref.gazetteer).toBe(gazetteer);
    // Removed again in the options page.
    await fakeBrowser.storage.local.set({ [IMPORTED_REPORTS_KEY]: stored([]) });
    expect((await claimVerdict(bg))?.kind).toBe('unverified');
    expect(await bg.getReference()).toBe(bundled);
    await fakeBrowser.storage.local.remove(IMPORTED_REPORTS_KEY);
    expect(await bg.getReference()).toBe(bundled);
    expect(loadReference).toHaveBeenCalledTimes(1); // the gazetteer is never loaded or parsed again
    expect(warn).not.toHaveBeenCalled();
    stop();
  });

  test('changes to other keys or other areas do not touch the imports', async () => {
    await fakeBrowser.storage.local.set({ [IMPORTED_REPORTS_KEY]: stored([importedReport()]) });
    const { bg, stop } = setup();
    const ref = await bg.getReference();
    await fakeBrowser.storage.local.set({ 'factmark:settings': { version: 1 } });
    await fakeBrowser.storage.sync.set({ [IMPORTED_REPORTS_KEY]: stored([]) });
    expect(await bg.getReference()).toBe(ref);
    stop();
  });

  test('an imported report with a bundled report\'s id is dropped; the bundled one stays', async () => {
    const clash = importedReport({ id: 'seed-1', title: 'Impostor' });
    await fakeBrowser.storage.local.set({ [IMPORTED_REPORTS_KEY]: stored([clash, importedReport()]) });
    const { bg, stop } = setup();
    const ref = await bg.getReference();
    expect(ref.reports.map((r) => [r.id, r.title])).toEqual([['seed-1', 'Bundled seed'], ['user-1', 'Another outlet on Izyum']]);
    expect(withImported(bundled, [clash])).toBe(bundled);
    stop();
  });

  test.each([
    ['not an object', 'junk'],
    ['no reports array', { version: 1, reports: 'x' }],
    ['an invalid report', stored([{ id: 'x', claims: [] }])],
    ['one bad report among good ones', stored([importedReport(), { id: 'y', title: 'Y', url: 'javascript:alert(1)', claims: [] }])],
  ])('a stored value that fails validation (%s) is ignored with a warning; bundled reports still work', async (_name, value) => {
    await fakeBrowser.storage.local.set({ [IMPORTED_REPORTS_KEY]: value });
    const { bg, stop } = setup();
    expect(await bg.getReference()).toBe(bundled);
    expect((await claimVerdict(bg))?.kind).toBe('unverified');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0][0])).toMatch(/imported reports in storage ignored/);
    // A later valid value is taken up.
    await fakeBrowser.storage.local.set({ [IMPORTED_REPORTS_KEY]: stored([importedReport()]) });
    expect((await claimVerdict(bg))?.kind).toBe('consistent');
    stop();
  });

  test('the warning names what is wrong', () => {
    const msgs: string[] = [];
    expect(importedFromStorage(stored([{ id: 'x', title: 'X', claims: 'none' }]), (m) => msgs.push(m))).toEqual([]);
    expect(msgs[0]).toContain('reports[0].claims');
    expect(importedFromStorage(undefined, (m) => msgs.push(m))).toEqual([]);
    expect(importedFromStorage(stored([]), (m) => msgs.push(m))).toEqual([]);
    expect(msgs).toHaveLength(1);
  });

  test('a failed storage read counts as no imports and is retried', async () => {
    let fail = true;
    const bg = createBackground({
      extensionId: EXT, setBadge: () => {}, loadReference: async () => bundled,
      loadImported: async () => {
        if (fail) throw new Error('storage unavailable');
        return stored([importedReport()]);
      },
    });
    expect(await bg.getReference()).toBe(bundled);
    fail = false;
    expect((await bg.getReference()).reports.map((r) => r.id)).toEqual(['seed-1', 'user-1']);
  });

  test('a report whose url is the analysed article\'s is never evidence for it (ClaimReview imports carry no fingerprint)', async () => {
    await fakeBrowser.storage.local.set({ [IMPORTED_REPORTS_KEY]: stored([importedReport({ url: URL_A })]) });
    const { bg, stop } = setup();
    expect((await claimVerdict(bg, URL_A))?.kind).toBe('unverified');
    expect((await claimVerdict(bg, `${URL_A}#comments`))?.kind).toBe('unverified');
    expect((await claimVerdict(bg, `${URL_A}?utm_source=feed`))?.kind).toBe('unverified');
    // The same report is evidence for another article.
    expect((await claimVerdict(bg, 'https://other.example/story'))?.kind).toBe('consistent');
    stop();
  });

  test('a ClaimReview import (no fingerprint) of the analysed page is not evidence for it', async () => {
    const doc = {
      '@context': 'https://schema.org', '@type': 'ClaimReview', url: URL_A, datePublished: '2022-09-11',
      claimReviewed: 'the Russian army made a good choice by fleeing Izyum',
      itemReviewed: { '@type': 'Claim', author: { '@type': 'Person', name: 'Volodymyr Zelensky' } },
      reviewRating: { '@type': 'Rating', alternateName: 'True' },
      author: { '@type': 'Organization', name: 'Fact Checkers' },
    };
    const parsed = importReports(JSON.stringify(doc));
    if ('error' in parsed) throw new Error(parsed.error);
    expect(parsed.reports[0].fingerprint).toBeUndefined();
    await fakeBrowser.storage.local.set({ [IMPORTED_REPORTS_KEY]: stored(parsed.reports) });
    const { bg, stop } = setup();
    expect((await bg.getReference()).reports).toHaveLength(2);
    expect((await claimVerdict(bg, URL_A))?.kind).toBe('unverified');
    expect((await claimVerdict(bg, 'https://other.example/story'))?.kind).toBe('consistent');
    stop();
  });
});
