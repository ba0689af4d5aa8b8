// Run mode and host access (src/access.ts): which origins the content script is registered for, how the
// mode follows permissions changed in the browser, injection on request, and the settings migration.
import { describe, expect, test } from 'vitest';
import {
  BROAD_ORIGINS, contentScriptMatches, createAccess, hasBroadAccess, hostGranted, isAccessRequest, isAccessResponse,
  isFromExtensionPage, modeAfterPermissionChange, modeAtStartup, patternCovers, sameMatches, siteOrigin, sitePermissions, sitesGranted, type AccessDeps,
} from '../../src/access';
import { DEFAULT_SETTINGS, SETTINGS_VERSION, isHostname, migrateSettings, type Settings } from '../../src/settings';

const settings = (over: Partial<Settings> = {}): Settings => ({ ...migrateSettings(undefined), ...over });

describe('settings migration (version 2: runMode, autoSites)', () => {
  test('a version 1 value keeps running on every site, and keeps its other fields', () => {
    const v1 = { version: 1, categories: { place: false, figure: true, claim: true }, disabledSites: ['a.com'], screenReaderMode: true };
    const s = migrateSettings(v1);
    expect(s.version).toBe(2);
    expect(SETTINGS_VERSION).toBe(2);
    expect(s.runMode).toBe('auto');
    expect(s.autoSites).toEqual([]);
    expect(s.categories.place).toBe(false);
    expect(s.disabledSites).toEqual(['a.com']);
    expect(s.screenReaderMode).toBe(true);
  });
  test('the defaults run on every site', () => {
    expect(DEFAULT_SETTINGS.runMode).toBe('auto');
    expect(migrateSettings(undefined).autoSites).toEqual([]);
  });
  test.each([
    [{ runMode: 'click' }, 'click'],
    [{ runMode: 'auto' }, 'auto'],
    [{ runMode: 'never' }, 'auto'],
    [{ runMode: 1 }, 'auto'],
  ])('runMode %j -> %s', (stored, mode) => expect(migrateSettings(stored).runMode).toBe(mode));
  test('autoSites: hostnames only, de-duplicated and sorted', () => {
    const s = migrateSettings({ runMode: 'click', autoSites: ['b.example', 'a.example', 'b.example', 'UPPER.example', 'http://x.y', '', 3, '*.example', 'localhost', '127.0.0.1'] });
    expect(s.autoSites).toEqual(['127.0.0.1', 'a.example', 'b.example', 'localhost']);
  });
  test('survives a round trip', () => {
    const s = migrateSettings({ ...settings(), runMode: 'click', autoSites: ['news.example'] });
    expect(migrateSettings(JSON.parse(JSON.stringify(s)))).toEqual(s);
  });
  test.each([['www.bbc.com', true], ['localhost', true], ['a..b', false], ['-', true], ['a/b', false], ['', false], [' a.com', false]])(
    'isHostname(%j) = %s', (h, ok) => expect(isHostname(h)).toBe(ok));
});

describe('host patterns', () => {
  test.each([
    [['http://*/*', 'https://*/*'], true],
    [['*://*/*'], true],
    [['<all_urls>'], true],
    [['https://*/*'], false],
    [['*://www.bbc.com/*'], false],
    [[], false],
  ])('hasBroadAccess(%j) = %s', (origins, ok) => expect(hasBroadAccess(origins)).toBe(ok));
  test.each([
    ['*://www.bbc.com/*', 'www.bbc.com', true],
    ['https://www.bbc.com/*', 'www.bbc.com', true],
    ['*://www.bbc.com/*', 'bbc.com', false],
    ['*://*.bbc.com/*', 'www.bbc.com', true],
    ['*://*.bbc.com/*', 'bbc.com', true],
    ['*://*.bbc.com/*', 'notbbc.com', false],
    ['http://*/*', 'anything.example', true],
    ['<all_urls>', 'x.example', true],
    ['ftp://x.example/*', 'x.example', false],
    ['nonsense', 'x.example', false],
  ])('patternCovers(%j, %j) = %s', (p, h, ok) => expect(patternCovers(p, h)).toBe(ok));
  test('a site pattern covers both schemes', () => {
    expect(siteOrigin('news.example')).toBe('*://news.example/*');
    expect(hostGranted('news.example', [siteOrigin('news.example')])).toBe(true);
    expect(hostGranted('other.example', [siteOrigin('news.example')])).toBe(false);
    expect(sitePermissions('news.example')).toEqual(['http://news.example/*', 'https://news.example/*']);
    expect(hostGranted('news.example', sitePermissions('news.example'))).toBe(true);
  });
  test('sameMatches ignores order and repeats', () => {
    expect(sameMatches(['b', 'a'], ['a', 'b', 'a'])).toBe(true);
    expect(sameMatches(undefined, [])).toBe(true);
    expect(sameMatches(['a'], ['a', 'b'])).toBe(false);
  });
});

