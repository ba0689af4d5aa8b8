// Claim comparison: paraphrase match, unrelated-claim non-match, differing figures, self-exclusion, seeds across.
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { compareClaims, concepts, contentSimilarity, matchingReferenceSpeakers, mayBeSameSpeaker, mayBeSameSurname, sameDocumentUrl, speakersMatch } from '../../src/compare/claims';
import { sameSpeaker, sameSurname } from '../../src/recognize/claims/speakers';
import { recognizeClaims } from '../../src/recognize/claims';
import { fingerprint, parseReports } from '../../src/reference/reports';
import type { Gazetteer, Reference, ReferenceReport } from '../../src/reference/types';
import type { Annotation } from '../../src/types';

const gazetteer = { version: 't', size: 0, lookup: () => [], get: () => undefined, country: () => undefined } as Gazetteer;
const report = (claims: ReferenceReport['claims'], extra: Partial<ReferenceReport> = {}): ReferenceReport => ({ id: 'r1', title: 'Other outlet story', published: '2022-09-10', claims, ...extra });
const ref = (...reports: ReferenceReport[]): Reference => ({ gazetteer, reports });
const claim = (speaker: string, statement: string, figures: ReferenceReport['claims'][0]['figures'] = []) => ({ id: 'c1', speaker, cue: 'said', statement, places: [], figures });

describe('content similarity', () => {
  test.each([
    ['made a good choice by fleeing', 'made the right choice to run', true],
    ['Russian troops were withdrawing from the city', 'it was pulling back troops from the city', true],
    ['the army recaptured 30 towns and villages', 'Ukrainian troops retook 30 towns', true],
    ['made a good choice by fleeing', 'Ukrainian troops had recaptured more than 30 towns and villages', false],
    ['prices will rise next year', 'made the right choice to run', false],
  ])('%s ~ %s: %s', (a, b, want) => expect(contentSimilarity(concepts(a), concepts(b)) >= 0.34).toBe(want));
  test.each([
    ['Zelensky', 'Volodymyr Zelenskyy', true],
    ["Russia's Defense Ministry", 'the Defence Ministry in Moscow', true],
    ['domestic intelligence service SBU', 'Ukrainian Security Service', true],
    ['Russian Defence Ministry', 'Ukrainian Foreign Ministry', false],
    ['Emmanuel Macron', 'Zelensky', false],
  ])('speakersMatch(%s, %s) = %s', (a, b, want) => expect(speakersMatch(a, b)).toBe(want));
});

describe('verdicts', () => {
  const text = 'The Russian army made a "good choice" by fleeing, Zelensky asserted. Zelensky said the army recaptured 2,000 square kilometres. Zelensky said prices would rise.';
  const anns = recognizeClaims(text);
  const byText = (s: string) => anns.find((a) => a.text.includes(s))!;

  test('paraphrase by the same speaker is consistent, with the other report as evidence', () => {
    const v = compareClaims(text, anns, ref(report([claim('Volodymyr Zelenskyy', 'Of course, they made the right choice to run.')])), { published: '2022-09-10' });
    const got = v.find((x) => x.annotationId === byText('good choice').id)!;
    expect(got.kind).toBe('consistent');
    expect(got.evidence[0]).toMatchObject({ label: 'Other outlet story', quote: 'Of course, they made the right choice to run.', date: '2022-09-10' });
    expect(v.find((x) => x.annotationId === byText('prices').id)!.kind).toBe('unverified');
  });
  test('a different speaker is no match', () => {
    const v = compareClaims(text, anns, ref(report([claim('Emmanuel Macron', 'they made the right choice to run')])));
    expect(v.every((x) => x.kind === 'unverified' && x.evidence.length === 0)).toBe(true);
  });
  test('a different figure differs, with the delta', () => {
    const fig: Annotation = { id: 'figure:1', category: 'figure', start: 0, end: 0, text: '2,000 square kilometres', figure: { kind: 'measure', value: 2000, unit: 'km2' } };
    const a = byText('2,000');
    const withFig = [...anns, { ...fig, start: a.start + a.text.indexOf('2,000'), end: a.start + a.text.indexOf('2,000') + 23, id: 'figure:x' }];
    const v = compareClaims(text, withFig, ref(report([claim('Zelensky', 'Ukraine recaptured 3,500 square kilometres of territory', [{ value: 3500, unit: 'km2', text: '3,500 square kilometres' }])])));
    const got = v.find((x) => x.annotationId === a.id)!;
    expect(got.kind).toBe('differs');
    expect(got.delta).toEqual({ absolute: -1500, relative: -1500 / 3500 });
  });
  test('the analysed article is never evidence for itself', () => {
    const self = report([claim('Zelensky', 'The Russian army made a "good choice" by fleeing')], { fingerprint: fingerprint(text) });
    const v = compareClaims(text, anns, ref(self));
    expect(v.every((x) => x.kind === 'unverified')).toBe(true);
    expect(compareClaims(text, anns, ref({ ...self, fingerprint: undefined, url: 'https://a.example/x' }), { url: 'https://a.example/x#top' }).every((x) => x.kind === 'unverified')).toBe(true);
  });
});

