// Tables of figure forms and what the recogniser must make of them, non-figures included, and
// property tests on offsets (no throw, spans in bounds and ordered, text === slice).
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { recognizeFigures } from '../../src/recognize/figures';
import type { FigureInfo } from '../../src/types';

const PUBLISHED = '2022-09-10';
const only = (text: string) => {
  const found = recognizeFigures(text, { published: PUBLISHED });
  expect(found, `${text} -> ${JSON.stringify(found.map((a) => a.text))}`).toHaveLength(1);
  return found[0];
};

type Row = [string, string, Partial<FigureInfo>];

describe('numbers and number words', () => {
  test.each<Row>([
    ['They found 10,000 of them.', '10,000', { kind: 'count', value: 10000 }],
    ['It grew by 1.5.', '1.5', { value: 1.5 }],
    ['seven died', 'seven', { value: 7 }],
    ['ten thousand marched', 'ten thousand', { value: 10000 }],
    ['a dozen eggs', 'a dozen eggs', { value: 12, unit: 'eggs' }],
    ['twenty-five players', 'twenty-five players', { value: 25, unit: 'players' }],
    ['1.5 million people', '1.5 million people', { value: 1.5e6, unit: 'people' }],
    ['one hundred and five cars', 'one hundred and five cars', { value: 105, unit: 'cars' }],
    ['half a million', 'half a million', { value: 5e5 }],
    ['It costs half million usd.', 'half million usd', { kind: 'money', value: 5e5, unit: 'USD' }],
    ['two-thirds of voters', 'two-thirds', { value: 2 / 3 }],
    ['half of the city', 'half', { value: 0.5 }],
    ['hundreds of member companies', 'hundreds of member companies', { value: 100, unit: 'companies', qualifier: 'more-than' }],
    ['tens of thousands of people', 'tens of thousands of people', { value: 10000, unit: 'people', qualifier: 'more-than' }],
    ['They release 10 prisoners.', '10 prisoners', { value: 10, unit: 'prisoners' }],
    ['prices rose as much as four times', 'as much as four times', { value: 4, unit: 'times', qualifier: 'up-to' }],
    ['a 300-pound manhole cover', '300-pound', { kind: 'measure', unit: 'lb', value: 300 }],
    ['up to 6 petabytes', 'up to 6 petabytes', { kind: 'measure', unit: 'PB', value: 6 }],
    ['From our 2011 research\nCommon problems', '2011', { kind: 'date', value: 2011, iso: '2011' }],
    ['Sony fell to Y=5,182.', '5,182', { value: 5182 }],
  ])('%s', (text, span, figure) => {
    const a = only(text);
    expect(a.text).toBe(span);
    expect(a.figure).toMatchObject(figure);
  });
});

