// Paints annotations (offsets into the article text) onto the live page: CSS Custom Highlight API
// by default, <factmark-mark> elements as fallback; removing restores the DOM exactly. A claim's source
// and cue are painted too (their own highlights and data-factmark-part marks), switched with Claims.
import type { Annotation, Category, Span } from '../types';
import { CATEGORIES } from '../types';
import type { NodeSlice, TextModel } from '../article/text-model';
import { MARK_TAG } from '../article/dom-rules';
import type { Appearance } from '../appearance';
import { t } from '../ui/i18n';
import { CLAIM_PARTS, LAYERS, LAYER_CATEGORY, LAYER_NAMES, LAYER_PART, ensureStyles, isDefaultAppearance, removeStyles, type ClaimPart, type Layer } from './styles';

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
  /** Colours and underline styles of the marks (the settings' appearance; defaults when absent). */
  appearance?: () => Appearance;
  /** Is the stylesheet registered with the content script in the page (styles.ts hasPageSheet)? */
  pageSheet?: () => boolean;
}

const MAX_REREGISTER = 20;
/** Higher paints on top (highlights) and nests inside (elements): a place inside a claim's source shows. */
const PRIORITY: Record<Layer, number> = { claim: 0, 'claim-cue': 1, 'claim-source': 1, figure: 2, place: 3 };

/** One painted span: an annotation's content, or a claim's source or cue (id `<claim id>#source`). */
interface Item {
  id: string;
  start: number;
  end: number;
  layer: Layer;
  a: Annotation;
}

/** A claim part's span, when it is sound for this text (in bounds, non-empty, its text where it says). */
function partSpan(a: Annotation, part: ClaimPart, text: string): Span | null {
  const s = (a.claim as Record<ClaimPart, Span | undefined> | undefined)?.[part];
  if (!s || typeof s !== 'object') return null;
  const { start, end } = s;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) return null;
  if (typeof s.text === 'string' && text.slice(start, end) !== s.text) return null;
  return s;
}

export class Painter {
  private mode: PaintMode | null = null;
  private painted = new Set<Category>();
  private highlights = new Map<Layer, unknown>();
  /** Highlight path: how many of a layer's items (in paint order) are in its Highlight. */
  private done = new Map<Layer, { h: unknown; n: number; ranges: AbstractRange[] }>();
  private marks: HTMLElement[] = [];
  /** Element path: the item each mark paints a piece of. */
  private markItem = new WeakMap<HTMLElement, string>();
  private splits: Text[][] = [];
  /** Element path: annotations already wrapped, and the Text nodes cut by splitting. */
  private wrapped = new Set<string>();
  private splitNodes = new Set<Text>();
  private readonly byLayer: Record<Layer, Item[]>;
  /** Claim parts already listed (two claims can share a source), by layer, start and end. */
  private partKeys = new Set<string>();
  /** Article offset to paint from first (the top of the viewport), then the rest. */
  private focus = 0;

  constructor(
    private readonly doc: Document,
    private readonly model: TextModel,
    annotations: readonly Annotation[],
    private readonly env: PaintEnv,
    private readonly options: PaintOptions = {},
  ) {
    this.byLayer = { place: [], figure: [], claim: [], 'claim-source': [], 'claim-cue': [] };
    this.add(annotations);
  }

  /** More annotations (a later slice of the article); painted by the next paint call. */
  add(annotations: readonly Annotation[]): void {
    for (const a of annotations) {
      const list = this.byLayer[a.category];
      if (!list) continue;
      list.push({ id: a.id, start: a.start, end: a.end, layer: a.category, a });
      if (a.category !== 'claim' || !a.claim) continue;
      for (const part of CLAIM_PARTS) {
        const sp = partSpan(a, part, this.model.text);
        const layer: Layer = `claim-${part}`;
        const key = `${layer}:${sp?.start}:${sp?.end}`;
        if (!sp || this.partKeys.has(key)) continue;
        this.partKeys.add(key);
        this.byLayer[layer].push({ id: `${a.id}#${part}`, start: sp.start, end: sp.end, layer, a });
      }
    }
    for (const l of LAYERS) {
      this.byLayer[l].sort((x, y) => x.start - y.start || y.end - x.end);
      this.orderCache.delete(l);
    }
  }

