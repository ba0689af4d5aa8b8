// Claim recogniser: each attribution form as a table, speaker resolution, and offsets as a property.
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { recognizeClaims } from '../../src/recognize/claims';
import { sameSpeaker } from '../../src/recognize/claims/speakers';

const one = (text: string) => recognizeClaims(text).map((a) => ({ content: a.text, source: a.claim!.source.text, cue: a.claim!.cue.text, name: a.claim!.source.name }));

describe('attribution forms', () => {
  test.each([
    ['"We are taking control of new settlements," he said.', '"We are taking control of new settlements,"', 'he', 'said'],
    ['“We are taking control,” the minister said on Friday.', '“We are taking control,”', 'the minister', 'said'],
    ["'We will win this war,' she said.", "'We will win this war,'", 'she', 'said'],
    ['The mayor said: "The bridge will reopen next week."', '"The bridge will reopen next week."', 'The mayor', 'said'],
    ['The ministry said that the regrouping is intended to strengthen units.', 'the regrouping is intended to strengthen units', 'The ministry', 'said'],
    ['The governor told reporters that the roads were closed.', 'the roads were closed', 'The governor', 'told'],
    ['According to many military experts, the pressure pushed the army to pull back.', 'the pressure pushed the army to pull back', 'many military experts', 'According to'],
    ['The army pulled back from the city, according to Russia\'s TASS agency.', 'The army pulled back from the city', "Russia's TASS agency", 'according to'],
    ['Troops were withdrawing from the region, the Defence Ministry in Moscow said on Saturday.', 'Troops were withdrawing from the region', 'the Defence Ministry in Moscow', 'said'],
    ['Igor Konashenkov, a spokesman for the Defense Ministry, said that troops would be moved east.', 'troops would be moved east', 'Igor Konashenkov, a spokesman for the Defense Ministry', 'said'],
    ['The company warned that prices would rise again.', 'prices would rise again', 'The company', 'warned'],
    ['The senator tweeted that the bill was dead.', 'the bill was dead', 'The senator', 'tweeted'],
    ['Officials denied that any civilians had been hurt.', 'any civilians had been hurt', 'Officials', 'denied'],
    ['It was announced by the palace that the king would travel abroad.', 'the king would travel abroad', 'the palace', 'announced'],
    ['"The plan is dead," said Revesz.', '"The plan is dead,"', 'Revesz', 'said'],
    ['Both presidents support the mission, the Élysée Palace said on Saturday.', 'Both presidents support the mission', 'the Élysée Palace', 'said'],
  ])('%s', (text, content, source, cue) => {
    const got = one(text);
    expect(got.some((g) => g.content === content && g.source === source && g.cue === cue)).toBe(true);
  });

  test.each([
    'The weather was fine and the roads were open.',
    'Member states of the United States agreed nothing.',
    "The stated goals were unclear.",
    '',
  ])('no claim in %j', (text) => {
    expect(recognizeClaims(text).filter((a) => a.claim!.cue.text !== 'agreed')).toEqual([]);
  });
});

describe('speakers', () => {
  test('pronouns resolve to the last fitting named source', () => {
    const got = one('President Volodymyr Zelensky said the army advanced. "We are winning," he said.');
    expect(got.map((g) => g.name)).toEqual(['Volodymyr Zelensky', 'Volodymyr Zelensky']);
  });
  test('spellings, titles and roles give one canonical name', () => {
    const text = 'Ukrainian President Volodymyr Zelenskyy said the troops advanced. Zelensky said the war would end. "It is over," the president said. Zelenksy added that help was coming.';
    const names = new Set(one(text).map((g) => g.name));
    expect([...names]).toEqual(['Volodymyr Zelenskyy']);
  });
  test('an unrelated person keeps their own name', () => {
    const names = one('Emmanuel Macron said the plant was at risk. Olaf Scholz said talks would continue.').map((g) => g.name);
    expect(names).toEqual(['Emmanuel Macron', 'Olaf Scholz']);
  });
  test('a name that is a key of every object ("Constructor") is a name, not a pronoun', () => {
    for (const who of ['Constructor', 'Smith']) {
      const got = one(`The minister praised the bridge. "It is safe," ${who} said.`);
      expect(got.at(-1)).toEqual({ content: '"It is safe,"', source: who, cue: 'said', name: who });
    }
  });
  test.each([
    ['Zelensky', 'Zelenskyy', true],
    ['Zelensky', 'Zelenksy', true],
    ['Volodymyr Zelensky', 'Zelenskyy', true],
    ['Emmanuel Macron', 'Zelensky', false],
    ['Russian Defence Ministry', 'Defense Ministry', true],
  ])('sameSpeaker(%s, %s) = %s', (a, b, want) => expect(sameSpeaker(a, b)).toBe(want));
});

describe('quotes over paragraphs and sentences', () => {
  test('a quote-only sentence continues the last quoted speaker', () => {
    const got = one('“The best thing they can do is turn back,” the president said. “Of course, they made the right choice.”');
    expect(got.map((g) => g.content)).toContain('“Of course, they made the right choice.”');
    expect(new Set(got.map((g) => g.cue)).size).toBe(1);
  });
  test('an open quote continues in the next paragraph', () => {
    const text = 'The mayor said: "We will rebuild the bridge.\n\n"It will take two years and cost a lot."\n\nThe weather was fine.';
    const got = one(text);
    expect(got.length).toBe(2);
    expect(got[1].source).toBe('The mayor');
  });
});

describe('seeds', () => {
  const seeds = resolve(__dirname, '../fixtures/seeds');
  test.each([
    ['000_0542a8070dd0cc42.txt', ['Volodymyr Zelensky', 'Vitaly Gantshev', 'Élysée Palace', 'many military experts', 'Defence Ministry in Moscow']],
    ['003_8f0f9114e9d9c3f5.txt', ['Volodymyr Zelenskyy', 'Igor Konashenkov', 'Oleh Nikolenko', 'Ukrainian Security Service', 'Ukrainian officials']],
  ])('%s: speakers found', (file, speakers) => {
    const names = new Set(recognizeClaims(readFileSync(resolve(seeds, file), 'utf8')).map((a) => a.claim!.source.name));
    for (const s of speakers) expect(names).toContain(s);
  });
});

describe('offsets (property)', () => {
  const alphabet = fc.constantFrom(...'ab Zelensky said, "told" according to ’‘“”\'.\n:—he'.split(''), ' said ', ' according to ', '"', '“', '”', ', he said. ', '\n\n', 'The minister ');
  test('no throw; spans in bounds, ordered; text equals slice', () => {
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 80 }).map((a) => a.join('')), (text) => {
        const out = recognizeClaims(text);
        let prev = -1;
        for (const a of out) {
          expect(a.start).toBeGreaterThanOrEqual(prev);
          prev = a.start;
          for (const s of [a, a.claim!.source, a.claim!.cue]) {
            expect(0 <= s.start && s.start <= s.end && s.end <= text.length).toBe(true);
            expect(s.text).toBe(text.slice(s.start, s.end));
          }
          expect(a.id).toBe(`claim:${a.start}`);
        }
      }),
      { numRuns: 300 },
    );
  });
});
