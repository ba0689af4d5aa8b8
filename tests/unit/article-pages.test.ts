// @vitest-environment happy-dom
// Extraction and location over the saved real pages in ../shared/pages: the gate agrees with
// Readability's expectation, and the article blocks are found in the live DOM (few or none missing).
import { describe, expect, test } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { looksLikeArticle, mainContainer, publishedDate, toIsoDate } from '../../src/article/extract';
import { extractArticle } from '../../src/article/readability';
import { locateArticle } from '../../src/article/text-model';

const PAGES = join(__dirname, '../../../shared/pages');
const names = existsSync(PAGES) ? readdirSync(PAGES).filter((n) => existsSync(join(PAGES, n, 'source.html'))) : [];

/** An inert parsed document (nothing loads), standing in for the live page. */
const parse = (html: string): Document => new DOMParser().parseFromString(html, 'text/html');

describe('toIsoDate / publishedDate', () => {
  test.each([
    ['2022-09-10T14:00:00+03:00', '2022-09-10'],
    ['20220910', '2022-09-10'],
    ['Sat, 10 Sep 2022 12:00:00 GMT', '2022-09-10'],
    ['not a date', undefined],
    ['', undefined],
  ])('%s -> %s', (input, out) => expect(toIsoDate(input)).toBe(out));

  test('JSON-LD datePublished in an @graph, then <time datetime>', () => {
    expect(publishedDate(parse('<html><head><script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2022-09-11T08:00:00Z"}]}</script></head><body><time datetime="2020-01-01">x</time></body></html>'))).toBe('2022-09-11');
    expect(publishedDate(parse('<html><head><script type="application/ld+json">{broken</script></head><body><time datetime="2020-01-02T00:00">x</time></body></html>'))).toBe('2020-01-02');
  });
});

describe.skipIf(!names.length)('real pages', () => {
  const stats: { name: string; blocks: number; missing: number; fuzzy: number; ms: number }[] = [];
  test.each(names)('%s: extract on a clone, locate in the live DOM', (name) => {
    const html = readFileSync(join(PAGES, name, 'source.html'), 'utf8');
    const meta = JSON.parse(readFileSync(join(PAGES, name, 'expected-metadata.json'), 'utf8')) as { readerable?: boolean };
    const doc = parse(html);
    const before = doc.documentElement.outerHTML;
    if (meta.readerable !== undefined) expect(looksLikeArticle(doc)).toBe(meta.readerable);
    const t0 = performance.now();
    const ex = extractArticle(doc);
    expect(doc.documentElement.outerHTML).toBe(before); // Readability ran on a clone
    if (!ex) return;
    const model = locateArticle(doc.body, ex.blocks, { prefer: mainContainer(doc).container, kinds: ex.blockKinds });
    const ms = performance.now() - t0;
    stats.push({ name, blocks: ex.blocks.length, missing: model.missing, fuzzy: model.blocks.filter((b) => b.match === 'fuzzy').length, ms });
    // Every located block reads back from the live DOM's text nodes as exactly its text (up to whitespace).
    const noSpace = (x: string) => x.replace(/[ \n\t\r\f\u00a0]+/g, '');
    for (const b of model.blocks) {
      const read = model.slices(b.start, b.end).map((sl) => sl.node.data.slice(sl.from, sl.to)).join('');
      expect(noSpace(read)).toBe(noSpace(model.text.slice(b.start, b.end)));
    }
    // Nearly all of the article is found.
    expect(model.missing).toBeLessThanOrEqual(Math.max(2, Math.ceil(ex.blocks.length * 0.1)));
    expect(doc.documentElement.outerHTML).toBe(before);
  });
  test('summary', () => {
    const total = stats.reduce((s, x) => s + x.blocks, 0);
    const missing = stats.reduce((s, x) => s + x.missing, 0);
    const fuzzy = stats.reduce((s, x) => s + x.fuzzy, 0);
    console.log(`pages ${stats.length}, blocks ${total}, fuzzy ${fuzzy}, missing ${missing}; worst: ` +
      stats.filter((s) => s.missing).map((s) => `${s.name} ${s.missing}/${s.blocks}`).join(', '));
    expect(missing / Math.max(1, total)).toBeLessThan(0.02);
  });
});

describe('seed fixture pages', () => {
  test('seed-1: the first paragraph, which repeats the <h1>, is located in the paragraph', () => {
    const doc = parse(readFileSync(join(__dirname, '../fixtures/pages/seed-1.html'), 'utf8'));
    const ex = extractArticle(doc)!;
    expect(ex).not.toBeNull();
    const h1 = doc.querySelector('h1')!.textContent!.trim();
    const model = locateArticle(doc.body, ex.blocks, { prefer: mainContainer(doc).container, kinds: ex.blockKinds });
    const at = model.text.indexOf('Izyum');
    expect(at).toBeGreaterThanOrEqual(0);
    const el = model.toRange(at, at + 5)!.startContainer.parentElement!;
    expect(el.localName).toBe('p');
    expect(el.textContent!.trim()).toBe(h1);
    // Nothing of the article text is taken from the heading unless Readability kept it as a heading block.
    const inH1 = model.blocks.filter((b) => model.toRange(b.start, b.end)!.startContainer.parentElement!.localName === 'h1').length;
    expect(inH1).toBe(ex.blockKinds.filter((k) => k === 'heading').length);
  });
});
