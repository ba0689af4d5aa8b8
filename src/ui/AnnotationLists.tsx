// Lists of the page's places, figures and claims with their verdicts, differing verdicts first and
// optionally filtered to one verdict; every item is a button that asks the page to scroll to the
// mention (onSelect). Claims are grouped by speaker with the other reports' wording, label and date.
// Shared by the popup; page text is rendered as text (Preact escapes it).
import { useRef } from 'preact/hooks';
import type { Annotation, Evidence, Verdict, VerdictKind } from '../types';
import { asQuote, claimSource, evidenceDate, excerpt, figureKind, placeKind, figureValue, formatPopulation, groupPlaces, placeLocation, spellingUsed, verdictRank, verdictText, type PlaceGroup } from './describe';
import { t, tn, type MessageKey } from './i18n';
import { VerdictBadge } from './VerdictBadge';

export type VerdictFilter = VerdictKind | 'all';

interface ListProps {
  annotations: readonly Annotation[];
  verdicts: ReadonlyMap<string, Verdict>;
  onSelect(annotationId: string): void;
  /** Only marks with this verdict; 'all' (default) shows every mark. */
  filter?: VerdictFilter;
}

const passes = (filter: VerdictFilter | undefined, v: Verdict | undefined) => !filter || filter === 'all' || v?.kind === filter;

/** Stable sort by verdict rank (differs first), keeping the article's order within a rank. */
function byVerdict<T>(items: readonly T[], verdictOf: (x: T) => Verdict | undefined): T[] {
  return items.map((x, i) => ({ x, i, r: verdictRank(verdictOf(x)) })).sort((a, b) => a.r - b.r || a.i - b.i).map((e) => e.x);
}

/**
 * Mentions of one place split by verdict kind, so an item's badge, its ×N and the verdict filter agree
 * with the tally even where mentions of the same place got different verdicts.
 */
export function byVerdictKind(groups: readonly PlaceGroup[], verdicts: ReadonlyMap<string, Verdict>): PlaceGroup[] {
  return groups.flatMap((g) => {
    const parts = new Map<string, PlaceGroup>();
    for (const m of g.mentions) {
      const kind = verdicts.get(m.id)?.kind ?? '';
      const part = parts.get(kind);
      if (part) part.mentions.push(m);
      else parts.set(kind, { key: parts.size ? `${g.key}|${kind}` : g.key, first: m, mentions: [m] });
    }
    return [...parts.values()];
  });
}

function Empty({ filter, none }: { filter: VerdictFilter | undefined; none: MessageKey }) {
  return <p class="fm-empty">{filter && filter !== 'all' ? t('filter_empty') : t(none)}</p>;
}

export function PlaceList({ annotations, verdicts, onSelect, filter }: ListProps) {
  // Each click moves on to the next mention of the same place.
  const cursor = useRef(new Map<string, number>()).current;
  const groups = byVerdict(byVerdictKind(groupPlaces(annotations), verdicts), (g) => verdicts.get(g.first.id)).filter((g) => passes(filter, verdicts.get(g.first.id)));
  if (groups.length === 0) return <Empty filter={filter} none="empty_places" />;
  return (
    <ul class="fm-list fm-list-place">
      {groups.map((g) => {
        const a = g.first;
        const p = a.place!;
        const written = spellingUsed(a);
        const where = placeLocation(a);
        const pop = formatPopulation(p.population);
        const verdict = verdicts.get(a.id);
        const onClick = () => {
          const i = cursor.get(g.key) ?? 0;
          cursor.set(g.key, (i + 1) % g.mentions.length);
          onSelect(g.mentions[i]!.id);
        };
        return (
          <li key={g.key}>
            <button type="button" class="fm-item" onClick={onClick} data-annotation={a.id}>
              <span class="fm-item-head">
                <span class="fm-item-name">{p.name}</span>
                {written && <span class="fm-item-written">{t('written_as', written)}</span>}
                {g.mentions.length > 1 && (
                  <span class="fm-item-count">
                    <span aria-hidden="true">×{g.mentions.length}</span>
                    <span class="fm-visually-hidden">{tn('mentions', g.mentions.length)}</span>
                  </span>
                )}
                <VerdictBadge verdict={verdict} />
              </span>
              <span class="fm-item-detail">
                {[placeKind(p.kind), where, pop && t('population', pop)].filter(Boolean).join(' · ')}
              </span>
              {verdict?.kind === 'ambiguous' && <span class="fm-item-detail">{verdictText(verdict)}</span>}
            </button>
          </li>
        );
      })}
    </ul>
  );
}

