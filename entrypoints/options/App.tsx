// The options page: where Factmark runs (every site, or on a click plus chosen sites; src/ui/AccessSection.tsx),
// colours and underline styles per category (previewed live), the per-site off list,
// screen-reader mode, the bundled dataset's version and size, the user's imported reports (import from a
// file, export, remove; a bad file is refused with its reason and nothing stored changes), and credits
// for every data source and library with its licence. Every string comes from _locales through t().
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { createReference } from '../../src/reference';
import type { ReferenceReport } from '../../src/reference/types';
import { CATEGORIES, type Category } from '../../src/types';
import { Switch } from '../../src/ui/Switch';
import { AccessSection } from '../../src/ui/AccessSection';
import { CATEGORY_LABEL, formatNumber } from '../../src/ui/describe';
import { useSettings } from '../../src/ui/use-settings';
import { t, type MessageKey } from '../../src/ui/i18n';
import { DEFAULT_APPEARANCE, UNDERLINE_STYLES, decoration, useAppearance, type Appearance, type UnderlineStyle } from '../../src/ui/appearance';
import { IMPORTED_REPORTS_KEY, exportReportsJson, importReportsFile, parseStoredReports, readImportedReports, removeImportedReport } from '../../src/ui/imported-reports';

interface DatasetInfo {
  version: string;
  places: number;
  reports: { id: string; title: string; published?: string }[];
}

async function loadDataset(): Promise<DatasetInfo> {
  const get = async (path: string) => {
    const res = await fetch((browser.runtime.getURL as (p: string) => string)(path));
    if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
    return res.json() as Promise<unknown>;
  };
  const ref = createReference(await get('/reference/gazetteer.json'), await get('/reference/reports.json'));
  return {
    version: ref.gazetteer.version,
    places: ref.gazetteer.size,
    reports: ref.reports.map((r) => ({ id: r.id, title: r.title, published: r.published })),
  };
}

