// Readability's gate (`isProbablyReaderable`) from its own small module: the package's index also loads
// Readability, which the content script does not carry (src/article/readability.ts). Taken with a
// `require`, as src/browser/polyfill.ts takes the polyfill: an `import` of a CommonJS module makes the
// bundler add its exports-copying helper to the content script.
import type { isProbablyReaderable as Gate } from '@mozilla/readability';

declare const require: (id: string) => unknown;

let gate: typeof Gate | undefined;

/** `isProbablyReaderable` of @mozilla/readability, loaded on first use. */
export function isProbablyReaderable(...args: Parameters<typeof Gate>): boolean {
  gate ??= require('@mozilla/readability/Readability-readerable.js') as typeof Gate;
  return gate(...args);
}
