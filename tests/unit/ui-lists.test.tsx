// @vitest-environment happy-dom
// The popup lists' reading order and filter (differing verdicts first; one verdict at a time), claims
// grouped by speaker with the other reports' wording, label and date (an inferred date says so), and the
// map's keyboard points.
import { afterEach, describe, expect, test, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { ClaimList, FigureList, groupClaims } from '../../src/ui/AnnotationLists';
import { evidenceDate, verdictIndex } from '../../src/ui/describe';
import { PlaceMap, mentionedCountries, projectPoints, mapPoints } from '../../src/ui/PlaceMap';
import type { Annotation, Verdict } from '../../src/types';

let root: HTMLElement;
function mount(node: preact.ComponentChild) {
  root = document.createElement('div');
  document.body.append(root);
  act(() => render(node, root));
  return root;
}
afterEach(() => {
  render(null, root);
  root.remove();
});

const fig = (start: number, text: string): Annotation => ({ id: `figure:${start}`, category: 'figure', start, end: start + text.length, text, figure: { kind: 'count', value: 1 } });
const claim = (start: number, who: string, text: string): Annotation => ({
  id: `claim:${start}`, category: 'claim', start, end: start + text.length, text,
  claim: { source: { start: 0, end: 1, text: who, name: who }, cue: { start: 0, end: 1, text: 'said' } },
});
const v = (id: string, kind: Verdict['kind'], evidence: Verdict['evidence'] = []): Verdict => ({ annotationId: id, kind, summary: `${kind} summary`, evidence });

describe('order and filter', () => {
  const figures = [fig(0, 'one'), fig(10, 'two'), fig(20, 'three'), fig(30, 'four')];
  const verdicts = verdictIndex([v('figure:0', 'consistent'), v('figure:10', 'differs'), v('figure:30', 'differs')]);

  test('differing first, article order within a verdict, marks without a verdict last', () => {
    const el = mount(<FigureList annotations={figures} verdicts={verdicts} onSelect={() => {}} />);
    expect([...el.querySelectorAll('.fm-item-name')].map((e) => e.textContent)).toEqual(['two', 'four', 'one', 'three']);
  });

  test('a filter keeps one verdict, and says when nothing has it', () => {
    const el = mount(<FigureList annotations={figures} verdicts={verdicts} onSelect={() => {}} filter="consistent" />);
    expect([...el.querySelectorAll('.fm-item-name')].map((e) => e.textContent)).toEqual(['one']);
    render(null, root);
    const el2 = mount(<FigureList annotations={figures} verdicts={verdicts} onSelect={() => {}} filter="ambiguous" />);
    expect(el2.textContent).toBe('No marks with this verdict here.');
  });
});

describe('claims by speaker', () => {
  const claims = [claim(0, 'Zelensky', 'we hold Kupiansk'), claim(40, 'Konashenkov', 'troops regrouped'), claim(80, 'Zelensky', 'they made a good choice by fleeing')];
  const verdicts = verdictIndex([
    v('claim:80', 'consistent', [{ ref: 'seed-2#c3', label: 'Russia says it will pull its troops out', quote: 'made the right choice to run', date: '2022-09-10 (inferred)' }]),
    v('claim:40', 'differs', [{ ref: 'seed-1#c1', label: 'Report one', quote: 'troops withdrew', date: '2022-09-10' }]),
  ]);

  test('groups by speaker, the group with a differing claim first', () => {
    const groups = groupClaims(claims, verdicts);
    expect(groups.map((g) => [g.speaker, g.claims.map((c) => c.id)])).toEqual([
      ['Konashenkov', ['claim:40']],
      ['Zelensky', ['claim:80', 'claim:0']],
    ]);
  });

  test('the other reports\' wording, label and date; an inferred date says so; each claim jumps to its mark', () => {
    const onSelect = vi.fn();
    const el = mount(<ClaimList annotations={claims} verdicts={verdicts} onSelect={onSelect} />);
    const speakers = [...el.querySelectorAll('.fm-speaker-name .fm-item-name')].map((e) => e.textContent);
    expect(speakers).toEqual(['Konashenkov', 'Zelensky']);
    const evidence = [...el.querySelectorAll('.fm-evidence li')].map((e) => e.textContent!);
    expect(evidence[0]).toContain('Report one');
    expect(evidence[0]).toContain('2022-09-10');
    expect(evidence[0]).not.toContain('inferred');
    expect(evidence[1]).toContain('made the right choice to run');
    expect(evidence[1]).toMatch(/2022-09-10 \(inferred/);
    (el.querySelectorAll('.fm-list-claim button')[1] as HTMLButtonElement).click();
    expect(onSelect).toHaveBeenCalledWith('claim:80');
  });

  test('evidence dates', () => {
    expect(evidenceDate('2022-09-10 (inferred)')).toEqual({ date: '2022-09-10', inferred: true });
    expect(evidenceDate('2022-09-10')).toEqual({ date: '2022-09-10', inferred: false });
    expect(evidenceDate(undefined)).toBeUndefined();
  });
});

describe('map', () => {
  const town = (start: number, name: string, lat: number, lon: number, id: number, country = 'UA'): Annotation => ({
    id: `place:${start}`, category: 'place', start, end: start + name.length, text: name, place: { name, kind: 'city', country, lat, lon, geonameId: id },
  });
  const towns = [town(0, 'Izium', 49.2128, 37.2569, 1), town(10, 'Kupiansk', 49.7106, 37.6156, 2), town(20, 'Moscow', 55.75, 37.62, 3, 'RU')];

  test('country shapes, a dot and a labelled keyboard button per town; a button scrolls to the mention', () => {
    const onSelect = vi.fn();
    const el = mount(<PlaceMap annotations={towns} onSelect={onSelect} />);
    expect(el.querySelectorAll('.fm-map-land path').length).toBeGreaterThan(100);
    expect(el.querySelectorAll('.fm-map-mentioned').length).toBe(2); // Ukraine and Russia
    const buttons = [...el.querySelectorAll<HTMLButtonElement>('button.fm-map-hit')];
    expect(buttons.map((b) => b.getAttribute('aria-label'))).toEqual(['Izium: go to the mention', 'Kupiansk: go to the mention', 'Moscow: go to the mention']);
    buttons[2]!.click();
    expect(onSelect).toHaveBeenCalledWith('place:20');
  });

  test('projection: north up, east right, everything inside, scale bar true to distance', () => {
    const pts = mapPoints(towns);
    const p = projectPoints(pts, 320, 170);
    const [ix, iy] = p.project(37.2569, 49.2128);
    const [mx, my] = p.project(37.62, 55.75);
    expect(my).toBeLessThan(iy);
    for (const q of pts) {
      const [x, y] = p.project(q.lon, q.lat);
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(320);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(170);
    }
    // Izium-Moscow is about 730 km; Mercator at the middle latitude keeps it within 10%.
    const km = (Math.hypot(mx - ix, my - iy) / p.scale.px) * p.scale.km;
    expect(km).toBeGreaterThan(650);
    expect(km).toBeLessThan(810);
    expect(mentionedCountries(towns)).toEqual(new Set(['Ukraine', 'Russia']));
  });
});
