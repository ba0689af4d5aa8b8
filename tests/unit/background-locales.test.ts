// The manifest's command description comes from _locales: every __MSG_name__ the manifest uses
// names a message in every language's catalogue (src/ui/locales/<lang>/messages.json). Every message
// the code asks for (t('key'), tn('base', n) and the key tables) is in the English catalogue, and
// every counted message has its 'one' and 'other' forms.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
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

const ROOT = resolve(import.meta.dirname, '../..');
/** The extension's source files (src/ and entrypoints/), with their text. */
function sources(): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.tsx?$/.test(name)) out.push({ file: relative(ROOT, p), text: readFileSync(p, 'utf8') });
    }
  };
  walk(resolve(ROOT, 'src'));
  walk(resolve(ROOT, 'entrypoints'));
  return out;
}

describe('every message the code uses is in the catalogue', () => {
  const en = catalogue('en');
  const files = sources();

  test("t('key'): the key exists", () => {
    const missing: string[] = [];
    let used = 0;
    for (const { file, text } of files) {
      for (const m of text.matchAll(/\bt\(\s*['"]([A-Za-z0-9_@]+)['"]/g)) {
        used++;
        if (!en[m[1]!]?.message) missing.push(`${file}: ${m[1]}`);
      }
    }
    expect(used).toBeGreaterThan(50);
    expect(missing).toEqual([]);
  });

  test("tn('base', n): the base has 'one' and 'other' forms", () => {
    const missing: string[] = [];
    const bases = new Set<string>();
    for (const { file, text } of files) {
      for (const m of text.matchAll(/\btn\(\s*['"]([A-Za-z0-9_@]+)['"]/g)) {
        bases.add(m[1]!);
        for (const form of ['one', 'other']) if (!en[`${m[1]}_${form}`]?.message) missing.push(`${file}: ${m[1]}_${form}`);
      }
    }
    expect([...bases].sort()).toEqual(expect.arrayContaining(['card_same_name_places', 'map_caption', 'mentions', 'speaker_claims', 'status_words']));
    expect(missing).toEqual([]);
  });

  test('key tables (Record<..., MessageKey>) name existing messages', () => {
    const missing: string[] = [];
    for (const { file, text } of files) {
      for (const table of text.matchAll(/Record<[^>]+,\s*MessageKey>\s*=\s*\{([^}]*)\}/g)) {
        for (const m of table[1]!.matchAll(/:\s*'([A-Za-z0-9_@]+)'/g)) if (!en[m[1]!]?.message) missing.push(`${file}: ${m[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });

  test("verdict messages ({ key: 'verdict_...' }): the key exists (keys built from parts: tests/unit/verdict-text.test.ts)", () => {
    const missing: string[] = [];
    let used = 0;
    for (const { file, text } of files) {
      for (const m of text.matchAll(/\bkey:\s*['"](verdict_[A-Za-z0-9_@]+)['"]/g)) {
        used++;
        if (!en[m[1]!]?.message) missing.push(`${file}: ${m[1]}`);
      }
    }
    expect(used).toBeGreaterThanOrEqual(8);
    expect(missing).toEqual([]);
  });

  test('plural forms come in sets: every <base>_<category> key has <base>_other, in every language', () => {
    const CATEGORIES = ['zero', 'one', 'two', 'few', 'many'];
    for (const lang of readdirSync(LOCALES)) {
      const cat = catalogue(lang);
      for (const key of Object.keys(cat)) {
        const m = /^(.+)_(zero|one|two|few|many)$/.exec(key);
        if (m && CATEGORIES.includes(m[2]!)) expect(cat[`${m[1]}_other`]?.message, `${lang}: ${key} without ${m[1]}_other`).toMatch(/\S/);
      }
    }
  });

  test('the card and the popup have no hard-coded English labels left', () => {
    const card = files.find((f) => f.file.endsWith('src/page/card.ts'))!.text;
    for (const word of ["'Place'", "'Figure'", "'Claim'", "'Kind'", "'Where'", "'Population'", "'Spelling variant'", "'Not verified'", "'Esc closes"]) {
      expect(card, word).not.toContain(word);
    }
    const styles = files.find((f) => f.file.endsWith('src/page/styles.ts'))!.text;
    expect(styles).not.toMatch(/'Place'|'Figure'|'Claim'/);
  });
});
