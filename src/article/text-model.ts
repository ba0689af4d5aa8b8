// The article text model: walks the live DOM's text once, finds each article block in it (exactly,
// or fuzzily where Readability rewrote it) and maps offsets in the article text to live Text nodes.
import search from 'approx-string-match';
import { blockKindOf, walkTextSteps, type BlockKind } from './dom-rules';

export const BLOCK_SEPARATOR = '\n\n';

/** A piece of one Text node: [from, to) in its data. */
export interface NodeSlice { node: Text; from: number; to: number }

export interface TextModel {
  /** The article text: blocks separated by blank lines. Annotation offsets index this string. */
  readonly text: string;
  /** Each block's [start, end) in `text`, with how it was found. */
  readonly blocks: readonly { start: number; end: number; match: 'exact' | 'fuzzy' }[];
  /** Article blocks that could not be found in the live page. */
  readonly missing: number;
  /** The live DOM range for [start, end) of the article text, or null when nothing there is in the page. */
  toRange(start: number, end: number): Range | null;
  /** The Text-node pieces covering [start, end), in document order. */
  slices(start: number, end: number): NodeSlice[];
  /** Article offset of a live (Text node, offset) position, or null when outside the article. */
  fromPoint(node: Node, offset: number): number | null;
  /** The Text nodes the model maps into (for restoring and staleness checks). */
  readonly nodes: readonly Text[];
}

export interface LocateOptions {
  /** Is this element hidden (not rendered)? Hidden subtrees are skipped. */
  hidden?: (el: Element) => boolean;
  /** Largest share of a block's length allowed as edit errors in fuzzy matching. */
  maxErrorRate?: number;
  /**
   * The element most likely to hold the article (e.g. the one with the most paragraph text):
   * when a block's text occurs more than once, a copy inside it is preferred.
   */
  prefer?: Node | null;
  /** Each block's kind, parallel to `blocks`: a paragraph prefers a paragraph copy over a heading copy. */
  kinds?: readonly BlockKind[] | null;
}

/** The live text stream: whitespace collapsed, one entry per UTF-16 code unit. */
interface Stream {
  s: string;
  /** Index into `nodes`, or -1 for a virtual separator at a block boundary. */
  nodeIdx: Int32Array;
  offs: Int32Array;
  nodes: Text[];
  nodeStart: Int32Array;
  nodeEnd: Int32Array;
}

