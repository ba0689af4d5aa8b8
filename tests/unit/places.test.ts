// Place recogniser: table tests of the phenomena it handles (variants, possessives, region phrases,
// features, people and organisations that contain place names) and property tests on its spans.
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { recognizePlaces } from '../../src/recognize/places';
import { loadBundledReference } from '../../cli/load-reference';
import type { Annotation } from '../../src/types';

const g = loadBundledReference().gazetteer;
const places = (text: string) => recognizePlaces(text, g);
const brief = (a: Annotation) => `${a.text}=${a.place?.name}`;

describe('finds and resolves place names', () => {
  test.each([
    ['Troops left Izyum on Saturday.', 'Izyum', 'Izium', 'UA'],
    ['They entered Balakliya last week.', 'Balakliya', 'Balakliia', 'UA'],
    ['Units were seen in Kupyansk.', 'Kupyansk', 'Kupiansk', 'UA'],
    ['Troops had retaken Kupiansk.', 'Kupiansk', 'Kupiansk', 'UA'],
    ["Kiev's counteroffensive gained momentum.", 'Kiev', 'Kyiv', 'UA'],
    ['Fighting continued in the Donbass region of eastern Ukraine.', 'Donbass region', 'Donbas', 'UA'],
    ['Fighting continued in Donbas.', 'Donbas', 'Donbas', 'UA'],
    ["Russian troops were withdrawing from key areas of Ukraine's Kharkiv region.", 'Kharkiv region', 'Kharkiv Oblast', 'UA'],
    ['Shelling hit the Donetsk oblast again.', 'Donetsk oblast', 'Donetsk Oblast', 'UA'],
    ['Counterattacks began in the southern Kherson Oblast.', 'Kherson Oblast', 'Kherson Oblast', 'UA'],
    ['The president flew to Paris on Monday.', 'Paris', 'Paris', 'FR'],
    ['RALEIGH, N.C. (AP) - A new report shows growth.', 'N.C.', 'North Carolina', 'US'],
    ['He lives in Gainesville, Va. with his family.', 'Va.', 'Virginia', 'US'],
    ['LONDON The Latest on the nerve agent attack.', 'LONDON', 'London', 'GB'],
    ['Aid reached Africa and Asia.', 'Africa', 'Africa', ''],
    ['Turkey has shelled a city in northeastern Syria.', 'Turkey', 'Turkey', 'TR'],
    ['He grew up in Reading, west of London.', 'Reading', 'Reading', 'GB'],
    ['The survey covered Orange County, California.', 'Orange County', 'Orange County', 'US'],
  ])('%s', (text, surface, canonical, country) => {
    const found = places(text);
    const hit = found.find((a) => a.text === surface);
    expect(hit, found.map(brief).join('; ')).toBeDefined();
    expect(hit!.place!.name).toBe(canonical);
    expect(hit!.place!.country ?? '').toBe(country);
    expect(hit!.id).toBe(`place:${hit!.start}`);
  });

  test('a possessive is left out of the span', () => {
    const [a] = places("Fighting raged in Ukraine's east.");
    expect(a.text).toBe('Ukraine');
    expect(a.place?.kind).toBe('country');
  });

  test.each([
    ["Russia's Defence Ministry said so.", 'Russia'],
    ['US diplomats were expelled.', 'US'],
    ['Oklahoma teachers went on strike.', 'Oklahoma'],
    ['A Toronto man was arrested.', 'Toronto'],
    ['The US Federal Reserve raised rates.', 'US'],
    ['He reads the Suffolk County Times.', 'Suffolk'],
    ['The President of Armenia visited.', 'Armenia'],
    ["Venezuela's Ecological Mining Minister spoke.", 'Venezuela'],
  ])('a place modifying people or institutions is not marked: %s', (text, word) => {
    expect(places(text).filter((a) => a.text === word)).toEqual([]);
  });

  test.each([
    ['Troops crossed the Syria border.', 'Syria'],
    ['He waited at the Riverdale gas station.', 'Riverdale'],
  ])('a place modifying a physical thing is marked: %s', (text, word) => {
    expect(places(text).some((a) => a.text.startsWith(word))).toBe(true);
  });

  test('"Kharkiv" alone is the city, "the Kharkiv region" the oblast', () => {
    const found = places('The advance in Kharkiv continued across the Kharkiv region.');
    expect(found.map((a) => [a.text, a.place?.kind])).toEqual([['Kharkiv', 'city'], ['Kharkiv region', 'region']]);
  });

  test('context decides between namesakes', () => {
    const us = places('Officials said Paris, Texas, was hit by the storm.').find((a) => a.text === 'Paris');
    expect(us?.place?.country).toBe('US');
    const fr = places('Officials in France said Paris was hit by the storm.').find((a) => a.text === 'Paris');
    expect(fr?.place?.country).toBe('FR');
  });
});

