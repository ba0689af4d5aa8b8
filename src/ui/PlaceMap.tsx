// A small map of the article's places: dots at their gazetteer coordinates (equirectangular, scaled to
// the places' extent) with a scale bar, so relative positions and distances can be checked at a glance.
import type { Annotation } from '../types';

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

export function PlaceMap({ annotations, onSelect, width = 320, height = 170 }: {
  annotations: readonly Annotation[];
  onSelect(annotationId: string): void;
  width?: number;
  height?: number;
}) {
  const points = mapPoints(annotations);
  if (points.length < 2) return null;
  const { x, y, scale } = layout(points, width, height);
  // Greedy label placement: a label that would overlap one already placed is left out (the dot keeps its title).
  const boxes: { x0: number; x1: number; y0: number; y1: number }[] = [];
  const labelled = new Set<string>();
  for (const p of points) {
    const px = x(p.lon);
    const py = y(p.lat);
    const w = p.name.length * 5.6;
    const right = px < width * 0.7;
    const box = { x0: right ? px + 5 : px - 6 - w, x1: right ? px + 6 + w : px - 5, y0: py - 6, y1: py + 6 };
    if (boxes.every((b) => b.x1 < box.x0 || box.x1 < b.x0 || b.y1 < box.y0 || box.y1 < b.y0)) {
      boxes.push(box);
      labelled.add(p.key);
    }
  }
  return (
    <figure class="fm-map">
      <svg viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-labelledby="fm-map-caption">
        {points.map((p) => {
          const px = x(p.lon);
          const py = y(p.lat);
          const right = px < width * 0.7;
          return (
            <g key={p.key} class="fm-map-point" onClick={() => onSelect(p.annotationId)}>
              <title>{p.name}</title>
              <circle cx={px} cy={py} r={4} />
              {labelled.has(p.key) && <text x={right ? px + 6 : px - 6} y={py + 4} text-anchor={right ? 'start' : 'end'}>
                {p.name}
              </text>}
            </g>
          );
        })}
        <g class="fm-map-scale" aria-hidden="true">
          <line x1={8} y1={height - 8} x2={8 + scale.px} y2={height - 8} />
          <text x={8} y={height - 12}>
            {scale.km} km
          </text>
        </g>
      </svg>
      <figcaption id="fm-map-caption" class="fm-visually-hidden">
        Map of {points.length} places mentioned: {points.map((p) => p.name).join(', ')}
      </figcaption>
    </figure>
  );
}
