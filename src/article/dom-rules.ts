// Which parts of a document count as readable text (skipped subtrees, block boundaries) and how
// whitespace is normalised; shared by the live-DOM text model and the Readability block reader.

/** Subtrees whose text is never part of the article and never marked. */
const SKIP_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option', 'optgroup',
  'button', 'code', 'pre', 'kbd', 'samp', 'var', 'svg', 'math', 'iframe', 'object', 'embed',
  'canvas', 'video', 'audio', 'head', 'title', 'datalist', 'meter', 'progress',
]);

/** Elements that end a run of text: their text never runs into the neighbours' text. */
const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'caption', 'dd', 'details', 'dialog', 'div',
  'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5',
  'h6', 'header', 'hgroup', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'section', 'summary', 'table',
  'tbody', 'thead', 'tfoot', 'tr', 'td', 'th', 'ul', 'body',
]);

/** Tag names the extension puts into pages; `factmark-mark` wraps page text, the others are UI. */
export const MARK_TAG = 'factmark-mark';

export function isSkippedTag(localName: string): boolean {
  if (SKIP_TAGS.has(localName)) return true;
  return localName.startsWith('factmark-') && localName !== MARK_TAG;
}

export function isBlockTag(localName: string): boolean {
  return BLOCK_TAGS.has(localName);
}

/** Whitespace as browsers collapse it in normal flow, plus no-break space. */
export const isSpace = (ch: string): boolean =>
  ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r' || ch === '\f' || ch === '\u00a0';

export function normalizeSpace(s: string): string {
  return s.replace(/[ \n\t\r\f\u00a0]+/g, ' ').trim();
}

/** Elements the user edits: never read, never marked. */
export function isEditable(el: Element): boolean {
  const ce = el.getAttribute('contenteditable');
  if (ce !== null && ce.toLowerCase() !== 'false') return true;
  return (el as HTMLElement).isContentEditable === true;
}

/**
 * The text blocks of a (Readability-produced or other) subtree, in document order: maximal runs of
 * inline text between block boundaries, whitespace-normalised, empty runs dropped.
 */
export function readBlocks(root: Node): string[] {
  return readBlocksWithKinds(root).blocks;
}

/** What kind of element a block of text sits in: a heading (h1-h6) or anything else. */
export type BlockKind = 'heading' | 'text';

/** The kind of the nearest block element enclosing `node` (text when there is none). */
export function blockKindOf(node: Node): BlockKind {
  let el: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement;
  for (let depth = 0; el && depth < 64; depth++, el = el.parentElement) {
    const name = el.localName;
    if (name.length === 2 && name[0] === 'h' && name[1] >= '1' && name[1] <= '6') return 'heading';
    if (isBlockTag(name)) return 'text';
  }
  return 'text';
}

/** `readBlocks`, with each block's kind (that of the element holding its first non-space text). */
export function readBlocksWithKinds(root: Node): { blocks: string[]; kinds: BlockKind[] } {
  const blocks: string[] = [];
  const kinds: BlockKind[] = [];
  let cur = '';
  let kind: BlockKind | null = null;
  const flush = () => {
    const t = normalizeSpace(cur);
    if (t) {
      blocks.push(t);
      kinds.push(kind ?? 'text');
    }
    cur = '';
    kind = null;
  };
  walkText(root, (t) => {
    if (kind === null && normalizeSpace(t.data)) kind = blockKindOf(t);
    cur += t.data;
  }, flush, () => false);
  flush();
  return { blocks, kinds };
}

/**
 * Iterative depth-first walk (no recursion, so deep hostile trees cannot overflow the stack):
 * calls `onText` for each text node and `onBreak` at every block boundary; `hidden(el)` prunes.
 */
export function walkText(
  root: Node,
  onText: (t: Text) => void,
  onBreak: () => void,
  hidden: (el: Element) => boolean,
): void {
  const it = walkTextSteps(root, onText, onBreak, hidden);
  while (!it.next().done) { /* run to the end */ }
}

/** The same walk, pausing (yielding) every `every` nodes so a caller can spread it over tasks. */
export function* walkTextSteps(
  root: Node,
  onText: (t: Text) => void,
  onBreak: () => void,
  hidden: (el: Element) => boolean,
  every = 256,
): Generator<void, void, void> {
  let n: Node | null = root.firstChild;
  let count = 0;
  while (n) {
    if (++count >= every) { count = 0; yield; }
    let descend = false;
    if (n.nodeType === 3) {
      onText(n as Text);
    } else if (n.nodeType === 1) {
      const el = n as Element;
      const name = el.localName;
      if (!isSkippedTag(name) && !isEditable(el) && !hidden(el)) {
        if (isBlockTag(name)) onBreak();
        if (el.firstChild) descend = true;
        else if (isBlockTag(name)) onBreak();
      }
    }
    if (descend) { n = n.firstChild; continue; }
    while (n && n !== root && !n.nextSibling) {
      n = n.parentNode;
      if (n && n !== root && n.nodeType === 1 && isBlockTag((n as Element).localName)) onBreak();
    }
    n = n && n !== root ? n.nextSibling : null;
  }
}
