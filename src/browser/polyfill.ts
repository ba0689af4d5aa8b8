// webextension-polyfill's exports as they are. `import x from 'webextension-polyfill'` (as WXT's
// `wxt/browser` does) makes the bundler copy every own property of the module's exports into a
// namespace object; where the browser has a native `browser` (Chromium 156 has one), the polyfill
// exports that object, and asking each of its properties for its descriptor makes the browser build
// every extension API it holds, in the content script's first task (5-42 ms on news pages, profiled).
// A `require` hands over the same object without the copy. wxt.config.ts points the bare specifier here.
import type { browser as Api } from 'wxt/browser';

declare const require: (id: string) => unknown;

function load(): typeof Api {
  try {
    return require('webextension-polyfill/dist/browser-polyfill.js') as typeof Api;
  } catch (e) {
    // WXT reads the entrypoints' options in Node, where this module has no `require` and needs no browser.
    if (e instanceof ReferenceError) return undefined as unknown as typeof Api;
    throw e;
  }
}

const browser = load();
export default browser;
