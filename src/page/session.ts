// One tab's Factmark session: gate, extract, locate, ask for analysis, paint, and the in-page
// interactions (hover card, keyboard navigation, scroll-to); browser.* is injected by the entrypoint.
import type { AnalysisResult, Annotation, Verdict } from '../types';
import type { AnalyzeResponse, ArticleInfo, PageState, PopupToContent, RemoteExtraction } from '../messages';
import type { Settings } from '../settings';
import { extractArticleRemote, looksLikeArticle, mainContainer, previewable, publishedDate, type ExtractedArticle } from '../article/extract';
import { locateArticleAsync, readLiveText, type LiveText, type TextModel } from '../article/text-model';
import { MAX_ARTICLE_CHARS, MAX_SLICE_CHARS, sliceText } from '../article/slices';

export { MAX_ARTICLE_CHARS, MAX_SLICE_CHARS, sliceText };
import { createSlicer, type Slicer } from './slicer';
import { GrowthWatch, resetGrowthRuns } from './growth';
import { isHiddenElement } from '../article/visibility';
import { MARK_TAG } from '../article/dom-rules';
import { Painter, browserPaintEnv, type PaintEnv } from './paint';
import { Card, cardModel } from './card';
import { categoryColour, updateStyles } from './styles';
import { annotationAt, byStart, claimPartAt, stepMark } from './marks';
import { trace } from './trace';
import { viewportFocus } from './viewport';
import { shiftResult } from '../shift';

export interface SessionDeps {
  doc: Document;
  /** Sends the article to the background for analysis. */
  analyze(article: ArticleInfo): Promise<AnalyzeResponse>;
  /**
   * Wakes the background once the page looks like an article: a stopped service worker then starts (its
   * code, the reference, a warm-up) while the page is copied, not when the copy arrives.
   */
  wake?(): void;
  /** Tells the background this page is not analysed (e.g. to clear the badge). */
  noArticle?(url: string): void;
  /**
   * Runs Readability elsewhere (the background) on the serialised page copy: null when it finds no
   * article, undefined when it could not run (then `extractHere`). Absent: `extractHere`.
   */
  extract?(html: string): Promise<RemoteExtraction | null | undefined>;
  /**
   * Runs Readability in the page (`extractArticleAsync` of src/article/readability.ts), when there is no
   * `extract` or it could not run. Absent (the content script: Readability stays out of its code, which
   * the browser compiles on every page load): the likely article container is read instead, as for an
   * enormous page.
   */
  extractHere?(doc: Document, outOfTime: () => boolean, pause: () => Promise<void>): Promise<ExtractedArticle | null>;
  /**
   * Sends a piece of the page copy as it is made (`first`: a new copy's first piece); `extract` then
   * gets only the rest. Absent: the copy goes in one message.
   */
  extractPart?(html: string, first: boolean): void;
  /** Highlight registry (tests pass a fake); defaults to the page's. */
  paintEnv?: PaintEnv;
  /** Is the stylesheet registered with the content script in the page? Absent: no. */
  pageSheet?(): boolean;
}

interface Painted {
  model: TextModel;
  result: AnalysisResult;
  painter: Painter;
  verdicts: Map<string, Verdict>;
  annotations: Annotation[];
  byId: Map<string, Annotation>;
}

const FLASH_MS = 1200;
/** Pages with more text than this skip Readability (one long task) for a cheap container search. */
export const HUGE_PAGE_CHARS = 300_000;
/** After in-app navigation: time for the new page to render before it is read, and one retry. */
export const NAV_SETTLE_MS = 300;
export const NAV_RETRY_MS = 1500;

function withoutHash(u: string | URL): string {
  const s = String(u);
  const i = s.indexOf('#');
  return i < 0 ? s : s.slice(0, i);
}

export class PageSession {
  private state: PageState = { status: 'pending' };
  private generation = 0;
  private painted: Painted | null = null;
  private listeners: AbortController | null = null;
  private card: Card;
  private selectedId: string | null = null;
  private flashTimer: ReturnType<typeof setTimeout> | null = null;
  private flashEls: HTMLElement[] = [];

  private slicer: Slicer;
  private growth: GrowthWatch | null = null;
  private paintLoop: { gen: number; done: Promise<void> } | null = null;
  private paintAgain = false;
  /** The preview's painter (or the article's before it grew), shown until the located article's first paint replaces it. */
  private retiring: Painter | null = null;