describe('money, percentages, measures', () => {
  test.each<Row>([
    ['a $5bn deal', '$5bn', { kind: 'money', value: 5e9, unit: 'USD' }],
    ['won a $48.2 million contract', '$48.2 million', { kind: 'money', value: 48.2e6, unit: 'USD' }],
    ['billions of dollars in aid', 'billions of dollars', { kind: 'money', value: 1e9, unit: 'USD', qualifier: 'more-than' }],
    ['£1,000 fine', '£1,000', { kind: 'money', value: 1000, unit: 'GBP' }],
    ['10.5 million Australian dollars', '10.5 million Australian dollars', { kind: 'money', value: 10.5e6, unit: 'AUD' }],
    ['worth €20m', '€20m', { kind: 'money', value: 20e6, unit: 'EUR' }],
    ['costs 450,000 yen', '450,000 yen', { kind: 'money', value: 450000, unit: 'JPY' }],
    ['up 19 cents', '19 cents', { kind: 'money', value: 19, unit: 'cent' }],
    ['rose 40%', '40%', { kind: 'percent', value: 40, unit: '%' }],
    ['rose 40 per cent', '40 per cent', { kind: 'percent', value: 40, unit: '%' }],
    ['around 2,000 square kilometres of land', 'around 2,000 square kilometres', { kind: 'measure', value: 2000, unit: 'km2', qualifier: 'about', si: { value: 2e9, unit: 'm2' } }],
    ['an area of 190 km2', '190 km2', { unit: 'km2', si: { value: 1.9e8, unit: 'm2' } }],
    ['311 sq mi', '311 sq mi', { unit: 'mi2' }],
    ['45 mi away', '45 mi', { unit: 'mi', si: { value: 72420.48, unit: 'm' } }],
    ['it weighs 278kg', '278kg', { unit: 'kg', si: { value: 278, unit: 'kg' } }],
    ['a 5.2 litre engine', '5.2 litre', { unit: 'l', si: { value: 0.0052, unit: 'm3' } }],
    ['at 140 km/h', '140 km/h', { unit: 'km/h' }],
    ['over 188 miles an hour', 'over 188 miles an hour', { unit: 'mph', qualifier: 'more-than' }],
    ['it was 30 degrees celsius', '30 degrees celsius', { unit: '°C', si: { value: 303.15, unit: 'K' } }],
    ['-20°C overnight', '-20°C', { value: -20, unit: '°C' }],
    ['he is 5 feet 2 inches', '5 feet 2 inches', { unit: 'ft', value: 5 + 2 / 12 }],
    ['1/2 cup olive oil', '1/2 cup', { unit: 'cup', value: 0.5 }],
    ['add 3 / 4 cup sugar', '3 / 4 cup', { unit: 'cup', value: 0.75 }],
    ['add 3\u00a0/4 cup sugar', '3\u00a0/4 cup', { unit: 'cup', value: 0.75 }],
    ['a three-hour meeting', 'three-hour', { kind: 'duration', unit: 'hour', value: 3, si: { value: 10800, unit: 's' } }],
    ['the nearly seven-month war', 'nearly seven-month', { kind: 'duration', unit: 'month', value: 7, qualifier: 'about' }],
    ['when she was five years old', 'five years old', { kind: 'duration', unit: 'year', value: 5 }],
    ['a 50-year-old man', '50-year-old', { kind: 'duration', unit: 'year', value: 50 }],
    ['Yulia Skripal, 33, said', '33', { kind: 'duration', unit: 'year', value: 33 }],
    ['then 914 Second Class honours', '914 Second Class honours', { kind: 'count', value: 914, unit: 'honours' }],
  ])('%s', (text, span, figure) => {
    const a = only(text);
    expect(a.text).toBe(span);
    expect(a.figure).toMatchObject(figure);
  });
});

describe('counts, qualifiers and ranges', () => {
  test.each<Row>([
    ['more than 10,000 Russian soldiers were', 'more than 10,000 Russian soldiers', { kind: 'count', value: 10000, unit: 'soldiers', qualifier: 'more-than' }],
    ['recaptured more than 30 towns and villages in', 'more than 30 towns and villages', { value: 30, unit: 'towns', qualifier: 'more-than' }],
    ['about 40 people', 'about 40 people', { qualifier: 'about' }],
    ['some 325 kilometer northwest', 'some 325 kilometer', { qualifier: 'about', unit: 'km' }],
    ['nearly 500 homes', 'nearly 500 homes', { qualifier: 'about' }],
    ['roughly 12 ships', 'roughly 12 ships', { qualifier: 'about' }],
    ['over 50 tanks', 'over 50 tanks', { qualifier: 'more-than' }],
    ['less than 5 km', 'less than 5 km', { qualifier: 'less-than' }],
    ['under 20 minutes', 'under 20 minutes', { qualifier: 'less-than' }],
    ['up to 50 kilometres into', 'up to 50 kilometres', { qualifier: 'up-to', value: 50, unit: 'km' }],
    ['at least 14 people', 'at least 14 people', { qualifier: 'at-least' }],
    ['10 to 15 people', '10 to 15 people', { qualifier: 'range', value: 10, high: 15, unit: 'people' }],
    ['between 10 and 15 km', 'between 10 and 15 km', { qualifier: 'range', value: 10, high: 15, unit: 'km' }],
    ['10-15 km', '10-15 km', { qualifier: 'range', value: 10, high: 15, unit: 'km' }],
    ['between $10 and $15 million', 'between $10 and $15 million', { qualifier: 'range', value: 10e6, high: 15e6, unit: 'USD' }],
    ['10,000 or more people', '10,000 or more people', { qualifier: 'at-least' }],
  ])('%s', (text, span, figure) => {
    const a = only(text);
    expect(a.text).toBe(span);
    expect(a.figure).toMatchObject(figure);
  });
});

