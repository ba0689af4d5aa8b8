// @vitest-environment happy-dom
// Tests for the card (content model, placement, rendering without innerHTML) and mark lookups.
import { describe, expect, test } from 'vitest';
import { Card, cardModel, placeCard } from '../../src/page/card';
import { annotationAt, stepMark } from '../../src/page/marks';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CATEGORIES, type Annotation, type Verdict } from '../../src/types';

const ALL = { place: true, figure: true, claim: true };
const kup: Annotation = { id: 'place:10', category: 'place', start: 10, end: 18, text: 'Kupyansk',
  place: { name: 'Kupiansk', kind: 'city', country: 'UA', region: 'Kharkiv Oblast', population: 27000, lat: 49.71, lon: 37.61 } };
const claim: Annotation = { id: 'claim:0', category: 'claim', start: 0, end: 40, text: 'troops entered Kupyansk near the border',
  claim: { source: { start: 41, end: 49, text: 'he', name: 'Zelensky' }, cue: { start: 50, end: 54, text: 'said' } } };
const fig: Annotation = { id: 'figure:25', category: 'figure', start: 25, end: 30, text: '73 km', figure: { kind: 'measure', value: 73, unit: 'km', qualifier: 'about', si: { value: 73000, unit: 'm' } } };
const variant: Verdict = { annotationId: 'place:10', kind: 'variant', summary: 'spelled Kupiansk in the gazetteer', evidence: [{ ref: 'geonames:704617', label: 'Kupiansk, Kharkiv Oblast, Ukraine', source: 'GeoNames' }] };

describe('cardModel', () => {
  test('place: canonical name, spelling used, where, population, verdict and evidence', () => {
    const m = cardModel(kup, variant);
    expect(m.category).toBe('Place');
    expect(m.heading).toBe('Kupiansk');
    expect(m.rows).toEqual(expect.arrayContaining([
      { label: 'In the text', value: 'Kupyansk' },
      { label: 'Kind', value: 'town' },
      { label: 'Where', value: 'Kharkiv Oblast, Ukraine' },
      { label: 'Population', value: '27,000' },
    ]));
    expect(m.verdict).toEqual({ kind: 'Spelling variant', summary: 'spelled Kupiansk in the gazetteer' });
    expect(m.evidence).toEqual(['Kupiansk, Kharkiv Oblast, Ukraine · GeoNames']);
  });
  test('figure and claim', () => {
    expect(cardModel(fig).rows).toEqual(expect.arrayContaining([{ label: 'Value', value: 'about 73 km' }, { label: 'Normalised', value: '73,000 m' }]));
    const c = cardModel(claim);
    expect(c.heading).toBe('Zelensky');
    expect(c.rows).toEqual(expect.arrayContaining([{ label: 'Cue', value: 'said' }]));
    expect(c.verdict).toBeUndefined();
  });
});

