// Where analyze's property look-ups stopped being monomorphic: V8's inline-cache log (node --log-ic) of some
// seconds of analyze on the bench text, each site of src/ whose cache went megamorphic (N: every execution then
// takes the generic, slowest path; the default) or polymorphic (--poly: 2-4 hidden classes, a dispatch), with its
// function and code. Session 9 found the sites behind 1.5% of analyze's instructions this way: places' mentions
// and figures' quantities built as literals of several shapes, claims tokens read at index -1 (a named-property
// read), a keyed table read with several keys, string methods on strings of many representations.
//
//   node scripts/ic-sites.mjs [--secs S] [--poly]
//
// The working tree is bundled with esbuild (one script, so that the log's line numbers are the bundle's) and run
// in a child process; the log says where each cache changed state, not how often the site runs: weigh a site by
// how hot its function is (cachegrind.mjs --functions) before changing it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, benchTextFile, bundleEntry, takeOption } from './revisions.mjs';
import { codeIndex } from './v8-log.mjs';

const args = process.argv.slice(2);
const secs = Number(takeOption(args, '--secs', true) ?? 8);
const want = takeOption(args, '--poly', false) !== undefined ? 'P' : 'N';

const temp = mkdtempSync(join(tmpdir(), 'factmark-ic-'));
try {
  const textFile = await benchTextFile(temp);
  const bundle = await bundleEntry(ROOT, `
import { readFileSync } from 'node:fs';
import { analyze } from ${JSON.stringify(join(ROOT, 'src/analyze.ts'))};
import { loadBundledReference } from ${JSON.stringify(join(ROOT, 'cli/load-reference.ts'))};
const [secs, file] = process.argv.slice(2);
const text = readFileSync(file, 'utf8');
const reference = loadBundledReference();
const t0 = performance.now();
while (performance.now() - t0 < Number(secs) * 1000) analyze(text, reference, { published: '2022-09-10' });
`, temp);
  const log = join(temp, 'ic.log');
  execFileSync(process.execPath, ['--log-ic', '--no-logfile-per-isolate', `--logfile=${log}`, bundle, String(secs), textFile], { stdio: 'inherit' });

  // the bundle's lines by source module (esbuild marks each module's start with a "// path" comment)
  const code = readFileSync(bundle, 'utf8').split('\n');
  const moduleOf = [];
  let current = '';
  for (let i = 0; i < code.length; i++) {
    const m = /^\/\/ (\S+\.ts)$/.exec(code[i]);
    if (m) current = m[1];
    moduleOf[i + 1] = current;
  }
  // compiled code by address, to name the function of each event
  const lines = readFileSync(log, 'latin1').split('\n');
  const { codeAt } = codeIndex(lines);
  const functionAt = (pc) => codeAt(pc)?.name ?? '';
  // events: kind,pc,time,line,column,old state,new state,map,key,modifier,slow reason
  const sites = new Map();
  for (const l of lines) {
    const f = l.split(',');
    if (!/IC$/.test(f[0]) || f[6] !== want || f[5] === want) continue;
    const name = functionAt(parseInt(f[1]));
    const line = Number(f[3]);
    const module = moduleOf[line] ?? '';
    if (!name.includes('entry.mjs') || !module.startsWith('src/')) continue;
    const key = `${module} ${name.split(' ')[0] || '(anonymous)'}: ${f[0]} of ${f[8]} | ${code[line - 1].trim().slice(0, 140)}`;
    sites.set(key, (sites.get(key) ?? 0) + 1);
  }
  console.log(`${sites.size} ${want === 'N' ? 'megamorphic' : 'polymorphic'} sites in src/ after ${secs} s of analyze on the bench text:`);
  for (const key of [...sites.keys()].sort()) console.log(`  ${key}`);
} finally {
  rmSync(temp, { recursive: true, force: true });
}
