// @vitest-environment happy-dom
// Tests for painting a claim's source and cue beside its content: their own highlights
// (factmark-claim-source, factmark-claim-cue) and data-factmark-part element marks, switched with
// Claims, restored exactly, painted once, put back after a page clears the registry; places inside
// a source still show; the stylesheet styles them apart from the content.
import { beforeEach, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { locateArticle, type TextModel } from '../../src/article/text-model';
import { Painter, type PaintEnv } from '../../src/page/paint';
import { FakeHighlight, SetlikeHighlight, fakeEnv, readRange } from './highlight-helpers';
import { pageCss, tint } from '../../src/page/styles';
import { DEFAULT_APPEARANCE } from '../../src/appearance';
import type { Annotation, Category } from '../../src/types';
import { claimPartAt } from '../../src/page/marks';
import { extractArticleAsync as extractHere } from '../../src/article/readability';

const ALL = { place: true, figure: true, claim: true };
const NO_CLAIMS = { place: true, figure: true, claim: false };
const NO_HL: PaintEnv = { registry: null, Highlight: null };

const read = readRange;
const texts = (registry: Map<string, unknown>, name: string) => ((registry.get(name) as FakeHighlight | undefined)?.ranges ?? []).map(read);

// "Ukraine's defence ministry" holds a place; the second claim shares the first one's source; the
// third one's source and cue lie inside the fourth claim's content (nested and overlapping spans).
const HTML = '<article><p><a href="/mod">Ukraine\'s defence <b>ministry</b></a> said troops entered Kupyansk, 73 km north of Izyum.</p>' +
  '<p>"We will stay," the ministry added. Zelensky said that Moscow said it was pulling back troops from two areas.</p></article><p>Footer</p>';

let model: TextModel;
let text: string;
const span = (sub: string, from = 0) => {
  const start = text.indexOf(sub, from);
  if (start < 0) throw new Error(`no ${sub}`);
  return { start, end: start + sub.length, text: sub };
};
const plain = (sub: string, category: Category, from = 0): Annotation => {
  const s = span(sub, from);
  return { id: `${category}:${s.start}`, category, ...s };
};
const claim = (content: string, source: string, cue: string, from = 0, name?: string): Annotation => {
  const s = span(content, from);
  return { id: `claim:${s.start}`, category: 'claim', ...s, claim: { source: { ...span(source, from > 0 ? from : 0), ...(name ? { name } : {}) }, cue: span(cue, from) } };
};

let annotations: Annotation[];
function setup(): TextModel {
  document.body.innerHTML = HTML;
  model = locateArticle(document.body, null);
  text = model.text;
  const p2 = text.indexOf('"We will');
  annotations = [
    claim('troops entered Kupyansk, 73 km north of Izyum', "Ukraine's defence ministry", 'said'),
    claim('"We will stay,"', "Ukraine's defence ministry", 'added', 0),
    claim('it was pulling back troops from two areas', 'Moscow', 'said', text.indexOf('Moscow')),
    claim('Moscow said it was pulling back troops from two areas', 'Zelensky', 'said', text.indexOf('Zelensky'), 'Volodymyr Zelensky'),
    plain('Ukraine', 'place'),
    plain('Kupyansk', 'place'),
    plain('73 km', 'figure'),
    plain('Izyum', 'place'),
    plain('Moscow', 'place', p2),
    plain('two', 'figure', p2),
  ];
  // The second claim's cue is "added" in the second paragraph, its source the first paragraph's.
  annotations[1].claim!.cue = span('added');
  return model;
}

const SOURCES = ["Ukraine's defence ministry", 'Moscow', 'Zelensky'];
const CUES = ['said', 'added', 'said', 'said'];

beforeEach(() => { document.head.innerHTML = ''; });

describe('CSS Custom Highlight path', () => {
  for (const [label, H] of [['constructed once', FakeHighlight], ['setlike, filled progressively', SetlikeHighlight]] as const) {
    test(`sources and cues get their own highlights with the right ranges (${label})`, () => {
      setup();
      const { registry, env } = fakeEnv(H);
      const before = document.body.outerHTML;
      const p = new Painter(document, model, annotations, env);
      p.paint(ALL);
      expect([...registry.keys()].sort()).toEqual(['factmark-claim', 'factmark-claim-cue', 'factmark-claim-source', 'factmark-figure', 'factmark-place']);
      expect(texts(registry, 'factmark-claim-source').sort()).toEqual([...SOURCES].sort()); // a shared source once
      expect(texts(registry, 'factmark-claim-cue').sort()).toEqual([...CUES].sort());
      expect(texts(registry, 'factmark-claim').length).toBe(4);
      // Priorities: content lowest, parts above it, figures and places on top (a place in a source shows).
      const prio = (n: string) => (registry.get(n) as FakeHighlight).priority;
      expect(prio('factmark-claim')).toBeLessThan(prio('factmark-claim-source'));
      expect(prio('factmark-claim-source')).toBe(prio('factmark-claim-cue'));
      expect(prio('factmark-claim-source')).toBeLessThan(prio('factmark-figure'));
      expect(prio('factmark-figure')).toBeLessThan(prio('factmark-place'));
      expect(p.complete(ALL)).toBe(true);
      expect(document.querySelectorAll('factmark-mark').length).toBe(0);
      expect(document.body.outerHTML).toBe(before);

      // Claims off: content, sources and cues go; the rest stays untouched.
      const places = registry.get('factmark-place');
      p.paint(NO_CLAIMS);
      expect([...registry.keys()].sort()).toEqual(['factmark-figure', 'factmark-place']);
      expect(registry.get('factmark-place')).toBe(places);
      expect(p.complete(NO_CLAIMS)).toBe(true);
      // On again: painted once more, once.
      p.paint(ALL);
      p.paint(ALL);
      expect(texts(registry, 'factmark-claim-source').sort()).toEqual([...SOURCES].sort());
      expect(texts(registry, 'factmark-claim-cue').length).toBe(CUES.length);
      p.clear();
      expect(registry.size).toBe(0);
      expect(document.body.outerHTML).toBe(before);
    });
  }

  test('a page that clears CSS.highlights gets the parts back with the rest; foreign entries are left alone', () => {
    setup();
    const { registry, env } = fakeEnv(SetlikeHighlight);
    const p = new Painter(document, model, annotations, env);
    p.paint(ALL);
    const source = registry.get('factmark-claim-source');
    registry.clear();
    expect(p.lostHighlights()).toBe(true);
    expect(p.complete(ALL)).toBe(false);
    p.paint(ALL);
    expect(registry.get('factmark-claim-source')).toBe(source); // the same Highlight, with its ranges
    expect(texts(registry, 'factmark-claim-source').length).toBe(SOURCES.length);
    expect(registry.has('factmark-claim-cue')).toBe(true);
    expect(p.lostHighlights()).toBe(false);
    registry.set('factmark-claim-cue', 'page-owned');
    expect(p.lostHighlights()).toBe(true);
    p.clear();
    expect(registry.get('factmark-claim-cue')).toBe('page-owned');
    expect(registry.size).toBe(1);
  });

  test('progressive painting (out of time between items) and growth paint each part once', () => {
    setup();
    const { registry, env } = fakeEnv(SetlikeHighlight);
    const p = new Painter(document, model, annotations.slice(0, 2), env);
    let n = 0;
    while (!p.paint(ALL, false, () => n++ % 2 === 1)) { /* a slice at a time */ }
    expect(texts(registry, 'factmark-claim-source')).toEqual(["Ukraine's defence ministry"]);
    expect(texts(registry, 'factmark-claim-cue').sort()).toEqual(['added', 'said']);
    p.add(annotations.slice(2)); // a later slice of the article
    expect(p.complete(ALL)).toBe(false);
    while (!p.paint(ALL, false, () => n++ % 3 === 2)) { /* again */ }
    expect(texts(registry, 'factmark-claim-source').sort()).toEqual([...SOURCES].sort());
    expect(texts(registry, 'factmark-claim-cue').sort()).toEqual([...CUES].sort());
    expect(p.complete(ALL)).toBe(true);
  });

  test('unsound part spans (out of bounds, empty, text that does not match) are not painted', () => {
    setup();
    const bad: Annotation[] = [
      { ...annotations[0], claim: { source: { start: 0, end: text.length + 5, text: 'x' }, cue: { start: 3, end: 3, text: '' } } },
      { ...annotations[2], claim: { source: { start: 1, end: 4, text: 'not this' }, cue: annotations[2].claim!.cue } },
      { id: 'claim:x', category: 'claim', start: 0, end: 4, text: text.slice(0, 4) }, // no claim info at all
    ];
    const { registry, env } = fakeEnv();
    new Painter(document, model, bad, env).paint(ALL);
    expect(registry.has('factmark-claim-source')).toBe(false);
    expect(texts(registry, 'factmark-claim-cue')).toEqual(['said']);
  });
});

describe('element path (fallback and screen-reader mode)', () => {
  const partText = (part: string) => {
    // Pieces of one part carry the same claim id and follow each other in document order.
    const out: { id: string; text: string }[] = [];
    for (const el of document.querySelectorAll(`factmark-mark[data-factmark-part="${part}"]`)) {
      const id = el.getAttribute('data-factmark-id')!;
      const last = out[out.length - 1];
      if (last && last.id === id) last.text += el.textContent;
      else out.push({ id, text: el.textContent ?? '' });
    }
    return out.map((x) => x.text);
  };

  test('sources and cues are wrapped in factmark-mark data-factmark-part with accessible descriptions', () => {
    setup();
    const before = document.body.outerHTML;
    const p = new Painter(document, model, annotations, NO_HL, { describe: (a) => `${a.category}: ${a.text}`, focusable: true });
    p.paint(ALL);
    expect(partText('source').sort()).toEqual([...SOURCES].sort());
    expect(partText('cue').sort()).toEqual([...CUES].sort());
    for (const el of document.querySelectorAll('factmark-mark[data-factmark-part]')) {
      expect(el.getAttribute('data-factmark-category')).toBe('claim');
      expect(el.getAttribute('role')).toBe('mark');
      expect(el.hasAttribute('tabindex')).toBe(false); // keyboard stops are the claims themselves
      expect(el.getAttribute('data-factmark-id')).toMatch(/^claim:\d+$/);
    }
    const labels = [...document.querySelectorAll('factmark-mark[data-factmark-part]')].map((e) => e.getAttribute('aria-description'));
    expect(labels).toContain("Source of a claim: Ukraine's defence ministry");
    expect(labels).toContain('Source of a claim: Volodymyr Zelensky'); // the resolved name
    expect(labels).toContain('Attribution cue of a claim: added');
    // Every claim's content is still one focusable annotation; marksOf gives its content only.
    expect(document.querySelectorAll('factmark-mark[tabindex="0"]').length).toBe(annotations.length);
    for (const a of annotations.filter((x) => x.category === 'claim')) {
      expect(p.marksOf(a.id).map((m) => m.textContent).join('')).toBe(a.text);
    }
    // A place inside a source still shows: its mark sits inside the source's.
    const ukraine = [...document.querySelectorAll('factmark-mark[data-factmark-category="place"]')].find((m) => m.textContent === 'Ukraine')!;
    expect(ukraine.parentElement!.getAttribute('data-factmark-part')).toBe('source');
    const moscow = [...document.querySelectorAll('factmark-mark[data-factmark-category="place"]')].find((m) => m.textContent === 'Moscow')!;
    expect(moscow.closest('[data-factmark-part="source"]')).not.toBeNull();
    expect(document.body.textContent).toBe(new DOMParser().parseFromString(HTML, 'text/html').body.textContent);
    p.clear();
    expect(document.body.outerHTML).toBe(before);
  });

  test('no describe option: no descriptions on parts either', () => {
    setup();
    new Painter(document, model, annotations, NO_HL).paint(ALL);
    expect(document.querySelector('factmark-mark[aria-description]')).toBeNull();
    expect(document.querySelectorAll('factmark-mark[data-factmark-part]').length).toBeGreaterThan(0);
  });

  test('Claims off removes sources and cues and keeps the rest; on repaints; all off restores byte for byte', () => {
    setup();
    const before = document.body.outerHTML;
    const nodes = [...model.nodes];
    const p = new Painter(document, model, annotations, NO_HL);
    p.paint(ALL);
    const all = document.body.outerHTML;
    p.paint(NO_CLAIMS);
    expect(document.querySelectorAll('[data-factmark-category="claim"]').length).toBe(0);
    expect(document.querySelectorAll('[data-factmark-part]').length).toBe(0);
    expect(document.querySelectorAll('[data-factmark-category="place"]').length).toBe(4);
    expect(p.complete(NO_CLAIMS)).toBe(true);
    p.paint(ALL);
    expect(document.body.outerHTML).toBe(all);
    expect(p.complete(ALL)).toBe(true);
    p.paint(ALL);
    expect(document.body.outerHTML).toBe(all); // idempotent: painted once
    p.paint({ place: false, figure: false, claim: true });
    expect(document.querySelectorAll('[data-factmark-part="source"]').length).toBeGreaterThan(0);
    p.paint({ place: false, figure: false, claim: false });
    expect(document.body.outerHTML).toBe(before);
    for (const n of nodes) expect(n.isConnected).toBe(true);
    expect(locateArticle(document.body, null).text).toBe(model.text);
    expect(document.querySelector('factmark-style')).toBeNull();
  });

  test('progressive painting and growth wrap each part once', () => {
    setup();
    const before = document.body.outerHTML;
    const p = new Painter(document, model, annotations, NO_HL);
    let n = 0;
    while (!p.paint(ALL, false, () => n++ % 2 === 1)) { /* a node at a time */ }
    expect(partText('source').sort()).toEqual([...SOURCES].sort());
    expect(partText('cue').sort()).toEqual([...CUES].sort());
    expect(p.complete(ALL)).toBe(true);
    p.clear();
    expect(document.body.outerHTML).toBe(before);
  });

  test('screen-reader mode and back: elements then highlights, restoring exactly', () => {
    setup();
    const before = document.body.outerHTML;
    const { registry, env } = fakeEnv();
    const p = new Painter(document, model, annotations, env);
    p.paint(ALL, true);
    expect(registry.size).toBe(0);
    expect(document.querySelectorAll('[data-factmark-part="cue"]').length).toBe(CUES.length);
    p.paint(ALL, false);
    expect(document.querySelectorAll('factmark-mark').length).toBe(0);
    expect(registry.size).toBe(5);
    p.clear();
    expect(document.body.outerHTML).toBe(before);
  });

  test('property: claims with any source and cue spans paint, switch and restore exactly', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(), fc.nat(40), fc.nat(), fc.nat(20), fc.nat(), fc.nat(8)), { maxLength: 8 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(12), fc.constantFrom<Category>('place', 'figure')), { maxLength: 6 }),
        fc.boolean(),
        (claims, others, sr) => {
          setup();
          const before = document.body.outerHTML;
          const L = model.text.length;
          const sp = (s: number, l: number) => { const start = s % L; const end = Math.min(L, start + l + 1); return { start, end, text: model.text.slice(start, end) }; };
          const anns: Annotation[] = claims.map(([s, l, ss, sl, cs, cl]) => ({ id: `claim:${s % L}`, category: 'claim' as const, ...sp(s, l), claim: { source: sp(ss, sl), cue: sp(cs, cl) } }));
          for (const [s, l, c] of others) anns.push({ id: `${c}:${s % L}`, category: c, ...sp(s, l) });
          const { env } = fakeEnv();
          const p = new Painter(document, model, anns, sr ? NO_HL : env);
          p.paint(ALL, sr);
          expect(document.body.textContent).toBe(new DOMParser().parseFromString(HTML, 'text/html').body.textContent);
          p.paint(NO_CLAIMS, sr);
          expect(document.querySelector('[data-factmark-part]')).toBeNull();
          p.paint(ALL, sr);
          p.clear();
          expect(document.body.outerHTML).toBe(before);
        },
      ),
      { numRuns: 120 },
    );
  });
});

