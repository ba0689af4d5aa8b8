// Makes sure a Chromium for the end-to-end tests and the demo exists (/usr/bin/chromium or $CHROMIUM_PATH):
// installs the Debian package when missing and running as root; otherwise says how to get one and fails.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

if (existsSync(path)) {
  process.exit(0);
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot) {
  console.error(
    `Chromium not found at ${path}.\n` +
      'Install it with:  sudo apt-get update && sudo apt-get install -y chromium\n' +
      'or point CHROMIUM_PATH at an existing Chromium or Chrome binary, e.g.\n' +
      '  CHROMIUM_PATH=/usr/bin/google-chrome npm run test:e2e',
  );
  process.exit(1);
}

console.log(`Chromium not found at ${path}: installing the Debian package "chromium" (apt-get)...`);
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (r.status !== 0) {
    console.error(`${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal}).`);
    process.exit(1);
  }
};
run('apt-get', ['update']);
run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium']);

if (!existsSync(path)) {
  console.error(`apt-get finished but ${path} is still missing; set CHROMIUM_PATH to the installed binary.`);
  process.exit(1);
}
console.log(`Chromium installed at ${path}.`);
