import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { UNIT_WORD_RE, matchUnitWord } from '../../src/recognize/figures/units';

// matchUnitWord reads unit words by char code; it must match exactly where, and as, UNIT_WORD_RE does.
function viaRegex(text: string, at: number): [string, string | undefined, string | undefined] | null {
  UNIT_WORD_RE.lastIndex = at;
  const m = UNIT_WORD_RE.exec(text);
  return m ? [m[0], m[1], m[2]] : null;
}
function viaScan(text: string, at: number): [string, string | undefined, string | undefined] | null {
  const m = matchUnitWord(text, at);
  return m ? [m[0], m[1], m[2]] : null;
}

const SAMPLES = [
  ' km', 'km', '-km', ' - km', ' -km', '- km', ' kilometres', ' Kilometres per hour', ' kilometres  per\nhour', ' square  kilometres', ' sq. km', ' sq.km',
  ' km/h', ' km/hr', ' mph', ' percent', ' per cent', ' pc', ' pct', '%', ' (km)', '(km)', ' {kg}', ' (kg', ' kms', ' kmx', ' km2', ' km²', ' µm', ' μm', ' ΜM',
  ' µg', ' °c', ' °C', ' degrees celsius', ' degrees c', ' deg. c', ' in.', ' in', ' inches', ' ſeconds', ' \u212Am', ' KILOMETRES', ' Miles', ' mi', ' minutes',
  ' kilowatt-hours', ' kilowatt hours', ' kilowatt -hours', ' lb-ft', ' lb ft', ' pound-feet', ' mbit/s', ' m/s', ' m', ' l', ' L', ' litres', '\u00a0km', '\u2009km',
  ' yearsx', ' years', ' years-old', ' yr', ' hrs', ' metric tonnes', ' tonnes', ' tons', ' mg', ' mcg', ' gb', ' Gbps', ' kWh', ' MWh', ' TWh', ' hp', ' nm',
];
const ALPHABET = [...'kmsilcegpfhtydorbnw-. ()/{}²°µμΜſ\u212aKMSL\n\u00a0é1'];

describe('unit words read by char code', () => {
  it('match as UNIT_WORD_RE on examples', () => {
    for (const s of SAMPLES) {
      for (const pre of ['', '5', 'x ']) {
        const text = pre + s + ' and more';
        for (let at = 0; at <= text.length; at++) expect(viaScan(text, at), JSON.stringify([text, at])).toEqual(viaRegex(text, at));
      }
    }
  });

  it('match as UNIT_WORD_RE on generated text', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...ALPHABET), fc.constantFrom(...SAMPLES)), { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        for (let at = 0; at <= text.length; at++) expect(viaScan(text, at)).toEqual(viaRegex(text, at));
      }),
      { numRuns: 3000 },
    );
  });
});