describe('stylesheet', () => {
  const rule = (css: string, selector: string) => {
    const line = css.split('\n').find((l) => l.startsWith(`${selector} {`));
    if (!line) throw new Error(`no rule for ${selector}`);
    return line.slice(selector.length + 2, line.lastIndexOf('}')).trim();
  };

  test('source and cue rules, from the claim colour and underline, differ from the content and from each other', () => {
    for (const appearance of [DEFAULT_APPEARANCE, { colors: { ...DEFAULT_APPEARANCE.colors, claim: '#CC79A7' }, underline: { ...DEFAULT_APPEARANCE.underline, claim: 'dotted' as const } }]) {
      const css = pageCss(appearance);
      const colour = appearance.colors.claim.toLowerCase();
      const line = appearance.underline.claim;
      const content = rule(css, '::highlight(factmark-claim)');
      const source = rule(css, '::highlight(factmark-claim-source)');
      const cue = rule(css, '::highlight(factmark-claim-cue)');
      expect(new Set([content, source, cue]).size).toBe(3);
      expect(source).toContain(`background-color: ${tint(colour, 0.3)}`); // a stronger tint than the content's 0.1
      expect(source).toMatch(new RegExp(`text-decoration: underline ${line} ${colour} `));
      expect(cue).toContain(`text-decoration: underline overline ${line} ${colour} `); // boxed: a line above too
      expect(cue).toContain('background-color: transparent');
      // ::highlight() takes only a few properties: nothing else is used.
      for (const decl of [source, cue]) {
        for (const prop of decl.split(';').map((d) => d.split(':')[0].trim()).filter(Boolean)) {
          expect(['background-color', 'color', 'text-decoration', 'text-underline-offset', 'text-shadow']).toContain(prop);
        }
      }
      // The element marks look the same as the highlights.
      expect(rule(css, 'factmark-mark[data-factmark-category="claim"][data-factmark-part="source"]')).toBe(source);
      expect(rule(css, 'factmark-mark[data-factmark-category="claim"][data-factmark-part="cue"]')).toBe(cue);
    }
  });
});

