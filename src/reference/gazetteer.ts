// The gazetteer index: validates the compact bundled form (assets/reference/gazetteer.json) and
// searches it by binary search over its sorted name keys, so loading costs little more than JSON.parse.
import { FNV_START, fnvHash, fnvStep } from './fnv';
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

/** Code units of a key packed into one number (8 bits each: 48 bits, exact in a double). */
const PACKED_UNITS = 6;

/**
 * The first six code units of a key in one number, ordered as the keys are: a unit of 255 or above counts
 * as 255 and ends the packing (what follows it is not looked at), so that the order holds.
 */
function packKey(s: string): number {
  let v = 0;
  let open = true;
  for (let i = 0; i < PACKED_UNITS; i++) {
    let c = 0;
    if (open && i < s.length) {
      c = s.charCodeAt(i);
      if (c >= 255) { c = 255; open = false; }
    }
    v = v * 256 + c;
  }
  return v;
}

/** The first two code units of a key as packKey packs them (its top 16 bits). */
function groupOf(s: string): number {
  // (String.prototype.charCodeAt called as itself, and no length read: the strings asked about come in many
  // representations, which made `s.length` and `s.charCodeAt` megamorphic look-ups. A unit past the end is NaN,
  // which the shifts and the | below read as 0, as the length checks did.)
  const a = charCodeAt.call(s, 0);
  if (a >= 255) return 0xff00;
  const b = charCodeAt.call(s, 1);
  return (a << 8) | (b >= 255 ? 255 : b);
}
const charCodeAt = String.prototype.charCodeAt;

/**
 * Where s stands to `key + " "` in code-unit order: -1 before it, 0 starting with it, 1 after it
 * and not starting with it.
 */
function orderToContinuation(s: string, key: string): number {
  const n = key.length;
  for (let i = 0; i < n; i++) {
    if (i >= s.length) return -1;
    const a = s.charCodeAt(i);
    const b = key.charCodeAt(i);
    if (a !== b) return a < b ? -1 : 1;
  }
  if (s.length === n) return -1;
  const c = s.charCodeAt(n);
  return c < 32 ? -1 : c === 32 ? 0 : 1;
}

/** A group of keys is packed for search on its PACK_AFTER-th search. */
const PACK_AFTER = 8;

/** Numbers a slot of a group's table of names holds (see makeTable). */
const SLOT = 4;

/**
 * The names of the keys [lo, hi) (a packed group) in one open-addressing hash table: the keys and their
 * word-prefixes of two or more units ("rio de" of "rio de janeiro"), SLOT numbers a slot in one array, so that a
 * name costs one probe of one cache line or two: its FNV hash, the index + 1 of the key that is the name (0:
 * none), the index + 1 of a key the name is a word-prefix of (0: none), and the name's length. Empty slots have
 * both indices 0; at most half the slots are full.
 */
function makeTable(keys: string[], lo: number, hi: number): Int32Array {
  let names = 0;
  for (let i = lo; i < hi; i++) {
    const key = keys[i];
    names++;
    for (let p = 2; p < key.length; p++) if (key.charCodeAt(p) === 32) names++;
  }
  let size = 16;
  while (size < names * 2) size *= 2;
  const t = new Int32Array(size * SLOT);
  const mask = size - 1;
  /** The name of `len` units at the start of keys[i], as the key (exact) or a word-prefix of it. */
  const put = (h: number, i: number, len: number, exact: boolean): void => {
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const at = slot * SLOT;
      const held = t[at + 1] !== 0 ? t[at + 1] - 1 : t[at + 2] - 1;
      if (held < 0) {
        t[at] = h;
        t[at + 3] = len;
      } else if (!(t[at] === h && t[at + 3] === len && keys[held].startsWith(keys[i].slice(0, len)))) continue;
      t[at + (exact ? 1 : 2)] = i + 1;
      return;
    }
  };
  for (let i = lo; i < hi; i++) {
    const key = keys[i];
    let h = FNV_START;
    for (let p = 0; p < key.length; p++) {
      const c = key.charCodeAt(p);
      if (c === 32 && p >= 2) put(h, i, p, false);
      h = fnvStep(h, c);
    }
    put(h, i, key.length, true);
  }
  return t;
}