  constructor(private readonly deps: SessionDeps, private settings: Settings) {
    this.card = new Card(deps.doc);
    this.slicer = createSlicer(deps.doc.defaultView as (Window & typeof globalThis) | null);
  }

  getState(): PageState {
    return this.state;
  }

  private get doc(): Document {
    return this.deps.doc;
  }

  private siteDisabled(): boolean {
    const host = this.doc.location?.hostname ?? '';
    return this.settings.disabledSites.some((s) => s === host || (s.startsWith('.') && host.endsWith(s)));
  }

  /**
   * Gate, extract, locate, analyse and paint, spread over short tasks; the article is analysed in
   * slices and each slice painted as it arrives, the first screenful first. Never throws.
   */
  async run(force = false, grown = false): Promise<PageState> {
    const gen = ++this.generation;
    // The article grew (the growth watch): its highlights stay, and the popup keeps its result, until the
    // grown article's first slice is painted over them in one task (as a preview's are); the page passed
    // the gate already, and more text does not make it less of an article. Marks as elements split the
    // page's Text nodes, which the new reading of the page must not see: those go at once.
    const keep = grown && !this.retiring && this.painted?.painter.currentMode() === 'highlight';
    if (!keep) this.unpaint();
    this.growth?.stop();
    this.growth = null;
    const doc = this.doc;
    const url = doc.location?.href ?? '';
    const sl = this.slicer;
    const stale = () => gen !== this.generation;
    /** May a preview still paint? Not once the located article paints, nor when there is none. */
    let previewOpen = true;
    /** The page's own publication date, read once (it walks the document's metadata and JSON-LD). */
    let pageDate: { at: string | undefined } | undefined;
    const published = () => (pageDate ??= { at: publishedDate(doc) }).at;
    const pageMeta = (): Omit<ArticleInfo, 'text'> => {
      const at = published();
      return { url, title: doc.title ?? '', ...(at ? { published: at } : {}) };
    };
    const notArticle = () => {
      previewOpen = false;
      if (this.painted || this.retiring) this.unpaint();
      this.state = { status: 'not-article' };
      this.deps.noArticle?.(url);
      return this.state;
    };
    try {
      if (!force && this.siteDisabled()) {
        this.state = { status: 'disabled' };
        return this.state;
      }
      sl.reset();
      trace('run');
      if (!doc.body || (!force && !keep && !looksLikeArticle(doc))) return notArticle();
      trace('gate');
      this.deps.wake?.();
      if (!keep) this.state = { status: 'pending' };
      // The content script's start ran in this task: give the page a whole turn before the walks begin.
      await sl.turn();
      if (stale()) return this.state;
      // Enormous pages: no Readability (one long task); the container with the most paragraph text.
      const found = mainContainer(doc);
      trace('mainContainer');
      const huge = found.paragraphChars > HUGE_PAGE_CHARS;
      let root: Node = doc.body;
      let blocks: string[] | null = null;
      let kinds: ExtractedArticle['blockKinds'] | null = null;
      let meta: Omit<ArticleInfo, 'text'>;
      /** The page's text, read while Readability runs in the background (locating then only searches it). */
      let live: LiveText | null = null;
      /** Readability's answer: undefined for none (an enormous page, or none could run). */
      let ex: ExtractedArticle | null | undefined;
      if (!huge) {
        const remote = this.deps.extract?.bind(this.deps);
        const here = this.deps.extractHere ? () => this.deps.extractHere!(doc, sl.outOfTime, sl.pause) : undefined;
        // While Readability runs elsewhere, the likely container's first screenful is analysed and shown.
        if (!keep && remote && found.container && previewable(found.container)) {
          await this.preview(found.container, pageMeta(), () => previewOpen && !stale());
          if (stale()) return this.state;
        }
        ex = remote
          ? await extractArticleRemote(doc, sl.outOfTime, sl.pause, remote, {
            meanwhile: async () => {
              await sl.pause();
              if (!stale()) live = await readLiveText(root, isHiddenElement, sl.outOfTime, sl.pause);
              trace('live-read');
            },
            sendPart: this.deps.extractPart?.bind(this.deps),
            here,
            published,
          })
          : await here?.();
        if (stale()) return this.state;
        sl.reset(); // the answer came in a new task
      }
      if (ex === undefined) {
        // No Readability: the container with the most paragraph text.
        const main = found.container;
        if (!main && !force) return notArticle();
        root = main ?? doc.body;
        meta = pageMeta();
      } else {
        if (!ex && !force) return notArticle();
        blocks = ex ? ex.blocks : null;
        kinds = ex ? ex.blockKinds : null;
        meta = {
          url,
          title: ex?.title ?? doc.title ?? '',
          ...(ex?.byline ? { byline: ex.byline } : {}),
          ...(ex?.siteName ? { siteName: ex.siteName } : {}),
          ...(ex?.published ? { published: ex.published } : {}),
        };
      }
      trace('extracted');
      await sl.pause();
      if (stale()) return this.state;
      // Blocks are searched in document order, preferring copies in the article's container and of
      // the same kind (a paragraph that repeats the headline is marked, not the headline).
      const model = await locateArticleAsync(root, blocks, { hidden: isHiddenElement, prefer: found.container, kinds }, sl.outOfTime, sl.pause, live);
      if (stale()) return this.state;
      trace('located');
      if (!model.text.trim()) return notArticle();
      if (!keep) this.state = { status: 'pending', article: meta, text: model.text };
      // A whole turn before the stylesheet goes in: the restyle it causes (tens of ms on a big page)
      // then follows a task boundary, not the end of a chain of our slices.
      await sl.turn();
      if (stale()) return this.state;

      previewOpen = false;
      const painter = this.newPainter(model);
      // The reader's place, from the browser's next rendering (no layout forced here).
      const win = doc.defaultView as (Window & typeof globalThis) | null;
      const whereRead = win && typeof win.IntersectionObserver === 'function' ? viewportFocus(win, model) : Promise.resolve(viewportOffset(doc, model));
      painter.prepare(); // without the registered stylesheet: the page restyles for ours while the first slice is analysed
      // A preview's marks (or the article's before it grew) stay until this article's first slice is
      // painted (schedulePaint retires them).
      if (this.painted) this.retiring = this.painted.painter;
      this.painted = emptyPainted(model, painter);
      // Slices at block boundaries, the one holding the first screenful first, then on down the page.
      const slices = sliceText(model.text, MAX_SLICE_CHARS, MAX_ARTICLE_CHARS);
      // One slice: it goes at once, and the painter learns the reader's place when it comes (before
      // the answer, as a rule); several: which goes first waits for it.
      const focusAt = (f: number | null) => {
        if (f !== null && !stale() && this.painted?.painter === painter) {
          trace('focus');
          painter.setFocus(f);
        }
        return f ?? 0;
      };
      let focus = 0;
      if (slices.length > 1) {
        focus = focusAt(await whereRead);
        if (stale()) return this.state;
        sl.reset();
      } else {
        void whereRead.then(focusAt);
      }
      const first = Math.max(0, slices.findIndex((x) => x.end > focus));
      const indexed = slices.map((x, index) => ({ ...x, index }));
      const order = [...indexed.slice(first), ...indexed.slice(0, first)];
      for (const piece of order) {
        const text = model.text.slice(piece.start, piece.end);
        // Each piece says where it belongs, so the background merges them into one result per tab.
        const part = { start: piece.start, index: piece.index, of: slices.length };
        trace('analyze-send');
        const resp = await this.deps.analyze({ ...meta, text, part });
        trace('analyze-got');
        if (stale()) return this.state;
        sl.reset();
        if (!resp || typeof resp !== 'object' || !('ok' in resp)) throw new Error('no analysis response');
        if (!resp.ok) {
          if (this.painted.annotations.length) continue; // keep what the other slices gave
          this.unpaint();
          this.state = { status: 'error', error: resp.error, article: meta, text: model.text };
          return this.state;
        }
        this.merge(shiftSlice(sanitizeResult(resp.result, text), piece.start));
        this.state = { status: 'analysed', article: meta, result: this.painted.result, text: model.text };
        await this.schedulePaint();
        trace('painted');
        if (stale()) return this.state;
      }
      // No slice came back with anything to paint: the preview's marks go all the same.
      this.retireOldMarks();
      this.state = { status: 'analysed', article: meta, result: this.painted.result, text: model.text };
      this.watchGrowth(root, model, gen);
      return this.state;
    } catch (e) {
      if (gen === this.generation) {
        this.unpaint();
        this.state = { ...this.state, status: 'error', error: e instanceof Error ? e.message : String(e) };
      }
      return this.state;
    }
  }

