// @vitest-environment happy-dom
// The options page's "Where Factmark runs": the permission request is made in the click itself (browsers
// prompt only during the user's gesture), a refusal keeps click mode and says so, click mode stores the
// mode and gives up the broad access, and the sites list asks for each site's own access.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AccessSection } from '../../src/ui/AccessSection';
import { migrateSettings, type Settings } from '../../src/settings';
import { hostFromInput } from '../../entrypoints/options/App';

const BROAD = ['http://*/*', 'https://*/*'];
let root: HTMLElement;
let granted: string[];
let settings: Settings;
const flush = () => act(async () => { for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0)); });

function mount() {
  const update = vi.fn(async (change: (s: Settings) => Settings) => {
    settings = change(settings);
    draw();
  });
  const draw = () => render(<AccessSection settings={settings} updateSettings={update} hostFromInput={hostFromInput} />, root);
  act(draw);
  return update;
}

beforeEach(() => {
  fakeBrowser.reset();
  root = document.createElement('div');
  document.body.append(root);
  granted = [...BROAD];
  settings = migrateSettings(undefined);
  const p = fakeBrowser.permissions as unknown as Record<string, unknown>;
  p.getAll = vi.fn(async () => ({ origins: [...granted], permissions: [] }));
  p.contains = vi.fn(async () => true);
  p.request = vi.fn(async () => true);
  p.remove = vi.fn(async () => false);
  p.onAdded = { addListener: vi.fn(), removeListener: vi.fn() };
  p.onRemoved = { addListener: vi.fn(), removeListener: vi.fn() };
});
afterEach(() => {
  render(null, root);
  root.remove();
});

const radio = (v: string) => root.querySelector<HTMLInputElement>(`input[value="${v}"]`)!;

describe('AccessSection', () => {
  test('click mode: stored, the broad access given up; Chromium keeping it is explained', async () => {
    mount();
    await flush();
    expect(radio('auto').checked).toBe(true);
    act(() => radio('click').click());
    await flush();
    expect(settings.runMode).toBe('click');
    expect(fakeBrowser.permissions.remove).toHaveBeenCalledWith({ origins: BROAD });
    expect(root.querySelector('[data-testid="access-kept"]')).not.toBeNull();
    expect(root.querySelector('[data-testid="access-notice"]')?.textContent).toMatch(/only when you click/);
  });

  test('every site: permissions.request is called within the click, before anything awaits', async () => {
    settings = migrateSettings({ runMode: 'click' });
    granted = [];
    mount();
    await flush();
    let inClick = false;
    (fakeBrowser.permissions as unknown as Record<string, unknown>).request = vi.fn(async () => {
      expect(inClick).toBe(true);
      return true;
    });
    inClick = true;
    radio('auto').click();
    inClick = false;
    expect(fakeBrowser.permissions.request).toHaveBeenCalledWith({ origins: BROAD });
    await flush();
    expect(settings.runMode).toBe('auto');
  });

  test('every site refused: click mode stays, an alert says why', async () => {
    settings = migrateSettings({ runMode: 'click' });
    granted = [];
    mount();
    await flush();
    (fakeBrowser.permissions as unknown as Record<string, unknown>).request = vi.fn(async () => false);
    act(() => radio('auto').click());
    await flush();
    expect(settings.runMode).toBe('click');
    expect(radio('click').checked).toBe(true);
    expect(root.querySelector('[role="alert"]')?.textContent).toMatch(/not given/);
  });

  test('a site that runs by itself: its own access asked for in the submit, then listed; without access it offers Allow', async () => {
    settings = migrateSettings({ runMode: 'click' });
    granted = [];
    mount();
    await flush();
    const input = root.querySelector<HTMLInputElement>('#auto-site-input')!;
    act(() => {
      input.value = 'https://News.Example/world';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    act(() => {
      root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    expect(fakeBrowser.permissions.request).toHaveBeenCalledWith({ origins: ['http://news.example/*', 'https://news.example/*'] });
    await flush();
    expect(settings.autoSites).toEqual(['news.example']);
    // The fake browser granted nothing: the list shows the site without access, with Allow.
    expect(root.querySelector('[data-testid="auto-sites"]')?.textContent).toMatch(/news\.example.*no access/);
    expect(root.querySelector('button[aria-label="Allow access to news.example"]')).not.toBeNull();
  });
});
