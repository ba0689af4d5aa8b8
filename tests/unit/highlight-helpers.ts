// Test doubles for the CSS Custom Highlight API (a registry and Highlight objects that keep their
// ranges), shared by the painter's and the page session's tests.
import type { PaintEnv } from '../../src/page/paint';

/** A Highlight made with all its ranges at once. */
export class FakeHighlight {
  ranges: AbstractRange[];
  priority = 0;
  constructor(...r: AbstractRange[]) { this.ranges = r; }
}

/** A setlike Highlight (filled progressively), as in browsers. */
export class SetlikeHighlight extends FakeHighlight {
  add(r: AbstractRange): void { this.ranges.push(r); }
}

/** A fresh registry and the paint environment that uses it with Highlights of class `H`. */
export const fakeEnv = (H: typeof FakeHighlight = FakeHighlight) => {
  const registry = new Map<string, unknown>();
  return { registry, env: { registry, Highlight: H as unknown as PaintEnv['Highlight'] } as PaintEnv };
};

/** The text a (static) range covers. */
export const readRange = (r: AbstractRange): string => {
  const x = document.createRange();
  x.setStart(r.startContainer, r.startOffset);
  x.setEnd(r.endContainer, r.endOffset);
  return x.toString();
};
