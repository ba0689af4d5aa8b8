// Claim recogniser: passives with an agent (reduced, with a naming complement, with a time phrase),
// shares of those polled as subjects, particles after a time phrase, verbs of perception and volition.
import { describe, expect, test } from 'vitest';

import { all, expectClaim } from './claims-helpers';

describe('reduced passives of reporting and stance verbs with their agent', () => {
  test.each([
    ['The city paid a fine of two million dollars, a penalty imposed by the Environmental Protection Agency.', 'a penalty', 'the Environmental Protection Agency', 'imposed'],
    ['Toll roads remain unpopular, criticized by the mayor and most of the council.', 'Toll roads remain unpopular', 'the mayor', 'criticized'],
  ])('%s', (text, content, source, cue) => expectClaim(text, content, source, cue));
  test.each(['The bridge, built by local workers in 1900, still stands.', 'The boxes stacked by the door were empty.', 'The shares held by the fund fell.'])('no claim in %j', (text) => expect(all(text)).toEqual([]));
});

describe('passives with an agent', () => {
  test('a naming verb keeps its complement before the agent', () => {
    expectClaim('The surgeon has been called a fraud by several colleagues for selling pills.', 'a fraud', 'several colleagues', 'called');
  });
  test('a time phrase after the agent is neither source nor content', () => {
    expectClaim('The resolutions were rejected by the Security Council in 2019.', 'The resolutions', 'the Security Council', 'rejected');
  });
});

describe('shares of those polled as subjects', () => {
  test('"44 percent would back X"', () => {
    const got = all('In the same survey, 41 percent would back the governor, while 9 percent prefer the independent candidate.');
    expect(got, JSON.stringify(got)).toContainEqual({ content: 'the governor', source: '41 percent', cue: 'back' });
    expect(got, JSON.stringify(got)).toContainEqual({ content: 'the independent candidate', source: '9 percent', cue: 'prefer' });
  });
});

describe('a particle after a time phrase', () => {
  test('"called Friday for"', () => expectClaim('The union called Monday for an inquiry into the crash.', 'an inquiry into the crash', 'The union', 'called Monday for'));
  test('no particle, no cue: "She called Monday to the office."', () => expect(all('She called Monday at noon.')).toEqual([]));
});

describe('verbs of perception, judgement and volition with a speaker subject', () => {
  test.each([
    ['The board views the merger as a threat.', 'the merger as a threat', 'The board', 'views'],
    ['She senses frustration among the delegates.', 'frustration among the delegates', 'She', 'senses'],
    ['We wish the ministers would listen to the farmers.', 'the ministers would listen to the farmers', 'We', 'wish'],
  ])('%s', (text, content, source, cue) => expectClaim(text, content, source, cue));
  test.each(['The views from the tower are stunning.', 'In summer, the salmon seek cold water.'])('no claim in %j', (text) => expect(all(text)).toEqual([]));
});

describe('participles that name no stance', () => {
  test.each([
    'The speech was arranged by party leaders and criticized by the White House for its timing.',
    'There is little room for a profit at the price offered by the two chains.',
  ])('no active claim with the wrong source in %j', (text) => {
    const got = all(text);
    expect(got.filter((g) => g.cue === 'offered' || (g.cue === 'criticized' && !/White House/.test(g.source)))).toEqual([]);
  });
});

describe('seeing as judging', () => {
  test.each([
    ['Critics of the levy see it as a gift to landlords.', 'it as a gift to landlords', 'Critics of the levy', 'see'],
    ['She saw that the vote was lost.', 'the vote was lost', 'She', 'saw'],
  ])('%s', (text, content, source, cue) => expectClaim(text, content, source, cue));
  test.each(['Officers saw the driver get out of a car.', 'We will see as soon as possible.'])('no claim in %j', (text) => expect(all(text)).toEqual([]));
});

describe('shares of those polled before an ambiguous verb', () => {
  test('"1 percent support X"', () => expectClaim('Among voters under 30, 12 percent support the Green candidate.', 'the Green candidate', '12 percent', 'support'));
});

describe('"called" with a name: a judgement needs a complement after the name', () => {
  test.each([
    ['The senator called Ms. Ortiz a fraud.', 'Ms. Ortiz a fraud', 'The senator', 'called'],
    ["She called Mr. Lee's remarks disgusting.", "Mr. Lee's remarks disgusting", 'She', 'called'],
  ])('%s', (text, content, source, cue) => expectClaim(text, content, source, cue));
  test.each(['The governor called Maria Ortiz on Friday to thank her.', 'Police arrested a man called John Smith yesterday.'])('no "called" claim in %j', (text) => expect(all(text).filter((g) => g.cue === 'called')).toEqual([]));
});