describe('in a page session', () => {
  test('an article analysed in slices: every claim\'s source and cue lands on its own words (moved with the slice)', async () => {
    const { PageSession, MAX_SLICE_CHARS } = await import('../../src/page/session');
    const { DEFAULT_SETTINGS } = await import('../../src/settings');
    const { summarize } = await import('../../src/analyze');
    const PARA = (i: number) => `<p>Paragraph ${i}: the Ukrainian defence ministry said troops entered Kupyansk on Saturday as the counter-offensive in the Kharkiv region gathered pace and Russian forces withdrew.</p>`;
    const n = Math.ceil((MAX_SLICE_CHARS * 1.5) / 160);
    document.documentElement.innerHTML = new DOMParser().parseFromString(
      `<html><head><title>Long</title></head><body><article><h1>Ukraine retakes Kupyansk</h1>${Array.from({ length: n }, (_, i) => PARA(i + 1)).join('\n')}</article></body></html>`, 'text/html').documentElement.innerHTML;
    let calls = 0;
    const analyze = async (article: { text: string }) => {
      calls++;
      const t = article.text;
      const annotations: Annotation[] = [];
      const SRC = 'the Ukrainian defence ministry';
      let i = -1;
      while ((i = t.indexOf(SRC, i + 1)) >= 0) {
        const cue = i + SRC.length + 1;
        const start = cue + 5;
        const end = t.indexOf(' on Saturday', start);
        annotations.push({ id: `claim:${start}`, category: 'claim', start, end, text: t.slice(start, end),
          claim: { source: { start: i, end: i + SRC.length, text: SRC }, cue: { start: cue, end: cue + 4, text: 'said' } } });
      }
      return { ok: true as const, result: { annotations, verdicts: [], summary: summarize(t, annotations, []) } };
    };
    const s = new PageSession({ extractHere, doc: document, analyze, paintEnv: NO_HL }, structuredClone(DEFAULT_SETTINGS));
    const st = await s.run();
    expect(st.status).toBe('analysed');
    expect(calls).toBeGreaterThanOrEqual(2);
    const sources = [...document.querySelectorAll('[data-factmark-part="source"]')].map((e) => e.textContent);
    const cues = [...document.querySelectorAll('[data-factmark-part="cue"]')].map((e) => e.textContent);
    expect(sources.length).toBe(n);
    expect(sources.every((x) => x === 'the Ukrainian defence ministry')).toBe(true);
    expect(cues.length).toBe(n);
    expect(cues.every((x) => x === 'said')).toBe(true);
    for (const a of st.result!.annotations) {
      expect(st.text!.slice(a.claim!.source.start, a.claim!.source.end)).toBe('the Ukrainian defence ministry');
      expect(st.text!.slice(a.claim!.cue.start, a.claim!.cue.end)).toBe('said');
    }
    s.destroy();
    expect(document.querySelector('factmark-mark')).toBeNull();
  });
});

describe('claimPartAt (hover in highlight mode)', () => {
  test('the innermost source or cue at an offset gives its claim; none with Claims off', () => {
    setup();
    const at = (sub: string, from = 0) => claimPartAt(annotations, text.indexOf(sub, from) + 1, ALL);
    expect(at('defence')?.a.id).toBe(annotations[0].id); // the shared source belongs to the first claim
    expect(at('added')).toEqual({ a: annotations[1], start: span('added').start, end: span('added').end });
    // "Moscow said" lies inside the fourth claim's content: the third claim's source and cue.
    expect(at('Moscow', text.indexOf('Zelensky'))?.a.id).toBe(annotations[2].id);
    expect(at('Zelensky')?.a.id).toBe(annotations[3].id);
    expect(at('troops entered')).toBeNull();
    expect(claimPartAt(annotations, text.indexOf('added'), NO_CLAIMS)).toBeNull();
  });
});
