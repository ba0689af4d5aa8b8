// @vitest-environment happy-dom
// The page copy sent to the background is serialised while the page is walked, in slices: it must
// be the same HTML as a native clone with the same nodes left out (scripts other than JSON-LD,
// styles, media, Factmark's own UI, comments) and slimmed the same way (only the attributes
// Readability reads, collapsible whitespace runs cut to one character outside pre), it must give
// Readability the same article as the full copy, and it must never run or load anything.
import { describe, expect, test, vi } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractArticleRemote, serializeCopy } from '../../src/article/extract';
import { extractRemote } from '../../entrypoints/background';

const PAGES = join(__dirname, '../../../shared/pages');
const names = existsSync(PAGES) ? readdirSync(PAGES).filter((n) => existsSync(join(PAGES, n, 'source.html'))).sort().slice(0, 12) : [];
/** The news pages and some others whose copy is slimmed the most (indentation, data attributes). */
const NEWS = ['bbc-1', 'breitbart', 'buzzfeed-1', 'msn', 'nytimes-1', 'nytimes-3', 'nytimes-5', 'salon-1', 'seattletimes-1', 'theverge', 'wapo-2', 'yahoo-2', 'yahoo-4',
  'webmd-2', 'iab-1', 'google-sre-book-1', 'mozilla-1', 'wikipedia-3'];
const slimNames = existsSync(PAGES) ? NEWS.filter((n) => existsSync(join(PAGES, n, 'source.html'))) : [];
/** A page of many nodes, so the walk pauses. */
const longPage = `<html><head><title>Long</title></head><body><main>${Array.from({ length: 400 }, (_, i) => `<p class="p${i}">Paragraph ${i} of the article.</p>`).join('')}</main></body></html>`;
const seed = readFileSync(join(__dirname, '../fixtures/pages/seed-1.html'), 'utf8');
const parse = (html: string): Document => new DOMParser().parseFromString(html, 'text/html');

const LEFT_OUT = 'style, noscript, template, svg, math, iframe, object, embed, canvas, video, audio, link, factmark-style, factmark-card, factmark-flash';

/** The reference: a native clone with the same nodes removed, serialised by the DOM. */
function expected(doc: Document): string {
  const clone = doc.documentElement.cloneNode(true) as Element;
  for (const el of Array.from(clone.querySelectorAll(LEFT_OUT))) el.remove();
  for (const el of Array.from(clone.querySelectorAll('script'))) if ((el.getAttribute('type') ?? '').toLowerCase() !== 'application/ld+json') el.remove();
  const walker = doc.createTreeWalker(clone, 128 /* comments */);
  const comments: Node[] = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  for (const c of comments) c.parentNode?.removeChild(c);
  return clone.outerHTML;
}

const KEPT = new Set(['class', 'id', 'style', 'hidden', 'aria-hidden', 'aria-modal', 'role', 'href', 'rel', 'itemprop', 'lang', 'dir',
  'name', 'property', 'content', 'charset', 'type', 'colspan', 'rowspan', 'datatable', 'summary', 'datetime', 'pubdate', 'contenteditable', 'src', 'srcset']);

/** Runs of collapsible spaces cut to one character in the text outside pre (what the copy does). */
function collapsed(root: Element): Element {
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* text */);
  while (walker.nextNode()) {
    const t = walker.currentNode as Text;
    if (t.parentElement?.closest('pre, textarea, listing, plaintext, xmp, script')) continue;
    t.data = t.data.replace(/[ \t\n\r\f]{2,}/g, (w) => (w.includes('\n') ? '\n' : ' '));
  }
  return root;
}

/** The filtered clone slimmed as the copy is: attributes Readability does not read dropped (images keep all), spaces collapsed outside pre. */
function expectedSlim(doc: Document): string {
  const root = parse(expected(doc)).documentElement;
  for (const el of [root, ...Array.from(root.querySelectorAll('*'))]) {
    if (['img', 'picture', 'figure', 'source'].includes(el.localName)) continue;
    for (const a of Array.from(el.attributes)) if (!KEPT.has(a.name)) el.removeAttribute(a.name);
  }
  return collapsed(root).outerHTML;
}

/**
 * Parsed again and serialised by the same serialiser, spaces collapsed once more: text nodes that
 * were apart in the page (around a left-out script) are one after parsing, each collapsed alone.
 */
const normalSlim = (html: string): string => collapsed(parse(html).documentElement).outerHTML;

/** Readability's article (blocks, kinds, metadata) with whitespace normalised, as the page session uses it. */
const article = (html: string): string =>
  JSON.stringify(extractRemote(html), (_k, v) => (typeof v === 'string' ? v.replace(/\s+/g, ' ').trim() : v));


let pauses = 0;
const slices = { outOfTime: () => true, pause: async () => { pauses++; } };

