#!/usr/bin/env node
// The `factmark` command-line entry: runs cli/main.ts through tsx (TypeScript without a build step).
import { register } from 'tsx/esm/api';

register();
const { run } = await import('../cli/main.ts');
// a reader that stops early (`| head`): stop quietly, non-zero, rather than crash on the next write
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(1);
  throw e;
});
let ready = true;
process.exitCode = await run(process.argv.slice(2), {
  out: (s) => { ready = process.stdout.write(s); },
  err: (s) => process.stderr.write(s),
  // long outputs wait for stdout to drain rather than pile up in memory
  drain: () => (ready ? undefined : new Promise((resolve) => process.stdout.once('drain', () => { ready = true; resolve(); }))),
});
