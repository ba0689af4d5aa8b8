// The manifest's command description comes from _locales: every __MSG_name__ the manifest uses
// names a message in every language's catalogue (src/ui/locales/<lang>/messages.json).
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { TOGGLE_COMMAND } from '../../entrypoints/background';

const LOCALES = resolve(import.meta.dirname, '../../src/ui/locales');
const catalogue = (lang: string) => JSON.parse(readFileSync(resolve(LOCALES, lang, 'messages.json'), 'utf8')) as Record<string, { message: string }>;

describe('manifest strings through _locales', () => {
  test('the toggle command description is a message, and every __MSG_ reference resolves in every language', async () => {
    const config = (await import('../../wxt.config')).default as { manifest: (env: { browser: string }) => Record<string, unknown> & { commands?: Record<string, { description?: string }> } };
    const langs = readdirSync(LOCALES);
    expect(langs).toContain('en');
    for (const browser of ['chrome', 'firefox']) {
      const m = config.manifest({ browser });
      expect(m.default_locale).toBe('en');
      expect(m.commands?.[TOGGLE_COMMAND]?.description).toMatch(/^__MSG_\w+__$/);
      const refs = [...JSON.stringify(m).matchAll(/__MSG_(\w+?)__/g)].map((x) => x[1]);
      expect(refs.length).toBeGreaterThan(0);
      for (const lang of langs) {
        const cat = catalogue(lang);
        for (const name of refs) expect(cat[name]?.message, `${lang}: ${name}`).toMatch(/\S/);
      }
    }
    expect(catalogue('en').command_toggle_highlights.message).toBe('Turn all Factmark highlights off or back on');
  });

  test('message names are valid for browser.i18n and the manifest name and description are ready', () => {
    const cat = catalogue('en');
    for (const name of Object.keys(cat)) expect(name).toMatch(/^[A-Za-z0-9_@]+$/);
    expect(cat.extName.message).toBe('Factmark');
    expect(cat.extDescription.message.length).toBeLessThanOrEqual(132); // Chrome Web Store limit
  });
});
