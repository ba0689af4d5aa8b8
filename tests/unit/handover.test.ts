// @vitest-environment happy-dom
// The page copy handed to the background in pieces as the page is walked: the pieces and the rest
// join to the copy sent whole, the background answers the same, and a copy it does not hold every
// piece of is sent again whole.
import { describe, expect, test, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createBackground } from '../../entrypoints/background';
import { serializeCopy } from '../../src/article/extract';
import { copySender } from '../../src/page/handover';
import { PageSession } from '../../src/page/session';
import { extractArticleAsync as extractHere } from '../../src/article/readability';
import { DEFAULT_SETTINGS } from '../../src/settings';
import { INCOMPLETE_COPY, isContentToBackground, MAX_EXTRACT_HTML, type AnalyzeResponse, type ContentToBackground, type ExtractResponse } from '../../src/messages';
import type { Reference } from '../../src/reference/types';

const EXT = 'abcdefghijklmnopabcdefghijklmnop';
const emptyReference: Reference = {
  gazetteer: { version: 'test', size: 0, lookup: () => [], get: () => undefined, country: () => undefined },
  reports: [],
};
const seed = readFileSync(join(__dirname, '../fixtures/pages/seed-1.html'), 'utf8');
const load = () => { document.documentElement.innerHTML = new DOMParser().parseFromString(seed, 'text/html').documentElement.innerHTML; };
const newBackground = () => createBackground({ extensionId: EXT, loadReference: async () => emptyReference, setBadge: () => {} });
const tab = (id: number) => ({ id: EXT, tab: { id } });

