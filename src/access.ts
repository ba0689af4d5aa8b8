// Where Factmark may run by itself (issue 5): the run mode against the host permissions the browser holds,
// which origins the content script is registered for, and injection into one tab when the user asks.
import { isHostname, type Settings } from './settings';

/** The broad host access that running on every site needs (manifest `host_permissions`). */
export const BROAD_ORIGINS = ['http://*/*', 'https://*/*'];
/** The id of the content script registered with scripting.registerContentScripts. */
export const CONTENT_SCRIPT_ID = 'factmark-content';
/** The built content script (WXT writes entrypoints/content.ts there). */
export const CONTENT_SCRIPT_FILE = '/content-scripts/content.js';

/** Do these granted origins cover every http and https page? */
export function hasBroadAccess(origins: readonly string[]): boolean {
  const s = new Set(origins);
  return s.has('<all_urls>') || s.has('*://*/*') || (s.has('http://*/*') && s.has('https://*/*'));
}

/** The content script's match pattern for one site: http and https, every path. */
export function siteOrigin(host: string): string {
  return `*://${host}/*`;
}

/**
 * The host permissions one site needs, one per scheme: Chromium grants `*://host/*` as http and https
 * but then answers permissions.contains({ origins: ['*://host/*'] }) with false, and asks again.
 */
export function sitePermissions(host: string): string[] {
  return [`http://${host}/*`, `https://${host}/*`];
}

/** Does one granted match pattern cover (some scheme of) this hostname? */
export function patternCovers(pattern: string, host: string): boolean {
  if (pattern === '<all_urls>') return true;
  const m = /^(\*|https?):\/\/([^/]+)\//.exec(pattern);
  if (!m) return false;
  const h = m[2]!.toLowerCase();
  if (h === '*') return true;
  if (h.startsWith('*.')) {
    const base = h.slice(2);
    return host === base || host.endsWith(`.${base}`);
  }
  return h === host;
}

/** Has the browser granted access to this hostname (through the broad access or the site's own)? */
export function hostGranted(host: string, granted: readonly string[]): boolean {
  return granted.some((p) => patternCovers(p, host));
}

/**
 * The match patterns to register the content script for, sorted, or [] for none: in 'auto' mode every
 * http(s) page (where the broad access is granted; else only the origins that are); in 'click' mode the
 * user's sites that the browser still grants access to.
 */
