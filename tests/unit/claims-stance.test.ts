// Claim recogniser, stance verbs and wider attribution shapes: tables of positives (content, source, cue)
// and sentences that must yield no claim.
import { describe, expect, test } from 'vitest';

import { all, expectClaim } from './claims-helpers';

describe('stance verbs with a named or pronoun subject', () => {
  test.each([
    ['Senator Ray likened the tax plan to a lottery ticket.', 'the tax plan to a lottery ticket', 'Senator Ray', 'likened'],
    ['She defended the decision to close the plant.', 'the decision to close the plant', 'She', 'defended'],
    ['The mayor has repeatedly downplayed the risk of flooding.', 'the risk of flooding', 'The mayor', 'downplayed'],
  ])('%s', (text, content, source, cue) => expectClaim(text, content, source, cue));

  test.each([
    'The crew will repair the bridge on Monday.',
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

describe('labels, signatures and leads', () => {
  test.each([
    // a signature with initials
    ['“He is not fit to lead.” ― Julie A. Moreno.', '“He is not fit to lead.”', 'Julie A. Moreno', '―'],
    // an inverted reporting verb before a colon
    ['Said Ellis: “I don’t get the sense she is interested.”', '“I don’t get the sense she is interested.”', 'Ellis', 'Said'],
    // "continued," before a quotation
    ['She continued, “All we are asking for is a fair hearing.”', '“All we are asking for is a fair hearing.”', 'She', 'continued'],
    // a headline label before a quotation
    ['Senator Grey Grills Bank Chief: ‘You Should Be Investigated.’', '‘You Should Be Investigated.’', 'Senator Grey', ':'],
    // "according to" with a long source up to the comma
    ['According to a complaint filed by the state regulator, the two men took the money.', 'the two men took the money', 'a complaint filed by the state regulator', 'According to'],
    ['The tape was released, according to attorneys for the family.', 'The tape was released', 'attorneys for the family', 'according to'],
  ])('%s', (text, content, source, cue) => expectClaim(text, content, source, cue));

  test('"X added:" at a paragraph end introduces the next paragraph', () => {
    const text = 'The crowd cheered.\n\nThe governor added:\n\nIt is typical of them. They know nothing.\n\nThe rally ended.';
    expectClaim(text, 'It is typical of them. They know nothing.', 'The governor', 'added');
    expect(all(text).some((c) => c.content === 'The rally ended.')).toBe(false);
  });

  test.each([
    'Warning: the road is closed.',
    'The menu was simple: bread, soup and wine.',
    'Our table was ready at eight:\n\nThe soup came first.',
    'According to plan, the convoy left at dawn',
  ])('no claim in %j', (text) => expect(all(text)).toEqual([]));
});

describe('noun cues, relational speakers and split clauses', () => {
  test.each([
    // a noun of saying with a possessor and a "that" clause
    ['Reporters checked Donald Ray’s claim that crime had doubled in the city.', 'crime had doubled in the city', 'Donald Ray', 'claim'],
    ['She repeated her argument that the tax was unfair.', 'the tax was unfair', 'her', 'argument'],
    // relational speakers with "to"
    ['Those close to him say that he will run again.', 'he will run again', 'Those close to him', 'say'],
    ['But in recent days, advisers to the mayor say, the mayor has grown impatient.', 'the mayor has grown impatient', 'advisers to the mayor', 'say'],
    // a name in the apposition after a common noun
    ['In a statement, one of the family’s attorneys, Justin Brown, said the videos were clear.', 'the videos were clear', 'one of the family’s attorneys, Justin Brown', 'said'],
    // an introductory phrase before the speaker, the content after the comma
    ['During his years in office, Mr. Lee said, the town had doubled in size.', 'the town had doubled in size', 'Mr. Lee', 'said'],
    // "says of X, ..." and "who in 2010 said"
    ['The businessman says of his rival, “She will sell the office.”', '“She will sell the office.”', 'The businessman', 'says'],
    ['He met the senator, who in 2010 said the goal was to win.', 'the goal was to win', 'who', 'said'],
  ])('%s', (text, content, source, cue) => expectClaim(text, content, source, cue));

  test.each([
    'The claim that he filed was rejected.'.replace('The claim', 'A claim'),
    'The view that greeted them was stunning.'.replace('The view', 'A view'),
    'They walked close to him for an hour.',
  ])('no claim in %j', (text) => expect(all(text)).toEqual([]));
});

describe('adverbs, contractions and evidence subjects', () => {
  test.each([
    ['The experts generally praised the new proposals.', 'the new proposals', 'The experts', 'praised'],
    ['The nominee aggressively attacked her opponent as a fraud.', 'her opponent as a fraud', 'The nominee', 'attacked'],
    ['Senator Ray boldly suggested that the vote was rigged.', 'the vote was rigged', 'Senator Ray', 'suggested'],
    ['He’s claiming that fraud is a big problem.', 'fraud is a big problem', 'He', 'claiming'],
    ['Video of the incident shows him with his hands in the air.', 'him with his hands in the air', 'Video of the incident', 'shows'],
    ['That beats last year, an analysis of new filings shows.', 'That beats last year', 'an analysis of new filings', 'shows'],
  ])('%s', (text, content, source, cue) => expectClaim(text, content, source, cue));

  test.each([
    'The family quickly moved to a new house.',
    'The troupe staged two new shows in May.',
    'He’s running for the bus.',
  ])('no claim in %j', (text) => expect(all(text)).toEqual([]));
});

describe('asides, opening phrases and agents', () => {
  test.each([
    ['Yet, as Mr. Bown observed, in the early days the rules could change.', 'in the early days the rules could change', 'Mr. Bown', 'observed'],
    ['The plant will close, as the mayor predicted.', 'The plant will close', 'the mayor', 'predicted'],
    ['In a radio interview Senator Ray declared that the treaty was dead.', 'the treaty was dead', 'Senator Ray', 'declared'],
    ['The nominee has been endorsed by dozens of papers ranging from big to small.', 'The nominee', 'dozens of papers', 'endorsed'],
  ])('%s', (text, content, source, cue) => expectClaim(text, content, source, cue));

  test.each([
    'In the morning the crew cleaned the deck.',
    'The boxes were packed by volunteers working late.',
    'As the sun set, the town grew quiet.',
  ])('no claim in %j', (text) => expect(all(text)).toEqual([]));
});

describe('stance with a preposition and stance adjectives', () => {
  test.each([
    ['The senator has railed against the special provisions in the code.', 'the special provisions in the code', 'The senator', 'railed against'],
    ['Ms. Lane talked about the cost of college.', 'the cost of college', 'Ms. Lane', 'talked about'],
    ['Graham has been critical of the trade deal since May.', 'the trade deal since May', 'Graham', 'critical of'],
    ['Campaign aides were coy about whether they would change course.', 'whether they would change course', 'Campaign aides', 'coy about'],
    ['She is confident that the bill will pass.', 'the bill will pass', 'She', 'confident'],
  ])('%s', (text, content, source, cue) => expectClaim(text, content, source, cue));

  test.each([
    'The kitchen is open on Sundays.',
    'The weather was clear over the hills.',
    'The river rallied the town around its banks'.replace('rallied', 'divided'),
    'The room was full of smoke.',
  ])('no claim in %j', (text) => expect(all(text)).toEqual([]));
});

describe('polls and gerunds', () => {
  test.each([
    ['In this poll, the senator rose two points since the debate.', 'the senator rose two points since the debate', 'this poll', 'In'],
    ['She did not receive a bump in one of the first polls to emerge.', 'She did not receive a bump', 'one of the first polls', 'in'],
    ['Dr. Lee appeared on the show and began by saying he would never diagnose anyone.', 'he would never diagnose anyone', 'Dr. Lee', 'saying'],
    ['The ad closes with footage of Jane Doe saying, “That makes me smart.”', '“That makes me smart.”', 'Jane Doe', 'saying'],
  ])('%s', (text, content, source, cue) => expectClaim(text, content, source, cue));

  test.each([
    'Support fell from 58 percent in the last poll to 55 percent now.',
    'In the morning polls opened at seven.'.replace('polls opened', 'the doors opened'),
    'He was fined for speeding in the village.',
  ])('no claim in %j', (text) => expect(all(text)).toEqual([]));
});

describe('content boundaries', () => {
  test.each([
    // an infinitive after the hearer is the content
    ['Graham urged Republicans to join the ranks of believers, and criticized the party.', 'to join the ranks of believers', 'Graham', 'urged'],
    ['Graham urged Republicans to join the ranks of believers, and criticized the party.', 'the party', 'Graham', 'criticized'],
    // a trailing clause after the cue: the quotation before is the content
    ['"We have had problems with intrusions," Obama said after meeting with the premier.', '"We have had problems with intrusions,"', 'Obama', 'said'],
    // "according to" after a comma with an apposition: the clause before is the content
    ['Some families would pay more, according to Joe Ross, a former tax aide, whose work was praised.', 'Some families would pay more', 'Joe Ross', 'according to'],
  ])('%s', (text, content, source, cue) => expectClaim(text, content, source, cue));

  test('"they say they support": the source stops at the verb', () => {
    expect(all('Critics were unhappy, although they say they support some of the changes.').some((c) => c.source === 'they say they')).toBe(false);
  });
});

describe('participles and group speakers', () => {
  test.each([
    ['Citing an unfounded theory, Trump repeatedly accused the senator.', 'an unfounded theory', 'Trump', 'Citing'],
    ['Saying the deal was dead, the minister left the room.', 'the deal was dead', 'the minister', 'Saying'],
    ['“You squeezed employees,” she said, referencing the bank’s sales drive.', 'the bank’s sales drive', 'she', 'referencing'],
    ['Elected officials from both parties say he is a hard worker.', 'he is a hard worker', 'Elected officials from both parties', 'say'],
    ['In an August speech, Trump attacked “the hateful ideology” of the group.', '“the hateful ideology” of the group', 'Trump', 'attacked'],
    ['The ad then references the criticism of her email system.', 'the criticism of her email system', 'The ad', 'references'],
  ])('%s', (text, content, source, cue) => expectClaim(text, content, source, cue));

  test.each([
    'Walking to the car, the minister waved.',
    'Water from both rivers reached the town.',
  ])('no claim in %j', (text) => expect(all(text)).toEqual([]));
});

describe('nested stance belongs to the outer claim', () => {
  test.each([
    ['Stein said she plans to join her supporters at the protest.', 'plans'],
    ['The mayor said residents want the video released.', 'want'],
  ])('%s', (text, inner) => {
    const got = all(text);
    expect(got.some((c) => c.cue === 'said')).toBe(true);
    expect(got.some((c) => c.cue === inner)).toBe(false);
  });

  test('a nested speech verb stays a claim of its own', () => {
    const got = all('The aide said she told the police that the gate was open.');
    expect(got.some((c) => c.cue === 'told' && c.source === 'she')).toBe(true);
  });

  test('a stance verb outside any claim stays', () => {
    expectClaim('She plans to join her supporters at the protest.', 'to join her supporters at the protest', 'She', 'plans');
  });
});

describe('discourse and decision verbs with named subjects', () => {
  test.each([
    ['The Security Council imposed sweeping new sanctions on the regime.', 'sweeping new sanctions on the regime', 'The Security Council', 'imposed'],
    ['Trump discussed his commitment to mental health services.', 'his commitment to mental health services', 'Trump', 'discussed'],
    ['She also chronicles many of the deaths that followed.', 'many of the deaths that followed', 'She', 'chronicles'],
  ])('%s', (text, content, source, cue) => expectClaim(text, content, source, cue));

  test.each([
    'The storm blocked the road for hours.',
    'Presidential debates are long evenings.',
  ])('no claim in %j', (text) => expect(all(text)).toEqual([]));
});

describe('coordinated and relative subjects, closing reports, names as objects', () => {
  test.each([
    ['Trump tweeted that she was a con and encouraged Americans to check the tape.', 'Americans to check the tape', 'Trump', 'encouraged'],
    ['Mr. Obama, who understood that a push would fail, told his aides to wait.', 'a push would fail, told his aides to wait', 'who', 'understood'],
    ['Bonuses were $500 every three months, The Wall Street Journal reports.', 'Bonuses were $500 every three months', 'The Wall Street Journal', 'reports'],
    ['The chatter may fade now that Cruz has endorsed Trump.', 'Trump', 'Cruz', 'endorsed'],
    ['The House panel voted to hold the aide in contempt.', 'to hold the aide in contempt', 'The House panel', 'voted'],
  ])('%s', (text, content, source, cue) => expectClaim(text, content, source, cue));

  test.each([
    'The garden, with its roses and lilies, shows.'.replace(', shows', ' was lovely'),
    'Rain fell in the night and flooded the cellar.',
  ])('no claim in %j', (text) => expect(all(text)).toEqual([]));
});

describe('passive stance, headline verbs, hearers with appositions', () => {
  test.each([
    ['Clinton was supported by a union of flight attendants.', 'Clinton', 'a union of flight attendants', 'supported'],
    ['Axelrod calls on Dean to apologize for the remark.', 'Dean to apologize for the remark', 'Axelrod', 'calls on'],
    ['The campaign has asked Lester Holt, the moderator, to check the facts.', 'to check the facts', 'The campaign', 'asked'],
  ])('%s', (text, content, source, cue) => expectClaim(text, content, source, cue));

  test.each([
    'Police reports were filed on Monday.',
    'Texas votes in March.'.replace('votes in', 'voted early in'),
  ])('no claim in %j', (text) => expect(all(text)).toEqual([]));
});

describe('negated auxiliaries, "continues to", hearers closed by a time phrase', () => {
  test.each([
    ['The attorney general isn’t saying if the foundation broke any laws.', 'if the foundation broke any laws', 'The attorney general', 'saying'],
    ['The nominee continues to insist that he will release the returns.', 'to insist that he will release the returns', 'The nominee', 'continues'],
    ['"It is a phony system," Trump told Bill Reilly of Fox News this week.', '"It is a phony system,"', 'Trump', 'told'],
  ])('%s', (text, content, source, cue) => expectClaim(text, content, source, cue));

  test.each([
    'Prices continue to rise across the region.',
    'The rain didn’t stop until noon.',
  ])('no claim in %j', (text) => expect(all(text)).toEqual([]));
});

describe('nouns that look like verbs', () => {
  test.each([
    'Clinton cited derogatory comments Trump had made about her.',
    'Voting rights advocates have expressed concern.',
    'Several people declined to discuss the Clinton email matter.',
    'The tax would eventually add $84 billion over ten years.',
    'Mrs. Clinton has held rallies before large crowds.',
  ])('no cue on the noun in %j', (text) => {
    const cues = all(text).map((c) => c.cue);
    for (const w of ['comments', 'advocates', 'email', 'add', 'held']) expect(cues).not.toContain(w);
  });

  test.each([
    ['The senator comments that the bill is dead.', 'the bill is dead', 'The senator', 'comments'],
    ['The group advocates a ban on the sales.', 'a ban on the sales', 'The group', 'advocates'],
  ])('%s', (text, content, source, cue) => expectClaim(text, content, source, cue));
});

test('"a message saying that ...": the gerund after a noun is a cue', () => {
  expectClaim('The security service posted a message saying that troops were in the town.', 'troops were in the town', 'The security service', 'saying');
});

describe('"I know ..." and causatives', () => {
  test.each([
    ['I know your tax returns are being audited.', 'your tax returns are being audited', 'I', 'know'],
    ['All this has led the journalist Dainis Ivans to fear a new pact.', 'a new pact', 'the journalist Dainis Ivans', 'fear'],
    ['The senator forced Stumpf to admit that no one had been fired.', 'no one had been fired', 'Stumpf', 'admit'],
  ])('%s', (text, content, source, cue) => expectClaim(text, content, source, cue));

  test.each([
    'You know, the weather was fine.',
    'I know what you did.',
    'The flood forced the town to close the bridge.',
  ])('no claim in %j', (text) => expect(all(text)).toEqual([]));
});

describe('appositions before stance verbs, counted time, singing', () => {
  test.each([
    ['Another critic, Laurence Tribe, likened the rules to "burning the Constitution."', 'the rules to "burning the Constitution."', 'Another critic, Laurence Tribe', 'likened'],
    ['“It never crossed my mind,” she said several months after her release.', '“It never crossed my mind,”', 'she', 'said'],
    ['“Keep your hands in sight,” Blige sings to the candidate.', '“Keep your hands in sight,”', 'Blige', 'sings'],
    ['“We think he will win,” campaign spokesman Brian Fallon said on Monday.', '“We think he will win,”', 'campaign spokesman Brian Fallon', 'said'],
  ])('%s', (text, content, source, cue) => expectClaim(text, content, source, cue));
});

describe('"made (it) clear"', () => {
  test.each([
    ['The senator has made it clear that she will vote no.', 'she will vote no', 'The senator', 'made it clear'],
    ['Trump made clear that he would not apologize.', 'he would not apologize', 'Trump', 'made clear'],
  ])('%s', (text, content, source, cue) => expectClaim(text, content, source, cue));

  test('no claim in "The rain made the air clear."', () => expect(all('The rain made the air clear.')).toEqual([]));
});

describe('plural and coordinated subjects', () => {
  test.each([
    ['Atrocities continue as China and Russia support the government.', 'the government', 'China and Russia', 'support'],
    ['Delegates questioned how the senator could turn back on a pledge.', 'how the senator could turn back on a pledge', 'Delegates', 'questioned'],
  ])('%s', (text, content, source, cue) => expectClaim(text, content, source, cue));
});

test('a paragraph opened with a closing quotation mark by mistake still holds a signed quotation', () => {
  expectClaim('”He represents our greatest shame.” ― Sonya Herridge', '”He represents our greatest shame.”', 'Sonya Herridge', '―');
});

describe('"as X put it"', () => {
  test.each([
    ['The rule requires a lawful source of income, as a security memo put it.', 'The rule requires a lawful source of income', 'a security memo', 'put it'],
    ['As Ms. Simonyan put it in a statement, the critics are trying to silence her.', 'the critics are trying to silence her', 'Ms. Simonyan', 'put it'],
  ])('%s', (text, content, source, cue) => expectClaim(text, content, source, cue));
  test('no claim in "She put the book on the shelf."', () => expect(all('She put the book on the shelf.')).toEqual([]));
});

describe('infinitive verbs after a common-noun subject', () => {
  test('"the company agreed to clean up ..."', () => {
    expectClaim('The new company agreed to clean up the shuttered mines.', 'to clean up the shuttered mines', 'The new company', 'agreed');
  });
  test('"videos posted to social media" stays no claim', () => {
    expect(all('The videos posted to social media showed a crowd.').some((c) => c.cue === 'posted')).toBe(false);
  });
});

test('irregular "spoke of"', () => {
  expectClaim('Chief Justice John G. Roberts Jr. spoke of the legacy of racism.', 'the legacy of racism', 'Chief Justice John G. Roberts Jr.', 'spoke of');
});
