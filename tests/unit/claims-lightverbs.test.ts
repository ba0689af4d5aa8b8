// Claim recogniser: stance carried by a noun after a light verb ("raised questions about", "expressed
// concern that") or after a copula ("is a staunch opponent of"), with the subject as source.
import { describe, expect, test } from 'vitest';

import { all, expectClaim } from './claims-helpers';

describe('light verb and noun of stance', () => {
  test.each([
    ['The senator is raising questions about the contract with the port.', 'the contract with the port', 'The senator', 'raising questions about'],
    ['Several economists have expressed deep misgivings about the new levy.', 'the new levy', 'Several economists', 'expressed deep misgivings about'],
    ['The mayor made the case for a second bridge.', 'a second bridge', 'The mayor', 'made the case for'],
    ['She has no illusions about the cost of the war.', 'the cost of the war', 'She', 'has no illusions about'],
    ['The union voiced concern that the plant would close.', 'the plant would close', 'The union', 'voiced concern'],
    ['He took offense at the suggestion that he had lied.', 'the suggestion that he had lied', 'He', 'took offense at'],
  ])('%s', (text, content, source, cue) => expectClaim(text, content, source, cue));
  test.each([
    'The bank has the support of its shareholders.',
    'The storm raised concerns about the dam.',
    'The mine faced questions about its safety record.',
    'The hall has a view of the harbour.',
  ])('no claim in %j', (text) => expect(all(text)).toEqual([]));
});

describe('copula and noun of a stance holder', () => {
  test.each([
    ['The governor is a staunch opponent of the death penalty.', 'the death penalty', 'The governor', 'is a staunch opponent of'],
    ['Ms. Ortiz has been a consistent and vocal supporter of Ukraine.', 'Ukraine', 'Ms. Ortiz', 'been a consistent and vocal supporter of'],
  ])('%s', (text, content, source, cue) => expectClaim(text, content, source, cue));
  test('no claim in "The river is a source of water for the town."', () => expect(all('The river is a source of water for the town.')).toEqual([]));
});

describe('adjectives of certainty and feeling', () => {
  test.each([
    ['The minister was sure the treaty would hold.', 'the treaty would hold', 'The minister', 'sure'],
    ['Farm groups were incensed by the ruling.', 'the ruling', 'Farm groups', 'incensed by'],
  ])('%s', (text, content, source, cue) => expectClaim(text, content, source, cue));
  test('no claim in "The road was sure a mess."', () => expect(all('The road was sure a mess.')).toEqual([]));
});

describe('verbs with a particle: setting out and apologising', () => {
  test.each([
    ['The senator laid out her plan for the railways.', 'her plan for the railways', 'The senator', 'laid out'],
    ['The mayor did not apologize for his remarks about the strike.', 'his remarks about the strike', 'The mayor', 'apologize for'],
  ])('%s', (text, content, source, cue) => expectClaim(text, content, source, cue));
  test('no claim in "The workers laid the bricks in rows."', () => expect(all('The workers laid the bricks in rows.')).toEqual([]));
});
