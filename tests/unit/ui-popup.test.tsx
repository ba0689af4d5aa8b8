// @vitest-environment happy-dom
// The popup app against a fake browser (wxt/testing/fake-browser): it reads the tab's PageState,
// shows title, counts and places, writes the category switches to storage, and handles odd answers.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App, activeFilter, articleMeta, tallyShown } from '../../entrypoints/popup/App';
import { isPageState, resolveTabId } from '../../entrypoints/popup/page-client';
import { SETTINGS_KEY } from '../../src/settings';
import type { PageState } from '../../src/messages';

const state: PageState = {
  status: 'analysed',
  article: { url: 'https://news.example/a', title: 'Russia says it will pull its troops out of Kharkiv' },
  result: {
    annotations: [
      { id: 'place:0', category: 'place', start: 0, end: 6, text: 'Izyum', place: { name: 'Izium', kind: 'city', country: 'UA', region: 'Kharkiv Oblast', population: 45884, geonameId: 1 } },
      { id: 'figure:10', category: 'figure', start: 10, end: 23, text: '73 kilometres', figure: { kind: 'measure', value: 73, unit: 'km' } },
    ],
    verdicts: [{ annotationId: 'place:0', kind: 'variant', summary: 'Spelled Izium in the gazetteer', evidence: [{ ref: 'geonames:1', label: 'Izium' }] }],
    summary: { counts: { place: 1, figure: 1, claim: 0 }, verdicts: { consistent: 0, differs: 0, variant: 1, ambiguous: 0, unverified: 0 }, words: 120 },
  },
};

let root: HTMLElement | undefined;
const sent: unknown[] = [];

async function mountPopup(answer: (msg: unknown) => unknown) {
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (_tabId: number, msg: unknown) => {
    sent.push(msg);
    return answer(msg);
  }) as never);
  history.replaceState(null, '', '/popup.html?tab=42');
  const el = document.createElement('div');
  root = el;
  document.body.append(el);
  await act(async () => {
    render(<App />, el);
  });
  await vi.waitFor(() => expect(el.querySelector('.popup-status')?.textContent).not.toContain('Reading the page'));
  return el;
}

const flush = () => act(async () => { await new Promise((r) => setTimeout(r, 0)); });

beforeEach(() => {
  fakeBrowser.reset();
  sent.length = 0;
});
afterEach(() => {
  if (root) {
    render(null, root);
    root.remove();
  }
  vi.restoreAllMocks();
});

describe('popup', () => {
  test('?tab=ID selects the tab; otherwise the active tab', async () => {
    expect(await resolveTabId('?tab=17')).toBe(17);
    const query = vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 5 }] as never);
    expect(await resolveTabId('')).toBe(5);
    expect(query).toHaveBeenCalledWith({ active: true, currentWindow: true });
    expect(await resolveTabId('?tab=abc')).toBe(5);
  });

  test('shows the title, counts, places with verdicts, and switches named Places, Figures, Claims', async () => {
    const root = await mountPopup(() => state);
    expect(sent[0]).toEqual({ type: 'popup:get-state' });
    await vi.waitFor(() => expect(root.querySelector('.popup-title')?.textContent).toBe(state.article!.title));
    const switches = [...root.querySelectorAll('[role="switch"]')].map((s) => [s.textContent!.trim(), s.getAttribute('aria-checked')]);
    expect(switches).toEqual([['Places', 'true'], ['Figures', 'true'], ['Claims', 'true']]);
    expect(root.querySelector('[data-count="place"]')!.textContent).toBe('1 found');
    const place = root.querySelector('.fm-list-place li')!.textContent!;
    expect(place).toContain('Izium');
    expect(place).toContain('written “Izyum”');
    expect(place).toContain('spelling variant');
    expect(root.querySelector('.fm-list-claim')).toBeNull();
    expect(root.textContent).toContain('No attributed claims found.');
  });

  test('clicking a place asks the page to scroll to it', async () => {
    const root = await mountPopup(() => state);
    await vi.waitFor(() => expect(root.querySelector('.fm-list-place button')).not.toBeNull());
    await act(async () => (root.querySelector('.fm-list-place button') as HTMLButtonElement).click());
    expect(sent).toContainEqual({ type: 'popup:scroll-to', annotationId: 'place:0' });
  });

  test('a switch writes the settings to storage.local', async () => {
    const root = await mountPopup(() => state);
    await vi.waitFor(() => expect(root.querySelector('[role="switch"]:not([disabled])')).not.toBeNull());
    const figures = [...root.querySelectorAll('[role="switch"]')].find((s) => s.textContent!.trim() === 'Figures') as HTMLButtonElement;
    await act(async () => figures.click());
    await vi.waitFor(async () => {
      const stored = await fakeBrowser.storage.local.get(SETTINGS_KEY);
      expect((stored[SETTINGS_KEY] as { categories: Record<string, boolean> }).categories).toEqual({ place: true, figure: false, claim: true });
    });
    await flush();
    expect(figures.getAttribute('aria-checked')).toBe('false');
  });

  test('a page the detector skipped offers force-analyse', async () => {
    let forced = false;
    const root = await mountPopup((msg) => {
      if ((msg as { type: string }).type === 'popup:force-analyze') forced = true;
      return forced ? state : { status: 'not-article' };
    });
    const button = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Analyse this page anyway');
    expect(button).toBeDefined();
    await act(async () => button!.click());
    await vi.waitFor(() => expect(root.querySelector('.popup-title')?.textContent).toBe(state.article!.title));
    expect(sent).toContainEqual({ type: 'popup:force-analyze' });
  });

  test.each([
    ['no content script', () => { throw new Error('Could not establish connection'); }],
    ['a malformed answer', () => ({ status: 'hacked', result: '<img onerror=alert(1)>' })],
  ])('%s: says the tab cannot be read', async (_name, answer) => {
    const root = await mountPopup(answer);
    expect(root.querySelector('.popup-status')!.textContent).toContain('cannot read this tab');
    expect(root.querySelector('img')).toBeNull();
  });
});

