// Figure verdicts with hand-built place annotations and a stub gazetteer: restatements in another
// unit, distances against the straight line, populations, qualifiers; every verdict has evidence.
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { bearing, compareFigures, fitsWithQualifier, haversine, sentenceStarts } from '../../src/compare/figures';
import { recognizeFigures } from '../../src/recognize/figures';
import type { Annotation, PlaceInfo } from '../../src/types';
import type { GazetteerEntry, Reference } from '../../src/reference/types';

const ENTRIES: GazetteerEntry[] = [
  { id: 1, name: 'Kupiansk', kind: 'city', country: 'UA', lat: 49.7106, lon: 37.6156, population: 27000 },
  { id: 2, name: 'Izyum', kind: 'city', country: 'UA', lat: 49.2128, lon: 37.2566, population: 45000 },
  { id: 3, name: 'Kharkiv', kind: 'city', country: 'UA', lat: 49.9935, lon: 36.2304, population: 1430000 },
  { id: 4, name: 'Ukraine', kind: 'country', country: 'UA', lat: 49, lon: 32, population: 44000000 },
];
const reference: Reference = {
  gazetteer: {
    version: 'test',
    size: ENTRIES.length,
    lookup: (name) => ENTRIES.filter((e) => e.name.toLowerCase() === name.toLowerCase()),
    get: (id) => ENTRIES.find((e) => e.id === id),
    country: () => undefined,
  },
  reports: [],
};

/** Place annotations for every gazetteer name found in the text, as the place recogniser would give. */
function places(text: string): Annotation[] {
  const out: Annotation[] = [];
  for (const e of ENTRIES) {
    for (let i = text.indexOf(e.name); i >= 0; i = text.indexOf(e.name, i + 1)) {
      const place: PlaceInfo = { name: e.name, kind: e.kind, geonameId: e.id, country: e.country, lat: e.lat, lon: e.lon, population: e.population };
      out.push({ id: `place:${i}`, category: 'place', start: i, end: i + e.name.length, text: e.name, place });
    }
  }
  return out;
}

function verdicts(text: string) {
  const annotations = [...places(text), ...recognizeFigures(text, { published: '2022-09-10' })].sort((a, b) => a.start - b.start);
  const found = compareFigures(text, annotations, reference);
  return found.map((v) => ({ ...v, text: annotations.find((a) => a.id === v.annotationId)!.text }));
}

describe('helpers', () => {
  test('haversine and bearing', () => {
    const d = haversine(49.7106, 37.6156, 49.2128, 37.2566);
    expect(d / 1000).toBeGreaterThan(55);
    expect(d / 1000).toBeLessThan(65);
    expect(bearing(49.2128, 37.2566, 49.7106, 37.6156)).toBeLessThan(45); // Kupiansk is north(-east) of Izyum
  });
  test.each<[number, Parameters<typeof fitsWithQualifier>[1], number | undefined, number, number, boolean]>([
    [10000, 'more-than', undefined, 12000, 12000, true],
    [10000, 'more-than', undefined, 8000, 8000, false],
    [10000, 'at-least', undefined, 10000, 10000, true],
    [50, 'up-to', undefined, 40, 40, true],
    [50, 'up-to', undefined, 60, 60, false],
    [50, 'less-than', undefined, 49, 49, true],
    [10, 'range', 15, 12, 12, true],
    [10, 'range', 15, 16, 16, false],
    [100, 'about', undefined, 95, 95, true],
    [100, undefined, undefined, 95, 95, false],
    [100, 'exact', undefined, 100, 100, true],
  ])('%d %s (high %s) against [%d, %d] -> %s', (stated, q, high, lo, hi, expected) => {
    expect(fitsWithQualifier(stated, q, high, lo, hi)).toBe(expected);
  });
});

describe('restated in another unit', () => {
  test.each<[string, string, 'consistent' | 'differs']>([
    ['The town is 73 kilometres (45 miles) away.', '45 miles', 'consistent'],
    ['The town is 300 kilometres (90 miles) away.', '90 miles', 'differs'],
    ['It weighs 10 kg (22 lb).', '22 lb', 'consistent'],
    ['It weighs 10 kg (30 lb).', '30 lb', 'differs'],
    ['It was 30 degrees celsius (86 degrees fahrenheit).', '86 degrees fahrenheit', 'consistent'],
    ['an area of 2,000 square kilometres (772 square miles)', '772 square miles', 'consistent'],
  ])('%s', (text, span, kind) => {
    const v = verdicts(text);
    expect(v).toHaveLength(1);
    expect(v[0].text).toBe(span);
    expect(v[0].kind).toBe(kind);
    expect(v[0].evidence.length).toBeGreaterThan(0);
    if (kind === 'differs') expect(v[0].delta).toBeDefined();
  });
  test('the same unit twice is not a restatement', () => {
    expect(verdicts('from 5 km (5 km) away')).toEqual([]);
  });
});

