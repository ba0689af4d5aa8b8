// The popup's check of the PageState a content script sends: a known status, an optional result
// with well-formed annotations and verdicts. Anything else is never shown as data: like no answer
// at all, it gives undefined, which the popup shows as "cannot read this tab" (ui-popup tests).
import { describe, expect, test } from 'vitest';
import { isPageState, toPageState } from '../../entrypoints/popup/page-client';
import type { PageState } from '../../src/messages';

const good: PageState = {
  status: 'analysed',
  article: { url: 'https://news.example/a', title: 'A', published: '2022-09-10' },
  text: 'Izyum and 73 kilometres, Zelensky said.',
  result: {
    annotations: [
      { id: 'place:0', category: 'place', start: 0, end: 5, text: 'Izyum', place: { name: 'Izium', kind: 'city', country: 'UA' } },
      { id: 'figure:10', category: 'figure', start: 10, end: 23, text: '73 kilometres', figure: { kind: 'measure', value: 73, unit: 'km' } },
      { id: 'claim:0', category: 'claim', start: 0, end: 23, text: 'Izyum and 73 kilometres',
        claim: { source: { start: 25, end: 33, text: 'Zelensky', name: 'Volodymyr Zelensky' }, cue: { start: 34, end: 38, text: 'said' } } } as PageState['result'] extends infer R ? R extends { annotations: (infer A)[] } ? A : never : never,
    ],
    verdicts: [{ annotationId: 'place:0', kind: 'variant', summary: 'Spelled Izium', evidence: [{ ref: 'geonames:1', label: 'Izium' }] }],
    summary: { counts: { place: 1, figure: 1, claim: 1 }, verdicts: { consistent: 0, differs: 0, variant: 1, ambiguous: 0, unverified: 0 }, words: 6 },
  },
};

const withResult = (patch: Record<string, unknown>) => ({ ...good, result: { ...good.result, ...patch } });
const withAnnotation = (patch: Record<string, unknown>) => withResult({ annotations: [{ ...good.result!.annotations[0], ...patch }] });

describe('toPageState', () => {
  test('a well-formed state passes through unchanged', () => {
    expect(toPageState(good)).toBe(good);
    for (const status of ['pending', 'not-article', 'disabled'] as const) expect(toPageState({ status })).toEqual({ status });
    expect(toPageState({ status: 'error', error: 'boom' })).toEqual({ status: 'error', error: 'boom' });
  });

  test('no answer (no content script) is undefined: the popup says it cannot read the tab', () => {
    expect(toPageState(undefined)).toBeUndefined();
  });

  test.each([
    ['null', null],
    ['a string', 'analysed'],
    ['an array', [good]],
    ['no status', { result: good.result }],
    ['an unknown status', { status: 'done' }],
    ['a status of another type', { status: 1 }],
    ['an error that is not a string', { status: 'error', error: { message: 'x' } }],
    ['text that is not a string', { ...good, text: 42 }],
    ['an article without a url', { ...good, article: { title: 'A' } }],
    ['an article that is a string', { ...good, article: 'A' }],
    ['a result that is a string', { ...good, result: 'x' }],
    ['a result without annotations', withResult({ annotations: undefined })],
    ['annotations that are not an array', withResult({ annotations: { 0: 'x' } })],
    ['verdicts that are not an array', withResult({ verdicts: null })],
    ['an annotation that is not an object', withResult({ annotations: ['Izyum'] })],
    ['an annotation of an unknown category', withAnnotation({ category: 'person' })],
    ['an annotation without an id', withAnnotation({ id: undefined })],
    ['an annotation with string offsets', withAnnotation({ start: '0' })],
    ['an annotation ending before it starts', withAnnotation({ start: 5, end: 1 })],
    ['an annotation with NaN offsets', withAnnotation({ end: Number.NaN })],
    ['a place without a name', withAnnotation({ place: { kind: 'city' } })],
    ['a claim without a source', withAnnotation({ category: 'claim', claim: { cue: { text: 'said' } } })],
    ['a verdict of an unknown kind', withResult({ verdicts: [{ ...good.result!.verdicts[0], kind: 'true' }] })],
    ['a verdict without evidence', withResult({ verdicts: [{ ...good.result!.verdicts[0], evidence: undefined }] })],
    ['evidence without a label', withResult({ verdicts: [{ ...good.result!.verdicts[0], evidence: [{ ref: 'x' }] }] })],
    ['a summary without counts', withResult({ summary: { verdicts: good.result!.summary.verdicts, words: 1 } })],
    ['a summary with a count missing', withResult({ summary: { ...good.result!.summary, counts: { place: 1, figure: 1 } } })],
  ])('%s -> refused', (_name, answer) => {
    expect(isPageState(answer)).toBe(false);
    expect(toPageState(answer)).toBeUndefined();
  });

  test('a result without a summary gets one counted from its annotations and verdicts', () => {
    const { summary: _omit, ...rest } = good.result!;
    const state = toPageState({ ...good, result: rest });
    expect(state?.status).toBe('analysed');
    expect(state?.result?.summary).toEqual({
      counts: { place: 1, figure: 1, claim: 1 },
      verdicts: { consistent: 0, differs: 0, variant: 1, ambiguous: 0, unverified: 0 },
      words: 6,
    });
    expect(toPageState({ status: 'analysed', result: { annotations: [], verdicts: [] } })?.result?.summary.words).toBe(0);
  });
});
