// Claim recogniser, further attribution frames: acts of address, catenative verbs before the cue,
// quantified relatives ("many of whom say"), speaker phrases opening with a number. Positives and negatives.
import { describe, expect, test } from 'vitest';

import { all, expectClaim } from './claims-helpers';

describe('acts of address with a speaker subject', () => {
  test.each([
    ['The senator unleashed a series of posts mocking the governor.', 'a series of posts mocking the governor', 'The senator', 'unleashed'],
    ['The mayor bemoaned the lack of funding.', 'the lack of funding', 'The mayor', 'bemoaned'],
    ['She lauded the agreement.', 'the agreement', 'She', 'lauded'],
  ])('%s', (text, content, source, cue) => expectClaim(text, content, source, cue));
  test.each(['The storm unleashed a flood of water.', 'The river flooded the valley.'])('no claim in %j', (text) => expect(all(text)).toEqual([]));
});

describe('catenative verbs between subject and cue', () => {
  test.each([
    ['She appeared to suggest that the vote was rigged.', 'the vote was rigged', 'She', 'suggest'],
    ['He went on to say that the plan would fail.', 'the plan would fail', 'He', 'say'],
  ])('%s', (text, content, source, cue) => expectClaim(text, content, source, cue));
  test('no claim in "The prices appeared to rise after the report."', () => expect(all('The prices appeared to rise after the report.')).toEqual([]));
});

describe('quantified relatives and numbered speakers', () => {
  test('"many of whom say"', () => {
    const got = all('The law angered the teachers, many of whom say the rules are unfair.');
    expect(got, JSON.stringify(got)).toContainEqual({ content: 'the rules are unfair', source: 'many of whom', cue: 'say' });
  });
  test('no claim in "Many of the houses, most of whom were empty, burned."', () => expect(all('Many of the houses, most of whom were empty, burned.')).toEqual([]));
  test('a speaker phrase opening with a number and slash', () => {
    expectClaim('“The bill is wrong,” said 9/11 widow Jane Doe.', '“The bill is wrong,”', '9/11 widow Jane Doe', 'said');
  });
});

describe('nouns and bare verbs that are no cue or source', () => {
  test.each(['The bank raised its forecast by 0.1 percentage points to 4.2 percent.', 'Trump did not unveil plans to pay for it.'])('no claim in %j', (text) => expect(all(text)).toEqual([]));
  test('"points to" with a pronoun subject stays a cue', () => {
    expectClaim('He points to the deficit as proof.', 'to the deficit as proof', 'He', 'points');
  });
});

describe('nouns of stance with a possessor and a complement', () => {
  test.each([
    ['Yet his determination to act alone inflamed his opponents.', 'act alone inflamed his opponents', 'his', 'determination'],
    ["That was enough to hold the IMF's estimate of global growth steady.", 'global growth steady', 'the IMF', 'estimate'],
  ])('%s', (text, content, source, cue) => expectClaim(text, content, source, cue));
  test.each(['The determination of the boundary took years.', 'The estimate of the cost rose.'])('no claim in %j', (text) => expect(all(text)).toEqual([]));
});

describe('evidence with a complement as the subject', () => {
  test.each([
    ['Data from the 2014 American Community Survey show that women represented 41 percent.', 'women represented 41 percent', 'Data from the 2014 American Community Survey', 'show'],
    ['Leaked documents from his 1995 tax return show he took a loss.', 'he took a loss', 'Leaked documents from his 1995 tax return', 'show'],
  ])('%s', (text, content, source, cue) => expectClaim(text, content, source, cue));
  test('no claim in "Visitors from the city show their tickets at the gate."', () => expect(all('Visitors from the city show their tickets at the gate.')).toEqual([]));
});

describe('leading adverbials before the subject of a participle', () => {
  test.each([
    ['On Thursday, however, Trump spoke to a gathering of industry leaders, promising to lift environmental regulations.', 'to lift environmental regulations', 'Trump', 'promising'],
    ['Chastened by the analyses, Trump revised his plan, promising to focus more of its benefits on the middle class.', 'to focus more of its benefits on the middle class', 'Trump', 'promising'],
    ['Recently, however, it issued a policy paper welcoming the new plan.', 'the new plan', 'it', 'welcoming'],
  ])('%s', (text, content, source, cue) => expectClaim(text, content, source, cue));
  test('no claim in "On Thursday, however, the river rose, flooding the town."', () => expect(all('On Thursday, however, the river rose, flooding the town.')).toEqual([]));
});

describe('a time phrase between subject and cue', () => {
  test.each([
    ['Wells Fargo just this month announced it would get rid of these incentives.', 'it would get rid of these incentives', 'Wells Fargo', 'announced'],
    ['The senator this week said the bill was dead.', 'the bill was dead', 'The senator', 'said'],
  ])('%s', (text, content, source, cue) => expectClaim(text, content, source, cue));
  test('no claim in "The river this month flooded the town."', () => expect(all('The river this month flooded the town.')).toEqual([]));
});

