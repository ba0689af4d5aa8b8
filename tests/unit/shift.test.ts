import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze';
import { moveId, shiftResult } from '../../src/shift';
import { loadBundledReference } from '../../cli/load-reference';

describe('shiftResult', () => {
  const reference = loadBundledReference();
  const piece = 'Volodymyr Zelensky said on Saturday that Ukrainian troops had entered Kupiansk, 40 kilometres from Kharkiv.';
  const prefix = 'An unrelated first paragraph about nothing in particular.\n\n';

  it('moves every span, id, claim part and text ref so the piece reads right in the whole text', () => {
    const whole = prefix + piece;
    const r = analyze(piece, reference, { published: '2022-09-10' });
    expect(r.annotations.some((a) => a.claim)).toBe(true);
    const moved = shiftResult(r, prefix.length);
    expect(moved.annotations).toHaveLength(r.annotations.length);
    for (const a of moved.annotations) {
      expect(whole.slice(a.start, a.end)).toBe(a.text);
      expect(a.id).toBe(`${a.category}:${a.start}`);
      if (a.claim) {
        expect(whole.slice(a.claim.source.start, a.claim.source.end)).toBe(a.claim.source.text);
        expect(whole.slice(a.claim.cue.start, a.claim.cue.end)).toBe(a.claim.cue.text);
      }
    }
    const ids = new Set(moved.annotations.map((a) => a.id));
    for (const v of moved.verdicts) {
      expect(ids.has(v.annotationId)).toBe(true);
      for (const e of v.evidence) {
        const m = /^(?:article|place|figure|claim):(\d+)$/.exec(e.ref);
        if (m) expect(Number(m[1])).toBeGreaterThanOrEqual(prefix.length);
      }
    }
    expect(moved.verdicts).toHaveLength(r.verdicts.length);
  });

  it('keeps only annotations that start at or after `from`, and their verdicts', () => {
    const r = analyze(prefix + piece, reference);
    const moved = shiftResult(r, 0, prefix.length);
    expect(moved.annotations.length).toBeGreaterThan(0);
    expect(moved.annotations.every((a) => a.start >= prefix.length)).toBe(true);
    const ids = new Set(moved.annotations.map((a) => a.id));
    expect(moved.verdicts.every((v) => ids.has(v.annotationId))).toBe(true);
  });

  it('moveId keeps other ids unique', () => {
    expect(moveId('place:12', 100)).toBe('place:112');
    expect(moveId('odd', 5)).toBe('odd@5');
  });
});
