// @vitest-environment happy-dom
// publishedDate gathers each kind of element once and matches the keys itself (linkedom walks the
// whole copy per query): it must answer as the selector-per-key version did.
import { describe, expect, test } from 'vitest';
import { parseHTML } from 'linkedom';
import { publishedDate } from '../../src/article/extract';

const both = (html: string): (string | undefined)[] => [
  publishedDate(new DOMParser().parseFromString(html, 'text/html')),
  publishedDate(parseHTML(html).document as unknown as Document),
];

describe('publishedDate', () => {
  test('meta keys in order of trust; the first meta of a key decides for that key', () => {
    const head = '<meta name="date" content="2020-01-02"><meta property="article:published_time" content="not a date">' +
      '<meta property="article:published_time" content="2021-05-06T10:00:00Z"><meta itemprop="datePublished" content="2019-03-04">';
    // article:published_time's first meta has no date: the next key (itemprop) wins, not its second meta.
    expect(both(`<html><head>${head}</head><body></body></html>`)).toEqual(['2019-03-04', '2019-03-04']);
    expect(both('<html><head><meta name="DC.date.issued" content="20180102"><meta name="sailthru.date" content="2017-01-01"></head></html>')).toEqual(['2018-01-02', '2018-01-02']);
  });

  test('then JSON-LD (its type in any case), then the first time or datePublished element with a datetime', () => {
    const ld = '<script type="Application/LD+JSON">{"@graph":[{"datePublished":"2016-07-08"}]}</script>';
    expect(both(`<html><head>${ld}</head><body><time datetime="2015-01-01">x</time></body></html>`)).toEqual(['2016-07-08', '2016-07-08']);
    const body = '<span datetime="2010-01-01">no</span><div itemprop="datePublished" datetime="2014-02-03">d</div><time datetime="2013-01-01">t</time>';
    expect(both(`<html><body>${body}</body></html>`)).toEqual(['2014-02-03', '2014-02-03']);
    expect(both('<html><body><p>none</p></body></html>')).toEqual([undefined, undefined]);
  });
});
