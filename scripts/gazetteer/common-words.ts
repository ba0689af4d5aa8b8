// Common English words that must not become place names by themselves (a GeoNames alternate equal
// to one is dropped; a small town equal to one is dropped too). The list lives with the name rules.
export { GENERIC_WORDS as COMMON_WORDS } from '../../src/reference/names';
