// Which code ran inside the page's long tasks: for each page of ../shared/pages named on the command line,
// loads it N times in Chromium with the extension while the page's renderer is CPU-profiled and its main
// thread traced (scripts/block-attribution.mjs), and for every task over 50 ms prints how
// much of it was the extension's JavaScript (any frame from chrome-extension://), the rest (the page's
// own scripts, parsing, layout, GC), the extension functions that ran longest in it and, with a
// stage-marked build (WXT_FM_TRACE=1), the extension's stage marks inside it. A development tool for
// issue 6's "no task over 50 ms caused by the extension"; `npm run bench` uses the same attribution.
// Usage: node scripts/attribute-blocks.mjs PAGE... [--runs=3]
//   (stage marks: WXT_FM_TRACE=1 npx wxt build && cp -r .output/chrome-mv3 DIR && npx wxt build, then FACTMARK_EXT=DIR)
import { launch } from '../tests/e2e/harness.mjs';
import { startServer } from './serve.mjs';
import { SHARED_PAGES } from '../tests/e2e/pages-harness.mjs';
import { causedByExtension, profiledLoad } from './block-attribution.mjs';

const server = await startServer(SHARED_PAGES);
const h = await launch();
const args = process.argv.slice(2);
const runs = Number(args.find((a) => a.startsWith('--runs='))?.slice(7) ?? 3);
for (const name of args.filter((a) => !a.startsWith('--'))) {
  for (let run = 0; run < runs; run++) {
    const r = await profiledLoad(h, `${server.origin}/${name}/source.html`);
    if (!r) { console.log(`${name} run${run}: the profile's clock could not be aligned`); continue; }
    for (const g of r.tasks) {
      console.log(`${name} run${run} task +${Math.round(g.start)}ms ${Math.round(g.duration)}ms: extension JS ${g.extension.toFixed(1)} ms, other JS/GC/program ${g.other.toFixed(1)} ms, idle ${g.idle.toFixed(1)}${causedByExtension(g) ? ' [the extension\'s]' : ''} | ${g.top.join(', ')} | marks ${g.marks.join(',')}`);
    }
    if (!r.tasks.length) console.log(`${name} run${run}: no task over 50 ms`);
  }
}
await h.close();
await server.close?.();