export function FigureList({ annotations, verdicts, onSelect, filter }: ListProps) {
  const figures = byVerdict(annotations.filter((a) => a.category === 'figure'), (a) => verdicts.get(a.id)).filter((a) => passes(filter, verdicts.get(a.id)));
  if (figures.length === 0) return <Empty filter={filter} none="empty_figures" />;
  return (
    <ul class="fm-list fm-list-figure">
      {figures.map((a) => {
        const v = verdicts.get(a.id);
        const value = figureValue(a);
        return (
          <li key={a.id}>
            <button type="button" class="fm-item" onClick={() => onSelect(a.id)} data-annotation={a.id}>
              <span class="fm-item-head">
                <span class="fm-item-name">{excerpt(a.text, 60)}</span>
                {a.figure && <span class="fm-item-kind">{figureKind(a.figure.kind)}</span>}
                <VerdictBadge verdict={v} />
              </span>
              {(value || v) && <span class="fm-item-detail">{[value, v && verdictText(v)].filter(Boolean).join(' · ')}</span>}
            </button>
          </li>
        );
      })}
    </ul>
  );
}

export interface SpeakerGroup {
  speaker: string | undefined;
  claims: Annotation[];
}

/** Claims grouped by resolved speaker, the group with the most pressing verdict first. */
export function groupClaims(annotations: readonly Annotation[], verdicts: ReadonlyMap<string, Verdict>): SpeakerGroup[] {
  const groups = new Map<string, SpeakerGroup>();
  for (const a of annotations) {
    if (a.category !== 'claim') continue;
    const who = claimSource(a);
    const key = who?.toLowerCase() ?? '';
    const g = groups.get(key) ?? { speaker: who, claims: [] };
    g.claims.push(a);
    groups.set(key, g);
  }
  const list = [...groups.values()].map((g) => ({ ...g, claims: byVerdict(g.claims, (a) => verdicts.get(a.id)) }));
  return byVerdict(list, (g) => verdicts.get(g.claims[0]!.id));
}

function EvidenceList({ evidence }: { evidence: readonly Evidence[] }) {
  if (!evidence.length) return null;
  return (
    <ul class="fm-evidence" aria-label={t('evidence_heading')}>
      {evidence.map((e) => {
        const d = evidenceDate(e.date);
        return (
          <li key={e.ref}>
            <span class="fm-evidence-label">{e.label}</span>
            {d && (
              <span class="fm-evidence-date">
                {' · '}
                {d.date}
                {d.inferred && <span class="fm-inferred"> {t('date_inferred')}</span>}
              </span>
            )}
            {e.quote && <span class="fm-item-detail fm-quote">{asQuote(e.quote, 160)}</span>}
          </li>
        );
      })}
    </ul>
  );
}

export function ClaimList({ annotations, verdicts, onSelect, filter }: ListProps) {
  const groups = groupClaims(annotations, verdicts)
    .map((g) => ({ ...g, claims: g.claims.filter((a) => passes(filter, verdicts.get(a.id))) }))
    .filter((g) => g.claims.length > 0);
  if (groups.length === 0) return <Empty filter={filter} none="empty_claims" />;
  return (
    <ul class="fm-list fm-list-claim">
      {groups.map((g, gi) => {
        const headingId = `fm-speaker-${gi}`;
        return (
          <li key={g.speaker ?? ''} class="fm-speaker">
            <p class="fm-speaker-name" id={headingId}>
              <span class="fm-item-name">{g.speaker ?? t('unnamed_source')}</span>
              {g.claims.length > 1 && <span class="fm-item-count"> {tn('speaker_claims', g.claims.length)}</span>}
            </p>
            <ul class="fm-list fm-speaker-claims" aria-labelledby={headingId}>
              {g.claims.map((a) => {
                const v = verdicts.get(a.id);
                return (
                  <li key={a.id}>
                    <button type="button" class="fm-item" onClick={() => onSelect(a.id)} data-annotation={a.id}>
                      <span class="fm-item-head">
                        {a.claim && <span class="fm-item-kind">{a.claim.cue.text}</span>}
                        <VerdictBadge verdict={v} />
                      </span>
                      <span class="fm-item-detail fm-quote">{asQuote(a.text)}</span>
                      {v && v.kind !== 'unverified' && <span class="fm-item-detail">{verdictText(v)}</span>}
                    </button>
                    {v && (v.kind === 'consistent' || v.kind === 'differs') && <EvidenceList evidence={v.evidence} />}
                  </li>
                );
              })}
            </ul>
          </li>
        );
      })}
    </ul>
  );
}