describe('rejects people, organisations and words that only look like places', () => {
  test.each([
    ['Paris Hilton arrived late.', 'Paris'],
    ['He reads The Washington Post every day.', 'Washington'],
    ['Georgia May Jagger walked the runway.', 'Georgia'],
    ['He admired Jack London as a boy.', 'London'],
    ['A statue of Abraham Lincoln stands there.', 'Lincoln'],
    ['The speech by President Lincoln was short.', 'Lincoln'],
    ['She studied at Harvard University and Oxford University.', 'Oxford'],
    ['Russian troops and Ukrainian units clashed.', 'Russian'],
    ['Most people agreed.', 'Most'],
    ['Police said nothing.', 'Police'],
    ['Andre Wilson, 38, spoke to reporters. Wilson said he was shocked.', 'Wilson'],
    ['Of course it rained.', 'Of'],
    ['Obama admits US gun laws are his biggest frustration.', 'Obama'],
    ['Billionaire Wilbur Ross was asked. Ross is an investor.', 'Ross'],
    ['Log in to read more. Pets are welcome.', 'Log'],
    ['Pets are welcome at the hotel.', 'Pets'],
    ['There were more murders in March than in any month.', 'March'],
    ['The jet disappeared in March 2014.', 'March'],
    ['He asked @Gillette to respond.', 'Gillette'],
    ['The family of Marigny de Mandeville lived there.', 'Mandeville'],
  ])('%s (no %s)', (text, word) => {
    const found = places(text);
    expect(found.filter((a) => a.text.includes(word)).map(brief)).toEqual([]);
  });
});

describe('features: streets, buildings, rivers, facilities', () => {
  test.each([
    ['He walked down Royal Street in the evening.', 'Royal Street'],
    ['A sharp bend of the Mississippi River lies below.', 'Mississippi River'],
    ['The block was home to Holy Redeemer Church for decades.', 'Holy Redeemer Church'],
    ['Fears rose over the Zaporizhzhia nuclear power plant on Friday.', 'Zaporizhzhia nuclear power plant'],
  ])('%s', (text, name) => {
    const hit = places(text).find((a) => a.text === name);
    expect(hit, places(text).map(brief).join('; ')).toBeDefined();
    expect(hit!.place).toMatchObject({ kind: 'feature', name });
  });

  test('a feature takes the place named inside it or right after it', () => {
    const plant = places('Fears rose over the Zaporizhzhia nuclear power plant.')[0];
    expect(plant.place?.country).toBe('UA');
    const church = places('Holy Redeemer Church in Kupiansk was hit.')[0];
    expect(church.place).toMatchObject({ kind: 'feature', country: 'UA', region: 'Kharkiv Oblast' });
  });
});

describe('places the gazetteer lacks, where the text says they are places', () => {
  test.each([
    ['Some 1,700 asylum seekers are stuck in Samos, more than ever.', 'Samos'],
    ['She was displaced from the village of Umemger last year.', 'Umemger'],
    ['The camp is located near Abagana, an outskirts of Makurdi.', 'Abagana'],
  ])('%s', (text, name) => {
    const hit = places(text).find((a) => a.text === name);
    expect(hit?.place).toMatchObject({ kind: 'feature', name });
  });

  test.each([
    ['The meeting is in January.', 'January'],
    ['He spoke in English and in Spanish.', 'English'],
    ['The bill died in Congress.', 'Congress'],
    ['Everything stored in the cloud. He is in Trump’s team.', 'Trump'],
    ['She wrote for Dignity in Dying last year.', 'Dying'],
  ])('not: %s', (text, word) => {
    expect(places(text).filter((a) => a.text.includes(word))).toEqual([]);
  });

  test('an unlisted place takes the town named next to it', () => {
    const camp = places('The camp is located near Abagana, an outskirts of Makurdi in Benue state.').find((a) => a.text === 'Abagana');
    expect(camp?.place).toMatchObject({ country: 'NG' });
  });
});

describe('features take the article\'s main town only when nothing says otherwise', () => {
  test('a street in a story about one town is placed in that town', () => {
    const text = 'New Orleans has changed. Crowds in New Orleans gathered on Royal Street on Friday.';
    const street = places(text).find((a) => a.text === 'Royal Street');
    expect(street?.place).toMatchObject({ kind: 'feature', country: 'US' });
  });

  test('a foreign landmark right after another country is named is not', () => {
    const text = 'Kharkiv was shelled. Kharkiv residents fled. French President Emmanuel Macron spoke, the Élysée Palace said.';
    const palace = places(text).find((a) => a.text === 'Élysée Palace');
    expect(palace?.place?.kind).toBe('feature');
    expect(palace?.place?.country).toBeUndefined();
  });
});

