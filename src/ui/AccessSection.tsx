// The options page's "Where Factmark runs": every site, or only on a click plus the sites the user lists,
// each with the host permission it needs. Permission requests are the first call in each click handler
// (browsers only show the prompt during a user gesture); the background follows the settings and the grants.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { BROAD_ORIGINS, hasBroadAccess, hostGranted, sitePermissions } from '../access';
import type { Settings } from '../settings';
import { t } from './i18n';

/** The host permissions the browser grants Factmark now, kept current. */
export function useGrantedOrigins(): string[] | undefined {
  const [granted, setGranted] = useState<string[]>();
  useEffect(() => {
    let live = true;
    const read = () =>
      browser.permissions.getAll().then(
        (p) => live && setGranted(p.origins ?? []),
        () => live && setGranted([]),
      );
    void read();
    browser.permissions.onAdded.addListener(read);
    browser.permissions.onRemoved.addListener(read);
    return () => {
      live = false;
      browser.permissions.onAdded.removeListener(read);
      browser.permissions.onRemoved.removeListener(read);
    };
  }, []);
  return granted;
}

type Notice = { kind: 'ok' | 'error'; text: string };

const isChromium = () => (browser.runtime.getURL as (p: string) => string)('/').startsWith('chrome-extension:');

export interface AccessSectionProps {
  settings: Settings | undefined;
  updateSettings(change: (s: Settings) => Settings): Promise<void>;
  /** A hostname from what the user typed, or undefined (the options page's parser). */
  hostFromInput(input: string): string | undefined;
}

