// Builds assets/reference/reports.json from the seed reports: the claim recogniser and `analyze`
// (places, figures) over each seed, then the hand-checked corrections below, validated before writing.
// Run: npx tsx scripts/build-reports.ts [seedsDir]   (default: tests/fixtures/seeds)
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../src/analyze';
import { createReference } from '../src/reference';
import { fingerprint, parseReports } from '../src/reference/reports';
import type { ReferenceReport, ReportClaim } from '../src/reference/types';
import { readReferenceJson } from '../cli/load-reference';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Hand-checked corrections, keyed by seed file and by the start of the recognised statement.
 * `drop`: not an attributed statement (the recogniser's false alarm); `speaker`: the right speaker.
 * `add`: a statement the recogniser misses. Checked by reading both seeds in full.
 */
interface Correction {
  match: string;
  drop?: boolean;
  speaker?: string;
  statement?: string;
}
const CORRECTIONS: Record<string, { fix: Correction[]; add?: Omit<ReportClaim, 'id' | 'places' | 'figures'>[] }> = {
  '000_0542a8070dd0cc42.txt': {
    fix: [
      // "which the Ukrainians had reported as having liberated": the statement is the liberation of Balakliya
      { match: 'as having liberated', statement: 'Balakliya, which the Ukrainians had reported as having liberated last week' },
      { match: 'out in favour of a Russian withdrawal', speaker: 'Emmanuel Macron' },
      { match: 'to Zelenksy by telephone', drop: true },
      { match: 'Ukrainian units in the small town', speaker: 'domestic intelligence service SBU' },
      { match: 'each other of shelling', speaker: 'Russians and Ukrainians' },
    ],
    add: [{ speaker: 'military experts', cue: 'were said', statement: 'More than 10,000 Russian soldiers were said to be threatened with encirclement by Ukrainian troops' }],
  },
  '003_8f0f9114e9d9c3f5.txt': {
    fix: [
      // "Zelenskyy said this just hours after ...": refers back to the quote, not a statement of its own
      { match: 'this just hours after', drop: true },
      // "Russia has said is its own country": the statement is Donbas being part of Russia
      { match: 'is its own country', statement: 'Donbas is its own country' },
      { match: 'people in Balakliya cheering', speaker: 'videos posted to social media' },
      // "Videos on social media seemed to show ...": the videos are the source, not the media
      { match: 'troops at a roadside checkpoint', speaker: 'videos on social media' },
      // the tweet's picture is not a statement; the claim inside it ("he said was a government building") stays
      { match: 'a picture of soldiers', drop: true },
      // "they wanted to focus on Donetsk": they = Russia (the reason Russia gave)
      { match: 'to focus on Donetsk', speaker: 'Russia' },
      // "posted a message saying that ...": the message's statement is the claim (its ", saying" reading); the
      // clause "which added to the idea that the city had been taken" is the writer's, not the service's
      { match: 'a message saying that troops', drop: true },
      { match: 'troops were in Kupiansk, which added', statement: 'troops were in Kupiansk' },
    ],
  },
};

function titleAndDate(text: string): { title: string; published?: string; body: string } {
  const m = /^\s*date\s+(\d{4}-\d{2}-\d{2})\s+/.exec(text);
  const body = m ? text.slice(m[0].length) : text;
  const firstLine = body.split('\n')[0].trim();
  const first = /^(.{10,200}?[.!?])(?:\s|$)/.exec(firstLine)?.[1] ?? firstLine;
  const title = first.length > 120 ? first.slice(0, first.lastIndexOf(' ', 117)) + '...' : first.replace(/[.]$/, '');
  return { title, published: m?.[1], body };
}

export function buildReports(seedsDir: string): ReferenceReport[] {
  const reference = createReference(readReferenceJson('gazetteer.json'), []);
  const files = readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort();
  const reports: ReferenceReport[] = [];
  const knownDate = files.map((f) => titleAndDate(readFileSync(resolve(seedsDir, f), 'utf8')).published).find(Boolean);
  for (const [n, file] of files.entries()) {
    const text = readFileSync(resolve(seedsDir, file), 'utf8');
    const { title, published } = titleAndDate(text);
    const result = analyze(text, reference, { published: published ?? knownDate, categories: ['place', 'figure', 'claim'] });
    const corr = CORRECTIONS[file] ?? { fix: [] };
    const claims: ReportClaim[] = [];
    for (const a of result.annotations) {
      if (a.category !== 'claim' || !a.claim) continue;
      const fix = corr.fix.find((c) => a.text.includes(c.match));
      if (fix?.drop) continue;
      const inside = result.annotations.filter((x) => x.start >= a.start && x.end <= a.end);
      const places = [...new Set(inside.filter((x) => x.category === 'place' && x.place).map((x) => x.place!.name))];
      const figures = inside
        .filter((x) => x.category === 'figure' && x.figure && x.figure.value !== null && x.figure.kind !== 'date')
        .map((x) => ({ value: x.figure!.value!, ...(x.figure!.unit ? { unit: x.figure!.unit } : {}), text: x.text }));
      const statement = (fix?.statement ?? a.text).replace(/^\s*date\s+\d{4}-\d{2}-\d{2}\s+/, '').replace(/^["“]|["”,]+$/g, '').trim();
      claims.push({ id: `c${claims.length + 1}`, speaker: fix?.speaker ?? a.claim.source.name ?? a.claim.source.text, cue: a.claim.cue.text, statement, places, figures });
    }
    for (const add of corr.add ?? []) claims.push({ id: `c${claims.length + 1}`, ...add, places: [], figures: [] });
    const report: ReferenceReport = { id: `seed-${n + 1}-${file.replace(/\.txt$/, '').replace(/^\d+_/, '')}`, title, claims, fingerprint: fingerprint(text) };
    if (published) report.published = published;
    else if (knownDate) {
      // the second seed names no date; its events are those of the first seed's day
      report.published = knownDate;
      report.publishedInferred = true;
    }
    reports.push(report);
  }
  return parseReports(reports); // validated against the schema: throws with the path and reason
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const seeds = resolve(process.argv[2] ?? resolve(ROOT, 'tests/fixtures/seeds'));
  const reports = buildReports(seeds);
  const out = resolve(ROOT, 'assets/reference/reports.json');
  writeFileSync(out, JSON.stringify(reports, null, 1) + '\n');
  console.log(`wrote ${out}: ${reports.length} reports, ${reports.reduce((s, r) => s + r.claims.length, 0)} claims`);
}
