// A/B timing of `analyze` between two versions of the code, for speed work on a noisy machine.
//
//   node scripts/ab.mjs [--secs 40] [--keep] A [B]
//
// A and B are git revisions or project directories; B defaults to this working tree. A revision is
// checked out into a temporary git worktree (node_modules and .wxt linked from here). Each side runs in
// its own worker thread, so each has its own heap and pays for its own garbage: timed in one isolate,
// a change that allocates less has its saved collections charged to both sides alike, and looks
// neutral. The two workers take turns in blocks of 5 calls (which goes first is random each round) on
// the bench text (scripts/bench-kit.ts, read once here, the same string for both), so a change in the
// machine's speed over the run falls on both. Both outputs must be identical (the check printed).
//
// Report: medians per call of each side, and the median with quartiles of the per-round ratio B/A.
// `node scripts/ab.mjs HEAD HEAD` (the same code twice) shows the noise floor: on the 2-core VM of
// session 5 the quartiles of a null run spread about +-10%, the medians about 2%. In session 12 (a busier
// host) a null run's median read 1.052: side B slower, whichever code it runs. So judge a change by two runs
// with the sides swapped: OLD NEW gives r1 (change x bias), NEW OLD r2 (bias / change), and the change is about
// sqrt(r1 / r2). Sessions 5 and 8 dropped a token pool at 1.03 in one direction; swapped pairs in session 12
// read 1.017 and 0.945.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { ROOT, checkouts, takeOption } from './revisions.mjs';

const BLOCK = 5;

if (!isMainThread) {
  // A side: its own copy of the code, loaded through tsx.
  const { register } = await import('tsx/esm/api');
  register();
  const { root, text } = workerData;
  const { analyze } = await import(join(root, 'src/analyze.ts'));
  const { loadBundledReference } = await import(join(root, 'cli/load-reference.ts'));
  const reference = loadBundledReference();
  const options = { published: '2022-09-10' };
  parentPort.on('message', (m) => {
    if (m === 'output') return parentPort.postMessage(JSON.stringify(analyze(text, reference, options)));
    const t0 = performance.now();
    for (let k = 0; k < BLOCK; k++) analyze(text, reference, options);
    parentPort.postMessage((performance.now() - t0) / BLOCK);
  });
  parentPort.postMessage('ready');
} else {
  const args = process.argv.slice(2);
  const secs = Number(takeOption(args, '--secs', true) ?? 40);
  const keep = takeOption(args, '--keep', false) !== undefined;
  if (!args.length || args.length > 2 || !(secs > 5)) {
    console.error('usage: node scripts/ab.mjs [--secs S>5] [--keep] A [B]   (revisions or directories; B: this working tree)');
    process.exit(2);
  }
  const { side, cleanup } = checkouts('factmark-ab-', keep);
  try {
    const a = side(args[0], 'a');
    const b = side(args[1] ?? ROOT, 'b');
    const { benchText } = await import('tsx/esm/api').then(({ register }) => (register(), import(join(ROOT, 'scripts/bench-kit.ts'))));
    const text = benchText();
    const start = (root) =>
      new Promise((ok, fail) => {
        const w = new Worker(fileURLToPath(import.meta.url), { workerData: { root, text } });
        w.once('error', fail);
        w.once('message', () => ok(w));
      });
    const ask = (w, m) => new Promise((ok) => (w.once('message', ok), w.postMessage(m)));
    const wa = await start(a);
    const wb = await start(b);
    const same = (await ask(wa, 'output')) === (await ask(wb, 'output'));
    const ta = [];
    const tb = [];
    const t0 = performance.now();
    let warm = true;
    while (performance.now() - t0 < secs * 1000) {
      // the first 3 s warm both up and are not counted
      if (warm && performance.now() - t0 > 3000) {
        warm = false;
        ta.length = tb.length = 0;
      }
      if (Math.random() < 0.5) {
        ta.push(await ask(wa, 'time'));
        tb.push(await ask(wb, 'time'));
      } else {
        tb.push(await ask(wb, 'time'));
        ta.push(await ask(wa, 'time'));
      }
    }
    await Promise.all([wa.terminate(), wb.terminate()]);
    const at = (xs, p) => xs.slice().sort((x, y) => x - y)[Math.floor((xs.length - 1) * p)];
    const ratio = ta.map((x, i) => tb[i] / x);
    console.log(`A ${args[0]}: ${at(ta, 0.5).toFixed(3)} ms a call (quartiles ${at(ta, 0.25).toFixed(3)}-${at(ta, 0.75).toFixed(3)})`);
    console.log(`B ${args[1] ?? 'working tree'}: ${at(tb, 0.5).toFixed(3)} ms a call (quartiles ${at(tb, 0.25).toFixed(3)}-${at(tb, 0.75).toFixed(3)})`);
    console.log(`B/A per round: median ${at(ratio, 0.5).toFixed(3)}, quartiles ${at(ratio, 0.25).toFixed(3)}-${at(ratio, 0.75).toFixed(3)}, ${ta.length} rounds of ${BLOCK} calls each side`);
    console.log(same ? 'outputs identical' : 'OUTPUTS DIFFER: the two versions do not analyse alike');
    process.exitCode = same ? 0 : 1;
  } finally {
    cleanup();
  }
}
