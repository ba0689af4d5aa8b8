// The page side of scripts/bench-engine.ts: bundled for the browser, it times analyze, the plain tokenising pass
// and compromise as scripts/bench.ts does in Node (the same timer and protocol: scripts/bench-timing.ts), here in
// the browser's own JavaScript engine.
import nlp from 'compromise';
import { analyze } from '../src/analyze';
import { createReference } from '../src/reference';
import { BENCH_PUBLISHED as published, BLOCK, COMP_RUNS, hostLoops, ROUNDS, sideBySide, time, tokenize } from './bench-timing';

export interface EngineTimes {
  engine: string;
  /** Whether the page is cross-origin isolated (then the browser coarsens performance.now() far less). */
  isolated: boolean;
  first: number;
  plain: number;
  all: number;
  comp: number;
  host: { cpu: number; memory: number }[];
}

async function run(warmMs: number): Promise<EngineTimes> {
  const [text, gazetteer, reports] = (await (await fetch('/input.json')).json()) as [string, unknown, unknown];
  const host = [hostLoops()];
  const reference = createReference(gazetteer, reports);
  const c0 = performance.now();
  analyze(text, reference, { published });
  const first = performance.now() - c0;
  const head = sideBySide({ plain: () => tokenize(text), all: () => analyze(text, reference, { published }) }, ROUNDS, BLOCK, warmMs);
  const comp = time(() => nlp(text).json(), COMP_RUNS, warmMs);
  host.push(hostLoops());
  return { engine: navigator.userAgent, isolated: globalThis.crossOriginIsolated === true, first, plain: head.plain, all: head.all, comp, host };
}

(globalThis as unknown as { factmarkEngineBench: typeof run }).factmarkEngineBench = run;
