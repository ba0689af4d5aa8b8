// A map of the article's places, drawn offline: Natural Earth country shapes (world-atlas, 1:110m, through
// topojson-client) projected with d3-geo and fitted to the places' extent, a dot per located town, the
// countries the article names shaded, and a scale bar. Each dot has a real button over it (keyboard,
// screen readers) whose label shows on hover and focus; choosing one scrolls the page to the mention.
// Popup bundle only: the content script never imports this file.
import { useMemo } from 'preact/hooks';
import { geoMercator, geoPath, geoDistance } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import world from 'world-atlas/countries-110m.json';
import type { Annotation } from '../types';
import { countryName } from './describe';
import { t, tn } from './i18n';

export interface MapPoint {
  key: string;
  name: string;
  lat: number;
  lon: number;
  annotationId: string;
}

/** One point per distinct located town (countries and regions left out: a dot says little about them). */
export function mapPoints(annotations: readonly Annotation[]): MapPoint[] {
  const seen = new Map<string, MapPoint>();
  for (const a of annotations) {
    const p = a.place;
    if (a.category !== 'place' || !p || p.kind !== 'city' || p.lat === undefined || p.lon === undefined) continue;
    const key = String(p.geonameId ?? `${p.name}@${p.lat},${p.lon}`);
    if (!seen.has(key)) seen.set(key, { key, name: p.name, lat: p.lat, lon: p.lon, annotationId: a.id });
  }
  return [...seen.values()];
}

const KM_PER_DEG = 111.32;
const NICE = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000];

export interface Layout {
  x(lon: number): number;
  y(lat: number): number;
  /** Scale bar: its length in px and the distance it stands for. */
  scale: { px: number; km: number };
}

/** Fits the points into width x height (with padding), keeping distances true at the middle latitude. */
export function layout(points: readonly MapPoint[], width: number, height: number, pad = 14): Layout {
  const lats = points.map((p) => p.lat);
  const lons = points.map((p) => p.lon);
  const midLat = (Math.min(...lats) + Math.max(...lats)) / 2;
  const k = Math.cos((midLat * Math.PI) / 180);
  // Extent in km, at least 20 km so a single town does not fill the map.
  const spanX = Math.max((Math.max(...lons) - Math.min(...lons)) * KM_PER_DEG * k, 20);
  const spanY = Math.max((Math.max(...lats) - Math.min(...lats)) * KM_PER_DEG, 20);
  const pxPerKm = Math.min((width - 2 * pad) / spanX, (height - 2 * pad) / spanY);
  const cx = (Math.min(...lons) + Math.max(...lons)) / 2;
  const cy = midLat;
  const x = (lon: number) => width / 2 + (lon - cx) * KM_PER_DEG * k * pxPerKm;
  const y = (lat: number) => height / 2 - (lat - cy) * KM_PER_DEG * pxPerKm;
  const target = (width / 4) / pxPerKm;
  const km = [...NICE].reverse().find((n) => n <= target) ?? NICE[0]!;
  return { x, y, scale: { px: km * pxPerKm, km } };
}


type Country = Feature<Geometry, { name: string }>;
let countries: Country[] | undefined;
/** The country shapes, converted from TopoJSON once per popup. */
function worldCountries(): Country[] {
  if (!countries) {
    const topo = world as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
    countries = (feature(topo, topo.objects.countries) as FeatureCollection<Geometry, { name: string }>).features;
  }
  return countries;
}

/** Natural Earth's short names where they differ from the browser's English region names. */
const NE_NAME: Record<string, string> = { 'United States': 'United States of America', Czechia: 'Czechia', 'Bosnia & Herzegovina': 'Bosnia and Herz.', 'Central African Republic': 'Central African Rep.', 'Dominican Republic': 'Dominican Rep.', 'South Sudan': 'S. Sudan' };

/** Names (as in world-atlas) of the countries the article names or its towns lie in. */
export function mentionedCountries(annotations: readonly Annotation[]): Set<string> {
  const out = new Set<string>();
  for (const a of annotations) {
    const p = a.place;
    if (a.category !== 'place' || !p?.country) continue;
    const name = countryName(p.country, 'en'); // world-atlas names are English
    if (name) out.add(NE_NAME[name] ?? name);
  }
  return out;
}

export interface Projected {
  /** [x, y] of a point in the drawing. */
  project(lon: number, lat: number): [number, number];
  /** SVG path data per country shape. */
  path(f: Country): string;
  scale: { px: number; km: number };
}

const EARTH_KM = 6371;
/** Fits a Mercator projection to the points (at least ~80 km across, so one town does not fill the map). */
export function projectPoints(points: readonly MapPoint[], width: number, height: number, pad = 18): Projected {
  const lons = points.map((p) => p.lon);
  const lats = points.map((p) => p.lat);
  let [w, e, s, n] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  const minSpan = 0.75;
  if (e - w < minSpan) [w, e] = [(w + e) / 2 - minSpan / 2, (w + e) / 2 + minSpan / 2];
  if (n - s < minSpan / 2) [s, n] = [(s + n) / 2 - minSpan / 4, (s + n) / 2 + minSpan / 4];
  const corners = { type: 'MultiPoint' as const, coordinates: [[w, s], [e, s], [w, n], [e, n]] };
  const proj = geoMercator().fitExtent([[pad, pad], [width - pad, height - pad]], corners);
  const path = geoPath(proj);
  // Scale bar at the middle of the map: px per km from two points 1 degree of longitude apart.
  const midLat = (s + n) / 2;
  const a = proj([(w + e) / 2, midLat])!;
  const b = proj([(w + e) / 2 + 1, midLat])!;
  const kmPerDeg = geoDistance([0, midLat], [1, midLat]) * EARTH_KM;
  const pxPerKm = Math.abs(b[0] - a[0]) / kmPerDeg;
  const target = width / 4 / pxPerKm;
  const km = [...NICE].reverse().find((x) => x <= target) ?? NICE[0]!;
  return {
    project: (lon, lat) => proj([lon, lat]) ?? [-1, -1],
    path: (f) => path(f) ?? '',
    scale: { px: km * pxPerKm, km },
  };
}

