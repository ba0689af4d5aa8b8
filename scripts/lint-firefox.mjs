// Lints the existing Firefox build (.output/firefox-mv3; builds nothing) with web-ext lint, the linter
// addons.mozilla.org runs. Fails on any error, and on any warning docs/firefox.md does not explain.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');
const SOURCE = resolve(ROOT, process.argv[2] ?? '.output/firefox-mv3');

/** Warnings explained in docs/firefox.md ("web-ext lint"), by linter code and message. */
const EXPLAINED = [
  // innerHTML in library code bundled into the extension: Readability (content script) and Preact's
  // dangerouslySetInnerHTML branch (popup/options chunk). Our own code never assigns innerHTML.
  { code: 'UNSAFE_VAR_ASSIGNMENT', message: 'Unsafe assignment to innerHTML' },
];

if (!existsSync(join(SOURCE, 'manifest.json'))) {
  console.error(`lint-firefox: no Firefox build at ${SOURCE}. Run \`npx wxt build -b firefox\` (or npm run build:firefox) first.`);
  process.exit(1);
}

const bin = join(ROOT, 'node_modules/.bin/web-ext');
const r = spawnSync(bin, ['lint', '--source-dir', SOURCE, '--output', 'json', '--no-config-discovery'], {
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
  env: { ...process.env, WEB_EXT_NO_UPDATE_CHECK: '1' },
});
let report;
try {
  report = JSON.parse(r.stdout.slice(r.stdout.indexOf('{')));
} catch {
  console.error(`lint-firefox: web-ext lint gave no JSON report (exit ${r.status ?? r.signal}).\n${r.stdout}\n${r.stderr}`);
  process.exit(1);
}

const where = (m) => (m.file ? ` ${m.file}${m.line ? `:${m.line}` : ''}` : '');
const explained = (m) => EXPLAINED.some((e) => e.code === m.code && e.message === m.message);
const unexplained = report.warnings.filter((m) => !explained(m));

console.log(`web-ext lint ${SOURCE}: ${report.summary.errors} errors, ${report.summary.warnings} warnings, ${report.summary.notices} notices`);
for (const m of report.errors) console.log(`  error   ${m.code}${where(m)}: ${m.message}`);
for (const m of report.warnings) console.log(`  warning ${m.code}${where(m)}: ${m.message}${explained(m) ? ' (explained in docs/firefox.md)' : ''}`);
for (const m of report.notices) console.log(`  notice  ${m.code}${where(m)}: ${m.message}`);

if (report.errors.length > 0) {
  console.error('lint-firefox: errors above; addons.mozilla.org would refuse this build.');
  process.exit(1);
}
if (unexplained.length > 0) {
  console.error('lint-firefox: warnings not explained in docs/firefox.md: fix them, or explain them there and in this script.');
  process.exit(1);
}
