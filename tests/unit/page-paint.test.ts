// @vitest-environment happy-dom
// Tests for painting: element fallback restores the DOM exactly; the Highlight path with a fake registry.
import { beforeEach, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { locateArticle } from '../../src/article/text-model';
import { Painter, type PaintEnv } from '../../src/page/paint';
import type { Annotation, Category } from '../../src/types';

const ALL = { place: true, figure: true, claim: true };
const ann = (text: string, sub: string, category: Category, from = 0): Annotation => {
  const start = text.indexOf(sub, from);
  if (start < 0) throw new Error(`no ${sub}`);
  return { id: `${category}:${start}`, category, start, end: start + sub.length, text: sub };
};
const NO_HL: PaintEnv = { registry: null, Highlight: null };

class FakeHighlight {
  ranges: AbstractRange[];
  priority = 0;
  constructor(...r: AbstractRange[]) { this.ranges = r; }
}
const fakeEnv = () => {
  const registry = new Map<string, unknown>();
  return { registry, env: { registry, Highlight: FakeHighlight as unknown as PaintEnv['Highlight'] } as PaintEnv };
};

const HTML = '<article><p>Zelensky said  troops <b>ent</b>ered Kupyansk, 73 km <i>north</i> of Izyum.</p><p>Kiev &amp; Kharkiv.</p></article><p>Footer</p>';

let annotations: Annotation[];
let text: string;
function setup() {
  document.body.innerHTML = HTML;
  const model = locateArticle(document.body, null);
  text = model.text;
  annotations = [
    ann(text, 'troops entered Kupyansk, 73 km north of Izyum', 'claim'),
    ann(text, 'Kupyansk', 'place'),
    ann(text, '73 km', 'figure'),
    ann(text, 'Izyum', 'place'),
    ann(text, 'Kiev', 'place'),
    ann(text, 'Kharkiv', 'place'),
  ];
  return model;
}

beforeEach(() => { document.head.innerHTML = ''; });

describe('element fallback', () => {
  test('painting wraps each annotation in factmark-mark elements with the category', () => {
    const model = setup();
    const p = new Painter(document, model, annotations, NO_HL, { describe: (a) => `${a.category}: ${a.text}`, focusable: true });
    p.paint(ALL);
    const marks = [...document.querySelectorAll('factmark-mark')];
    expect(marks.length).toBeGreaterThan(0);
    const places = [...document.querySelectorAll('factmark-mark[data-factmark-category="place"]')].map((m) => m.textContent);
    expect(places).toEqual(['Kupyansk', 'Izyum', 'Kiev', 'Kharkiv']);
    const claimText = p.marksOf(annotations[0].id).map((m) => m.textContent).join('');
    expect(claimText.replace(/\s+/g, ' ')).toBe('troops entered Kupyansk, 73 km north of Izyum');
    expect(document.querySelector('factmark-mark[data-factmark-category="figure"]')!.getAttribute('aria-description')).toBe('figure: 73 km');
    expect(document.querySelectorAll('factmark-mark[tabindex="0"]').length).toBe(annotations.length);
    expect(document.body.textContent).toBe(new DOMParser().parseFromString(HTML, 'text/html').body.textContent);
    expect(document.querySelector('factmark-style style')).not.toBeNull();
  });

  test('removing restores the DOM byte for byte, with the same text nodes', () => {
    const model = setup();
    const before = document.body.outerHTML;
    const headBefore = document.head.outerHTML;
    const nodes = [...model.nodes];
    const p = new Painter(document, model, annotations, NO_HL);
    p.paint(ALL);
    expect(document.body.outerHTML).not.toBe(before);
    p.clear();
    expect(document.body.outerHTML).toBe(before);
    expect(document.head.outerHTML).toBe(headBefore);
    // The very same Text nodes are back in place, holding their original data.
    for (const n of nodes) expect(n.isConnected).toBe(true);
    expect(locateArticle(document.body, null).text).toBe(model.text);
  });

  test('same node count after paint/clear as a fresh parse', () => {
    const model = setup();
    const count = (n: Node): number => [...n.childNodes].reduce((s, c) => s + 1 + count(c), 0);
    const expected = count(document.body);
    const p = new Painter(document, model, annotations, NO_HL);
    p.paint(ALL);
    p.paint({ place: false, figure: true, claim: true });
    p.clear();
    expect(count(document.body)).toBe(expected);
  });

  test('painting twice paints once', () => {
    const model = setup();
    const p = new Painter(document, model, annotations, NO_HL);
    p.paint(ALL);
    const html = document.body.outerHTML;
    p.paint(ALL);
    expect(document.body.outerHTML).toBe(html);
    expect(document.querySelectorAll('factmark-style').length).toBe(1);
  });

  test('turning one category off removes only it; back on repaints it', () => {
    const model = setup();
    const before = document.body.outerHTML;
    const p = new Painter(document, model, annotations, NO_HL);
    p.paint(ALL);
    const all = document.body.outerHTML;
    p.paint({ place: false, figure: true, claim: true });
    expect(document.querySelectorAll('[data-factmark-category="place"]').length).toBe(0);
    expect(document.querySelectorAll('[data-factmark-category="figure"]').length).toBe(1);
    expect(document.querySelectorAll('[data-factmark-category="claim"]').length).toBeGreaterThan(0);
    p.paint(ALL);
    expect(document.body.outerHTML).toBe(all);
    p.paint({ place: false, figure: false, claim: false });
    expect(document.body.outerHTML).toBe(before);
    expect(document.querySelector('factmark-style')).toBeNull();
  });

  test('property: any set of spans paints and restores exactly', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.nat(40), fc.constantFrom<Category>('place', 'figure', 'claim')), { maxLength: 12 }), (specs) => {
        const model = setup();
        const before = document.body.outerHTML;
        const anns = specs.map(([s, l, c]) => {
          const start = s % model.text.length;
          const end = Math.min(model.text.length, start + l + 1);
          return { id: `${c}:${start}`, category: c, start, end, text: model.text.slice(start, end) } as Annotation;
        });
        const p = new Painter(document, model, anns, NO_HL);
        p.paint(ALL);
        p.paint({ place: true, figure: false, claim: true });
        p.clear();
        expect(document.body.outerHTML).toBe(before);
      }),
      { numRuns: 150 },
    );
  });
});

