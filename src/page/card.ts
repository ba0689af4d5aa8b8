// The hover/focus card: what a mark is and how it compares with the reference, rendered with DOM
// APIs and textContent only inside a closed shadow root on a <factmark-card>, placed beside the mark.
// Every word on it comes from _locales (browser.i18n works in content scripts), numbers in the UI language.
import type { Annotation, Category, Verdict, VerdictKind } from '../types';
import { t, tn, uiLanguage, type MessageKey } from '../ui/i18n';
import { countryName, evidenceDate, figureKind, placeKind, qualified, verdictText } from '../ui/describe';

export interface CardModel {
  category: string;
  heading: string;
  rows: { label: string; value: string }[];
  verdict?: { kind: string; summary: string };
  evidence: string[];
}

const CATEGORY_KEY: Record<Category, MessageKey> = { place: 'card_category_place', figure: 'card_category_figure', claim: 'card_category_claim' };
const VERDICT_KEY: Record<VerdictKind, MessageKey> = {
  consistent: 'card_verdict_consistent',
  differs: 'card_verdict_differs',
  variant: 'card_verdict_variant',
  ambiguous: 'card_verdict_ambiguous',
  unverified: 'card_verdict_unverified',
};

/** The category's name as the card shows it ("Place"). */
export const cardCategory = (c: Category): string => t(CATEGORY_KEY[c]);
/** The verdict's words as the card shows them ("Spelling variant"); the kind itself when unknown. */
export const cardVerdict = (kind: string): string => (Object.hasOwn(VERDICT_KEY, kind) ? t(VERDICT_KEY[kind as VerdictKind]) : kind);

const fmt = (n: number) => {
  try {
    return n.toLocaleString(uiLanguage(), { maximumFractionDigits: 2 });
  } catch {
    return n.toLocaleString('en-US', { maximumFractionDigits: 2 });
  }
};

/** Pure: the card's content for an annotation and its verdict. */
export function cardModel(a: Annotation, v?: Verdict): CardModel {
  const rows: CardModel['rows'] = [];
  let heading = a.text;
  if (a.place) {
    const p = a.place;
    heading = p.name;
    if (p.name !== a.text) rows.push({ label: t('card_in_text'), value: a.text });
    rows.push({ label: t('card_kind'), value: placeKind(p.kind) });
    const where = [p.region, p.country ? countryName(p.country) : undefined].filter(Boolean).join(', ');
    if (where) rows.push({ label: t('card_where'), value: where });
    if (typeof p.population === 'number' && p.population > 0) rows.push({ label: t('card_population'), value: fmt(p.population) });
    if (typeof p.lat === 'number' && typeof p.lon === 'number') rows.push({ label: t('card_coordinates'), value: `${p.lat.toFixed(3)}, ${p.lon.toFixed(3)}` });
    if (p.candidates && p.candidates > 1) rows.push({ label: t('card_same_name'), value: tn('card_same_name_places', p.candidates) });
  } else if (a.figure) {
    const f = a.figure;
    rows.push({ label: t('card_kind'), value: figureKind(f.kind) });
    if (f.value !== null) rows.push({ label: t('card_value'), value: qualified(f.qualifier, `${fmt(f.value)}${f.high !== undefined ? `–${fmt(f.high)}` : ''}${f.unit ? ' ' + f.unit : ''}`) });
    if (f.si) rows.push({ label: t('card_normalised'), value: `${fmt(f.si.value)} ${f.si.unit}` });
    if (f.iso) rows.push({ label: t('card_date'), value: f.iso });
  } else if (a.claim) {
    const c = a.claim;
    heading = c.source.name ?? c.source.text;
    rows.push({ label: t('card_claim_text'), value: clip(a.text, 160) });
    rows.push({ label: t('card_cue'), value: c.cue.text });
  }
  const evidence = (v?.evidence ?? []).map((e) =>
    [e.label, e.value !== undefined ? `${fmt(e.value)}${e.unit ? ' ' + e.unit : ''}` : '', e.quote ? t('quoted', clip(e.quote, 140)) : '', e.source, shownDate(e.date)]
      .filter(Boolean)
      .join(' · '),
  );
  return {
    category: cardCategory(a.category),
    heading,
    rows,
    verdict: v ? { kind: cardVerdict(v.kind), summary: verdictText(v) } : undefined,
    evidence,
  };
}

/** An evidence date as the card shows it: "2022-09-10 (inferred)" worded through _locales. */
function shownDate(date: string | undefined): string | undefined {
  const d = evidenceDate(date);
  return d && (d.inferred ? t('card_date_inferred', d.date) : d.date);
}

const clip = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + '…' : s);

