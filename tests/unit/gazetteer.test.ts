// Gazetteer index: the bundled build resolves names ignoring case, diacritics and transliteration
// variants, and a malformed file is refused with a clear reason.
import { describe, expect, test } from 'vitest';
import { createGazetteer, runLookup } from '../../src/reference/gazetteer';
import { normalizeName } from '../../src/reference/names';
import { readReferenceJson } from '../../cli/load-reference';

const data = readReferenceJson('gazetteer.json') as Record<string, unknown>;
const g = createGazetteer(data);

describe('normalizeName', () => {
  test.each([
    ['Kyiv', 'kyiv'],
    ['Zaporizhzhia', 'zaporizhzhia'],
    ['Kup’yans’k', 'kupyansk'],
    ["Kup'yans'k", 'kupyansk'],
    ['Ivano-Frankivsk', 'ivano frankivsk'],
    ['Łódź', 'lodz'],
    ['São Paulo', 'sao paulo'],
    ['  St.  Louis ', 'st louis'],
    ['Champs-Élysées', 'champs elysees'],
  ])('%s -> %s', (input, key) => expect(normalizeName(input)).toBe(key));
});

describe('bundled gazetteer', () => {
  test('has a version and a sensible size', () => {
    expect(g.version).toMatch(/^geonames-\d{4}-\d{2}-\d{2}\+build-\d+/);
    expect(g.size).toBeGreaterThan(30_000);
  });

  test.each([
    ['Kupyansk', 'Kupiansk', 'UA'],
    ['Kupjansk', 'Kupiansk', 'UA'],
    ['Kupiansk', 'Kupiansk', 'UA'],
    ['Izyum', 'Izium', 'UA'],
    ['Balakliya', 'Balakliia', 'UA'],
    ['Kiev', 'Kyiv', 'UA'],
    ['KYIV', 'Kyiv', 'UA'],
    ['Kharkov', 'Kharkiv', 'UA'],
    ['Donbass', 'Donbas', 'UA'],
    ['Donbas', 'Donbas', 'UA'],
    ['Kharkiv Oblast', 'Kharkiv Oblast', 'UA'],
    ['Ukraine', 'Ukraine', 'UA'],
    ['Turkey', 'Turkey', 'TR'],
    ['U.S.', 'United States', 'US'],
    ['Sao Paulo', 'São Paulo', 'BR'],
  ])('%s finds %s (%s)', (name, canonical, country) => {
    const hits = g.lookup(name);
    const hit = hits.find((e) => e.name === canonical);
    expect(hit, hits.map((e) => e.name).join(', ')).toBeDefined();
    expect(hit!.country).toBe(country);
  });

  test('cities carry region, coordinates and population', () => {
    const k = g.lookup('Kupiansk').find((e) => e.kind === 'city')!;
    expect(k.region).toBe('Kharkiv Oblast');
    expect(k.lat).toBeCloseTo(49.71, 1);
    expect(k.lon).toBeCloseTo(37.61, 1);
    expect(k.population).toBeGreaterThan(20_000);
    expect(g.get(k.id)).toEqual(k);
  });

  test.each(['Of', 'Opportunity', 'the', 'IEV', 'HRK', 'xx', 'dwntsk'])('noise name %s is not a place', (name) => {
    expect(g.lookup(name).filter((e) => e.kind === 'city')).toEqual([]);
  });

  test.each(['Police', 'Most', 'Orange'])('a sizeable town named by a common word (%s) stays, for the recogniser to judge', (name) => {
    expect(g.lookup(name).some((e) => e.kind === 'city' && e.population >= 20_000)).toBe(true);
  });

  test('country() finds a country by ISO code', () => {
    expect(g.country('ua')?.name).toBe('Ukraine');
    expect(g.country('ZZ')).toBeUndefined();
  });

  test('unknown names give an empty list', () => {
    expect(g.lookup('Nowhereville Xyz')).toEqual([]);
    expect(g.lookup('')).toEqual([]);
  });

  test('loads fast', () => {
    const json = JSON.stringify(data);
    const t = performance.now();
    const again = createGazetteer(JSON.parse(json));
    again.lookup('Kyiv');
    expect(performance.now() - t).toBeLessThan(1000); // generous for a shared CI machine; measured ~50 ms
  });
});

