// Preact hook over the stored settings (storage.local under SETTINGS_KEY): reads them once, follows
// changes made elsewhere (other popups, the options page) and writes updates merged into the latest value.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { migrateSettings, SETTINGS_KEY, type Settings } from '../settings';

export async function readSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  return migrateSettings(stored[SETTINGS_KEY]);
}

/** Applies `change` to the current stored settings and writes the result; returns it. */
export async function updateSettings(change: (s: Settings) => Settings): Promise<Settings> {
  const next = migrateSettings(change(await readSettings()));
  await browser.storage.local.set({ [SETTINGS_KEY]: next });
  return next;
}

export function useSettings(): [Settings | undefined, (change: (s: Settings) => Settings) => Promise<void>] {
  const [settings, setSettings] = useState<Settings>();
  useEffect(() => {
    let live = true;
    readSettings().then((s) => live && setSettings(s), () => live && setSettings(migrateSettings(undefined)));
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && SETTINGS_KEY in changes) setSettings(migrateSettings(changes[SETTINGS_KEY]?.newValue));
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, []);
  const update = useCallback(async (change: (s: Settings) => Settings) => {
    const next = await updateSettings(change);
    setSettings(next);
  }, []);
  return [settings, update];
}