describe('distances between places', () => {
  test('the seed sentence: 73 km north of Izyum, from Kupiansk', () => {
    const text = 'Nikolenko tweeted a picture of a government building in Kupiansk, which is 73 kilometres (45 miles) north of Izyum.';
    const v = verdicts(text).find((x) => x.text === '73 kilometres')!;
    expect(v.kind).toBe('consistent');
    expect(v.summary).toMatch(/^73 km north of Izyum: straight-line distance from Kupiansk \d+ km, article \d+% longer, plausible for a road$/);
    expect(v.evidence.map((e) => e.ref)).toEqual(['gazetteer:1', 'gazetteer:2', 'haversine']);
    expect(v.delta!.relative).toBeGreaterThan(0.1);
  });
  test.each<[string, 'consistent' | 'differs' | undefined]>([
    ['Kupiansk lies 60 km from Izyum.', 'consistent'],
    ['Kupiansk lies 20 km from Izyum.', 'differs'],
    ['Kupiansk lies 200 km from Izyum.', 'differs'],
    ['Kupiansk lies more than 40 km from Izyum.', 'consistent'],
    ['Kupiansk lies more than 150 km from Izyum.', 'differs'],
    ['Kupiansk lies less than 100 km from Izyum.', 'consistent'],
    ['Kupiansk lies less than 20 km from Izyum.', 'differs'],
    ['The road runs 80 km from Kupiansk to Izyum.', 'consistent'],
    ['Kupiansk fell. The town is 60 km south of Izyum.', 'differs'], // Kupiansk lies north of Izyum
    ['Kupiansk fell. The town is 60 km north of Izyum.', 'consistent'], // the other end in the previous sentence
    ['Troops advanced up to 50 kilometres into territory.', undefined], // no place: no verdict
    ['The offensive moved 60 km from Izyum.', undefined], // no other end: no verdict
    ['Kupiansk lies 300 km from Ukraine.', undefined], // a country has no single point
  ])('%s', (text, kind) => {
    const v = verdicts(text).filter((x) => /km|kilometres/.test(x.text));
    if (kind === undefined) expect(v).toEqual([]);
    else {
      expect(v).toHaveLength(1);
      expect(v[0].kind).toBe(kind);
      expect(v[0].evidence.some((e) => e.ref === 'haversine')).toBe(true);
    }
  });
});

describe('populations', () => {
  test.each<[string, 'consistent' | 'differs' | undefined]>([
    ['Kupiansk, a city of 27,000 people, was retaken.', 'consistent'],
    ['Kupiansk, a town of about 30,000 residents, was retaken.', 'consistent'],
    ['Kupiansk, a city of 300,000 people, was retaken.', 'differs'],
    ['Kharkiv, a city of more than 1 million people, was shelled.', 'consistent'],
    ['Kharkiv, a city of more than 3 million people, was shelled.', 'differs'],
    ['Kharkiv, home to 1.4 million people, was shelled.', 'consistent'],
    ['Kharkiv sent 300 people to help.', undefined],
    ['Ukraine, a country of 44 million people, voted.', 'consistent'],
  ])('%s', (text, kind) => {
    const v = verdicts(text);
    if (kind === undefined) expect(v).toEqual([]);
    else {
      expect(v).toHaveLength(1);
      expect(v[0].kind).toBe(kind);
      expect(v[0].evidence[0]).toMatchObject({ unit: 'people' });
    }
  });
});

describe('every verdict carries evidence', () => {
  const pieces = ['Kupiansk', 'Izyum', 'Kharkiv', ' is ', ' 73 km', ' (45 miles)', ' north of ', ' from ', ' a city of ', '27,000 people', '. ', ', ', ' more than ', ' to '];
  test('property: no throw, evidence on every verdict, ids point at figures', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 20 }).map((a) => a.join('')), (text) => {
        const annotations = [...places(text), ...recognizeFigures(text)];
        for (const v of compareFigures(text, annotations, reference)) {
          expect(v.evidence.length).toBeGreaterThan(0);
          expect(v.summary.length).toBeGreaterThan(0);
          expect(annotations.some((a) => a.id === v.annotationId && a.category === 'figure')).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('sentence starts found as far as asked', () => {
  const END = /[.!?]["”’')\]]*\s+(?=["“‘'(\[]?[\p{Lu}\p{N}])|\n+/gu;
  const all = (text: string) => [0, ...[...text.matchAll(END)].map((m) => m.index! + m[0].length)];
  const piece = fc.constantFrom('.', '!', '?', '"', '”', ')', '“', '(', ' ', '  ', '\n', '\n\n', '\u00a0', 'A', 'a', 'É', '7', 'Mr', 'said', '😀');
  test('for any positions, in any order, the starts up to the first past each, as a scan of the whole text has them', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.array(fc.nat(200), { maxLength: 6 }), (parts, positions) => {
        const text = parts.join('');
        const full = all(text);
        const upTo = sentenceStarts(text);
        for (const pos of positions) {
          const got = upTo(pos);
          // a prefix of the whole scan, reaching past pos unless it is all of it
          expect(got).toEqual(full.slice(0, got.length));
          expect(got.length === full.length || got[got.length - 1] > pos).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });
  test('a figure early in a long text scans only its start', () => {
    const text = 'It lies 73 km north of Izyum. Then more.\n'.repeat(1000);
    const got = sentenceStarts(text)(10);
    expect(got.length).toBeLessThan(5);
  });
});
