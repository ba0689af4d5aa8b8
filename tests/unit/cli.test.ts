import { afterAll, describe, expect, test } from 'vitest';
import { Readable } from 'node:stream';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run, parseArgs, lines, UsageError } from '../../cli/main';
import { analyze, type AnalyzeOptions } from '../../src/analyze';
import { loadBundledReference } from '../../cli/load-reference';
import { analyzeChunked, chunksOf, type ChunkLimits } from '../../cli/chunks';

async function cli(argv: string[], stdin?: string | NodeJS.ReadableStream, limits?: ChunkLimits) {
  let out = '';
  let err = '';
  const code = await run(argv, {
    out: (s) => { out += s; },
    err: (s) => { err += s; },
    stdin: stdin === undefined ? undefined : typeof stdin === 'string' ? Readable.from([stdin]) : stdin,
  }, limits);
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'factmark-cli-'));
// the CLI's own temp files go here (os.tmpdir() reads TMPDIR), so a test sees exactly what it left behind
const runTmp = join(dir, 'tmp');
mkdirSync(runTmp);
const savedTmp = process.env.TMPDIR;
process.env.TMPDIR = runTmp;
afterAll(() => {
  if (savedTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmp;
  rmSync(dir, { recursive: true, force: true });
});
const textFile = join(dir, 'a.txt');
writeFileSync(textFile, 'Russian troops were withdrawing from Izyum, the ministry said on Saturday.');
const htmlFile = join(dir, 'a.html');
writeFileSync(
  htmlFile,
  `<!doctype html><html><head><title>Test report</title><meta property="article:published_time" content="2022-09-10T10:00:00Z"></head>
  <body><nav>Home | World</nav><article><h1>Test report</h1>${'<p>Russian troops were withdrawing from key areas of the Kharkiv region, the ministry said on Saturday, as the counteroffensive gained momentum in the east.</p>'.repeat(6)}</article></body></html>`,
);

describe('factmark analyze', () => {
  test('--text FILE prints one JSON object with the contract fields', async () => {
    const { code, out } = await cli(['analyze', '--text', textFile]);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(Object.keys(json)).toEqual(['title', 'byline', 'text', 'annotations', 'verdicts', 'summary']);
    expect(json.text).toBe('Russian troops were withdrawing from Izyum, the ministry said on Saturday.');
    for (const a of json.annotations) expect(json.text.slice(a.start, a.end)).toBe(a.text);
  });

  test('--text - reads stdin exactly as given', async () => {
    const { code, out } = await cli(['analyze', '--text', '-'], 'line one\n\nline two\n');
    expect(code).toBe(0);
    expect(JSON.parse(out).text).toBe('line one\n\nline two\n');
  });

  test('FILE.html extracts the article with Readability, dropping page furniture', async () => {
    const { code, out } = await cli(['analyze', htmlFile]);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.title).toBe('Test report');
    expect(json.text).toContain('Kharkiv region');
    expect(json.text).not.toContain('Home | World');
    expect(json.text.split('\n\n').length).toBeGreaterThan(1);
  });

  test('--jsonl keeps input order, reports a bad line by number, processes the rest, exits 2', async () => {
    const input = '{"id":"a","text":"one"}\nnot json\n{"id":"c","text":"three"}\n{"id":"d"}\n';
    const { code, out, err } = await cli(['analyze', '--jsonl', '-'], input);
    expect(code).toBe(2);
    expect(out.trim().split('\n').map((l) => JSON.parse(l).id)).toEqual(['a', 'c']);
    expect(err).toMatch(/line 2: not JSON/);
    expect(err).toMatch(/line 4: expected an object with a string "text"/);
  });

  test('--jsonl with only good lines exits 0', async () => {
    const { code, out } = await cli(['analyze', '--jsonl'], '{"id":1,"text":"x"}\n');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({ id: 1, annotations: expect.any(Array) });
  });

  test.each([
    [['analyze', '--nope'], /unknown flag '--nope'/],
    [['analyze', join(dir, 'missing.html')], /cannot read .*missing\.html.*ENOENT/],
    [['analyze', '--jsonl', join(dir, 'missing.jsonl')], /cannot read .*ENOENT/],
    [['frobnicate'], /unknown command 'frobnicate'/],
    [['analyze'], /needs a FILE/],
    [['analyze', '--text'], /--text needs a value/],
    [['analyze', '--categories', 'place,people', '--text', textFile], /unknown category 'people'/],
    [['analyze', '--published', '10/09/2022', '--text', textFile], /not a date/],
  ])('bad input %j exits 2 with a reason', async (argv, reason) => {
    const { code, err, out } = await cli(argv as string[]);
    expect(code).toBe(2);
    expect(err).toMatch(reason);
    expect(out).toBe('');
  });

  test('--help exits 0 with usage', async () => {
    const { code, out } = await cli(['--help']);
    expect(code).toBe(0);
    expect(out).toMatch(/factmark analyze --jsonl/);
  });

  test('parseArgs throws UsageError, never a generic error, for bad flags', () => {
    expect(() => parseArgs(['analyze', '-x'])).toThrow(UsageError);
  });
});

