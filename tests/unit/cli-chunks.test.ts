import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { analyze } from '../../src/analyze';
import { loadBundledReference } from '../../cli/load-reference';
import { analyzeChunked, chunksFrom, chunksOf, contextStart, cutAt, type ChunkLimits } from '../../cli/chunks';

const reference = loadBundledReference();

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}
async function* from(pieces: string[]) {
  for (const p of pieces) yield p;
}

describe('cutAt: where a chunk ends', () => {
  test.each([
    ['a blank line, the latest before max', 'one two.\n\nthree four.\n\nfive six seven', 24, 'one two.\n\nthree four.\n\n'.length],
    ['a blank line rather than a later line end', 'one two.\n\nthree four.\nfive six seven', 30, 'one two.\n\n'.length],
    ['a blank line with spaces and \\r\\n', 'aa bb\r\n \r\ncc dd ee ff gg', 16, 'aa bb\r\n \r\n'.length],
    ['else a line end', 'one two\nthree four\nfive six seven', 24, 'one two\nthree four\n'.length],
    ['else a sentence end', 'One two. Three four! Five six seven', 27, 'One two. Three four! '.length],
    ['a sentence end after closing quotes', 'He said "go." Then they went away', 20, 'He said "go." '.length],
    ['else whitespace, never inside a word', 'alpha beta gamma delta', 13, 'alpha beta '.length],
    ['no whitespace at all: cut at max', 'abcdefghij', 4, 4],
    ['no whitespace: not between the halves of a surrogate pair', 'abc😀def', 4, 3],
  ])('%s', (_name, text, max, cut) => {
    expect(cutAt(text, max)).toBe(cut);
  });

  test('never looks past max + 1: the same cut whatever is read ahead', () => {
    const text = 'aaa bbb ccc ddd\n\neee';
    expect(cutAt(text, 10)).toBe(cutAt(text.slice(0, 11), 10));
  });
});

describe('contextStart: the context carried into the next chunk', () => {
  test.each([
    ['the first line start in the window', 'para one.\n\npara two is here.\nline three.', 25, 'para one.\n\npara two is here.\n'.length],
    ['all of a short chunk', 'short.', 100, 0],
    ['a sentence start when there is no line end', 'One two three. Four five six. Seven', 25, 'One two three. Four five six. '.length - 15],
    ['none when asked for none', 'abc def', 0, 7],
  ])('%s', (_name, text, max, start) => {
    expect(contextStart(text, max)).toBe(start);
  });
});

describe('chunks', () => {
  const limits: ChunkLimits = { whole: 40, chunk: 25, context: 10 };

  test('a text up to `whole` is one chunk, with no context', () => {
    expect([...chunksOf('x'.repeat(40), limits)]).toEqual([{ start: 0, text: 'x'.repeat(40), context: '' }]);
    expect([...chunksOf('', limits)]).toEqual([{ start: 0, text: '', context: '' }]);
  });

  test('property: chunks cover the text in order, each at most `chunk` long; read in pieces gives the same chunks', async () => {
    const char = fc.constantFrom('a', 'b', ' ', '\n', '.', '\r', '😀', 'é');
    await fc.assert(
      fc.asyncProperty(fc.array(char, { maxLength: 300 }).map((a) => a.join('')), fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 20 }), async (text, sizes) => {
        const chunks = [...chunksOf(text, limits)];
        expect(chunks.map((c) => c.text).join('')).toBe(text);
        let at = 0;
        for (const c of chunks) {
          expect(c.start).toBe(at);
          at += c.text.length;
          if (text.length > limits.whole) expect(c.text.length).toBeLessThanOrEqual(limits.chunk);
          expect(c.context.length).toBeLessThanOrEqual(limits.context);
          expect(text.slice(0, c.start).endsWith(c.context)).toBe(true);
        }
        // the same text arriving in arbitrary pieces
        const pieces: string[] = [];
        for (let i = 0, k = 0; i < text.length; k++) {
          let n = sizes[k % sizes.length];
          if (/[\ud800-\udbff]/.test(text[i + n - 1] ?? '')) n++; // a decoder never splits a code point
          pieces.push(text.slice(i, i + n));
          i += n;
        }
        expect(await collect(chunksFrom(from(pieces), limits))).toEqual(chunks);
      }),
      { numRuns: 300 },
    );
  });

  test('a cut never falls inside a word when the chunk holds whitespace', () => {
    const text = 'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor '.repeat(5);
    for (const c of chunksOf(text, limits)) {
      const end = c.start + c.text.length;
      if (end < text.length) expect(/\s/.test(text[end - 1])).toBe(true);
    }
  });
});

