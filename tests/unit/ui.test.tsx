// @vitest-environment happy-dom
// Unit tests of the shared Preact pieces (src/ui): the accessible switch, the place/figure/claim lists
// and the display helpers, rendered under happy-dom.
import { afterEach, describe, expect, test, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { Switch } from '../../src/ui/Switch';
import { ClaimList, FigureList, PlaceList } from '../../src/ui/AnnotationLists';
import { asQuote, countryName, excerpt, figureValue, formatPopulation, groupPlaces, placeLocation, spellingUsed, verdictIndex } from '../../src/ui/describe';
import { PlaceMap, hitAreaSizes, layout, mapPoints } from '../../src/ui/PlaceMap';
import fc from 'fast-check';
import { tn } from '../../src/ui/i18n';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Annotation, Verdict } from '../../src/types';

let root: HTMLElement;
function mount(node: preact.ComponentChild) {
  root = document.createElement('div');
  document.body.append(root);
  act(() => render(node, root));
  return root;
}
afterEach(() => {
  render(null, root);
  root.remove();
});

const place = (start: number, text: string, name: string, extra: Partial<NonNullable<Annotation['place']>> = {}): Annotation => ({
  id: `place:${start}`, category: 'place', start, end: start + text.length, text,
  place: { name, kind: 'city', country: 'UA', region: 'Kharkiv Oblast', geonameId: name.length * 1000, population: 27000, ...extra },
});

describe('Switch', () => {
  test('is a switch named exactly by its label, toggling aria-checked through onChange', () => {
    const onChange = vi.fn();
    const el = mount(<Switch label="Places" checked={true} onChange={onChange}><span>12 found</span></Switch>);
    const sw = el.querySelector('[role="switch"]') as HTMLButtonElement;
    expect(sw.getAttribute('aria-checked')).toBe('true');
    expect(sw.textContent?.trim()).toBe('Places');
    sw.click();
    expect(onChange).toHaveBeenCalledWith(false);
  });

  test('off state', () => {
    const el = mount(<Switch label="Claims" checked={false} onChange={() => {}} />);
    expect(el.querySelector('[role="switch"]')!.getAttribute('aria-checked')).toBe('false');
  });
});

describe('describe helpers', () => {
  test.each([
    ['Kupyansk', 'Kupiansk', 'Kupyansk'],
    ['Kiev’s', 'Kyiv', 'Kiev'],
    ["Ukraine's", 'Ukraine', undefined],
    ['Kharkiv', 'Kharkiv', undefined],
  ])('spellingUsed(%s -> %s)', (text, name, expected) => {
    expect(spellingUsed(place(0, text, name))).toBe(expected);
  });

  test.each([
    [undefined, undefined],
    [0, undefined],
    [27000, '27,000'],
    [2_950_000, '2.95 million'],
  ])('formatPopulation(%s)', (n, expected) => expect(formatPopulation(n)).toBe(expected));

  test('place location: region and country, not repeating the place itself', () => {
    expect(placeLocation(place(0, 'Izyum', 'Izium'))).toBe('Kharkiv Oblast, Ukraine');
    expect(placeLocation(place(0, 'Ukraine', 'Ukraine', { kind: 'country', region: undefined }))).toBeUndefined();
    expect(countryName('fr')).toBe('France');
  });

  test('figure values', () => {
    const fig = (figure: NonNullable<Annotation['figure']>): Annotation => ({ id: 'figure:0', category: 'figure', start: 0, end: 1, text: 'x', figure });
    expect(figureValue(fig({ kind: 'measure', value: 45, unit: 'mi', si: { value: 72420, unit: 'm' } }))).toBe('45 mi (72.4 km)');
    expect(figureValue(fig({ kind: 'count', value: 10000, unit: 'soldiers', qualifier: 'more-than' }))).toBe('more than 10,000 soldiers');
    expect(figureValue(fig({ kind: 'date', value: null, iso: '2022-09-10' }))).toBe('2022-09-10');
    expect(figureValue(fig({ kind: 'percent', value: 20, unit: '%' }))).toBe('20%');
    expect(figureValue(fig({ kind: 'measure', value: 2000, unit: 'km2', qualifier: 'about', si: { value: 2e9, unit: 'm2' } }))).toBe('about 2,000 km2');
    expect(figureValue(fig({ kind: 'measure', value: 73, unit: 'km', si: { value: 73000, unit: 'm' } }))).toBe('73 km');
    expect(figureValue(fig({ kind: 'duration', value: 20, unit: 'year', qualifier: 'about', si: { value: 631e6, unit: 's' } }))).toBe('about 20 years');
    expect(figureValue(fig({ kind: 'duration', value: 1, unit: 'day' }))).toBe('1 day');
  });

  test.each([
    ['we will hold the line', '“we will hold the line”'],
    ['“We will hold the line,”', '“We will hold the line”'],
    ['"There is no place for the occupiers in Ukraine."', '“There is no place for the occupiers in Ukraine.”'],
    ['“fierce fighting” was continuing in the Donbass', '“fierce fighting” was continuing in the Donbass'],
  ])('asQuote(%j): one pair of quotation marks', (text, shown) => expect(asQuote(text)).toBe(shown));

  test('excerpt cuts at a word', () => {
    expect(excerpt('short')).toBe('short');
    const e = excerpt('word '.repeat(50), 40);
    expect(e.endsWith('…')).toBe(true);
    expect(e.length).toBeLessThanOrEqual(41);
  });

  test('places grouped by entry and spelling, in order of first mention', () => {
    const groups = groupPlaces([place(0, 'Izyum', 'Izium'), place(10, 'Kharkiv', 'Kharkiv'), place(20, 'Izyum', 'Izium'), place(30, 'Izium', 'Izium')]);
    expect(groups.map((g) => [g.first.text, g.mentions.length])).toEqual([['Izyum', 2], ['Kharkiv', 1], ['Izium', 1]]);
  });
});

