// What the speed tools (scripts/ab.mjs, scripts/cachegrind.mjs) share: their option reader, and the code of
// other revisions side by side with this working tree (a revision is checked out into a temporary git
// worktree, with node_modules linked and .wxt copied from here; a directory holding src/analyze.ts is taken
// as it is).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Takes option `name` out of args: its value (withValue), else the name itself; undefined when absent. */
export function takeOption(args, name, withValue) {
  const i = args.indexOf(name);
  return i < 0 ? undefined : args.splice(i, withValue ? 2 : 1)[withValue ? 1 : 0];
}

/** A temporary folder for checkouts: `side(what, name)` gives the code of `what`; `cleanup()` removes them. */
export function checkouts(prefix, keep = false) {
  const temp = mkdtempSync(join(tmpdir(), prefix));
  const made = [];
  return {
    temp,
    side(what, name) {
      if (existsSync(join(what, 'src/analyze.ts'))) return resolve(what);
      const dir = join(temp, name);
      execFileSync('git', ['-C', ROOT, 'worktree', 'add', '--detach', '-q', dir, what], { stdio: 'inherit' });
      made.push(dir);
      symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
      if (existsSync(join(ROOT, '.wxt'))) cpSync(join(ROOT, '.wxt'), join(dir, '.wxt'), { recursive: true });
      return dir;
    },
    cleanup() {
      if (keep) return console.log(`worktrees kept in ${temp}`);
      for (const dir of made) execFileSync('git', ['-C', ROOT, 'worktree', 'remove', '--force', dir]);
      rmSync(temp, { recursive: true, force: true });
    },
  };
}

/** Writes the bench text (scripts/bench-kit.ts) to `dir`/text.txt for a child process to read; its path. */
export async function benchTextFile(dir) {
  const { register } = await import('tsx/esm/api');
  register();
  const { benchText } = await import(join(ROOT, 'scripts/bench-kit.ts'));
  const file = join(dir, 'text.txt');
  writeFileSync(file, benchText());
  return file;
}

/**
 * Bundles `contents` (TypeScript importing from `side`, a project directory) with esbuild into one Node script,
 * `out`/scripts/entry.mjs, beside a link to the side's assets (where cli/load-reference.ts looks); its path.
 */
export async function bundleEntry(side, contents, out) {
  const { build } = await import('esbuild');
  mkdirSync(join(out, 'scripts'), { recursive: true });
  symlinkSync(join(side, 'assets'), join(out, 'assets'));
  const bundle = join(out, 'scripts', 'entry.mjs');
  await build({
    stdin: { contents, resolveDir: side, loader: 'ts', sourcefile: 'entry.ts' },
    bundle: true, platform: 'node', format: 'esm', outfile: bundle, logLevel: 'error',
    banner: { js: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);" },
  });
  return bundle;
}
