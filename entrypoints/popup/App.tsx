// The popup: the tab's article title, outlet and date, counts per category and a tally of verdicts that
// doubles as a filter, the three category switches (stored settings, which the content scripts follow
// live), a map of the places, lists per category (differing verdicts first), exports of the marks,
// force-analyse and the per-site switch. Every string comes from _locales through t().
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { PageState } from '../../src/messages';
import { CATEGORIES, type Category, type VerdictKind } from '../../src/types';
import { Switch } from '../../src/ui/Switch';
import { ClaimList, FigureList, PlaceList, type VerdictFilter } from '../../src/ui/AnnotationLists';
import { PlaceMap } from '../../src/ui/PlaceMap';
import { CATEGORY_LABEL, VERDICT_LABEL, VERDICT_ORDER, formatNumber, verdictIndex } from '../../src/ui/describe';
import { t, tn, uiLanguage } from '../../src/ui/i18n';
import { exportFileName, toCsv, toWebAnnotation } from '../../src/export/annotations';
import { useSettings } from '../../src/ui/use-settings';
import { forceAnalyze, getPageState, resolveTabId, scrollTo, tabHostname } from './page-client';
import { alwaysRunHere, runInTab } from '../../src/access-client';

type View =
  | { kind: 'loading' }
  | { kind: 'no-tab' }
  | { kind: 'unreachable' }
  | { kind: 'page'; state: PageState };

const POLL_MS = 250;
const POLL_LIMIT = 40;

export function App() {
  const [tabId, setTabId] = useState<number>();
  const [view, setView] = useState<View>({ kind: 'loading' });
  const [host, setHost] = useState<string>();
  const [settings, updateSettings] = useSettings();
  const [filter, setFilter] = useState<VerdictFilter>('all');

  const refresh = useCallback(async (id: number, inject = false) => {
    for (let i = 0; i < POLL_LIMIT; i++) {
      const state = await getPageState(id);
      if (!state) {
        // No content script in the tab (click-only mode, or a tab opened before Factmark was installed):
        // opening the popup is the click that runs it, once, through the background's activeTab grant.
        if (inject && (await runInTab(id)).ok) {
          inject = false;
          await new Promise((r) => setTimeout(r, POLL_MS));
          continue;
        }
        setView({ kind: 'unreachable' });
        return undefined;
      }
      setView({ kind: 'page', state });
      if (state.status !== 'pending') return state;
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
    return undefined;
  }, []);

  useEffect(() => {
    resolveTabId().then(
      async (id) => {
        if (id === undefined) return setView({ kind: 'no-tab' });
        setTabId(id);
        const state = await refresh(id, true);
        setHost(await tabHostname(id, state));
      },
      () => setView({ kind: 'no-tab' }),
    );
  }, [refresh]);

  const state = view.kind === 'page' ? view.state : undefined;
  const result = state?.result;
  const verdicts = useMemo(() => verdictIndex(result?.verdicts ?? []), [result]);
  const annotations = result?.annotations ?? [];
  const counts: Record<Category, number> = result?.summary.counts ?? { place: 0, figure: 0, claim: 0 };
  const shownTally = useMemo(() => (result ? tallyShown(result, settings?.categories) : undefined), [result, settings]);
  const shownFilter = activeFilter(filter, shownTally?.verdicts);

  const onSelect = (annotationId: string) => {
    if (tabId !== undefined) void scrollTo(tabId, annotationId);
  };
  const onForce = async () => {
    if (tabId === undefined) return;
    setView({ kind: 'page', state: { ...(state ?? {}), status: 'pending' } });
    await forceAnalyze(tabId);
    await refresh(tabId);
  };
  const setCategory = (c: Category, on: boolean) =>
    updateSettings((s) => ({ ...s, categories: { ...s.categories, [c]: on } }));
  const siteOff = host !== undefined && settings?.disabledSites.includes(host) === true;
  const setSite = async (off: boolean) => {
    if (!host) return;
    await updateSettings((s) => ({
      ...s,
      disabledSites: off ? [...new Set([...s.disabledSites, host])] : s.disabledSites.filter((h) => h !== host),
    }));
    if (tabId !== undefined) setTimeout(() => void refresh(tabId), 150);
  };

  const show = (c: Category) => settings?.categories[c] !== false;
  // In click-only mode, a site can be made to run by itself from here (the permission prompt needs this click).
  const offerAlways = settings?.runMode === 'click' && host !== undefined && !settings.autoSites.includes(host) && view.kind === 'page';
  const onAlways = () => {
    if (host) void alwaysRunHere(host);
  };

  return (
    <div class="popup">
      <header class="popup-header">
        <h1>
          <span class="popup-logo" aria-hidden="true">◆</span> {t('app_name')}
        </h1>
        <button type="button" class="fm-link-button" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('options_link')}
        </button>
      </header>

      <Status view={view} onForce={onForce} />

      <section class="popup-switches" aria-labelledby="switches-heading">
        <h2 id="switches-heading" class="fm-visually-hidden">
          {t('switches_heading')}
        </h2>
        {CATEGORIES.map((c) => (
          <Switch
            key={c}
            label={CATEGORY_LABEL[c]}
            checked={settings?.categories[c] ?? true}
            disabled={settings === undefined}
            onChange={(on) => void setCategory(c, on)}
            class={`fm-cat-${c}`}
          >
            <span class="fm-count" data-count={c}>
              {result ? t('count_found', formatNumber(counts[c])) : '–'}
            </span>
          </Switch>
        ))}
      </section>

      {shownTally && <VerdictFilterBar tally={shownTally.verdicts} total={shownTally.total} filter={shownFilter} onFilter={setFilter} />}

      {result && (
        <div class="popup-lists">
          {show('place') && (
            <section aria-labelledby="places-heading">
              <h2 id="places-heading">{CATEGORY_LABEL.place}</h2>
              <PlaceMap annotations={annotations} onSelect={onSelect} width={330} height={170} />
              <PlaceList annotations={annotations} verdicts={verdicts} onSelect={onSelect} filter={shownFilter} />
            </section>
          )}
          {show('figure') && (
            <section aria-labelledby="figures-heading">
              <h2 id="figures-heading">{CATEGORY_LABEL.figure}</h2>
              <FigureList annotations={annotations} verdicts={verdicts} onSelect={onSelect} filter={shownFilter} />
            </section>
          )}
          {show('claim') && (
            <section aria-labelledby="claims-heading">
              <h2 id="claims-heading">{CATEGORY_LABEL.claim}</h2>
              <ClaimList annotations={annotations} verdicts={verdicts} onSelect={onSelect} filter={shownFilter} />
            </section>
          )}
        </div>
      )}

      {result && state && annotations.length > 0 && <ExportBar state={state} />}

      {host && settings && (
        <footer class="popup-footer">
          {siteOff ? (
            <button type="button" class="fm-button" onClick={() => void setSite(false)}>
              {t('site_on', host)}
            </button>
          ) : (
            <button type="button" class="fm-link-button" onClick={() => void setSite(true)}>
              {t('site_off', host)}
            </button>
          )}
          {offerAlways && (
            <button type="button" class="fm-link-button" onClick={onAlways}>
              {t('site_always', host)}
            </button>
          )}
        </footer>
      )}
    </div>
  );
}