describe('lists', () => {
  const annotations: Annotation[] = [
    place(0, 'Kupyansk', 'Kupiansk'),
    place(20, 'Kupyansk', 'Kupiansk'),
    { id: 'figure:40', category: 'figure', start: 40, end: 53, text: '73 kilometres', figure: { kind: 'measure', value: 73, unit: 'km' } },
    { id: 'claim:60', category: 'claim', start: 60, end: 90, text: '<img src=x onerror=alert(1)> a good decision',
      claim: { source: { start: 50, end: 59, text: 'Zelensky', name: 'Volodymyr Zelensky' }, cue: { start: 55, end: 59, text: 'said' } } },
  ];
  const verdicts: Verdict[] = [
    { annotationId: 'place:0', kind: 'variant', summary: 'Spelled Kupiansk in the gazetteer', evidence: [{ ref: 'geonames:1', label: 'Kupiansk' }] },
    { annotationId: 'place:20', kind: 'variant', summary: 'Spelled Kupiansk in the gazetteer', evidence: [{ ref: 'geonames:1', label: 'Kupiansk' }] },
  ];
  const vmap = verdictIndex(verdicts);

  test('place list: canonical name, spelling used, location, population, verdict; clicks walk the mentions', () => {
    const onSelect = vi.fn();
    const el = mount(<PlaceList annotations={annotations} verdicts={vmap} onSelect={onSelect} />);
    const items = el.querySelectorAll('li button');
    expect(items.length).toBe(1);
    const text = items[0]!.textContent!;
    expect(text).toContain('Kupiansk');
    expect(text).toContain('written “Kupyansk”');
    expect(text).toContain('Kharkiv Oblast, Ukraine');
    expect(text).toContain('pop. 27,000');
    expect(text).toContain('spelling variant');
    expect(items[0]!.querySelector('.fm-visually-hidden')!.textContent).toBe('2 mentions');
    (items[0] as HTMLButtonElement).click();
    (items[0] as HTMLButtonElement).click();
    (items[0] as HTMLButtonElement).click();
    expect(onSelect.mock.calls.map((c) => c[0])).toEqual(['place:0', 'place:20', 'place:0']);
  });

  test('figure and claim lists; page text stays text', () => {
    const onSelect = vi.fn();
    const el = mount(
      <div>
        <FigureList annotations={annotations} verdicts={vmap} onSelect={onSelect} />
        <ClaimList annotations={annotations} verdicts={vmap} onSelect={onSelect} />
      </div>,
    );
    expect(el.querySelector('.fm-list-figure')!.textContent).toContain('73 kilometres');
    expect(el.querySelector('.fm-list-figure')!.textContent).toContain('73 km');
    const claim = el.querySelector('.fm-list-claim')!;
    expect(claim.textContent).toContain('Volodymyr Zelensky');
    expect(claim.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(claim.querySelector('img')).toBeNull();
    (claim.querySelector('button') as HTMLButtonElement).click();
    expect(onSelect).toHaveBeenCalledWith('claim:60');
  });

  test('mentions of one place with different verdicts are separate items, so the filter matches the tally', () => {
    const mixed = verdictIndex([
      { annotationId: 'place:0', kind: 'variant', summary: 'Spelled Kupiansk in the gazetteer', evidence: [{ ref: 'geonames:1', label: 'Kupiansk' }] },
      { annotationId: 'place:20', kind: 'ambiguous', summary: 'Several places have this name', evidence: [{ ref: 'geonames:1', label: 'Kupiansk' }] },
    ]);
    const all = mount(<PlaceList annotations={annotations} verdicts={mixed} onSelect={() => {}} />);
    expect([...all.querySelectorAll('li button')].map((b) => [b.getAttribute('data-annotation'), b.querySelector('.fm-verdict')!.textContent])).toEqual([
      ['place:20', 'ambiguous'], // what needs a look first
      ['place:0', 'spelling variant'],
    ]);
    render(null, root);
    root.remove();
    const filtered = mount(<PlaceList annotations={annotations} verdicts={mixed} onSelect={() => {}} filter="ambiguous" />);
    expect(filtered.querySelectorAll('li button').length).toBe(1);
    expect(filtered.querySelector('.fm-item-count')).toBeNull(); // one mention, not ×2
  });

  test('figure kinds and counted words are worded through _locales', () => {
    const el = mount(
      <div>
        <FigureList annotations={[{ id: 'figure:0', category: 'figure', start: 0, end: 3, text: '20%', figure: { kind: 'percent', value: 20, unit: '%' } }]} verdicts={new Map()} onSelect={() => {}} />
        <ClaimList annotations={[0, 50].map((start): Annotation => ({ id: `claim:${start}`, category: 'claim', start, end: start + 20, text: 'we will hold the line',
          claim: { source: { start: 30, end: 38, text: 'Zelensky' }, cue: { start: 40, end: 44, text: 'said' } } }))} verdicts={new Map()} onSelect={() => {}} />
      </div>,
    );
    expect(el.querySelector('.fm-list-figure .fm-item-kind')!.textContent).toBe('percentage');
    expect(el.querySelector('.fm-speaker-name .fm-item-count')!.textContent!.trim()).toBe('2 claims');
    expect(el.querySelector('.fm-list-claim .fm-quote')!.textContent).toBe('“we will hold the line”');
  });

  test('empty lists say so', () => {
    const el = mount(<PlaceList annotations={[]} verdicts={new Map()} onSelect={() => {}} />);
    expect(el.textContent).toBe('No places found.');
  });
});

describe('map hit areas', () => {
  test('18 where there is room, smaller where points crowd, never overlapping', () => {
    expect(hitAreaSizes([[0, 0], [100, 0]])).toEqual([18, 18]);
    expect(hitAreaSizes([[0, 0], [10, 0], [200, 200]])).toEqual([7, 7, 18]);
    expect(hitAreaSizes([[0, 0], [0.5, 0]])).toEqual([6, 6]); // on top of each other: a minimum, keyboard still reaches both
  });
  test('squares of those sides around points never overlap (unless at the minimum)', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.double({ min: 0, max: 330, noNaN: true }), fc.double({ min: 0, max: 170, noNaN: true })), { minLength: 2, maxLength: 12 }), (pts) => {
      const s = hitAreaSizes(pts);
      for (let i = 0; i < pts.length; i++) {
        for (let j = i + 1; j < pts.length; j++) {
          if (s[i] === 6 || s[j] === 6) continue;
          const [a, b] = [pts[i]!, pts[j]!];
          const gap = (s[i]! + s[j]!) / 2;
          expect(Math.abs(a[0] - b[0]) >= gap - 1e-9 || Math.abs(a[1] - b[1]) >= gap - 1e-9).toBe(true);
        }
      }
    }));
  });
});

