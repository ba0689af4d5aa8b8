// The `factmark` command: the extension's analysis pipeline over files, with the JSON output contract
// of DESIGN.md (analyze FILE.html | --text FILE|- | --jsonl [FILE|-]); bad input exits 2 with a reason.
import { accessSync, constants, createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { analyze, type AnalyzeOptions } from '../src/analyze';
import { isCategory } from '../src/messages';
import type { Category } from '../src/types';
import { loadBundledReference } from './load-reference';
import { extractArticle } from './html';

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

async function readInput(file: string, stdin: NodeJS.ReadableStream): Promise<string> {
  if (file === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
    return Buffer.concat(chunks).toString('utf8');
  }
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read '${file}': ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  stdin?: NodeJS.ReadableStream;
}

/** Runs the command; returns the exit code. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
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
    if (args.mode === 'jsonl') return await runJsonl(args, io);
    const input = await readInput(args.file, io.stdin ?? process.stdin);
    const reference = loadBundledReference();
    if (args.mode === 'text') {
      const result = analyze(input, reference, args.options);
      io.out(JSON.stringify({ title: null, byline: null, text: input, ...result }, null, indent) + '\n');
      return 0;
    }
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

async function runJsonl(args: Args, io: Io): Promise<number> {
  let stream: NodeJS.ReadableStream;
  if (args.file === '-') stream = io.stdin ?? process.stdin;
  else {
    try {
      accessSync(args.file, constants.R_OK); // a clear reason before streaming
    } catch (e) {
      throw new UsageError(`cannot read '${args.file}': ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    stream = createReadStream(args.file, 'utf8');
  }
  const reference = loadBundledReference();
  let lineNo = 0;
  let bad = 0;
  for await (const line of createInterface({ input: stream, crlfDelay: Infinity })) {
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
    const { annotations } = analyze(text, reference, options);
    io.out(JSON.stringify({ id, annotations }) + '\n');
  }
  return bad ? 2 : 0;
}
