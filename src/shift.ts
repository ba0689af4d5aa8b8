// Moving an analysis of a piece of a text to the whole text's offsets: used where a long text is analysed
// in pieces (the CLI's chunks, the extension's article parts). Pure.
import type { AnalysisResult, Annotation, Verdict } from './types';

/** Evidence refs that name a position in the analysed text ("article:120", "place:57"). */
const OFFSET_REF = /^(article|place|figure|claim):(\d+)$/;

/** An id or ref of the form "<kind>:<offset>" moved by `by`; any other id gets "@<by>" to stay unique. */
export function moveId(id: string, by: number): string {
  const m = /^(.*):(\d+)$/.exec(id);
  return m ? `${m[1]}:${Number(m[2]) + by}` : `${id}@${by}`;
}

/**
 * The annotations of `r` that start at or after `from` (offsets in the piece), and their verdicts, moved by
 * `by` characters: spans, ids, a claim's source and cue spans, and evidence refs that point into the text.
 */
export function shiftResult(r: Pick<AnalysisResult, 'annotations' | 'verdicts'>, by: number, from = 0): { annotations: Annotation[]; verdicts: Verdict[] } {
  const ids = new Map<string, string>();
  const annotations: Annotation[] = [];
  for (const a of r.annotations) {
    if (a.start < from) continue;
    const id = moveId(a.id, by);
    ids.set(a.id, id);
    const moved: Annotation = { ...a, id, start: a.start + by, end: a.end + by };
    if (a.claim?.source && a.claim.cue) {
      const { source, cue } = a.claim;
      moved.claim = { ...a.claim, source: { ...source, start: source.start + by, end: source.end + by }, cue: { ...cue, start: cue.start + by, end: cue.end + by } };
    }
    annotations.push(moved);
  }
  const verdicts: Verdict[] = [];
  for (const v of r.verdicts) {
    const id = v && ids.get(v.annotationId);
    if (id === undefined) continue;
    const evidence = v.evidence.map((e) => {
      const m = OFFSET_REF.exec(e.ref);
      return m ? { ...e, ref: `${m[1]}:${Number(m[2]) + by}` } : e;
    });
    verdicts.push({ ...v, annotationId: id, evidence });
  }
  return { annotations, verdicts };
}
