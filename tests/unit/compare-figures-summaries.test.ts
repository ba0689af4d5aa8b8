// Plain-word summaries of figure verdicts, as the card and popup show them.
import { expect, test } from 'vitest';
import { compareFigures } from '../../src/compare/figures';
import { recognizeFigures } from '../../src/recognize/figures';
import type { Annotation } from '../../src/types';
import type { Reference } from '../../src/reference/types';

const reference: Reference = {
  gazetteer: { version: 'test', size: 0, lookup: () => [], get: () => undefined, country: () => undefined },
  reports: [],
};
const place = (text: string, name: string, lat: number, lon: number, population?: number): Annotation => {
  const start = text.indexOf(name);
  return { id: `place:${start}`, category: 'place', start, end: start + name.length, text: name, place: { name, kind: 'city', lat, lon, population } };
};

test.each<[string, [string, number, number, number?][], string]>([
  ['Kupiansk, which is 73 kilometres (45 miles) north of Izyum.', [['Kupiansk', 49.7106, 37.6156], ['Izyum', 49.2128, 37.2566]],
    '73 km north of Izyum: straight-line distance from Kupiansk 61 km, article 19% longer, plausible for a road'],
  ['The town is 300 kilometres (90 miles) away.', [], '90 mi is 145 km, but the article says 300 kilometres: 52% less'],
  ['The town is 73 kilometres (45 miles) away.', [], '45 mi is 72 km: consistent with 73 kilometres stated alongside, within rounding'],
  ['Kupiansk, a city of 300,000 people.', [['Kupiansk', 49.7106, 37.6156, 27000]],
    '300,000 people: the gazetteer gives Kupiansk a population of 27,000 (GeoNames, census year not recorded), article 1,011% more'],
])('%s', (text, ps, summary) => {
  const annotations = [...ps.map(([n, lat, lon, pop]) => place(text, n, lat, lon, pop)), ...recognizeFigures(text)];
  const v = compareFigures(text, annotations, reference);
  expect(v.map((x) => x.summary).join(" | ")).toContain(summary);
});
