// Place-name normalisation shared by the gazetteer build and the runtime index:
// case, diacritics, apostrophe and hyphen variants all fold to one search key.

const SPECIAL: Record<string, string> = {
  ł: 'l', Ł: 'l', ø: 'o', Ø: 'o', æ: 'ae', Æ: 'ae', œ: 'oe', Œ: 'oe', ß: 'ss', đ: 'd', Đ: 'd',
  ı: 'i', þ: 'th', Þ: 'th', ð: 'd', Ð: 'd', ħ: 'h', ŧ: 't', ŀ: 'l',
};
const SPECIAL_RE = /[łŁøØæÆœŒßđĐıþÞðÐħŧŀ]/g;

/** The search key of a name: lower case, no diacritics, no apostrophes, hyphens/dots/spaces folded to one space. */
export function normalizeName(name: string): string {
  // Fast path: plain ASCII letters and single spaces.
  if (/^[A-Za-z]+(?: [A-Za-z]+)*$/.test(name)) return name.toLowerCase();
  return name
    .replace(SPECIAL_RE, (c) => SPECIAL[c] ?? c)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’ʼ`´‘ʻ"”“]/g, '')
    .replace(/[\s\-‐‑‒–—_./,()]+/g, ' ')
    .trim();
}

/** True when the name is written in Latin script (letters, digits, punctuation, spaces only). */
export function isLatinName(name: string): boolean {
  return /^[\p{Script=Latin}\p{N}\s'’ʼ`´‘ʻ\-‐‑–—.,()&/]+$/u.test(name) && /\p{L}/u.test(name);
}