const reference = loadBundledReference();
const seedDir = join(__dirname, '../fixtures/seeds');
const seeds = readdirSync(seedDir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(seedDir, f), 'utf8'));
/** What `--text` printed before chunking existed: the whole text analysed and stringified in one piece. */
const wholeOutput = (text: string, options: AnalyzeOptions = {}, indent?: number) =>
  JSON.stringify({ title: null, byline: null, text, ...analyze(text, reference, options) }, null, indent) + '\n';
const leftovers = () => readdirSync(runTmp);

describe('--text below the chunking threshold: byte for byte the output of whole-text analysis', () => {
  const seedFile = join(dir, 'seed.txt');
  writeFileSync(seedFile, seeds[0]);
  test.each([
    ['a seed report', [], undefined],
    ['--pretty', ['--pretty'], 2],
    ['--categories and --published', ['--categories', 'figure,claim', '--published', '2022-09-10'], undefined],
  ])('%s', async (_name, flags, indent) => {
    const options: AnalyzeOptions = flags.includes('--categories') ? { categories: ['figure', 'claim'], published: '2022-09-10' } : {};
    const { code, out } = await cli(['analyze', '--text', seedFile, ...(flags as string[])]);
    expect(code).toBe(0);
    expect(out).toBe(wholeOutput(seeds[0], options, indent as number | undefined));
  });

  test('stdin', async () => {
    const { code, out } = await cli(['analyze', '--text', '-'], seeds[1]);
    expect(code).toBe(0);
    expect(out).toBe(wholeOutput(seeds[1]));
  });
});

