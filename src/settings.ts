// Typed settings with defaults and versioned migration; stored in storage.local under one key.
import type { Category } from './types';
import { DEFAULT_APPEARANCE, parseAppearance, type Appearance } from './appearance';

export const SETTINGS_KEY = 'factmark:settings';
export const SETTINGS_VERSION = 1;

export interface Settings {
  version: number;
  /** Which highlight categories are painted. */
  categories: Record<Category, boolean>;
  /** Hostnames where Factmark does not run. */
  disabledSites: string[];
  /** Paint with elements carrying accessible labels instead of CSS highlights. */
  screenReaderMode: boolean;
  /** Colour and underline style per category. */
  appearance: Appearance;
}

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  categories: { place: true, figure: true, claim: true },
  disabledSites: [],
  screenReaderMode: false,
  appearance: DEFAULT_APPEARANCE,
};

/** Any stored value (older version, partial, corrupt) -> valid current settings. */
export function migrateSettings(stored: unknown): Settings {
  const s: Settings = structuredClone(DEFAULT_SETTINGS);
  if (typeof stored !== 'object' || stored === null) return s;
  const o = stored as Record<string, unknown>;
  const cats = o.categories;
  if (typeof cats === 'object' && cats !== null) {
    for (const c of ['place', 'figure', 'claim'] as const) {
      const v = (cats as Record<string, unknown>)[c];
      if (typeof v === 'boolean') s.categories[c] = v;
    }
  }
  if (Array.isArray(o.disabledSites)) s.disabledSites = o.disabledSites.filter((x): x is string => typeof x === 'string');
  if (typeof o.screenReaderMode === 'boolean') s.screenReaderMode = o.screenReaderMode;
  s.appearance = parseAppearance(o.appearance);
  return s;
}