describe('changes are not ranges; hyphenated forms', () => {
  test.each<[string, string[], (number | null)[]]>([
    ['increased by $43.6 billion to $419.2 billion.', ['$43.6 billion', '$419.2 billion'], [43.6e9, 419.2e9]],
    ['rose from 10 to 15 percent', ['10', '15 percent'], [10, 15]],
    ['fell from 7.5 to 6 km', ['7.5', '6 km'], [7.5, 6]],
    ['chipmakers produce sub-7 nanometer ICs', ['7 nanometer'], [7]],
    ["the now-18 month-old daughter", ['18 month-old'], [18]],
    ["Mississippi State's 6-foot-7 center", ['6-foot-7'], [6 + 7 / 12]],
    ['by 2120, scientists warn', ['2120'], [2120]],
  ])('%s', (text, spans, values) => {
    const found = recognizeFigures(text, { published: PUBLISHED });
    expect(found.map((a) => a.text)).toEqual(spans);
    found.forEach((a, i) => expect(a.figure!.value).toBeCloseTo(values[i]!, 6));
  });
});

test('the first figure of a change takes the unit of the second', () => {
  const [a, b] = recognizeFigures('rose from 10 to 15 percent');
  expect(a.figure).toMatchObject({ kind: 'percent', unit: '%', value: 10 });
  expect(b.figure).toMatchObject({ kind: 'percent', unit: '%', value: 15 });
  const [c] = recognizeFigures('fell from 7.5 to 6 km');
  expect(c.figure).toMatchObject({ kind: 'measure', unit: 'km', si: { value: 7500, unit: 'm' } });
});

describe('dates resolve to ISO, never after publication', () => {
  test.each<[string, string, string | undefined]>([
    ['since the Russian invasion on February 24.', 'February 24', '2022-02-24'],
    ['on September 10', 'September 10', '2022-09-10'],
    ['on October 3', 'October 3', '2021-10-03'],
    ['on Sept. 11, 2001', 'Sept. 11, 2001', '2001-09-11'],
    ['on 24 February 2022', '24 February 2022', '2022-02-24'],
    ['dated 2022-09-10', '2022-09-10', '2022-09-10'],
    ['in 2014 it', '2014', '2014'],
    ['in March 2021', 'March 2021', '2021-03'],
    ['at 10:30 pm', '10:30 pm', '22:30'],
    ['conducted September 16-19, using', 'September 16-19', '2021-09-16'],
  ])('%s', (text, span, iso) => {
    const a = only(text);
    expect(a.text).toBe(span);
    expect(a.figure?.kind).toBe('date');
    expect(a.figure?.iso).toBe(iso);
  });
});

test('without a publication date, a date without a year keeps month and day only', () => {
  expect(recognizeFigures('on February 24 they').map((a) => a.figure?.iso)).toEqual(['--02-24']);
});