  /** Takes the preview's marks (or the article's before it grew) away (`keepStyles`: the article's painter paints next, in this task). */
  private retireOldMarks(keepStyles = false): void {
    const retiring = this.retiring;
    if (!retiring) return;
    this.retiring = null;
    retiring.clear(keepStyles);
    // A card open on a mark that went with them (the article before it grew) closes.
    if (this.selectedId && !this.painted?.byId.has(this.selectedId)) {
      this.card.hide();
      this.selectedId = null;
    }
  }

  private newPainter(model: TextModel): Painter {
    const doc = this.doc;
    return new Painter(doc, model, [], this.deps.paintEnv ?? browserPaintEnv(doc.defaultView as Window & typeof globalThis), {
      describe: (a) => describe(a, this.painted?.verdicts.get(a.id)),
      focusable: this.settings.screenReaderMode,
      appearance: () => this.settings.appearance,
      pageSheet: () => this.deps.pageSheet?.() ?? false,
    });
  }

  /**
   * The first marks sooner: while Readability runs in the background, the live text of the likely
   * article container's own paragraphs (`mainContainer`) is read and its first slice analysed as a
   * preview, which is painted when its answer comes if `open()` still holds. The located article's
   * first painted slice replaces it (marks outside the article then go). Highlights only: the element
   * fallback (screen-reader mode, or no Highlight API) would split the page's Text nodes under the
   * article's own reading of the page. Returns once the request is sent; never throws.
   */
  private async preview(container: Element, meta: Omit<ArticleInfo, 'text'>, open: () => boolean): Promise<void> {
    if (this.settings.screenReaderMode) return;
    try {
      const sl = this.slicer;
      // The paragraphs' live text as it stands (nothing searched: a search for text read another way
      // can fall back to fuzzy matching, tens of milliseconds in one call on a long paragraph).
      const notParagraph = (el: Element) => (el.parentElement === container && el.localName !== 'p') || isHiddenElement(el);
      const model = await locateArticleAsync(container, null, { hidden: notParagraph }, sl.outOfTime, sl.pause);
      if (!open() || !model.text.trim()) return;
      const painter = this.newPainter(model);
      if (painter.resolveMode(this.settings.screenReaderMode) !== 'highlight') return;
      const first = sliceText(model.text, MAX_SLICE_CHARS, MAX_ARTICLE_CHARS)[0];
      if (!first) return;
      const text = model.text.slice(first.start, first.end);
      trace('preview-send');
      this.deps.analyze({ ...meta, text, preview: true }).then(async (resp) => {
        if (!open() || this.painted || !resp || typeof resp !== 'object' || !resp.ok) return;
        sl.reset(); // the answer came in a new task
        this.painted = emptyPainted(model, painter);
        this.merge(shiftSlice(sanitizeResult(resp.result, text), first.start));
        await this.schedulePaint();
        trace('painted preview');
      }).catch(() => undefined);
    } catch {
      // only a preview
    }
  }

