// Paints annotations (offsets into the article text) onto the live page: CSS Custom Highlight API
// by default, <factmark-mark> elements as fallback; removing restores the DOM exactly.
import type { Annotation, Category } from '../types';
import { CATEGORIES } from '../types';
import type { NodeSlice, TextModel } from '../article/text-model';
import { MARK_TAG } from '../article/dom-rules';
import { HIGHLIGHT_NAMES, ensureStyles, removeStyles } from './styles';

export type PaintMode = 'highlight' | 'element';

/** The parts of `HighlightRegistry` / `Highlight` we use, so tests can pass fakes. */
export interface HighlightRegistryLike {
  set(name: string, h: unknown): unknown;
  get(name: string): unknown;
  delete(name: string): boolean;
}
export type HighlightCtor = new (...ranges: AbstractRange[]) => { priority?: number };

export interface PaintEnv {
  registry: HighlightRegistryLike | null;
  Highlight: HighlightCtor | null;
}

/** The browser's highlight registry when there is one (read defensively: pages can tamper with it). */
export function browserPaintEnv(win: Window & typeof globalThis): PaintEnv {
  try {
    const css = (win as unknown as { CSS?: { highlights?: HighlightRegistryLike } }).CSS;
    const H = (win as unknown as { Highlight?: HighlightCtor }).Highlight;
    if (css?.highlights && typeof css.highlights.set === 'function' && typeof H === 'function') {
      return { registry: css.highlights, Highlight: H };
    }
  } catch {
    // fall through
  }
  return { registry: null, Highlight: null };
}

export interface PaintOptions {
  /** Accessible description for an element mark (screen-reader mode). */
  describe?: (a: Annotation) => string;
  /** Make each element mark's first piece focusable (screen-reader mode). */
  focusable?: boolean;
}

const PRIORITY: Record<Category, number> = { claim: 0, figure: 1, place: 2 };

export class Painter {
  private mode: PaintMode | null = null;
  private painted = new Set<Category>();
  private highlights = new Map<Category, unknown>();
  private marks: HTMLElement[] = [];
  private splits: Text[][] = [];
  private readonly byCategory: Record<Category, Annotation[]>;

  constructor(
    private readonly doc: Document,
    private readonly model: TextModel,
    annotations: readonly Annotation[],
    private readonly env: PaintEnv,
    private readonly options: PaintOptions = {},
  ) {
    this.byCategory = { place: [], figure: [], claim: [] };
    for (const a of annotations) this.byCategory[a.category]?.push(a);
  }

  /** Which mode will be used: elements when asked or when the highlight API is missing. */
  resolveMode(preferElements: boolean): PaintMode {
    return preferElements || !this.env.registry || !this.env.Highlight ? 'element' : 'highlight';
  }

  paintedCategories(): Category[] {
    return CATEGORIES.filter((c) => this.painted.has(c));
  }

  currentMode(): PaintMode | null {
    return this.mode;
  }

  /** Make the page show exactly the enabled categories. Idempotent. */
  paint(enabled: Record<Category, boolean>, preferElements = false): void {
    const mode = this.resolveMode(preferElements);
    const want = CATEGORIES.filter((c) => enabled[c] && this.byCategory[c].length > 0);
    if (this.mode && this.mode !== mode) this.clear();
    if (mode === 'highlight') this.paintHighlights(want);
    else this.paintElements(want);
    this.mode = this.painted.size ? mode : null;
    if (this.painted.size) ensureStyles(this.doc);
    else removeStyles(this.doc);
  }

  /** Remove every mark and the stylesheet; the DOM is as before painting. */
  clear(): void {
    for (const c of [...this.highlights.keys()]) this.unregister(c);
    this.unwrapAll();
    this.painted.clear();
    this.mode = null;
    removeStyles(this.doc);
  }

  private unregister(c: Category): void {
    const h = this.highlights.get(c);
    this.highlights.delete(c);
    const reg = this.env.registry;
    if (!reg) return;
    try {
      if (reg.get(HIGHLIGHT_NAMES[c]) === h) reg.delete(HIGHLIGHT_NAMES[c]);
    } catch {
      // a page that broke the registry: nothing more we can do
    }
  }

  private paintHighlights(want: Category[]): void {
    const reg = this.env.registry!;
    const H = this.env.Highlight!;
    for (const c of CATEGORIES) {
      if (!want.includes(c)) {
        if (this.painted.has(c)) { this.unregister(c); this.painted.delete(c); }
        continue;
      }
      // Already ours in the registry (a page may have cleared or overwritten it): nothing to do.
      const mine = this.highlights.get(c);
      if (mine && reg.get(HIGHLIGHT_NAMES[c]) === mine) continue;
      const ranges: AbstractRange[] = [];
      for (const a of this.byCategory[c]) {
        const r = staticRange(this.doc, this.model.slices(a.start, a.end));
        if (r) ranges.push(r);
      }
      const h = new H(...ranges);
      try { h.priority = PRIORITY[c]; } catch { /* read-only in odd engines */ }
      reg.set(HIGHLIGHT_NAMES[c], h);
      this.highlights.set(c, h);
      this.painted.add(c);
    }
  }

