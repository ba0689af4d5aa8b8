// Long texts for the CLI in bounded memory: where to cut them into chunks (paragraph, line, sentence,
// then word boundaries), and each chunk analysed with a little text before it as context, moved to whole-text offsets.
import { analyze, countWords, type AnalyzeOptions } from '../src/analyze';
import { shiftResult } from '../src/shift';
import type { Reference } from '../src/reference/types';
import type { AnalysisResult, Annotation, Category, Summary, Verdict, VerdictKind } from '../src/types';

export interface ChunkLimits {
  /** Texts of up to this many chars are analysed whole, in one piece, exactly as before chunking existed. */
  whole: number;
  /** Longer texts are cut into chunks of at most this many chars. */
  chunk: number;
  /** At most this many chars from the end of the previous chunk are analysed again with a chunk, as context. */
  context: number;
  /** Verdicts kept in memory per category (chars of JSON) before they are spooled to a temp file (default 1 Mi). */
  spool?: number;
}

/**
 * 256 Ki chars whole covers any real article; beyond that `analyze` grows faster than linearly (1 MB whole
 * took 39 s and 250 MB), so 64 Ki chunks (about the extension's 60,000-char pieces) keep it linear and small.
 */
export const CHUNK_LIMITS: ChunkLimits = { whole: 256 * 1024, chunk: 64 * 1024, context: 2048 };

export interface Chunk {
  /** Offset of `text` in the whole text. */
  start: number;
  text: string;
  /** The text just before `text` (from the previous chunk), analysed with it but not reported. */
  context: string;
}

const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\r' || c === '\n' || c === '\f' || c === '\v' || c === '\u00a0';

/**
 * Where to end a chunk of `text` (which is longer than `max`): an index in (0, max]. The latest blank line
 * (a paragraph break); else the latest line end; else the latest sentence end ("." "!" "?", closing quotes,
 * whitespace); else the latest whitespace; a word is never cut unless `max` chars hold no whitespace at all.
 */