  /** Adds one slice's result to the painted article. */
  private merge(r: AnalysisResult): void {
    const p = this.painted!;
    const fresh = r.annotations.filter((a) => !p.byId.has(a.id));
    for (const a of fresh) p.byId.set(a.id, a);
    for (const v of r.verdicts) p.verdicts.set(v.annotationId, v);
    p.annotations = [...p.annotations, ...fresh].sort(byStart);
    // Counts and the verdict tally from everything merged so far; words summed over the slices.
    const sum = p.result.summary;
    const counts = { place: 0, figure: 0, claim: 0 };
    for (const a of p.annotations) counts[a.category]++;
    const verdicts = [...p.verdicts.values()].filter((v) => p.byId.has(v.annotationId));
    const tally = { consistent: 0, differs: 0, variant: 0, ambiguous: 0, unverified: 0 };
    for (const v of verdicts) if (v.kind in tally) tally[v.kind]++;
    const words = sum.words + (typeof r.summary?.words === 'number' ? r.summary.words : 0);
    p.result = { annotations: p.annotations, verdicts, summary: { counts, verdicts: tally, words } };
    p.painter.add(fresh);
  }

  /** Article grows (infinite scroll, "read more"): run again, debounced, a bounded number of times. */
  private watchGrowth(root: Node, model: TextModel, gen: number): void {
    const win = this.doc.defaultView;
    const container = growthContainer(root, model);
    if (!container || !win) return;
    this.growth = new GrowthWatch(win, container, model.text.length, () => {
      if (gen === this.generation) void this.run(false, true);
    });
  }

