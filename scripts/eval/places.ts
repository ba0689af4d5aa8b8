// Scores the place recogniser on GeoWebNews dev (../shared/eval/places-geowebnews-dev.jsonl) as
// /work/shared/eval/README.md says: overlap and exact match, excluded spans, resolution within 161 km.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Reference } from '../../src/reference/types';
import { recognizePlaces } from '../../src/recognize/places';
import { score, type CorpusLine, type EvalReport } from './types';

type Gold = CorpusLine['spans'][number];
const CORPUS = 'places-geowebnews-dev.jsonl';

/** Gold: place names used as nouns. Excluded: adjectival uses, demonyms, languages. Others: neither. */
export function goldClass(s: Gold): 'gold' | 'excluded' | 'other' {
  const e = s.extra as Record<string, unknown>;
  if (e.modifier_type === 'Adjective' || e.toponym_type === 'Demonym' || e.toponym_type === 'Language') return 'excluded';
  if (e.group === 'literal' || e.toponym_type === 'Metonymic') return 'gold';
  return 'other';
}

export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * r) / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(a)));
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

export async function evaluatePlaces(sharedDir: string, reference: Reference, options: { verbose?: boolean } = {}): Promise<EvalReport> {
  const inShared = resolve(sharedDir, 'eval', CORPUS);
  const lines = readFileSync(existsSync(inShared) ? inShared : resolve(sharedDir, CORPUS), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as CorpusLine);
  let tp = 0, fp = 0, fn = 0, etp = 0, efp = 0, efn = 0;
  let resolvable = 0, resolved = 0;
  const missedByType = new Map<string, number>();
  const falseAlarms: string[] = [];
  const misses: string[] = [];
  const farOff: string[] = [];
  let words = 0;
  const t0 = performance.now();
  for (const doc of lines) {
    const preds = recognizePlaces(doc.text, reference.gazetteer);
    words += doc.text.split(/\s+/).length;
    const gold = doc.spans.filter((s) => s.label === 'place' && goldClass(s) === 'gold');
    const excluded = doc.spans.filter((s) => s.label === 'place' && goldClass(s) === 'excluded');
    const used = new Set<Gold>();
    for (const p of preds) {
      const g = gold.find((x) => !used.has(x) && overlaps(x, p));
      if (g) {
        used.add(g);
        tp++;
        const e = g.extra as { lat?: number; lon?: number };
        if (typeof e.lat === 'number' && typeof e.lon === 'number') {
          resolvable++;
          const pl = p.place;
          const d = pl?.lat !== undefined && pl.lon !== undefined ? distanceKm(e.lat, e.lon, pl.lat, pl.lon) : Infinity;
          if (d <= 161) resolved++;
          else farOff.push(`${doc.id}: "${p.text}" -> ${pl?.name} ${pl?.country ?? ''} (${Number.isFinite(d) ? Math.round(d) + ' km' : 'unresolved'}; gold ${String((g.extra as Record<string, unknown>).normalised_name)})`);
        }
      } else if (gold.some((x) => overlaps(x, p)) || excluded.some((x) => overlaps(x, p))) {
        // overlapping an already-matched gold span or an excluded one: neither hit nor false alarm
      } else {
        fp++;
        const other = doc.spans.find((x) => overlaps(x, p));
        falseAlarms.push(`${doc.id}: "${p.text}" (${p.place?.kind}${other ? `; gold says ${String((other.extra as Record<string, unknown>).toponym_type)}` : ''}) …${doc.text.slice(Math.max(0, p.start - 30), p.end + 30).replace(/\s+/g, ' ')}…`);
      }
    }
    for (const g of gold) {
      if (!used.has(g)) {
        fn++;
        const t = String((g.extra as Record<string, unknown>).toponym_type);
        missedByType.set(t, (missedByType.get(t) ?? 0) + 1);
        misses.push(`${doc.id}: "${doc.text.slice(g.start, g.end)}" (${t}) …${doc.text.slice(Math.max(0, g.start - 30), g.end + 30).replace(/\s+/g, ' ')}…`);
      }
    }
    // Exact matching.
    const exactUsed = new Set<Gold>();
    for (const p of preds) {
      const g = gold.find((x) => !exactUsed.has(x) && x.start === p.start && x.end === p.end);
      if (g) { exactUsed.add(g); etp++; }
      else if (!excluded.some((x) => overlaps(x, p)) && !gold.some((x) => overlaps(x, p) && exactUsed.has(x))) efp++;
    }
    efn += gold.length - exactUsed.size;
  }
  const ms = performance.now() - t0;
  const notes = [
    `missed by gold type: ${[...missedByType].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ')}`,
    `recogniser time ${ms.toFixed(0)} ms for ${words} words (${((ms / words) * 1000).toFixed(2)} ms per 1,000 words; one cold run, JIT warm-up included)`,
  ];
  if (options.verbose) {
    notes.push('--- false alarms', ...falseAlarms, '--- misses', ...misses, '--- resolved far off', ...farOff);
  }
  return {
    name: 'places (GeoWebNews dev)',
    scores: { overlap: score(tp, fp, fn), exact: score(etp, efp, efn) },
    extra: { 'resolution@161km': resolvable ? resolved / resolvable : 0, 'resolvable matches': resolvable },
    notes,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const shared = process.argv.slice(2).find((a) => !a.startsWith('-')) ?? resolve(process.cwd(), '../shared');
  import('../../cli/load-reference')
    .then(({ loadBundledReference }) => evaluatePlaces(shared, loadBundledReference(), { verbose: process.argv.includes('-v') }))
    .then((report) => {
      for (const [k, s] of Object.entries(report.scores)) {
        console.log(`${k.padEnd(8)} P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)} F1 ${s.f1.toFixed(3)}  (tp ${s.tp} fp ${s.fp} fn ${s.fn})`);
      }
      for (const [k, v] of Object.entries(report.extra)) console.log(`${k}: ${Number.isInteger(v) ? v : v.toFixed(3)}`);
      for (const n of report.notes) console.log(n);
    }, (e: unknown) => {
      console.error(`places eval: ${e instanceof Error ? e.message : String(e)}`);
      process.exit(2);
    });
}
