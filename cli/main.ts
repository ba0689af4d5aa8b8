// The `factmark` command: the extension's analysis pipeline over files, with the JSON output contract
// of DESIGN.md (analyze FILE.html | --text FILE|- | --jsonl [FILE|-]); bad input exits 2 with a reason.
// Long texts are analysed in chunks and their JSON written as it goes, in bounded memory (cli/chunks.ts).
import { accessSync, constants, createReadStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { analyze, type AnalyzeOptions } from '../src/analyze';
import { isCategory } from '../src/messages';
import type { Category, Summary } from '../src/types';
import { loadBundledReference } from './load-reference';
import { extractArticle } from './html';
import { addSummary, analyzeChunk, chunksFrom, chunksOf, CHUNK_LIMITS, type ChunkLimits } from './chunks';
import { ResultWriter } from './json-out';

export const USAGE = `Usage:
  factmark analyze FILE.html            extract the article (Readability) and analyse it
  factmark analyze --text FILE.txt|-    analyse the text exactly as given ('-' reads stdin)
  factmark analyze --jsonl [FILE|-]     JSON lines {"id","text"} in, {"id","annotations"} out
Options:
  --published YYYY-MM-DD   publication date, for resolving dates ("February 24")
  --categories LIST        comma-separated subset of place,figure,claim
  --pretty                 indent the JSON output
  -h, --help               show this help
Exit codes: 0 success, 2 bad input (missing file, malformed line, unknown flag).`;

export class UsageError extends Error {}

interface Args {
  mode: 'html' | 'text' | 'jsonl';
  file: string;
  options: AnalyzeOptions;
  pretty: boolean;
}

export function parseArgs(argv: readonly string[]): Args | 'help' {
  const rest = [...argv];
  if (rest.length === 0 || rest[0] === '-h' || rest[0] === '--help') return 'help';
  const command = rest.shift();
  if (command !== 'analyze') throw new UsageError(`unknown command '${command}' (expected 'analyze')`);
  let mode: Args['mode'] = 'html';
  let file: string | undefined;
  const options: AnalyzeOptions = {};
  let pretty = false;
  while (rest.length) {
    const a = rest.shift()!;
    const value = (flag: string) => {
      const v = rest.shift();
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (a === '-h' || a === '--help') return 'help';
    else if (a === '--text') { mode = 'text'; file = value('--text'); }
    else if (a === '--jsonl') { mode = 'jsonl'; if (rest[0] !== undefined && (rest[0] === '-' || !rest[0].startsWith('-'))) file = rest.shift(); }
    else if (a === '--pretty') pretty = true;
    else if (a === '--published') {
      const d = value('--published');
      if (!/^\d{4}-\d{2}-\d{2}$/.test(d) || Number.isNaN(Date.parse(d))) throw new UsageError(`--published: '${d}' is not a date YYYY-MM-DD`);
      options.published = d;
    } else if (a === '--categories') {
      const list = value('--categories').split(',').map((s) => s.trim());
      const bad = list.filter((c) => !isCategory(c));
      if (bad.length || list.length === 0) throw new UsageError(`--categories: unknown category '${bad.join(',')}' (use place, figure, claim)`);
      options.categories = list as Category[];
    } else if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown flag '${a}'`);
    else if (file === undefined) file = a;
    else throw new UsageError(`unexpected argument '${a}'`);
  }
  if (mode === 'jsonl') file ??= '-';
  if (file === undefined) throw new UsageError('analyze needs a FILE.html, --text FILE or --jsonl [FILE]');
  return { mode, file, options, pretty };
}

function cannotRead(file: string, e: unknown): UsageError {
  return new UsageError(`cannot read '${file}': ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
}

/** The bytes of a file from offset 0, up to `end`. */
async function* fileBytes(fh: FileHandle, end = Infinity): AsyncGenerator<Buffer> {
  for (let pos = 0; pos < end;) {
    const buf = Buffer.allocUnsafe(Math.min(READ_BYTES, end - pos));
    const { bytesRead } = await fh.read(buf, 0, buf.length, pos);
    if (!bytesRead) return;
    pos += bytesRead;
    yield buf.subarray(0, bytesRead);
  }
}

async function* streamBytes(stream: NodeJS.ReadableStream): AsyncGenerator<Buffer> {
  for await (const chunk of stream) yield typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
}

/** Read errors as the contract's "cannot read" (exit 2). */
async function* reading(file: string, source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  const it = source[Symbol.asyncIterator]();
  for (;;) {
    let r: IteratorResult<Buffer>;
    try {
      r = await it.next();
    } catch (e) {
      throw cannotRead(file, e);
    }
    if (r.done) return;
    yield r.value;
  }
}

async function* decoded(bytes: AsyncIterable<Buffer>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const b of bytes) {
    const s = decoder.write(b);
    if (s) yield s;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

const READ_BYTES = 1 << 16;

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  stdin?: NodeJS.ReadableStream;
  /** Resolves when `out` can take more (stdout's 'drain'); long outputs wait for it between pieces. */
  drain?: () => Promise<void> | void;
}

/** Runs the command; returns the exit code. `limits` (tests) changes where long texts are cut. */
export async function run(argv: readonly string[], io: Io, limits: ChunkLimits = CHUNK_LIMITS): Promise<number> {
  let args: Args | 'help';
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) { io.err(`factmark: ${e.message}\n${USAGE}\n`); return 2; }
    throw e;
  }
  if (args === 'help') { io.out(USAGE + '\n'); return 0; }
  const indent = args.pretty ? 2 : undefined;
  try {
    if (args.mode === 'jsonl') return await runJsonl(args, io, limits);
    if (args.mode === 'text') return await runText(args, io, limits);
    let input: string;
    if (args.file === '-') {
      const chunks: Buffer[] = [];
      for await (const b of reading('-', streamBytes(io.stdin ?? process.stdin))) chunks.push(b);
      input = Buffer.concat(chunks).toString('utf8');
    } else {
      try {
        input = readFileSync(args.file, 'utf8');
      } catch (e) {
        throw cannotRead(args.file, e);
      }
    }
    const reference = loadBundledReference();
    const article = extractArticle(input);
    if (!article) throw new UsageError(`'${args.file}': no article found in the HTML`);
    const options = { ...args.options, published: args.options.published ?? article.published, title: article.title };
    const result = analyze(article.text, reference, options);
    io.out(JSON.stringify({ title: article.title, byline: article.byline, text: article.text, ...result }, null, indent) + '\n');
    return 0;
  } catch (e) {
    if (e instanceof UsageError) { io.err(`factmark: ${e.message}\n`); return 2; }
    throw e;
  }
}

/**
 * `--text`: a text of up to `limits.whole` bytes is read, analysed and printed whole, as it always was.
 * A longer one is read twice (stdin and pipes are first copied to a temp file): once to write the text
 * into the JSON, once to analyse it chunk by chunk, each chunk's annotations written as they come and
 * its verdicts spooled (cli/json-out.ts). Memory stays near one chunk's analysis, whatever the size.
 */
async function runText(args: Args, io: Io, limits: ChunkLimits): Promise<number> {
  const name = args.file;
  const indent = args.pretty ? 2 : undefined;
  let fh: FileHandle | undefined;
  let copy: { dir: string; fh: FileHandle } | undefined;
  let writer: ResultWriter | undefined;
  try {
    if (name !== '-') {
      try {
        fh = await open(name, 'r');
      } catch (e) {
        throw cannotRead(name, e);
      }
    }
    const input = reading(name, fh ? fileBytes(fh) : streamBytes(io.stdin ?? process.stdin));
    const head: Buffer[] = [];
    let total = 0;
    for (;;) {
      if (total > limits.whole) break;
      const r = await input.next();
      if (r.done) {
        const text = Buffer.concat(head).toString('utf8');
        const result = analyze(text, loadBundledReference(), args.options);
        io.out(JSON.stringify({ title: null, byline: null, text, ...result }, null, indent) + '\n');
        return 0;
      }
      head.push(r.value);
      total += r.value.length;
    }

    if (!fh || !(await fh.stat()).isFile()) {
      const dir = mkdtempSync(join(tmpdir(), 'factmark-run-'));
      copy = { dir, fh: await open(join(dir, 'input'), 'w+') };
    }
    const reference = loadBundledReference();
    const out = async (s: string) => {
      io.out(s);
      await io.drain?.();
    };
    writer = new ResultWriter(out, indent, limits.spool);
    // From here on the output has begun: an error leaves it without its closing brace, never valid JSON.
    try {
      await writer.begin(null, null);
      const decoder = new StringDecoder('utf8');
      total = 0;
      const pass = async (b: Buffer) => {
        total += b.length;
        if (copy) await copy.fh.write(b);
        await writer!.text(decoder.write(b));
      };
      for (const b of head) await pass(b);
      head.length = 0;
      for await (const b of input) await pass(b);
      await writer.text(decoder.end());
      await writer.endText();

      const again = copy ? reading('temp copy of the input', fileBytes(copy.fh, total)) : reading(name, fileBytes(fh!, total));
      let summary: Summary | undefined;
      for await (const chunk of chunksFrom(decoded(again), limits)) {
        const r = analyzeChunk(chunk, reference, args.options);
        await writer.annotations(r.annotations);
        const category = new Map(r.annotations.map((a) => [a.id, a.category]));
        writer.verdicts(r.verdicts, (id) => category.get(id));
        summary = addSummary(summary, r.summary);
      }
      await writer.end(summary!);
      return 0;
    } catch (e) {
      io.err(`factmark: ${(e as Error).message} (the JSON on stdout is incomplete)\n`);
      return e instanceof UsageError ? 2 : 1;
    }
  } finally {
    writer?.dispose();
    await fh?.close();
    if (copy) {
      await copy.fh.close();
      rmSync(copy.dir, { recursive: true, force: true });
    }
  }
}

/**
 * Lines as `readline` cuts them (\n, \r\n, or a lone \r), but pulled from the stream one read at a time:
 * readline reads ahead of a slow consumer without limit, this holds one read and one line.
 */
export async function* lines(pieces: AsyncIterable<string>): AsyncGenerator<string> {
  let buf = '';
  const re = /\r\n|\n|\r/g;
  for await (const piece of pieces) {
    re.lastIndex = Math.max(0, buf.length - 1); // the rest of buf holds no line end but maybe a final \r
    buf += piece;
    let from = 0;
    for (;;) {
      const hit = re.exec(buf);
      if (!hit) break;
      if (hit[0] === '\r' && hit.index === buf.length - 1) break; // maybe the first half of \r\n
      yield buf.slice(from, hit.index);
      from = hit.index + hit[0].length;
    }
    buf = buf.slice(from);
  }
  if (buf.endsWith('\r')) buf = buf.slice(0, -1);
  if (buf) yield buf;
}

async function runJsonl(args: Args, io: Io, limits: ChunkLimits): Promise<number> {
  let bytes: AsyncIterable<Buffer>;
  if (args.file === '-') bytes = streamBytes(io.stdin ?? process.stdin);
  else {
    try {
      accessSync(args.file, constants.R_OK); // a clear reason before streaming
    } catch (e) {
      throw cannotRead(args.file, e);
    }
    bytes = streamBytes(createReadStream(args.file));
  }
  const reference = loadBundledReference();
  let lineNo = 0;
  let bad = 0;
  for await (const line of lines(decoded(reading(args.file, bytes)))) {
    lineNo++;
    if (!line.trim()) continue;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch (e) {
      bad++; io.err(`factmark: line ${lineNo}: not JSON (${(e as Error).message})\n`); continue;
    }
    if (typeof record !== 'object' || record === null || typeof (record as { text?: unknown }).text !== 'string') {
      bad++; io.err(`factmark: line ${lineNo}: expected an object with a string "text"\n`); continue;
    }
    const { id = null, text, published } = record as { id?: unknown; text: string; published?: unknown };
    const options = { ...args.options, ...(typeof published === 'string' ? { published } : {}) };
    if (text.length <= limits.whole) {
      const { annotations } = analyze(text, reference, options);
      io.out(JSON.stringify({ id, annotations }) + '\n');
    } else {
      // a long text: its annotations written chunk by chunk, the line the same shape
      io.out(JSON.stringify({ id, annotations: [] }).slice(0, -2));
      let first = true;
      for (const chunk of chunksOf(text, limits)) {
        const { annotations } = analyzeChunk(chunk, reference, options);
        if (annotations.length) io.out((first ? '' : ',') + annotations.map((a) => JSON.stringify(a)).join(','));
        if (annotations.length) first = false;
        await io.drain?.();
      }
      io.out(']}\n');
    }
    await io.drain?.();
  }
  return bad ? 2 : 0;
}
