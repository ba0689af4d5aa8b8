import { describe, expect, test } from 'vitest';
import { DEFAULT_SETTINGS, migrateSettings } from '../../src/settings';
import { isAnalyzeResponse, isContentToBackground, isFromOwnPage, isPopupToContent } from '../../src/messages';

describe('migrateSettings', () => {
  test.each([undefined, null, 42, 'x', []])('%j gives the defaults', (stored) => {
    expect(migrateSettings(stored)).toEqual(DEFAULT_SETTINGS);
  });
  test('keeps valid fields and drops invalid ones', () => {
    const s = migrateSettings({ categories: { place: false, figure: 'no', claim: false }, disabledSites: ['a.com', 3], screenReaderMode: true });
    expect(s.categories).toEqual({ place: false, figure: true, claim: false });
    expect(s.disabledSites).toEqual(['a.com']);
    expect(s.screenReaderMode).toBe(true);
    expect(s.version).toBe(DEFAULT_SETTINGS.version);
  });
  test('never shares state with the defaults', () => {
    migrateSettings({}).categories.place = false;
    expect(DEFAULT_SETTINGS.categories.place).toBe(true);
  });
});

describe('message shape checks', () => {
  test.each([
    [{ type: 'content:analyze', article: { url: 'u', title: 't', text: 'x' } }, true],
    [{ type: 'content:analyze', article: { url: 'u', title: 't', text: 'x', published: '2022-09-10' } }, true],
    [{ type: 'content:analyze', article: { url: 'u', title: 't' } }, false],
    [{ type: 'content:analyze', article: { url: 'u', title: 't', text: 'x', published: 5 } }, false],
    [{ type: 'content:no-article', url: 'u' }, true],
    [{ type: 'content:wake' }, true],
    [{ type: 'content:wakes' }, false],
    [{ type: 'popup:get-state' }, false],
    [null, false],
    ['content:analyze', false],
  ])('isContentToBackground(%j) = %s', (m, ok) => expect(isContentToBackground(m)).toBe(ok));
  test.each([
    [{ type: 'popup:get-state' }, true],
    [{ type: 'popup:scroll-to', annotationId: 'place:3' }, true],
    [{ type: 'popup:scroll-to' }, false],
    [{ type: 'popup:force-analyze' }, true],
    [{ type: 'content:analyze' }, false],
    [[], false],
  ])('isPopupToContent(%j) = %s', (m, ok) => expect(isPopupToContent(m)).toBe(ok));
});

describe('sender and response checks', () => {
  const ID = 'abcdefghijklmnopabcdefghijklmnop';
  const ORIGIN = `chrome-extension://${ID}/`;
  test.each([
    ['the popup', { id: ID, url: `${ORIGIN}popup.html` }, true],
    ['the popup opened in a tab', { id: ID, url: `${ORIGIN}popup.html?tab=3`, tab: { id: 3 } }, true],
    ['own extension, no url given', { id: ID }, true],
    ['a content script (web page url)', { id: ID, url: 'https://news.example/a', tab: { id: 3 } }, false],
    ['a page pretending with a look-alike origin', { id: ID, url: `https://evil.example/${ORIGIN}` }, false],
    ['another extension', { id: 'other', url: 'chrome-extension://other/popup.html' }, false],
    ['no id', { url: `${ORIGIN}popup.html` }, false],
    ['nothing', undefined, false],
  ])('isFromOwnPage: %s', (_n, sender, ok) => expect(isFromOwnPage(sender, ID, ORIGIN)).toBe(ok));
  test('an empty extension id or origin never matches', () => {
    expect(isFromOwnPage({ id: '' }, '', ORIGIN)).toBe(false);
    expect(isFromOwnPage({ id: ID, url: 'x' }, ID, '')).toBe(false);
  });
  test.each([
    [{ ok: true, result: { annotations: [], verdicts: [], summary: {} } }, true],
    [{ ok: false, error: 'x' }, true],
    [{ ok: false }, false],
    [{ ok: true }, false],
    [{ ok: true, result: { annotations: 'x', verdicts: [], summary: {} } }, false],
    [{ ok: 'yes', result: { annotations: [], verdicts: [], summary: {} } }, false],
    [undefined, false],
    ['ok', false],
  ])('isAnalyzeResponse(%j) = %s', (m, ok) => expect(isAnalyzeResponse(m)).toBe(ok));
});
