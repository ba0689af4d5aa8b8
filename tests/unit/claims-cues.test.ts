// Claim recogniser: cue rule classes found by looking at false alarms and misses together
// (parentheticals between a subject and its verb, ...). Invented sentences, positive and negative.
import { describe, expect, test } from 'vitest';

import { all, expectClaim } from './claims-helpers';

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

describe('a verb that closes a quotation, with or without its particle', () => {
  test.each([
    ['“We have to rebuild the pier,” she continued.', '“We have to rebuild the pier,”', 'she', 'continued'],
    ['“Nobody asked the tenants,” the landlord countered.', '“Nobody asked the tenants,”', 'the landlord', 'countered'],
    ['“The school must stay open,” the petition reads.', '“The school must stay open,”', 'the petition', 'reads'],
    ['“Prices will fall,” countered Ana Ruiz.', '“Prices will fall,”', 'Ana Ruiz', 'countered'],
  ])('%s', (text, content, source, cue) => expectClaim(text, content, source, cue));
  test('no claim for a verb that goes on after a quoted title', () => {
    expect(all('After “The Long Road,” the series continued for two more years.')).toEqual([]);
    expect(all('The river, he said, “continued to rise.”').some((g) => g.cue === 'continued')).toBe(false);
  });
});

describe('an apposition between the subject and its verb', () => {
  test.each([
    ['The mayor, a former teacher, plans to cut the fees.', 'to cut the fees', 'The mayor, a former teacher', 'plans'],
    ['The council’s treasurer, Ana Ruiz, hopes to balance the books.', 'to balance the books', 'The council’s treasurer, Ana Ruiz', 'hopes'],
    ['Tom Berg, 61, who ran the mill for a decade, told the paper that the order book was full.', 'the order book was full', 'Tom Berg, 61, who ran the mill for a decade', 'told'],
  ])('%s', (text, content, source, cue) => expectClaim(text, content, source, cue));
  test('no claim for nouns after a list', () => {
    expect(all('The farm, the mill, states that.')).toEqual([]);
    expect(all('Our towns, the old ones, hopes to.')).toEqual([]);
  });
});

describe('a relative "that" after a noun of speakers', () => {
  test.each([
    ['It is a tenants’ group that says the rents are too high.', 'the rents are too high', 'that', 'says'],
    ['They hired a lobby firm that argued that the levy was illegal.', 'the levy was illegal', 'that', 'argued'],
  ])('%s', (text, content, source, cue) => expectClaim(text, content, source, cue));
  test('no claim for a thing or a complementiser before the verb', () => {
    expect(all('It is the plan that says nothing.')).toEqual([]);
    expect(all('He said that officials say taxes are high.').some((g) => g.source === 'that')).toBe(false);
  });
});

describe('an opening prepositional phrase is no speaker of a participle', () => {
  test.each([
    'In the next eight weeks the council would do well to target small firms, emphasizing the cost of the new rules.',
    'Under the mayor’s plan, tenants reporting repairs would pay less.',
  ])('%s', (text) => expect(all(text).some((g) => /^(In|Under)\b/.test(g.source))).toBe(false));
  test('the subject after an opening phrase still speaks', () => {
    expectClaim('On Monday, the council issued a statement, saying the bridge would close.', 'the bridge would close', 'the council', 'saying');
  });
});

describe('a verb under a modal or a negation inside another claim’s content', () => {
  const cues = (text: string) => all(text).map((g) => g.cue);
  test.each([
    ['The spokeswoman said the mayor will address the protest on Friday.', 'address'],
    ['Her lawyer said the photos do not show who fired first.', 'show'],
    ['The aide said the senator would formally announce her bid in May.', 'announce'],
    ['Officials said the governor could embrace a cleaner plan.', 'embrace'],
    ['He said the board has never told staff what to say.', 'told'],
  ])('%s', (text, inner) => {
    expect(cues(text)).toContain('said');
    expect(cues(text)).not.toContain(inner);
  });
  test.each([
    ['The mayor will address the protest on Friday.', 'address'],
    ['The photos do not show who fired first, the lawyer said.', 'said'],
    ['The spokeswoman said the mayor told reporters that the bridge would close.', 'told'],
  ])('kept: %s', (text, cue) => expect(cues(text)).toContain(cue));
});

test('a poll frame keeps the views of those polled under a modal', () => {
  expectClaim('In the same poll, 41 percent would back the mayor.', 'the mayor', '41 percent', 'back');
});

describe('a free relative "what X called Y" names a thing, no statement', () => {
  const cues = (text: string) => all(text).map((g) => g.cue);
  test.each([
    'The minister condemned what he called a reckless provocation.',
    'The union fought what it calls “a raid on pensions.”',
    'Voters were angered by what the mayor called a necessary sacrifice.',
  ])('%s', (text) => expect(cues(text).some((c) => /^call/.test(c))).toBe(false));
  test('a naming with its own object still counts', () => {
    expect(cues('The minister called the strike a reckless provocation.').some((c) => /^called/.test(c))).toBe(true);
  });
});

test('a space between a closing single quotation mark and the double one still closes the quotation', () => {
  expectClaim('“We never liked the word ‘reform,’ ” she told the council.', '“We never liked the word ‘reform,’ ”', 'she', 'told');
  expectClaim("\"We never liked the word 'reform,' \" she told the council.", "\"We never liked the word 'reform,' \"", 'she', 'told');
});
