// Self time by function in a V8 CPU profile (node --cpu-prof, or a DevTools .cpuprofile), largest first.
// Usage: node scripts/profile-summary.mjs FILE.cpuprofile [TOP=40]
// (Under tsx line numbers are lost: every function shows line 1 or 2 of its file. For real lines, bundle the
// entry with esbuild into a file inside scripts/ and profile that.)
import { readFileSync } from 'node:fs';

const [file, topArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: node scripts/profile-summary.mjs FILE.cpuprofile [TOP]');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, 'utf8'));
const ticks = new Map();
for (let i = 0; i < profile.samples.length; i++) ticks.set(profile.samples[i], (ticks.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i] ?? 0));
const self = new Map();
let total = 0;
for (const n of profile.nodes) {
  const t = ticks.get(n.id) ?? 0;
  total += t;
  const cf = n.callFrame;
  const key = `${cf.functionName || '(anonymous)'} ${cf.url.split('/').slice(-2).join('/')}:${cf.lineNumber + 1}`;
  self.set(key, (self.get(key) ?? 0) + t);
}
for (const [k, t] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(topArg) || 40)) console.log(`${((100 * t) / total).toFixed(1).padStart(5)}% ${k}`);
