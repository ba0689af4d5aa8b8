// The cost of one `analyze` call (or one stage) counted, not timed: instructions and simulated cache misses
// under valgrind's cachegrind, for speed work on a machine too noisy to time changes of a few per cent.
//
//   node scripts/cachegrind.mjs [--stage analyze|places|figures|claims|plain] [--warm W] [--calls M] [--l2] [--branches] [A] [B]
//   node scripts/cachegrind.mjs --functions [--stage S] [--warm W] [--calls M] [--l2] [--top N] [--by ir|d1r|d1w|ll|i1] [A]
//
// A and B are git revisions or project directories (as in scripts/ab.mjs); with none, the working tree alone;
// with one, that revision against the working tree. Each side is bundled with esbuild and run twice under
// `valgrind --tool=cachegrind --cache-sim=yes` with `node --predictable` (one thread, fixed seeds) and address-
// space randomisation off (setarch -R), so that the counts repeat exactly: W warm calls on the bench text
// (scripts/bench-kit.ts), then W + M; the difference over M is one call's cost, start-up, compilation and
// warm-up left out. `plain` is the issues' plain tokenising pass, for scale.
//
// W defaults to 800 (session 10): --predictable compiles on the main thread, and analyze's rarer functions reach
// TurboFan only after hundreds of calls (V8 counts each function's own bytecodes towards its tier-up), so the
// calls 101-200 of the old default still held 3.7 M instructions a call of TurboFan compiling (of 36.3 M; calls
// 401-500: 35.0 M, calls 801-900: 31.6 M, calls 1001-1100: 31.9 M). A normal node compiles on another thread.
// That work differs from one side to the other and hid the sides' own difference: compare at 800 (about 20
// minutes for two sides) or say why not.
//
// --functions splits one side's counts by function: valgrind's callgrind records them by instruction address,
// and V8's --perf-basic-prof map names the compiled JavaScript (JS:*name optimised, ^ baseline, ~ interpreted),
// the builtins (Builtin:FindOrderedHashSetEntry is Set.prototype.has) and the regular expressions; per call,
// top N by first-level read misses (about 7 minutes for analyze).
//
// What the counts said in session 6 (per call on the bench text): analyze 39.4 M instructions, 252 K first-
// level data read misses and 66 K write misses, 8.2 K last-level misses; the plain tokenising pass 11.3 M,
// 1.8 K, 16.5 K and 1.6 K. So analyze does 3.5x the pass's instructions but takes 5.9x its time: the rest is
// waiting on memory, and a change can save instructions yet lose time. Session 7 added the first-level
// instruction misses: 504 K a call against the pass's 0.3 K (the rules' code is large). Judge all the columns,
// and confirm a change with ab.mjs when the machine is calm. Needs valgrind (apt-get install valgrind).
//
// --l2 makes the simulated last level this VM's per-core L2 (1 MiB, 16-way: `cache size` in /proc/cpuinfo on the
// VM of sessions 11-12; the earlier VM's was 512 KiB, 8-way) instead of the host's shared L3, so "last-level" reads as misses past the L2 (data, and instruction fetches in their own column): session 8
// counted 108 K data and 38 K instruction misses past it a call for analyze, against 33 K and 0.4 K for the
// plain pass. --branches adds valgrind's branch simulation (a simple predictor, far cruder than the
// processor's: read its mispredicts as a relative measure only).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, benchTextFile, bundleEntry, checkouts, takeOption } from './revisions.mjs';

