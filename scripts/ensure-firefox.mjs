// Makes sure a Firefox for the Firefox end-to-end tests exists (/usr/bin/firefox-esr or $FIREFOX_PATH):
// installs Debian's firefox-esr package when missing and running as root; otherwise says how to get one and fails.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const path = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';

if (existsSync(path)) {
  process.exit(0);
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot) {
  console.error(
    `Firefox not found at ${path}.\n` +
      'Install it with:  sudo apt-get update && sudo apt-get install -y firefox-esr\n' +
      'or point FIREFOX_PATH at an existing Firefox (140 or later), e.g.\n' +
      '  FIREFOX_PATH=/usr/bin/firefox npm run test:e2e:firefox',
  );
  process.exit(1);
}

console.log(`Firefox not found at ${path}: installing the Debian package "firefox-esr" (apt-get)...`);
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (r.status !== 0) {
    console.error(`${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal}).`);
    process.exit(1);
  }
};
run('apt-get', ['update']);
run('apt-get', ['install', '-y', '--no-install-recommends', 'firefox-esr']);

if (!existsSync(path)) {
  console.error(`apt-get finished but ${path} is still missing; set FIREFOX_PATH to the installed binary.`);
  process.exit(1);
}
console.log(`Firefox installed at ${path}.`);
