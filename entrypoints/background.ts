// Background (service worker in Chromium, event page in Firefox): loads the bundled reference once,
// adds the user's imported reports to it (rebuilt when they change), analyses the articles content
// scripts send, keeps per-tab results in memory and sets the toolbar badge.
import { browser, type Browser } from 'wxt/browser';
import { analyze } from '../src/analyze';
import { shiftResult } from '../src/shift';
import { createReference } from '../src/reference';
import type { Reference, ReferenceReport } from '../src/reference/types';
import { validateReports } from '../src/reference/reports';
import { IMPORTED_REPORTS_KEY, parseStoredReports } from '../src/ui/imported-reports';
import { INCOMPLETE_COPY, isContentToBackground, MAX_EXTRACT_HTML, type AnalyzeResponse, type ArticlePart, type ExtractResponse, type RemoteExtraction } from '../src/messages';
import { parseHTML } from 'linkedom';
import { publishedDate, remoteTitleAndDate } from '../src/article/extract';
import { readabilityBlocks } from '../src/article/readability';
import { BLOCK_SEPARATOR } from '../src/article/text-model';
import { MAX_ARTICLE_CHARS, MAX_SLICE_CHARS, sliceText } from '../src/article/slices';
import { migrateSettings, SETTINGS_KEY, type Settings } from '../src/settings';
import { CONTENT_SCRIPT_FILE, CONTENT_SCRIPT_ID, createAccess, isAccessRequest, isFromExtensionPage } from '../src/access';
import { PAGE_SHEET_FILE } from '../src/page/styles';
import { trace } from '../src/page/trace';
import type { AnalysisResult, Annotation, Category, Summary, VerdictKind } from '../src/types';

/** What the background needs from the browser; injected so the logic runs in unit tests. */
export interface BackgroundDeps {
  /** Loads the bundled reference (gazetteer and bundled reports); called at most once while it succeeds. */
  loadReference(): Promise<Reference>;
  /**
   * Reads the stored value of the user's imported reports (storage.local[IMPORTED_REPORTS_KEY]);
   * called once, then again only after a failed read. Without it, only the bundled reports are used.
   */
  loadImported?(): Promise<unknown>;
  setBadge(tabId: number, text: string): void;
  /** The extension's own id, for the sender check. */
  extensionId: string;
}

export interface TabResult {
  url: string;
  /** The whole article's result: every piece received so far, merged (offsets index the whole text). */
  result: AnalysisResult;
  /** When the article came in pieces: how many, and each piece received (by index), already shifted. */
  parts?: { of: number; pieces: Map<number, PartResult> };
}

/** One piece's result, with offsets and ids already in the whole article's terms. */
export interface PartResult {
  start: number;
  /** End of the piece in the whole article text. */
  end: number;
  result: AnalysisResult;
}

/**
 * A piece's result moved to the whole article: offsets shifted by `part.start` (spans, a claim's source
 * and cue, evidence refs into the text), ids rebuilt from them.
 */
export function shiftPart(r: AnalysisResult, part: ArticlePart, length: number): PartResult {
  return { start: part.start, end: part.start + length, result: { ...shiftResult(r, part.start), summary: r.summary } };
}

/** One result for the whole article from its pieces: annotations in order, counts and tallies summed. */
export function mergeParts(pieces: Iterable<PartResult>): AnalysisResult {
  const sorted = [...pieces].sort((a, b) => a.start - b.start);
  const seen = new Set<string>();
  const annotations: Annotation[] = [];
  const verdicts: AnalysisResult['verdicts'] = [];
  let words = 0;
  for (const p of sorted) {
    for (const a of p.result.annotations) {
      if (seen.has(a.id)) continue;
      seen.add(a.id);
      annotations.push(a);
    }
    verdicts.push(...p.result.verdicts);
    words += p.result.summary?.words ?? 0;
  }
  annotations.sort((a, b) => a.start - b.start || b.end - a.end || a.id.localeCompare(b.id));
  const ids = new Set(annotations.map((a) => a.id));
  const judged = new Set<string>();
  const kept = verdicts.filter((v) => {
    if (!ids.has(v.annotationId) || judged.has(v.annotationId)) return false;
    judged.add(v.annotationId);
    return true;
  });
  const counts: Record<Category, number> = { place: 0, figure: 0, claim: 0 };
  for (const a of annotations) counts[a.category]++;
  const tally: Record<VerdictKind, number> = { consistent: 0, differs: 0, variant: 0, ambiguous: 0, unverified: 0 };
  for (const v of kept) tally[v.kind]++;
  const summary: Summary = { counts, verdicts: tally, words };
  return { annotations, verdicts: kept, summary };
}