export function AccessSection({ settings, updateSettings, hostFromInput }: AccessSectionProps) {
  const granted = useGrantedOrigins();
  const [pending, setPending] = useState<Settings['runMode']>();
  const [notice, setNotice] = useState<Notice>();
  const [site, setSite] = useState('');
  const [siteError, setSiteError] = useState<string>();
  const mode = pending ?? settings?.runMode;
  const broad = granted ? hasBroadAccess(granted) : undefined;
  const fail = (err: unknown) => setNotice({ kind: 'error', text: t('access_error', err instanceof Error ? err.message : String(err)) });

  const chooseAuto = () => {
    if (settings?.runMode === 'auto') return;
    // First call in the handler: the prompt needs the click's user gesture.
    const asked = browser.permissions.request({ origins: BROAD_ORIGINS });
    setPending('auto');
    setNotice(undefined);
    asked
      .then(async (ok) => {
        if (ok) await updateSettings((s) => ({ ...s, runMode: 'auto' }));
        else setNotice({ kind: 'error', text: t('access_refused') });
      }, fail)
      .finally(() => setPending(undefined));
  };

  const chooseClick = async () => {
    if (settings?.runMode === 'click') return;
    setNotice(undefined);
    setPending('click');
    try {
      await updateSettings((s) => ({ ...s, runMode: 'click' }));
      // Firefox removes it; Chromium refuses for access given at install (the note below says what to do).
      const removed = await browser.permissions.remove({ origins: BROAD_ORIGINS }).catch(() => false);
      setNotice({ kind: 'ok', text: removed ? t('access_click_on') : t('access_click_on_kept') });
    } catch (err) {
      fail(err);
    } finally {
      setPending(undefined);
    }
  };

  const addSite = (e: Event) => {
    e.preventDefault();
    const host = hostFromInput(site);
    if (!host) return setSiteError(t('site_error'));
    setSiteError(undefined);
    const asked = browser.permissions.request({ origins: sitePermissions(host) });
    asked.then(async (ok) => {
      if (!ok) return setSiteError(t('auto_site_refused', host));
      await updateSettings((s) => ({ ...s, autoSites: [...new Set([...s.autoSites, host])].sort() }));
      setSite('');
    }, (err: unknown) => setSiteError(t('access_error', String(err))));
  };

  const allowSite = (host: string) => {
    browser.permissions.request({ origins: sitePermissions(host) }).then(
      (ok) => !ok && setNotice({ kind: 'error', text: t('auto_site_refused', host) }),
      fail,
    );
  };

  const removeSite = async (host: string) => {
    await updateSettings((s) => ({ ...s, autoSites: s.autoSites.filter((h) => h !== host) }));
    // The site's own permission, where it has one (the broad access, if still held, stays).
    if (broad) return;
    await browser.permissions.remove({ origins: sitePermissions(host) }).catch(() => false);
  };

  return (
    <section aria-labelledby="access-heading" data-testid="access">
      <h2 id="access-heading">{t('access_heading')}</h2>
      <fieldset class="options-modes" disabled={!settings || pending !== undefined}>
        <legend class="fm-visually-hidden">{t('access_mode_legend')}</legend>
        <label class="options-mode">
          <input type="radio" name="run-mode" value="auto" checked={mode === 'auto'} aria-describedby="mode-auto-help" onChange={chooseAuto} />
          <span>
            <strong>{t('access_mode_auto')}</strong>
            <span id="mode-auto-help" class="options-help">{t('access_mode_auto_help')}</span>
          </span>
        </label>
        <label class="options-mode">
          <input type="radio" name="run-mode" value="click" checked={mode === 'click'} aria-describedby="mode-click-help" onChange={() => void chooseClick()} />
          <span>
            <strong>{t('access_mode_click')}</strong>
            <span id="mode-click-help" class="options-help">{t('access_mode_click_help')}</span>
          </span>
        </label>
      </fieldset>

      {granted && (
        <p class="options-help" data-testid="access-status">
          {broad ? t('access_status_all') : t('access_status_limited')}
        </p>
      )}
      {settings?.runMode === 'click' && broad && (
        <p class="options-help" data-testid="access-kept">
          {isChromium() ? t('access_kept_chromium') : t('access_kept_firefox')}{' '}
          {isChromium() && (
            <button type="button" class="fm-link-button" onClick={() => void browser.tabs.create({ url: `chrome://extensions/?id=${browser.runtime.id}` })}>
              {t('access_open_details')}
            </button>
          )}
        </p>
      )}
      {notice?.kind === 'error' && <p class="options-error" role="alert" data-testid="access-notice">{notice.text}</p>}
      {notice?.kind === 'ok' && <p class="options-ok" role="status" data-testid="access-notice">{notice.text}</p>}

      {settings?.runMode === 'click' && (
        <div class="options-auto-sites">
          <h3 id="auto-sites-heading">{t('auto_sites_heading')}</h3>
          <p class="options-help" id="auto-sites-help">{t('auto_sites_help')}</p>
          {settings.autoSites.length === 0 && <p class="fm-empty">{t('auto_sites_none')}</p>}
          {settings.autoSites.length > 0 && (
            <ul class="options-sites" aria-labelledby="auto-sites-heading" data-testid="auto-sites">
              {settings.autoSites.map((h) => {
                const ok = granted === undefined || hostGranted(h, granted);
                return (
                  <li key={h}>
                    <span>
                      {h}
                      {!ok && <span class="fm-count"> · {t('auto_site_no_access')}</span>}
                    </span>
                    <span>
                      {!ok && (
                        <button type="button" class="fm-button" onClick={() => allowSite(h)} aria-label={t('auto_site_allow_named', h)}>
                          {t('auto_site_allow')}
                        </button>
                      )}{' '}
                      <button type="button" class="fm-button" onClick={() => void removeSite(h)} aria-label={t('remove_named', h)}>
                        {t('remove')}
                      </button>
                    </span>
                  </li>
                );
              })}
            </ul>
          )}
          <form class="options-add" onSubmit={addSite}>
            <label for="auto-site-input">{t('auto_site_input_label')}</label>
            <input
              id="auto-site-input"
              value={site}
              onInput={(e) => setSite((e.target as HTMLInputElement).value)}
              placeholder="www.example.com"
              aria-invalid={siteError ? 'true' : undefined}
              aria-describedby={siteError ? 'auto-site-error' : 'auto-sites-help'}
            />
            <button type="submit" class="fm-button">{t('auto_site_add')}</button>
            {siteError && <p id="auto-site-error" class="options-error" role="alert">{siteError}</p>}
          </form>
        </div>
      )}
    </section>
  );
}