describe('place map', () => {
  const town = (start: number, name: string, lat: number, lon: number, id: number): Annotation => ({
    id: `place:${start}`, category: 'place', start, end: start + name.length, text: name,
    place: { name, kind: 'city', country: 'UA', lat, lon, geonameId: id },
  });
  const izium = town(0, 'Izium', 49.2128, 37.2569, 707688);
  const kupiansk = town(10, 'Kupiansk', 49.7106, 37.6156, 704147);

  test('one point per located town; countries and unlocated places left out', () => {
    const pts = mapPoints([izium, kupiansk, town(20, 'Izium', 49.2128, 37.2569, 707688),
      { ...place(30, 'Ukraine', 'Ukraine', { kind: 'country', lat: 49, lon: 32 }) }, place(40, 'Royal Street', 'Royal Street', { kind: 'feature' })]);
    expect(pts.map((p) => p.name)).toEqual(['Izium', 'Kupiansk']);
  });

  test('layout keeps north up, east right, and distances to scale', () => {
    const pts = mapPoints([izium, kupiansk]);
    const l = layout(pts, 320, 170);
    expect(l.y(kupiansk.place!.lat!)).toBeLessThan(l.y(izium.place!.lat!)); // Kupiansk is north of Izium
    expect(l.x(kupiansk.place!.lon!)).toBeGreaterThan(l.x(izium.place!.lon!));
    // ~61 km apart in a straight line: the scale bar converts px back to km within 2%.
    const dx = l.x(kupiansk.place!.lon!) - l.x(izium.place!.lon!);
    const dy = l.y(kupiansk.place!.lat!) - l.y(izium.place!.lat!);
    const km = (Math.hypot(dx, dy) / l.scale.px) * l.scale.km;
    expect(km).toBeGreaterThan(60);
    expect(km).toBeLessThan(63);
    for (const p of pts) {
      expect(l.x(p.lon)).toBeGreaterThanOrEqual(0);
      expect(l.x(p.lon)).toBeLessThanOrEqual(320);
      expect(l.y(p.lat)).toBeGreaterThanOrEqual(0);
      expect(l.y(p.lat)).toBeLessThanOrEqual(170);
    }
  });

  test('renders a labelled image with a dot per town, nothing for fewer than two', () => {
    const onSelect = vi.fn();
    const el = mount(<PlaceMap annotations={[izium, kupiansk]} onSelect={onSelect} />);
    expect(el.querySelector('svg[role="img"]')).not.toBeNull();
    expect(el.querySelectorAll('circle').length).toBe(2);
    expect(el.querySelector('figcaption')!.textContent).toContain('Izium, Kupiansk');
    render(null, root);
    const el2 = mount(<PlaceMap annotations={[izium]} onSelect={onSelect} />);
    expect(el2.querySelector('svg')).toBeNull();
  });
});

