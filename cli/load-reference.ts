// Loads the bundled reference dataset from assets/reference/ in Node (CLI, eval, bench, unit tests).
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Reference } from '../src/reference/types';
import { createReference } from '../src/reference';

export const REFERENCE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../assets/reference');

export function readReferenceJson(name: string, dir = REFERENCE_DIR): unknown {
  return JSON.parse(readFileSync(resolve(dir, name), 'utf8'));
}

let cached: Reference | undefined;

/** The bundled reference, parsed once per process. */
export function loadBundledReference(): Reference {
  cached ??= createReference(readReferenceJson('gazetteer.json'), readReferenceJson('reports.json'));
  return cached;
}
