// Claim recogniser: clause-level attribution rules (introductory phrases before a trailing source,
// "so" standing for a clause, quantifiers as subjects) and the writer's own discourse idioms.
import { describe, expect, test } from 'vitest';

import { all, expectClaim } from './claims-helpers';

describe('an introductory phrase before a clause with a trailing source', () => {
  test.each([
    ['In addition, the council plans to publish the figures next week, a spokeswoman announced Tuesday.', 'the council plans to publish the figures next week', 'a spokeswoman', 'announced'],
    ['For now, the bridge will stay closed, the mayor said.', 'the bridge will stay closed', 'the mayor', 'said'],
  ])('%s', (text, content, source, cue) => expectClaim(text, content, source, cue));
  test('an introductory phrase alone is still no content', () => {
    const got = all('In a video released by her office, the governor said the budget was balanced.');
    expect(got, JSON.stringify(got)).toContainEqual({ content: 'the budget was balanced', source: 'the governor', cue: 'said' });
    expect(got.some((g) => g.content.startsWith('In a video'))).toBe(false);
  });
});

describe('"so" standing for a clause', () => {
  test.each([
    ['Will the tariffs stay? She does not think so.', 'so', 'She', 'think'],
    ['Is the treaty dead? The minister said so.', 'so', 'The minister', 'said'],
  ])('%s', (text, content, source, cue) => expectClaim(text, content, source, cue));
  test('no claim in "The plan worked, and so did the next one."', () => expect(all('The plan worked, and so did the next one.')).toEqual([]));
});

describe('a quantifier as the subject of a reporting verb', () => {
  test.each([
    ['Some argue that the levy hurts farmers.', 'the levy hurts farmers', 'Some', 'argue'],
    ['Many fear that the mine will close.', 'the mine will close', 'Many', 'fear'],
    ['The tax is popular, but others note that it raises little.', 'it raises little', 'others', 'note'],
  ])('%s', (text, content, source, cue) => expectClaim(text, content, source, cue));
  test.each(['There is some hope that the talks resume.', 'He left many notes that nobody read.'])('no claim in %j', (text) => expect(all(text)).toEqual([]));
});

describe("the writer's own discourse is no attribution", () => {
  test.each([
    "Let's say you need a loan of ten thousand dollars.",
    'Having said that, the bridge is still safe.',
    'Needless to say, the bridge is still safe.',
    '(Reporting by Ann Lee; additional reporting by Tom Ruiz; editing by Kim Park.)',
  ])('no claim in %j', (text) => expect(all(text)).toEqual([]));
});

describe('coordinated clauses with sources of their own', () => {
  test('"X want A, and Y want B": two claims, the first ending at the coordination', () => {
    const got = all('Farmers want lower tariffs on seed, and exporters want higher quotas for grain.');
    expect(got, JSON.stringify(got)).toContainEqual({ content: 'lower tariffs on seed', source: 'Farmers', cue: 'want' });
    expect(got, JSON.stringify(got)).toContainEqual({ content: 'higher quotas for grain', source: 'exporters', cue: 'want' });
  });
  test('a report closed by another named report', () => {
    const got = all('The mayor said the bridge was safe, but engineers warned that its cables were rusting.');
    expect(got, JSON.stringify(got)).toContainEqual({ content: 'the bridge was safe', source: 'The mayor', cue: 'said' });
    expect(got, JSON.stringify(got)).toContainEqual({ content: 'its cables were rusting', source: 'engineers', cue: 'warned' });
  });
  test('a second "that" clause stays in the content', () => {
    expectClaim('The minister said the deal was signed, and that the banks knew it.', 'the deal was signed, and that the banks knew it', 'The minister', 'said');
  });
});

describe('an infinitive of purpose takes the main clause subject as source', () => {
  test.each([
    ['The senator took to Twitter overnight to accuse the agency of lying.', 'the agency of lying', 'The senator', 'accuse'],
    ['On Monday, the ministers met in Brussels to discuss the refugee quotas.', 'the refugee quotas', 'the ministers', 'discuss'],
  ])('%s', (text, content, source, cue) => expectClaim(text, content, source, cue));
  test.each([
    'The mayor asked the council to discuss the budget.',
    'Prices rose sharply to announce the end of the boom.',
    'The company used the grant to promote its products.',
  ])('no infinitive claim in %j', (text) => expect(all(text).some((g) => ['discuss', 'announce', 'promote'].includes(g.cue))).toBe(false));
});

describe('speaker phrases: a title with "from", an apposition before a stance verb, people by relation', () => {
  test('"Senator from Ohio says ..."', () => expectClaim('Senator from Ohio says he will vote against the bill.', 'he will vote against the bill', 'Senator from Ohio', 'says'));
  test('a name, its apposition, then a verb of stance', () => {
    expectClaim('Maria Lopez, her rival in the primary, deplored the violence in the capital.', 'the violence in the capital', 'Maria Lopez, her rival in the primary', 'deplored');
  });
  test('"the victim\'s widow said"', () => expectClaim("The victim's widow said the police had ignored her calls.", 'the police had ignored her calls', "The victim's widow", 'said'));
  test('a lone noun object closing the sentence', () => expectClaim('Asked about the attack, he did not suggest retaliation.', 'retaliation', 'he', 'suggest'));
  test.each(['The report came from a liberal think tank.', 'Nobody said enough.', 'The fund helps people seeking employment.'])('no lone-noun claim in %j', (text) => expect(all(text).filter((g) => !g.content.includes(' '))).toEqual([]));
});

describe('a relative clause whose verb of stance lacks its object', () => {
  test.each([
    ['Voters want the kind of strong leader that the senator so admires.', 'the kind of strong leader', 'the senator', 'admires'],
    ['These are the reforms the governor supports.', 'the reforms', 'the governor', 'supports'],
  ])('%s', (text, content, source, cue) => expectClaim(text, content, source, cue));
  test.each(['It was an Obama veto.', 'The talks covered the San Bernardino attack.', 'The school board contests were close.'])('no claim in %j', (text) => expect(all(text)).toEqual([]));
});

describe('coordinated verbs of one subject', () => {
  test('"X supported A ..., and said B": the first content ends at the coordination', () => {
    const got = all('Ms. Reyes generally supported the union during her years at the plant, which closed in 2015, and said she did not back the strike.');
    expect(got, JSON.stringify(got)).toContainEqual({ content: 'the union during her years at the plant, which closed in 2015', source: 'Ms. Reyes', cue: 'supported' });
    expect(got, JSON.stringify(got)).toContainEqual({ content: 'she did not back the strike', source: 'Ms. Reyes', cue: 'said' });
  });
  test('a pronoun subject before a gerund of saying', () => {
    expectClaim('She won the vote by telling them that the plant would stay open.', 'them that the plant would stay open', 'She', 'telling');
  });
});

describe('a singular noun of speakers agrees with an ambiguous -s verb', () => {
  test('"Former party chairman calls for ..."', () => expectClaim('Former party chairman calls for a new primary.', 'a new primary', 'Former party chairman', 'calls for'));
  test('no claim in "The committee plans were leaked."', () => expect(all('The committee plans were leaked.')).toEqual([]));
});