  private navTimer: ReturnType<typeof setTimeout> | null = null;

  /**
   * In-app navigation (history.pushState, popstate): a changed fragment alone is the same page and
   * changes nothing; otherwise the old page's marks go at once and the new page is analysed once
   * it has had a moment to render, and once more a little later if it was not an article yet.
   */
  navigated(oldUrl: string | URL | undefined, newUrl: string | URL | undefined, settleMs = NAV_SETTLE_MS): void {
    try {
      if (oldUrl !== undefined && newUrl !== undefined && withoutHash(oldUrl) === withoutHash(newUrl)) return;
      this.generation++;
      this.growth?.stop();
      this.growth = null;
      this.unpaint();
      this.state = { status: 'pending' };
      resetGrowthRuns();
      if (this.navTimer) clearTimeout(this.navTimer);
      const gen = this.generation;
      this.navTimer = setTimeout(() => {
        this.navTimer = null;
        if (gen !== this.generation) return;
        void this.run().then((st) => {
          if (st.status !== 'not-article' || gen + 1 !== this.generation) return;
          const again = this.generation;
          this.navTimer = setTimeout(() => {
            this.navTimer = null;
            if (again === this.generation) void this.run();
          }, NAV_RETRY_MS);
        });
      }, settleMs);
    } catch {
      // never throw into the page
    }
  }

  /** Settings changed (popup switches, options): repaint, or stop/start for the per-site switch. */
  async updateSettings(next: Settings): Promise<void> {
    const wasDisabled = this.siteDisabled();
    const modeChanged = next.screenReaderMode !== this.settings.screenReaderMode;
    const lookChanged = JSON.stringify(next.appearance) !== JSON.stringify(this.settings.appearance);
    this.settings = next;
    const nowDisabled = this.siteDisabled();
    try {
      // New colours or underlines: the stylesheet already in the page is rewritten at once.
      if (lookChanged && this.painted) {
        updateStyles(this.doc, next.appearance);
        if (this.card.currentId) this.showCard(this.card.currentId); // the card's category colour
      }
      if (nowDisabled && !wasDisabled) {
        this.generation++;
        this.unpaint();
        this.state = { status: 'disabled' };
      } else if (!nowDisabled && wasDisabled) {
        await this.run();
      } else if (this.painted) {
        if (modeChanged) await this.run(); // labels and focusability depend on the mode
        else await this.schedulePaint();
      }
    } catch (e) {
      this.state = { ...this.state, status: 'error', error: e instanceof Error ? e.message : String(e) };
    }
  }

  /** Answers the popup. Every message gets the page state back. */
  async handle(msg: PopupToContent): Promise<PageState> {
    if (msg.type === 'popup:force-analyze') return this.run(true);
    if (msg.type === 'popup:scroll-to') this.select(msg.annotationId, true);
    return this.state;
  }

  /** Remove everything Factmark put into the page, and its listeners. */
  unpaint(): void {
    this.paintLoop = null;
    this.listeners?.abort();
    this.listeners = null;
    this.card.hide();
    this.clearFlash();
    this.selectedId = null;
    try {
      this.retireOldMarks();
      this.painted?.painter.clear();
    } catch {
      // the page removed our nodes; nothing left to restore
    }
    this.painted = null;
  }

  destroy(): void {
    this.generation++;
    if (this.navTimer) clearTimeout(this.navTimer);
    this.navTimer = null;
    this.growth?.stop();
    this.growth = null;
    this.unpaint();
  }

