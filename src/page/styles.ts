// The page-level CSS for marks: ::highlight() rules for the CSS Custom Highlight API and the same
// look for the <factmark-mark> fallback, injected in one <factmark-style> element and removed with it.
import type { Category } from '../types';

/** Okabe-Ito colours (colour-blind safe), one per category, each with its own underline style. */
export const CATEGORY_STYLE: Record<Category, { colour: string; tint: string; line: 'solid' | 'dotted' | 'wavy'; label: string }> = {
  place: { colour: '#0072B2', tint: 'rgba(0, 114, 178, 0.16)', line: 'solid', label: 'Place' },
  figure: { colour: '#D55E00', tint: 'rgba(213, 94, 0, 0.14)', line: 'dotted', label: 'Figure' },
  claim: { colour: '#CC79A7', tint: 'rgba(204, 121, 167, 0.10)', line: 'wavy', label: 'Claim' },
};

export const HIGHLIGHT_NAMES: Record<Category, string> = {
  place: 'factmark-place',
  figure: 'factmark-figure',
  claim: 'factmark-claim',
};

const STYLE_TAG = 'factmark-style';

export function pageCss(): string {
  const rules: string[] = [];
  for (const c of ['claim', 'figure', 'place'] as const) {
    const s = CATEGORY_STYLE[c];
    const deco = `text-decoration: underline ${s.line} ${s.colour}; text-decoration-thickness: ${c === 'place' ? 2 : 2}px; text-underline-offset: ${c === 'claim' ? 4 : 2}px;`;
    rules.push(`::highlight(${HIGHLIGHT_NAMES[c]}) { background-color: ${s.tint}; ${deco} }`);
    rules.push(`factmark-mark[data-factmark-category="${c}"] { display: inline; background-color: ${s.tint}; ${deco} color: inherit; font: inherit; }`);
  }
  rules.push('factmark-mark:focus-visible { outline: 2px solid #000; outline-offset: 1px; }');
  rules.push('factmark-style, factmark-flash { all: initial; }');
  rules.push('factmark-style { display: none !important; }');
  return rules.join('\n');
}

/** Adds the stylesheet once (idempotent). */
export function ensureStyles(doc: Document): void {
  if (doc.querySelector(STYLE_TAG)) return;
  const host = doc.createElement(STYLE_TAG);
  const style = doc.createElement('style');
  style.textContent = pageCss();
  host.appendChild(style);
  (doc.head ?? doc.documentElement).appendChild(host);
}

export function removeStyles(doc: Document): void {
  for (const el of Array.from(doc.querySelectorAll(STYLE_TAG))) el.remove();
}