describe('CSS Custom Highlight path (fake registry)', () => {
  test('one Highlight per category under the contract names; ranges read back as the annotation text', () => {
    const model = setup();
    const before = document.body.outerHTML;
    const { registry, env } = fakeEnv();
    const p = new Painter(document, model, annotations, env);
    p.paint(ALL);
    expect([...registry.keys()].sort()).toEqual(['factmark-claim', 'factmark-figure', 'factmark-place']);
    const places = registry.get('factmark-place') as FakeHighlight;
    expect(places.ranges.length).toBe(4);
    const read = (r: AbstractRange) => { const x = document.createRange(); x.setStart(r.startContainer, r.startOffset); x.setEnd(r.endContainer, r.endOffset); return x.toString(); };
    expect(places.ranges.map(read)).toEqual(['Kupyansk', 'Izyum', 'Kiev', 'Kharkiv']);
    expect(document.querySelectorAll('factmark-mark').length).toBe(0);
    p.paint({ place: true, figure: false, claim: true });
    expect(registry.has('factmark-figure')).toBe(false);
    expect(registry.get('factmark-place')).toBe(places); // untouched
    p.paint(ALL);
    expect(registry.has('factmark-figure')).toBe(true);
    p.clear();
    expect(registry.size).toBe(0);
    expect(document.querySelector('factmark-style')).toBeNull();
    // Page itself unchanged apart from the style element that is gone again.
    expect(document.body.outerHTML).toBe(before);
  });

  test('a page that clears the registry gets repainted on the next paint; foreign entries are left alone', () => {
    const model = setup();
    const { registry, env } = fakeEnv();
    const p = new Painter(document, model, annotations, env);
    p.paint(ALL);
    registry.clear();
    registry.set('factmark-place', 'page-owned');
    p.paint(ALL);
    expect(registry.get('factmark-place')).toBeInstanceOf(FakeHighlight);
    registry.set('factmark-claim', 'page-owned');
    p.clear();
    expect(registry.get('factmark-claim')).toBe('page-owned');
  });

  test('screen-reader mode switches to elements and back, restoring exactly', () => {
    const model = setup();
    const before = document.body.outerHTML;
    const { registry, env } = fakeEnv();
    const p = new Painter(document, model, annotations, env);
    p.paint(ALL, true);
    expect(registry.size).toBe(0);
    expect(document.querySelectorAll('factmark-mark').length).toBeGreaterThan(0);
    p.paint(ALL, false);
    expect(document.querySelectorAll('factmark-mark').length).toBe(0);
    expect(registry.size).toBe(3);
    p.clear();
    expect(document.body.outerHTML).toBe(before);
  });
});