export function cutAt(text: string, max: number): number {
  if (text.length > max + 1) text = text.slice(0, max + 1); // the same cut however much is read ahead
  // a blank line: "\n", spaces or tabs or "\r", "\n"
  for (let i = text.lastIndexOf('\n', max - 1); i > 0; i = text.lastIndexOf('\n', i - 1)) {
    let j = i - 1;
    while (j >= 0 && (text[j] === ' ' || text[j] === '\t' || text[j] === '\r')) j--;
    if (j >= 0 && text[j] === '\n') return i + 1;
  }
  const line = text.lastIndexOf('\n', max - 1);
  if (line >= 0) return line + 1;
  let sentence = -1;
  const re = /[.!?]["'”’»)\]]*\s/g;
  for (let m = re.exec(text); m && m.index + m[0].length <= max; m = re.exec(text)) sentence = m.index + m[0].length;
  if (sentence > 0) return sentence;
  for (let i = max - 1; i >= 0; i--) if (isSpace(text[i])) return i + 1;
  // no whitespace at all: cut anyway (memory stays bounded), but never between the halves of a surrogate pair
  const c = text.charCodeAt(max - 1);
  return c >= 0xd800 && c <= 0xdbff && max > 1 ? max - 1 : max;
}

/** Where the context before a chunk starts in the previous chunk `text`: the first line start (else sentence start, else word start) among its last `max` chars; `text.length` for none. */
export function contextStart(text: string, max: number): number {
  if (max <= 0 || !text) return text.length;
  const from = Math.max(0, text.length - max);
  if (from === 0) return 0;
  const line = text.indexOf('\n', from - 1);
  if (line >= 0 && line + 1 < text.length) return line + 1;
  const re = /[.!?]["'”’»)\]]*\s+/g;
  re.lastIndex = from;
  const m = re.exec(text);
  if (m && m.index + m[0].length < text.length) return m.index + m[0].length;
  for (let i = from; i < text.length - 1; i++) if (isSpace(text[i]) && !isSpace(text[i + 1])) return i + 1;
  return text.length;
}

/** The chunks of a text held in memory (one chunk, the whole text, up to `limits.whole` chars). */
export function* chunksOf(text: string, limits: ChunkLimits = CHUNK_LIMITS): Generator<Chunk> {
  if (text.length <= limits.whole) {
    yield { start: 0, text, context: '' };
    return;
  }
  let start = 0;
  let context = '';
  while (text.length - start > limits.chunk) {
    const rest = text.slice(start, start + limits.chunk + 1);
    const piece = rest.slice(0, cutAt(rest, limits.chunk));
    yield { start, text: piece, context };
    context = piece.slice(contextStart(piece, limits.context));
    start += piece.length;
  }
  yield { start, text: text.slice(start), context };
}

/** The same chunks as `chunksOf` over the whole text, from its pieces as they are read: at most about `whole` + one piece in memory. */
export async function* chunksFrom(pieces: AsyncIterable<string>, limits: ChunkLimits = CHUNK_LIMITS): AsyncGenerator<Chunk> {
  let buf = '';
  let start = 0;
  let context = '';
  let whole = true;
  for await (const p of pieces) {
    buf += p;
    if (whole && buf.length <= limits.whole) continue;
    whole = false;
    while (buf.length > limits.chunk) {
      const piece = buf.slice(0, cutAt(buf, limits.chunk));
      yield { start, text: piece, context };
      context = piece.slice(contextStart(piece, limits.context));
      start += piece.length;
      buf = buf.slice(piece.length);
    }
  }
  if (buf || start === 0) yield { start, text: buf, context };
}


/**
 * One chunk analysed: `analyze` over context + text, then only the annotations that start in `text`
 * (and their verdicts), with offsets, ids and evidence refs moved to whole-text terms. The summary
 * counts those annotations and verdicts and the words of `text`. A whole text (offset 0, no context)
 * is `analyze`'s result, untouched.
 */
export function analyzeChunk(chunk: Chunk, reference: Reference, options: AnalyzeOptions = {}): AnalysisResult {
  if (chunk.start === 0 && !chunk.context) return analyze(chunk.text, reference, options);
  const skip = chunk.context.length;
  const by = chunk.start - skip;
  const r = analyze(chunk.context + chunk.text, reference, options);
  const { annotations, verdicts } = shiftResult(r, by, skip);
  return { annotations, verdicts, summary: { ...tally(annotations, verdicts), words: countWords(chunk.text) } };
}

function tally(annotations: readonly Annotation[], verdicts: readonly Verdict[]): Omit<Summary, 'words'> {
  const counts: Record<Category, number> = { place: 0, figure: 0, claim: 0 };
  for (const a of annotations) counts[a.category]++;
  const kinds: Record<VerdictKind, number> = { consistent: 0, differs: 0, variant: 0, ambiguous: 0, unverified: 0 };
  for (const v of verdicts) kinds[v.kind]++;
  return { counts, verdicts: kinds };
}

/** Adds a chunk's summary to a running total (`undefined` to start). */
export function addSummary(total: Summary | undefined, s: Summary): Summary {
  if (!total) return { counts: { ...s.counts }, verdicts: { ...s.verdicts }, words: s.words };
  for (const k of Object.keys(s.counts) as Category[]) total.counts[k] += s.counts[k];
  for (const k of Object.keys(s.verdicts) as VerdictKind[]) total.verdicts[k] += s.verdicts[k];
  total.words += s.words;
  return total;
}

/**
 * A text in memory analysed chunk by chunk, merged into one result in the order `analyze` gives:
 * annotations by position, verdicts for places, then figures, then claims. For tests and comparisons;
 * the CLI streams the same chunks instead of holding the result.
 */
export function analyzeChunked(text: string, reference: Reference, options: AnalyzeOptions = {}, limits: ChunkLimits = CHUNK_LIMITS): AnalysisResult {
  const annotations: Annotation[] = [];
  const verdicts: Record<Category, Verdict[]> = { place: [], figure: [], claim: [] };
  let summary: Summary | undefined;
  for (const chunk of chunksOf(text, limits)) {
    const r = analyzeChunk(chunk, reference, options);
    if (chunk.start === 0 && !chunk.context && text.length <= limits.whole) return r;
    const category = new Map(r.annotations.map((a) => [a.id, a.category]));
    annotations.push(...r.annotations);
    for (const v of r.verdicts) verdicts[category.get(v.annotationId) ?? 'claim'].push(v);
    summary = addSummary(summary, r.summary);
  }
  return { annotations, verdicts: [...verdicts.place, ...verdicts.figure, ...verdicts.claim], summary: summary! };
}