describe('the copy in pieces', () => {
  test('the pieces (one per slice) and the rest join to the copy made in one', async () => {
    load();
    const whole = await serializeCopy(document, () => false, async () => {});
    const pieces: [string, boolean][] = [];
    const rest = await serializeCopy(document, () => true, async () => {}, (html, first) => { pieces.push([html, first]); });
    expect(pieces.length).toBeGreaterThan(3);
    expect(pieces.map(([, first]) => first)).toEqual(pieces.map((_, i) => i === 0));
    expect(pieces.map(([h]) => h).join('') + rest).toBe(whole);
  });

  test('the sender numbers the pieces of one copy, names their count at the end, and starts over for a new copy', async () => {
    const sent: ContentToBackground[] = [];
    const s = copySender(async (m) => { sent.push(m); return m.type === 'content:extract' ? { ok: true, article: null } : undefined; });
    s.part('<html><body>', true);
    s.part('<p>a</p>', false);
    expect(await s.finish('</body></html>')).toEqual({ ok: true, article: null });
    const [a, b, end] = sent as Extract<ContentToBackground, { copy?: string }>[];
    expect(a).toMatchObject({ type: 'content:extract-part', seq: 0, html: '<html><body>' });
    expect(b).toMatchObject({ type: 'content:extract-part', seq: 1, copy: a.copy });
    expect(end).toEqual({ type: 'content:extract', html: '</body></html>', copy: a.copy, parts: 2 });
    for (const m of sent) expect(isContentToBackground(m)).toBe(true);
    // A walk that stopped half-way is dropped by the next copy's first piece.
    sent.length = 0;
    s.part('<html>stale', true);
    s.part('<html><body>', true);
    await s.finish('</body></html>');
    expect(sent.at(-1)).toMatchObject({ parts: 1 });
    expect(sent[1]).toMatchObject({ seq: 0 });
    expect((sent[1] as { copy: string }).copy).not.toBe((sent[0] as { copy: string }).copy);
    // No pieces: one message, as before.
    sent.length = 0;
    await s.finish('<html></html>');
    expect(sent).toEqual([{ type: 'content:extract', html: '<html></html>' }]);
  });

  test('the background answers pieces as it answers the whole copy', async () => {
    load();
    const whole = (await serializeCopy(document, () => false, async () => {}))!;
    const expected = await newBackground().handleMessage({ type: 'content:extract', html: whole }, tab(1));
    expect((expected as ExtractResponse).ok && (expected as { article: unknown }).article).toBeTruthy();
    const bg = newBackground();
    const s = copySender((m) => bg.handleMessage(structuredClone(m), tab(1)));
    const rest = (await serializeCopy(document, () => true, async () => {}, (h, f) => s.part(h, f)))!;
    expect(await s.finish(rest)).toEqual(expected);
  });

  test('a copy missing a piece (the worker restarted) is refused by the background and sent again whole', async () => {
    load();
    const whole = (await serializeCopy(document, () => false, async () => {}))!;
    const expected = await newBackground().handleMessage({ type: 'content:extract', html: whole }, tab(1));
    let bg = newBackground();
    const answers: unknown[] = [];
    const send = vi.fn(async (m: ContentToBackground) => {
      const r = await bg.handleMessage(structuredClone(m), tab(1));
      answers.push(r);
      return r;
    });
    const s = copySender(send);
    let n = 0;
    const rest = (await serializeCopy(document, () => true, async () => {}, (h, f) => {
      if (++n === 3) bg = newBackground(); // the worker stopped: the pieces so far are gone
      s.part(h, f);
    }))!;
    expect(await s.finish(rest)).toEqual(expected);
    expect(answers).toContainEqual({ ok: false, error: INCOMPLETE_COPY });
    expect(send.mock.calls.at(-1)![0]).toEqual({ type: 'content:extract', html: whole });
  });

  test('the background keeps one copy per tab, bounded; a piece of another copy, or a forgotten tab, starts over', async () => {
    const bg = newBackground();
    const part = (copy: string, seq: number, html: string, id = 1) => bg.handleMessage({ type: 'content:extract-part', copy, seq, html }, tab(id));
    const end = (copy: string, parts: number, html: string, id = 1) => bg.handleMessage({ type: 'content:extract', copy, parts, html }, tab(id));
    const page = '<html><body><article><p>' + 'Officials said 1,200 people were evacuated from Kharkiv on Monday. '.repeat(12) + '</p></article></body></html>';
    const cut = [page.slice(0, 40), page.slice(40, 300), page.slice(300)];
    const ok = await bg.handleMessage({ type: 'content:extract', html: page }, tab(1));
    // pieces out of order, and pieces of two tabs interleaved
    await part('a', 1, cut[1]);
    await part('b', 0, 'other tab', 2);
    await part('a', 0, cut[0]);
    expect(await end('a', 2, cut[2])).toEqual(ok);
    // used once
    expect(await end('a', 2, cut[2])).toEqual({ ok: false, error: INCOMPLETE_COPY });
    // a piece of a newer copy drops the older one's
    await part('c', 0, cut[0]);
    await part('d', 1, cut[1]);
    expect(await end('c', 2, cut[2])).toEqual({ ok: false, error: INCOMPLETE_COPY });
    // a hole
    await part('e', 0, cut[0]);
    await part('e', 2, cut[1]);
    expect(await end('e', 3, cut[2])).toEqual({ ok: false, error: INCOMPLETE_COPY });
    // forgotten tab
    await part('f', 0, cut[0]);
    await part('f', 1, cut[1]);
    bg.forgetTab(1);
    expect(await end('f', 2, cut[2])).toEqual({ ok: false, error: INCOMPLETE_COPY });
    // too big in all
    const big = 'x'.repeat(MAX_EXTRACT_HTML / 2 + 1);
    await part('g', 0, big);
    await part('g', 1, big);
    expect(await end('g', 2, '')).toEqual({ ok: false, error: INCOMPLETE_COPY });
    // from another extension: ignored
    expect(await bg.handleMessage({ type: 'content:extract-part', copy: 'h', seq: 0, html: cut[0] }, { id: 'other', tab: { id: 1 } })).toBeUndefined();
  });

  test('shape checks', () => {
    const ok = { type: 'content:extract-part', copy: 'k1', seq: 0, html: '<p>' };
    expect(isContentToBackground(ok)).toBe(true);
    for (const bad of [{ ...ok, seq: -1 }, { ...ok, seq: 1.5 }, { ...ok, copy: '' }, { ...ok, copy: 'x'.repeat(65) }, { ...ok, html: 3 }, { ...ok, html: 'x'.repeat(MAX_EXTRACT_HTML + 1) }]) {
      expect(isContentToBackground(bad)).toBe(false);
    }
    expect(isContentToBackground({ type: 'content:extract', html: '', copy: 'k1', parts: 1 })).toBe(true);
    expect(isContentToBackground({ type: 'content:extract', html: '', copy: 'k1' })).toBe(false);
    expect(isContentToBackground({ type: 'content:extract', html: '', parts: 2 })).toBe(false);
    expect(isContentToBackground({ type: 'content:extract', html: '', copy: 'k1', parts: 0 })).toBe(false);
  });

  test('the page session sends the copy in pieces and is analysed as with one message', async () => {
    load();
    const bg = newBackground();
    const types: string[] = [];
    const send = async (m: ContentToBackground) => { types.push(m.type); return bg.handleMessage(structuredClone(m), tab(2)); };
    const s = copySender(send);
    const session = new PageSession({ extractHere,
      doc: document,
      extract: async (html) => { const r = await s.finish(html); return r?.ok ? r.article : undefined; },
      extractPart: (html, first) => s.part(html, first),
      analyze: async (article) => (await bg.handleMessage(structuredClone({ type: 'content:analyze', article }), tab(2))) as AnalyzeResponse,
      paintEnv: { registry: null, Highlight: null },
    }, structuredClone(DEFAULT_SETTINGS));
    // a slow page: every other look at the clock finds the slice's time spent
    let looks = 0;
    (session as unknown as { slicer: { outOfTime: () => boolean } }).slicer.outOfTime = () => ++looks % 2 === 0;
    const st = await session.run();
    expect(st.status).toBe('analysed');
    expect(types.filter((t) => t === 'content:extract-part').length).toBeGreaterThan(3);
    expect(types.filter((t) => t === 'content:extract')).toHaveLength(1);
    expect(document.querySelector('article p factmark-mark')).not.toBeNull();
    session.destroy();
  });
});
