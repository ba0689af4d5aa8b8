// Where analyze allocates: V8's sampling heap profiler over warm calls of analyze on the bench text
// (scripts/bench-kit.ts), counting every sampled allocation (those the next garbage collection frees too,
// not only what survives), as bytes per call by function. A development tool for speed work: allocation is
// memory written fresh, and the fewer bytes a call writes, the less it evicts from the caches.
//   npx tsx scripts/alloc-profile.ts [--calls N] [--top N]
// Functions are named with their source files (under tsx every line number reads 1, so none is shown). What it said in session 7 (2.75 MB a call): the places
// tokeniser 687 KB and the claims tokeniser 609 KB (their token objects and word strings), recognizeClaims
// 180 KB, comparePlaces 112 KB, regular-expression matches 101 KB.
import { Session } from 'node:inspector';
import { analyze } from '../src/analyze';
import { loadBundledReference } from '../cli/load-reference';
import { BENCH_PUBLISHED, benchText } from './bench-kit';

const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const at = args.indexOf(name);
  const v = at >= 0 ? Number(args[at + 1]) : fallback;
  if (!(v >= 1)) {
    console.error('usage: npx tsx scripts/alloc-profile.ts [--calls N] [--top N]');
    process.exit(2);
  }
  return v;
};
const calls = option('--calls', 100);
const top = option('--top', 30);

interface ProfileNode { callFrame: { functionName: string; url: string; lineNumber: number }; selfSize: number; children: ProfileNode[] }

const text = benchText();
const reference = loadBundledReference();
const run = () => analyze(text, reference, { published: BENCH_PUBLISHED });
// warm: every function optimised, the module caches filled, as in the bench
for (let i = 0; i < 200; i++) run();

const session = new Session();
session.connect();
const post = <T>(method: string, params?: object) =>
  new Promise<T>((resolve, reject) => session.post(method, params, (err, res) => (err ? reject(err) : resolve(res as T))));
await post('HeapProfiler.enable');
await post('HeapProfiler.startSampling', { samplingInterval: 512, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
for (let i = 0; i < calls; i++) run();
const { profile } = await post<{ profile: { head: ProfileNode } }>('HeapProfiler.stopSampling');
session.disconnect();

const bytes = new Map<string, number>();
let total = 0;
const walk = (n: ProfileNode) => {
  total += n.selfSize;
  const file = n.callFrame.url.replace(/^.*\/(src|cli|scripts|node_modules)\//, '$1/');
  const key = `${n.callFrame.functionName || '(anonymous)'} ${file || '(builtin)'}`;
  bytes.set(key, (bytes.get(key) ?? 0) + n.selfSize);
  for (const c of n.children) walk(c);
};
walk(profile.head);
console.log(`analyze allocates ${(total / calls / 1024).toFixed(0)} KB a call (sampled every 512 bytes over ${calls} warm calls); by function:`);
for (const [key, b] of [...bytes].sort((x, y) => y[1] - x[1]).slice(0, top)) console.log(`${(b / calls / 1024).toFixed(1).padStart(8)} KB  ${key}`);
