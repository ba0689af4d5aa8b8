// Where the reader is: the article offset at the top of the viewport, so the first screenful is
// analysed and painted first. Learnt from an IntersectionObserver, which reads the boxes in the
// browser's next rendering: reading them here (getBoundingClientRect) would force a layout of the
// whole page inside one of our tasks, tens of milliseconds on a big page.
import type { TextModel } from '../article/text-model';

/** Most block elements observed: beyond this, an even sample of them. */
export const MAX_OBSERVED = 256;

/** One observed block: its place in the article and the bottom of its element's box. */
export interface BlockBox {
  /** The block's index among the model's blocks. */
  index: number;
  bottom: number;
}

/**
 * The block to start from, given the boxes of some blocks (in block order; a sample or all of them):
 * the first block whose box ends below the viewport's top. With a sample, the sampled block before
 * that one, so the offset is never past the reader's screen. 0 when nothing was observed.
 */
export function focusBlock(boxes: readonly BlockBox[]): number {
  const i = boxes.findIndex((b) => b.bottom >= 0);
  if (i < 0) return boxes.length ? boxes[boxes.length - 1].index : 0;
  if (i === 0) return boxes[0].index;
  const prev = boxes[i - 1];
  return prev.index === boxes[i].index - 1 ? boxes[i].index : prev.index;
}

/** Indexes of the blocks to observe: all, or an even sample of `max` (first block always in). */
export function sampledBlocks(count: number, max = MAX_OBSERVED): number[] {
  if (count <= max) return Array.from({ length: count }, (_, i) => i);
  const step = count / max;
  return Array.from({ length: max }, (_, i) => Math.floor(i * step));
}

/**
 * The article offset at the top of the viewport, without forcing a layout: null when the browser has
 * no IntersectionObserver, or when no answer came within `timeoutMs` (a hidden tab does not render).
 */
export function viewportFocus(win: (Window & typeof globalThis) | null, model: TextModel, timeoutMs = 250): Promise<number | null> {
  return new Promise((done) => {
    let settled = false;
    let io: IntersectionObserver | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const finish = (v: number | null) => {
      if (settled) return;
      settled = true;
      io?.disconnect();
      if (timer !== null) clearTimeout(timer);
      done(v);
    };
    try {
      const IO = win?.IntersectionObserver;
      const blocks = model.blocks;
      if (typeof IO !== 'function' || !blocks.length) return finish(null);
      const indexOf = new Map<Element, number>();
      for (const i of sampledBlocks(blocks.length)) {
        const el = model.slices(blocks[i].start, blocks[i].start + 1)[0]?.node.parentElement;
        if (el && !indexOf.has(el)) indexOf.set(el, i);
      }
      if (!indexOf.size) return finish(null);
      io = new IO((entries) => {
        const boxes = entries.flatMap((e) => {
          const index = indexOf.get(e.target);
          return index === undefined ? [] : [{ index, bottom: e.boundingClientRect.bottom }];
        }).sort((a, b) => a.index - b.index);
        finish(blocks[focusBlock(boxes)]?.start ?? 0);
      });
      for (const el of indexOf.keys()) io.observe(el);
      timer = setTimeout(() => finish(null), timeoutMs);
    } catch {
      finish(null);
    }
  });
}
