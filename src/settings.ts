// Typed settings with defaults and versioned migration; stored in storage.local under one key.
import type { Category } from './types';
import { DEFAULT_APPEARANCE, parseAppearance, type Appearance } from './appearance';

export const SETTINGS_KEY = 'factmark:settings';
/** 2: `runMode` and `autoSites` (issue 5); a version 1 value keeps running on every site. */
export const SETTINGS_VERSION = 2;

/** Where Factmark runs by itself: on every site, or only when the user asks (plus the sites in `autoSites`). */
export type RunMode = 'auto' | 'click';

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
  /** 'auto': every site (needs the broad host permission); 'click': only on request and on `autoSites`. */
  runMode: RunMode;
  /** In click mode, hostnames where Factmark still runs by itself (each with its own host permission). */
  autoSites: string[];
}

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  categories: { place: true, figure: true, claim: true },
  disabledSites: [],
  screenReaderMode: false,
  appearance: DEFAULT_APPEARANCE,
  runMode: 'auto',
  autoSites: [],
};

/** A hostname as stored in `autoSites`: lower case letters, digits, dots and hyphens, not empty. */
export function isHostname(v: unknown): v is string {
  return typeof v === 'string' && v.length > 0 && v.length <= 253 && /^[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(v);
}

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
  // Version 1 had no run mode: it ran on every site, and keeps doing so (the default).
  if (o.runMode === 'auto' || o.runMode === 'click') s.runMode = o.runMode;
  if (Array.isArray(o.autoSites)) s.autoSites = [...new Set(o.autoSites.filter(isHostname))].sort();
  return s;
}
