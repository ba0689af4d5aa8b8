// Exporters of a page's marks, pure: W3C Web Annotation JSON-LD (TextQuoteSelector with exact/prefix/
// suffix and TextPositionSelector, so annotators such as Hypothesis can re-anchor them) and CSV.
import type { Annotation, Verdict } from '../types';

export interface ExportInput {
  /** The page's address (the annotations' target source). */
  url: string;
  title?: string;
  /** The analysed text; annotation offsets index it (UTF-16 code units). */
  text: string;
  annotations: readonly Annotation[];
  verdicts: readonly Verdict[];
  /** ISO timestamp of the export (passed in, so the functions stay pure). */
  created?: string;
}

/** How much text around a quote TextQuoteSelector carries as prefix and suffix. */
export const CONTEXT_CHARS = 32;

/** UTF-16 offset -> Unicode code point offset (Web Annotation positions count code points). */
export function codePointOffset(text: string, utf16: number): number {
  let n = 0;
  for (let i = 0; i < utf16 && i < text.length; i++) {
    const c = text.charCodeAt(i);
    // A high surrogate followed by a low one is one code point: count it once.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** Slices at UTF-16 offsets without splitting a surrogate pair. */
function safeSlice(text: string, start: number, end: number): string {
  let s = Math.max(0, start);
  let e = Math.min(text.length, end);
  if (s > 0 && /[\udc00-\udfff]/.test(text[s] ?? '')) s--;
  if (e < text.length && e > 0 && /[\ud800-\udbff]/.test(text[e - 1] ?? '')) e++;
  return text.slice(s, e);
}

function canonical(a: Annotation): string | undefined {
  if (a.place) return a.place.name;
  if (a.claim) return a.claim.source.name ?? a.claim.source.text;
  if (a.figure) {
    const f = a.figure;
    if (f.iso) return f.iso;
    if (f.value === null) return undefined;
    return `${f.value}${f.high !== undefined ? `-${f.high}` : ''}${f.unit ? ` ${f.unit}` : ''}`;
  }
  return undefined;
}

type Json = Record<string, unknown>;

/** One Web Annotation per mark, in an AnnotationCollection with a single page. */
export function toWebAnnotation(input: ExportInput): Json {
  const verdicts = new Map(input.verdicts.map((v) => [v.annotationId, v]));
  const items = input.annotations.map((a): Json => {
    const exact = input.text.slice(a.start, a.end) || a.text;
    const v = verdicts.get(a.id);
    const body: Json[] = [{ type: 'TextualBody', purpose: 'tagging', value: a.category }];
    const name = canonical(a);
    if (name) body.push({ type: 'TextualBody', purpose: 'identifying', value: name });
    if (v) body.push({ type: 'TextualBody', purpose: 'assessing', value: `${v.kind}: ${v.summary}`, format: 'text/plain' });
    const anno: Json = {
      id: `urn:factmark:${encodeURIComponent(input.url)}:${a.id}`,
      type: 'Annotation',
      motivation: v ? 'assessing' : 'identifying',
      body,
      target: {
        source: input.url,
        selector: [
          {
            type: 'TextQuoteSelector',
            exact,
            prefix: safeSlice(input.text, a.start - CONTEXT_CHARS, a.start),
            suffix: safeSlice(input.text, a.end, a.end + CONTEXT_CHARS),
          },
          { type: 'TextPositionSelector', start: codePointOffset(input.text, a.start), end: codePointOffset(input.text, a.end) },
        ],
      },
      generator: { id: 'urn:factmark', type: 'Software', name: 'Factmark' },
    };
    if (input.created) anno.created = input.created;
    return anno;
  });
  const collection: Json = {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: `urn:factmark:${encodeURIComponent(input.url)}`,
    type: 'AnnotationCollection',
    label: input.title ? `Factmark marks: ${input.title}` : 'Factmark marks',
    total: items.length,
    first: { id: `urn:factmark:${encodeURIComponent(input.url)}:page1`, type: 'AnnotationPage', startIndex: 0, items },
  };
  return collection;
}

export const CSV_COLUMNS = ['id', 'category', 'start', 'end', 'text', 'canonical', 'speaker', 'verdict', 'summary', 'evidence', 'url'] as const;

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, quote, CR or LF, quotes doubled. Text that a
 * spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading apostrophe: page text is untrusted.
 */
export function csvCell(value: string | number | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let s = value;
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The marks as CSV with a header row, CRLF line ends. */
export function toCsv(input: ExportInput): string {
  const verdicts = new Map(input.verdicts.map((v) => [v.annotationId, v]));
  const rows: (string | number | undefined)[][] = [[...CSV_COLUMNS]];
  for (const a of input.annotations) {
    const v = verdicts.get(a.id);
    const evidence = v?.evidence.map((e) => [e.label, e.date && `(${e.date})`, e.quote && `“${e.quote}”`].filter(Boolean).join(' ')).join(' | ');
    rows.push([a.id, a.category, a.start, a.end, a.text, canonical(a), a.claim ? (a.claim.source.name ?? a.claim.source.text) : undefined,
      v?.kind, v?.summary, evidence || undefined, input.url]);
  }
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** A file name for the export: "factmark-<host>-<date>.<ext>", safe on every file system. */
export function exportFileName(url: string, ext: string, date = ''): string {
  let host = 'page';
  try {
    host = new URL(url).hostname || 'page';
  } catch {
    /* keep 'page' */
  }
  const base = ['factmark', host, date].filter(Boolean).join('-').replace(/[^a-zA-Z0-9._-]+/g, '_');
  return `${base}.${ext}`;
}