  private paintElements(want: Category[]): void {
    const same = want.length === this.painted.size && want.every((c) => this.painted.has(c)) && this.marksIntact();
    if (same) return;
    this.unwrapAll();
    this.painted.clear();
    const perNode = new Map<Text, { from: number; to: number; a: Annotation }[]>();
    for (const c of want) {
      for (const a of this.byCategory[c]) {
        for (const sl of this.model.slices(a.start, a.end)) {
          if (!sl.node.isConnected || sl.from >= sl.node.length) continue;
          let list = perNode.get(sl.node);
          if (!list) perNode.set(sl.node, (list = []));
          list.push({ from: sl.from, to: Math.min(sl.to, sl.node.length), a });
        }
      }
      this.painted.add(c);
    }
    const firstPiece = new Set<string>();
    for (const [node, covers] of perNode) {
      const cutSet = new Set<number>();
      for (const cv of covers) { cutSet.add(cv.from); cutSet.add(cv.to); }
      const total = node.length;
      const cuts = [...cutSet].filter((x) => x > 0 && x < total).sort((x, y) => x - y);
      const pieces: Text[] = [node];
      let cur = node;
      let base = 0;
      for (const cut of cuts) {
        cur = cur.splitText(cut - base);
        pieces.push(cur);
        base = cut;
      }
      if (pieces.length > 1) this.splits.push(pieces);
      const bounds = [0, ...cuts, total];
      for (let i = 0; i < pieces.length; i++) {
        const p0 = bounds[i];
        const p1 = bounds[i + 1];
        const cov = covers.filter((cv) => cv.from <= p0 && cv.to >= p1 && p1 > p0);
        if (!cov.length) continue;
        cov.sort((x, y) => (x.a.end - x.a.start) - (y.a.end - y.a.start) || PRIORITY[y.a.category] - PRIORITY[x.a.category]);
        let inner: Node = pieces[i];
        for (const cv of cov) {
          const el = this.createMark(cv.a, !firstPiece.has(cv.a.id));
          firstPiece.add(cv.a.id);
          inner.parentNode!.insertBefore(el, inner);
          el.appendChild(inner);
          inner = el;
          this.marks.push(el);
        }
      }
    }
  }

  private marksIntact(): boolean {
    return this.marks.every((m) => m.isConnected);
  }

  private createMark(a: Annotation, first: boolean): HTMLElement {
    const el = this.doc.createElement(MARK_TAG);
    el.setAttribute('data-factmark-category', a.category);
    el.setAttribute('data-factmark-id', a.id);
    el.setAttribute('role', 'mark');
    const desc = this.options.describe?.(a);
    if (desc) el.setAttribute('aria-description', desc);
    if (first && this.options.focusable) el.setAttribute('tabindex', '0');
    return el;
  }

  private unwrapAll(): void {
    for (let i = this.marks.length - 1; i >= 0; i--) {
      const el = this.marks[i];
      const parent = el.parentNode;
      if (!parent) continue;
      while (el.firstChild) parent.insertBefore(el.firstChild, el);
      parent.removeChild(el);
    }
    this.marks = [];
    // Merge split text back into the original node, only where the pieces still sit together.
    for (const pieces of this.splits) {
      const [orig, ...rest] = pieces;
      let data = orig.data;
      let prev: Node = orig;
      const merged: Text[] = [];
      for (const p of rest) {
        if (p.previousSibling !== prev || p.parentNode !== orig.parentNode) break;
        data += p.data;
        merged.push(p);
        prev = p;
      }
      if (merged.length) {
        orig.data = data;
        for (const p of merged) p.remove();
      }
    }
    this.splits = [];
  }

  /** Element marks of one annotation (element mode), in document order. */
  marksOf(id: string): HTMLElement[] {
    return this.marks.filter((m) => m.getAttribute('data-factmark-id') === id).sort(docOrder);
  }
}

function docOrder(a: Node, b: Node): number {
  return a === b ? 0 : a.compareDocumentPosition(b) & 4 /* FOLLOWING */ ? -1 : 1;
}

/** A StaticRange over the slices (cheap: the page's mutations do not update it); Range if missing. */
function staticRange(doc: Document, sl: NodeSlice[]): AbstractRange | null {
  if (!sl.length) return null;
  const first = sl[0];
  const last = sl[sl.length - 1];
  const init = {
    startContainer: first.node as Node,
    startOffset: Math.min(first.from, first.node.length),
    endContainer: last.node as Node,
    endOffset: Math.min(last.to, last.node.length),
  };
  const SR = (doc.defaultView as unknown as { StaticRange?: new (i: typeof init) => AbstractRange } | null)?.StaticRange;
  if (SR) {
    try { return new SR(init); } catch { /* fall back */ }
  }
  const r = doc.createRange();
  r.setStart(init.startContainer, init.startOffset);
  r.setEnd(init.endContainer, init.endOffset);
  return r;
}
