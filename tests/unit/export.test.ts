// The exporters: Web Annotation JSON-LD shape (quote and position selectors that re-anchor in the text)
// and CSV quoting, including formula-looking page text.
import { describe, expect, test } from 'vitest';
import { codePointOffset, csvCell, exportFileName, toCsv, toWebAnnotation, type ExportInput } from '../../src/export/annotations';
import type { Annotation, Verdict } from '../../src/types';

const text = 'Troops left Izyum, "the city", said Zelensky 😀 about 2,000 km2 in Kharkiv.';
const at = (s: string) => text.indexOf(s);
const izyum: Annotation = { id: `place:${at('Izyum')}`, category: 'place', start: at('Izyum'), end: at('Izyum') + 5, text: 'Izyum', place: { name: 'Izium', kind: 'city', country: 'UA' } };
const kharkiv: Annotation = { id: `place:${at('Kharkiv')}`, category: 'place', start: at('Kharkiv'), end: at('Kharkiv') + 7, text: 'Kharkiv', place: { name: 'Kharkiv', kind: 'city' } };
const claim: Annotation = {
  id: 'claim:0', category: 'claim', start: 0, end: at(', said'), text: text.slice(0, at(', said')),
  claim: { source: { start: at('Zelensky'), end: at('Zelensky') + 8, text: 'Zelensky', name: 'Volodymyr Zelensky' }, cue: { start: at('said'), end: at('said') + 4, text: 'said' } },
};
const verdicts: Verdict[] = [{ annotationId: izyum.id, kind: 'variant', summary: 'Spelled Izium in the gazetteer', evidence: [{ ref: 'geonames:1', label: 'Izium' }] }];
const input: ExportInput = { url: 'https://news.example/a?x=1', title: 'T', text, annotations: [izyum, kharkiv, claim], verdicts, created: '2026-01-01T00:00:00Z' };

describe('Web Annotation JSON-LD', () => {
  const doc = toWebAnnotation(input) as { '@context': string; type: string; total: number; first: { type: string; items: any[] } };

  test('an AnnotationCollection of Annotations with the W3C context', () => {
    expect(doc['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(doc.type).toBe('AnnotationCollection');
    expect(doc.total).toBe(3);
    expect(doc.first.type).toBe('AnnotationPage');
    for (const a of doc.first.items) {
      expect(a.type).toBe('Annotation');
      expect(a.target.source).toBe(input.url);
      expect(a.target.selector.map((s: { type: string }) => s.type)).toEqual(['TextQuoteSelector', 'TextPositionSelector']);
      expect(a.created).toBe('2026-01-01T00:00:00Z');
    }
    expect(new Set(doc.first.items.map((a) => a.id)).size).toBe(3);
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });

  test('the quote selector re-anchors: prefix + exact + suffix occurs in the text', () => {
    for (const a of doc.first.items) {
      const q = a.target.selector[0];
      expect(text).toContain(q.prefix + q.exact + q.suffix);
      expect(q.prefix.length).toBeLessThanOrEqual(32);
    }
    const place = doc.first.items[0];
    expect(place.target.selector[0].exact).toBe('Izyum');
    expect(place.body).toContainEqual({ type: 'TextualBody', purpose: 'tagging', value: 'place' });
    expect(place.body).toContainEqual({ type: 'TextualBody', purpose: 'identifying', value: 'Izium' });
    expect(place.motivation).toBe('assessing');
    expect(doc.first.items[1].motivation).toBe('identifying');
    expect(doc.first.items[2].body).toContainEqual({ type: 'TextualBody', purpose: 'identifying', value: 'Volodymyr Zelensky' });
  });

  test('positions count code points, so an emoji before a mark counts once', () => {
    const pos = doc.first.items[1].target.selector[1];
    expect([...text].slice(pos.start, pos.end).join('')).toBe('Kharkiv');
    expect(pos.start).toBe(kharkiv.start - 1);
    expect(doc.first.items[0].target.selector[1]).toEqual({ type: 'TextPositionSelector', start: izyum.start, end: izyum.end });
    expect(codePointOffset('a😀b', 3)).toBe(2);
  });
});

describe('CSV', () => {
  test('cells: plain, quoted, quotes doubled, newlines kept inside quotes, formulas defused', () => {
    expect(csvCell('Kyiv')).toBe('Kyiv');
    expect(csvCell('2,000 km')).toBe('"2,000 km"');
    expect(csvCell('"the city"')).toBe('"""the city"""');
    expect(csvCell('a\nb')).toBe('"a\nb"');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('-5')).toBe("'-5");
    expect(csvCell('@cmd')).toBe("'@cmd");
    expect(csvCell(12)).toBe('12');
    expect(csvCell(undefined)).toBe('');
  });

  test('a header and one row per mark, CRLF, parseable back', () => {
    const csv = toCsv(input);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('id,category,start,end,text,canonical,speaker,verdict,summary,evidence,url');
    expect(lines.length).toBe(5); // header, 3 rows, trailing empty
    expect(lines[1]).toBe(`${izyum.id},place,${izyum.start},${izyum.end},Izyum,Izium,,variant,Spelled Izium in the gazetteer,Izium,https://news.example/a?x=1`);
    // The claim's text has a comma and quotes: one quoted cell.
    const row = parseCsvLine(lines[3]!);
    expect(row.length).toBe(11);
    expect(row[4]).toBe(claim.text);
    expect(row[6]).toBe('Volodymyr Zelensky');
  });

  test('file names are safe', () => {
    expect(exportFileName('https://www.bbc.com/news/x', 'csv', '2026-01-01')).toBe('factmark-www.bbc.com-2026-01-01.csv');
    expect(exportFileName('not a url', 'jsonld')).toBe('factmark-page.jsonld');
  });
});

/** Minimal RFC 4180 line parser for the test. */
function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let q = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (q) {
      if (c === '"' && line[i + 1] === '"') { cur += '"'; i++; }
      else if (c === '"') q = false;
      else cur += c;
    } else if (c === '"') q = true;
    else if (c === ',') { out.push(cur); cur = ''; }
    else cur += c;
  }
  out.push(cur);
  return out;
}