/**
 * Where `key` is in a group's table (see makeTable), as an index into it, or -1 when the group has no such key
 * and no key continuing it. `h`: the key's FNV hash as a signed 32-bit number, as the table holds it.
 */
function tableSlot(t: Int32Array, keys: string[], key: string, h: number): number {
  const mask = t.length / SLOT - 1;
  for (let slot = h & mask; ; slot = (slot + 1) & mask) {
    const at = slot * SLOT;
    const exact = t[at + 1];
    const prefix = t[at + 2];
    if (exact === 0 && prefix === 0) return -1;
    if (t[at] === h && t[at + 3] === key.length && (exact !== 0 ? keys[exact - 1] === key : keys[prefix - 1].startsWith(key))) return at;
  }
}

/** True when the name is plain ASCII letters in words split by single spaces, after an optional "~"
 * (normalizeName's own fast path: its key is the name in lower case). */
function isPlainName(name: string): boolean {
  const n = name.length;
  let i = n > 0 && name.charCodeAt(0) === 126 ? 1 : 0;
  if (i >= n) return false;
  let prevSpace = true;
  for (; i < n; i++) {
    const c = name.charCodeAt(i);
    if (c === 32) {
      if (prevSpace) return false;
      prevSpace = true;
    } else if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) prevSpace = false;
    else return false;
  }
  return !prevSpace;
}

/**
 * The search key of a name (normalizeName, with its common case done without a regex). `lowered`, when
 * the caller has it, is name.toLowerCase(): that common case then reuses it.
 */
export function searchKey(name: string, lowered?: string): string {
  return isPlainName(name) ? (lowered ?? name.toLowerCase()) : normalizeName(name);
}

/** What a run of words finds: its entries, and whether some longer name continues it ("new" -> "new york"). */
export interface RunLookup {
  entries: GazetteerEntry[];
  /** Some key starts with this name's key and a space. */
  longer: boolean;
}

/** A run lookup: `lowered`, when given, is name.toLowerCase() (see searchKey). */
type RunLookupFn = (name: string, lowered?: string) => RunLookup;

const runLookups = new WeakMap<Gazetteer, RunLookupFn>();
const tildeLookups = new WeakMap<Gazetteer, (word: string) => GazetteerEntry[]>();
const tildeChecks = new WeakMap<Gazetteer, (word: string) => boolean>();

/**
 * For a gazetteer made by createGazetteer: a lookup that also says whether a longer name starts with
 * this one, so a recogniser can stop extending a run of words early. Undefined for other gazetteers.
 */
export function runLookup(g: Gazetteer): RunLookupFn | undefined {
  return runLookups.get(g);
}

/**
 * For a gazetteer made by createGazetteer: lookup("~" + word) (the keys of demonyms), answered without
 * a search for a word whose first three letters (ASCII) begin no such key. Undefined for other gazetteers.
 */
export function tildeLookup(g: Gazetteer): ((word: string) => GazetteerEntry[]) | undefined {
  return tildeLookups.get(g);
}

/**
 * For a gazetteer made by createGazetteer: false when tildeLookup surely finds nothing for the word
 * (its first three letters, ASCII, begin no "~" key), answered from a table; true otherwise. Lets a
 * caller that remembers lookups skip remembering the many words answered this way. Undefined for
 * other gazetteers.
 */
export function tildeMayHold(g: Gazetteer): ((word: string) => boolean) | undefined {
  return tildeChecks.get(g);
}