export function contentScriptMatches(settings: Pick<Settings, 'runMode' | 'autoSites'>, granted: readonly string[]): string[] {
  if (settings.runMode === 'auto') {
    if (hasBroadAccess(granted)) return [...BROAD_ORIGINS];
    return [...new Set(granted.filter((p) => /^(\*|https?):\/\/[^/]+\//.test(p)))].sort();
  }
  return [...new Set(settings.autoSites.filter((h) => isHostname(h) && hostGranted(h, granted)).map(siteOrigin))].sort();
}

/**
 * The run mode after the browser's host permissions changed outside Factmark (the browser's own site
 * access settings, about:addons, or a prompt the user answered): the broad access withdrawn means click
 * mode; the broad access given (while in click mode) means every site again. Undefined: no change.
 */
export function modeAfterPermissionChange(
  current: Settings['runMode'],
  change: { added?: readonly string[]; removed?: readonly string[] },
): Settings['runMode'] | undefined {
  if (current === 'auto' && change.removed && BROAD_ORIGINS.some((o) => change.removed!.includes(o))) return 'click';
  if (current === 'click' && change.added && hasBroadAccess(change.added)) return 'auto';
  return undefined;
}

/**
 * The sites whose own access was just given (one host, not a wildcard): in click mode they run by
 * themselves, whether the user gave it through Factmark ("Always run here") or through the browser
 * (Chromium's "On specific sites", or "Allow on this site").
 */
export function sitesGranted(added: readonly string[]): string[] {
  const hosts = added.flatMap((p) => {
    const m = /^(\*|https?):\/\/([^/*]+)\//.exec(p);
    const host = m?.[2]?.toLowerCase();
    return host && isHostname(host) ? [host] : [];
  });
  return [...new Set(hosts)].sort();
}

/** At start-up: 'auto' mode without the broad access (withdrawn while Factmark was not running) is click mode. */
export function modeAtStartup(current: Settings['runMode'], granted: readonly string[]): Settings['runMode'] {
  return current === 'auto' && !hasBroadAccess(granted) ? 'click' : current;
}

/** Are two lists of match patterns the same set? */
export function sameMatches(a: readonly string[] | undefined, b: readonly string[]): boolean {
  const x = [...new Set(a ?? [])].sort();
  const y = [...new Set(b)].sort();
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

/** extension page -> background: run Factmark in this tab now (the popup, on the user's click). */
export type AccessRequest = { type: 'access:inject'; tabId: number; force?: boolean };
/** The background's answer: whether it injected the content script, or why it could not. */
export type AccessResponse = { ok: true; injected: boolean } | { ok: false; error: string };

export function isAccessRequest(m: unknown): m is AccessRequest {
  if (typeof m !== 'object' || m === null || Array.isArray(m)) return false;
  const o = m as Record<string, unknown>;
  return o.type === 'access:inject' && typeof o.tabId === 'number' && Number.isSafeInteger(o.tabId) && o.tabId >= 0 &&
    (o.force === undefined || typeof o.force === 'boolean');
}

export function isAccessResponse(m: unknown): m is AccessResponse {
  if (typeof m !== 'object' || m === null) return false;
  const o = m as Record<string, unknown>;
  return (o.ok === true && typeof o.injected === 'boolean') || (o.ok === false && typeof o.error === 'string');
}

/** A request to the background may come only from the extension's own pages (not a content script). */
export function isFromExtensionPage(sender: { id?: string; url?: string } | undefined, extensionId: string, origin: string): boolean {
  return !!sender && !!extensionId && sender.id === extensionId && typeof sender.url === 'string' && origin.length > 0 && sender.url.startsWith(origin);
}

/** What the access controller needs from the browser; injected so it runs in unit tests. */
export interface AccessDeps {
  /** permissions.getAll().origins */
  grantedOrigins(): Promise<string[]>;
  readSettings(): Promise<Settings>;
  /** Stores a new run mode (merged into the latest stored settings). */
  setRunMode(mode: Settings['runMode']): Promise<void>;
  /** Adds hostnames to the sites that run by themselves in click mode (merged into the latest stored settings). */
  addAutoSites?(hosts: string[]): Promise<void>;
  /**
   * The match patterns of our registered content script, or undefined when none is registered; [] for a
   * registration that must be made again (one of an older shape), so that sync updates or removes it.
   */
  registeredMatches(): Promise<string[] | undefined>;
  /** Registers (or updates) our content script for these patterns. */
  register(matches: string[]): Promise<void>;
  unregister(): Promise<void>;
  /** Does a Factmark content script answer in this tab? */
  isRunning(tabId: number): Promise<boolean>;
  /** scripting.executeScript of the content script into the tab's top frame. */
  inject(tabId: number): Promise<void>;
  /** Asks the running content script to analyse even a page that does not look like an article. */
  forceAnalyze(tabId: number): Promise<void>;
  /** Ids of the open tabs whose pages these patterns match (tabs.query({ url })). */
  tabsMatching?(matches: string[]): Promise<number[]>;
}

export function createAccess(deps: AccessDeps) {
  let queue: Promise<unknown> = Promise.resolve();
  /** One change at a time: registration calls must not interleave. */
  const serial = <T>(job: () => Promise<T>): Promise<T> => {
    const run = queue.then(job, job);
    queue = run.catch(() => undefined);
    return run;
  };

  /** Brings the registered content script in line with the settings and the granted access; returns its patterns. */
  const sync = () =>
    serial(async () => {
      const [settings, granted, current] = await Promise.all([deps.readSettings(), deps.grantedOrigins(), deps.registeredMatches()]);
      const matches = contentScriptMatches(settings, granted);
      if (!matches.length) {
        if (current !== undefined) await deps.unregister();
      } else if (current === undefined || !sameMatches(current, matches)) {
        await deps.register(matches);
      }
      return matches;
    });

  return {
    sync,
    /**
     * At start-up: the mode follows access withdrawn meanwhile, then the registration follows both. When
     * nothing was registered before (just installed, or a browser that does not keep registrations), the
     * pages already open that the registration covers get the content script too: they loaded without it.
     */
    async start(): Promise<string[]> {
      const [settings, granted, before] = await Promise.all([deps.readSettings(), deps.grantedOrigins(), deps.registeredMatches()]);
      const mode = modeAtStartup(settings.runMode, granted);
      if (mode !== settings.runMode) await deps.setRunMode(mode);
      const matches = await sync();
      if (before === undefined && matches.length && deps.tabsMatching) {
        const ids = await deps.tabsMatching(matches).catch(() => []);
        await Promise.all(ids.map((id) => inject(id)));
      }
      return matches;
    },
    /** permissions.onAdded / onRemoved. */
    async permissionsChanged(change: { added?: string[]; removed?: string[] }): Promise<string[]> {
      const settings = await deps.readSettings();
      const mode = modeAfterPermissionChange(settings.runMode, change);
      if (mode) await deps.setRunMode(mode);
      const sites = sitesGranted(change.added ?? []).filter((h) => !settings.autoSites.includes(h));
      if ((mode ?? settings.runMode) === 'click' && sites.length && deps.addAutoSites) await deps.addAutoSites(sites);
      return sync();
    },
    inject,
  };

  /**
   * Runs Factmark in one tab on the user's request (the popup's click or the keyboard command, which
   * grant activeTab): injects the content script unless one already answers there; with `force`, a
   * running one analyses even a page that does not look like an article.
   */
  async function inject(tabId: number, force = false): Promise<AccessResponse> {
    try {
      if (await deps.isRunning(tabId)) {
        if (force) await deps.forceAnalyze(tabId);
        return { ok: true, injected: false };
      }
      await deps.inject(tabId);
      return { ok: true, injected: true };
    } catch (err) {
      return { ok: false, error: err instanceof Error ? err.message : String(err) };
    }
  }
}
