// Claim recogniser, wider sentence shapes: each new pattern as a table of positives (content, source, cue)
// and of sentences that must yield no claim.
import { describe, expect, test } from 'vitest';
import { recognizeClaims } from '../../src/recognize/claims';

import { all, expectClaim } from './claims-helpers';

describe('quotations signed and labelled', () => {
  test.each([
    ['“The bridge will not reopen this year.” ― Maria Lopez', '“The bridge will not reopen this year.”', 'Maria Lopez', '―'],
    ['"We did what we could." — Tom Hale.', '"We did what we could."', 'Tom Hale', '—'],
    ['"MODERATOR: Let us begin with the budget.', 'Let us begin with the budget', 'MODERATOR', ':'],
  ])('%s', (text, content, source, cue) => expectClaim(text, content, source, cue));

  test.each([
    'The road ― closed since May ― reopens on Monday.',
    '“The bridge,” a new novel ― now in paperback.',
  ])('no claim in %j', (text) => expect(all(text)).toEqual([]));
});

describe('shapes around the subject', () => {
  test.each([
    // a quotation ending in a question or exclamation mark, then the speaker in a sentence of its own
    ['“How long must we wait?” Clinton said.', '“How long must we wait?”', 'Clinton', 'said'],
    ['"That is a disgrace!" she said.', '"That is a disgrace!"', 'she', 'said'],
    // a participle after a comma
    ['The mayor criticised the plan, saying it would cost too much.', 'it would cost too much', 'The mayor', 'saying'],
    // a coordinated verb: the subject of the first clause speaks
    ['The governor visited the plant and said the jobs would stay.', 'the jobs would stay', 'The governor', 'said'],
    ['In July, Senator Lee toured the border and warned that the fence was failing.', 'the fence was failing', 'Senator Lee', 'warned'],
    // a relative clause
    // a relative clause: the pronoun is the source as written, the antecedent names the speaker (below)
    ['The fine was cut for an architect who said he was never paid.', 'he was never paid', 'who', 'said'],
    ['They asked the police department, which reported that crime had fallen.', 'crime had fallen', 'which', 'reported'],
    // an apposition that is a participle or a prepositional phrase
    ['Trump, speaking to a veterans group in Virginia, said he would order a review.', 'he would order a review', 'Trump, speaking to a veterans group in Virginia', 'said'],
    ['Clinton, at a later press gaggle, said the attacks were being investigated.', 'the attacks were being investigated', 'Clinton, at a later press gaggle', 'said'],
  ])('%s', (text, content, source, cue) => expectClaim(text, content, source, cue));

  test.each([
    ['The fine was cut for an architect who said he was never paid.', 'an architect'],
    ['They asked the police department, which reported that crime had fallen.', 'police department'],
    ['Voters cheered Senator Ann Lee, who said the plant would stay open.', 'Ann Lee'],
  ])('relative pronoun resolves to its antecedent: %s', (text, name) => {
    const got = recognizeClaims(text).find((a) => /^(who|which)$/.test(a.claim!.source.text));
    expect(got?.claim!.source.name).toBe(name);
  });

  test('a leading adverbial is not the subject of ", saying"', () => {
    expectClaim('On Thursday, the panel held the aide in contempt, saying he ignored a subpoena.', 'he ignored a subpoena', 'the panel', 'saying');
  });

  test.each([
    'The troops crossed the river and took the bridge.',
    'Prices rose in the city, which added to the pressure on wages.',
    'The storm hit the coast, which lies low, and the dunes were lost.',
    'He walked to the car, singing loudly.',
  ])('no claim in %j', (text) => expect(all(text)).toEqual([]));
});

describe('stance verbs, headlines, trailing adverbials, parentheticals', () => {
  test.each([
    ['Trump has attacked loopholes that benefit others.', 'loopholes that benefit others', 'Trump', 'attacked'],
    ['He also vowed to form a joint federal task force.', 'to form a joint federal task force', 'He', 'vowed'],
    ['Clarke hopes to offset the emissions with credits.', 'to offset the emissions with credits', 'Clarke', 'hopes'],
    ['Video shows that the man had his hands in the air.', 'the man had his hands in the air', 'Video', 'shows'],
    ['Now she seems to have vanished from the campaign trail.', 'to have vanished from the campaign trail', 'she', 'seems'],
    ['He refuses to release his tax records.', 'to release his tax records', 'He', 'refuses'],
    ['New Poll Shows Minor Bump For Clinton', 'Minor Bump For Clinton', 'New Poll', 'Shows'],
    ['“It is finished,” she said of the election.', '“It is finished,”', 'she', 'said'],
    ['“We will win,” Trump said this month on television.', '“We will win,”', 'Trump', 'said'],
    ['African-Americans, he said, can rock like anyone.', 'African-Americans', 'he', 'said'],
    ['African-Americans, he said, can rock like anyone.', 'can rock like anyone', 'he', 'said'],
    ["''It is anti-reform,'' said Mr. Burman.", "''It is anti-reform,''", 'Mr. Burman', 'said'],
  ])('%s', (text, content, source, cue) => expectClaim(text, content, source, cue));

  test.each([
    'The Republican nominee outlined his cybersecurity plan.',
    'The McKinley plan is linear.',
    'The ethnic vote in several battleground states could be decisive.',
    'Prices seem high.',
    'Stocks Fall As Oil Prices Rise',
    'The cost of tuition added up to more than the house.',
  ])('no claim in %j', (text) => expect(all(text)).toEqual([]));
});