  /**
   * Paints what the settings ask for, in slices (the first screenful first), yielding between
   * them; one loop per run, which picks up settings changed meanwhile.
   */
  private schedulePaint(): Promise<void> {
    const gen = this.generation;
    if (this.paintLoop && this.paintLoop.gen === gen) {
      this.paintAgain = true;
      return this.paintLoop.done;
    }
    const loop = { gen, done: Promise.resolve() };
    this.paintLoop = loop;
    this.paintAgain = false;
    loop.done = (async () => {
      try {
        for (;;) {
          const p = this.painted;
          if (!p || gen !== this.generation || this.paintLoop !== loop) return;
          this.paintAgain = false;
          // The preview's (or the article's before it grew) highlights out and the new ones in, in one task: no frame without marks.
          this.retireOldMarks(true);
          const done = p.painter.paint(this.settings.categories, this.settings.screenReaderMode, this.slicer.outOfTime);
          this.growth?.ignoreOwnChanges();
          this.afterPaint();
          if (done && !this.paintAgain) return;
          await this.slicer.pause();
        }
      } catch {
        // the page took our nodes away mid-paint: leave it, never throw into the page
      } finally {
        if (this.paintLoop === loop) this.paintLoop = null;
      }
    })();
    return loop.done;
  }

  private afterPaint(): void {
    const p = this.painted;
    if (!p) return;
    const cur = this.selectedId ? p.byId.get(this.selectedId) : undefined;
    if (cur && !this.settings.categories[cur.category]) this.card.hide();
    if (p.painter.paintedCategories().length) this.listen();
    else {
      this.listeners?.abort();
      this.listeners = null;
      this.card.hide();
    }
  }

  // ---- interactions ----

  private listen(): void {
    if (this.listeners) return;
    const ac = new AbortController();
    this.listeners = ac;
    const doc = this.doc;
    const win = doc.defaultView;
    const opts = { signal: ac.signal, passive: true } as AddEventListenerOptions;
    let pending: { x: number; y: number; target: EventTarget | null } | null = null;
    let frame = 0;
    doc.addEventListener('mousemove', (e) => {
      pending = { x: e.clientX, y: e.clientY, target: e.target };
      if (frame) return;
      const raf = win?.requestAnimationFrame?.bind(win) ?? ((cb: FrameRequestCallback) => setTimeout(() => cb(0), 16) as unknown as number);
      frame = raf(() => {
        frame = 0;
        const p = pending;
        pending = null;
        if (p && !ac.signal.aborted) this.hover(p.x, p.y, p.target);
      });
    }, opts);
    doc.addEventListener('focusin', (e) => {
      const mark = (e.target as Element | null)?.closest?.(MARK_TAG);
      const id = mark?.getAttribute('data-factmark-id');
      if (id) this.showCard(id);
    }, opts);
    doc.addEventListener('focusout', (e) => {
      if ((e.target as Element | null)?.closest?.(MARK_TAG)) this.card.hide();
    }, opts);
    doc.addEventListener('keydown', (e) => this.onKey(e), { signal: ac.signal, capture: true });
    win?.addEventListener('scroll', () => {
      if (this.card.isOpen && !this.keyboardCard) this.card.hide();
      // A page that cleared CSS.highlights: put ours back (bounded; the painter gives up after a while).
      if (this.painted?.painter.lostHighlights()) void this.schedulePaint();
    }, opts);
  }

  private keyboardCard = false;

  private onKey(e: KeyboardEvent): void {
    try {
      if (e.key === 'Escape' && this.card.isOpen) {
        this.card.hide();
        this.keyboardCard = false;
        return;
      }
      if (e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && (e.code === 'KeyJ' || e.code === 'KeyK')) {
        const p = this.painted;
        if (!p) return;
        const next = stepMark(p.annotations, this.selectedId, e.code === 'KeyJ' ? 1 : -1, this.settings.categories);
        if (!next) return;
        e.preventDefault();
        e.stopPropagation();
        this.select(next.id, false);
      }
    } catch {
      // never throw into the page
    }
  }

  /** Pointer over the page: find the mark under it (element or CSS highlight) and show its card. */
  private hover(x: number, y: number, target: EventTarget | null): void {
    try {
      if (this.card.owns(target)) return;
      const p = this.painted;
      if (!p) return;
      let id: string | null = null;
      const mark = (target as Element | null)?.closest?.(MARK_TAG);
      if (mark) id = mark.getAttribute('data-factmark-id');
      else if (p.painter.currentMode() === 'highlight') {
        const pos = caretAt(this.doc, x, y);
        const off = pos ? p.model.fromPoint(pos.node, pos.offset) : null;
        const a = off === null ? null : annotationAt(p.annotations, off, this.settings.categories);
        // A claim's source or cue shows its claim's card (as its element mark does), unless a shorter mark holds the point.
        const part = off === null ? null : claimPartAt(p.annotations, off, this.settings.categories);
        const hit = part && (!a || part.end - part.start < a.end - a.start) ? part : a && { a, start: a.start, end: a.end };
        if (hit && pointInRange(p.model.toRange(hit.start, hit.end), x, y)) id = hit.a.id;
      }
      if (id) {
        if (id !== this.card.currentId) this.showCard(id);
        this.keyboardCard = false;
      } else if (this.card.isOpen && !this.keyboardCard) this.card.hide();
    } catch {
      // never throw into the page
    }
  }

