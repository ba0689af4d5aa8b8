// Verdict summaries as messages: with the English catalogue every verdict's message reads exactly like
// its summary (seed reports through analyze, and constructed cases for each wording), every key the
// comparisons use is in the catalogue with as many substitutions as it takes, and a malformed message
// from elsewhere falls back to the summary (the content script drops it; the popup shows the summary).
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyze } from '../../src/analyze';
import { loadBundledReference } from '../../cli/load-reference';
import { compareFigures } from '../../src/compare/figures';
import { compareClaims } from '../../src/compare/claims';
import { recognizeFigures } from '../../src/recognize/figures';
import { recognizeClaims } from '../../src/recognize/claims';
import { verdictText } from '../../src/ui/describe';
import { sanitizeResult } from '../../src/page/session';
import { isPageState } from '../../entrypoints/popup/page-client';
import type { Gazetteer, Reference, ReferenceReport } from '../../src/reference/types';
import type { AnalysisResult, Annotation, Verdict } from '../../src/types';

const en = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../src/ui/locales/en/messages.json'), 'utf8')) as Record<string, { message: string }>;
const reference = loadBundledReference();
const seedDir = join(import.meta.dirname, '../fixtures/seeds');
const seeds = readdirSync(seedDir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(seedDir, f), 'utf8'));

const highestPlaceholder = (message: string) => Math.max(0, ...[...message.matchAll(/\$([1-9])/g)].map((m) => Number(m[1])));

/** Every verdict reads the same through its message; returns the keys used. */
function checkEnglish(verdicts: readonly Verdict[]): Set<string> {
  const keys = new Set<string>();
  for (const v of verdicts) {
    expect(verdictText(v), v.summary).toBe(v.summary);
    if (!v.message) continue;
    keys.add(v.message.key);
    expect(en[v.message.key]?.message, v.message.key).toMatch(/\S/);
    expect(v.message.subs.every((s) => typeof s === 'string')).toBe(true);
    expect(v.message.subs.length, v.message.key).toBe(highestPlaceholder(en[v.message.key]!.message));
  }
  return keys;
}

const used = new Set<string>();
const collect = (verdicts: readonly Verdict[]) => {
  for (const k of checkEnglish(verdicts)) used.add(k);
  return verdicts;
};

describe('English messages reproduce the summaries', () => {
  test.each(seeds.map((s, i) => [i, s] as const))('seed report %i through analyze', (_, text) => {
    const r = analyze(text, reference);
    expect(r.verdicts.length).toBeGreaterThan(5);
    collect(r.verdicts);
    // nearly every verdict carries a message (only joined figure comparisons and direction notes go without)
    expect(r.verdicts.filter((v) => v.message).length).toBeGreaterThanOrEqual(r.verdicts.length * 0.8);
  });

  test.each([
    'Units were seen in Kupyansk.',
    'Troops had retaken Kupiansk.',
    'Officials in the U.S. said so.',
    'He moved to Springfield last year.',
    'Residents of the Kharkiv region fled.',
    'Fighting continued in the Donbass region.',
    'Kupiansk, which is 73 kilometres (45 miles) north of Izyum.',
    'Kupiansk is 300 kilometres north of Izyum.',
    'Kupiansk is 20 km south of Izyum.',
    'Kharkiv, a city of 1.4 million people, was shelled.',
  ])('analyze: %s', (text) => {
    const r = analyze(text, reference);
    expect(r.verdicts.length).toBeGreaterThan(0);
    collect(r.verdicts);
  });

  const stub: Reference = { gazetteer: { version: 'test', size: 0, lookup: () => [], get: () => undefined, country: () => undefined } as unknown as Gazetteer, reports: [] };
  const place = (text: string, name: string, lat: number, lon: number, population?: number): Annotation => {
    const start = text.indexOf(name);
    return { id: `place:${start}`, category: 'place', start, end: start + name.length, text: name, place: { name, kind: 'city', lat, lon, population } };
  };
  const K: [number, number] = [49.7106, 37.6156];
  const I: [number, number] = [49.2128, 37.2566];
  test.each<[string, [string, number, number, number?][]]>([
    ['Kupiansk, which is 73 kilometres (45 miles) north of Izyum.', [['Kupiansk', ...K], ['Izyum', ...I]]],
    ['Kupiansk is 200 kilometres north of Izyum.', [['Kupiansk', ...K], ['Izyum', ...I]]],
    ['Kupiansk is 80 kilometres north of Izyum.', [['Kupiansk', ...K], ['Izyum', ...I]]],
    ['Kupiansk is 62 kilometres north of Izyum.', [['Kupiansk', ...K], ['Izyum', ...I]]],
    ['Kupiansk is 58 kilometres north of Izyum.', [['Kupiansk', ...K], ['Izyum', ...I]]],
    ['Kupiansk is 40 kilometres north of Izyum.', [['Kupiansk', ...K], ['Izyum', ...I]]],
    ['Kupiansk is 10 kilometres north of Izyum.', [['Kupiansk', ...K], ['Izyum', ...I]]],
    ['Kupiansk is 61 kilometres south of Izyum.', [['Kupiansk', ...K], ['Izyum', ...I]]],
    ['The town is 300 kilometres (90 miles) away.', []],
    ['The town is 100 kilometres (90 miles) away.', []],
    ['The town is 73 kilometres (45 miles) away.', []],
    ['Kupiansk, a city of 300,000 people.', [['Kupiansk', ...K, 27000]]],
    ['Kupiansk, a city of 30,000 people.', [['Kupiansk', ...K, 27000]]],
    ['Kupiansk, a city of 25,000 people.', [['Kupiansk', ...K, 27000]]],
    ['Kupiansk, a city of 2,000 people.', [['Kupiansk', ...K, 27000]]],
  ])('compareFigures: %s', (text, ps) => {
    const annotations = [...ps.map(([n, lat, lon, pop]) => place(text, n, lat, lon, pop)), ...recognizeFigures(text)];
    const v = compareFigures(text, annotations, stub);
    expect(v.length).toBeGreaterThan(0);
    collect(v);
  });

  test('compareClaims: unverified, consistent and differing claims', () => {
    const gazetteer = stub.gazetteer;
    const report = (claims: ReferenceReport['claims']): ReferenceReport => ({ id: 'r1', title: 'Other outlet story', published: '2022-09-10', claims });
    const claim = (speaker: string, statement: string, figures: ReferenceReport['claims'][0]['figures'] = []) => ({ id: 'c1', speaker, cue: 'said', statement, places: [], figures });
    const text = 'The Russian army made a "good choice" by fleeing, Zelensky asserted. Zelensky said the army recaptured 2,000 square kilometres. Zelensky said prices would rise.';
    const anns = recognizeClaims(text);
    const a = anns.find((x) => x.text.includes('2,000'))!;
    const at = a.start + a.text.indexOf('2,000');
    const fig: Annotation = { id: 'figure:x', category: 'figure', start: at, end: at + 23, text: '2,000 square kilometres', figure: { kind: 'measure', value: 2000, unit: 'km2' } };
    const consistent = compareClaims(text, anns, { gazetteer, reports: [report([claim('Volodymyr Zelenskyy', 'Of course, they made the right choice to run.')])] }, { published: '2022-09-10' });
    const differs = compareClaims(text, [...anns, fig], { gazetteer, reports: [report([claim('Zelensky', 'Ukraine recaptured 3,500 square kilometres of territory', [{ value: 3500, unit: 'km2', text: '3,500 square kilometres' }])])] });
    const all = [...consistent, ...differs];
    collect(all);
    expect(new Set(all.map((v) => v.kind))).toEqual(new Set(['consistent', 'differs', 'unverified']));
  });

  test('the cases above use most of the verdict messages', () => {
    const ours = Object.keys(en).filter((k) => /^verdict_(place|figure|claim)_/.test(k));
    for (const k of used) expect(ours).toContain(k);
    expect(used.size).toBeGreaterThanOrEqual(Math.min(ours.length, 18));
  });
});

