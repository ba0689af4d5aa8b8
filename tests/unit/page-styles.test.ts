// @vitest-environment happy-dom
// Tests for the page stylesheet: it follows the settings' appearance (colours, underline styles),
// defaults to src/appearance.ts's palette, lets nothing but validated values into the CSS, and a
// settings change rewrites the stylesheet in place.
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { DEFAULT_APPEARANCE, type Appearance } from '../../src/appearance';
import { categoryColour, ensureStyles, hasPageSheet, isDefaultAppearance, pageCss, pageSheetCss, pageSheetProbe, removeStyles, tint, updateStyles } from '../../src/page/styles';
import { Painter, type PaintEnv } from '../../src/page/paint';
import { locateArticle } from '../../src/article/text-model';

/** The declarations of the rule whose selector is exactly `selector`. */
function rule(css: string, selector: string): string {
  const line = css.split('\n').find((l) => l.startsWith(`${selector} {`));
  if (!line) throw new Error(`no rule for ${selector}`);
  return line.slice(selector.length + 2, line.lastIndexOf('}')).trim();
}

const custom: Appearance = {
  colors: { place: '#112233', figure: '#aabbcc', claim: '#FF0000' },
  underline: { place: 'double', figure: 'dotted', claim: 'solid' },
};

beforeEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