describe('isPageState', () => {
  test.each([
    [{ status: 'analysed', result: { annotations: [], verdicts: [] } }, true],
    [{ status: 'pending' }, true],
    [{ status: 'nope' }, false],
    [{ status: 'analysed', result: 'x' }, false],
    [null, false],
  ])('%j -> %s', (v, ok) => expect(isPageState(v)).toBe(ok));
});

describe('articleMeta', () => {
  const base = { url: 'https://news.example/a', title: 'T' };
  test.each([
    [{ siteName: 'The Daily Fixture', published: '2022-09-10T09:00:00Z', byline: 'By Staff Reporter · 2022-09-10' }, 'The Daily Fixture · Sep 10, 2022 · by Staff Reporter'],
    [{ published: '2022-09-10', byline: 'Jane Doe, Sep 10, 2022' }, 'Sep 10, 2022 · by Jane Doe'],
    [{ byline: 'by Jane Doe' }, 'by Jane Doe'],
    [{ published: '2022-09-10', byline: '2022-09-10' }, 'Sep 10, 2022'],
    [{}, undefined],
  ])('%j -> %s', (article, expected) => expect(articleMeta({ ...base, ...article })).toBe(expected));
});

describe('activeFilter', () => {
  const tally = { consistent: 2, differs: 0, variant: 1, ambiguous: 0, unverified: 0 };
  test.each([
    ['all', 'all'],
    ['variant', 'variant'],
    ['differs', 'all'], // none left after a new analysis: show everything, not empty lists with no chip to clear
  ] as const)('%s -> %s', (filter, expected) => expect(activeFilter(filter, tally)).toBe(expected));
  test('no result yet', () => expect(activeFilter('variant', undefined)).toBe('all'));
});

describe('tallyShown', () => {
  test('counts the verdicts of the categories shown, so a chip counts what it lists', () => {
    expect(tallyShown(state.result!, undefined)).toEqual({ verdicts: { consistent: 0, differs: 0, variant: 1, ambiguous: 0, unverified: 0 }, total: 2 });
    expect(tallyShown(state.result!, { place: false, figure: true, claim: true })).toEqual({ verdicts: { consistent: 0, differs: 0, variant: 0, ambiguous: 0, unverified: 0 }, total: 1 });
  });
});

describe('popup on a tab without a content script', () => {
  test('asks the background once to run Factmark in the tab, then shows its state', async () => {
    let injected = false;
    const runtime = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (msg: unknown) => {
      sent.push(msg);
      injected = true;
      return { ok: true, injected: true };
    }) as never);
    const root = await mountPopup(() => (injected ? state : undefined));
    await vi.waitFor(() => expect(root.textContent).toContain('Russia says it will pull its troops out of Kharkiv'));
    expect(runtime).toHaveBeenCalledTimes(1);
    expect(sent).toContainEqual({ type: 'access:inject', tabId: 42, force: false });
  });

  test('says the page cannot be reached when the background cannot run it there', async () => {
    const runtime = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ ok: false, error: 'no access to this site' } as never);
    const root = await mountPopup(() => undefined);
    await vi.waitFor(() => expect(runtime).toHaveBeenCalledTimes(1));
    await flush();
    expect(root.querySelector('.popup-status')?.textContent).not.toContain('Russia');
    expect(sent.filter((m) => (m as { type?: string }).type === 'popup:get-state').length).toBe(1);
  });
});
