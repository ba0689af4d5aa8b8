// The gazetteer index: built from the compact bundled form (assets/reference/gazetteer.json).
// PLACEHOLDER until the gazetteer lands: an empty index.
import type { Gazetteer } from './types';

export function createGazetteer(_data: unknown): Gazetteer {
  return { version: 'empty', size: 0, lookup: () => [], get: () => undefined, country: () => undefined };
}
