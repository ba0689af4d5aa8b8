// WXT build configuration: one manifest for Chromium (MV3) and Firefox (MV3, event page; docs/firefox.md),
// Preact through Vite, the bundled reference dataset copied from assets/reference/ into the extension.
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PAGE_SHEET_FILE, pageSheetCss } from './src/page/styles';

const REFERENCE_DIR = resolve(import.meta.dirname, 'assets/reference');
const LOCALES_DIR = resolve(import.meta.dirname, 'src/ui/locales');

export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  modules: ['@wxt-dev/webextension-polyfill'],
  webExt: { disabled: true },
  // MV3 for every browser: WXT's default for Firefox is MV2. Firefox MV3 gets `background.scripts`
  // (an event page; Firefox has no extension service workers) from WXT; see docs/firefox.md.
  manifestVersion: 3,
  vite: () => ({
    plugins: [preact()],
    // The polyfill without the bundler's copy of its exports (see src/browser/polyfill.ts).
    resolve: { alias: [{ find: /^webextension-polyfill$/, replacement: resolve(import.meta.dirname, 'src/browser/polyfill.ts') }] },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    // UI strings live in src/ui/locales/<lang>/messages.json, copied to _locales/ below.
    default_locale: 'en',
    description: '__MSG_extDescription__',
    // storage; activeTab + scripting: run in one tab when the user clicks (click-only mode, src/access.ts).
    permissions: ['storage', 'activeTab', 'scripting'],
    // Running by itself on every site. Chromium grants this at install and the user can withdraw it there
    // (Site access: "On click"), but permissions.remove refuses it ("required"); Firefox lets Factmark
    // remove and request it again. The content script is registered at run time for what is granted.
    host_permissions: ['http://*/*', 'https://*/*'],
    // A keyboard command that turns every highlight off or back on (handled in the background).
    commands: {
      'toggle-highlights': {
        suggested_key: { default: 'Alt+Shift+H' },
        // From _locales (src/ui/locales/<lang>/messages.json).
        description: '__MSG_command_toggle_highlights__',
      },
      // Run Factmark in the current tab now (activeTab): the way in on sites it does not run on by itself.
      'run-on-page': {
        suggested_key: { default: 'Alt+Shift+M' },
        description: '__MSG_command_run_on_page__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'factmark@factmark.example',
              // 140 (the current ESR line): first with data_collection_permissions and CSS.highlights.
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads data_collection_permissions from 142 on.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  hooks: {
    // The reference dataset ships as static JSON files, fetched by the background at start-up.
    'build:publicAssets': (_wxt, files) => {
      for (const name of readdirSync(REFERENCE_DIR)) {
        if (name.endsWith('.json')) {
          files.push({ absoluteSrc: resolve(REFERENCE_DIR, name), relativeDest: `reference/${name}` });
        }
      }
      // The marks' stylesheet with the default appearance, registered with the content script (src/page/styles.ts).
      files.push({ contents: pageSheetCss(), relativeDest: PAGE_SHEET_FILE.slice(1) });
      // UI strings: one catalogue per language (English complete), used by browser.i18n.
      for (const lang of readdirSync(LOCALES_DIR)) {
        files.push({ absoluteSrc: resolve(LOCALES_DIR, lang, 'messages.json'), relativeDest: `_locales/${lang}/messages.json` });
      }
    },
  },
  zip: {
    // The sources zip for addons.mozilla.org (`wxt zip -b firefox`): only what a reviewer needs to rebuild
    // the add-on and check the bundled data (docs/firefox.md says how). WXT zips the whole folder unless told.
    includeSources: [
      'package.json',
      'package-lock.json',
      'tsconfig.json',
      'wxt.config.ts',
      'README.md',
      'LICENSE*',
      'docs/firefox.md',
      'entrypoints/**',
      'src/**',
      'public/**',
      'assets/**',
      // How assets/reference/gazetteer.json is made from the npm data packages (npm run gazetteer).
      'scripts/build-gazetteer.ts',
      'scripts/gazetteer/**',
    ],
    excludeSources: [
      'node_modules/**',
      '.output/**',
      '.wxt/**',
      'demo-output/**',
      'test-results/**',
      'tests/**',
      '.ci/**',
      '**/*.log',
    ],
  },
});