/**
 * The tab's result after one more analysed piece. A piece of another page, of an article cut
 * differently, or without `part` starts afresh; a piece received again replaces the earlier one
 * (and any piece it overlaps: the article's text moved under it).
 */
export function addPart(prev: TabResult | undefined, url: string, result: AnalysisResult, part: ArticlePart | undefined, length: number): TabResult {
  if (!part || part.of === 1) {
    const whole = part && part.start ? mergeParts([shiftPart(result, part, length)]) : result;
    return { url, result: whole };
  }
  const piece = shiftPart(result, part, length);
  const same = prev?.url === url && prev.parts?.of === part.of;
  const pieces = new Map<number, PartResult>();
  if (same) {
    for (const [i, p] of prev!.parts!.pieces) {
      const overlaps = p.start < piece.end && piece.start < p.end;
      if (i !== part.index && !overlaps) pieces.set(i, p);
    }
  }
  pieces.set(part.index, piece);
  return { url, result: mergeParts(pieces.values()), parts: { of: part.of, pieces } };
}

/** Minimal sender shape (runtime.MessageSender) the checks read. */
export interface SenderLike {
  id?: string;
  /** The sending frame's URL (the page's, for a top-frame content script). */
  url?: string;
  tab?: { id?: number; url?: string };
}

/**
 * The first piece of an article, analysed as soon as Readability found it, while the content
 * script locates the blocks in the page: the page's analysis request, when it asks for exactly
 * this (same text, URL, title and date, tab not moved on), takes this result instead of waiting.
 */
interface AnalysedAhead {
  gen: number;
  url: string;
  title: string;
  published: string | undefined;
  text: string;
  done: Promise<{ ref: Reference; result: AnalysisResult } | undefined>;
}

/** Badge text for a tab's result: the number of marks painted (enabled categories), empty when none. */
export function badgeText(result: AnalysisResult | undefined, categories: Record<Category, boolean>): string {
  if (!result) return '';
  const n = result.annotations.filter((a) => categories[a.category]).length;
  if (n === 0) return '';
  return n > 999 ? '999+' : String(n);
}

/**
 * The stored imported reports -> the valid ones. Nothing stored gives none; a value that fails
 * validation is ignored as a whole (with a console warning) and the bundled reports keep working.
 */
export function importedFromStorage(stored: unknown, warn: (msg: string) => void = (m) => console.warn(m)): ReferenceReport[] {
  if (stored === undefined || stored === null) return [];
  const reports = parseStoredReports(stored);
  if (reports.length) return reports;
  const list = typeof stored === 'object' ? (stored as { reports?: unknown }).reports : undefined;
  if (Array.isArray(list) && list.length === 0) return [];
  const problems = Array.isArray(list) ? validateReports(list).problems : ['expected { version, reports: [...] }'];
  warn(`[factmark] imported reports in storage ignored: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? ` (and ${problems.length - 5} more)` : ''}`);
  return [];
}

/**
 * The reference for analysis: the bundled one plus the imported reports whose id is not a bundled
 * report's (the same thing createReference(gazetteer, bundled, imported) builds, without parsing
 * the gazetteer again: the parsed one is shared).
 */
export function withImported(bundled: Reference, imported: readonly ReferenceReport[]): Reference {
  const ids = new Set(bundled.reports.map((r) => r.id));
  const extra = imported.filter((r) => !ids.has(r.id));
  return extra.length ? { gazetteer: bundled.gazetteer, reports: [...bundled.reports, ...extra] } : bundled;
}