describe('malformed gazetteer files are refused with the reason', () => {
  test('a bad reference the start-up sample skipped fails clearly when looked up', () => {
    const copy = JSON.parse(JSON.stringify(data)) as { keys: string[]; refs: (number | number[])[] };
    const i = copy.keys.indexOf('kupyansk');
    expect(i).toBeGreaterThan(0);
    copy.refs[i] = 1e9;
    let broken;
    try { broken = createGazetteer(copy); } catch (e) { expect(String(e)).toMatch(/out of range/); return; }
    expect(() => broken.lookup('Kupyansk')).toThrow(/Malformed gazetteer: reference 1000000000 out of range/);
  });

  const base = () => JSON.parse(JSON.stringify({ ...data, keys: ['a', 'b'], refs: [0, 0] })) as Record<string, unknown>;
  test.each<[string, (d: Record<string, unknown>) => unknown, RegExp]>([
    ['not an object', () => 'hello', /expected a JSON object/],
    ['an array', () => [], /expected a JSON object/],
    ['wrong format', (d) => ({ ...d, format: 99 }), /unsupported format 99/],
    ['no version', (d) => ({ ...d, version: undefined }), /missing "version"/],
    ['missing column', (d) => ({ ...d, lat: undefined }), /"lat" must be an array/],
    ['short column', (d) => ({ ...d, lon: (d.lon as number[]).slice(1) }), /"lon" has/],
    ['bad kind letter', (d) => ({ ...d, kind: 'X' + (d.kind as string).slice(1) }), /"kind" has a letter/],
    ['unsorted keys', (d) => ({ ...d, keys: ['b', 'a'] }), /keys not sorted/],
    ['dangling reference', (d) => ({ ...d, refs: [0, 1e9] }), /out of range/],
  ])('%s', (_label, mutate, message) => {
    expect(() => createGazetteer(mutate(base()))).toThrow(message);
  });
});

describe('search over the sorted keys', () => {
  // Keys (already in search form) chosen around the compact search's edges: shared four-letter
  // prefixes, letters above 255 (which end the packed prefix), prefixes of other keys, runs of words.
  const keys = ['a', 'ab', 'ab c', 'ab cd', 'abc', 'abcd', 'abcde', 'abcdf', 'abcdg', 'abcdh', 'abcdi', 'abcdj', 'abcdk', 'abcdl', 'abcdm',
    'new', 'new york', 'new york city', 'newark', 'x y', 'zz', '~british', '×a', '×z', 'a×b', 'ǝa', 'ǝz', 'ǝb', 'ǝbǝ', 'ɔ', 'bɔb', 'bɔbɔ', 'bǝz', 'bɛa'].sort();
  const n = keys.length;
  const tiny = createGazetteer({
    format: 1, version: 'test', kinds: 'CART', id: keys.map((_, i) => i + 1), name: keys, kind: 'T'.repeat(n), country: 'UA'.repeat(n),
    region: keys.map(() => -1), lat: keys.map(() => 0), lon: keys.map(() => 0), population: keys.map(() => 1), regions: [], keys, refs: keys.map((_, i) => i),
  });
  const probe = runLookup(tiny)!;

  test('every key finds its entry, many times over (searches change form after a few uses)', () => {
    for (let round = 0; round < 12; round++) {
      for (const k of keys) expect(tiny.lookup(k).map((e) => e.name), k).toEqual([k]);
    }
  });

  test('names that are no key find nothing', () => {
    for (const k of ['', 'b', 'abcdz', 'ab c d', 'new yor', '×', 'ǝ', 'ǝbx', 'bɔ', 'bɔbɔb', 'bǝ', 'york', '~french', 'abcda']) {
      for (let round = 0; round < 10; round++) expect(tiny.lookup(k), k).toEqual([]);
    }
  });

  test('a run lookup says whether a longer key continues the name', () => {
    expect(probe('New')).toEqual({ entries: tiny.lookup('new'), longer: true });
    expect(probe('New York').longer).toBe(true);
    expect(probe('New York City').longer).toBe(false);
    expect(probe('Newark').longer).toBe(false);
    expect(probe('X')).toEqual({ entries: [], longer: true });
    expect(probe('Zz').longer).toBe(false);
    expect(probe('Ab C').longer).toBe(false);
    expect(probe('Ab').longer).toBe(true);
  });

  test('the bundled gazetteer agrees with a plain binary search', () => {
    const all = data.keys as string[];
    const plain = (key: string) => {
      let lo = 0;
      let hi = all.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (all[mid] === key) return mid;
        if (all[mid] < key) lo = mid + 1;
        else hi = mid - 1;
      }
      return -1;
    };
    for (let i = 0; i < all.length; i += 97) {
      for (const k of [all[i], `${all[i]}x`, all[i].slice(0, -1)]) {
        expect(g.lookup(k).length > 0, k).toBe(plain(normalizeName(k)) >= 0);
      }
    }
  });
});