describe('contentScriptMatches: which origins the content script is registered for', () => {
  const broad = [...BROAD_ORIGINS];
  test.each<[string, Partial<Settings>, string[], string[]]>([
    ['auto with the broad access: every http(s) page', { runMode: 'auto' }, broad, broad],
    ['auto, broad access withdrawn: only what is granted', { runMode: 'auto' }, ['*://a.example/*', 'chrome://favicon/*'], ['*://a.example/*']],
    ['auto, nothing granted: none', { runMode: 'auto' }, [], []],
    ['click, no sites: none, even with the broad access (Chromium keeps it)', { runMode: 'click' }, broad, []],
    ['click: listed sites with access', { runMode: 'click', autoSites: ['b.example', 'a.example'] }, ['*://a.example/*', '*://b.example/*'], ['*://a.example/*', '*://b.example/*']],
    ['click: a listed site without access is left out', { runMode: 'click', autoSites: ['a.example', 'b.example'] }, ['*://a.example/*'], ['*://a.example/*']],
    ['click: listed sites covered by the broad access kept', { runMode: 'click', autoSites: ['a.example'] }, broad, ['*://a.example/*']],
    ['click: a site covered by a wildcard grant', { runMode: 'click', autoSites: ['www.a.example'] }, ['*://*.a.example/*'], ['*://www.a.example/*']],
  ])('%s', (_, over, granted, expected) => {
    expect(contentScriptMatches(settings(over), granted)).toEqual(expected);
  });
});

describe('the mode follows permissions changed in the browser', () => {
  test.each<[Settings['runMode'], { added?: string[]; removed?: string[] }, Settings['runMode'] | undefined]>([
    ['auto', { removed: ['http://*/*', 'https://*/*'] }, 'click'],
    ['auto', { removed: ['https://*/*'] }, 'click'],
    ['auto', { removed: ['*://a.example/*'] }, undefined],
    ['click', { added: ['http://*/*', 'https://*/*'] }, 'auto'],
    ['click', { added: ['*://a.example/*'] }, undefined],
    ['auto', { added: ['http://*/*', 'https://*/*'] }, undefined],
    ['click', { removed: ['http://*/*', 'https://*/*'] }, undefined],
  ])('%s + %j -> %s', (mode, change, expected) => expect(modeAfterPermissionChange(mode, change)).toBe(expected));
  test('at start-up, auto mode without the broad access is click mode', () => {
    expect(modeAtStartup('auto', [])).toBe('click');
    expect(modeAtStartup('auto', [...BROAD_ORIGINS])).toBe('auto');
    expect(modeAtStartup('click', [...BROAD_ORIGINS])).toBe('click');
  });
});

describe('sitesGranted: hosts whose own access was given', () => {
  test.each([
    [['http://news.example/*', 'https://news.example/*'], ['news.example']],
    [['*://b.example/*', 'https://a.example/path/*'], ['a.example', 'b.example']],
    [['http://*/*', 'https://*/*'], []],
    [['*://*.example.com/*'], []],
    [['<all_urls>', 'file:///*'], []],
  ])('%j -> %j', (added, hosts) => expect(sitesGranted(added)).toEqual(hosts));
});