/** Largest hit area (side of the square around each point, drawing units) for a mouse: 18. */
export const HIT_SIZE = 18;
const MIN_HIT_SIZE = 6;

/**
 * The side of each point's hit area: 18, or less where points crowd, so that no two squares overlap and
 * every point can be clicked at its own dot (0.7 of the distance to the nearest point: squares of that
 * side around two points d apart never overlap, whatever the direction). Points nearly on top of each
 * other keep a minimum and stay reachable by keyboard.
 */
export function hitAreaSizes(points: readonly (readonly [number, number])[]): number[] {
  return points.map(([x, y], i) => {
    let nearest = Infinity;
    points.forEach(([x2, y2], j) => {
      if (j !== i) nearest = Math.min(nearest, Math.hypot(x2 - x, y2 - y));
    });
    return Math.max(MIN_HIT_SIZE, Math.min(HIT_SIZE, nearest * 0.7));
  });
}

export function PlaceMap({ annotations, onSelect, width = 320, height = 170 }: {
  annotations: readonly Annotation[];
  onSelect(annotationId: string): void;
  width?: number;
  height?: number;
}) {
  const points = useMemo(() => mapPoints(annotations), [annotations]);
  const shaded = useMemo(() => mentionedCountries(annotations), [annotations]);
  const drawing = useMemo(() => (points.length < 2 ? undefined : projectPoints(points, width, height)), [points, width, height]);
  const shapes = useMemo(() => {
    if (!drawing) return [];
    return worldCountries().map((f) => ({ name: f.properties.name, d: drawing.path(f), on: shaded.has(f.properties.name) })).filter((c) => c.d);
  }, [drawing, shaded]);
  if (!drawing) return null;
  const { project, scale } = drawing;
  // Greedy label placement: a label that would overlap one already placed waits for hover or focus.
  const boxes: { x0: number; x1: number; y0: number; y1: number }[] = [];
  const placed = points.map((p) => {
    const [px, py] = project(p.lon, p.lat);
    const w = p.name.length * 5.6;
    const right = px < width * 0.7;
    const box = { x0: right ? px + 5 : px - 6 - w, x1: right ? px + 6 + w : px - 5, y0: py - 6, y1: py + 6 };
    const free = boxes.every((b) => b.x1 < box.x0 || box.x1 < b.x0 || b.y1 < box.y0 || box.y1 < b.y0);
    if (free) boxes.push(box);
    return { p, px, py, right, labelled: free };
  });
  const hitSizes = hitAreaSizes(placed.map(({ px, py }) => [px, py] as const));
  const captionId = 'fm-map-caption';
  return (
    <figure class="fm-map">
      <div class="fm-map-frame" style={{ aspectRatio: `${width} / ${height}` }}>
        <svg viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-labelledby={captionId}>
          <g class="fm-map-land">
            {shapes.map((c) => <path key={c.name} d={c.d} class={c.on ? 'fm-map-mentioned' : undefined} />)}
          </g>
          {placed.map(({ p, px, py, right, labelled }) => (
            <g key={p.key} class={`fm-map-point${labelled ? ' fm-map-labelled' : ''}`} data-key={p.key}>
              <circle cx={px} cy={py} r={4} />
              {labelled && (
                <text x={right ? px + 6 : px - 6} y={py + 4} text-anchor={right ? 'start' : 'end'}>
                  {p.name}
                </text>
              )}
            </g>
          ))}
          <g class="fm-map-scale">
            <line x1={8} y1={height - 8} x2={8 + scale.px} y2={height - 8} />
            <text x={8} y={height - 12}>{t('map_scale', scale.km)}</text>
          </g>
        </svg>
        {placed.map(({ p, px, py }, i) => {
          // The hit area, in % of the frame's width (margins in % are of the width too), never over a neighbour's.
          const size = hitSizes[i]!;
          const pct = (n: number) => `${(n / width) * 100}%`;
          return (
          <button
            key={p.key}
            type="button"
            class="fm-map-hit"
            style={{ left: pct(px), top: `${(py / height) * 100}%`, width: pct(size), height: 'auto', aspectRatio: '1', margin: `${pct(-size / 2)} 0 0 ${pct(-size / 2)}` }}
            aria-label={t('map_point', p.name)}
            data-key={p.key}
            data-annotation={p.annotationId}
            onClick={() => onSelect(p.annotationId)}
          >
            <span class="fm-map-tip" aria-hidden="true">{p.name}</span>
          </button>
          );
        })}
      </div>
      <figcaption id={captionId} class="fm-visually-hidden">
        {tn('map_caption', points.length, points.map((p) => p.name).join(', '))}
      </figcaption>
    </figure>
  );
}
