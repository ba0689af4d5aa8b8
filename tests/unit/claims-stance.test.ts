// Claim recogniser, stance verbs and wider attribution shapes: tables of positives (content, source, cue)
// and sentences that must yield no claim.
import { describe, expect, test } from 'vitest';
import { recognizeClaims } from '../../src/recognize/claims';

const all = (text: string) => recognizeClaims(text).map((a) => ({ content: a.text, source: a.claim!.source.text, cue: a.claim!.cue.text }));

function expectClaim(text: string, content: string, source: string, cue: string) {
  const got = all(text);
  expect(got, JSON.stringify(got)).toContainEqual({ content, source, cue });
}

describe('stance verbs with a named or pronoun subject', () => {
  test.each([
    ['Senator Ray likened the tax plan to a lottery ticket.', 'the tax plan to a lottery ticket', 'Senator Ray', 'likened'],
    ['She defended the decision to close the plant.', 'the decision to close the plant', 'She', 'defended'],
    ['The mayor has repeatedly downplayed the risk of flooding.', 'the risk of flooding', 'The mayor', 'downplayed'],
  ])('%s', (text, content, source, cue) => expectClaim(text, content, source, cue));

  test.each([
    'The committee will discuss the budget on Monday.',
    'The bridge was compared to a cathedral.',
    'Member states in the south voted against the budget.',
    'Hackers targeted more than 20 states in recent months.',
  ])('no stance claim in %j', (text) => expect(all(text).filter((c) => c.cue !== 'reported')).toEqual([]));
});

describe('hearers, trailing adverbs and coordinated verbs', () => {
  test.each([
    // a hearer phrase closed by a comma or a full stop: the content is the quotation before
    ['"We have always been ignored," he told the group, adding that nothing had changed.', '"We have always been ignored,"', 'he', 'told'],
    ['"This is probably the way out," Graham told The Daily Courier then.', '"This is probably the way out,"', 'Graham', 'told'],
    // a trailing adverb after the cue
    ['"God forbid we ask them anything," Gowdy said sarcastically.', '"God forbid we ask them anything,"', 'Gowdy', 'said'],
    // "..., but pledged": the subject of the first clause speaks
    ['The marchers were angry, but pledged to remain peaceful.', 'to remain peaceful', 'The marchers', 'pledged'],
    // the speaker after the cue, followed by a prepositional phrase or a bracket
    ['“It was chaotic,” said one Democratic source on the panel.', '“It was chaotic,”', 'one Democratic source', 'said'],
    ['“It is a misguided approach,” said Mr. Burman (a view echoed by others).', '“It is a misguided approach,”', 'Mr. Burman', 'said'],
  ])('%s', (text, content, source, cue) => expectClaim(text, content, source, cue));

  test.each([
    'The crowd waited outside the hall for hours.',
    'The ship sailed on but sank near the coast.',
  ])('no claim in %j', (text) => expect(all(text)).toEqual([]));
});