describe('analyzeChunked: chunks analysed and moved to whole-text offsets', () => {
  // Paragraphs of places, figures and claims, each speaker named in one paragraph only: no attribution
  // or pronoun crosses a paragraph, so none crosses a chunk boundary. (The recogniser's book of speakers
  // is document-wide: a name given in full in one chunk does not reach a later chunk.)
  const surnames = ['Abbott', 'Brennan', 'Castillo', 'Dimitrov', 'Eriksen', 'Fischer', 'Gallagher', 'Horvath', 'Ibrahim', 'Jansen', 'Kowalczyk', 'Lindqvist', 'Moreau', 'Nakamura', 'Okafor', 'Quinlan', 'Rossi', 'Sandoval', 'Takahashi', 'Ulrich', 'Whitfield', 'Yilmaz', 'Zuniga', 'Bondarenko', 'Carvalho', 'Delacroix', 'Esposito', 'Fontaine', 'Grimaldi', 'Haugen'];
  const firsts = ['Anna', 'Boris', 'Clara', 'David', 'Elena', 'Frank'];
  const places = [['Kharkiv', 'Izyum'], ['Odesa', 'Mykolaiv'], ['Lviv', 'Kyiv'], ['Poltava', 'Sumy'], ['Dnipro', 'Zaporizhzhia']];
  const days = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
  const text = surnames.map((last, i) => {
    const [a, b] = places[i % places.length];
    const pronoun = i % 2 ? 'She' : 'He';
    return `Mayor ${firsts[i % firsts.length]} ${last} said on ${days[i % days.length]} that ${120 + i * 7} families had left ${a}, about ${40 + i} km from ${b}. `
      + `"We will rebuild every school," ${last} told reporters. ${pronoun} added that repairs would cost $${3 + i} million.`;
  }).join('\n\n');
  const limits: ChunkLimits = { whole: 2000, chunk: 1500, context: 400 };

  test('the input really is cut into several chunks', () => {
    expect([...chunksOf(text, limits)].length).toBeGreaterThan(3);
  });

  test('same annotations and verdicts as the whole text; offsets, slices and ids right', () => {
    const whole = analyze(text, reference);
    const chunked = analyzeChunked(text, reference, {}, limits);
    expect(chunked.annotations).toEqual(whole.annotations);
    expect(chunked.verdicts).toEqual(whole.verdicts);
    expect(chunked.summary).toEqual(whole.summary);
    const ids = new Set<string>();
    for (const a of chunked.annotations) {
      expect(text.slice(a.start, a.end)).toBe(a.text);
      if (a.claim) {
        expect(text.slice(a.claim.source.start, a.claim.source.end)).toBe(a.claim.source.text);
        expect(text.slice(a.claim.cue.start, a.claim.cue.end)).toBe(a.claim.cue.text);
      }
      expect(a.id).toBe(`${a.category}:${a.start}`);
      expect(ids.has(a.id)).toBe(false);
      ids.add(a.id);
    }
    for (const v of chunked.verdicts) expect(ids.has(v.annotationId)).toBe(true);
  });

  test('with --categories too', () => {
    const options = { categories: ['figure', 'claim'] as const, published: '2022-09-10' };
    expect(analyzeChunked(text, reference, options, limits)).toEqual(analyze(text, reference, options));
  });

  test('context: a pronoun at the start of a chunk still resolves to the speaker named just before it', () => {
    const filler = 'The weather was calm and the roads were quiet for most of the week in the area.\n\n'.repeat(8);
    const story = `${filler}President Volodymyr Zelensky said on Sunday that the front line was holding.\n\nHe said the army would not stop until every town was free.\n`;
    const small: ChunkLimits = { whole: 100, chunk: story.indexOf('He said'), context: 200 };
    const chunks = [...chunksOf(story, small)];
    expect(chunks.some((c) => c.text.startsWith('He said'))).toBe(true);
    const claim = (r: ReturnType<typeof analyze>) => r.annotations.find((a) => a.category === 'claim' && a.claim?.source.text === 'He');
    const whole = claim(analyze(story, reference));
    expect(whole?.claim?.source.name).toMatch(/Zelensky/);
    expect(claim(analyzeChunked(story, reference, {}, small))).toEqual(whole);
    // without context the chunk alone could not know who "he" is
    expect(claim(analyzeChunked(story, reference, {}, { ...small, context: 0 }))?.claim?.source.name ?? '').not.toMatch(/Zelensky/);
  });
});
