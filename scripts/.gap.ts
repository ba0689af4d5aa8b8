import { analyze, recognizeAll, byPositionMerged } from '../src/analyze';
import { loadBundledReference } from '../cli/load-reference';
import { recognizePlaces } from '../src/recognize/places';
import { recognizeFigures } from '../src/recognize/figures';
import { recognizeClaims } from '../src/recognize/claims';
import { benchText, time, tokenize } from './bench-kit';
import type { WordPass } from '../src/recognize/scan';
const text = benchText();
const ref = loadBundledReference();
const published = '2022-09-10';
const warmMs = Number(process.argv[2] ?? 8000);
const show = (name: string, fn: () => unknown) => console.log(`${name.padEnd(22)} ${time(fn, 41, warmMs).toFixed(2)} ms`);
const order = process.argv.slice(3);
const fns: Record<string, () => unknown> = {
  pass: () => tokenize(text),
  places: () => recognizePlaces(text, ref.gazetteer),
  figures: () => recognizeFigures(text, { published }),
  claims: () => recognizeClaims(text),
  seq: () => { recognizePlaces(text, ref.gazetteer); recognizeFigures(text, { published }); return recognizeClaims(text); },
  lent: () => { const pass: WordPass = { words: 0, tokens: [], candidates: [] }; recognizePlaces(text, ref.gazetteer, pass); recognizeFigures(text, { published }, pass.candidates); return recognizeClaims(text, pass.tokens); },
  all: () => recognizeAll(text, ref, published),
  analyze: () => analyze(text, ref, { published }),
};
for (const k of order) show(k, fns[k]);
if (order.length === 0) {
  const names = (process.env.SBS ?? 'pass,places,figures,claims,seq,analyze').split(',');
  const r = (await import('./bench-kit')).sideBySide(Object.fromEntries(names.map((n) => [n, fns[n]])), 31, 3, warmMs);
  for (const [k, v] of Object.entries(r)) console.log(k.padEnd(10), v.toFixed(2));
}
