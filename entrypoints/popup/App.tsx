// The popup: the tab's article title, counts and lists per category with verdicts, the three category
// switches (stored settings, which the content scripts follow live), force-analyse and the per-site switch.
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { PageState } from '../../src/messages';
import { CATEGORIES, type Category } from '../../src/types';
import { Switch } from '../../src/ui/Switch';
import { ClaimList, FigureList, PlaceList } from '../../src/ui/AnnotationLists';
import { PlaceMap } from '../../src/ui/PlaceMap';
import { CATEGORY_LABEL, verdictIndex } from '../../src/ui/describe';
import { useSettings } from '../../src/ui/use-settings';
import { forceAnalyze, getPageState, resolveTabId, scrollTo, tabHostname } from './page-client';

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

  const refresh = useCallback(async (id: number) => {
    for (let i = 0; i < POLL_LIMIT; i++) {
      const state = await getPageState(id);
      if (!state) {
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
        const state = await refresh(id);
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

  return (
    <div class="popup">
      <header class="popup-header">
        <h1>
          <span class="popup-logo" aria-hidden="true">◆</span> Factmark
        </h1>
        <button type="button" class="fm-link-button" onClick={() => void browser.runtime.openOptionsPage()}>
          Options
        </button>
      </header>

      <Status view={view} onForce={onForce} />

      <section class="popup-switches" aria-labelledby="switches-heading">
        <h2 id="switches-heading" class="fm-visually-hidden">
          Marks shown on the page
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
              {result ? `${counts[c]} found` : '–'}
            </span>
          </Switch>
        ))}
      </section>

      {result && (
        <div class="popup-lists">
          {show('place') && (
            <section aria-labelledby="places-heading">
              <h2 id="places-heading">Places</h2>
              <PlaceMap annotations={annotations} onSelect={onSelect} width={330} height={150} />
              <PlaceList annotations={annotations} verdicts={verdicts} onSelect={onSelect} />
            </section>
          )}
          {show('figure') && (
            <section aria-labelledby="figures-heading">
              <h2 id="figures-heading">Figures</h2>
              <FigureList annotations={annotations} verdicts={verdicts} onSelect={onSelect} />
            </section>
          )}
          {show('claim') && (
            <section aria-labelledby="claims-heading">
              <h2 id="claims-heading">Claims</h2>
              <ClaimList annotations={annotations} verdicts={verdicts} onSelect={onSelect} />
            </section>
          )}
        </div>
      )}

      {host && settings && (
        <footer class="popup-footer">
          {siteOff ? (
            <button type="button" class="fm-button" onClick={() => void setSite(false)}>
              Turn Factmark on for {host}
            </button>
          ) : (
            <button type="button" class="fm-link-button" onClick={() => void setSite(true)}>
              Turn off on {host}
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
      return <p class="popup-status" role="status">Reading the page…</p>;
    case 'no-tab':
      return <p class="popup-status" role="status">No tab to read.</p>;
    case 'unreachable':
      return (
        <p class="popup-status" role="status">
          Factmark cannot read this tab. Browser pages and extension stores are off limits; a page opened before
          Factmark was installed needs a reload.
        </p>
      );
    case 'page': {
      const { state } = view;
      const title = state.article?.title;
      return (
        <div class="popup-status" role="status">
          {title && <p class="popup-title" title={title}>{title}</p>}
          {state.status === 'pending' && <p>Analysing…</p>}
          {state.status === 'error' && <p class="popup-error">Analysis failed: {state.error ?? 'unknown error'}</p>}
          {state.status === 'disabled' && <p>Factmark is off on this site.</p>}
          {state.status === 'analysed' && state.result && (
            <p class="popup-words">
              {state.result.summary.words.toLocaleString('en')} words analysed
            </p>
          )}
          {state.status === 'not-article' && (
            <>
              <p>This page does not look like an article, so nothing was marked.</p>
              <button type="button" class="fm-button" onClick={onForce}>
                Analyse this page anyway
              </button>
            </>
          )}
        </div>
      );
    }
  }
}
