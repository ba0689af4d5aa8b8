// Figure recogniser: numbers, measures, money, percentages, dates, with qualifiers.
// PLACEHOLDER until the figure recogniser lands: finds nothing.
import type { Annotation } from '../types';

export interface FigureOptions {
  /** ISO date of publication, for resolving relative dates. */
  published?: string;
}

export function recognizeFigures(_text: string, _options: FigureOptions = {}): Annotation[] {
  return [];
}
