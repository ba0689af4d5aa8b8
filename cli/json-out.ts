// The CLI's `{ title, byline, text, annotations, verdicts, summary }` JSON written piece by piece, byte for
// byte what JSON.stringify(object, null, indent) gives; verdicts are spooled per category to a temp file.
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import type { Annotation, Category, Summary, Verdict } from '../src/types';

/** Verdicts held in memory up to this many chars per category before they go to the temp file. */
export const SPOOL_MEMORY = 1 << 20;

/** Items of one JSON array in order, in memory while small, then appended to a file. */
class Spool {
  private parts: string[] = [];
  private size = 0;
  private fd: number | undefined;
  count = 0;

  constructor(private readonly file: () => string, private readonly memory: number) {}

  /** `item` already formatted with what goes before it (separator, newline and indent). */
  push(item: string): void {
    this.parts.push(item);
    this.size += item.length;
    this.count++;
    if (this.size >= this.memory) this.flush();
  }

  private flush(): void {
    if (!this.parts.length) return;
    this.fd ??= openSync(this.file(), 'w+');
    writeSync(this.fd, this.parts.join(''));
    this.parts = [];
    this.size = 0;
  }

  /** Everything pushed, in order, in pieces of about 64 KiB. */
  async drainTo(out: (s: string) => Promise<void>): Promise<void> {
    if (this.fd !== undefined) {
      this.flush();
      const buf = Buffer.allocUnsafe(1 << 16);
      const decoder = new StringDecoder('utf8');
      for (let pos = 0; ;) {
        const n = readSync(this.fd, buf, 0, buf.length, pos);
        if (n === 0) break;
        pos += n;
        await out(decoder.write(buf.subarray(0, n)));
      }
      const rest = decoder.end();
      if (rest) await out(rest);
    } else if (this.parts.length) await out(this.parts.join(''));
    this.parts = [];
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}

/**
 * Writes the contract object in order: `begin`, `text` (any number of pieces, cut between code points),
 * `annotations` (any number of batches, in order), `verdicts` (any number of batches; each verdict goes
 * to its category's place in the order `analyze` gives), then `end` with the summary. Nothing closes the
 * object but `end`: output cut short by an error is never valid JSON.
 */
export class ResultWriter {
  private readonly pad1: string;
  private readonly pad2: string;
  private annotationCount = 0;
  private dir: string | undefined;
  private readonly spools: Record<Category, Spool>;

  constructor(private readonly out: (s: string) => Promise<void>, private readonly indent: number | undefined, spoolMemory = SPOOL_MEMORY) {
    this.pad1 = indent ? ' '.repeat(indent) : '';
    this.pad2 = indent ? ' '.repeat(indent * 2) : '';
    const file = (name: string) => () => join((this.dir ??= mkdtempSync(join(tmpdir(), 'factmark-run-'))), name);
    const spool = (name: string) => new Spool(file(name), spoolMemory);
    this.spools = { place: spool('place'), figure: spool('figure'), claim: spool('claim') };
  }

  private key(name: string, first = false): string {
    return `${first ? '' : ','}${this.indent ? `\n${this.pad1}` : ''}${JSON.stringify(name)}:${this.indent ? ' ' : ''}`;
  }

  private item(value: unknown, first: boolean): string {
    const body = JSON.stringify(value, null, this.indent);
    return `${first ? '' : ','}${this.indent ? `\n${this.pad2}${body.replace(/\n/g, `\n${this.pad2}`)}` : body}`;
  }

  private closeArray(count: number): string {
    return `${count && this.indent ? `\n${this.pad1}` : ''}]`;
  }

  begin(title: string | null, byline: string | null): Promise<void> {
    return this.out(`{${this.key('title', true)}${JSON.stringify(title)}${this.key('byline')}${JSON.stringify(byline)}${this.key('text')}"`);
  }

  text(piece: string): Promise<void> {
    return piece ? this.out(JSON.stringify(piece).slice(1, -1)) : Promise.resolve();
  }

  endText(): Promise<void> {
    return this.out(`"${this.key('annotations')}[`);
  }

  annotations(list: readonly Annotation[]): Promise<void> {
    if (!list.length) return Promise.resolve();
    const parts: string[] = [];
    for (const a of list) parts.push(this.item(a, this.annotationCount++ === 0));
    return this.out(parts.join(''));
  }

  /** `categoryOf` maps an annotation id to its category (verdicts of unknown ids go with claims). */
  verdicts(list: readonly Verdict[], categoryOf: (annotationId: string) => Category | undefined): void {
    for (const v of list) {
      const spool = this.spools[categoryOf(v.annotationId) ?? 'claim'];
      spool.push(this.item(v, spool.count === 0));
    }
  }

  async end(summary: Summary): Promise<void> {
    await this.out(`${this.closeArray(this.annotationCount)}${this.key('verdicts')}[`);
    let written = 0;
    for (const c of ['place', 'figure', 'claim'] as const) {
      const spool = this.spools[c];
      if (!spool.count) continue;
      if (written) await this.out(',');
      await spool.drainTo(this.out);
      written += spool.count;
    }
    const s = JSON.stringify(summary, null, this.indent);
    await this.out(`${this.closeArray(written)}${this.key('summary')}${this.indent ? s.replace(/\n/g, `\n${this.pad1}`) : s}${this.indent ? '\n' : ''}}\n`);
  }

  /** Closes and removes the temp files (call always, also after an error). */
  dispose(): void {
    for (const s of Object.values(this.spools)) s.close();
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
    this.dir = undefined;
  }
}
