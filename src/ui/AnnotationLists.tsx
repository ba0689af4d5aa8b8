// Lists of the page's places, figures and claims with their verdicts; every item is a button that
// asks the page to scroll to the mention (onSelect). Shared by the popup; text is rendered escaped.
import { useRef } from 'preact/hooks';
import type { Annotation, Verdict } from '../types';
import { claimSource, excerpt, figureValue, formatPopulation, groupPlaces, placeLocation, spellingUsed } from './describe';
import { VerdictBadge } from './VerdictBadge';

interface ListProps {
  annotations: readonly Annotation[];
  verdicts: ReadonlyMap<string, Verdict>;
  onSelect(annotationId: string): void;
}

const KIND_LABEL: Record<string, string> = { country: 'country', region: 'region', city: 'town', area: 'area', feature: 'feature' };

export function PlaceList({ annotations, verdicts, onSelect }: ListProps) {
  // Each click moves on to the next mention of the same place.
  const cursor = useRef(new Map<string, number>()).current;
  const groups = groupPlaces(annotations);
  if (groups.length === 0) return <p class="fm-empty">No places found.</p>;
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
                {written && <span class="fm-item-written">written “{written}”</span>}
                {g.mentions.length > 1 && (
                  <span class="fm-item-count">
                    <span aria-hidden="true">×{g.mentions.length}</span>
                    <span class="fm-visually-hidden">{g.mentions.length} mentions</span>
                  </span>
                )}
                <VerdictBadge verdict={verdict} />
              </span>
              <span class="fm-item-detail">
                {[KIND_LABEL[p.kind] ?? p.kind, where, pop && `pop. ${pop}`].filter(Boolean).join(' · ')}
              </span>
              {verdict?.kind === 'ambiguous' && <span class="fm-item-detail">{verdict.summary}</span>}
            </button>
          </li>
        );
      })}
    </ul>
  );
}

export function FigureList({ annotations, verdicts, onSelect }: ListProps) {
  const figures = annotations.filter((a) => a.category === 'figure');
  if (figures.length === 0) return <p class="fm-empty">No figures found.</p>;
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
                {a.figure && <span class="fm-item-kind">{a.figure.kind}</span>}
                <VerdictBadge verdict={v} />
              </span>
              {(value || v) && <span class="fm-item-detail">{[value, v?.summary].filter(Boolean).join(' · ')}</span>}
            </button>
          </li>
        );
      })}
    </ul>
  );
}

export function ClaimList({ annotations, verdicts, onSelect }: ListProps) {
  const claims = annotations.filter((a) => a.category === 'claim');
  if (claims.length === 0) return <p class="fm-empty">No attributed claims found.</p>;
  return (
    <ul class="fm-list fm-list-claim">
      {claims.map((a) => {
        const v = verdicts.get(a.id);
        const who = claimSource(a);
        return (
          <li key={a.id}>
            <button type="button" class="fm-item" onClick={() => onSelect(a.id)} data-annotation={a.id}>
              <span class="fm-item-head">
                <span class="fm-item-name">{who ?? 'Unnamed source'}</span>
                {a.claim && <span class="fm-item-kind">{a.claim.cue.text}</span>}
                <VerdictBadge verdict={v} />
              </span>
              <span class="fm-item-detail fm-quote">“{excerpt(a.text)}”</span>
              {v && v.kind !== 'unverified' && <span class="fm-item-detail">{v.summary}</span>}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
