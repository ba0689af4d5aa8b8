// WXT build configuration: one manifest for Chromium (MV3) and Firefox, Preact through Vite,
// and the bundled reference dataset copied from assets/reference/ into the extension.
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';

const REFERENCE_DIR = resolve(import.meta.dirname, 'assets/reference');

export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  modules: ['@wxt-dev/webextension-polyfill'],
  webExt: { disabled: true },
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'Factmark',
    description:
      'Marks place names, figures and attributed claims in news articles and compares them with a bundled reference dataset. Works offline.',
    permissions: ['storage', 'activeTab', 'scripting'],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'factmark@factmark.example',
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
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
    },
  },
  zip: {
    excludeSources: ['demo-output/**', 'test-results/**', '.ci/**', 'node_modules/**', '.output/**'],
  },
});