function Status({ view, onForce }: { view: View; onForce: () => void }) {
  switch (view.kind) {
    case 'loading':
      return <p class="popup-status" role="status">{t('status_loading')}</p>;
    case 'no-tab':
      return <p class="popup-status" role="status">{t('status_no_tab')}</p>;
    case 'unreachable':
      return (
        <p class="popup-status" role="status">
          {t('status_unreachable')}
        </p>
      );
    case 'page': {
      const { state } = view;
      const title = state.article?.title;
      const meta = articleMeta(state.article);
      return (
        <div class="popup-status" role="status">
          {title && <p class="popup-title" title={title}>{title}</p>}
          {meta && <p class="popup-meta">{meta}</p>}
          {state.status === 'pending' && <p>{t('status_pending')}</p>}
          {state.status === 'error' && <p class="popup-error">{t('status_error', state.error ?? t('status_error_unknown'))}</p>}
          {state.status === 'disabled' && <p>{t('status_disabled')}</p>}
          {state.status === 'analysed' && state.result && (
            <p class="popup-words">
              {tn('status_words', state.result.summary.words)}
            </p>
          )}
          {state.status === 'not-article' && (
            <>
              <p>{t('status_not_article')}</p>
              <button type="button" class="fm-button" onClick={onForce}>
                {t('force_analyse')}
              </button>
            </>
          )}
        </div>
      );
    }
  }
}

/** "BBC News · 10 September 2022 · by Jane Doe": outlet, date and byline, whichever are known. */
export function articleMeta(article: PageState['article']): string | undefined {
  if (!article) return undefined;
  const parts: string[] = [];
  if (article.siteName?.trim()) parts.push(article.siteName.trim());
  if (article.published) parts.push(formatDate(article.published));
  const byline = article.byline && bylineOnly(article.byline, article.published);
  if (byline) parts.push(t('meta_by', byline));
  return parts.length ? parts.join(' · ') : undefined;
}

