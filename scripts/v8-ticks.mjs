// Where a V8 tick profile's time goes, builtins and node's own C++ included: `node --prof-process` leaves both as
// "unaccounted" on this machine (40% of analyze's ticks in session 18), because V8 copies its builtins next to the
// compiled code (short builtin calls) and logs them at their addresses inside the node binary. A development tool
// for speed work; the CPU profiles of scripts/profile-summary.mjs charge builtins to their JavaScript callers.
//
//   node --no-short-builtin-calls --prof --log-code --logfile=/tmp/v8.log --no-logfile-per-isolate ENTRY.mjs ...
//   node scripts/v8-ticks.mjs /tmp/v8.log [TOP=40]
//
// ENTRY.mjs: an esbuild bundle of the script to profile (see scripts/profile-summary.mjs), for example
// scripts/bench-stages.ts with `--profile 15`. `--no-short-builtin-calls` keeps the builtins where the log says
// they are (it may change timings a little; the shares are what count). The C++ functions are named with `nm`
// (binutils) when the node binary has its symbols, as Debian's has.
// What it said in session 18 (analyze on the bench text): Map and Set look-ups (FindOrderedHashMapEntry 5.8%,
// FindOrderedHashSetEntry 5.2%), string hashing in C++ 1.6%, StringEqual 1.5%. Yet 4,000 fewer look-ups a call
// gained nothing (docs/status.md, session 18): ticks in a look-up are often time spent waiting that moves
// elsewhere when the look-up goes.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const [file, topArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: node scripts/v8-ticks.mjs V8.LOG [TOP]');
  process.exit(2);
}
const top = Number(topArg) || 40;
const lines = readFileSync(file, 'utf8').split('\n');

// Code objects by address (code-move events included), and node's binary.
const code = [];
const moves = [];
let binary;
for (const l of lines) {
  if (l.startsWith('code-creation,')) {
    const p = l.split(',');
    const start = parseInt(p[4], 16);
    code.push([start, start + Number(p[5]), `${p[1]}: ${p.slice(6).join(',').replace(/,0x[0-9a-f]+,?[*~^]?$/, '').slice(0, 110)}`]);
  } else if (l.startsWith('code-move,')) {
    const p = l.split(',');
    moves.push([parseInt(p[1], 16), parseInt(p[2], 16)]);
  } else if (l.startsWith('shared-library,')) {
    // the first library is node itself, logged once per mapping: the widest of them
    const p = l.split(',');
    const lib = { path: p[1], start: parseInt(p[2], 16), end: parseInt(p[3], 16) };
    if (!binary) binary = lib;
    else if (lib.path === binary.path) binary = { path: lib.path, start: Math.min(binary.start, lib.start), end: Math.max(binary.end, lib.end) };
  }
}
const byStart = new Map(code.map((c) => [c[0], c]));
for (const [from, to] of moves) {
  const c = byStart.get(from);
  if (c) code.push([to, to + (c[1] - c[0]), c[2]]);
}
code.sort((a, b) => a[0] - b[0]);

let symbols = [];
if (binary) {
  try {
    const out = execFileSync('nm', ['-C', '--defined-only', '-n', binary.path], { encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'ignore'] });
    for (const l of out.split('\n')) {
      const m = /^([0-9a-f]+) [tTwW] (.*)$/.exec(l);
      if (m) symbols.push([parseInt(m[1], 16), m[2]]);
    }
  } catch {
    symbols = [];
  }
}

/** The last entry of a sorted [address, ...] list at or before pc. */
function floor(list, pc) {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (list[m][0] <= pc) lo = m + 1;
    else hi = m;
  }
  return list[lo - 1];
}

const counts = new Map();
let total = 0;
for (const l of lines) {
  if (!l.startsWith('tick,')) continue;
  const pc = parseInt(l.split(',')[1], 16);
  total++;
  const c = floor(code, pc);
  let name;
  if (c && pc < c[1]) name = c[2];
  else if (binary && pc >= binary.start && pc < binary.end) name = `C++: ${floor(symbols, pc)?.[1] ?? '(no symbols: install binutils)'}`;
  else name = '(other libraries, or code the log missed)';
  counts.set(name, (counts.get(name) ?? 0) + 1);
}
if (!total) {
  console.error(`no ticks in ${file}: run node with --prof (see the usage at the top of this file)`);
  process.exit(1);
}
const groups = new Map();
for (const [k, v] of counts) {
  const g = k.slice(0, k.indexOf(':') + 1) || k;
  groups.set(g, (groups.get(g) ?? 0) + v);
}
console.log(`${total} ticks; by kind: ${[...groups].sort((a, b) => b[1] - a[1]).map(([g, v]) => `${g} ${((100 * v) / total).toFixed(1)}%`).join(', ')}`);
for (const [k, v] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${((100 * v) / total).toFixed(1).padStart(5)}% ${k}`);
