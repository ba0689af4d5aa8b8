// The options page's access to the appearance settings (colours and underline styles per category),
// kept in the versioned settings (src/settings.ts) so every tab's content script follows changes.
import { useCallback } from 'preact/hooks';
import { parseAppearance, type Appearance } from '../appearance';
import { useSettings } from './use-settings';

export * from '../appearance';

/** The stored appearance, following changes from other pages; undefined while loading. */
export function useAppearance(): [Appearance | undefined, (a: Appearance) => Promise<void>] {
  const [settings, update] = useSettings();
  const set = useCallback((a: Appearance) => update((s) => ({ ...s, appearance: parseAppearance(a) })), [update]);
  return [settings?.appearance, set];
}