describe('pageCss', () => {
  test('defaults: the colours and underlines of DEFAULT_APPEARANCE, on highlights and element marks alike', () => {
    const css = pageCss();
    for (const c of ['place', 'figure', 'claim'] as const) {
      const colour = DEFAULT_APPEARANCE.colors[c].toLowerCase();
      const line = DEFAULT_APPEARANCE.underline[c];
      for (const sel of [`::highlight(factmark-${c})`, `factmark-mark[data-factmark-category="${c}"]`]) {
        const decl = rule(css, sel);
        expect(decl).toContain(`text-decoration: underline ${line} ${colour}`);
        expect(decl).toContain(`background-color: ${tint(colour, c === 'place' ? 0.16 : c === 'figure' ? 0.14 : 0.1)}`);
      }
    }
    expect(pageCss(DEFAULT_APPEARANCE)).toBe(css);
  });

  test('a custom appearance changes every rule of its category and nothing else', () => {
    const css = pageCss(custom);
    expect(rule(css, '::highlight(factmark-place)')).toContain('text-decoration: underline double #112233 2px');
    expect(rule(css, '::highlight(factmark-place)')).toContain('background-color: rgba(17, 34, 51, 0.16)');
    expect(rule(css, 'factmark-mark[data-factmark-category="figure"]')).toContain('text-decoration: underline dotted #aabbcc 2px');
    // Upper-case hex is normalised; the claim's colour and line are the custom ones.
    expect(rule(css, '::highlight(factmark-claim)')).toContain('text-decoration: underline solid #ff0000 2px');
    expect(rule(css, 'factmark-mark[data-factmark-category="claim"]')).toContain('background-color: rgba(255, 0, 0, 0.1)');
    for (const c of Object.values(DEFAULT_APPEARANCE.colors)) expect(css.toLowerCase()).not.toContain(c.toLowerCase());
  });

  test('wavy underlines are thinner than the others', () => {
    const css = pageCss({ ...custom, underline: { ...custom.underline, figure: 'wavy' } });
    expect(rule(css, '::highlight(factmark-figure)')).toContain('underline wavy #aabbcc 1.5px');
  });

  test('malformed values never reach the CSS: each falls back to its default', () => {
    const hostile = {
      colors: { place: 'red; } body { display: none', figure: '#12345', claim: 'url(https://evil.example/x)' },
      underline: { place: 'solid; color: red', figure: 'groove', claim: 'wavy' },
    } as unknown as Appearance;
    const css = pageCss(hostile);
    expect(css).not.toMatch(/evil|body \{|groove|color: red/);
    expect(css).toBe(pageCss(DEFAULT_APPEARANCE));
    expect(categoryColour(hostile, 'place')).toBe(DEFAULT_APPEARANCE.colors.place.toLowerCase());
  });

  test('categoryColour: the appearance colour, or the default', () => {
    expect(categoryColour(custom, 'claim')).toBe('#ff0000');
    expect(categoryColour(undefined, 'figure')).toBe(DEFAULT_APPEARANCE.colors.figure.toLowerCase());
  });
});

describe('stylesheet in the page', () => {
  test('ensureStyles adds one stylesheet and brings it up to a new appearance in place', () => {
    ensureStyles(document);
    ensureStyles(document);
    expect(document.querySelectorAll('factmark-style').length).toBe(1);
    const style = document.querySelector('factmark-style style')!;
    expect(style.textContent).toBe(pageCss(DEFAULT_APPEARANCE));
    ensureStyles(document, custom);
    expect(document.querySelectorAll('factmark-style').length).toBe(1);
    expect(document.querySelector('factmark-style style')).toBe(style);
    expect(style.textContent).toBe(pageCss(custom));
    removeStyles(document);
    expect(document.querySelector('factmark-style')).toBeNull();
  });

  test('updateStyles rewrites an existing stylesheet but adds none to a page without marks', () => {
    updateStyles(document, custom);
    expect(document.querySelector('factmark-style')).toBeNull();
    ensureStyles(document);
    updateStyles(document, custom);
    expect(document.querySelector('factmark-style style')!.textContent).toBe(pageCss(custom));
  });

  test('the painter paints with the appearance it is given, read at paint time', () => {
    document.body.innerHTML = '<article><p>Troops entered Kupyansk.</p></article>';
    const model = locateArticle(document.body, null);
    const start = model.text.indexOf('Kupyansk');
    let look: Appearance = DEFAULT_APPEARANCE;
    const env: PaintEnv = { registry: null, Highlight: null };
    const p = new Painter(document, model, [{ id: `place:${start}`, category: 'place', start, end: start + 8, text: 'Kupyansk' }], env, { appearance: () => look });
    p.paint({ place: true, figure: true, claim: true });
    expect(document.querySelector('factmark-style style')!.textContent).toBe(pageCss(DEFAULT_APPEARANCE));
    look = custom;
    p.paint({ place: true, figure: true, claim: true });
    expect(document.querySelector('factmark-style style')!.textContent).toBe(pageCss(custom));
    p.clear();
    expect(document.querySelector('factmark-style')).toBeNull();
  });

  test('with the registered stylesheet in the page, the painter adds its own only for a changed appearance', () => {
    document.body.innerHTML = '<article><p>Troops entered Kupyansk.</p></article>';
    const model = locateArticle(document.body, null);
    const start = model.text.indexOf('Kupyansk');
    let look: Appearance = structuredClone(DEFAULT_APPEARANCE);
    let asked = 0;
    const env: PaintEnv = { registry: null, Highlight: null };
    const p = new Painter(document, model, [{ id: `place:${start}`, category: 'place', start, end: start + 8, text: 'Kupyansk' }], env, {
      appearance: () => look,
      pageSheet: () => { asked++; return true; },
    });
    p.prepare();
    p.paint({ place: true, figure: true, claim: true });
    expect(document.querySelector('factmark-mark')).not.toBeNull();
    expect(document.querySelector('factmark-style')).toBeNull();
    look = custom;
    p.paint({ place: true, figure: true, claim: true });
    expect(document.querySelector('factmark-style style')!.textContent).toBe(pageCss(custom));
    look = structuredClone(DEFAULT_APPEARANCE);
    p.paint({ place: true, figure: true, claim: true });
    expect(document.querySelector('factmark-style')).toBeNull();
    expect(asked).toBe(1); // asked once per painter: a computed style read, not one per slice
    p.clear();
    expect(document.querySelector('factmark-mark')).toBeNull();
  });
});

describe('the registered page stylesheet', () => {
  test('is the default appearance\'s stylesheet with a marker on the root element', () => {
    const css = pageSheetCss();
    expect(css.startsWith(':root { --factmark-page-sheet: 1; }\n')).toBe(true);
    expect(css).toContain(pageCss(DEFAULT_APPEARANCE));
    expect(isDefaultAppearance(undefined)).toBe(true);
    expect(isDefaultAppearance(structuredClone(DEFAULT_APPEARANCE))).toBe(true);
    expect(isDefaultAppearance(custom)).toBe(false);
  });
  test('hasPageSheet finds the marker in the computed style of the root element, and only then', () => {
    expect(hasPageSheet(document)).toBe(false);
    const style = document.createElement('style');
    style.textContent = pageSheetCss();
    document.head.appendChild(style);
    try {
      expect(hasPageSheet(document)).toBe(true);
    } finally {
      style.remove();
    }
    expect(hasPageSheet(document)).toBe(false);
  });
  test('pageSheetProbe asks once: after the next rendering, or when needed before it', async () => {
    const style = document.createElement('style');
    style.textContent = pageSheetCss();
    document.head.appendChild(style);
    const spy = vi.spyOn(window, 'getComputedStyle');
    try {
      // asked after the next frame, then never again
      const later = pageSheetProbe(document);
      expect(spy).not.toHaveBeenCalled();
      await vi.waitFor(() => expect(spy).toHaveBeenCalledTimes(1));
      expect(later()).toBe(true);
      expect(later()).toBe(true);
      expect(spy).toHaveBeenCalledTimes(1);
      // needed before the frame: asked then, and not again after it
      spy.mockClear();
      const sooner = pageSheetProbe(document);
      expect(sooner()).toBe(true);
      expect(spy).toHaveBeenCalledTimes(1);
      await new Promise((r) => setTimeout(r, 100));
      expect(spy).toHaveBeenCalledTimes(1);
    } finally {
      spy.mockRestore();
      style.remove();
    }
  });
});
