// Pure lookups over the painted annotations: which mark is at an article offset, and which mark
// comes next or before for keyboard navigation.
import type { Annotation, Category } from '../types';

/** The innermost enabled annotation containing `offset`, or null. */
export function annotationAt(
  annotations: readonly Annotation[],
  offset: number,
  enabled: Record<Category, boolean>,
): Annotation | null {
  let best: Annotation | null = null;
  for (const a of annotations) {
    if (a.start > offset) break; // sorted by start
    if (offset < a.end && enabled[a.category] && (!best || a.end - a.start < best.end - best.start)) best = a;
  }
  return best;
}

/**
 * The innermost claim source or cue (claims enabled) containing `offset`: the claim it belongs to and the
 * part's span, or null. Sources and cues may lie before, after or inside other claims: every claim is looked at.
 */
export function claimPartAt(
  annotations: readonly Annotation[],
  offset: number,
  enabled: Record<Category, boolean>,
): { a: Annotation; start: number; end: number } | null {
  if (!enabled.claim) return null;
  let best: { a: Annotation; start: number; end: number } | null = null;
  for (const a of annotations) {
    if (a.category !== 'claim' || !a.claim) continue;
    for (const s of [a.claim.source, a.claim.cue]) {
      if (s && s.start <= offset && offset < s.end && (!best || s.end - s.start < best.end - best.start)) best = { a, start: s.start, end: s.end };
    }
  }
  return best;
}

/** The next (dir 1) or previous (dir -1) enabled annotation after `currentId`, wrapping around. */
export function stepMark(
  annotations: readonly Annotation[],
  currentId: string | null,
  dir: 1 | -1,
  enabled: Record<Category, boolean>,
): Annotation | null {
  const list = annotations.filter((a) => enabled[a.category]);
  if (!list.length) return null;
  const i = currentId === null ? -1 : list.findIndex((a) => a.id === currentId);
  if (i < 0) return dir === 1 ? list[0] : list[list.length - 1];
  return list[(i + dir + list.length) % list.length];
}

export const byStart = (a: Annotation, b: Annotation) => a.start - b.start || b.end - a.end || a.id.localeCompare(b.id);
