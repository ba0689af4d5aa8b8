// The page-level CSS for marks: ::highlight() rules for the CSS Custom Highlight API and the same
// look for the <factmark-mark> fallback, injected in one <factmark-style> element and removed with it.
// Colours and underline styles come from the settings' appearance (src/appearance.ts holds the
// defaults); a settings change rewrites the stylesheet in place.
import type { Category } from '../types';
import { DEFAULT_APPEARANCE, decoration, parseAppearance, type Appearance } from '../appearance';

export const HIGHLIGHT_NAMES: Record<Category, string> = {
  place: 'factmark-place',
  figure: 'factmark-figure',
  claim: 'factmark-claim',
};

/** A claim's parts painted beside its content: who (the source) and the attribution cue ("said"). */
export type ClaimPart = 'source' | 'cue';
export const CLAIM_PARTS: readonly ClaimPart[] = ['source', 'cue'];

/**
 * What the painter paints, each in its own Highlight: the three categories (the contract's names) and
 * the claim's source and cue (additional names, switched with the Claims category).
 */
export type Layer = Category | 'claim-source' | 'claim-cue';
export const LAYERS: readonly Layer[] = ['place', 'figure', 'claim', 'claim-source', 'claim-cue'];
export const LAYER_NAMES: Record<Layer, string> = {
  ...HIGHLIGHT_NAMES,
  'claim-source': 'factmark-claim-source',
  'claim-cue': 'factmark-claim-cue',
};
export const LAYER_CATEGORY: Record<Layer, Category> = {
  place: 'place', figure: 'figure', claim: 'claim', 'claim-source': 'claim', 'claim-cue': 'claim',
};
export const LAYER_PART: Partial<Record<Layer, ClaimPart>> = { 'claim-source': 'source', 'claim-cue': 'cue' };

/** Opacity of the background tint per category (claims span whole sentences: the lightest). */
const TINT_ALPHA: Record<Category, number> = { place: 0.16, figure: 0.14, claim: 0.1 };
const UNDERLINE_OFFSET: Record<Category, number> = { place: 2, figure: 2, claim: 4 };
/**
 * A claim's parts, derived from the claim's colour and underline style (no settings of their own), told
 * apart by lightness and shape, not hue: the source has a strong tint and a thicker line, the cue no
 * tint and a line above as well as below (boxed), the content a light tint. A place or figure inside a
 * source has a higher priority, so its own tint and underline stay visible on top.
 */
const SOURCE_ALPHA = 0.3;

const STYLE_TAG = 'factmark-style';

/** A #rrggbb colour as rgba() with the given opacity. */
export function tint(hex: string, alpha: number): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

/** An appearance validated (colours #rrggbb in lower case, underline styles from the fixed list). */
function validAppearance(appearance: Appearance | undefined): Appearance {
  const a = parseAppearance(appearance ?? DEFAULT_APPEARANCE);
  for (const c of ['place', 'figure', 'claim'] as const) a.colors[c] = a.colors[c].toLowerCase();
  return a;
}

/** The category's colour in an appearance (validated: never anything but #rrggbb). */
export function categoryColour(appearance: Appearance | undefined, c: Category): string {
  return validAppearance(appearance).colors[c];
}

/**
 * The stylesheet for an appearance. The appearance is validated again here (colours #rrggbb,
 * underline styles from the fixed list), so nothing else can reach the CSS text.
 */
export function pageCss(appearance: Appearance = DEFAULT_APPEARANCE): string {
  const a = validAppearance(appearance);
  const rules: string[] = [];
  for (const c of ['claim', 'figure', 'place'] as const) {
    const bg = tint(a.colors[c], TINT_ALPHA[c]);
    const deco = `text-decoration: ${decoration(a, c)}; text-underline-offset: ${UNDERLINE_OFFSET[c]}px;`;
    rules.push(`::highlight(${HIGHLIGHT_NAMES[c]}) { background-color: ${bg}; ${deco} }`);
    rules.push(`factmark-mark[data-factmark-category="${c}"] { display: inline; background-color: ${bg}; ${deco} color: inherit; font: inherit; }`);
  }
  for (const part of CLAIM_PARTS) {
    const decl = claimPartCss(a, part);
    rules.push(`::highlight(${LAYER_NAMES[`claim-${part}`]}) { ${decl} }`);
    rules.push(`factmark-mark[data-factmark-category="claim"][data-factmark-part="${part}"] { ${decl} }`);
  }
  rules.push('factmark-mark:focus-visible { outline: 2px solid #000; outline-offset: 1px; }');
  rules.push('factmark-style, factmark-flash { all: initial; }');
  rules.push('factmark-style { display: none !important; }');
  return rules.join('\n');
}