const args = process.argv.slice(2);
const take = (name) => takeOption(args, name, true);
const functions = takeOption(args, '--functions', false) !== undefined;
const l2 = takeOption(args, '--l2', false) !== undefined;
const branches = takeOption(args, '--branches', false) !== undefined;
const top = Number(take('--top') ?? 30);
/** --functions: the column the table is sorted by. */
const BY = { ir: 0, d1r: 1, d1w: 2, ll: 3, i1: 4 };
const by = take('--by') ?? 'd1r';
const stage = take('--stage') ?? 'analyze';
const warm = Number(take('--warm') ?? 800);
const calls = Number(take('--calls') ?? 100);
const STAGES = ['analyze', 'places', 'figures', 'claims', 'plain'];
/** What the last simulated level is called in the output. */
const LAST = l2 ? 'past-L2' : 'last-level';
if (!STAGES.includes(stage) || !(by in BY) || !(warm >= 10) || !(calls >= 10) || !(top >= 1) || args.length > (functions ? 1 : 2) || args.some((a) => a.startsWith('--'))) {
  console.error(`usage: node scripts/cachegrind.mjs [--stage ${STAGES.join('|')}] [--warm W>=10] [--calls M>=10] [--l2] [--branches] [A] [B]\n       node scripts/cachegrind.mjs --functions [--stage S] [--warm W] [--calls M] [--l2] [--top N] [--by ir|d1r|d1w|ll|i1] [A]`);
  process.exit(2);
}
try {
  execFileSync('valgrind', ['--version'], { stdio: 'ignore' });
  execFileSync('setarch', ['--version'], { stdio: 'ignore' });
} catch {
  console.error('cachegrind: needs valgrind and setarch (Debian: apt-get install -y valgrind util-linux)');
  process.exit(2);
}

/** The program run under valgrind: `stage` W + M times on the text file, then a digest of the last output. */
const entry = (side) => `
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { analyze } from ${JSON.stringify(join(side, 'src/analyze.ts'))};
import { recognizePlaces } from ${JSON.stringify(join(side, 'src/recognize/places.ts'))};
import { recognizeFigures } from ${JSON.stringify(join(side, 'src/recognize/figures.ts'))};
import { recognizeClaims } from ${JSON.stringify(join(side, 'src/recognize/claims.ts'))};
import { loadBundledReference } from ${JSON.stringify(join(side, 'cli/load-reference.ts'))};
const [stage, n, file] = process.argv.slice(2);
const text = readFileSync(file, 'utf8');
const reference = loadBundledReference();
const run = {
  analyze: () => analyze(text, reference, { published: '2022-09-10' }),
  places: () => recognizePlaces(text, reference.gazetteer),
  figures: () => recognizeFigures(text, { published: '2022-09-10' }),
  claims: () => recognizeClaims(text),
  plain: () => { let k = 0; for (const _ of text.matchAll(/[\\p{L}\\p{N}]+/gu)) k++; return k; },
}[stage];
let out;
for (let i = 0; i < Number(n); i++) out = run();
console.log(createHash('sha256').update(JSON.stringify(out)).digest('hex'));
`;

/** The machine name for setarch, whose -R turns address-space randomisation off: with it on, the simulated
 * last-level cache (direct-mapped) sees different conflicts from run to run, and its misses move by 10%. */
const ARCH = execFileSync('uname', ['-m'], { encoding: 'utf8' }).trim();

/**
 * Runs `node --predictable ...nodeArgs bundle stage n textFile` under valgrind with `tool` (its options),
 * address randomisation off: the process's exit code, stdout, stderr and pid.
 */
function underValgrind(tool, nodeArgs, bundle, n, textFile) {
  return new Promise((ok) => {
    const sim = ['--cache-sim=yes', ...(l2 ? ['--LL=1048576,16,64'] : []), ...(branches ? ['--branch-sim=yes'] : [])];
    const p = spawn('setarch', [ARCH, '-R', 'valgrind', ...tool, ...sim, process.execPath, '--predictable', ...nodeArgs, bundle, stage, String(n), textFile]);
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    p.on('close', (code) => ok({ code, out, err, pid: p.pid }));
  });
}