describe('messages', () => {
  test.each([
    [{ type: 'access:inject', tabId: 3 }, true],
    [{ type: 'access:inject', tabId: 3, force: true }, true],
    [{ type: 'access:inject', tabId: -1 }, false],
    [{ type: 'access:inject', tabId: 1.5 }, false],
    [{ type: 'access:inject', tabId: '3' }, false],
    [{ type: 'access:inject', tabId: 3, force: 'yes' }, false],
    [{ type: 'popup:get-state' }, false],
    [null, false],
  ])('isAccessRequest(%j) = %s', (m, ok) => expect(isAccessRequest(m)).toBe(ok));
  test.each([
    [{ ok: true, injected: false }, true],
    [{ ok: false, error: 'x' }, true],
    [{ ok: true }, false],
    [{ ok: false }, false],
  ])('isAccessResponse(%j) = %s', (m, ok) => expect(isAccessResponse(m)).toBe(ok));
  const ID = 'abcdefghijklmnopabcdefghijklmnop';
  const ORIGIN = `chrome-extension://${ID}/`;
  test.each([
    [{ id: ID, url: `${ORIGIN}popup.html` }, true],
    [{ id: ID, url: `${ORIGIN}popup.html?tab=3`, tab: { id: 3 } }, true],
    [{ id: ID, url: 'https://news.example/a', tab: { id: 3 } }, false],
    [{ id: ID }, false],
    [{ id: 'other', url: `${ORIGIN}popup.html` }, false],
    [undefined, false],
  ])('isFromExtensionPage(%j) = %s', (sender, ok) => expect(isFromExtensionPage(sender, ID, ORIGIN)).toBe(ok));
});

/** A fake browser: stored settings, granted origins, the registered script, tabs with or without a content script. */
function fakeDeps(init: { settings?: Partial<Settings>; granted?: string[]; registered?: string[]; running?: number[]; denied?: number[] } = {}) {
  const state = {
    settings: settings(init.settings),
    granted: [...(init.granted ?? BROAD_ORIGINS)],
    registered: init.registered as string[] | undefined,
    running: new Set(init.running ?? []),
    calls: [] as string[],
  };
  const deps: AccessDeps = {
    grantedOrigins: async () => [...state.granted],
    readSettings: async () => structuredClone(state.settings),
    setRunMode: async (m) => {
      state.calls.push(`mode ${m}`);
      state.settings = { ...state.settings, runMode: m };
    },
    registeredMatches: async () => state.registered,
    register: async (m) => {
      state.calls.push(`register ${m.join(' ')}`);
      state.registered = m;
    },
    unregister: async () => {
      state.calls.push('unregister');
      state.registered = undefined;
    },
    isRunning: async (id) => state.running.has(id),
    inject: async (id) => {
      if (init.denied?.includes(id)) throw new Error('Cannot access contents of the page.');
      state.calls.push(`inject ${id}`);
      state.running.add(id);
    },
    forceAnalyze: async (id) => void state.calls.push(`force ${id}`),
  };
  return { state, deps };
}

