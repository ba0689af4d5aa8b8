// Reference reports: validation errors with path and reason, ClaimReview import, fingerprints, bundled seeds.
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { containment, fingerprint, parseReports, shingleHashes, shingleHashesAmong, shingleStream, validateReports } from '../../src/reference/reports';
import { importReports } from '../../src/reference/claimreview';

const good = { id: 'r1', title: 'A report', published: '2022-09-10', claims: [{ id: 'c1', speaker: 'Zelensky', cue: 'said', statement: 'They fled.', places: [], figures: [{ value: 2000, unit: 'km2' }] }] };
const withClaim = (c: Record<string, unknown>) => [{ ...good, claims: [c] }];

describe('validation', () => {
  test('a good file passes', () => expect(parseReports([good])).toHaveLength(1));
  test.each([
    [[{ ...good, claims: [good.claims[0], good.claims[0], { ...good.claims[0], speaker: 3 }] }], 'reports[0].claims[2].speaker: expected a string'],
    [withClaim({ id: 'c', speaker: 'X', cue: 'said' }), 'reports[0].claims[0].statement: missing'],
    [[{ ...good, published: 'yesterday' }], 'reports[0].published: expected an ISO date'],
    [[{ ...good, claims: 'none' }], 'reports[0].claims: expected an array'],
    [[{ ...good, url: 'javascript:alert(1)' }], 'reports[0].url: expected an http(s) URL'],
    [withClaim({ ...good.claims[0], figures: [{ value: 'many' }] }), 'reports[0].claims[0].figures[0].value: expected a finite number'],
    [[good, good], 'reports[1].id: duplicate id'],
    [JSON.parse('[{"__proto__": {"polluted": true}, "id": "x"}]'), 'forbidden key "__proto__"'],
    [[{ ...good, constructor: 1 }], 'forbidden key "constructor"'],
    [[{ ...good, title: 'x'.repeat(30_000) }], 'reports[0].title: string too long'],
    [[{ ...good, extra: [[[[[[[[[[1]]]]]]]]]] }], 'nested too deeply'],
    ['reports', 'reports: expected an array'],
  ])('refused: %#', (data, message) => {
    const { problems } = validateReports(data);
    expect(problems.join('\n')).toContain(message);
    expect(() => parseReports(data)).toThrow();
  });
  test('no prototype pollution', () => {
    importReports('[{"__proto__": {"polluted": true}}]');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('importReports', () => {
  const review = {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    datePublished: '2022-09-12',
    url: 'https://factcheck.example/review/1',
    claimReviewed: 'Ukraine recaptured 3,000 square kilometres in September',
    itemReviewed: { '@type': 'Claim', author: { '@type': 'Person', name: 'Volodymyr Zelensky' }, datePublished: '2022-09-11' },
    author: { '@type': 'Organization', name: 'Example Check' },
    reviewRating: { '@type': 'Rating', alternateName: 'Mostly true' },
  };
  test.each([
    ['single object', review],
    ['array', [review]],
    ['@graph', { '@context': 'https://schema.org', '@graph': [{ '@type': 'WebPage' }, review] }],
  ])('ClaimReview as %s', (_, doc) => {
    const got = importReports(JSON.stringify(doc));
    expect('reports' in got).toBe(true);
    if (!('reports' in got)) return;
    const [r] = got.reports;
    expect(r.outlet).toBe('Example Check');
    expect(r.published).toBe('2022-09-12');
    expect(r.url).toBe(review.url);
    expect(r.claims[0]).toMatchObject({ speaker: 'Volodymyr Zelensky', statement: review.claimReviewed, rating: 'Mostly true', date: '2022-09-11' });
  });
  test.each([
    ['{not json', 'not valid JSON'],
    [JSON.stringify({ ...review, claimReviewed: undefined }), 'claimReviewed: missing'],
    [JSON.stringify({ ...review, itemReviewed: {} }), 'itemReviewed.author.name: missing'],
    [JSON.stringify([{ id: 'r', title: 't', claims: [{ id: 'c', speaker: 5, statement: 's' }] }]), 'reports[0].claims[0].speaker: expected a string'],
    ['[]', 'no reports'],
  ])('refused with the reason: %#', (json, reason) => {
    const got = importReports(json);
    expect('error' in got && got.error).toContain(reason);
  });
  test('our format round-trips', () => {
    const got = importReports(JSON.stringify({ reports: [good] }));
    expect('reports' in got && got.reports[0]).toEqual(good);
  });
});

describe('fingerprints and the bundled seed reports', () => {
  const seeds = resolve(__dirname, '../fixtures/seeds');
  const a = readFileSync(resolve(seeds, '000_0542a8070dd0cc42.txt'), 'utf8');
  const b = readFileSync(resolve(seeds, '003_8f0f9114e9d9c3f5.txt'), 'utf8');
  test('a report contains itself, also inside page furniture; the other report does not', () => {
    expect(containment(fingerprint(a), shingleHashes(a))).toBe(1);
    expect(containment(fingerprint(a), shingleHashes('Menu Home News\n' + a + '\nShare this article'))).toBeGreaterThan(0.9);
    expect(containment(fingerprint(a), shingleHashes(b))).toBeLessThan(0.1);
  });
  test('reports.json is valid and records only what the seeds say', () => {
    const reports = parseReports(JSON.parse(readFileSync(resolve(__dirname, '../../assets/reference/reports.json'), 'utf8')));
    expect(reports).toHaveLength(2);
    for (const r of reports) {
      expect(r.outlet).toBeUndefined();
      expect(r.fingerprint).toMatch(/^fp1:/);
      expect(r.claims.length).toBeGreaterThan(10);
    }
    expect(reports[0]).toMatchObject({ published: '2022-09-10' });
    expect(reports[0].publishedInferred).toBeUndefined();
    expect(reports[1]).toMatchObject({ published: '2022-09-10', publishedInferred: true });
    expect(containment(reports[0].fingerprint!, shingleHashes(a))).toBe(1);
  });
});

describe('shingle hashes: the in-place hashing equals hashing the joined words', () => {
  // the plain definition: fold, split into words, join each 5-shingle with spaces, FNV-1a
  const fnv = (s: string) => {
    let h = 0x811c9dc5;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    return h >>> 0;
  };
  const plain = (text: string) => {
    const w = text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
    if (w.length < 5) return new Set(w.length ? [fnv(w.join(' '))] : []);
    return new Set(w.slice(4).map((_, i) => fnv(w.slice(i, i + 5).join(' '))));
  };
  const seeds = resolve(__dirname, '../fixtures/seeds');
  test.each([
    '', 'one', 'Two Words', 'ÉLYSÉE Palace said “on Friday” — that’s all',
    'ΟΔΟΣ ΑΣ’Α Σ. ΣΑΣ', 'İstanbul K\u0131z\u0131lay Straße ǅemal', '𝐀𝐁𝐂 one two three four five 𝟙𝟚 six',
    'a\u0301b\u0308c d e f g\u2003h\u00a0i—j', 'ﬁve ﬂags ½ ² Ⅻ x', 'lone \ud800 surrogate \udc00 here and there', '한국어 텍스트 and \u212a\u212b \u0130 \u01c4 words five six',
    'The 1,000 km² area was 2.5 times larger, officials SAID on 24 Feb. 2022',
    readFileSync(resolve(seeds, '000_0542a8070dd0cc42.txt'), 'utf8'),
  ])('%j', (text) => {
    expect(shingleHashes(text)).toEqual(plain(text));
  });
  test('random text', () => {
    const chars = fc.constantFrom(...'aZ9 ,.’\'-—\u00a0\u2019\u201céÉßΣσİı\u0301\u0308𝐀½\n\t한\u212a\u01c5\u2000'.split(/(?:)/u));
    fc.assert(fc.property(fc.array(chars, { maxLength: 80 }).map((a) => a.join('')), (text) => {
      expect(shingleHashes(text)).toEqual(plain(text));
    }), { numRuns: 500 });
  });
  test('shingleStream hands out the same hashes when stopped and resumed', () => {
    for (const text of ['', 'one', 'one two three four five six seven', readFileSync(resolve(seeds, '000_0542a8070dd0cc42.txt'), 'utf8')]) {
      const next = shingleStream(text);
      const got = new Set<number>();
      let calls = 0;
      let n = 0;
      while (!next((h) => (got.add(h), ++n % 3 === 0))) calls++;
      expect(got).toEqual(plain(text));
      expect(next(() => false)).toBe(true);
      if (plain(text).size > 3) expect(calls).toBeGreaterThan(0);
    }
  });
  test('shingleHashesAmong is the intersection', () => {
    const text = readFileSync(resolve(seeds, '003_8f0f9114e9d9c3f5.txt'), 'utf8');
    const all = shingleHashes(text);
    const some = new Set([...all].filter((_, i) => i % 7 === 0).concat([1, 2, 3]));
    expect(shingleHashesAmong(text, some)).toEqual(new Set([...all].filter((h) => some.has(h))));
    expect(shingleHashesAmong(text, new Set())).toEqual(new Set());
  });
});
