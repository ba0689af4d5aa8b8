import { trace } from './trace';
// Cooperative time slicing for work on the page's main thread: run until the slice's budget is
// spent, then yield a task (scheduler.yield where the browser has it, else a zero-delay timeout).

export interface Slicer {
  /** Has the current slice run for its budget? */
  outOfTime(): boolean;
  /** Yield to the page (input, rendering, its own scripts), then start a new slice. */
  pause(): Promise<void>;
  /** Start a new slice now (after an await that already yielded). */
  reset(): void;
  /** Yield a whole task (the page's due timers run first), then start a new slice and a new chain. */
  turn(): Promise<void>;
}

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/**
 * Longest run of back-to-back yields without a real task boundary: scheduler.yield continuations
 * run ahead of the page's own timers, so a long chain of them starves the page as one long task
 * would; after this long, the slicer yields a whole task (a zero-delay timer) instead.
 */
export const MAX_CHAIN_MS = 12;

export function createSlicer(win: (Window & typeof globalThis) | null, budgetMs = 8): Slicer {
  let start = now();
  /** When the page last had a real turn (a task boundary after which its timers could run). */
  let lastTurn = start;
  const sched = (win as unknown as { scheduler?: { yield?: () => Promise<void> } } | null)?.scheduler
    ?? (globalThis as unknown as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  // A whole task: a zero-delay timer. It queues behind the page's timers that are already due, so a
  // page's own timer (animation, polling) runs before the extension's next slice; a message-channel task
  // would not wait for them.
  const wholeTask = () => new Promise<void>((ok) => setTimeout(ok, 0));
  const hasYield = typeof sched?.yield === 'function';
  // Without scheduler.yield every pause is a whole task already (a zero-delay timeout).
  const yieldTask = hasYield ? () => sched.yield!.call(sched) : wholeTask;
  return {
    outOfTime: () => now() - start > budgetMs,
    async pause() {
      if (import.meta.env.WXT_FM_TRACE) {
        const ran = now() - start;
        if (ran > 15) trace(`slice ${Math.round(ran)}ms ${(new Error().stack ?? '').split('\n').slice(2, 6).map((l) => l.trim().replace(/^at /, '').replace(/\(.*\//, '(')).join(' < ')}`);
      }
      const whole = hasYield && now() - lastTurn > MAX_CHAIN_MS;
      try { await (whole ? wholeTask() : yieldTask()); } catch { await wholeTask(); }
      start = now();
      if (whole) lastTurn = start;
    },
    reset() { start = now(); lastTurn = start; },
    async turn() {
      await wholeTask();
      start = now();
      lastTurn = start;
    },
  };
}
