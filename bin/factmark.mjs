#!/usr/bin/env node
// The `factmark` command-line entry: runs cli/main.ts through tsx (TypeScript without a build step).
import { register } from 'tsx/esm/api';

register();
const { run } = await import('../cli/main.ts');
process.exitCode = await run(process.argv.slice(2), {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
});
