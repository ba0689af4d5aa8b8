// Place verdicts: variant spellings, canonical names, other names, ambiguous namesakes and features,
// each with the gazetteer entry as evidence.
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { comparePlaces, isSpellingVariant } from '../../src/compare/places';
import { recognizePlaces } from '../../src/recognize/places';
import { loadBundledReference } from '../../cli/load-reference';

const g = loadBundledReference().gazetteer;
const verdictsFor = (text: string) => {
  const places = recognizePlaces(text, g);
  const verdicts = comparePlaces(places, g);
  return places.map((p) => ({ text: p.text, verdict: verdicts.find((v) => v.annotationId === p.id) }));
};

describe('comparePlaces', () => {
  test.each([
    ['Units were seen in Kupyansk.', 'Kupyansk', 'variant', 'Kupiansk'],
    ['Troops moved from Izyum.', 'Izyum', 'variant', 'Izium'],
    ['People in Balakliya cheered.', 'Balakliya', 'variant', 'Balakliia'],
    ["Kiev's counteroffensive gained momentum.", 'Kiev', 'variant', 'Kyiv'],
    ['Fighting continued in the Donbass region.', 'Donbass region', 'variant', 'Donbas'],
    ['Troops had retaken Kupiansk.', 'Kupiansk', 'consistent', 'Kupiansk'],
    ['The capital, Kyiv, held.', 'Kyiv', 'consistent', 'Kyiv'],
    ["Fighting raged in Ukraine's east.", 'Ukraine', 'consistent', 'Ukraine'],
    ['Residents of the Kharkiv region fled.', 'Kharkiv region', 'consistent', 'Kharkiv Oblast'],
    ['KHARKIV was quiet.', 'KHARKIV', 'consistent', 'Kharkiv'],
    ['Officials in the U.S. said so.', 'U.S.', 'consistent', 'United States'],
    ['He moved to Springfield last year.', 'Springfield', 'ambiguous', 'Springfield'],
  ])('%s', (text, surface, kind, name) => {
    const v = verdictsFor(text).find((x) => x.text === surface)?.verdict;
    expect(v, JSON.stringify(verdictsFor(text))).toBeDefined();
    expect(v!.kind).toBe(kind);
    expect(v!.evidence.length).toBeGreaterThan(0);
    expect(v!.evidence[0].label.startsWith(name)).toBe(true);
    expect(v!.summary.length).toBeGreaterThan(10);
  });

  test('evidence names the GeoNames entry, its region, country and population', () => {
    const v = verdictsFor('Units were seen in Kupyansk.')[0].verdict!;
    expect(v.evidence[0]).toMatchObject({ ref: 'geonames:703656', value: 27169 });
    expect(v.evidence[0].label).toBe('Kupiansk, Kharkiv Oblast, Ukraine, pop. 27,169');
    expect(v.summary).toBe('Kupyansk: spelled Kupiansk in the gazetteer: Kupiansk, Kharkiv Oblast, Ukraine, pop. 27,169.');
  });

  test('a feature is unverified and says where it lies; one with no location gets no verdict', () => {
    const [church] = verdictsFor('Holy Redeemer Church in Kupiansk was hit.');
    expect(church.verdict).toMatchObject({ kind: 'unverified', evidence: [] });
    expect(church.verdict!.summary).toContain('Kharkiv Oblast, Ukraine');
    expect(verdictsFor('He walked down Royal Street.')[0].verdict).toBeUndefined();
  });

  test('never consistent or differs without evidence', () => {
    const text = 'Kiev, Kyiv, Paris, Springfield, Royal Street, the Kharkiv region, Donbass and the U.S. were named.';
    for (const { verdict } of verdictsFor(text)) {
      if (verdict && (verdict.kind === 'consistent' || verdict.kind === 'differs')) expect(verdict.evidence.length).toBeGreaterThan(0);
    }
  });
});

describe('isSpellingVariant', () => {
  test.each([
    ['kupyansk', 'kupiansk', true],
    ['kiev', 'kyiv', true],
    ['kharkov', 'kharkiv', true],
    ['donbass', 'donbas', true],
    ['zaporizhzhya', 'zaporizhzhia', true],
    ['bombay', 'mumbai', false],
    ['salisbury', 'harare', false],
    ['u.s.', 'united states', false],
    ['kyiv', 'kyiv', false],
  ])('%s / %s -> %s', (a, b, expected) => expect(isSpellingVariant(a, b)).toBe(expected));
});

describe('comparePlaces (property)', () => {
  const words = fc.constantFrom('Kyiv', 'Kiev', 'Paris', 'Springfield', 'the', 'Kharkiv', 'region', 'Royal', 'Street', 'in', 'Samos', 'U.S.', 'Donbass', ',', '.', 'Izyum', 'Holy', 'Redeemer', 'Church');
  test('at most one verdict per place, each for a known annotation, evidence behind every consistent', () => {
    fc.assert(
      fc.property(fc.array(words, { maxLength: 30 }).map((w) => w.join(' ')), (text) => {
        const places = recognizePlaces(text, g);
        const verdicts = comparePlaces(places, g);
        const ids = new Set(places.map((p) => p.id));
        const seen = new Set<string>();
        for (const v of verdicts) {
          expect(ids.has(v.annotationId)).toBe(true);
          expect(seen.has(v.annotationId)).toBe(false);
          seen.add(v.annotationId);
          if (v.kind === 'consistent' || v.kind === 'differs') expect(v.evidence.length).toBeGreaterThan(0);
          expect(v.summary).toMatch(/\.$/);
        }
      }),
      { numRuns: 200 },
    );
  });
});
