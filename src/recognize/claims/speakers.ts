// Speaker names: the name inside a source phrase (titles and appositions stripped), and one
// canonical name per speaker across spellings, titles, roles and pronouns (surname + edit distance).
import { ORG_WORDS, PRONOUNS, TITLES } from './lexicon';

export type SpeakerKind = 'person' | 'org' | 'group' | 'pronoun' | 'role';

export interface SpeakerInfo {
  /** The name as it stands in the text (titles stripped), or the phrase for groups. */
  name: string;
  kind: SpeakerKind;
  /** Lower-case role words seen with the name ("president", "spokesman"). */
  roles: string[];
}

const CAP = /^[\p{Lu}]/u;

const FOLDED = new Map<string, string>();

export function fold(s: string): string {
  let f = FOLDED.get(s);
  if (f === undefined) {
    // names recur across a document and its comparisons: fold each spelling once
    f = (/^[\x00-\x7f]*$/.test(s) ? s : s.normalize('NFD').replace(/\p{M}/gu, '')).toLowerCase().replace(/[’']s$/, '');
    if (FOLDED.size > 5000) FOLDED.clear();
    FOLDED.set(s, f);
  }
  return f;
}

/** Optimal string alignment distance (Damerau-Levenshtein without repeated edits of a substring). */
export function editDistance(a: string, b: string): number {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > 3) return 99;
  // three rolling rows (the transposition looks two rows back)
  let prev2 = new Array<number>(m + 1).fill(0);
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  let cur = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
    }
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return prev[m];
}

/** Two spellings of one surname: Zelensky / Zelenskyy / Zelenksy. */
export function sameSurname(a: string, b: string): boolean {
  const x = fold(a);
  const y = fold(b);
  if (x === y) return true;
  const len = Math.min(x.length, y.length);
  if (len < 5) return false;
  if (x[0] !== y[0]) return false;
  return editDistance(x, y) <= (len >= 7 ? 2 : 1);
}