describe('seed reports across', () => {
  const seeds = resolve(__dirname, '../fixtures/seeds');
  const files = ['000_0542a8070dd0cc42.txt', '003_8f0f9114e9d9c3f5.txt'];
  const reports = parseReports(JSON.parse(readFileSync(resolve(__dirname, '../../assets/reference/reports.json'), 'utf8')));
  test.each([0, 1])('seed %i against the other seed: the shared claims match, itself is never evidence', (i) => {
    const text = readFileSync(resolve(seeds, files[i]), 'utf8');
    const anns = recognizeClaims(text);
    const consistent = (r: Reference) => compareClaims(text, anns, r, { published: '2022-09-10' }).filter((v) => v.kind === 'consistent').map((v) => anns.find((a) => a.id === v.annotationId)!.text);
    const found = consistent(ref(reports[1 - i])).join('\n');
    expect(found).toMatch(/withdrawing|pulling back/);
    expect(found).toMatch(/choice/);
    expect(found).toMatch(/Kupyansk|Kupiansk/);
    expect(consistent(ref(reports[i]))).toEqual([]);
  });
});

describe('sameDocumentUrl: a report at the article\'s own address is never evidence for it', () => {
  test.each([
    ['https://example.com/news/a', 'https://example.com/news/a', true],
    ['https://example.com/news/a?utm=1#top', 'http://EXAMPLE.com/news/a/', true],
    ['https://www.example.com/news/a', 'https://example.com/news/a', true],
    ['https://example.com/news/a', 'https://example.com/news/b', false],
    ['https://example.com/News/a', 'https://example.com/news/a', false],
    ['https://example.org/news/a', 'https://example.com/news/a', false],
  ])('%s vs %s -> %s', (a, b, same) => expect(sameDocumentUrl(a, b)).toBe(same));
});

