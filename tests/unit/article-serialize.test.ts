// @vitest-environment happy-dom
// The page copy sent to the background is serialised while the page is walked, in slices: it must
// be the same HTML as a native clone with the same nodes left out (scripts other than JSON-LD,
// styles, media, Factmark's own UI, comments), and it must never run or load anything.
import { describe, expect, test } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serializeCopy } from '../../src/article/extract';
import { extractRemote } from '../../entrypoints/background';

const PAGES = join(__dirname, '../../../shared/pages');
const names = existsSync(PAGES) ? readdirSync(PAGES).filter((n) => existsSync(join(PAGES, n, 'source.html'))).sort().slice(0, 12) : [];
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

/** Both parsed again and serialised by the same serialiser: equal trees give equal strings. */
const normal = (html: string): string => parse(html).documentElement.outerHTML;

let pauses = 0;
const slices = { outOfTime: () => true, pause: async () => { pauses++; } };

describe('serializeCopy', () => {
  test('the seed page and a long one: same tree as a filtered native clone, in slices, no style or script', async () => {
    const doc = parse(seed);
    pauses = 0;
    const long = parse(longPage);
    expect(normal((await serializeCopy(long, slices.outOfTime, slices.pause))!)).toBe(normal(expected(long)));
    const html = (await serializeCopy(doc, slices.outOfTime, slices.pause))!;
    expect(pauses).toBeGreaterThan(0);
    expect(normal(html)).toBe(normal(expected(doc)));
    expect(html).not.toMatch(/<style|<script(?![^>]*ld\+json)/i);
    const remote = extractRemote(html);
    expect(remote.ok && remote.article?.blocks.length).toBeGreaterThan(0);
  });

  test('escapes text and attributes; void elements, JSON-LD, pre text and our own UI', async () => {
    const doc = parse('<html lang="en"><head><title>A &amp; B</title><script type="application/ld+json">{"a":"<b>"}</script><script>x()</script></head>' +
      '<body><p title="say &quot;hi&quot; &lt;b&gt;">1 &lt; 2 &amp;&amp; 3 &gt; 2&nbsp;ok</p><img src="a.png" alt="x"><br><pre>kept\n  as is</pre>' +
      '<factmark-card>ui</factmark-card><p><factmark-mark>Kyiv</factmark-mark></p><!-- note --><textarea>&lt;b&gt;</textarea></body></html>');
    const html = (await serializeCopy(doc, () => false, async () => {}))!;
    expect(normal(html)).toBe(normal(expected(doc)));
    const back = parse(html);
    expect(back.querySelector('p')!.getAttribute('title')).toBe('say "hi" <b>');
    expect(back.querySelector('p')!.textContent).toBe('1 < 2 && 3 > 2\u00a0ok');
    expect(back.querySelector('pre')!.textContent).toBe('kept\n  as is');
    expect(back.querySelector('factmark-card')).toBeNull();
    expect(back.querySelector('factmark-mark')!.textContent).toBe('Kyiv');
    expect(back.querySelector('script[type="application/ld+json"]')!.textContent).toBe('{"a":"<b>"}');
    expect(back.querySelectorAll('script')).toHaveLength(1);
    expect(back.querySelector('textarea')!.textContent).toBe('<b>');
  });

  test.each(names)('%s: same tree as a filtered native clone', async (name) => {
    const doc = parse(readFileSync(join(PAGES, name, 'source.html'), 'utf8'));
    const html = (await serializeCopy(doc, () => false, async () => {}))!;
    expect(normal(html)).toBe(normal(expected(doc)));
  });

  test('null when the page moves what is being read', async () => {
    const doc = parse(longPage);
    const html = await serializeCopy(doc, () => true, async () => { doc.documentElement.replaceChildren(); });
    expect(html).toBeNull();
  });
});
