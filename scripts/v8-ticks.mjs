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
import { codeIndex, floorEntry } from './v8-log.mjs';

const [file, topArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: node scripts/v8-ticks.mjs V8.LOG [TOP]');
  process.exit(2);
}
const top = Number(topArg) || 40;
const lines = readFileSync(file, 'utf8').split('\n');

// The compiled code by address, and node's binary (the first library, logged once per mapping: the widest).
const { codeAt } = codeIndex(lines);
let binary;
for (const l of lines) {
  if (!l.startsWith('shared-library,')) continue;
  const p = l.split(',');
  const lib = { path: p[1], start: parseInt(p[2], 16), end: parseInt(p[3], 16) };
  if (!binary) binary = lib;
  else if (lib.path === binary.path) binary = { path: lib.path, start: Math.min(binary.start, lib.start), end: Math.max(binary.end, lib.end) };
}

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

// ticks by kind (JS, Builtin, RegExp, ..., C++, other) and by name within it
const counts = new Map();
const kinds = new Map();
let total = 0;
for (const l of lines) {
  if (!l.startsWith('tick,')) continue;
  const pc = parseInt(l.split(',')[1], 16);
  total++;
  const c = codeAt(pc);
  let kind;
  let name;
  if (c) {
    kind = c.type;
    name = c.name.replace(/,0x[0-9a-f]+,?[*~^]?$/, '').slice(0, 110);
  } else if (binary && pc >= binary.start && pc < binary.end) {
    kind = 'C++';
    name = floorEntry(symbols, pc)?.[1] ?? '(no symbols: install binutils)';
  } else {
    kind = 'other';
    name = '(other libraries, or code the log missed)';
  }
  const key = `${kind}: ${name}`;
  counts.set(key, (counts.get(key) ?? 0) + 1);
  kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
}
if (!total) {
  console.error(`no ticks in ${file}: run node with --prof (see the usage at the top of this file)`);
  process.exit(1);
}
console.log(`${total} ticks; by kind: ${[...kinds].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${((100 * v) / total).toFixed(1)}%`).join(', ')}`);
for (const [k, v] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${((100 * v) / total).toFixed(1).padStart(5)}% ${k}`);