/** The bundle's totals for n calls under cachegrind, and the output digest. */
async function count(bundle, n, textFile) {
  const { code, out, err } = await underValgrind(['--tool=cachegrind', '--cachegrind-out-file=/dev/null'], [], bundle, n, textFile);
  const num = (re) => Number((re.exec(err)?.[1] ?? 'NaN').replace(/,/g, ''));
  const r = {
    ir: num(/I\s+refs:\s+([\d,]+)/),
    d1r: num(/D1\s+misses:\s+[\d,]+\s+\(\s*([\d,]+) rd/),
    d1w: num(/D1\s+misses:\s+[\d,]+\s+\(\s*[\d,]+ rd\s+\+\s+([\d,]+) wr/),
    ll: num(/LLd misses:\s+([\d,]+)/),
    i1: num(/I1\s+misses:\s+([\d,]+)/),
    lli: num(/LLi\s+misses:\s+([\d,]+)/),
    bc: branches ? num(/Branches:\s+([\d,]+)/) : NaN,
    bcm: branches ? num(/Mispredicts:\s+([\d,]+)/) : NaN,
    digest: out.trim().split('\n').pop(),
  };
  if (code !== 0 || Number.isNaN(r.ir)) throw new Error(`cachegrind run failed (exit ${code}):\n${err.slice(-2000)}`);
  return r;
}

/**
 * The bundle's counts for n calls under callgrind, by function, named from V8's map of its compiled code
 * (a Map of name -> [Ir, D1mr, D1mw, DLmr + DLmw]).
 */
async function countByFunction(bundle, n, textFile, outFile) {
  const { code, err, pid } = await underValgrind(['--tool=callgrind', '--dump-instr=yes', `--callgrind-out-file=${outFile}`], ['--perf-basic-prof'], bundle, n, textFile);
  const mapFile = `/tmp/perf-${pid}.map`;
  try {
    if (code !== 0) throw new Error(`callgrind run failed (exit ${code}):\n${err.slice(-2000)}`);
    return byFunction(readFileSync(outFile, 'utf8'), existsSync(mapFile) ? readFileSync(mapFile, 'utf8') : '');
  } finally {
    rmSync(mapFile, { force: true });
  }
}

/** Sums a callgrind profile (positions "instr line", --dump-instr=yes) by the function each address lies in. */
function byFunction(profile, perfMap) {
  const code = perfMap.split('\n').filter(Boolean).map((l) => {
    const [a, size, ...name] = l.split(' ');
    return { start: parseInt(a, 16), end: parseInt(a, 16) + parseInt(size, 16), name: name.join(' ').replace(/ file:\S*$/, '') };
  }).sort((x, y) => x.start - y.start);
  const jsName = (addr) => {
    let lo = 0;
    let hi = code.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (code[mid].start <= addr) lo = mid + 1;
      else hi = mid - 1;
    }
    return hi >= 0 && addr < code[hi].end ? code[hi].name : undefined;
  };
  let events = [];
  const names = new Map();
  const sums = new Map();
  let fn = '?';
  let addr = 0;
  let line = 0;
  let skip = false;
  const pos = (t, prev) => (t === '*' ? prev : t[0] === '+' ? prev + Number(t.slice(1)) : t[0] === '-' ? prev - Number(t.slice(1)) : Number(t));
  for (const l of profile.split('\n')) {
    if (l.startsWith('events:')) events = l.split(/\s+/).slice(1);
    else if (l.startsWith('fn=') || l.startsWith('cfn=')) {
      const m = /^c?fn=\((\d+)\)(?: (.*))?$/.exec(l);
      if (m?.[2]) names.set(m[1], m[2]);
      if (m && l[0] === 'f') fn = names.get(m[1]) ?? '?';
    } else if (l.startsWith('calls=')) skip = true;
    else if (/^(0x|[0-9+*-])/.test(l)) {
      const t = l.split(' ');
      addr = pos(t[0], addr);
      line = pos(t[1] ?? '*', line);
      // the line after calls= is the call's inclusive cost, not this function's own
      if (skip) { skip = false; continue; }
      const name = jsName(addr) ?? `native:${fn}`;
      let v = sums.get(name);
      if (!v) sums.set(name, (v = [0, 0, 0, 0, 0]));
      const at = (e) => Number(t[2 + events.indexOf(e)] ?? 0) || 0;
      v[0] += at('Ir');
      v[1] += at('D1mr');
      v[2] += at('D1mw');
      v[3] += at('DLmr') + at('DLmw');
      v[4] += at('I1mr');
    }
  }
  return sums;
}

const { side, cleanup, temp } = checkouts('factmark-cachegrind-');
try {
  // one side for --functions; else A against B, or against the working tree
  const names = functions ? [args[0] ?? ROOT] : args.length ? [...args, ...(args.length === 1 ? [ROOT] : [])] : [ROOT];
  const textFile = await benchTextFile(temp);
  const results = [];
  for (const [k, what] of names.entries()) {
    const label = k < args.length ? what : 'the working tree';
    const dir = side(what, `side${k}`);
    const bundle = await bundleEntry(dir, entry(dir), join(temp, `bundle${k}`));
    if (functions) {
      const [fa, fb] = await Promise.all([countByFunction(bundle, warm, textFile, join(temp, 'a.out')), countByFunction(bundle, warm + calls, textFile, join(temp, 'b.out'))]);
      const rows = [...fb].map(([name, v]) => [name, v.map((x, k) => (x - (fa.get(name)?.[k] ?? 0)) / calls)]);
      const total = rows.reduce((t, [, v]) => t.map((x, k) => x + v[k]), [0, 0, 0, 0, 0]);
      console.log(`${stage} of ${label}, per call by function (calls ${warm + 1}-${warm + calls}); totals ${(total[0] / 1e6).toFixed(2)} M instructions, ${(total[1] / 1e3).toFixed(1)} K D1 read misses, ${(total[2] / 1e3).toFixed(1)} K D1 write misses, ${(total[3] / 1e3).toFixed(2)} K ${LAST} data, ${(total[4] / 1e3).toFixed(1)} K I1 misses; by ${by}:`);
      console.log(`  D1 read   D1 write   ${l2 ? 'past-L2 ' : 'last-lvl'}   instructions   I1 misses  function`);
      for (const [name, v] of rows.sort((x, y) => y[1][BY[by]] - x[1][BY[by]]).slice(0, top)) {
        console.log(`  ${v[1].toFixed(0).padStart(7)}  ${v[2].toFixed(0).padStart(9)}  ${v[3].toFixed(0).padStart(9)}  ${v[0].toFixed(0).padStart(13)}  ${v[4].toFixed(0).padStart(10)}  ${name.slice(0, 110)}`);
      }
      continue;
    }
    const [a, b] = await Promise.all([count(bundle, warm, textFile), count(bundle, warm + calls, textFile)]);
    const per = (key) => (b[key] - a[key]) / calls;
    results.push({ name: label, ir: per('ir'), d1r: per('d1r'), d1w: per('d1w'), ll: per('ll'), i1: per('i1'), lli: per('lli'), bc: per('bc'), bcm: per('bcm'), digest: b.digest });
  }
  // (--functions has printed its table per side)
  if (!functions) console.log(`${stage}, per call (calls ${warm + 1}-${warm + calls}, node --predictable, cachegrind's simulated caches):`);
  for (const r of results) {
    const more = branches ? `; ${(r.bc / 1e6).toFixed(2)} M conditional and indirect branches, ${(r.bcm / 1e3).toFixed(1)} K mispredicted` : '';
    console.log(`  ${r.name}: ${(r.ir / 1e6).toFixed(2)} M instructions, D1 misses ${(r.d1r / 1e3).toFixed(1)} K read + ${(r.d1w / 1e3).toFixed(1)} K write, ${LAST} data misses ${(r.ll / 1e3).toFixed(2)} K, I1 misses ${(r.i1 / 1e3).toFixed(1)} K, ${LAST} instruction misses ${(r.lli / 1e3).toFixed(2)} K${more}`);
  }
  if (results.length === 2) {
    const [x, y] = results;
    const f = (k) => (y[k] / x[k]).toFixed(3);
    console.log(`  B/A: instructions ${f('ir')}, D1 read misses ${f('d1r')}, D1 write misses ${f('d1w')}, ${LAST} data misses ${f('ll')}, I1 misses ${f('i1')}, ${LAST} instruction misses ${f('lli')}${branches ? `, mispredicts ${f('bcm')}` : ''}`);
    console.log(x.digest === y.digest ? '  outputs identical' : '  OUTPUTS DIFFER: the two versions do not give the same result');
    process.exitCode = x.digest === y.digest ? 0 : 1;
  }
} finally {
  cleanup();
}
