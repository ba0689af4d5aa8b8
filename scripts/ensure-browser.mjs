// Makes sure a browser for the end-to-end tests and the demo exists: `chromium` (/usr/bin/chromium or
// $CHROMIUM_PATH) or `firefox` (/usr/bin/firefox-esr or $FIREFOX_PATH). Installs the Debian package when
// missing and running as root; otherwise says how to get one and fails.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const BROWSERS = {
  chromium: { label: 'Chromium', env: 'CHROMIUM_PATH', path: '/usr/bin/chromium', pkg: 'chromium', example: 'CHROMIUM_PATH=/usr/bin/google-chrome npm run test:e2e', what: 'an existing Chromium or Chrome binary' },
  firefox: { label: 'Firefox', env: 'FIREFOX_PATH', path: '/usr/bin/firefox-esr', pkg: 'firefox-esr', example: 'FIREFOX_PATH=/usr/bin/firefox npm run test:e2e:firefox', what: 'an existing Firefox (140 or later)' },
};

const b = BROWSERS[process.argv[2]];
if (!b) {
  console.error(`usage: node scripts/ensure-browser.mjs ${Object.keys(BROWSERS).join('|')}`);
  process.exit(2);
}
const path = process.env[b.env] || b.path;
if (existsSync(path)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot) {
  console.error(
    `${b.label} not found at ${path}.\n` +
      `Install it with:  sudo apt-get update && sudo apt-get install -y ${b.pkg}\n` +
      `or point ${b.env} at ${b.what}, e.g.\n  ${b.example}`,
  );
  process.exit(1);
}

console.log(`${b.label} not found at ${path}: installing the Debian package "${b.pkg}" (apt-get)...`);
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (r.status !== 0) {
    console.error(`${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal}).`);
    process.exit(1);
  }
};
run('apt-get', ['update']);
run('apt-get', ['install', '-y', '--no-install-recommends', b.pkg]);

if (!existsSync(path)) {
  console.error(`apt-get finished but ${path} is still missing; set ${b.env} to the installed binary.`);
  process.exit(1);
}
console.log(`${b.label} installed at ${path}.`);