/** Three code units a-z as a number below 26 * 26 * 26; -1 for any other. */
function letterTriple(a: number, b: number, c: number): number {
  if (!(a >= 97 && a <= 122 && b >= 97 && b <= 122 && c >= 97 && c <= 122)) return -1;
  return ((a - 97) * 26 + (b - 97)) * 26 + (c - 97);
}

export function createGazetteer(data: unknown): Gazetteer {
  const g = validate(data);
  const n = g.id.length;
  const keys = g.keys;
  const cache: (GazetteerEntry | undefined)[] = new Array(n);
  let byId: Map<number, number> | undefined;
  let byCountry: Map<string, number> | undefined;
  // Keys are grouped by their first two letters; a group is located (two binary searches) when a
  // lookup first needs it. A group searched often gets its keys' first six letters side by side in a
  // compact array: the binary search then runs over that array and compares whole keys only among the
  // few that share all six letters. It also gets a hash table of its keys and their word-prefixes (see
  // makeTable), which answers lookups of names of two or more units in one probe. No pass over all keys;
  // rarely used groups stay as they are.
  const packed = new Float64Array(keys.length);
  /** Per two-letter group: its first key, and one past its last (-1: not located yet). */
  const groupStart = new Int32Array(65536).fill(-1);
  const groupEnd = new Int32Array(65536);
  /** Searches of the group so far; PACK_AFTER or more: its keys are in `packed`. */
  const groupUses = new Uint8Array(65536);
  /** Hash tables of the packed groups' names, by group (see makeTable; an array: read for every name looked up). */
  const tables: (Int32Array | undefined)[] = new Array(65536).fill(undefined);

  const entry = (i: number): GazetteerEntry => {
    let e = cache[i];
    if (!e) {
      const cc = g.country.slice(2 * i, 2 * i + 2);
      e = {
        id: g.id[i], name: g.name[i], kind: KIND[g.kind[i]], country: cc === '--' ? '' : cc,
        lat: g.lat[i] / 100, lon: g.lon[i] / 100, population: g.population[i],
      };
      if (g.region[i] >= 0) e.region = g.regions[g.region[i]];
      cache[i] = e;
    }
    return e;
  };

  /** First key whose two-letter group is at least `group` (binary search over the keys themselves). */
  const groupBound = (group: number): number => {
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (groupOf(keys[mid]) < group) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  const locateGroup = (group: number): void => {
    groupStart[group] = groupBound(group);
    groupEnd[group] = groupBound(group + 1);
  };

  /** Index of the first key not below `key`. */
  const lowerBound = (key: string): number => {
    const p = packKey(key);
    const group = groupOf(key);
    if (groupStart[group] < 0) locateGroup(group);
    let lo = groupStart[group];
    const groupHi = groupEnd[group];
    if (groupUses[group] < PACK_AFTER) {
      if (++groupUses[group] === PACK_AFTER) {
        for (let i = lo; i < groupHi; i++) packed[i] = packKey(keys[i]);
        tables[group] = makeTable(keys, lo, groupHi);
      }
      else {
        let hi = groupHi;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (keys[mid] < key) lo = mid + 1;
          else hi = mid;
        }
        return lo;
      }
    }
    let hi = groupHi;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (packed[mid] < p) lo = mid + 1;
      else hi = mid;
    }
    // Among the keys that share the first six letters, compare whole keys.
    let end = lo;
    while (end < groupHi && end - lo < 8 && packed[end] === p) end++;
    if (end - lo === 8) {
      let a = lo;
      let z = groupHi;
      while (a < z) {
        const mid = (a + z) >>> 1;
        if (packed[mid] <= p) a = mid + 1;
        else z = mid;
      }
      end = a;
    }
    while (lo < end) {
      const mid = (lo + end) >>> 1;
      if (keys[mid] < key) lo = mid + 1;
      else end = mid;
    }
    return lo;
  };

  // Keys starting with "~" (demonyms, a few hundred) are asked for every capitalised word: they are
  // kept in a map, so that the many misses cost no search.
  let tilde: Map<string, number> | undefined;
  /** The "~" keys whose next three code units are letters a-z, by those letters (26 * 26 * 26). */
  let tildeStarts: Uint8Array | undefined;
  const tildeKeys = (): Map<string, number> => {
    if (!tilde) {
      tilde = new Map();
      tildeStarts = new Uint8Array(26 * 26 * 26);
      for (let k = lowerBound('~'), end = lowerBound('\u007f'); k < end; k++) {
        const key = keys[k];
        tilde.set(key, k);
        const at = letterTriple(key.charCodeAt(1), key.charCodeAt(2), key.charCodeAt(3));
        if (at >= 0) tildeStarts[at] = 1;
      }
    }
    return tilde;
  };

  /**
   * What the table of `key`'s group says of it, once the group is packed (see makeTable): twice the index + 1 of
   * the key that is `key` (0: none), plus 1 when a longer key continues it; -1 while the group has no table. A
   * name of one unit is continued in another group ("a" by "a coruna"): it always takes the search.
   */
  const fromTable = (key: string): number => {
    const table = key.length >= 2 ? tables[groupOf(key)] : undefined;
    if (table === undefined) return -1;
    const at = tableSlot(table, keys, key, fnvHash(key) | 0);
    return at < 0 ? 0 : table[at + 1] * 2 + (table[at + 2] !== 0 ? 1 : 0);
  };

  const entriesAt = (k: number): GazetteerEntry[] => {
    const r = g.refs[k];
    if (!Array.isArray(r)) return [entry(checkRef(r, n))];
    const out: GazetteerEntry[] = new Array(r.length);
    for (let x = 0; x < r.length; x++) out[x] = entry(checkRef(r[x], n));
    return out;
  };

  const gazetteer: Gazetteer = {
    version: g.version,
    size: n,
    lookup(name: string): GazetteerEntry[] {
      const key = searchKey(name);
      if (key.charCodeAt(0) === 126) {
        const k = tildeKeys().get(key);
        return k === undefined ? [] : entriesAt(k);
      }
      const found = fromTable(key);
      if (found >= 0) return found >= 2 ? entriesAt((found >>> 1) - 1) : [];
      const k = lowerBound(key);
      return k < keys.length && keys[k] === key ? entriesAt(k) : [];
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
  runLookups.set(gazetteer, (name: string, lowered?: string): RunLookup => {
    const key = searchKey(name, lowered);
    // a packed group answers from its table in one probe
    const found = fromTable(key);
    if (found >= 0) return { entries: found >= 2 ? entriesAt((found >>> 1) - 1) : [], longer: (found & 1) !== 0 };
    const k = lowerBound(key);
    const entries = k < keys.length && keys[k] === key ? entriesAt(k) : [];
    // Keys that continue this one ("key ...") sort together from "key ", a step or two after it
    // (compared unit by unit, without making the string "key ").
    let m = k;
    let order = -1;
    while (m < keys.length && m - k < 4 && (order = orderToContinuation(keys[m], key)) < 0) m++;
    if (m - k === 4) {
      m = lowerBound(key + ' ');
      order = m < keys.length ? orderToContinuation(keys[m], key) : 1;
    }
    return { entries, longer: key !== '' && m < keys.length && order === 0 };
  });
  const tildeMay = (word: string): boolean => {
    // Three ASCII letters first stay first in the key, in lower case, whatever follows them.
    const at = letterTriple(word.charCodeAt(0) | 32, word.charCodeAt(1) | 32, word.charCodeAt(2) | 32);
    if (at < 0) return true;
    tildeKeys();
    return tildeStarts![at] === 1;
  };
  tildeChecks.set(gazetteer, tildeMay);
  tildeLookups.set(gazetteer, (word: string): GazetteerEntry[] => (tildeMay(word) ? gazetteer.lookup('~' + word) : []));
  return gazetteer;
}
