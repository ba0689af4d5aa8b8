// How marks look: a colour and an underline style per category, with colour-blind-safe defaults
// (Okabe-Ito) and a different underline per category so colour is never the only signal. Pure.
import type { Category } from './types';

export type UnderlineStyle = 'solid' | 'double' | 'dotted' | 'dashed' | 'wavy';
export const UNDERLINE_STYLES: readonly UnderlineStyle[] = ['solid', 'double', 'dotted', 'dashed', 'wavy'];

export interface Appearance {
  colors: Record<Category, string>;
  underline: Record<Category, UnderlineStyle>;
}

/** The Okabe-Ito palette (Okabe & Ito 2008), distinct under the common colour-vision deficiencies. */
export const OKABE_ITO = {
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
  black: '#000000',
} as const;

export const DEFAULT_APPEARANCE: Appearance = {
  colors: { place: OKABE_ITO.blue, figure: OKABE_ITO.vermillion, claim: OKABE_ITO.bluishGreen },
  underline: { place: 'solid', figure: 'dashed', claim: 'wavy' },
};

const HEX = /^#[0-9a-f]{6}$/i;

/** Any stored value -> a valid Appearance (unknown or malformed fields take the defaults). */
export function parseAppearance(stored: unknown): Appearance {
  const a: Appearance = structuredClone(DEFAULT_APPEARANCE);
  if (typeof stored !== 'object' || stored === null) return a;
  const o = stored as Record<string, unknown>;
  for (const c of ['place', 'figure', 'claim'] as const) {
    const col = (o.colors as Record<string, unknown> | undefined)?.[c];
    if (typeof col === 'string' && HEX.test(col)) a.colors[c] = col.toLowerCase();
    const st = (o.underline as Record<string, unknown> | undefined)?.[c];
    if (typeof st === 'string' && (UNDERLINE_STYLES as readonly string[]).includes(st)) a.underline[c] = st as UnderlineStyle;
  }
  return a;
}

/** CSS text-decoration for a category: "underline wavy #009e73 2px". */
export function decoration(a: Appearance, c: Category): string {
  return `underline ${a.underline[c]} ${a.colors[c]} ${a.underline[c] === 'wavy' ? '1.5px' : '2px'}`;
}

/** Relative luminance contrast of two #rrggbb colours (WCAG 2). */
export function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const v = parseInt(hex.slice(i, i + 2), 16) / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
}