describe('the speaker index finds every reference speaker speakersMatch matches', () => {
  const reports = parseReports(JSON.parse(readFileSync(resolve(__dirname, '../../assets/reference/reports.json'), 'utf8')));
  const refSpeakers = [...new Set(reports.flatMap((r) => r.claims.map((c) => c.speaker)))];
  const seeds = resolve(__dirname, '../fixtures/seeds');
  const fromText = ['000_0542a8070dd0cc42.txt', '003_8f0f9114e9d9c3f5.txt'].flatMap((f) =>
    recognizeClaims(readFileSync(resolve(seeds, f), 'utf8')).map((a) => a.claim!.source.name ?? a.claim!.source.text));
  const variants = [
    'Zelensky', 'Zelenskyy', 'Zelenskiy', 'Zelenksy', 'V. Zelensky', 'Volodymyr Zelenskyi', 'Olena Zelenska', 'President Zelensky', 'zelensky’s',
    'Konashenkov', 'Igor Konashenkow', 'Gen. Igor Konashenkov', 'Nikolenko', 'O. Nikolenko', 'Macron', 'Emanuel Macron', 'Élysée', 'the Elysee Palace',
    'Defense Ministry', 'the Ministry of Defence', 'Ukraine’s defence ministry', 'British Defence Ministry', 'Ukrainian military', 'Russian military',
    'the military', 'Security Service of Ukraine', 'SBU', 'intelligence', 'British intelligence', 'Kremlin', 'Russia', 'Russian', 'Moscow officials',
    'Ukrainian officials', 'officials', 'experts', 'military experts', 'observers', 'Gantshev', 'Vitaliy Ganchev', 'he', 'they', '', ' ', '’s', 'A B',
  ];
  const speakers = [...new Set([...fromText, ...variants, ...refSpeakers])];
  test('sameSpeaker never matches names mayBeSameSpeaker rules out', () => {
    for (const a of speakers) for (const b of [...refSpeakers, ...variants]) if (sameSpeaker(a, b)) expect(mayBeSameSpeaker(a, b), `${a} / ${b}`).toBe(true);
  });
  test('sameSpeaker never matches names mayBeSameSpeaker rules out: random spellings', () => {
    const name = fc.array(fc.stringMatching(/^[A-Za-zÉé’'.]{1,9}$/), { minLength: 1, maxLength: 3 }).map((w) => w.join(' '));
    fc.assert(fc.property(name, name, (a, b) => !sameSpeaker(a, b) || mayBeSameSpeaker(a, b)), { numRuns: 3000 });
    const stem = fc.constantFrom('zelensky', 'konashenkov', 'ministry', 'macron', 'nikolenko');
    const edited = fc.tuple(stem, fc.nat(8), fc.constantFrom('', 'y', 'i', 'w', 'ss'), fc.boolean()).map(([s, at, ins, cap]) => {
      const w = s.slice(0, at) + ins + s.slice(at + (ins ? 0 : 1));
      return cap ? w[0].toUpperCase() + w.slice(1) : w;
    });
    fc.assert(fc.property(edited, edited, fc.constantFrom('', 'Igor ', 'V. ', 'Defence '), (a, b, first) => !sameSpeaker(first + a, b) || mayBeSameSpeaker(first + a, b)), { numRuns: 3000 });
  });
  test('sameSurname never matches spellings mayBeSameSurname rules out', () => {
    const word = fc.stringMatching(/^[A-Za-zÉéøİı’'.-]{0,10}$/);
    fc.assert(fc.property(word, word, (x, y) => !sameSurname(x, y) || mayBeSameSurname(x, y)), { numRuns: 3000 });
    const stem = fc.constantFrom('zelensky', 'konashenkov', 'withdraw', 'kupiansk', 'recapture', 'ukrainian', 'macron', 'kyiv');
    // one or two edits of any kind: insertion, deletion, substitution, transposition
    const edit = fc.tuple(fc.constantFrom('ins', 'del', 'sub', 'swap'), fc.nat(10), fc.constantFrom('y', 'i', 'é', 's', 'k', "'"));
    const edited = fc.tuple(stem, fc.array(edit, { maxLength: 2 }), fc.boolean()).map(([s, edits, cap]) => {
      let w = s;
      for (const [kind, at, ch] of edits) {
        const i = at % (w.length + 1);
        if (kind === 'ins') w = w.slice(0, i) + ch + w.slice(i);
        else if (kind === 'del') w = w.slice(0, i) + w.slice(i + 1);
        else if (kind === 'sub') w = w.slice(0, i) + ch + w.slice(i + 1);
        else w = w.slice(0, i) + w.slice(i + 1, i + 2) + w.slice(i, i + 1) + w.slice(i + 2);
      }
      return cap ? w.toUpperCase() : w;
    });
    fc.assert(fc.property(edited, edited, (x, y) => !sameSurname(x, y) || mayBeSameSurname(x, y)), { numRuns: 5000 });
    fc.assert(fc.property(edited, edited, fc.constantFrom('', 'Igor ', 'V. ', 'the Defence '), (x, y, first) => !sameSpeaker(first + x, y) || mayBeSameSpeaker(first + x, y)), { numRuns: 5000 });
    for (const a of speakers) for (const b of refSpeakers) for (const x of a.split(/\s+/)) for (const y of b.split(/\s+/)) if (sameSurname(x, y)) expect(mayBeSameSurname(x, y), `${x} / ${y}`).toBe(true);
  });
  test('the indexed lookup equals speakersMatch over every reference speaker', () => {
    for (const s of speakers) expect(matchingReferenceSpeakers(reports, s), s).toEqual(refSpeakers.filter((r) => speakersMatch(s, r)));
  });
});

describe('reference data worked out once per reports array, redone when a report changes', () => {
  const text = 'Zelensky said the army recaptured the town of Kupiansk. The ministry said prices would rise.';
  const anns = recognizeClaims(text);
  const fresh = (r: ReferenceReport[]) => compareClaims(text, anns, ref(...structuredClone(r)), { published: '2022-09-10' });
  test('changing a statement, a speaker, a date or the claims in place gives what a new reference gives', () => {
    const c = { ...claim('Volodymyr Zelenskyy', 'Ukrainian troops recaptured the town'), id: 'c1' };
    const r = report([c]);
    const reference = ref(r);
    const run = () => compareClaims(text, anns, reference, { published: '2022-09-10' });
    expect(run().some((v) => v.kind === 'consistent')).toBe(true);
    expect(run()).toEqual(fresh([r]));
    c.statement = 'Prices would fall next year';
    expect(run()).toEqual(fresh([r]));
    expect(run().some((v) => v.kind === 'consistent')).toBe(false);
    c.statement = 'Ukrainian troops recaptured the town';
    c.speaker = 'Emmanuel Macron';
    expect(run()).toEqual(fresh([r]));
    expect(run().some((v) => v.kind === 'consistent')).toBe(false);
    r.claims.push({ ...claim('Zelensky', 'the army recaptured Kupiansk'), id: 'c2' });
    expect(run()).toEqual(fresh([r]));
    expect(run().some((v) => v.kind === 'consistent')).toBe(true);
    r.claims[1].date = '2021-01-01';
    expect(run()).toEqual(fresh([r]));
    reference.reports.push(report([{ ...claim('the ministry', 'prices would rise sharply'), id: 'c3' }], { id: 'r2' }));
    expect(run()).toEqual(fresh(reference.reports));
    r.fingerprint = fingerprint(text);
    expect(run()).toEqual(fresh(reference.reports));
  });
});

describe('concepts: the plain-text path gives what the Unicode folding gives', () => {
  // a lone combining mark sends the text through NFD and mark removal, and then vanishes
  const slow = (t: string) => concepts(t + '\u0301');
  test.each([
    'They pulled their troops back and took control of the town, moved out of Izium — 6,000 square km “regained”',
    'The army’s withdrawal: soldiers turned their backs; Zelensky’s office said they\'d retake it\u2003again\u00a0soon',
  ])('%s', (t) => expect([...concepts(t)]).toEqual([...slow(t)]));
  test('random text', () => {
    const word = fc.constantFrom('pulled', 'back', 'out', 'took', 'control', 'of', 'moved', 'from', 'square', 'km', 'turned', 'their', 'backs', 'troops', 'Kupiansk', "army's", 'army’s', '—', '\u2003', '\u00a0', ',', 'fled', 'taking');
    fc.assert(fc.property(fc.array(word, { maxLength: 20 }).map((w) => w.join(' ')), (t) => {
      expect([...concepts(t)]).toEqual([...slow(t)]);
    }), { numRuns: 500 });
  });
});

test('words that name Object.prototype members are plain words', () => {
  expect([...concepts('The constructor said the contract was signed')]).toContain('constructor');
  expect([...concepts('constructors')].every((c) => typeof c === 'string')).toBe(true);
});
