import { describe, expect, test } from 'vitest';
import { DEFAULT_SETTINGS, migrateSettings } from '../../src/settings';
import { isContentToBackground, isPopupToContent } from '../../src/messages';

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
