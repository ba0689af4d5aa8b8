// Notices when the article grows (infinite scroll, "read more") and asks for one new run, debounced.
// Only net text added under the article's container counts: attribute flicker, our own marks,
// scripts and styles, and churn that removes as much as it adds cause no work beyond counting.

export interface GrowthOptions {
  /** Net characters added before a new run is due (at least this, or `ratio` of the article). */
  minChars: number;
  ratio: number;
  /** Quiet time after the last growth before running, and the longest wait while growth goes on. */
  debounceMs: number;
  maxWaitMs: number;
  /** Most runs caused by growth; then the watch stops (a page that grows for ever). */
  maxRuns: number;
}

export const GROWTH_DEFAULTS: GrowthOptions = { minChars: 400, ratio: 0.1, debounceMs: 700, maxWaitMs: 3000, maxRuns: 8 };

let runsThisPage = 0;

export class GrowthWatch {
  private observer: MutationObserver | null = null;
  private grown = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private firstGrowth = 0;
  private readonly threshold: number;

  constructor(
    private readonly win: Window,
    container: Element,
    articleLength: number,
    private readonly onGrow: () => void,
    private readonly opts: GrowthOptions = GROWTH_DEFAULTS,
  ) {
    this.threshold = Math.max(opts.minChars, Math.round(articleLength * opts.ratio));
    const MO = (win as unknown as { MutationObserver?: typeof MutationObserver }).MutationObserver;
    if (typeof MO !== 'function' || runsThisPage >= opts.maxRuns) return;
    try {
      this.observer = new MO((records) => this.onRecords(records));
      this.observer.observe(container, { childList: true, subtree: true });
    } catch {
      this.observer = null;
    }
  }

  /** Drop the records of our own changes (marks, split text) made just now. */
  ignoreOwnChanges(): void {
    try { this.observer?.takeRecords(); } catch { /* ignore */ }
  }

  stop(): void {
    try { this.observer?.disconnect(); } catch { /* ignore */ }
    this.observer = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private onRecords(records: MutationRecord[]): void {
    try {
      let delta = 0;
      for (const r of records) {
        for (const n of Array.from(r.addedNodes)) delta += textSize(n);
        for (const n of Array.from(r.removedNodes)) delta -= textSize(n);
      }
      this.grown += delta;
      if (this.grown < this.threshold) return;
      const now = Date.now();
      if (!this.timer) this.firstGrowth = now;
      if (this.timer) clearTimeout(this.timer);
      const wait = Math.max(0, Math.min(this.opts.debounceMs, this.firstGrowth + this.opts.maxWaitMs - now));
      this.timer = setTimeout(() => {
        this.timer = null;
        if (!this.observer) return;
        runsThisPage++;
        this.stop();
        this.onGrow();
      }, wait);
    } catch {
      // never throw into the page
    }
  }
}

function textSize(n: Node): number {
  if (n.nodeType === 3) return (n as Text).data.length;
  if (n.nodeType !== 1) return 0;
  const name = (n as Element).localName;
  if (name.startsWith('factmark-') || name === 'script' || name === 'style' || name === 'noscript' || name === 'template') return 0;
  return n.textContent?.length ?? 0;
}

/** For tests: forget how many growth runs this page had. */
export function resetGrowthRuns(): void {
  runsThisPage = 0;
}
