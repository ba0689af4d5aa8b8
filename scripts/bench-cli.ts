// The CLI over long texts (issue 6): wall time, CPU time and peak RSS of `factmark analyze --text` on
// generated inputs of growing size, as Markdown lines for scripts/bench.ts. Inputs live in a temp dir, removed after.
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { extractArticle } from '../cli/html';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const MB = 1_000_000;

/** The paragraphs of the seed reports and the saved news pages (tests/fixtures), in file order. */
function paragraphs(): string[] {
  const out: string[] = [];
  const seeds = join(ROOT, 'tests/fixtures/seeds');
  for (const f of readdirSync(seeds).filter((f) => f.endsWith('.txt')).sort()) out.push(...readFileSync(join(seeds, f), 'utf8').split(/\n\s*\n/));
  const news = join(ROOT, 'tests/fixtures/pages/news');
  for (const f of readdirSync(news).sort()) {
    const file = statSync(join(news, f)).isDirectory() ? join(news, f, 'source.html') : join(news, f);
    if (!file.endsWith('.html')) continue;
    const a = extractArticle(readFileSync(file, 'utf8'));
    if (a) out.push(...a.text.split('\n\n'));
  }
  return out.map((p) => p.trim()).filter(Boolean);
}

/** About `chars` chars of those paragraphs in a fixed pseudo-random order, separated by blank lines. */
function mix(paras: readonly string[], chars: number): string {
  let seed = 1;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const out: string[] = [];
  for (let n = 0; n < chars;) {
    const p = paras[Math.floor(next() * paras.length)];
    out.push(p);
    n += p.length + 2;
  }
  return out.join('\n\n') + '\n';
}

interface Run { wallMs: number; cpuMs: number; maxRssKb: number; outBytes: number; code: number | null; stderr: string }

/** One `factmark analyze --text FILE` in a child process, stdout to a file; its own rusage read at exit. */
function runCli(dir: string, input: string, stdinFile?: string): Promise<Run> {
  const usage = join(dir, 'usage.json');
  const preload = join(dir, 'usage.mjs');
  writeFileSync(preload, `import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => { const u = process.resourceUsage(); writeFileSync(${JSON.stringify(usage)}, JSON.stringify({ maxRSS: u.maxRSS, cpu: u.userCPUTime + u.systemCPUTime })); });\n`);
  const outFile = join(dir, 'out.json');
  const out = openSync(outFile, 'w');
  const stdin = stdinFile ? openSync(stdinFile, 'r') : 'ignore';
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--import', pathToFileURL(preload).href, join(ROOT, 'bin/factmark.mjs'), 'analyze', '--text', input], { stdio: [stdin, out, 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d) => { stderr += d; });
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('close', (code) => {
      const wallMs = performance.now() - t0;
      closeSync(out);
      if (typeof stdin === 'number') closeSync(stdin);
      let u = { maxRSS: NaN, cpu: NaN };
      try { u = JSON.parse(readFileSync(usage, 'utf8')); } catch { /* the child died before exit */ }
      done({ wallMs, cpuMs: u.cpu / 1000, maxRssKb: u.maxRSS, outBytes: statSync(outFile).size, code, stderr });
    });
  });
}

const fmtMB = (bytes: number) => `${(bytes / MB).toFixed(bytes < MB ? 2 : 1)} MB`;
const fmtS = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Markdown lines: one table row per input size (and 10 MB through stdin). */
export async function benchCli(sizes: readonly number[] = [0.2 * MB, 1 * MB, 10 * MB]): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'factmark-bench-cli-'));
  try {
    const paras = paragraphs();
    const lines = [
      '### CLI: `factmark analyze --text` on long inputs',
      '',
      `Paragraphs of the seed reports and saved news pages in a fixed shuffled order; stdout to a file; one run each (${new Date().toISOString().slice(0, 10)}). Wall time includes Node and tsx start-up; CPU is user + system time of the process.`,
      '',
      '| input | chars | wall time | CPU time | peak RSS | JSON out |',
      '| --- | ---: | ---: | ---: | ---: | ---: |',
    ];
    const cases: { label: string; size: number; stdin: boolean }[] = sizes.map((size) => ({ label: `--text FILE, ${fmtMB(size)}`, size, stdin: false }));
    const biggest = Math.max(...sizes);
    cases.push({ label: `--text - (stdin), ${fmtMB(biggest)}`, size: biggest, stdin: true });
    for (const c of cases) {
      const file = join(dir, `input-${c.size}.txt`);
      const text = mix(paras, c.size);
      writeFileSync(file, text);
      const r = await runCli(dir, c.stdin ? '-' : file, c.stdin ? file : undefined);
      if (r.code !== 0) {
        lines.push(`| ${c.label} | ${text.length.toLocaleString('en')} | failed: exit ${r.code} ${r.stderr.trim().split('\n')[0] ?? ''} | | | |`);
        continue;
      }
      lines.push(`| ${c.label} | ${text.length.toLocaleString('en')} | ${fmtS(r.wallMs)} | ${fmtS(r.cpuMs)} | ${(r.maxRssKb / 1024).toFixed(0)} MiB | ${fmtMB(r.outBytes)} |`);
      rmSync(file, { force: true });
    }
    return lines;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const line of await benchCli()) console.log(line);
}