describe('every key the comparisons can build is in the catalogue', () => {
  const code = ['places', 'figures', 'claims'].map((f) => readFileSync(resolve(import.meta.dirname, `../../src/compare/${f}.ts`), 'utf8')).join('\n');

  test('literal keys', () => {
    const literal = [...code.matchAll(/key: '([A-Za-z0-9_]+)'/g)].map((m) => m[1]!);
    expect(literal.length).toBeGreaterThanOrEqual(8);
    for (const k of literal) expect(en[k]?.message, k).toMatch(/\S/);
  });

  test('keys built from parts (figures), every combination', () => {
    const templates = [...code.matchAll(/key: `([^`]+)`/g)].map((m) => m[1]!);
    expect(templates.length).toBe(4);
    const built = [
      ...['', '_converted'].flatMap((c) => ['fits', 'more', 'less'].map((w) => `verdict_figure_restated_${w}${c}`)),
      ...['much_longer', 'plausible', 'close_longer', 'close_shorter', 'shorter'].flatMap((h) => [`verdict_figure_distance_${h}`, `verdict_figure_distance_${h}_misfit`]),
      ...['more', 'less'].flatMap((w) => [`verdict_figure_population_${w}`, `verdict_figure_population_${w}_fits`]),
    ];
    for (const k of built) expect(en[k]?.message, k).toMatch(/\S/);
  });
});

describe('a message from elsewhere', () => {
  const base: Verdict = { annotationId: 'place:0', kind: 'variant', summary: 'Kyiv: as written', evidence: [] };

  test('an unknown key or a malformed message shows the summary', () => {
    expect(verdictText(base)).toBe(base.summary);
    expect(verdictText({ ...base, message: { key: 'no_such_message', subs: [] } })).toBe(base.summary);
    expect(verdictText({ ...base, message: { key: 42, subs: 'x' } as never })).toBe(base.summary);
    expect(verdictText({ ...base, message: { key: 'verdict_place_variant', subs: ['Kiev', 'Kyiv', 'Kyiv, Ukraine'] } })).toBe('Kiev: spelled Kyiv in the gazetteer: Kyiv, Ukraine.');
  });

  test("the content script keeps a well-formed message and drops a malformed one", () => {
    const good = { ...base, message: { key: 'verdict_place_consistent', subs: ['Kyiv', 'Kyiv, Ukraine'] } };
    const bad = [
      { ...base, message: { key: 'verdict_place_consistent', subs: [1, 2] } },
      { ...base, message: { key: 3, subs: [] } },
      { ...base, message: 'verdict_place_consistent' },
      { ...base, message: { key: 'k', subs: Array(10).fill('x') } },
      { ...base, message: null },
    ] as unknown as Verdict[];
    const r = { annotations: [], verdicts: [good, ...bad], summary: undefined } as unknown as AnalysisResult;
    const out = sanitizeResult(r, 'Kyiv').verdicts;
    expect(out[0]).toEqual(good);
    for (const v of out.slice(1)) {
      expect(v).not.toHaveProperty('message');
      expect(v.summary).toBe(base.summary);
    }
  });

  test("the popup's shape check accepts verdicts with a message", () => {
    const v = { ...base, message: { key: 'verdict_place_consistent', subs: ['Kyiv', 'Kyiv, Ukraine'] } };
    expect(isPageState({ status: 'analysed', result: { annotations: [], verdicts: [v] } })).toBe(true);
  });
});
