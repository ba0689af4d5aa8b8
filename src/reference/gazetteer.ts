// The gazetteer index: validates the compact bundled form (assets/reference/gazetteer.json) and
// searches it by binary search over its sorted name keys, so loading costs little more than JSON.parse.
import type { Gazetteer, GazetteerEntry } from './types';
import { normalizeName } from './names';

export const GAZETTEER_FORMAT = 1;

/**
 * The shipped, columnar form. Entry i is (id[i], name[i], kind[i], country.slice(2i, 2i+2), ...);
 * `keys` are normalised names sorted by code unit, `refs[k]` the entry index (or indices, most
 * important first) that carry `keys[k]`.
 */
export interface CompactGazetteer {
  format: number;
  version: string;
  /** Kind letters: C country, A area, R region, T town/city. */
  kinds: string;
  id: number[];
  name: string[];
  kind: string;
  /** Two letters per entry; "--" for none. */
  country: string;
  /** Index into `regions`, or -1. */
  region: number[];
  /** Degrees x 100. */
  lat: number[];
  lon: number[];
  population: number[];
  regions: string[];
  keys: string[];
  refs: (number | number[])[];
}

const KIND: Record<string, GazetteerEntry['kind']> = { C: 'country', A: 'area', R: 'region', T: 'city' };

function fail(reason: string): never {
  throw new Error(`Malformed gazetteer: ${reason}`);
}

function checkRef(x: unknown, n: number): number {
  if (typeof x !== 'number' || !Number.isInteger(x) || x < 0 || x >= n) fail(`reference ${JSON.stringify(x)} out of range`);
  return x;
}

function validate(data: unknown): CompactGazetteer {
  if (!data || typeof data !== 'object' || Array.isArray(data)) fail('expected a JSON object');
  const d = data as Record<string, unknown>;
  if (d.format !== GAZETTEER_FORMAT) fail(`unsupported format ${JSON.stringify(d.format)} (expected ${GAZETTEER_FORMAT})`);
  if (typeof d.version !== 'string') fail('missing "version"');
  for (const k of ['id', 'name', 'region', 'lat', 'lon', 'population', 'regions', 'keys', 'refs']) {
    if (!Array.isArray(d[k])) fail(`"${k}" must be an array`);
  }
  for (const k of ['kind', 'country']) if (typeof d[k] !== 'string') fail(`"${k}" must be a string`);
  const n = (d.id as unknown[]).length;
  for (const k of ['name', 'region', 'lat', 'lon', 'population']) {
    if ((d[k] as unknown[]).length !== n) fail(`"${k}" has ${(d[k] as unknown[]).length} items, "id" has ${n}`);
  }
  if ((d.kind as string).length !== n) fail(`"kind" has ${(d.kind as string).length} letters for ${n} entries`);
  if ((d.country as string).length !== 2 * n) fail(`"country" must have two letters per entry`);
  if (!/^[CART]*$/.test(d.kind as string)) fail('"kind" has a letter other than C, A, R, T');
  if ((d.keys as unknown[]).length !== (d.refs as unknown[]).length) fail('"keys" and "refs" differ in length');
  // Order and references are checked at ~2,000 evenly spaced points (a full pass would double the
  // start-up time); lookups check the references they use.
  const keys = d.keys as unknown[];
  const refs = d.refs as unknown[];
  const step = Math.max(1, Math.floor(keys.length / 2000));
  for (let i = 0; i < keys.length; i += step) {
    if (typeof keys[i] !== 'string') fail(`key ${i} is not a string`);
    if (i > 0 && !((keys[i - 1] as string) < (keys[i] as string))) fail(`keys not sorted at ${i} ("${String(keys[i])}")`);
    const list = Array.isArray(refs[i]) ? (refs[i] as unknown[]) : [refs[i]];
    for (const x of list) checkRef(x, n);
  }
  return d as unknown as CompactGazetteer;
}

export function createGazetteer(data: unknown): Gazetteer {
  const g = validate(data);
  const cache = new Map<number, GazetteerEntry>();
  let byId: Map<number, number> | undefined;
  let byCountry: Map<string, number> | undefined;

  const entry = (i: number): GazetteerEntry => {
    let e = cache.get(i);
    if (!e) {
      const cc = g.country.slice(2 * i, 2 * i + 2);
      e = {
        id: g.id[i], name: g.name[i], kind: KIND[g.kind[i]], country: cc === '--' ? '' : cc,
        lat: g.lat[i] / 100, lon: g.lon[i] / 100, population: g.population[i],
      };
      if (g.region[i] >= 0) e.region = g.regions[g.region[i]];
      cache.set(i, e);
    }
    return e;
  };

  const find = (key: string): number => {
    let lo = 0;
    let hi = g.keys.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const k = g.keys[mid];
      if (k === key) return mid;
      if (k < key) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  };

  return {
    version: g.version,
    size: g.id.length,
    lookup(name: string): GazetteerEntry[] {
      const k = find(normalizeName(name));
      if (k < 0) return [];
      const r = g.refs[k];
      return Array.isArray(r) ? r.map((x) => entry(checkRef(x, g.id.length))) : [entry(checkRef(r, g.id.length))];
    },
    get(id: number): GazetteerEntry | undefined {
      if (!byId) { byId = new Map(); g.id.forEach((x, i) => byId!.set(x, i)); }
      const i = byId.get(id);
      return i === undefined ? undefined : entry(i);
    },
    country(code: string): GazetteerEntry | undefined {
      if (!byCountry) {
        byCountry = new Map();
        for (let i = 0; i < g.id.length; i++) if (g.kind[i] === 'C') byCountry.set(g.country.slice(2 * i, 2 * i + 2), i);
      }
      const i = byCountry.get(code.toUpperCase());
      return i === undefined ? undefined : entry(i);
    },
  };
}
