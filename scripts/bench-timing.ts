// The timer and the plain tokenising pass of the speed tools, without Node's APIs: scripts/bench-kit.ts
// re-exports them for Node, and scripts/bench-engine.ts bundles them into a page to time the same way in a
// browser's engine.

/**
 * How long each measured function is run before it is timed (and at least 20 times): the same time for
 * all, so V8 has tiered every one of them up to optimised code. With 20 calls alone compromise (230 ms a
 * call) warmed for 4-5 s and analyze (7 ms) for 0.15 s, and analyze's first-timed subset was up to 25%
 * slower than after a second of warm-up (its large functions were not all optimised yet). One second was
 * still short of analyze's steady state: `node --trace-opt` shows V8 optimising rule functions of analyze
 * for the first time up to 6 s into a loop of it (isSelf at 4 s, analyze itself at 5 s, isoForSimple at 6 s;
 * some 1,300 calls), and session 10 counted TurboFan's compiling in the instructions of calls 101-200 and
 * 401-500 but not after call 800. Eight seconds is past that for every function timed (compromise settles
 * after about 3 s; the tokenising pass at once).
 */
export const WARM_MS = 8000;

/** Rounds of the side-by-side timing (see sideBySide), and timed calls in a row of each function in a round. */
export const ROUNDS = 31;
export const BLOCK = 3;
/** Timed calls of compromise (after its warm-up; it takes 200+ ms a call). */
export const COMP_RUNS = 5;

/** The publication date analyze is given with the bench text (the day of the seed reports' event). */
export const BENCH_PUBLISHED = '2022-09-10';

/** The median (the upper one of an even count). */
export const mid = (xs: number[]): number => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** "min-max" of a list of timings or ratios, with `d` decimals. */
export const span = (xs: number[], d = 2): string => `${Math.min(...xs).toFixed(d)}-${Math.max(...xs).toFixed(d)}`;

/** Runs fn for `warmMs` (default WARM_MS) and at least 20 times. */
export function warm(fn: () => unknown, warmMs = WARM_MS): void {
  const t0 = performance.now();
  for (let i = 0; i < 20 || performance.now() - t0 < warmMs; i++) fn();
}

/** Median of `runs` timings of fn, in ms, after a warm-up of `warmMs` (default WARM_MS) and at least 20 calls. */
export function time(fn: () => unknown, runs = 31, warmMs = WARM_MS): number {
  warm(fn, warmMs);
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    t.push(performance.now() - t0);
  }
  return mid(t);
}

/**
 * Medians (ms a call, by name) of functions timed side by side: each warmed alone first (see warm), then
 * `rounds` rounds, each running every function in a fresh random order, one untimed call and then `block`
 * timed calls of it in a row. A change in the machine's speed during the run (the development VM's host
 * drifts by tens of per cent from second to second) so falls on all of them alike, and a ratio of two medians
 * compares them at the same moments; timed one after another, each function met its own moment's host
 * (session 11: per-process ratios of analyze to the tokenising pass of 3.7-7.5x in one run). The untimed call
 * refills the caches the other functions emptied: in blocks of 4 (session 11, 25 rounds, compromise in them
 * too) the first call's median against calls 2-4 read 6.17 against 5.52 ms for analyze,
 * 2.27 against 1.68 for its places alone and 0.80 against 0.77 for the tokenising pass, which only streams the
 * text: timed, those calls would charge the round's order to analyze alone.
 */
export function sideBySide(byName: Record<string, () => unknown>, rounds = ROUNDS, block = BLOCK, warmMs = WARM_MS): Record<string, number> {
  const fns = Object.values(byName);
  for (const fn of fns) warm(fn, warmMs);
  const times = fns.map((): number[] => []);
  const order = fns.map((_, k) => k);
  for (let r = 0; r < rounds; r++) {
    for (let k = order.length - 1; k > 0; k--) {
      const j = Math.floor(Math.random() * (k + 1));
      [order[k], order[j]] = [order[j], order[k]];
    }
    for (const k of order) {
      fns[k]();
      for (let b = 0; b < block; b++) {
        const t0 = performance.now();
        fns[k]();
        times[k].push(performance.now() - t0);
      }
    }
  }
  return Object.fromEntries(Object.keys(byName).map((name, k) => [name, mid(times[k])]));
}

/** The plain tokenising pass the issues compare against: one regex scan over the words. */
export function tokenize(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(/[\p{L}\p{N}]+/gu)) n++;
  return n;
}

let chaseCycle: Int32Array | undefined;
/** The pointer chase's 16 MB cycle, made once per process: Sattolo's shuffle with a fixed generator, one
 * cycle through every slot, the same in every run. */
function chase(): Int32Array {
  if (chaseCycle) return chaseCycle;
  const n = 1 << 22;
  const next = new Int32Array(n);
  for (let i = 0; i < n; i++) next[i] = i;
  let seed = 12345;
  for (let i = n - 1; i > 0; i--) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    const j = seed % i;
    const t = next[i];
    next[i] = next[j];
    next[j] = t;
  }
  return (chaseCycle = next);
}

/**
 * How busy the machine is, two ways: ms for a fixed integer loop (1e8 times x += i % 7: about 130 ms on the
 * 2-core development VM when its host is idle), and ms for 2e6 steps of a pointer chase through a random
 * cycle over 16 MB (memory latency). On a busy host analyze slows far more than the tokenising pass (up to 2x
 * against 1.1x), and session 5 saw that with the integer loop at its idle time: the contention was in the
 * shared cache and memory, which only the chase feels (290 ms then; no idle reading of it yet).
 */
export function hostLoops(): { cpu: number; memory: number } {
  let t0 = performance.now();
  let x = 0;
  for (let i = 0; i < 1e8; i++) x += i % 7;
  const cpu = performance.now() - t0;
  const next = chase();
  t0 = performance.now();
  let p = 0;
  for (let k = 0; k < 2e6; k++) p = next[p];
  const memory = performance.now() - t0;
  if (x < 0 || p < 0) throw new Error('unreachable');
  return { cpu, memory };
}