/** The byline without a leading "By" and without the date some pages put in it ("By Staff · 2022-09-10"), shown once already. */
function bylineOnly(byline: string, published: string | undefined): string {
  let b = byline.trim().replace(/^by\s+/i, '');
  const dates = [/\b\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\b/g];
  if (published) b = b.split(formatDate(published)).join(' ');
  for (const re of dates) b = b.replace(re, ' ');
  return b.replace(/\s{2,}/g, ' ').replace(/^[\s·|,;:–—-]+|[\s·|,;:–—-]+$/gu, '').trim();
}

function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  try {
    const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    return new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
  } catch {
    return iso.slice(0, 10);
  }
}

/**
 * The verdict tally of the marks the lists show (categories switched off left out, so each chip's count
 * is what choosing it lists) and their number.
 */
export function tallyShown(result: NonNullable<PageState['result']>, categories: Partial<Record<Category, boolean>> | undefined): { verdicts: Record<VerdictKind, number>; total: number } {
  const on = (c: Category) => categories?.[c] !== false;
  const category = new Map(result.annotations.map((a) => [a.id, a.category]));
  const verdicts: Record<VerdictKind, number> = { consistent: 0, differs: 0, variant: 0, ambiguous: 0, unverified: 0 };
  for (const v of result.verdicts) {
    const c = category.get(v.annotationId);
    if (c && on(c)) verdicts[v.kind]++;
  }
  return { verdicts, total: result.annotations.filter((a) => on(a.category)).length };
}

/**
 * The filter in force: a verdict the current result has none of (the page was analysed again, or a
 * category changed) shows everything, rather than empty lists with no chip pressed to clear them.
 */
export function activeFilter(filter: VerdictFilter, tally: Record<VerdictKind, number> | undefined): VerdictFilter {
  return filter === 'all' || (tally?.[filter] ?? 0) > 0 ? filter : 'all';
}

/** The tally of verdicts, each a toggle that filters the lists to that verdict. */
function VerdictFilterBar({ tally, total, filter, onFilter }: {
  tally: Record<VerdictKind, number>;
  total: number;
  filter: VerdictFilter;
  onFilter(f: VerdictFilter): void;
}) {
  const kinds = VERDICT_ORDER.filter((k) => (tally[k] ?? 0) > 0);
  if (!kinds.length) return null;
  const option = (f: VerdictFilter, label: string, n: number) => (
    <button
      key={f}
      type="button"
      class={`fm-chip${f === 'all' ? '' : ` fm-verdict-${f}`}`}
      aria-pressed={filter === f ? 'true' : 'false'}
      onClick={() => onFilter(filter === f ? 'all' : f)}
    >
      {t('filter_count', label, formatNumber(n))}
    </button>
  );
  return (
    <section class="popup-tally" aria-labelledby="tally-heading">
      <h2 id="tally-heading">{t('verdicts_heading')}</h2>
      <div role="group" aria-label={t('filter_label')} class="fm-chips">
        {option('all', t('filter_all'), total)}
        {kinds.map((k) => option(k, VERDICT_LABEL[k], tally[k]))}
      </div>
    </section>
  );
}

/** Offers the marks as downloads: Web Annotation JSON-LD and CSV (a Blob URL and <a download>). */
function ExportBar({ state }: { state: PageState }) {
  const input = () => ({
    url: state.article?.url ?? '',
    title: state.article?.title,
    text: state.text ?? '',
    annotations: state.result?.annotations ?? [],
    verdicts: state.result?.verdicts ?? [],
    created: new Date().toISOString(),
  });
  const day = new Date().toISOString().slice(0, 10);
  const save = (content: string, type: string, ext: string) => {
    const url = URL.createObjectURL(new Blob([content], { type }));
    const a = document.createElement('a');
    a.href = url;
    a.download = exportFileName(state.article?.url ?? '', ext, day);
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  return (
    <section class="popup-export" aria-labelledby="export-heading">
      <h2 id="export-heading">{t('export_heading')}</h2>
      <div class="fm-chips">
        <button type="button" class="fm-button" onClick={() => save(JSON.stringify(toWebAnnotation(input()), null, 2), 'application/ld+json', 'jsonld')}>
          {t('export_jsonld')}
        </button>
        <button type="button" class="fm-button" onClick={() => save(`\ufeff${toCsv(input())}`, 'text/csv;charset=utf-8', 'csv')}>
          {t('export_csv')}
        </button>
      </div>
    </section>
  );
}