describe('serializeCopy', () => {
  test('the seed page and a long one: same tree as a filtered native clone, in slices, no style or script', async () => {
    const doc = parse(seed);
    pauses = 0;
    const long = parse(longPage);
    expect(normalSlim((await serializeCopy(long, slices.outOfTime, slices.pause))!)).toBe(normalSlim(expectedSlim(long)));
    const html = (await serializeCopy(doc, slices.outOfTime, slices.pause))!;
    expect(pauses).toBeGreaterThan(0);
    expect(normalSlim(html)).toBe(normalSlim(expectedSlim(doc)));
    expect(html).not.toMatch(/<style|<script(?![^>]*ld\+json)/i);
    const remote = extractRemote(html);
    expect(remote.ok && remote.article?.blocks.length).toBeGreaterThan(0);
  });

  test('escapes text and attributes; void elements, JSON-LD, pre text and our own UI', async () => {
    const doc = parse('<html lang="en"><head><title>A &amp; B</title><script type="application/ld+json">{"a":"<b>"}</script><script>x()</script></head>' +
      '<body><p class="say &quot;hi&quot; &lt;b&gt;" title="dropped" data-x="dropped">1 &lt; 2 &amp;&amp; 3 &gt; 2&nbsp;ok\n\n   end</p><img src="a.png" alt="x" data-src="b.jpg"><br><pre>kept\n  as is</pre>' +
      '<factmark-card>ui</factmark-card><p><factmark-mark>Kyiv</factmark-mark></p><!-- note --><textarea>&lt;b&gt;</textarea></body></html>');
    const html = (await serializeCopy(doc, () => false, async () => {}))!;
    expect(normalSlim(html)).toBe(normalSlim(expectedSlim(doc)));
    const back = parse(html);
    expect(back.querySelector('p')!.getAttribute('class')).toBe('say "hi" <b>');
    expect(back.querySelector('p')!.hasAttribute('title')).toBe(false);
    expect(back.querySelector('p')!.hasAttribute('data-x')).toBe(false);
    expect(back.querySelector('img')!.getAttribute('data-src')).toBe('b.jpg');
    expect(back.querySelector('p')!.textContent).toBe('1 < 2 && 3 > 2\u00a0ok\nend');
    expect(back.querySelector('pre')!.textContent).toBe('kept\n  as is');
    expect(back.querySelector('factmark-card')).toBeNull();
    expect(back.querySelector('factmark-mark')!.textContent).toBe('Kyiv');
    expect(back.querySelector('script[type="application/ld+json"]')!.textContent).toBe('{"a":"<b>"}');
    expect(back.querySelectorAll('script')).toHaveLength(1);
    expect(back.querySelector('textarea')!.textContent).toBe('<b>');
  });

  test.each(names)('%s: same tree as a filtered native clone, slimmed', async (name) => {
    const doc = parse(readFileSync(join(PAGES, name, 'source.html'), 'utf8'));
    const html = (await serializeCopy(doc, () => false, async () => {}))!;
    expect(normalSlim(html)).toBe(normalSlim(expectedSlim(doc)));
  });

  test.each(slimNames)('%s: Readability finds the same article in the slim copy as in the full one', async (name) => {
    const doc = parse(readFileSync(join(PAGES, name, 'source.html'), 'utf8'));
    const full = expected(doc);
    const slim = (await serializeCopy(doc, () => false, async () => {}))!;
    expect(slim.length).toBeLessThan(full.length);
    expect(article(slim)).toBe(article(full));
  });

  test('the copy is handed over in a slice of its own (the hand-over costs the browser milliseconds), then the page\'s share goes on', async () => {
    const doc = parse(longPage);
    const events: string[] = [];
    // The walk's last slice ends with joining its pieces into the copy: seen here as a join of many parts.
    const join = Array.prototype.join;
    const spy = vi.spyOn(Array.prototype, 'join').mockImplementation(function (this: unknown[], sep?: string) {
      if (this.length > 1000) events.push('joined');
      return join.call(this, sep);
    });
    try {
      await extractArticleRemote(doc, () => true, async () => { events.push('pause'); },
        async (html) => { events.push(`send ${html.length > 0}`); return null; },
        { meanwhile: async () => { events.push('meanwhile'); } });
    } finally {
      spy.mockRestore();
    }
    const send = events.indexOf('send true');
    expect(events.filter((e) => e === 'pause').length).toBeGreaterThan(2); // the walk itself paused
    expect(events.slice(send - 2, send + 2)).toEqual(['joined', 'pause', 'send true', 'meanwhile']);
  });

  test('null when the page moves what is being read', async () => {
    const doc = parse(longPage);
    const html = await serializeCopy(doc, () => true, async () => { doc.documentElement.replaceChildren(); });
    expect(html).toBeNull();
  });
});
