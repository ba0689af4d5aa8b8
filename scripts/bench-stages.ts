// Where analyze's time goes: each stage of the pipeline timed alone on the bench text (scripts/bench-kit.ts),
// medians of 41 runs after 8 s of warm-up each (WARM_MS), in this one process. A development tool for speed
// work; the figures that count are `npm run bench`'s (side by side, over 3 processes). Stages timed alone need
// not add up to analyze: each runs with its own warm caches (session 7 saw more; session 11, after 1 s of
// warm-up each, 3.9 ms of stages against 5.5 ms of analyze).
//   npx tsx scripts/bench-stages.ts              the table
//   node --cpu-prof --import tsx scripts/bench-stages.ts --profile 15
//                                                15 s of analyze only, for a CPU profile (self time by function)
// Speed changes must keep every stage's output: `npx tsx scripts/golden.ts check FILE` against a recording of
// the code before. Judge a change with `node scripts/ab.mjs REV` (the two versions in turns, each in its own
// worker and heap), never on a stage replayed on its own.
import { analyze, byPositionMerged, countWords } from '../src/analyze';
import { loadBundledReference } from '../cli/load-reference';
import { recognizePlaces } from '../src/recognize/places';
import { recognizeFigures } from '../src/recognize/figures';
import { recognizeClaims } from '../src/recognize/claims';
import { comparePlaces } from '../src/compare/places';
import { compareFigures } from '../src/compare/figures';
import { compareClaims } from '../src/compare/claims';
import { BENCH_PUBLISHED as published, benchText, time, tokenize } from './bench-kit';

const text = benchText();
const ref = loadBundledReference();

const profileAt = process.argv.indexOf('--profile');
if (profileAt > 0) {
  const seconds = Number(process.argv[profileAt + 1]) || 15;
  const t0 = performance.now();
  let n = 0;
  while (performance.now() - t0 < seconds * 1000) {
    analyze(text, ref, { published });
    n++;
  }
  console.log(`${n} runs of analyze in ${seconds} s`);
} else {
  const show = (name: string, fn: () => unknown) => console.log(`${name.padEnd(22)} ${time(fn, 41).toFixed(2)} ms`);
  const places = recognizePlaces(text, ref.gazetteer);
  const figures = recognizeFigures(text, { published });
  const claims = recognizeClaims(text);
  const all = byPositionMerged([places, figures, claims]);
  console.log(`${countWords(text)} words, ${text.length} characters`);
  show('tokenising pass', () => tokenize(text));
  show('countWords', () => countWords(text));
  show('recognizePlaces', () => recognizePlaces(text, ref.gazetteer));
  show('recognizeFigures', () => recognizeFigures(text, { published }));
  show('recognizeClaims', () => recognizeClaims(text));
  show('byPositionMerged', () => byPositionMerged([places, figures, claims]));
  show('comparePlaces', () => comparePlaces(places, ref.gazetteer));
  show('compareFigures', () => compareFigures(text, all, ref));
  show('compareClaims', () => compareClaims(text, all, ref, { published }));
  show('analyze (all)', () => analyze(text, ref, { published }));
}