/** A hostname from what the user typed ("https://www.bbc.com/news" -> "www.bbc.com"); undefined if none. */
export function hostFromInput(input: string): string | undefined {
  const t = input.trim().toLowerCase();
  if (!t) return undefined;
  try {
    const host = new URL(/^[a-z][a-z0-9+.-]*:\/\//.test(t) ? t : `http://${t}`).hostname;
    return /^[a-z0-9.-]+$/.test(host) && host.includes('.') ? host : host === 'localhost' ? host : undefined;
  } catch {
    return undefined;
  }
}

export function App() {
  const [settings, updateSettings] = useSettings();
  const [dataset, setDataset] = useState<DatasetInfo | { error: string }>();
  const [site, setSite] = useState('');
  const [siteError, setSiteError] = useState<string>();

  useEffect(() => {
    loadDataset().then(setDataset, (e: unknown) => setDataset({ error: e instanceof Error ? e.message : String(e) }));
  }, []);

  const addSite = async (e: Event) => {
    e.preventDefault();
    const host = hostFromInput(site);
    if (!host) return setSiteError(t('site_error'));
    setSiteError(undefined);
    await updateSettings((s) => ({ ...s, disabledSites: [...new Set([...s.disabledSites, host])].sort() }));
    setSite('');
  };
  const removeSite = (host: string) =>
    updateSettings((s) => ({ ...s, disabledSites: s.disabledSites.filter((h) => h !== host) }));

  return (
    <main class="options">
      <h1>{t('options_title')}</h1>

      <AccessSection settings={settings} updateSettings={updateSettings} hostFromInput={hostFromInput} />

      <AppearanceSection />

      <section aria-labelledby="sites-heading">
        <h2 id="sites-heading">{t('sites_heading')}</h2>
        {settings && settings.disabledSites.length === 0 && <p class="fm-empty">{t('sites_none')}</p>}
        {settings && settings.disabledSites.length > 0 && (
          <ul class="options-sites">
            {settings.disabledSites.map((h) => (
              <li key={h}>
                <span>{h}</span>
                <button type="button" class="fm-button" onClick={() => void removeSite(h)} aria-label={t('remove_named', h)}>
                  {t('remove')}
                </button>
              </li>
            ))}
          </ul>
        )}
        <form class="options-add" onSubmit={addSite}>
          <label for="site-input">{t('site_input_label')}</label>
          <input
            id="site-input"
            value={site}
            onInput={(e) => setSite((e.target as HTMLInputElement).value)}
            placeholder="www.example.com"
            aria-invalid={siteError ? 'true' : undefined}
            aria-describedby={siteError ? 'site-error' : undefined}
          />
          <button type="submit" class="fm-button">{t('site_add')}</button>
          {siteError && <p id="site-error" class="options-error">{siteError}</p>}
        </form>
      </section>

      <section aria-labelledby="a11y-heading">
        <h2 id="a11y-heading">{t('a11y_heading')}</h2>
        <Switch
          label={t('sr_mode')}
          checked={settings?.screenReaderMode ?? false}
          disabled={!settings}
          describedBy="sr-help"
          onChange={(on) => void updateSettings((s) => ({ ...s, screenReaderMode: on }))}
        />
        <p id="sr-help" class="options-help">{t('sr_help')}</p>
      </section>

      <section aria-labelledby="data-heading">
        <h2 id="data-heading">{t('data_heading')}</h2>
        {!dataset && <p>{t('loading')}</p>}
        {dataset && 'error' in dataset && <p class="options-error">{t('data_error', dataset.error)}</p>}
        {dataset && !('error' in dataset) && (
          <>
            <dl class="options-facts">
              <dt>{t('data_version')}</dt>
              <dd data-testid="dataset-version">{dataset.version}</dd>
              <dt>{t('data_places')}</dt>
              <dd>{formatNumber(dataset.places)}</dd>
              <dt>{t('data_reports')}</dt>
              <dd>{formatNumber(dataset.reports.length)}</dd>
            </dl>
            {dataset.reports.length > 0 && (
              <ul class="options-reports">
                {dataset.reports.map((r) => (
                  <li key={r.id}>
                    {r.title}
                    {r.published && <span class="fm-count"> · {r.published}</span>}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
        <p class="options-help">{t('data_offline')}</p>
      </section>

      <ImportedReportsSection />

      <section aria-labelledby="credits-heading">
        <h2 id="credits-heading">{t('credits_heading')}</h2>
        <ul class="options-credits">
          <li>
            {t('credit_places')} <a href="https://www.geonames.org/">geonames.org</a>,{' '}
            <a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a>
          </li>
          <li>
            {t('credit_countries')} <a href="https://github.com/mledoze/countries">github.com/mledoze/countries</a>,{' '}
            <a href="https://opendatacommons.org/licenses/odbl/1-0/">ODbL 1.0</a>
          </li>
          <li>{t('credit_informal')}</li>
          <li>{t('credit_reports')}</li>
          <li>
            {t('credit_map')} <a href="https://www.naturalearthdata.com/">naturalearthdata.com</a>
          </li>
          <li>
            {t('credit_libraries')} <a href="https://github.com/mozilla/readability">github.com/mozilla/readability</a>
          </li>
        </ul>
        <p class="options-help">{t('credits_full')}</p>
      </section>
    </main>
  );
}

const STYLE_KEY: Record<UnderlineStyle, MessageKey> = { solid: 'style_solid', double: 'style_double', dotted: 'style_dotted', dashed: 'style_dashed', wavy: 'style_wavy' };

/** Colour and underline per category, previewed live on a sample sentence. */
function AppearanceSection() {
  const [look, setLook] = useAppearance();
  const a = look ?? DEFAULT_APPEARANCE;
  const set = (change: (x: Appearance) => void) => {
    const next = structuredClone(a);
    change(next);
    void setLook(next);
  };
  const mark = (c: Category, text: string) => (
    <span class="options-preview-mark" data-category={c} style={{ textDecoration: decoration(a, c), textUnderlineOffset: '3px', textDecorationSkipInk: 'none' }}>
      {text}
    </span>
  );
  return (
    <section aria-labelledby="look-heading">
      <h2 id="look-heading">{t('look_heading')}</h2>
      <p class="options-help">{t('look_help')}</p>
      <div class="options-look">
        {CATEGORIES.map((c) => (
          <div class="options-look-row" key={c}>
            <span class="options-look-name" style={{ textDecoration: decoration(a, c), textUnderlineOffset: '3px' }}>{CATEGORY_LABEL[c]}</span>
            <label>
              <span class="fm-visually-hidden">{t('look_colour', CATEGORY_LABEL[c])}</span>
              <input
                type="color"
                value={a.colors[c]}
                disabled={!look}
                onInput={(e) => set((x) => void (x.colors[c] = (e.target as HTMLInputElement).value))}
              />
            </label>
            <label>
              <span class="fm-visually-hidden">{t('look_style', CATEGORY_LABEL[c])}</span>
              <select
                value={a.underline[c]}
                disabled={!look}
                onChange={(e) => set((x) => void (x.underline[c] = (e.target as HTMLSelectElement).value as UnderlineStyle))}
              >
                {UNDERLINE_STYLES.map((st) => <option key={st} value={st}>{t(STYLE_KEY[st])}</option>)}
              </select>
            </label>
          </div>
        ))}
      </div>
      <figure class="options-preview" aria-labelledby="preview-caption">
        <figcaption id="preview-caption">{t('look_preview')}</figcaption>
        <p>
          {t('look_preview_text_1')} {mark('place', 'Kharkiv')}
          {t('look_preview_text_2')} {mark('figure', '3,000 square kilometres')}
          {t('look_preview_text_3')} {mark('claim', 'the commander')} {t('look_preview_text_4')}
        </p>
      </figure>
      <p class="options-help">
        <button type="button" class="fm-button" onClick={() => void setLook(structuredClone(DEFAULT_APPEARANCE))}>{t('look_reset')}</button>{' '}
        {t('look_pending')}
      </p>
    </section>
  );
}

function download(name: string, type: string, content: string) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

type Notice = { kind: 'ok' | 'error'; text: string };

/** The user's imported reports: list, import from a file, export as JSON, remove. */
function ImportedReportsSection() {
  const [reports, setReports] = useState<ReferenceReport[]>();
  const [notice, setNotice] = useState<Notice>();
  useEffect(() => {
    readImportedReports().then(setReports, () => setReports([]));
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && IMPORTED_REPORTS_KEY in changes) setReports(parseStoredReports(changes[IMPORTED_REPORTS_KEY]?.newValue));
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);

  const onFile = async (e: Event) => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    let text: string;
    try {
      text = await file.text();
    } catch {
      setNotice({ kind: 'error', text: t('import_refused', file.name, t('import_read_error')) });
      return;
    }
    const result = await importReportsFile(text);
    if ('error' in result) setNotice({ kind: 'error', text: t('import_refused', file.name, result.error) });
    else {
      setReports(result.reports);
      setNotice({ kind: 'ok', text: t('import_ok', result.added.length, file.name) });
    }
    input.value = '';
  };
  const remove = async (r: ReferenceReport) => {
    setReports(await removeImportedReport(r.id));
    setNotice({ kind: 'ok', text: t('report_removed', r.title) });
  };

  return (
    <section aria-labelledby="imported-heading">
      <h2 id="imported-heading">{t('imported_heading')}</h2>
      <p class="options-help" id="imported-help">{t('imported_help')}</p>
      {reports && reports.length === 0 && <p class="fm-empty">{t('imported_none')}</p>}
      {reports && reports.length > 0 && (
        <ul class="options-sites options-imported">
          {reports.map((r) => (
            <li key={r.id}>
              <span>
                {r.title}
                <span class="fm-count">
                  {[r.outlet, r.published, t('report_claims', r.claims.length)].filter(Boolean).map((x) => ` · ${x}`).join('')}
                </span>
              </span>
              <button type="button" class="fm-button" onClick={() => void remove(r)} aria-label={t('remove_named', r.title)}>
                {t('remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="options-add">
        <label for="import-file">{t('import_button')}</label>
        <input id="import-file" type="file" accept=".json,.jsonld,application/json,application/ld+json" aria-describedby="imported-help" onChange={(e) => void onFile(e)} />
        {reports && reports.length > 0 && (
          <button type="button" class="fm-button" onClick={() => download('factmark-reports.json', 'application/json', exportReportsJson(reports))}>
            {t('export_reports')}
          </button>
        )}
      </div>
      {notice?.kind === 'error' && <p class="options-error" role="alert" data-testid="import-notice">{notice.text}</p>}
      {notice?.kind === 'ok' && <p class="options-ok" role="status" data-testid="import-notice">{notice.text}</p>}
    </section>
  );
}