  /** The whole mark's box (all its lines), so the card is placed beside it and never over any line. */
  private anchorRect(a: Annotation): DOMRect | null {
    const p = this.painted!;
    const marks = p.painter.currentMode() === 'element' ? p.painter.marksOf(a.id) : [];
    const rects: DOMRect[] = marks.length
      ? marks.map((m) => m.getBoundingClientRect())
      : Array.from(p.model.toRange(a.start, a.end)?.getClientRects?.() ?? []);
    const live = rects.filter((r) => r.width || r.height);
    if (!live.length) return null;
    const top = Math.min(...live.map((r) => r.top));
    const bottom = Math.max(...live.map((r) => r.bottom));
    const left = Math.min(...live.map((r) => r.left));
    const right = Math.max(...live.map((r) => r.right));
    return { top, bottom, left, right, x: left, y: top, width: right - left, height: bottom - top, toJSON: () => ({}) } as DOMRect;
  }

  private showCard(id: string): void {
    const p = this.painted;
    const a = p?.byId.get(id);
    if (!p || !a || !this.settings.categories[a.category]) return;
    this.card.show(id, cardModel(a, p.verdicts.get(id)), this.anchorRect(a), categoryColour(this.settings.appearance, a.category));
  }

  /** Scroll a mark into view, flash it, and (keyboard) show its card. */
  select(id: string, flash: boolean): boolean {
    const p = this.painted;
    const a = p?.byId.get(id);
    if (!p || !a) return false;
    this.selectedId = id;
    const marks = p.painter.currentMode() === 'element' ? p.painter.marksOf(id) : [];
    const target = marks[0] ?? p.model.toRange(a.start, a.end)?.startContainer.parentElement;
    target?.scrollIntoView?.({ block: 'center', inline: 'nearest' });
    if (marks[0] && marks[0].hasAttribute('tabindex')) marks[0].focus({ preventScroll: true });
    if (flash) this.flash(a);
    if (this.settings.categories[a.category]) {
      this.keyboardCard = true;
      this.showCard(id);
    }
    return true;
  }

  private flash(a: Annotation): void {
    this.clearFlash();
    const r = this.painted?.model.toRange(a.start, a.end);
    const rects = r?.getClientRects ? Array.from(r.getClientRects()) : [];
    const doc = this.doc;
    for (const rect of rects.slice(0, 20)) {
      const el = doc.createElement('factmark-flash');
      el.setAttribute('aria-hidden', 'true');
      const s = el.style;
      s.position = 'fixed';
      s.pointerEvents = 'none';
      s.zIndex = '2147483646';
      s.left = `${rect.left - 2}px`;
      s.top = `${rect.top - 2}px`;
      s.width = `${rect.width + 4}px`;
      s.height = `${rect.height + 4}px`;
      s.outline = `3px solid ${categoryColour(this.settings.appearance, a.category)}`;
      s.borderRadius = '3px';
      s.transition = `opacity ${FLASH_MS}ms ease-in`;
      doc.documentElement.appendChild(el);
      this.flashEls.push(el);
    }
    doc.defaultView?.requestAnimationFrame?.(() => { for (const el of this.flashEls) el.style.opacity = '0'; });
    this.flashTimer = setTimeout(() => this.clearFlash(), FLASH_MS);
  }

  private clearFlash(): void {
    if (this.flashTimer) clearTimeout(this.flashTimer);
    this.flashTimer = null;
    for (const el of this.flashEls) el.remove();
    this.flashEls = [];
  }
}

function describe(a: Annotation, v?: Verdict): string {
  const m = cardModel(a, v);
  return [m.category, m.heading !== a.text ? m.heading : '', v ? `${m.verdict!.kind}: ${m.verdict!.summary}` : ''].filter(Boolean).join('. ');
}