function hostname(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

export function createBackground(deps: BackgroundDeps) {
  let reference: Promise<Reference> | undefined;
  /** The imported reports (validated), read once from storage and replaced when storage changes. */
  let imported: Promise<ReferenceReport[]> | undefined;
  /** The last combined reference and what it was built from, so it is rebuilt only on a change. */
  let combined: { base: Reference; extra: ReferenceReport[]; ref: Reference } | undefined;
  let settings: Settings = migrateSettings(undefined);
  const tabs = new Map<number, TabResult>();
  /** Bumped when a tab navigates or closes: an analysis begun before that no longer speaks for the tab. */
  const generation = new Map<number, number>();
  const genOf = (tabId: number) => generation.get(tabId) ?? 0;
  const ahead = new Map<number, AnalysedAhead>();
  /** Page copies arriving in pieces, one per tab (a new copy replaces an unfinished one). */
  const copies = new Map<number, { copy: string; parts: string[]; size: number }>();

  /** The whole copy of a `content:extract` that ends one sent in pieces; null when a piece is missing. */
  function joinCopy(tabId: number, copy: string, parts: number, tail: string): string | null {
    const c = copies.get(tabId);
    copies.delete(tabId);
    if (!c || c.copy !== copy || c.parts.length !== parts || c.size + tail.length > MAX_EXTRACT_HTML) return null;
    for (let i = 0; i < parts; i++) if (typeof c.parts[i] !== 'string') return null;
    return c.parts.join('') + tail;
  }

  /**
   * After answering an extraction: the first piece the content script will most likely send (the
   * blocks joined as the located text joins them, cut as it cuts them), analysed in a later task.
   */
  function analyseAhead(tabId: number, url: string, got: RemoteExtraction, page: PageMeta): void {
    try {
      const { title, published } = remoteTitleAndDate(got, page.title, page.published);
      const whole = got.blocks.join(BLOCK_SEPARATOR);
      const first = sliceText(whole, MAX_SLICE_CHARS, MAX_ARTICLE_CHARS)[0];
      if (!first) return;
      const text = whole.slice(first.start, first.end);
      const entry: AnalysedAhead = { gen: genOf(tabId), url, title, published, text, done: Promise.resolve(undefined) };
      entry.done = new Promise<void>((ok) => setTimeout(ok, 0))
        .then(async () => {
          const ref = await getReference();
          if (ahead.get(tabId) !== entry) return undefined; // taken, replaced or forgotten meanwhile
          trace('bg:ahead');
          const result = analyze(text, ref, { published, url, title });
          trace('bg:ahead-done');
          return { ref, result };
        })
        .catch(() => undefined);
      ahead.set(tabId, entry);
    } catch {
      // only a head start
    }
  }

  /** The result analysed ahead for exactly this request, if any (used once). */
  async function takeAhead(tabId: number, article: { url: string; title: string; published?: string; text: string }, gen: number, ref: Reference): Promise<AnalysisResult | undefined> {
    const a = ahead.get(tabId);
    if (!a) return undefined;
    ahead.delete(tabId);
    if (a.gen !== gen || a.url !== article.url || a.title !== article.title || a.published !== article.published || a.text !== article.text) return undefined;
    const got = await a.done;
    return got && got.ref === ref ? got.result : undefined;
  }

  /** The bundled reference, loaded once; a failed load is retried on the next request rather than cached. */
  function getBundled(): Promise<Reference> {
    if (!reference) {
      reference = deps.loadReference().catch((err: unknown) => {
        reference = undefined;
        throw err;
      });
    }
    return reference;
  }

  /** The imported reports; a failed storage read counts as none and is retried next time. */
  function getImported(): Promise<ReferenceReport[]> {
    if (!imported) {
      if (!deps.loadImported) return Promise.resolve([]);
      const p: Promise<ReferenceReport[]> = deps.loadImported().then(
        (stored) => importedFromStorage(stored),
        (err: unknown) => {
          if (imported === p) imported = undefined;
          console.warn('[factmark] could not read imported reports:', err);
          return [];
        },
      );
      imported = p;
    }
    return imported;
  }

  /** The reference for analysis: bundled plus imported reports, rebuilt only when either changed. */
  async function getReference(): Promise<Reference> {
    const [base, extra] = await Promise.all([getBundled(), getImported()]);
    if (combined?.base !== base || combined.extra !== extra) combined = { base, extra, ref: withImported(base, extra) };
    return combined.ref;
  }

  function refreshBadge(tabId: number): void {
    const tab = tabs.get(tabId);
    const off = tab !== undefined && settings.disabledSites.includes(hostname(tab.url));
    deps.setBadge(tabId, off ? '' : badgeText(tab?.result, settings.categories));
  }

  /** Answers one message; undefined for messages that are not ours or not from our content scripts. */
  async function handleMessage(message: unknown, sender: SenderLike): Promise<AnalyzeResponse | ExtractResponse | undefined> {
    if (!isContentToBackground(message)) return undefined;
    if (sender.id !== deps.extensionId) return undefined;
    const tabId = sender.tab?.id;
    if (typeof tabId !== 'number' || tabId < 0) return undefined;

    if (message.type === 'content:extract-part') {
      // Kept until the copy's last piece comes; a piece of another copy starts over.
      let c = copies.get(tabId);
      if (!c || c.copy !== message.copy) copies.set(tabId, (c = { copy: message.copy, parts: [], size: 0 }));
      if (c.parts[message.seq] === undefined) {
        c.parts[message.seq] = message.html;
        c.size += message.html.length;
      }
      if (c.size > MAX_EXTRACT_HTML) copies.delete(tabId);
      return undefined;
    }

    if (message.type === 'content:extract') {
      ahead.delete(tabId);
      const html = message.copy === undefined ? message.html : joinCopy(tabId, message.copy, message.parts ?? 0, message.html);
      if (html === null) return { ok: false, error: INCOMPLETE_COPY };
      const url = sender.url ?? sender.tab?.url;
      trace('bg:extract');
      const { response, page } = extractWithMeta(html, typeof url === 'string');
      trace('bg:extracted');
      if (response.ok && response.article && page && typeof url === 'string') analyseAhead(tabId, url, response.article, page);
      return response;
    }

    if (message.type === 'content:wake') {
      // Receiving it started this worker (and its warm-up) if it was stopped; the reference is on its way.
      getReference().catch(() => undefined);
      return undefined;
    }

    if (message.type === 'content:no-article') {
      ahead.delete(tabId);
      tabs.delete(tabId);
      refreshBadge(tabId);
      return undefined;
    }
    const { article } = message;
    const gen = genOf(tabId);
    try {
      trace('bg:analyze');
      const ref = await getReference();
      // A preview is answered but neither takes the analysis made ahead nor becomes the tab's result.
      const result = (article.preview ? undefined : await takeAhead(tabId, article, gen, ref)) ??
        analyze(article.text, ref, { published: article.published, url: article.url, title: article.title });
      trace('bg:analyzed');
      if (article.preview) return { ok: true, result };
      if (genOf(tabId) === gen) {
        tabs.set(tabId, addPart(tabs.get(tabId), article.url, result, article.part, article.text.length));
        refreshBadge(tabId);
      }
      return { ok: true, result };
    } catch (err) {
      if (!article.preview) {
        tabs.delete(tabId);
        refreshBadge(tabId);
      }
      return { ok: false, error: err instanceof Error ? err.message : String(err) };
    }
  }

  return {
    handleMessage,
    getReference,
    /** Results of one tab, while it shows the page they were made for. */
    result: (tabId: number): TabResult | undefined => tabs.get(tabId),
    forgetTab(tabId: number): void {
      generation.set(tabId, genOf(tabId) + 1);
      ahead.delete(tabId);
      copies.delete(tabId);
      tabs.delete(tabId);
      refreshBadge(tabId);
    },
    /** The stored imported reports changed (storage.onChanged): the next analysis uses the new ones. */
    setImported(stored: unknown): void {
      imported = Promise.resolve(importedFromStorage(stored));
    },
    /** New settings: badges follow the categories that are switched on and the sites switched off. */
    applySettings(next: Settings): void {
      settings = next;
      for (const tabId of tabs.keys()) refreshBadge(tabId);
    },
  };
}

/**
 * Readability on a page copy serialised by the content script (scripts, styles and media already
 * left out), parsed with linkedom: no script runs, nothing loads, and the page's main thread is free.
 */
export function extractRemote(html: string): ExtractResponse {
  return extractWithMeta(html, false).response;
}

/** The page copy's own title and publication date, read before Readability changes the copy. */
interface PageMeta {
  title: string;
  published: string | undefined;
}

/** The same, with (when `withMeta`) the copy's title and date, for analysing ahead. */
function extractWithMeta(html: string, withMeta: boolean): { response: ExtractResponse; page?: PageMeta } {
  try {
    const copy = parseHTML(html).document as unknown as Document;
    let page: PageMeta | undefined;
    try {
      page = withMeta ? { title: copy.title ?? '', published: publishedDate(copy) } : undefined;
    } catch {
      page = undefined;
    }
    return { response: { ok: true, article: readabilityBlocks(copy) }, page };
  } catch (err) {
    return { response: { ok: false, error: err instanceof Error ? err.message : String(err) } };
  }
}

/** A tiny article that touches every stage once (places, figures, claims; Readability on linkedom). */
const WARM_TEXT = 'Officials said on Monday that 1,200 people were evacuated from Kharkiv, about 40 km from the border. ' +
  'The mayor of Paris told reporters the city had spent 3.5 million euros on repairs in 2022.';
const WARM_HTML = `<html><head><title>Warm</title></head><body><article><h1>Warm</h1><p>${WARM_TEXT}</p><p>${WARM_TEXT}</p></article></body></html>`;

/** Runs analysis and extraction once on the samples (results dropped); never throws. */
export function warmUp(ref: Reference): void {
  try {
    analyze(WARM_TEXT, ref, { url: 'https://example.invalid/', title: 'Warm' });
    extractWithMeta(WARM_HTML, true);
  } catch {
    // only a warm-up
  }
}

/** The keyboard command (manifest `commands`) that turns every highlight off, or back on. */
export const TOGGLE_COMMAND = 'toggle-highlights';
/** Where the categories switched on before the command turned them all off are kept, to restore them. */
export const TOGGLE_RESTORE_KEY = 'factmark:toggle-restore';

/**
 * The categories after the toggle command: any on -> all off (remembering which were on); all off
 * -> those remembered, or all of them when nothing (valid, non-empty) was remembered.
 */
export function toggledCategories(
  current: Record<Category, boolean>,
  remembered: unknown,
): { categories: Record<Category, boolean>; remember: Record<Category, boolean> | null } {
  const anyOn = current.place || current.figure || current.claim;
  if (anyOn) return { categories: { place: false, figure: false, claim: false }, remember: { ...current } };
  const r = migrateSettings({ categories: remembered }).categories;
  const valid = typeof remembered === 'object' && remembered !== null && (r.place || r.figure || r.claim);
  return { categories: valid ? r : { place: true, figure: true, claim: true }, remember: null };
}

/** The part of storage.local the command needs. */
export interface StorageLike {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/**
 * Flips every highlight through the stored settings, which every tab listens to. Other fields of
 * the stored settings (whatever their version) are kept as they are.
 */
export async function runToggleCommand(storage: StorageLike): Promise<Record<Category, boolean>> {
  const stored = await storage.get(SETTINGS_KEY);
  const kept = await storage.get(TOGGLE_RESTORE_KEY);
  const raw = stored[SETTINGS_KEY];
  const base = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const current = migrateSettings(raw);
  const { categories, remember } = toggledCategories(current.categories, kept[TOGGLE_RESTORE_KEY]);
  const next = { ...base, version: current.version, categories };
  await storage.set(remember ? { [SETTINGS_KEY]: next, [TOGGLE_RESTORE_KEY]: remember } : { [SETTINGS_KEY]: next });
  return categories;
}

/** The stored value of the imported reports (validated by the background, not here). */
export function readStoredImports(): Promise<unknown> {
  return browser.storage.local.get(IMPORTED_REPORTS_KEY).then((stored) => stored[IMPORTED_REPORTS_KEY]);
}

/** Calls back with the new stored value whenever the imported reports in storage.local change. */
export function watchStoredImports(onChange: (stored: unknown) => void): () => void {
  const listener = (changes: Record<string, Browser.storage.StorageChange>, area: string) => {
    if (area === 'local' && IMPORTED_REPORTS_KEY in changes) onChange(changes[IMPORTED_REPORTS_KEY]?.newValue);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** The browser action: `action` in MV3, `browserAction` in Firefox's MV2 build. */
interface BadgeApi {
  setBadgeText(details: { tabId?: number; text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { color: string }): Promise<void>;
}

function badgeApi(): BadgeApi | undefined {
  const b = browser as unknown as { action?: BadgeApi; browserAction?: BadgeApi };
  return b.action ?? b.browserAction;
}

async function fetchJson(path: string): Promise<unknown> {
  const url = (browser.runtime.getURL as (p: string) => string)(path);
  const res = await fetch(url);
  if (!res.ok) throw new Error(`Could not load ${path}: HTTP ${res.status}`);
  return res.json();
}

/** The keyboard command that runs Factmark in the current tab (activeTab), for click-only mode. */
export const RUN_COMMAND = 'run-on-page';

/**
 * Run mode and host access (src/access.ts) wired to the browser: the content script registered for the
 * origins the mode and the granted access allow (again on every start, settings change and permission
 * change), and injection into one tab when the user asks (the popup, or the keyboard command).
 */
function startAccess() {
  const log = (err: unknown) => console.warn('[factmark] access:', err);
  const settingsNow = async () => migrateSettings((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]);
  const registered = async () => (await browser.scripting.getRegisteredContentScripts({ ids: [CONTENT_SCRIPT_ID] }))[0];
  const access = createAccess({
    grantedOrigins: async () => (await browser.permissions.getAll()).origins ?? [],
    readSettings: settingsNow,
    setRunMode: async (runMode) => {
      await browser.storage.local.set({ [SETTINGS_KEY]: { ...(await settingsNow()), runMode } });
    },
    addAutoSites: async (hosts) => {
      const now = await settingsNow();
      await browser.storage.local.set({ [SETTINGS_KEY]: { ...now, autoSites: [...new Set([...now.autoSites, ...hosts])].sort() } });
    },
    // A registration without the page stylesheet (made by an older version) counts as none for these
    // patterns, so it is brought up to date.
    registeredMatches: async () => {
      const r = await registered();
      return r && !(r.css ?? []).includes(PAGE_SHEET_FILE) ? [] : r?.matches;
    },
    register: async (matches) => {
      // The stylesheet goes with the script: the browser inserts it before the page's DOM is built (the
      // script itself runs at document idle), so the page never restyles for the marks' rules.
      if (await registered()) return browser.scripting.updateContentScripts([{ id: CONTENT_SCRIPT_ID, js: [CONTENT_SCRIPT_FILE], css: [PAGE_SHEET_FILE], matches }]);
      const script = { id: CONTENT_SCRIPT_ID, js: [CONTENT_SCRIPT_FILE], css: [PAGE_SHEET_FILE], matches, runAt: 'document_idle' as const };
      // Kept across browser restarts where supported; registered again at every start anyway.
      await browser.scripting.registerContentScripts([{ ...script, persistAcrossSessions: true }])
        .catch(() => browser.scripting.registerContentScripts([script]));
    },
    unregister: () => browser.scripting.unregisterContentScripts({ ids: [CONTENT_SCRIPT_ID] }),
    isRunning: (tabId) =>
      Promise.race([
        browser.tabs.sendMessage(tabId, { type: 'popup:get-state' }).then((r: unknown) => r !== undefined, () => false),
        new Promise<boolean>((ok) => setTimeout(() => ok(false), 1500)),
      ]),
    inject: async (tabId) => {
      // The tab's URL is visible only with access to it (activeTab after a click, or a host permission).
      // Without it Chromium would hold the injection until the user allows the site, so ask first.
      const { url } = await browser.tabs.get(tabId);
      if (!url) throw new Error('no access to this tab (no activeTab grant, no host permission)');
      if (!/^https?:/.test(url)) throw new Error('not a web page');
      // A no-op next: any other refusal shows here at once. The script itself is not awaited: its
      // result is the content script's run, which ends after the analysis.
      await browser.scripting.executeScript({ target: { tabId }, func: () => true });
      browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT_FILE] }).catch(log);
    },
    forceAnalyze: async (tabId) => {
      await browser.tabs.sendMessage(tabId, { type: 'popup:force-analyze' });
    },
    tabsMatching: async (matches) =>
      (await browser.tabs.query({ url: matches })).flatMap((t) => (typeof t.id === 'number' && !t.discarded ? [t.id] : [])),
  });
  access.start().catch(log);
  browser.permissions.onAdded.addListener((p) => void access.permissionsChanged({ added: p.origins ?? [] }).catch(log));
  browser.permissions.onRemoved.addListener((p) => void access.permissionsChanged({ removed: p.origins ?? [] }).catch(log));
  browser.storage.onChanged.addListener((changes, area) => {
    const c = area === 'local' ? changes[SETTINGS_KEY] : undefined;
    if (!c) return;
    const [a, b] = [migrateSettings(c.oldValue), migrateSettings(c.newValue)];
    if (a.runMode !== b.runMode || a.autoSites.join() !== b.autoSites.join()) access.sync().catch(log);
  });
  // Only the extension's own pages (the popup) may ask for an injection; content scripts may not.
  const origin = (browser.runtime.getURL as (p: string) => string)('/');
  browser.runtime.onMessage.addListener((message: unknown, sender: Browser.runtime.MessageSender) => {
    if (!isAccessRequest(message) || !isFromExtensionPage(sender, browser.runtime.id, origin)) return undefined;
    return access.inject(message.tabId, message.force);
  });
  browser.commands?.onCommand.addListener((command: string, tab?: Browser.tabs.Tab) => {
    if (command !== RUN_COMMAND) return;
    const id = tab?.id;
    const target = typeof id === 'number' ? Promise.resolve(id) : browser.tabs.query({ active: true, currentWindow: true }).then(([t]) => t?.id);
    target.then((tabId) => (tabId === undefined ? undefined : access.inject(tabId, true))).catch(log);
  });
  return access;
}

export default defineBackground(() => {
  startAccess();
  const action = badgeApi();
  const bg = createBackground({
    extensionId: browser.runtime.id,
    loadReference: async () => {
      const [gazetteer, reports] = await Promise.all([fetchJson('/reference/gazetteer.json'), fetchJson('/reference/reports.json')]);
      return createReference(gazetteer, reports);
    },
    loadImported: readStoredImports,
    setBadge: (tabId, text) => {
      // The tab may be gone by the time the analysis ends; nothing to do then.
      action?.setBadgeText({ tabId, text }).catch(() => {});
    },
  });
  action?.setBadgeBackgroundColor({ color: '#3553a8' }).catch(() => {});

  browser.runtime.onMessage.addListener(
    (message: unknown, sender: Browser.runtime.MessageSender, sendResponse: (response: unknown) => void) => {
      if (!isContentToBackground(message)) return undefined;
      bg.handleMessage(message, sender).then(sendResponse, (err: unknown) =>
        sendResponse({ ok: false, error: String(err) } satisfies AnalyzeResponse),
      );
      return true; // answers asynchronously
    },
  );

  // Keyboard command: every highlight off, or back on, in every tab (through the stored settings).
  browser.commands?.onCommand.addListener((command: string) => {
    if (command === TOGGLE_COMMAND) runToggleCommand(browser.storage.local as unknown as StorageLike).catch(() => {});
  });

  browser.tabs.onRemoved.addListener((tabId) => bg.forgetTab(tabId));
  browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
    if (changeInfo.status === 'loading' && changeInfo.url !== undefined) bg.forgetTab(tabId);
  });

  const readSettings = () =>
    browser.storage.local.get(SETTINGS_KEY).then(
      (stored) => bg.applySettings(migrateSettings(stored[SETTINGS_KEY])),
      () => {},
    );
  void readSettings();
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && SETTINGS_KEY in changes) bg.applySettings(migrateSettings(changes[SETTINGS_KEY]?.newValue));
  });

  // Imported reports: the options page writes them; the next analysis uses them.
  watchStoredImports((stored) => bg.setImported(stored));

  // Warm the reference so the first article does not wait for it, then run each stage once on a
  // tiny sample so the first page does not pay for compiling them either.
  bg.getReference().then((ref) => setTimeout(() => warmUp(ref), 0), () => {});
});