describe('plural forms (tn): one key per plural category, chosen by Intl.PluralRules', () => {
  afterEach(() => vi.restoreAllMocks());
  test('English: one and other, the count formatted', () => {
    expect(tn('mentions', 1)).toBe('1 mention');
    expect(tn('mentions', 2)).toBe('2 mentions');
    expect(tn('status_words', 1)).toBe('1 word analysed');
    expect(tn('status_words', 1234)).toBe('1,234 words analysed');
    expect(tn('speaker_claims', 1)).toBe('1 claim');
    expect(tn('map_caption', 2, 'Kyiv, Izium')).toBe('Map of 2 places mentioned: Kyiv, Izium');
  });
  test('a language with more categories gets its form, and the "other" form where it has none', () => {
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('pl');
    const polish: Record<string, string> = { mentions_one: '$1 wzmianka', mentions_few: '$1 wzmianki', mentions_other: '$1 wzmianek' };
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string, subs?: string | string[]) =>
      (polish[key] ?? '').replace('$1', String(Array.isArray(subs) ? subs[0] : subs))) as typeof fakeBrowser.i18n.getMessage);
    expect(tn('mentions', 1)).toBe('1 wzmianka');
    expect(tn('mentions', 3)).toBe('3 wzmianki'); // few
    expect(tn('mentions', 5)).toBe('5 wzmianek'); // many: no such key, so other
  });
});