  /** The layers of the enabled categories that have something to paint. */
  private wantedLayers(enabled: Record<Category, boolean>): Layer[] {
    return LAYERS.filter((l) => enabled[LAYER_CATEGORY[l]] && this.byLayer[l].length > 0);
  }

  /** Paint annotations at or after this article offset first (the first screenful). */
  setFocus(offset: number): void {
    if (offset === this.focus) return;
    this.focus = offset;
    this.orderCache.clear();
  }

  private orderCache = new Map<Layer, Item[]>();

  /** A layer's items in paint order: from the focus onwards, then those before it. */
  private ordered(c: Layer): Item[] {
    let o = this.orderCache.get(c);
    if (!o) {
      const list = this.byLayer[c];
      let lo = 0, hi = list.length;
      while (lo < hi) { const m = (lo + hi) >> 1; if (list[m].end <= this.focus) lo = m + 1; else hi = m; }
      o = lo ? [...list.slice(lo), ...list.slice(0, lo)] : list;
      this.orderCache.set(c, o);
    }
    return o;
  }

  /** Are all enabled categories fully painted? */
  complete(enabled: Record<Category, boolean>, preferElements = false): boolean {
    const mode = this.resolveMode(preferElements);
    const layers = this.wantedLayers(enabled);
    if (this.mode !== mode && layers.length) return false;
    for (const c of layers) {
      const n = this.byLayer[c].length;
      if (mode === 'highlight') {
        const d = this.done.get(c);
        if (!d || d.n < n || this.highlights.get(c) !== d.h || !this.registered(c)) return false;
      } else if (this.byLayer[c].some((a) => !this.wrapped.has(a.id) && !this.skipped.has(a.id))) return false;
    }
    return true;
  }

  private skipped = new Set<string>();
  /** How often a page took our highlights away and we put them back; past the limit we stop fighting. */
  private reRegistered = 0;

  /** Has the page taken away a highlight we painted (cleared or overwrote the registry entry)? */
  lostHighlights(): boolean {
    if (this.mode !== 'highlight') return false;
    for (const [c, d] of this.done) if (d.h && this.painted.has(LAYER_CATEGORY[c]) && !this.registered(c)) return this.reRegistered < MAX_REREGISTER;
    return false;
  }

