// Claim recogniser: cue rule classes found by looking at false alarms and misses together
// (parentheticals between a subject and its verb, ...). Invented sentences, positive and negative.
import { describe, expect, test } from 'vitest';
import { recognizeClaims } from '../../src/recognize/claims';

const all = (text: string) => recognizeClaims(text).map((a) => ({ content: a.text, source: a.claim!.source.text, cue: a.claim!.cue.text }));

function expectClaim(text: string, content: string, source: string, cue: string) {
  const got = all(text);
  expect(got, JSON.stringify(got)).toContainEqual({ content, source, cue });
}

describe('a parenthetical between the subject and its verb', () => {
  test.each([
    ['The mayor, however, said the bridge would reopen in May.', 'the bridge would reopen in May', 'The mayor', 'said'],
    ['Farmers, meanwhile, argue that the quota is too low.', 'the quota is too low', 'Farmers', 'argue'],
    ['Several economists, for instance, have warned that rents will rise.', 'rents will rise', 'Several economists', 'warned'],
    ['The union, in particular, has criticized the new rota.', 'the new rota', 'The union', 'criticized'],
    ['Ana Ruiz, like Tom Berg, has endorsed the levy.', 'the levy', 'Ana Ruiz', 'endorsed'],
    ['Some teachers, however, question the value of the tests.', 'the value of the tests', 'Some teachers', 'question'],
  ])('%s', (text, content, source, cue) => expectClaim(text, content, source, cue));
  test('no claim when the words between the commas are no parenthetical', () => {
    expect(all('The farm, the mill, claims the lawyer tomorrow.').some((g) => g.source === 'The farm')).toBe(false);
    expect(all('Member states, however, plans differ.')).toEqual([]);
  });
  test('the speaker after an introductory phrase is unchanged', () => {
    expectClaim('In Ohio, for instance, voters said the lines were short.', 'the lines were short', 'voters', 'said');
  });
});
