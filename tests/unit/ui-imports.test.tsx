// @vitest-environment happy-dom
// The options page's data helpers: imported reports stored under factmark:reports (a bad file is refused
// with its reason and the stored list stays), export re-imports, and the appearance adapter's validation.
import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { IMPORTED_REPORTS_KEY, exportReportsJson, importReportsFile, mergeImport, readImportedReports, removeImportedReport } from '../../src/ui/imported-reports';
import { DEFAULT_APPEARANCE, contrast, decoration, parseAppearance } from '../../src/ui/appearance';
import { substitute, t } from '../../src/ui/i18n';
import en from '../../src/ui/locales/en/messages.json';

const ours = JSON.stringify([{ id: 'r1', title: 'Report one', published: '2022-09-10', claims: [{ id: 'c1', speaker: 'Zelensky', cue: 'said', statement: 'Troops entered Kupiansk', places: ['Kupiansk'], figures: [] }] }]);
const claimReview = JSON.stringify({
  '@context': 'https://schema.org', '@type': 'ClaimReview', url: 'https://fact.example/1', claimReviewed: 'Izium was retaken',
  itemReviewed: { '@type': 'Claim', author: { '@type': 'Person', name: 'Oleh Syniehubov' } }, author: { '@type': 'Organization', name: 'Fact Example' }, datePublished: '2022-09-11',
});

beforeEach(() => fakeBrowser.reset());

describe('imported reports', () => {
  test('import, list, re-import replaces by id, remove', async () => {
    const first = await importReportsFile(ours);
    expect('error' in first).toBe(false);
    const second = await importReportsFile(claimReview);
    expect('added' in second && second.added[0]!.outlet).toBe('Fact Example');
    expect((await readImportedReports()).map((r) => r.id)).toEqual(['r1', expect.stringMatching(/^claimreview:/)]);
    await importReportsFile(ours);
    expect((await readImportedReports()).length).toBe(2);
    const stored = await fakeBrowser.storage.local.get(IMPORTED_REPORTS_KEY);
    expect((stored[IMPORTED_REPORTS_KEY] as { version: number }).version).toBe(1);
    expect((await removeImportedReport('r1')).map((r) => r.id)).not.toContain('r1');
  });

  test.each([
    ['not JSON', '{oops', /not valid JSON/],
    ['a claim without a speaker', JSON.stringify([{ id: 'x', title: 'X', claims: [{ id: 'c', statement: 's' }] }]), /speaker: missing/],
    ['a ClaimReview without claimReviewed', JSON.stringify({ '@type': 'ClaimReview', itemReviewed: { author: { name: 'A' } } }), /claimReviewed: missing/],
    ['a prototype key', '{"__proto__": {"x": 1}}', /forbidden key/],
  ])('%s: refused with the reason, stored reports unchanged', async (_n, file, reason) => {
    await importReportsFile(ours);
    const before = await fakeBrowser.storage.local.get(IMPORTED_REPORTS_KEY);
    const result = await importReportsFile(file);
    expect('error' in result && result.error).toMatch(reason);
    expect(await fakeBrowser.storage.local.get(IMPORTED_REPORTS_KEY)).toEqual(before);
    expect('error' in mergeImport([], file)).toBe(true);
  });

  test('an export imports back to the same reports', async () => {
    await importReportsFile(ours);
    await importReportsFile(claimReview);
    const list = await readImportedReports();
    const again = mergeImport([], exportReportsJson(list));
    expect('reports' in again && again.reports).toEqual(list);
  });

  test('a damaged stored value reads as no reports', async () => {
    await fakeBrowser.storage.local.set({ [IMPORTED_REPORTS_KEY]: 'garbage' });
    expect(await readImportedReports()).toEqual([]);
  });
});

describe('appearance', () => {
  test('defaults are Okabe-Ito with a different underline per category', () => {
    expect(Object.values(DEFAULT_APPEARANCE.colors)).toEqual(['#0072B2', '#D55E00', '#009E73']);
    expect(new Set(Object.values(DEFAULT_APPEARANCE.underline)).size).toBe(3);
    // Each default stays readable as an underline on white (WCAG non-text contrast 3:1).
    for (const c of Object.values(DEFAULT_APPEARANCE.colors)) expect(contrast(c, '#ffffff')).toBeGreaterThanOrEqual(3);
  });
  test('stored values are validated field by field', () => {
    const a = parseAppearance({ colors: { place: '#ABCDEF', figure: 'red; background:url(x)' }, underline: { claim: 'dotted', place: 'blink' } });
    expect(a.colors.place).toBe('#abcdef');
    expect(a.colors.figure).toBe(DEFAULT_APPEARANCE.colors.figure);
    expect(a.underline).toEqual({ place: 'solid', figure: 'dashed', claim: 'dotted' });
    expect(parseAppearance(null)).toEqual(DEFAULT_APPEARANCE);
    expect(decoration(a, 'claim')).toBe('underline dotted #009E73 2px');
  });
});

describe('i18n', () => {
  test('English fallback with substitutions; every message is a valid Chrome message name', () => {
    expect(t('count_found', 3)).toBe('3 found');
    expect(t('category_place')).toBe('Places');
    expect(substitute('$1 costs $$2', ['x'])).toBe('x costs $2');
    for (const [k, v] of Object.entries(en)) {
      expect(k).toMatch(/^[A-Za-z0-9_@]+$/);
      expect((v as { message: string }).message.length).toBeGreaterThan(0);
    }
  });
});