/** Keep only annotations whose offsets are sound for this text (the response crossed a process). */
export function sanitizeResult(r: AnalysisResult, text: string): AnalysisResult {
  const annotations = (Array.isArray(r?.annotations) ? r.annotations : []).filter(
    (a) => a && typeof a.start === 'number' && typeof a.end === 'number' && a.start >= 0 && a.end <= text.length && a.start < a.end &&
      (a.category === 'place' || a.category === 'figure' || a.category === 'claim') && typeof a.id === 'string',
  );
  const verdicts = (Array.isArray(r?.verdicts) ? r.verdicts : []).map(sanitizeVerdictMessage);
  return { ...r, annotations, verdicts };
}

/** A verdict's message kept only in its shape ({ key: string, subs: string[] }, at most 9 subs); else dropped (the summary shows). */
function sanitizeVerdictMessage(v: Verdict): Verdict {
  if (!v || typeof v !== 'object' || !('message' in v)) return v;
  const m = v.message as unknown;
  const ok = !!m && typeof m === 'object' && typeof (m as { key?: unknown }).key === 'string' &&
    Array.isArray((m as { subs?: unknown }).subs) && (m as { subs: unknown[] }).subs.length <= 9 &&
    (m as { subs: unknown[] }).subs.every((x) => typeof x === 'string');
  if (ok) return v;
  const rest = { ...v };
  delete rest.message;
  return rest;
}

/** Caret position under a viewport point: standard API first, WebKit/Blink legacy second. */
function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  const d = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (typeof d.caretPositionFromPoint === 'function') {
    const p = d.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  if (typeof d.caretRangeFromPoint === 'function') {
    const r = d.caretRangeFromPoint(x, y);
    return r ? { node: r.startContainer, offset: r.startOffset } : null;
  }
  return null;
}

function pointInRange(r: Range | null, x: number, y: number): boolean {
  if (!r || typeof r.getClientRects !== 'function') return false;
  for (const rect of Array.from(r.getClientRects())) {
    if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return true;
  }
  return false;
}


function emptyPainted(model: TextModel, painter: Painter): Painted {
  const result: AnalysisResult = { annotations: [], verdicts: [], summary: { counts: { place: 0, figure: 0, claim: 0 }, verdicts: { consistent: 0, differs: 0, variant: 0, ambiguous: 0, unverified: 0 }, words: 0 } };
  return { model, result, painter, verdicts: new Map(), annotations: [], byId: new Map() };
}

/** A slice's result in the whole article's terms (offsets shifted by `by`, the slice's start). */
function shiftSlice(r: AnalysisResult, by: number): AnalysisResult {
  return by ? { ...r, ...shiftResult(r, by) } : r;
}

/**
 * Article offset at the top of the viewport: binary search over the blocks' boxes (a few layout reads,
 * which force a layout); for a browser without IntersectionObserver (see ./viewport).
 */
function viewportOffset(doc: Document, model: TextModel): number {
  try {
    const blocks = model.blocks;
    let lo = 0, hi = blocks.length;
    while (lo < hi) {
      const m = (lo + hi) >> 1;
      const r = model.toRange(blocks[m].start, blocks[m].end)?.getBoundingClientRect?.();
      if (r && r.bottom < 0) lo = m + 1; else hi = m;
    }
    return lo < blocks.length ? blocks[lo].start : 0;
  } catch {
    return 0;
  }
}

/** The element whose growth means the article grew: the nearest common ancestor of its text. */
function growthContainer(root: Node, model: TextModel): Element | null {
  const nodes = model.nodes;
  if (!model.blocks.length) return null;
  const first = model.slices(model.blocks[0].start, model.blocks[0].start + 1)[0]?.node;
  const lastB = model.blocks[model.blocks.length - 1];
  const last = model.slices(lastB.end - 1, lastB.end)[0]?.node;
  if (!first || !last || !nodes.length) return root.nodeType === 1 ? (root as Element) : null;
  let a: Node | null = first;
  while (a && !a.contains(last)) a = a.parentNode;
  // Its parent too: infinite scroll often appends the next article next to the first.
  const el = a && a.nodeType === 1 ? (a as Element) : first.parentElement;
  return el?.parentElement && el.parentElement !== root.ownerDocument?.documentElement ? el.parentElement : el;
}
