// @vitest-environment happy-dom
// Tests for the live-DOM text model: locating article blocks and mapping offsets back to text nodes.
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { locateArticle, locateArticleAsync, readLiveText, liveTextIntact } from '../../src/article/text-model';
import { readBlocks, normalizeSpace } from '../../src/article/dom-rules';

function body(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

const hiddenByStyle = (el: Element) =>
  (el as HTMLElement).hidden || (el as HTMLElement).style?.display === 'none' || (el as HTMLElement).style?.visibility === 'hidden';

describe('locateArticle', () => {
  test('inline markup, entities and whitespace collapse into the article text', () => {
    const root = body('<article><h1>Title</h1><p>Troops  entered <b>Ku</b><i>pyansk</i>,\n  near&nbsp;Izyum &amp; Balakliya.</p><p>Second   para.</p></article>');
    const m = locateArticle(root, ['Troops entered Kupyansk, near Izyum & Balakliya.', 'Second para.']);
    expect(m.text).toBe('Troops entered Kupyansk, near Izyum & Balakliya.\n\nSecond para.');
    const i = m.text.indexOf('Kupyansk');
    const r = m.toRange(i, i + 'Kupyansk'.length)!;
    expect(r.toString()).toBe('Kupyansk');
    const j = m.text.indexOf('Izyum & Balakliya');
    expect(m.toRange(j, j + 17)!.toString()).toBe('Izyum & Balakliya');
    expect(m.missing).toBe(0);
  });

  test('hidden nodes, scripts, styles, code, pre, inputs and editable regions are skipped', () => {
    const root = body(
      '<p>Alpha <span style="display:none">SECRET</span>beta<script>var x = "Kyiv";</script><style>.a{}</style></p>' +
        '<p hidden>Hidden paragraph</p><pre>Kyiv in pre</pre><p>Gamma <code>Kyiv()</code> delta</p>' +
        '<div contenteditable="true">Editable Kyiv</div><textarea>Kyiv</textarea><factmark-card>ui</factmark-card>',
    );
    const m = locateArticle(root, null, { hidden: hiddenByStyle });
    expect(m.text).toBe('Alpha beta\n\nGamma delta');
    expect(m.text).not.toMatch(/Kyiv|SECRET|Hidden|Editable|ui/);
  });

  test('text inside factmark-mark elements is still page text', () => {
    const root = body('<p>In <factmark-mark data-factmark-category="place">Kyiv</factmark-mark> today.</p>');
    expect(locateArticle(root, null).text).toBe('In Kyiv today.');
  });

  test('blocks are found in page order and words across blocks do not merge', () => {
    const root = body('<div><p>one</p><p>two</p>three<br>four</div>');
    const m = locateArticle(root, null);
    expect(m.text).toBe('one\n\ntwo\n\nthree\n\nfour');
  });

  test('a block Readability rewrote is matched fuzzily rather than dropped', () => {
    const root = body('<p>Ukrainian forces recaptured the city of Izyum <span aria-hidden="true">[icon]</span> on Saturday, officials said.</p><p>Other text here.</p>');
    const m = locateArticle(root, ['Ukrainian forces recaptured the city of Izyum on Saturday, officials said.', 'Other text here.']);
    expect(m.missing).toBe(0);
    expect(m.blocks[0].match).toBe('fuzzy');
    expect(m.text).toContain('recaptured the city of Izyum');
    const i = m.text.indexOf('Izyum');
    expect(m.toRange(i, i + 5)!.toString()).toBe('Izyum');
  });

  test('blocks absent from the page are counted as missing', () => {
    const root = body('<p>Present paragraph.</p>');
    const m = locateArticle(root, ['Present paragraph.', 'Entirely different words nowhere to be seen at all']);
    expect(m.text).toBe('Present paragraph.');
    expect(m.missing).toBe(1);
  });

  test('fromPoint maps live positions back to article offsets', () => {
    const root = body('<p>Hello <b>Kharkiv</b> region</p>');
    const m = locateArticle(root, null);
    const b = root.querySelector('b')!.firstChild!;
    expect(m.fromPoint(b, 3)).toBe(m.text.indexOf('Kharkiv') + 3);
    const outside = document.createTextNode('x');
    expect(m.fromPoint(outside, 0)).toBeNull();
  });

  test('readBlocks splits at block boundaries and normalises whitespace', () => {
    const root = body('<div>  lead <p>a\n b</p><ul><li>x</li><li> y </li></ul>tail</div>');
    expect(readBlocks(root)).toEqual(['lead', 'a b', 'x', 'y', 'tail']);
  });
});

// Random small trees of inline and block elements with random text.
const word = fc.stringMatching(/^[A-Za-z0-9éß’😀\u200b]{1,6}$/);
const textArb = fc.array(fc.oneof(word, fc.constantFrom(' ', '  ', '\n', '\u00a0')), { minLength: 0, maxLength: 6 }).map((a) => a.join(''));
type Tree = string | { tag: string; kids: Tree[] };
const treeArb: fc.Arbitrary<Tree> = fc.letrec((tie) => ({
  node: fc.oneof(
    { weight: 3, arbitrary: textArb },
    { weight: 1, arbitrary: fc.record({ tag: fc.constantFrom('span', 'b', 'i', 'a', 'em', 'p', 'div', 'li'), kids: fc.array(tie('node'), { maxLength: 4 }) }) },
  ),
})).node as fc.Arbitrary<Tree>;

function build(t: Tree, parent: Node) {
  if (typeof t === 'string') { parent.appendChild(document.createTextNode(t)); return; }
  const el = document.createElement(t.tag);
  for (const k of t.kids) build(k, el);
  parent.appendChild(el);
}

describe('DOM mapping property', () => {
  test('every mapped range reads back as the slice of the article text', () => {
    fc.assert(
      fc.property(fc.array(treeArb, { maxLength: 5 }), fc.nat(), fc.nat(), (trees, x, y) => {
        document.body.innerHTML = '';
        for (const t of trees) build(t, document.body);
        const m = locateArticle(document.body, null);
        if (!m.text) return;
        const a = x % m.text.length;
        const b = a + 1 + (y % (m.text.length - a));
        const slice = m.text.slice(a, b);
        const r = m.toRange(a, b);
        if (!normalizeSpace(slice)) return; // only separators or spaces: may map to nothing
        expect(r).not.toBeNull();
        // The range covers exactly the slice's characters; whitespace may differ only where the
        // page collapses it or where the slice crosses a block break.
        const noSpace = (s: string) => s.replace(/[ \n\t\r\f\u00a0]+/g, '');
        expect(noSpace(r!.toString())).toBe(noSpace(slice));
        const block = m.blocks.find((bl) => bl.start <= a && b <= bl.end);
        if (block) expect(normalizeSpace(r!.toString())).toBe(normalizeSpace(slice));
        // And every block, read back, is exactly its characters.
        for (const bl of m.blocks) {
          expect(normalizeSpace(m.toRange(bl.start, bl.end)!.toString())).toBe(m.text.slice(bl.start, bl.end));
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('locating repeated text', () => {
  const lead = "Russian troops were withdrawing from key areas of Ukraine's Kharkiv region, the ministry said.";
  const page = `<header><a>Home</a></header><main><article><h1>${lead}</h1><p class="dateline">By Staff</p>` +
    `<p id="lead">${lead}</p><p id="second">Troops also left Balakliya.</p></article></main>` +
    `<aside><p>Troops also left Balakliya.</p></aside>`;

  test('a paragraph that repeats the headline is located in the paragraph, not the heading', () => {
    const root = body(page);
    const m = locateArticle(root, [lead, 'Troops also left Balakliya.'], {
      kinds: ['text', 'text'],
      prefer: root.querySelector('article'),
    });
    expect(m.missing).toBe(0);
    const i = m.text.indexOf('Kharkiv');
    const r = m.toRange(i, i + 7)!;
    expect(r.toString()).toBe('Kharkiv');
    expect(r.startContainer.parentElement!.id).toBe('lead');
    const j = m.text.indexOf('Balakliya');
    expect(m.toRange(j, j + 9)!.startContainer.parentElement!.id).toBe('second');
  });

  test('a heading block still goes to the heading copy', () => {
    const root = body(page);
    const m = locateArticle(root, [lead, lead], { kinds: ['heading', 'text'], prefer: root.querySelector('article') });
    expect(m.blocks).toHaveLength(2);
    expect(m.toRange(m.blocks[0].start, m.blocks[0].end)!.startContainer.parentElement!.localName).toBe('h1');
    expect(m.toRange(m.blocks[1].start, m.blocks[1].end)!.startContainer.parentElement!.id).toBe('lead');
  });

  test('copies outside the preferred container lose to copies inside it, in document order after the previous block', () => {
    const root = body('<nav><p>Shelling hit Izyum overnight, officials said.</p></nav><article><p id="a">Shelling hit Izyum overnight, officials said.</p><p id="b">Second block here.</p><p id="c">Shelling hit Izyum overnight, officials said.</p></article>');
    const m = locateArticle(root, ['Shelling hit Izyum overnight, officials said.', 'Second block here.', 'Shelling hit Izyum overnight, officials said.'], {
      prefer: root.querySelector('article'),
    });
    const ids = m.blocks.map((b) => m.toRange(b.start, b.end)!.startContainer.parentElement!.id);
    expect(ids).toEqual(['a', 'b', 'c']);
  });

  test('readBlocksWithKinds tells headings from paragraphs', async () => {
    const { readBlocksWithKinds } = await import('../../src/article/dom-rules');
    const root = body('<h2>Title <b>here</b></h2><p><i>Body</i> text</p><ul><li>item</li></ul>');
    expect(readBlocksWithKinds(root)).toEqual({ blocks: ['Title here', 'Body text', 'item'], kinds: ['heading', 'text', 'text'] });
  });

  test('the live text read ahead (while Readability runs elsewhere) gives the same model; read again when the page dropped text', async () => {
    const html = '<h1>Izyum  retaken</h1><p>Troops entered <b>Kupyansk</b>,\n  near Izyum &amp; Balakliya.</p><div hidden><p>Hidden Kyiv.</p></div><p>Second\u00a0para.</p>';
    const blocks = ['Izyum retaken', 'Troops entered Kupyansk, near Izyum & Balakliya.', 'Second\u00a0para.'];
    const slices = { outOfTime: () => true, pause: async () => {} };
    const root = body(html);
    const plain = locateArticle(root, blocks, { hidden: hiddenByStyle });
    const live = await readLiveText(root, hiddenByStyle, slices.outOfTime, slices.pause);
    expect(liveTextIntact(live)).toBe(true);
    const ahead = await locateArticleAsync(root, blocks, { hidden: hiddenByStyle }, slices.outOfTime, slices.pause, live);
    expect(ahead.text).toBe(plain.text);
    expect(ahead.blocks).toEqual(plain.blocks);
    expect(ahead.nodes).toEqual(plain.nodes);
    for (let k = 0; k < plain.text.length; k++) expect(ahead.slices(k, k + 1)).toEqual(plain.slices(k, k + 1));
    // The page replaced a paragraph after the text was read: the old nodes are not used.
    const p = root.querySelector('p')!;
    p.replaceWith(Object.assign(document.createElement('p'), { textContent: 'Troops entered Kupyansk, near Izyum & Balakliya.' }));
    expect(liveTextIntact(live)).toBe(false);
    const again = await locateArticleAsync(root, blocks, { hidden: hiddenByStyle }, slices.outOfTime, slices.pause, live);
    expect(again.text).toBe(plain.text);
    expect(again.nodes.every((n) => n.isConnected)).toBe(true);
    // Another root than the one read: read afresh.
    const other = await locateArticleAsync(root.querySelector('h1')!, null, {}, slices.outOfTime, slices.pause, live);
    expect(other.text).toBe('Izyum retaken');
  });
});