describe('card words come from _locales', () => {
  const en = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../src/ui/locales/en/messages.json'), 'utf8')) as Record<string, { message: string }>;
  test.each(CATEGORIES)('category %s', (c) => {
    const a = c === 'place' ? kup : c === 'figure' ? fig : claim;
    expect(cardModel(a).category).toBe(en[`card_category_${c}`]!.message);
  });
  test.each(['consistent', 'differs', 'variant', 'ambiguous', 'unverified'] as const)('verdict %s', (kind) => {
    expect(cardModel(kup, { ...variant, kind }).verdict!.kind).toBe(en[`card_verdict_${kind}`]!.message);
  });
  test('row labels, kinds, the hint and counted words are messages, never hard-coded', () => {
    const labels = [cardModel(kup, variant), cardModel(fig), cardModel(claim)].flatMap((m) => m.rows.map((r) => r.label));
    const messages = new Set(Object.values(en).map((m) => m.message));
    for (const l of labels) expect(messages, l).toContain(l);
    expect(cardModel({ ...kup, place: { ...kup.place!, candidates: 3 } }).rows).toContainEqual({ label: 'Same name', value: '3 places' });
    const card = new Card(document);
    card.show(kup.id, cardModel(kup, variant), null, '#0072B2');
    expect(card.text()).toContain(en.card_hint!.message);
    card.hide();
  });
  test.each([
    ['more-than', 'more than 10,000 soldiers'],
    ['at-least', 'at least 10,000 soldiers'],
    ['up-to', 'up to 10,000 soldiers'],
    ['about', 'about 10,000 soldiers'],
    ['exact', '10,000 soldiers'],
  ] as const)('qualifier %s is worded, not shown as its id', (qualifier, value) => {
    const a: Annotation = { ...fig, figure: { kind: 'count', value: 10000, unit: 'soldiers', qualifier } };
    expect(cardModel(a).rows).toContainEqual({ label: 'Value', value });
    expect(cardModel(a).rows).toContainEqual({ label: 'Kind', value: 'count' });
  });
  test('an inferred evidence date is worded', () => {
    const v: Verdict = { ...variant, evidence: [{ ref: 'r', label: 'Reuters', date: '2022-09-10 (inferred)' }] };
    expect(cardModel(kup, v).evidence).toEqual([`Reuters · ${en.card_date_inferred!.message.replace('$1', '2022-09-10')}`]);
  });
  test('a range reads as one', () => {
    const a: Annotation = { ...fig, figure: { kind: 'count', value: 10, high: 20, unit: 'km', qualifier: 'range' } };
    expect(cardModel(a).rows).toContainEqual({ label: 'Value', value: '10–20 km' });
  });
});

describe('placeCard never covers the mark', () => {
  const vp = { width: 1000, height: 800 };
  test.each([
    [{ top: 100, bottom: 120, left: 50, right: 120 }, 'below'],
    [{ top: 700, bottom: 720, left: 50, right: 120 }, 'above'],
    [{ top: 100, bottom: 120, left: 950, right: 990 }, 'below'],
  ])('%o -> %s', (anchor, where) => {
    const size = { width: 300, height: 150 };
    const p = placeCard(anchor, size, vp);
    const overlaps = p.top < anchor.bottom && p.top + size.height > anchor.top && p.left < anchor.right && p.left + size.width > anchor.left;
    expect(overlaps).toBe(false);
    expect(where === 'below' ? p.top >= anchor.bottom : p.top + size.height <= anchor.top).toBe(true);
    expect(p.left + size.width).toBeLessThanOrEqual(vp.width);
  });
});

describe('Card rendering', () => {
  test('page text goes in as text, never as markup; hide removes the element', () => {
    const evil: Annotation = { ...kup, text: '<img src=x onerror=alert(1)>', place: { ...kup.place!, name: '<b>bold</b>' } };
    const card = new Card(document);
    card.show(evil.id, cardModel(evil), null, '#0072B2');
    const host = document.querySelector('factmark-card')!;
    expect(host).not.toBeNull();
    expect(document.querySelector('img, b')).toBeNull();
    expect(card.text()).toContain('<b>bold</b>');
    expect(card.isOpen).toBe(true);
    card.hide();
    expect(document.querySelector('factmark-card')).toBeNull();
  });
});

describe('mark lookups', () => {
  const anns = [claim, kup, fig].sort((a, b) => a.start - b.start);
  test('annotationAt picks the innermost enabled mark', () => {
    expect(annotationAt(anns, 12, ALL)?.id).toBe('place:10');
    expect(annotationAt(anns, 12, { ...ALL, place: false })?.id).toBe('claim:0');
    expect(annotationAt(anns, 35, ALL)?.id).toBe('claim:0');
    expect(annotationAt(anns, 45, ALL)).toBeNull();
  });
  test('stepMark walks enabled marks in order and wraps', () => {
    expect(stepMark(anns, null, 1, ALL)?.id).toBe('claim:0');
    expect(stepMark(anns, 'claim:0', 1, ALL)?.id).toBe('place:10');
    expect(stepMark(anns, 'figure:25', 1, ALL)?.id).toBe('claim:0');
    expect(stepMark(anns, null, -1, ALL)?.id).toBe('figure:25');
    expect(stepMark(anns, 'claim:0', 1, { place: false, figure: true, claim: true })?.id).toBe('figure:25');
    expect(stepMark(anns, null, 1, { place: false, figure: false, claim: false })).toBeNull();
  });
});