  private registered(c: Layer): boolean {
    try {
      return this.env.registry?.get(LAYER_NAMES[c]) === this.highlights.get(c);
    } catch {
      return false;
    }
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

  /**
   * Make the page show exactly the enabled categories. Idempotent. With `outOfTime`, stops when it
   * returns true and returns false (call again to go on); without, paints everything.
   */
  paint(enabled: Record<Category, boolean>, preferElements = false, outOfTime: () => boolean = () => false): boolean {
    const mode = this.resolveMode(preferElements);
    const layers = this.wantedLayers(enabled);
    const want = CATEGORIES.filter((c) => layers.some((l) => LAYER_CATEGORY[l] === c));
    if (this.mode && this.mode !== mode) this.clear();
    const done = mode === 'highlight' ? this.paintHighlights(want, layers, outOfTime) : this.paintElements(want, layers, outOfTime);
    this.mode = this.painted.size ? mode : null;
    if (this.painted.size && this.needsOwnSheet()) ensureStyles(this.doc, this.options.appearance?.());
    else removeStyles(this.doc);
    return done;
  }

  private pageSheet: boolean | undefined;
  /**
   * Does the page need our own stylesheet element? Not when the stylesheet registered with the content
   * script is there (asked once) and the appearance is the default it has.
   */
  private needsOwnSheet(): boolean {
    this.pageSheet ??= this.options.pageSheet?.() ?? false;
    return !this.pageSheet || !isDefaultAppearance(this.options.appearance?.());
  }

  /**
   * Puts the stylesheet in ahead of the first marks. Adding it restyles the whole document (its
   * ::highlight rules apply to every element), so this is done while the analysis runs elsewhere,
   * not in the frame that shows the first marks. Nothing shows: no highlight is registered yet, and
   * the other rules match only Factmark's own elements. paint() and clear() take it out again when
   * nothing is painted.
   */
  prepare(): void {
    if (!this.painted.size && this.needsOwnSheet()) ensureStyles(this.doc, this.options.appearance?.());
  }

  /**
   * Remove every mark and the stylesheet; the DOM is as before painting. `keepStyles`: the stylesheet
   * stays, for another painter that takes over in the same task (no restyle of the page twice).
   */
  clear(keepStyles = false): void {
    for (const c of [...this.highlights.keys()]) this.unregister(c);
    this.done.clear();
    this.unwrapAll();
    this.painted.clear();
    this.mode = null;
    if (!keepStyles) removeStyles(this.doc);
  }

  private unregister(c: Layer): void {
    const h = this.highlights.get(c);
    this.highlights.delete(c);
    this.done.delete(c);
    const reg = this.env.registry;
    if (!reg) return;
    try {
      if (reg.get(LAYER_NAMES[c]) === h) reg.delete(LAYER_NAMES[c]);
    } catch {
      // a page that broke the registry: nothing more we can do
    }
  }

  private paintHighlights(want: Category[], layers: Layer[], outOfTime: () => boolean): boolean {
    const H = this.env.Highlight!;
    for (const c of LAYERS) {
      if (!layers.includes(c) && (this.highlights.has(c) || this.done.has(c))) this.unregister(c);
    }
    for (const c of CATEGORIES) if (!want.includes(c)) this.painted.delete(c);
    for (const c of layers) {
      let d = this.done.get(c);
      // Ours and still in the registry (a page may have cleared or overwritten it): go on from where we were.
      if (d && d.h !== null && !this.registered(c)) {
        // Cleared or overwritten by the page: put the same Highlight (with its ranges) back, a few times.
        if (++this.reRegistered > MAX_REREGISTER) return true;
        this.register(c, d.h);
      }
      if (!d) {
        let h: unknown = null;
        try {
          const fresh = new H() as { add?: unknown; priority?: number };
          if (typeof fresh.add === 'function') h = fresh; // setlike: fill it progressively
        } catch { /* fall back to one construction with every range */ }
        d = { h, n: 0, ranges: [] };
        this.done.set(c, d);
        if (h) this.register(c, h);
      }
      const list = this.ordered(c);
      while (d.n < list.length) {
        if (outOfTime()) return false;
        const a = list[d.n++];
        const r = staticRange(this.doc, this.model.slices(a.start, a.end));
        if (!r) continue;
        if (d.h) (d.h as { add(r: AbstractRange): void }).add(r);
        else d.ranges.push(r);
      }
      if (!d.h) {
        d.h = new H(...d.ranges);
        d.ranges = [];
        this.register(c, d.h);
      }
    }
    return true;
  }

  private register(c: Layer, h: unknown): void {
    try { (h as { priority?: number }).priority = PRIORITY[c]; } catch { /* read-only in odd engines */ }
    this.env.registry!.set(LAYER_NAMES[c], h);
    this.highlights.set(c, h);
    this.painted.add(LAYER_CATEGORY[c]);
  }

  private paintElements(want: Category[], layers: Layer[], outOfTime: () => boolean): boolean {
    if (!this.marksIntact()) {
      // The page removed some of our marks: start again from the restored text.
      this.unwrapAll();
      this.painted.clear();
    }
    // Categories switched off: unwrap only their marks (text stays split until everything is off).
    const off = [...this.painted].filter((c) => !want.includes(c));
    if (off.length) {
      const drop = new Set<string>(off);
      for (const c of off) this.painted.delete(c);
      if (!this.painted.size && !want.length) this.unwrapAll();
      else if (!want.some((c) => !this.painted.has(c))) this.unwrapCategories(drop);
      else { this.unwrapAll(); this.painted.clear(); }
    }
    // A category switched on while others are wrapped: the model's offsets need the unsplit text.
    if (want.some((c) => !this.painted.has(c)) && this.marks.length) {
      this.unwrapAll();
      this.painted.clear();
    }
    for (const c of want) this.painted.add(c);
    // Work list: items not yet wrapped, from the focus onwards, grouped by Text node.
    const todo: Item[] = [];
    for (const c of layers) for (const a of this.ordered(c)) if (!this.wrapped.has(a.id) && !this.skipped.has(a.id)) todo.push(a);
    if (!todo.length) return true;
    const perNode = new Map<Text, { from: number; to: number; a: Item }[]>();
    const nodeOrder: Text[] = [];
    for (const a of todo) {
      const sl = this.model.slices(a.start, a.end);
      // A node already cut by an earlier batch no longer matches the model's offsets: skip safely.
      if (sl.some((x) => this.splitNodes.has(x.node))) { this.skipped.add(a.id); continue; }
      for (const x of sl) {
        if (!x.node.isConnected || x.from >= x.node.length) continue;
        let list = perNode.get(x.node);
        if (!list) { perNode.set(x.node, (list = [])); nodeOrder.push(x.node); }
        list.push({ from: x.from, to: Math.min(x.to, x.node.length), a });
      }
    }
    // Annotations sharing a node with one already wrapped are done in the same batch as that node.
    const firstPiece = new Set<string>();
    for (const m of this.marks) firstPiece.add(this.markItem.get(m) ?? '');
    let k = 0;
    for (const node of nodeOrder) {
      if (k++ % 16 === 0 && outOfTime()) return false;
      this.wrapNode(node, perNode.get(node)!, firstPiece);
    }
    for (const a of todo) this.wrapped.add(a.id);
    return true;
  }

  private wrapNode(node: Text, covers: { from: number; to: number; a: Item }[], firstPiece: Set<string>): void {
    if (this.splitNodes.has(node)) return;
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
    if (pieces.length > 1) {
      this.splits.push(pieces);
      for (const p of pieces) this.splitNodes.add(p);
    }
    const bounds = [0, ...cuts, total];
    for (let i = 0; i < pieces.length; i++) {
      const p0 = bounds[i];
      const p1 = bounds[i + 1];
      const cov = covers.filter((cv) => cv.from <= p0 && cv.to >= p1 && p1 > p0);
      if (!cov.length) continue;
      cov.sort((x, y) => (x.a.end - x.a.start) - (y.a.end - y.a.start) || PRIORITY[y.a.layer] - PRIORITY[x.a.layer]);
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
    if (pieces.length === 1) this.splitNodes.add(node);
  }

  /** Unwrap the marks of some categories only, keeping the others (and the split text) in place. */
  private unwrapCategories(cats: Set<string>): void {
    const keep: HTMLElement[] = [];
    for (let i = this.marks.length - 1; i >= 0; i--) {
      const el = this.marks[i];
      const c = el.getAttribute('data-factmark-category') ?? '';
      if (!cats.has(c)) { keep.push(el); continue; }
      const parent = el.parentNode;
      if (parent) {
        while (el.firstChild) parent.insertBefore(el.firstChild, el);
        parent.removeChild(el);
      }
    }
    this.marks = keep.reverse();
    for (const l of LAYERS) {
      if (!cats.has(LAYER_CATEGORY[l])) continue;
      for (const a of this.byLayer[l]) { this.wrapped.delete(a.id); this.skipped.delete(a.id); }
    }
  }

  private marksIntact(): boolean {
    return this.marks.every((m) => m.isConnected);
  }

  private createMark(item: Item, first: boolean): HTMLElement {
    const a = item.a;
    const part = LAYER_PART[item.layer];
    const el = this.doc.createElement(MARK_TAG);
    el.setAttribute('data-factmark-category', a.category);
    // A source or cue carries its claim's id (hovering it shows the claim's card); marksOf leaves it out.
    el.setAttribute('data-factmark-id', a.id);
    if (part) el.setAttribute('data-factmark-part', part);
    el.setAttribute('role', 'mark');
    const desc = !this.options.describe ? '' : part ? partLabel(a, part) : this.options.describe(a);
    if (desc) el.setAttribute('aria-description', desc);
    if (first && !part && this.options.focusable) el.setAttribute('tabindex', '0');
    this.markItem.set(el, item.id);
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
    this.splitNodes.clear();
    this.wrapped.clear();
    this.skipped.clear();
  }

  /** Element marks of one annotation's content (element mode; not a claim's source or cue), in document order. */
  marksOf(id: string): HTMLElement[] {
    return this.marks.filter((m) => m.getAttribute('data-factmark-id') === id && !m.hasAttribute('data-factmark-part')).sort(docOrder);
  }
}

/** The accessible description of a claim's source ("Source of a claim: Zelensky") or cue. */
function partLabel(a: Annotation, part: ClaimPart): string {
  if (part === 'cue') return t('mark_claim_cue', a.claim?.cue.text ?? '');
  const s = a.claim?.source;
  return t('mark_claim_source', (typeof s?.name === 'string' && s.name) || s?.text || '');
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
