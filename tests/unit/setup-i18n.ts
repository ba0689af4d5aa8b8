// Unit tests run without the browser's _locales: the English catalogue stands in for browser.i18n.
import en from '../../src/ui/locales/en/messages.json';
import { useFallbackCatalogue } from '../../src/ui/i18n';

useFallbackCatalogue(en);