describe('--text above the threshold: chunks analysed and streamed', () => {
  const limits: ChunkLimits = { whole: 3000, chunk: 2500, context: 500, spool: 1 };
  const text = `${seeds[0]}\n\n${seeds[1]}\n\nThe town, “Ку́п’янськ” in Ukrainian 😀, lies 73 km (45 miles) from Izyum.\n`;
  const file = join(dir, 'long.txt');
  writeFileSync(file, text);
  const expected = (options: AnalyzeOptions = {}, indent?: number) =>
    JSON.stringify({ title: null, byline: null, text, ...analyzeChunked(text, reference, options, limits) }, null, indent) + '\n';

  test('the input is cut into several chunks', () => {
    expect([...chunksOf(text, limits)].length).toBeGreaterThan(2);
  });

  test.each([
    ['compact', [], undefined],
    ['--pretty', ['--pretty'], 2],
  ])('from a file, %s: exactly JSON.stringify of the chunked result', async (_name, flags, indent) => {
    const { code, out, err } = await cli(['analyze', '--text', file, ...(flags as string[])], undefined, limits);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toBe(expected({}, indent as number | undefined));
    const json = JSON.parse(out);
    expect(json.text).toBe(text);
    const ids = new Set<string>();
    for (const a of json.annotations) {
      expect(text.slice(a.start, a.end)).toBe(a.text);
      expect(ids.has(a.id)).toBe(false);
      ids.add(a.id);
    }
    for (const v of json.verdicts) expect(ids.has(v.annotationId)).toBe(true);
    expect(json.summary.counts.place + json.summary.counts.figure + json.summary.counts.claim).toBe(json.annotations.length);
    expect(leftovers()).toEqual([]);
  });

  test('from stdin, in small pieces (copied to a temp file for the second pass, then removed)', async () => {
    const pieces: string[] = [];
    for (let i = 0; i < text.length; i += 700) pieces.push(text.slice(i, i + 700));
    const stdin = Readable.from(pieces.map((p) => Buffer.from(p)));
    const { code, out } = await cli(['analyze', '--text', '-', '--categories', 'place,figure'], stdin, limits);
    expect(code).toBe(0);
    expect(out).toBe(expected({ categories: ['place', 'figure'] }));
    expect(leftovers()).toEqual([]);
  });

  test('more bytes than the threshold but not more chars: still whole-text analysis', async () => {
    const wide = 'Київ і Харків. '.repeat(20);
    const f = join(dir, 'wide.txt');
    writeFileSync(f, wide);
    const small: ChunkLimits = { ...limits, whole: wide.length };
    expect(Buffer.byteLength(wide)).toBeGreaterThan(small.whole);
    const { code, out } = await cli(['analyze', '--text', f], undefined, small);
    expect(code).toBe(0);
    expect(out).toBe(wholeOutput(wide));
  });

  test('an input error in the middle of the stream: exit 2 with the reason, and stdout is not valid JSON', async () => {
    async function* failing() {
      yield Buffer.from(text.slice(0, 4000));
      throw Object.assign(new Error('read failed'), { code: 'EIO' });
    }
    const { code, out, err } = await cli(['analyze', '--text', '-'], Readable.from(failing()), limits);
    expect(code).toBe(2);
    expect(err).toMatch(/cannot read '-': EIO.*incomplete/);
    expect(out.length).toBeGreaterThan(0);
    expect(() => JSON.parse(out)).toThrow();
    expect(leftovers()).toEqual([]);
  });

  test('a directory is unreadable: exit 2 with the reason, nothing on stdout', async () => {
    const { code, out, err } = await cli(['analyze', '--text', dir], undefined, limits);
    expect(code).toBe(2);
    expect(err).toMatch(/cannot read .*EISDIR/);
    expect(out).toBe('');
  });
});

describe('--jsonl', () => {
  test('a long text on one line is analysed in chunks, its line the same shape', async () => {
    const limits: ChunkLimits = { whole: 3000, chunk: 2500, context: 500 };
    const text = seeds.join('\n\n');
    const { code, out } = await cli(['analyze', '--jsonl', '-'], JSON.stringify({ id: 'long', text }) + '\n', limits);
    expect(code).toBe(0);
    expect(out).toBe(JSON.stringify({ id: 'long', annotations: analyzeChunked(text, reference, {}, limits).annotations }) + '\n');
  });

  test('lines are cut as readline cuts them (\\n, \\r\\n split across reads, a lone \\r), pulled one read at a time', async () => {
    const got: string[] = [];
    for await (const l of lines(Readable.from(['a\r', '\nb\n\nc\rd', '\r\n', 'e\r']))) got.push(l);
    expect(got).toEqual(['a', 'b', '', 'c', 'd', 'e']);
  });

  test('line numbers count CRLF lines once', async () => {
    const { code, err } = await cli(['analyze', '--jsonl', '-'], Readable.from(['{"id":1,"text":"x"}\r', '\nnope\r\n']));
    expect(code).toBe(2);
    expect(err).toMatch(/line 2: not JSON/);
  });
});