/** The declarations for a claim's source or cue (from the claim's colour and underline style). */
function claimPartCss(a: Appearance, part: ClaimPart): string {
  const colour = a.colors.claim;
  const line = a.underline.claim;
  const offset = `text-underline-offset: ${UNDERLINE_OFFSET.claim}px;`;
  if (part === 'source') {
    return `background-color: ${tint(colour, SOURCE_ALPHA)}; text-decoration: underline ${line} ${colour} ${line === 'wavy' ? '2.5px' : '3px'}; ${offset}`;
  }
  return `background-color: transparent; text-decoration: underline overline ${line} ${colour} ${line === 'wavy' ? '1.5px' : '2px'}; ${offset}`;
}

/**
 * The stylesheet with the default appearance as a file of the extension (written at build time by
 * wxt.config.ts), registered with the content script: the browser puts it in before the page's DOM is
 * built, so the page never restyles for it (adding ::highlight rules to a loaded page restyles every
 * element: tens of ms on a big page). It marks itself on the root element with a custom property.
 */
export const PAGE_SHEET_FILE = '/factmark-page.css';
const PAGE_SHEET_MARKER = '--factmark-page-sheet';

/** pageCss(DEFAULT_APPEARANCE), made once (the painter compares the settings' stylesheet with it on every paint). */
let defaultCss: string | undefined;
const defaultPageCss = (): string => (defaultCss ??= pageCss(DEFAULT_APPEARANCE));

export function pageSheetCss(): string {
  return `:root { ${PAGE_SHEET_MARKER}: 1; }\n${defaultPageCss()}\n`;
}

/** Is the registered stylesheet in this page (not when Factmark was injected by a click, or in tests)? */
export function hasPageSheet(doc: Document): boolean {
  try {
    const root = doc.documentElement;
    const view = doc.defaultView;
    return !!root && !!view && view.getComputedStyle(root).getPropertyValue(PAGE_SHEET_MARKER).trim() === '1';
  } catch {
    return false;
  }
}

/**
 * `hasPageSheet`, asked once per page: after the browser's next rendering, when the page's style is up to
 * date (asked while it is not, `getComputedStyle` restyles the whole page first: 10-20 ms on news pages,
 * profiled), or when first needed if that comes sooner (a tab that does not render).
 */
export function pageSheetProbe(doc: Document): () => boolean {
  let known: boolean | undefined;
  const ask = () => (known ??= hasPageSheet(doc));
  try {
    const view = doc.defaultView;
    view?.requestAnimationFrame?.(() => { view.setTimeout(ask, 0); });
  } catch {
    // no rendering to wait for: asked when needed
  }
  return ask;
}

/** The last appearance isDefaultAppearance compared, and its answer (the painter asks on every paint slice, with the same settings object until they change). */
let lastAppearance: Appearance | undefined;
let lastIsDefault = true;

/** Is this the default appearance (the one the registered stylesheet has)? */
export function isDefaultAppearance(appearance: Appearance | undefined): boolean {
  if (appearance === undefined || appearance === DEFAULT_APPEARANCE) return true;
  if (appearance !== lastAppearance) {
    lastIsDefault = pageCss(appearance) === defaultPageCss();
    lastAppearance = appearance;
  }
  return lastIsDefault;
}

/** Adds the stylesheet once (idempotent); an existing one is brought up to this appearance. */
export function ensureStyles(doc: Document, appearance: Appearance = DEFAULT_APPEARANCE): void {
  const css = pageCss(appearance);
  const existing = doc.querySelector(STYLE_TAG);
  if (existing) {
    const style = existing.querySelector('style');
    if (style) {
      if (style.textContent !== css) style.textContent = css;
      return;
    }
    existing.remove();
  }
  const host = doc.createElement(STYLE_TAG);
  const style = doc.createElement('style');
  style.textContent = css;
  host.appendChild(style);
  (doc.head ?? doc.documentElement).appendChild(host);
}

/** Rewrites the stylesheet for a new appearance, if there is one in the page (adds none). */
export function updateStyles(doc: Document, appearance: Appearance): void {
  if (doc.querySelector(STYLE_TAG)) ensureStyles(doc, appearance);
}

export function removeStyles(doc: Document): void {
  for (const el of Array.from(doc.querySelectorAll(STYLE_TAG))) el.remove();
}
