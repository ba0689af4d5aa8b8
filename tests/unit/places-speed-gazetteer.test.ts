// The gazetteer's fast paths (packed groups, their hash tables of names, the demonym keys) answer as a plain
// search over the sorted keys does, before and after a group is packed.
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { createGazetteer, runLookup, searchKey, tildeLookup, tildeMayHold } from '../../src/reference/gazetteer';
import { readReferenceJson } from '../../cli/load-reference';

const data = readReferenceJson('gazetteer.json') as { keys: string[]; refs: (number | number[])[]; id: number[] };
const keys = data.keys;

/** First index whose key is not below `key` (the operator <, as the keys are sorted). */
function bound(key: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Entry ids of the name and whether a longer key continues it, by the plain search. */
function expected(name: string): { ids: number[]; longer: boolean } {
  const key = searchKey(name);
  const k = bound(key);
  const ids: number[] = [];
  if (k < keys.length && keys[k] === key) {
    const r = data.refs[k];
    for (const x of Array.isArray(r) ? r : [r]) ids.push(data.id[x]);
  }
  const m = bound(key + ' ');
  return { ids, longer: key !== '' && m < keys.length && keys[m].startsWith(key + ' ') };
}

/** Names of all sorts: keys, their word-prefixes, near misses, capitalised words, odd strings. */
function names(): string[] {
  const out: string[] = ['A', 'a', 'Zz', 'Rio de', 'New', 'New York', 'The', 'President', 'Zelensky', 'St', 'É', 'ł', "O'Hare", 'U.S.', '', ' ', 'Aa Bb'];
  for (let i = 0; i < keys.length; i += 97) {
    const key = keys[i];
    out.push(key, key.toUpperCase(), key[0].toUpperCase() + key.slice(1), key + 'x', key.slice(0, -1));
    const space = key.indexOf(' ');
    if (space > 0) out.push(key.slice(0, space), key.slice(0, space + 1), key.slice(0, space) + ' zq');
  }
  return out;
}

describe('fast gazetteer lookups agree with a plain search', () => {
  test('run lookups and lookups, cold and after packing', () => {
    const g = createGazetteer(data);
    const run = runLookup(g)!;
    const list = names();
    // Several rounds: groups are packed (and get their tables) after their first searches.
    for (let round = 0; round < 10; round++) {
      for (const name of list) {
        const want = expected(name);
        const r = run(name);
        expect({ name, ids: r.entries.map((e) => e.id), longer: r.longer }).toEqual({ name, ...want });
        expect({ name, ids: g.lookup(name).map((e) => e.id) }).toEqual({ name, ids: want.ids });
        // Given the name's lower case (as the place recogniser passes it), the same answer.
        const lowered = run(name, name.toLowerCase());
        expect({ name, ids: lowered.entries.map((e) => e.id), longer: lowered.longer }).toEqual({ name, ...want });
      }
    }
  });

  test('any cut of any key, at a space or not, after packing (the hash tables)', () => {
    const g = createGazetteer(data);
    const run = runLookup(g)!;
    // every group packed first: each key looked up 8 times (PACK_AFTER), so each group is searched at least as often
    for (let round = 0; round < 8; round++) for (const key of keys) run(key);
    fc.assert(
      fc.property(fc.nat(keys.length - 1), fc.nat(40), fc.constantFrom('', ' ', 'x', ' x', 'é'), (i, cut, tail) => {
        const name = keys[i].slice(0, Math.max(1, keys[i].length - cut)) + tail;
        const r = run(name);
        expect({ name, ids: r.entries.map((e) => e.id), longer: r.longer }).toEqual({ name, ...expected(name) });
        expect({ name, ids: g.lookup(name).map((e) => e.id) }).toEqual({ name, ids: expected(name).ids });
      }),
      { numRuns: 3000 },
    );
  });

  test('demonym lookups', () => {
    const g = createGazetteer(data);
    const tilde = tildeLookup(g)!;
    const mayHold = tildeMayHold(g)!;
    const words = ['British', 'Russian', 'Ukrainian', 'American', 'Americans', 'The', 'Thai', 'Th', 'T', 'Ab', 'ukrainian', 'UKRAINIAN', 'Française', 'Ėxample', 'Rus', 'Zzz', '1st', 'Kharkiv'];
    for (const k of keys) if (k.startsWith('~')) words.push(k.slice(1), k.slice(1).toUpperCase(), k.slice(1, 4), k.slice(1) + 's');
    for (let round = 0; round < 3; round++) {
      for (const w of words) {
        expect({ w, ids: tilde(w).map((e) => e.id) }).toEqual({ w, ids: expected('~' + w).ids });
        // The quick test never turns away a word that has entries.
        if (!mayHold(w)) expect({ w, ids: expected('~' + w).ids }).toEqual({ w, ids: [] });
      }
    }
  });
});