/** Pure: where to put a card of `size` next to `anchor` in a viewport, never over the anchor. */
export function placeCard(
  anchor: { top: number; bottom: number; left: number; right: number },
  size: { width: number; height: number },
  viewport: { width: number; height: number },
  gap = 6,
): { top: number; left: number } {
  const left = Math.max(4, Math.min(anchor.left, viewport.width - size.width - 4));
  const below = anchor.bottom + gap;
  if (below + size.height <= viewport.height) return { top: below, left };
  const above = anchor.top - gap - size.height;
  if (above >= 0) return { top: above, left };
  // Neither fits: take the roomier side; the card may leave the viewport but never covers the mark.
  return viewport.height - anchor.bottom >= anchor.top ? { top: below, left } : { top: above, left };
}

const CARD_CSS = `
:host { all: initial; }
.card { position: fixed; z-index: 2147483647; box-sizing: border-box; max-width: 340px; min-width: 200px;
  font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1a1a1a; background: #fff;
  border: 1px solid #c8c8c8; border-left: 4px solid var(--c); border-radius: 6px; padding: 8px 10px;
  box-shadow: 0 4px 16px rgba(0,0,0,.18); }
.cat { font-size: 11px; text-transform: uppercase; letter-spacing: .05em; color: var(--c); font-weight: 600; }
.head { font-size: 15px; font-weight: 600; margin: 2px 0 6px; overflow-wrap: anywhere; }
dl { margin: 0; display: grid; grid-template-columns: auto 1fr; gap: 2px 8px; }
dt { color: #555; } dd { margin: 0; overflow-wrap: anywhere; }
.verdict { margin-top: 6px; padding-top: 6px; border-top: 1px solid #e5e5e5; }
.kind { font-weight: 600; }
ul { margin: 4px 0 0; padding-left: 18px; color: #333; }
.hint { margin-top: 6px; font-size: 11px; color: #666; }
@media (prefers-color-scheme: dark) {
  .card { background: #1f1f1f; color: #eee; border-color: #444; }
  dt, .hint { color: #aaa; } ul { color: #ddd; } .verdict { border-color: #333; }
}`;

/** The card element. One per page session; `show` replaces its content. */
export class Card {
  private host: HTMLElement | null = null;
  private box: HTMLElement | null = null;
  currentId: string | null = null;

  constructor(private readonly doc: Document) {}

  get isOpen(): boolean {
    return this.host !== null && this.host.isConnected;
  }

  /** Is the event target our card (events from a shadow root are retargeted to the host)? */
  owns(target: EventTarget | null): boolean {
    return target !== null && target === this.host;
  }

  show(id: string, model: CardModel, anchor: DOMRect | null, colour: string): void {
    const doc = this.doc;
    if (!this.host || !this.host.isConnected) {
      this.host = doc.createElement('factmark-card');
      const root = this.host.attachShadow({ mode: 'closed' });
      const style = doc.createElement('style');
      style.textContent = CARD_CSS;
      this.box = doc.createElement('div');
      this.box.className = 'card';
      this.box.setAttribute('role', 'tooltip');
      root.append(style, this.box);
      doc.documentElement.appendChild(this.host);
    }
    const box = this.box!;
    box.replaceChildren();
    box.style.setProperty('--c', colour);
    box.id = 'factmark-card';
    const el = (tag: string, cls: string | null, text?: string) => {
      const e = doc.createElement(tag);
      if (cls) e.className = cls;
      if (text !== undefined) e.textContent = text;
      return e;
    };
    box.append(el('div', 'cat', model.category), el('div', 'head', model.heading));
    if (model.rows.length) {
      const dl = el('dl', null);
      for (const r of model.rows) dl.append(el('dt', null, r.label), el('dd', null, r.value));
      box.append(dl);
    }
    if (model.verdict) {
      const v = el('div', 'verdict');
      v.append(el('div', 'kind', model.verdict.kind), el('div', null, model.verdict.summary));
      if (model.evidence.length) {
        const ul = el('ul', null);
        for (const e of model.evidence) ul.append(el('li', null, e));
        v.append(ul);
      }
      box.append(v);
    }
    box.append(el('div', 'hint', t('card_hint')));
    this.currentId = id;
    const view = doc.defaultView;
    const vw = view?.innerWidth ?? 1024;
    const vh = view?.innerHeight ?? 768;
    box.style.visibility = 'hidden';
    box.style.top = '0px';
    box.style.left = '0px';
    const size = box.getBoundingClientRect();
    const a = anchor ?? { top: 0, bottom: 0, left: 0, right: 0 };
    const pos = placeCard(a, { width: size.width || 300, height: size.height || 120 }, { width: vw, height: vh });
    box.style.top = `${Math.round(pos.top)}px`;
    box.style.left = `${Math.round(pos.left)}px`;
    box.style.visibility = 'visible';
  }

  hide(): void {
    this.host?.remove();
    this.host = null;
    this.box = null;
    this.currentId = null;
  }

  /** Text of the card (for tests and accessibility checks). */
  text(): string {
    return this.box?.textContent ?? '';
  }
}
