// FNV-1a over UTF-16 code units: the one 32-bit hash of the reference code (claim ids of imported
// ClaimReview, report fingerprints' shingles, the gazetteer's hash tables of names).

/** The hash of no units. */
export const FNV_START = 0x811c9dc5;

/** The hash after one more unit. */
export const fnvStep = (h: number, c: number): number => Math.imul(h ^ c, 0x01000193);

/** The hash of the string's code units, unsigned. */
export function fnvHash(s: string): number {
  let h = FNV_START;
  for (let i = 0; i < s.length; i++) h = fnvStep(h, s.charCodeAt(i));
  return h >>> 0;
}