describe('a participle after a comma and an adverb', () => {
  test('", again saying that ..."', () => {
    expectClaim('The president spoke in Ohio on Monday, again saying that the economy was strong.', 'the economy was strong', 'The president', 'saying');
  });
  test('no claim in "The river rose on Monday, again flooding the town."', () => expect(all('The river rose on Monday, again flooding the town.')).toEqual([]));
});

describe('"added on" a medium', () => {
  test('"..., he added on Twitter."', () => {
    expectClaim('"The summit accomplished too little," he added on Twitter.', '"The summit accomplished too little,"', 'he', 'added');
  });
  test('no claim in "The builders added on a new floor."', () => expect(all('The builders added on a new floor.')).toEqual([]));
});

describe('a speaker noun with its complement as the subject of a stance verb', () => {
  test('"Residents of the town defended ..."', () => {
    expectClaim('Residents of the town defended the decision.', 'the decision', 'Residents of the town', 'defended');
  });
  test('no claim in "The roof of the house blocked the view."', () => expect(all('The roof of the house blocked the view.')).toEqual([]));
});

test('one mention, one source span: coordinated cues share the speaker span', () => {
  const got = all('Ban Ki-moon, the secretary general of the United Nations, said the test was a threat and warned that sanctions would follow.');
  expect(got.length, JSON.stringify(got)).toBe(2);
  expect(new Set(got.map((c) => c.source)).size).toBe(1);
  // separate mentions of the same speaker keep their own spans
  const two = all('Mr. Obama and Hillary Clinton praised the deal, and Mr. Obama said it would last.');
  expect(two.map((c) => c.source)).toEqual(['Mr. Obama and Hillary Clinton', 'Mr. Obama']);
});

describe('an -s form right after a verb is its object', () => {
  test.each(['They made plans to build bunkers.', 'Trump backed off, dialing back plans to cut the top rate.'])('no claim in %j', (text) => expect(all(text)).toEqual([]));
  test('"The campaign plans to ..." stays a claim', () => {
    expectClaim('The campaign plans to release records.', 'to release records', 'The campaign', 'plans');
  });
});

describe('an infinitive of purpose after a verb of meeting', () => {
  test('"leaders gathered Friday to discuss ..."', () => {
    expectClaim('European leaders gathered Friday to discuss the challenges facing their continent.', 'the challenges facing their continent', 'European leaders', 'to discuss');
  });
  test.each(['The workers gathered to build a wall.', 'The crowd gathered in the square.'])('no claim in %j', (text) => expect(all(text)).toEqual([]));
});

test('"hear" counts only with a clause: no claim in "judges who will hear the case"', () => {
  expect(all('Of the ten judges who will hear the case, six were appointed by Democrats.').some((c) => c.cue === 'hear')).toBe(false);
  expectClaim('She heard that the plant would close.', 'the plant would close', 'She', 'heard that');
});

describe('a stance verb followed by a place or manner phrase has no object', () => {
  test.each(['He spoke at a rally in Ohio.', 'The senator spoke from the floor of the chamber.'])('no claim in %j', (text) => expect(all(text)).toEqual([]));
  test('"spoke about" stays a cue', () => expectClaim('She spoke about the economy.', 'the economy', 'She', 'spoke about'));
});

describe('"find" without a finding', () => {
  test.each(['Soldiers occasionally find themselves in the thick of war.', 'They found a way through the old law.', 'Parents will need to find a bit over $500 a month.'])('no claim in %j', (text) => expect(all(text)).toEqual([]));
  test('"the study found that ..." stays a claim', () => expectClaim('The study found that prices rose.', 'prices rose', 'The study', 'found'));
});

describe('"tell" a narrative', () => {
  test.each(['She needs to sell herself and tell more jokes.', 'The museum would tell an American story.'])('no claim in %j', (text) => expect(all(text).some((c) => /^tell/.test(c.cue))).toBe(false));
  test('"told reporters that ..." stays a claim', () => expectClaim('He told reporters that the deal was done.', 'the deal was done', 'He', 'told'));
});

describe("the writer's idioms are no attribution", () => {
  test.each(["It is worth noting that Apple's tax bill was large.", 'It goes without saying that taxes will rise.'])('no claim in %j', (text) => expect(all(text)).toEqual([]));
});

test('a participle after the main clause shares its full speaker span', () => {
  const got = all('Hillary Clinton’s campaign manager Robby Mook said as much in an interview, arguing that Trump lashed out.');
  expect(got.length, JSON.stringify(got)).toBe(2);
  expect(got.every((c) => c.source === 'Hillary Clinton’s campaign manager Robby Mook'), JSON.stringify(got)).toBe(true);
});

test('an opening sentence adverb is no subject of a participle', () => {
  expectClaim('Worse, the companies have hidden their tax havens, in many cases reporting different numbers to different governments.', 'different numbers to different governments', 'the companies', 'reporting');
});