describe('createAccess', () => {
  test('start: registers for every site in auto mode; nothing to do when already registered', async () => {
    const { state, deps } = fakeDeps();
    const a = createAccess(deps);
    expect(await a.start()).toEqual(BROAD_ORIGINS);
    expect(await a.start()).toEqual(BROAD_ORIGINS);
    expect(state.calls).toEqual(['register http://*/* https://*/*']);
  });
  test('start: the first registration also reaches the pages already open (not those running it); later starts do not', async () => {
    const { state, deps } = fakeDeps({ running: [2] });
    deps.tabsMatching = async (m) => (m.length ? [1, 2, 3] : []);
    const a = createAccess(deps);
    await a.start();
    expect(state.calls).toEqual(['register http://*/* https://*/*', 'inject 1', 'inject 3']);
    await a.start();
    expect(state.calls).toHaveLength(3);
  });
  test('start in click mode with no sites: nothing registered, no page touched', async () => {
    const { state, deps } = fakeDeps({ settings: { runMode: 'click' } });
    deps.tabsMatching = async () => [1];
    expect(await createAccess(deps).start()).toEqual([]);
    expect(state.calls).toEqual([]);
  });
  test('start: auto mode whose broad access was withdrawn becomes click mode and unregisters', async () => {
    const { state, deps } = fakeDeps({ granted: [], registered: [...BROAD_ORIGINS] });
    expect(await createAccess(deps).start()).toEqual([]);
    expect(state.calls).toEqual(['mode click', 'unregister']);
  });
  test('switching to click mode unregisters; a listed site registers just that site', async () => {
    const { state, deps } = fakeDeps();
    const a = createAccess(deps);
    await a.start();
    state.settings.runMode = 'click';
    expect(await a.sync()).toEqual([]);
    state.settings.autoSites = ['news.example'];
    state.granted = ['*://news.example/*'];
    expect(await a.permissionsChanged({ added: ['*://news.example/*'] })).toEqual(['*://news.example/*']);
    expect(state.calls).toEqual(['register http://*/* https://*/*', 'unregister', 'register *://news.example/*']);
  });
  test('the browser withdrawing the broad access switches to click mode', async () => {
    const { state, deps } = fakeDeps({ registered: [...BROAD_ORIGINS] });
    state.granted = [];
    expect(await createAccess(deps).permissionsChanged({ removed: [...BROAD_ORIGINS] })).toEqual([]);
    expect(state.settings.runMode).toBe('click');
    expect(state.calls).toEqual(['mode click', 'unregister']);
  });
  test('a site given access in click mode (through the browser too) runs by itself', async () => {
    const { state, deps } = fakeDeps({ settings: { runMode: 'click' }, granted: [] });
    deps.addAutoSites = async (hosts) => {
      state.calls.push(`sites ${hosts.join(' ')}`);
      state.settings = { ...state.settings, autoSites: [...state.settings.autoSites, ...hosts].sort() };
    };
    state.granted = ['http://news.example/*', 'https://news.example/*'];
    expect(await createAccess(deps).permissionsChanged({ added: [...state.granted] })).toEqual(['*://news.example/*']);
    expect(state.calls).toEqual(['sites news.example', 'register *://news.example/*']);
  });
  test('in auto mode a site given access is not listed (it runs anyway)', async () => {
    const { state, deps } = fakeDeps();
    deps.addAutoSites = async (hosts) => void state.calls.push(`sites ${hosts.join(' ')}`);
    await createAccess(deps).permissionsChanged({ added: ['https://news.example/*'] });
    expect(state.calls.filter((c) => c.startsWith('sites'))).toEqual([]);
  });
  test('the broad access given back switches to auto mode', async () => {
    const { state, deps } = fakeDeps({ settings: { runMode: 'click' }, granted: [] });
    state.granted = [...BROAD_ORIGINS];
    expect(await createAccess(deps).permissionsChanged({ added: [...BROAD_ORIGINS] })).toEqual(BROAD_ORIGINS);
    expect(state.settings.runMode).toBe('auto');
  });
  test('syncs run one at a time: a registration never starts while another is under way', async () => {
    const { state, deps } = fakeDeps({ settings: { runMode: 'auto' } });
    const log: string[] = [];
    deps.register = async (m) => {
      log.push('start');
      await new Promise((r) => setTimeout(r, 5));
      state.registered = m;
      log.push('end');
    };
    deps.unregister = async () => {
      log.push('start');
      await new Promise((r) => setTimeout(r, 5));
      state.registered = undefined;
      log.push('end');
    };
    const a = createAccess(deps);
    const first = a.sync();
    const flip = (async () => {
      await new Promise((r) => setTimeout(r, 1));
      state.settings = { ...state.settings, runMode: 'click' };
    })();
    const second = flip.then(() => a.sync());
    expect(await Promise.all([first, second])).toEqual([BROAD_ORIGINS, []]);
    expect(log).toEqual(['start', 'end', 'start', 'end']);
    expect(state.registered).toBeUndefined();
  });
  test('inject: into a tab without a content script; not again where one answers (force analyses there)', async () => {
    const { state, deps } = fakeDeps({ running: [7] });
    const a = createAccess(deps);
    expect(await a.inject(5)).toEqual({ ok: true, injected: true });
    expect(await a.inject(5)).toEqual({ ok: true, injected: false });
    expect(await a.inject(7, true)).toEqual({ ok: true, injected: false });
    expect(state.calls).toEqual(['inject 5', 'force 7']);
  });
  test('inject: refused access is an answer, not a throw', async () => {
    const { deps } = fakeDeps({ denied: [9] });
    expect(await createAccess(deps).inject(9)).toEqual({ ok: false, error: 'Cannot access contents of the page.' });
  });
});