describe('seed reports: every place mention found and resolved', () => {
  const dir = resolve(__dirname, '../fixtures/seeds');
  const seeds = readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(resolve(dir, f), 'utf8'));
  const expected: Record<string, string> = {
    Izyum: 'Izium', Balakliya: 'Balakliia', Kupyansk: 'Kupiansk', Kupiansk: 'Kupiansk', Kiev: 'Kyiv', Kyiv: 'Kyiv',
    Kharkiv: 'Kharkiv', 'Kharkiv region': 'Kharkiv Oblast', 'Kharkiv area': 'Kharkiv Oblast', 'Donetsk region': 'Donetsk Oblast',
    'Kherson region': 'Kherson Oblast', 'Donbass region': 'Donbas', Donbas: 'Donbas', Donetsk: 'Donetsk', Ukraine: 'Ukraine',
    Russia: 'Russia', Moscow: 'Moscow',
  };
  test.each(Object.keys(expected))('%s', (surface) => {
    const text = seeds.find((s) => s.includes(surface));
    expect(text, `no seed mentions ${surface}`).toBeDefined();
    const all = seeds.flatMap((s) => places(s));
    const hits = all.filter((a) => a.text === surface);
    expect(hits.length, all.map(brief).join('; ')).toBeGreaterThan(0);
    for (const h of hits) expect(h.place?.name).toBe(expected[surface]);
  });

  test('every occurrence of a known place name in the seeds is marked', () => {
    for (const text of seeds) {
      const found = places(text);
      for (const name of ['Izyum', 'Balakliya', 'Kupyansk', 'Kupiansk', 'Donbas']) {
        let at = text.indexOf(name);
        while (at >= 0) {
          expect(found.some((a) => a.start <= at && at < a.end), `${name} at ${at}`).toBe(true);
          at = text.indexOf(name, at + 1);
        }
      }
    }
  });
});

describe('spans (property)', () => {
  const words = fc.constantFrom('Kyiv', 'Paris', 'the', 'Kharkiv', 'region', 'Street', 'Royal', 'said', "Ukraine's", 'Washington', 'Post', ',', '.', '\n', 'Mr', 'New', 'York', 'Izyum', 'of', 'Río', '’s', '-', 'U.S.', 'Va.', 'É', 'in', 'near', 'village', 'State', 'County', 'Orange', 'Samos', 'LONDON', '@', 'Times', 'nuclear', 'plant', 'Oblast', '(', ')');
  const texts = fc.oneof(fc.string({ maxLength: 200 }), fc.array(words, { maxLength: 40 }).map((w) => w.join(' ')), fc.array(words, { maxLength: 40 }).map((w) => w.join('')));
  test('never throws; spans in bounds, ordered, non-overlapping, text === slice', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const found = places(text);
        let last = 0;
        for (const a of found) {
          expect(a.start).toBeGreaterThanOrEqual(last);
          expect(a.end).toBeGreaterThan(a.start);
          expect(a.end).toBeLessThanOrEqual(text.length);
          expect(a.text).toBe(text.slice(a.start, a.end));
          expect(a.category).toBe('place');
          last = a.end;
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('disambiguation by the rest of the article', () => {
  const one = (text: string, surface: string) => places(text).find((a) => a.text === surface)?.place;

  test("a region's bare name means its namesake 'X City' when that holds much of its people", () => {
    expect(one('She moved to New York last year and never looked back.', 'New York')).toMatchObject({ kind: 'city', name: 'New York City' });
  });

  test('names listed with a region of the same country read as regions', () => {
    expect(one('Tech firms are leaving for cheaper states such as Oregon or Washington this year.', 'Washington')).toMatchObject({ kind: 'region', name: 'Washington', country: 'US' });
  });

  test('a division named after a far-off namesake town is placed by the town named close by', () => {
    expect(one('The winning ticket was sold in Essex County. Police in Newark said the store, in Montclair, was busy.', 'Essex County'))
      .toMatchObject({ kind: 'feature', country: 'US', region: 'New Jersey' });
  });

  test('a small far-off namesake beside a big city the article names is read as part of that city', () => {
    const p = one('Crowds gathered in London on Sunday, and in Hampstead residents marched.', 'Hampstead');
    expect(p).toMatchObject({ kind: 'feature', country: 'GB' });
    expect(p?.lat).toBeCloseTo(51.5, 0);
  });
});