function words(s: string): string[] {
  return s.match(/[\p{L}\p{N}]+(?:[’'\-.][\p{L}\p{N}]+)*\.?/gu) ?? [];
}

const READ = new Map<string, SpeakerInfo>();

/** Reads a source phrase: person, organisation, group, pronoun or role noun. */
export function readSource(phrase: string): SpeakerInfo {
  // speakers recur within a document and across documents: read each phrase once
  let info = READ.get(phrase);
  if (info === undefined) {
    info = readSourceUncached(phrase);
    if (READ.size > 5000) READ.clear();
    READ.set(phrase, info);
  }
  return info;
}

function readSourceUncached(phrase: string): SpeakerInfo {
  const ws = words(phrase);
  const lower = ws.map((w) => w.toLowerCase().replace(/\.$/, ''));
  if (ws.length === 1 && PRONOUNS.has(lower[0])) return { name: phrase.trim(), kind: 'pronoun', roles: [] };
  const roles = lower.filter((w) => TITLES.has(w) && !['the', 'former', 'acting', 'deputy'].includes(w));
  // the first and second parts of an apposition: "Igor Konashenkov, a spokesman for ...", "the head of ..., Vitaly Gantshev"
  const parts = phrase.split(',').map((p) => p.trim()).filter(Boolean);
  for (const part of parts) {
    const person = personName(part);
    if (person) return { name: person, kind: 'person', roles };
  }
  const hasCap = ws.some((w, i) => CAP.test(w) && !(i === 0 && /^(the|a|an)$/i.test(w)));
  const isOrg = lower.some((w) => ORG_WORDS.has(w.replace(/[’']s$/, '')));
  const cleaned = parts[0].replace(/^(the|a|an)\s+/i, '').trim();
  if (isOrg || hasCap) return { name: cleaned, kind: 'org', roles };
  if (/^(the|this|that)\s+\p{L}+$/iu.test(parts[0]) && roles.length) return { name: cleaned, kind: 'role', roles };
  return { name: parts[0].trim(), kind: 'group', roles };
}

/** The personal name in a phrase: the capitalised words after the last title, when they are no organisation. */
export function personName(part: string): string | undefined {
  const ws = words(part);
  let best: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length > best.length) best = run;
    run = [];
  };
  for (const w of ws) {
    const l = w.toLowerCase().replace(/\.$/, '');
    if (run.length && /^\p{Lu}\.$/u.test(w)) run.push(w);
    else if (CAP.test(w) && !TITLES.has(l) && !/^(the|a|an|of|for|in|and|on|at|to)$/i.test(l)) run.push(w.replace(/[’']s$/, ''));
    else if (run.length && /^(de|van|von|da|al|bin|del|la|le)$/.test(w)) run.push(w);
    else flush();
  }
  flush();
  if (!best.length) return undefined;
  const low = best.map((w) => w.toLowerCase());
  if (low.some((w) => ORG_WORDS.has(w))) return undefined;
  // the name closes the phrase ("Defense Ministry spokesman Igor Konashenkov"); otherwise the
  // capitalised words are adjectives or an organisation ("Ukrainian officials", "Russian Defence Ministry")
  const lastWord = ws[ws.length - 1].replace(/[’']s$/, '');
  if (best[best.length - 1] !== lastWord) return undefined;
  // short all-caps words are acronyms (organisations), unless the whole phrase is one shouted name
  if (best.length === 1 && /^\p{Lu}{2,5}$/u.test(best[0]) && ws.length > 1) return undefined;
  return best.join(' ');
}

export function surnameOf(name: string): string {
  const ws = name.split(/\s+/).filter(Boolean);
  return ws[ws.length - 1] ?? name;
}

/** Do two speaker names denote the same speaker? Persons by surname spelling, others by words. */
const SAME = new Map<string, Map<string, boolean>>();
let sameSize = 0;

export function sameSpeaker(a: string, b: string): boolean {
  if (!a || !b) return false;
  if (a === b) return true;
  // speakers recur across a document and its comparisons: decide each pair once
  // (two levels of maps keyed by the names themselves: no key string is built per lookup)
  const x = a < b ? a : b;
  const y = a < b ? b : a;
  let row = SAME.get(x);
  let r = row?.get(y);
  if (r === undefined) {
    r = sameSpeakerUncached(a, b);
    if (sameSize > 20000) {
      SAME.clear();
      sameSize = 0;
      row = undefined;
    }
    if (!row) SAME.set(x, (row = new Map()));
    row.set(y, r);
    sameSize++;
  }
  return r;
}

function sameSpeakerUncached(a: string, b: string): boolean {
  const fa = fold(a);
  const fb = fold(b);
  if (fa === fb) return true;
  const wa = fa.split(/\s+/);
  const wb = fb.split(/\s+/);
  // first names, when both given, must agree on the initial
  if (sameSurname(wa[wa.length - 1], wb[wb.length - 1]) && !(wa.length > 1 && wb.length > 1 && wa[0][0] !== wb[0][0])) return true;
  // organisations: the content words of one inside the other ("Russian Defence Ministry" / "Defense Ministry")
  const ca = wa.filter((w) => w.length > 3);
  const cb = wb.filter((w) => w.length > 3);
  if (!ca.length || !cb.length) return false;
  const [small, big] = ca.length <= cb.length ? [ca, cb] : [cb, ca];
  return small.every((w) => big.some((v) => sameSurname(w, v) || v === w));
}

/**
 * What sameSpeaker needs to say "no" cheaply: the folded name, the first code unit of its folded last word, and
 * the first code units (as bits, mod 32) of its folded words over three letters. Two names can be the same speaker
 * only when their folds are equal, their last words start alike (sameSurname needs that) or the first letters of
 * one's long words are among the other's (the organisation rule needs that): see mayBeSame.
 */
export interface NameShape {
  /** name.split(/\s+/).length */
  words: number;
  folded: string;
  lastFirst: number;
  longFirsts: number;
}

const SHAPES = new Map<string, NameShape>();

export function nameShape(name: string): NameShape {
  let sh = SHAPES.get(name);
  if (sh === undefined) {
    // the same steps as sameSpeakerUncached: fold, split, then sameSurname folds each word again
    const folded = fold(name);
    const ws = folded.split(/\s+/);
    const lastFirst = fold(ws[ws.length - 1]).charCodeAt(0);
    let longFirsts = 0;
    for (const w of ws) if (w.length > 3) longFirsts |= 1 << (fold(w).charCodeAt(0) & 31);
    sh = { words: name.split(/\s+/).length, folded, lastFirst: Number.isNaN(lastFirst) ? -1 : lastFirst, longFirsts };
    if (SHAPES.size > 5000) SHAPES.clear();
    SHAPES.set(name, sh);
  }
  return sh;
}

/** False only when sameSpeaker is false for names of these shapes (a true answer still needs sameSpeaker). */
export function mayBeSame(a: NameShape, b: NameShape): boolean {
  if (a.folded === b.folded || a.lastFirst === b.lastFirst) return true;
  const x = a.longFirsts;
  const y = b.longFirsts;
  return x !== 0 && y !== 0 && ((x & ~y) === 0 || (y & ~x) === 0);
}

export interface SpeakerEntry {
  canonical: string;
  kind: SpeakerKind;
  roles: Set<string>;
  last: number;
  /** The shape of `canonical`. */
  shape: NameShape;
}

/** Keeps the speakers met so far in a document and resolves new mentions to them. */
export class SpeakerBook {
  readonly entries: SpeakerEntry[] = [];
  /** The entry each exact name resolved to, by kind: most mentions repeat a name already met. */
  private readonly byName = { person: new Map<string, SpeakerEntry>(), org: new Map<string, SpeakerEntry>() };

  /** Registers a mention, returns the canonical name for it. */
  resolve(info: SpeakerInfo, position: number): string | undefined {
    if (info.kind === 'pronoun') return this.pronoun(info.name.toLowerCase());
    if (info.kind === 'role') return this.role(info.roles, position) ?? info.name;
    if (info.kind === 'group') return info.name;
    const byName = this.byName[info.kind];
    const known = byName.get(info.name);
    let found = known && sameSpeaker(known.canonical, info.name) ? known : undefined;
    if (!found) {
      // most entries differ at a glance: their shapes rule them out before the (cached) comparison
      const shape = nameShape(info.name);
      found = this.entries.find((e) => e.kind === info.kind && mayBeSame(e.shape, shape) && sameSpeaker(e.canonical, info.name));
    }
    if (found) {
      byName.set(info.name, found);
      for (const r of info.roles) found.roles.add(r);
      found.last = position;
      // a fuller name becomes canonical ("Zelensky" then "Volodymyr Zelensky")
      if (info.kind === 'person') {
        const shape = nameShape(info.name);
        if (shape.words > found.shape.words) {
          found.canonical = info.name;
          found.shape = shape;
        }
      }
      return found.canonical;
    }
    const entry: SpeakerEntry = { canonical: info.name, kind: info.kind, roles: new Set(info.roles), last: position, shape: nameShape(info.name) };
    this.entries.push(entry);
    byName.set(info.name, entry);
    return entry.canonical;
  }

  private pronoun(p: string): string | undefined {
    const kind = PRONOUNS.get(p);
    const want: SpeakerKind[] = kind === 'person' ? ['person'] : kind === 'thing' ? ['org'] : kind === 'group' ? ['group', 'org'] : [];
    let best: SpeakerEntry | undefined;
    for (const e of this.entries) if (want.includes(e.kind) && (!best || e.last > best.last)) best = e;
    if (best) return best.canonical;
    return undefined;
  }

  private role(roles: readonly string[], position: number): string | undefined {
    let best: SpeakerEntry | undefined;
    for (const e of this.entries) if (e.kind === 'person' && roles.some((r) => e.roles.has(r)) && (!best || e.last > best.last)) best = e;
    if (best) best.last = position;
    return best?.canonical;
  }

  /** Marks a speaker as the most recent one (for pronouns), e.g. a named person mentioned as a subject. */
  touch(canonical: string, position: number): void {
    const e = this.entries.find((x) => x.canonical === canonical);
    if (e) e.last = position;
  }
}