describe('not figures', () => {
  test.each([
    'COVID-19 cases',
    'the G7 summit',
    'Windows 11 users',
    'a Boeing 737 landed',
    'Route 66',
    'call 555-123-4567 now',
    'call +44 20 7946 0958',
    'version 1.2.3 shipped',
    '© 2022 Example News',
    'Page 2 of 5',
    'the iPhone 11 Pro',
    'tied the game at 89-89',
    'SCP-173C',
    'the 13F filing',
    'No. 10 said',
    'in the fourth quarter',
    'a third-party review',
    'the NCAA Final Four',
    'a category 4 hurricane',
    'leased at 16-18 Industrial Avenue',
    'at 30 22nd St. North',
    'they won 2-1 on Sunday',
    'benefit of doubt-4 now',
    'open 24/7',
    '1. AI shines a light',
    'a total of 10^5 lists',
    'a clear 4:1 win',
    'the Silk Road 2.0 forum',
    'version 5.3 of the app',
    'The Four Golden Signals',
    'with (level=6) set',
    'shares of 08008.HK fell',
    'they help one another',
    'a 401(K) plan',
    'plasma.[81] The',
    'after 9/11',
  ])('%s', (text) => {
    expect(recognizeFigures(text, { published: PUBLISHED }).map((a) => a.text)).toEqual([]);
  });
});

describe('seed reports', () => {
  const seed = (name: string) => readFileSync(resolve(__dirname, '../fixtures/seeds', name), 'utf8');
  const find = (text: string, span: string) => recognizeFigures(text, { published: PUBLISHED }).find((a) => a.text.includes(span));
  test.each<[string, string, Partial<FigureInfo>]>([
    ['000_0542a8070dd0cc42.txt', 'around 2,000 square kilometres', { value: 2000, unit: 'km2', qualifier: 'about' }],
    ['000_0542a8070dd0cc42.txt', 'More than 10,000 Russian soldiers', { value: 10000, unit: 'soldiers', qualifier: 'more-than' }],
    ['000_0542a8070dd0cc42.txt', 'up to 50 kilometres', { value: 50, unit: 'km', qualifier: 'up-to' }],
    ['000_0542a8070dd0cc42.txt', 'more than 30 towns', { value: 30, unit: 'towns', qualifier: 'more-than' }],
    ['000_0542a8070dd0cc42.txt', 'February 24', { kind: 'date', iso: '2022-02-24' }],
    ['000_0542a8070dd0cc42.txt', 'billions of dollars', { kind: 'money', unit: 'USD', qualifier: 'more-than' }],
    ['003_8f0f9114e9d9c3f5.txt', 'nearly seven-month', { value: 7, unit: 'month', qualifier: 'about' }],
    ['003_8f0f9114e9d9c3f5.txt', '73 kilometres', { value: 73, unit: 'km', si: { value: 73000, unit: 'm' } }],
    ['003_8f0f9114e9d9c3f5.txt', '45 miles', { value: 45, unit: 'mi', si: { value: 72420.48, unit: 'm' } }],
  ])('%s: %s', (file, span, figure) => {
    const a = find(seed(file), span);
    expect(a, span).toBeDefined();
    expect(a!.figure).toMatchObject(figure);
    expect(a!.id).toBe(`figure:${a!.start}`);
  });
});

describe('offsets', () => {
  const pieces = ['10', ',000', ' km', ' about ', '$', '5bn', ' per cent', 'February 24', '-', ' to ', 'seven', '-month', ' (', ')', '45 miles', ' COVID-19 ', '½', '\u00a0', 'é', '😀', '.', '1.5', ' million', 'between ', ' and ', '2022-09-10', ':30', 'pm'];
  const arbitrary = fc.oneof(fc.string({ maxLength: 80 }), fc.array(fc.constantFrom(...pieces), { maxLength: 25 }).map((a) => a.join('')));
  test('no throw; spans in bounds, ordered, text equals the slice', () => {
    fc.assert(
      fc.property(arbitrary, (text) => {
        const found = recognizeFigures(text, { published: PUBLISHED });
        let last = -1;
        for (const a of found) {
          expect(a.start).toBeGreaterThanOrEqual(0);
          expect(a.end).toBeLessThanOrEqual(text.length);
          expect(a.start).toBeLessThan(a.end);
          expect(a.start).toBeGreaterThanOrEqual(last);
          expect(a.text).toBe(text.slice(a.start, a.end));
          expect(a.id).toBe(`figure:${a.start}`);
          expect(a.category).toBe('figure');
          last = a.end;
        }
      }),
      { numRuns: 400 },
    );
  });
});
