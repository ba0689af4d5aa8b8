// The reader's place without a forced layout (src/page/viewport.ts): the block to start from, given
// the boxes an IntersectionObserver reports, and the observer's wiring (a fake one here).
import { describe, expect, test, vi } from 'vitest';
import fc from 'fast-check';
import { focusBlock, sampledBlocks, viewportFocus, MAX_OBSERVED } from '../../src/page/viewport';
import type { TextModel } from '../../src/article/text-model';

describe('focusBlock', () => {
  test('every block observed: the first one whose box ends below the viewport top', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 40 }), fc.nat(), (n, k) => {
      const top = k % (n + 1); // blocks before `top` are above the viewport
      const boxes = Array.from({ length: n }, (_, index) => ({ index, bottom: index < top ? -10 - (top - index) : 5 + index }));
      expect(focusBlock(boxes)).toBe(top < n ? top : n - 1);
    }));
  });
  test('a sample: never past the reader\'s screen, never before the sampled block above it', () => {
    fc.assert(fc.property(fc.integer({ min: 2, max: 400 }), fc.integer({ min: 1, max: 50 }), fc.nat(), (n, max, k) => {
      const top = k % n; // the first block below the viewport top
      const boxes = sampledBlocks(n, max).map((index) => ({ index, bottom: index < top ? -1 : 1 }));
      const got = focusBlock(boxes);
      expect(got).toBeLessThanOrEqual(top);
      const above = boxes.filter((b) => b.index < top).map((b) => b.index);
      expect(got).toBeGreaterThanOrEqual(above.length ? above[above.length - 1] : 0);
    }));
  });
  test('nothing observed: the start', () => {
    expect(focusBlock([])).toBe(0);
  });
});

describe('sampledBlocks', () => {
  test('all blocks up to the limit, then an even sample of the limit, first block in, in order', () => {
    expect(sampledBlocks(3)).toEqual([0, 1, 2]);
    const s = sampledBlocks(10_000);
    expect(s).toHaveLength(MAX_OBSERVED);
    expect(s[0]).toBe(0);
    expect(s.every((v, i) => i === 0 || v > s[i - 1])).toBe(true);
    expect(s[s.length - 1]).toBeGreaterThan(10_000 - 10_000 / MAX_OBSERVED - 1);
  });
});

/** A model of `n` blocks of 10 characters, each in its own <p>. */
function fakeModel(n: number): { model: TextModel; els: Element[] } {
  const els = Array.from({ length: n }, (_, i) => ({ id: `p${i}` }) as unknown as Element);
  const blocks = els.map((_, i) => ({ start: i * 12, end: i * 12 + 10, match: 'exact' as const }));
  const model = {
    text: '', blocks, missing: 0, nodes: [],
    toRange: () => null,
    fromPoint: () => null,
    slices: (start: number) => [{ node: { parentElement: els[Math.floor(start / 12)] } as unknown as Text, start: 0, end: 1 }],
  } as unknown as TextModel;
  return { model, els };
}

describe('viewportFocus', () => {
  test('answers from the observer\'s first report, observes each block\'s element once, and disconnects', async () => {
    const { model, els } = fakeModel(5);
    const observed: Element[] = [];
    let disconnected = false;
    class FakeIO {
      constructor(private cb: (entries: { target: Element; boundingClientRect: { bottom: number } }[]) => void) {}
      observe(el: Element) {
        observed.push(el);
        // the browser reports at its next rendering, every target in one batch
        if (observed.length === 5) queueMicrotask(() => this.cb(observed.map((target, i) => ({ target, boundingClientRect: { bottom: i < 3 ? -50 : 40 } })).reverse()));
      }
      disconnect() { disconnected = true; }
    }
    const win = { IntersectionObserver: FakeIO } as unknown as Window & typeof globalThis;
    await expect(viewportFocus(win, model)).resolves.toBe(model.blocks[3].start);
    expect(observed).toEqual(els);
    expect(disconnected).toBe(true);
  });
  test('no report in time (a hidden tab does not render): null, and the observer is let go', async () => {
    vi.useFakeTimers();
    try {
      const { model } = fakeModel(2);
      let disconnected = false;
      class SilentIO { observe() {} disconnect() { disconnected = true; } }
      const p = viewportFocus({ IntersectionObserver: SilentIO } as unknown as Window & typeof globalThis, model, 100);
      vi.advanceTimersByTime(100);
      await expect(p).resolves.toBeNull();
      expect(disconnected).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
  test('no IntersectionObserver, or an observer that throws: null, never a throw', async () => {
    const { model } = fakeModel(2);
    await expect(viewportFocus(null, model)).resolves.toBeNull();
    class Throwing { constructor() { throw new Error('page: no observers'); } }
    await expect(viewportFocus({ IntersectionObserver: Throwing } as unknown as Window & typeof globalThis, model)).resolves.toBeNull();
  });
});
