import { describe, expect, test } from 'vitest';
import { Readable } from 'node:stream';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run, parseArgs, UsageError } from '../../cli/main';

async function cli(argv: string[], stdin?: string) {
  let out = '';
  let err = '';
  const code = await run(argv, {
    out: (s) => { out += s; },
    err: (s) => { err += s; },
    stdin: stdin === undefined ? undefined : Readable.from([stdin]),
  });
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'factmark-cli-'));
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
