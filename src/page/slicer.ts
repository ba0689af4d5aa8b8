// Cooperative time slicing for work on the page's main thread: run until the slice's budget is
// spent, then yield a task (scheduler.yield where the browser has it, else a zero-delay timeout).

export interface Slicer {
  /** Has the current slice run for its budget? */
  outOfTime(): boolean;
  /** Yield to the page (input, rendering, its own scripts), then start a new slice. */
  pause(): Promise<void>;
  /** Start a new slice now (after an await that already yielded). */
  reset(): void;
}

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

export function createSlicer(win: (Window & typeof globalThis) | null, budgetMs = 8): Slicer {
  let start = now();
  const sched = (win as unknown as { scheduler?: { yield?: () => Promise<void> } } | null)?.scheduler
    ?? (globalThis as unknown as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  const yieldTask = typeof sched?.yield === 'function'
    ? () => sched.yield!.call(sched)
    : () => new Promise<void>((ok) => setTimeout(ok, 0));
  return {
    outOfTime: () => now() - start > budgetMs,
    async pause() {
      try { await yieldTask(); } catch { await new Promise<void>((ok) => setTimeout(ok, 0)); }
      start = now();
    },
    reset() { start = now(); },
  };
}