function* buildStream(root: Node, hidden: (el: Element) => boolean): Generator<void, Stream, void> {
  const parts: string[] = [];
  let cap = 1024;
  let nodeIdx = new Int32Array(cap);
  let offs = new Int32Array(cap);
  let len = 0;
  const nodes: Text[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  // Pending collapsed space: -1 none, else the node index of the whitespace char it stands for.
  let pendingNode = -1;
  let pendingOff = 0;
  let pendingBreak = false; // a block boundary lies in the pending space
  let lastWasSpace = true; // suppress leading space

  const reserve = (n: number) => {
    if (len + n <= cap) return;
    while (len + n > cap) cap *= 2;
    const a = new Int32Array(cap); a.set(nodeIdx); nodeIdx = a;
    const b = new Int32Array(cap); b.set(offs); offs = b;
  };
  const push = (ch: string, ni: number, off: number) => {
    reserve(1);
    parts.push(ch);
    nodeIdx[len] = ni;
    offs[len] = off;
    if (ni >= 0) {
      if (starts[ni] === -1) starts[ni] = len;
      ends[ni] = len + 1;
    }
    len++;
  };
  // A run of non-space chars of one node: one string piece, not one per char.
  const pushRun = (data: string, from: number, to: number, ni: number) => {
    const n = to - from;
    reserve(n);
    parts.push(from === 0 && to === data.length ? data : data.slice(from, to));
    for (let i = 0; i < n; i++) { nodeIdx[len + i] = ni; offs[len + i] = from + i; }
    if (starts[ni] === -1) starts[ni] = len;
    len += n;
    ends[ni] = len;
  };

  yield* walkTextSteps(
    root,
    (t) => {
      const data = t.data;
      if (!data) return;
      const ni = nodes.length;
      nodes.push(t);
      starts.push(-1);
      ends.push(-1);
      let runStart = -1; // start of a run of non-space chars in `data`
      const flushRun = (endIdx: number) => {
        if (runStart < 0) return;
        if ((pendingNode >= 0 || pendingBreak) && !lastWasSpace) push(' ', pendingBreak ? -1 : pendingNode, pendingOff);
        pendingNode = -1;
        pendingBreak = false;
        pushRun(data, runStart, endIdx, ni);
        lastWasSpace = false;
        runStart = -1;
      };
      for (let i = 0; i < data.length; i++) {
        const c = data.charCodeAt(i);
        // isSpace: ' ', '\n', '\t', '\r', '\f', no-break space
        if (c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 160) {
          flushRun(i);
          if (pendingNode < 0) { pendingNode = ni; pendingOff = i; }
        } else if (runStart < 0) runStart = i;
      }
      flushRun(data.length);
    },
    () => { pendingBreak = true; },
    hidden,
    // A visibility check can cost a style recalculation: look at the clock often.
    64,
  );
  return {
    s: parts.join(''),
    // Copies of the used part: a subarray would keep the whole grown buffer (up to twice the size) alive.
    nodeIdx: nodeIdx.slice(0, len),
    offs: offs.slice(0, len),
    nodes,
    nodeStart: Int32Array.from(starts, (v) => Math.max(v, 0)),
    nodeEnd: Int32Array.from(ends, (v) => Math.max(v, 0)),
  };
}

/** Where one block sits in the stream. */
interface Found { start: number; end: number; match: 'exact' | 'fuzzy' }

/** How many exact copies of one block are weighed against each other. */
const MAX_CANDIDATES = 24;

/** Ranks one exact copy of a block in the stream: higher is better. */
type Score = (start: number, end: number) => number;

/**
 * The best exact copy of `block` at or after `from`: the highest score, the earliest among equals
 * (document order). -1 when there is none.
 */
function bestExact(s: string, block: string, from: number, score: Score | null): number {
  let i = s.indexOf(block, from);
  if (i < 0 || !score) return i;
  let best = i;
  let bestScore = score(i, i + block.length);
  for (let n = 1; n < MAX_CANDIDATES; n++) {
    i = s.indexOf(block, i + 1);
    if (i < 0) break;
    const sc = score(i, i + block.length);
    if (sc > bestScore) { best = i; bestScore = sc; }
  }
  return best;
}

function findBlock(s: string, block: string, cursor: number, maxErrorRate: number, score: Score | null): Found | null {
  // Document order from the previous block on; before it only when there is no copy after it.
  let i = bestExact(s, block, cursor, score);
  if (i < 0 && cursor > 0) i = bestExact(s, block, 0, score);
  if (i >= 0) return { start: i, end: i + block.length, match: 'exact' };
  if (block.length < 12 || block.length > MAX_FUZZY_BLOCK) return null;
  const maxErrors = Math.max(1, Math.floor(block.length * maxErrorRate));
  const best = (text: string, base: number): Found | null => {
    const matches = search(text, block, maxErrors);
    if (!matches.length) return null;
    let m = matches[0];
    for (const x of matches) if (x.errors < m.errors) m = x;
    return { start: base + m.start, end: base + m.end, match: 'fuzzy' };
  };
  // Near the cursor first (blocks come in page order), then anywhere in the page.
  const windowEnd = Math.min(s.length, cursor + block.length * 3 + 2000);
  return best(s.slice(cursor, windowEnd), cursor) ?? (cursor > 0 || windowEnd < s.length ? best(s, 0) : null);
}

/**
 * Builds the article text from `blocks` (whitespace-normalised strings, e.g. Readability's
 * paragraphs) located in the live subtree `root`. With `blocks` null, every block of `root` is used.
 */
export function locateArticle(root: Node, blocks: readonly string[] | null, options: LocateOptions = {}): TextModel {
  const it = locateSteps(root, blocks, options);
  for (;;) {
    const r = it.next();
    if (r.done) return r.value;
  }
}

/**
 * The same, spread over tasks: between steps it awaits `pause()` whenever `outOfTime()` says the
 * current task has run long enough, so a huge page never blocks the main thread for long.
 */
export async function locateArticleAsync(
  root: Node,
  blocks: readonly string[] | null,
  options: LocateOptions,
  outOfTime: () => boolean,
  pause: () => Promise<void>,
  live?: LiveText | null,
): Promise<TextModel> {
  const it = live && live.root === root && liveTextIntact(live) ? locateInStream(live.stream, blocks, options) : locateSteps(root, blocks, options);
  for (;;) {
    const r = it.next();
    if (r.done) return r.value;
    if (outOfTime()) await pause();
  }
}

/**
 * The live page's text read ahead (the slow part of locating: a walk of the whole subtree with
 * visibility checks), e.g. while Readability runs elsewhere; `locateArticleAsync` takes it.
 */
export interface LiveText {
  readonly root: Node;
  /** @internal */
  readonly stream: Stream;
}

export async function readLiveText(root: Node, hidden: (el: Element) => boolean, outOfTime: () => boolean, pause: () => Promise<void>): Promise<LiveText> {
  const it = buildStream(root, hidden);
  for (;;) {
    const r = it.next();
    if (r.done) return { root, stream: r.value };
    if (outOfTime()) await pause();
  }
}

/** Is every Text node read still in the page? (Otherwise the page changed meanwhile: read it again.) */
export function liveTextIntact(live: LiveText): boolean {
  const nodes = live.stream.nodes;
  for (let i = 0; i < nodes.length; i++) if (!nodes[i].isConnected) return false;
  return true;
}

/** Longest block searched fuzzily over the whole page (approximate search is O(page x block)). */
const MAX_FUZZY_BLOCK = 4000;

function* locateSteps(root: Node, blocks: readonly string[] | null, options: LocateOptions): Generator<void, TextModel, void> {
  const st = yield* buildStream(root, options.hidden ?? (() => false));
  return yield* locateInStream(st, blocks, options);
}

function* locateInStream(st: Stream, blocks: readonly string[] | null, options: LocateOptions): Generator<void, TextModel, void> {
  const rate = options.maxErrorRate ?? 0.15;
  const found: Found[] = [];
  let missing = 0;
  if (blocks === null) {
    // Every run between block boundaries is a block.
    let start = -1;
    for (let k = 0; k <= st.s.length; k++) {
      if ((k & 8191) === 8191) yield;
      const boundary = k === st.s.length || (st.nodeIdx[k] === -1);
      if (boundary) {
        if (start >= 0 && k > start) found.push({ start, end: k, match: 'exact' });
        start = -1;
      } else if (start < 0) start = k;
    }
  } else {
    let cursor = 0;
    const prefer = options.prefer ?? null;
    const kinds = options.kinds ?? null;
    /** Where a copy sits: inside the preferred container, in an element of the block's kind, a whole live block. */
    const scorer = (kind: BlockKind | undefined): Score => (start, end) => {
      const ni = st.nodeIdx[start];
      const node = ni >= 0 ? st.nodes[ni] : null;
      let sc = 0;
      if (node && prefer && prefer.contains(node)) sc += 4;
      if (node && kind && blockKindOf(node) === kind) sc += 2;
      const edge = (k: number) => k < 0 || k >= st.s.length || st.nodeIdx[k] === -1;
      if (edge(start - 1) && edge(end)) sc += 1;
      return sc;
    };
    for (let bi = 0; bi < blocks.length; bi++) {
      const b = blocks[bi];
      if (!b) continue;
      yield;
      const f = findBlock(st.s, b, cursor, rate, prefer || kinds ? scorer(kinds?.[bi]) : null);
      if (!f) { missing++; continue; }
      // Trim whitespace the fuzzy match may have taken at its edges.
      while (f.start < f.end && st.s[f.start] === ' ') f.start++;
      while (f.end > f.start && st.s[f.end - 1] === ' ') f.end--;
      if (f.end <= f.start) { missing++; continue; }
      found.push(f);
      cursor = f.end;
    }
  }

  // Article text = found stream slices joined by blank lines.
  const pieces: string[] = [];
  let total = 0;
  for (let i = 0; i < found.length; i++) total += found[i].end - found[i].start + (i ? BLOCK_SEPARATOR.length : 0);
  const toStream = new Int32Array(total).fill(-1);
  const streamToArticle = new Int32Array(st.s.length).fill(-1);
  const outBlocks: { start: number; end: number; match: 'exact' | 'fuzzy' }[] = [];
  let pos = 0;
  for (let i = 0; i < found.length; i++) {
    if ((i & 63) === 63) yield;
    if (i) { pieces.push(BLOCK_SEPARATOR); pos += BLOCK_SEPARATOR.length; }
    const f = found[i];
    pieces.push(st.s.slice(f.start, f.end));
    outBlocks.push({ start: pos, end: pos + f.end - f.start, match: f.match });
    for (let k = f.start; k < f.end; k++, pos++) {
      toStream[pos] = k;
      if (streamToArticle[k] === -1) streamToArticle[k] = pos;
    }
  }
  const text = pieces.join('');
  const nodeIndex = new Map<Text, number>();
  st.nodes.forEach((n, i) => nodeIndex.set(n, i));

  /** Stream index of article char k if it maps to a real node char, else -1. */
  const real = (k: number): number => {
    const si = toStream[k];
    return si >= 0 && st.nodeIdx[si] >= 0 ? si : -1;
  };

  const slices = (start: number, end: number): NodeSlice[] => {
    const out: NodeSlice[] = [];
    const a = Math.max(0, start);
    const b = Math.min(text.length, end);
    for (let k = a; k < b; k++) {
      const si = real(k);
      if (si < 0) continue;
      const node = st.nodes[st.nodeIdx[si]];
      const off = st.offs[si];
      const last = out[out.length - 1];
      if (last && last.node === node && off >= last.to) last.to = off + 1;
      else out.push({ node, from: off, to: off + 1 });
    }
    return out;
  };

  return {
    text,
    blocks: outBlocks,
    missing,
    nodes: st.nodes,
    slices,
    toRange(start, end) {
      const sl = slices(start, end);
      if (!sl.length) return null;
      const doc = sl[0].node.ownerDocument;
      if (!doc) return null;
      const r = doc.createRange();
      const first = sl[0];
      const last = sl[sl.length - 1];
      r.setStart(first.node, Math.min(first.from, first.node.length));
      r.setEnd(last.node, Math.min(last.to, last.node.length));
      return r;
    },
    fromPoint(node, offset) {
      const ni = nodeIndex.get(node as Text);
      if (ni === undefined) return null;
      const lo = st.nodeStart[ni];
      const hi = st.nodeEnd[ni];
      if (hi <= lo) return null;
      // Last stream char of this node at or before `offset` (offs increase within a node).
      let l = lo, h = hi - 1, best = lo;
      while (l <= h) {
        const m = (l + h) >> 1;
        if (st.offs[m] <= offset) { best = m; l = m + 1; } else h = m - 1;
      }
      const a = streamToArticle[best];
      return a >= 0 ? a : null;
    },
  };
}
