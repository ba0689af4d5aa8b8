// Word lists of general English for attribution: reporting verbs in all their forms, titles,
// pronouns, time words and speaker nouns. No names of people or places live here.

/** Reporting verbs by lemma. Irregular forms are listed; regular ones are generated. */
const IRREGULAR: Record<string, string[]> = {
  say: ['say', 'says', 'said', 'saying'],
  tell: ['tell', 'tells', 'told', 'telling'],
  write: ['write', 'writes', 'wrote', 'written', 'writing'],
  think: ['think', 'thinks', 'thought', 'thinking'],
  find: ['find', 'finds', 'found', 'finding'],
  show: ['show', 'shows', 'showed', 'shown', 'showing'],
  forecast: ['forecast', 'forecasts', 'forecasted', 'forecasting'],
  feel: ['feels', 'felt'],
  know: ['knows', 'knew'],
  foresee: ['foresee', 'foresees', 'foresaw', 'foreseen'],
  hold: ['holds', 'held'],
  swear: ['swear', 'swears', 'swore', 'sworn'],
  read: ['reads'],
  put: ['put', 'puts'],
  understand: ['understand', 'understands', 'understood'],
  cast: ['casts'],
  sing: ['sings', 'sang', 'sung', 'singing'],
  speak: ['speak', 'speaks', 'spoke', 'spoken', 'speaking'],
  hear: ['hear', 'hears', 'heard', 'hearing'],
  strike: ['strikes', 'struck'],
};

/** Regular reporting verbs (base form). */
const REGULAR = [
  'add', 'note', 'assert', 'claim', 'warn', 'announce', 'tweet', 'post', 'deny', 'confirm', 'insist',
  'state', 'report', 'explain', 'argue', 'acknowledge', 'admit', 'suggest', 'declare', 'stress',
  'emphasize', 'emphasise', 'predict', 'reveal', 'disclose', 'recall', 'respond', 'reply', 'answer',
  'urge', 'complain', 'accuse', 'allege', 'contend', 'maintain', 'estimate', 'believe', 'expect',
  'fear', 'hope', 'worry', 'agree', 'promise', 'pledge', 'vow', 'threaten', 'mention', 'observe',
  'comment', 'remark', 'concede', 'indicate', 'conclude', 'testify', 'cite', 'blast', 'criticize',
  'criticise', 'praise', 'condemn', 'question', 'demand', 'propose', 'recommend', 'advise',
  'reiterate', 'repeat', 'joke', 'boast', 'counter', 'retort', 'lament', 'caution', 'signal', 'hint',
  'speculate', 'calculate', 'inform', 'assure', 'contest', 'dispute', 'rule', 'charge', 'suspect',
  'acknowledge', 'affirm', 'attest', 'insinuate', 'proclaim', 'announce', 'quip', 'shout', 'yell',
  'exclaim', 'whisper', 'scoff', 'mock', 'tout', 'boast', 'brag', 'predict', 'project', 'imply',
  'stipulate', 'clarify', 'elaborate', 'describe', 'characterize', 'characterise', 'label',
  'dismiss', 'reject', 'concur', 'echo', 'underline', 'underscore', 'highlight', 'doubt',
  'wonder', 'guarantee', 'certify', 'assess', 'conclude', 'determine', 'discover', 'learn',
  'hear', 'ask', 'plead', 'beg', 'instruct', 'order', 'command', 'request', 'petition', 'telegraph',
  'publish', 'broadcast', 'release', 'email', 'text', 'write', 'declare', 'protest', 'object',
  'continue', 'want', 'plan', 'call', 'point', 'accuse', 'recount', 'relate', 'convey', 'notify',
  'remind', 'advocate', 'urge', 'support', 'oppose', 'endorse', 'favor', 'favour', 'applaud',
  'welcome', 'hail', 'slam', 'attack', 'decry', 'denounce', 'deplore', 'rebuke', 'chide', 'scold',
  'argue', 'reason', 'posit', 'theorize', 'surmise', 'deduce', 'infer', 'gather', 'figure',
  'vouch', 'confide', 'volunteer', 'counsel', 'speak', 'seem', 'decline', 'refuse', 'intend', 'vow',
  'chant', 'mutter', 'murmur', 'holler', 'cry',
];

/**
 * Verbs of stance, evaluation and cognition that count only with a named or pronoun subject and a
 * complement ("Trump likened the deal to ...", "she defended the plan"): general English, no names.
 */
export const SUBJECT_STANCE = [
  'liken', 'compare', 'encourage', 'defend', 'understand', 'consider',
  'promote', 'reference', 'link', 'admire', 'persuade', 'convince', 'chastise',
  'implore', 'recognize', 'recognise', 'realize', 'realise', 'blame', 'invoke', 'refer',
  'back', 'champion', 'lambaste', 'castigate', 'ridicule', 'embrace', 'float', 'pitch', 'lobby',
  'endorse', 'applaud', 'tout', 'reject', 'dismiss', 'dispute', 'accuse', 'criticize', 'criticise',
  'condemn', 'denounce', 'praise', 'blast', 'slam', 'decry', 'question', 'doubt', 'challenge',
  'acknowledge', 'concede', 'admit', 'vow', 'pledge', 'promise', 'threaten', 'urge', 'demand',
  'predict', 'estimate', 'expect', 'hope', 'fear', 'want', 'plan', 'believe', 'suspect', 'envision',
  'envisage', 'favor', 'favour', 'oppose', 'support', 'downplay', 'tout', 'hype', 'portray', 'depict',
  'frame', 'cast', 'characterize', 'characterise', 'describe', 'paint', 'brand', 'dub', 'nickname',
  // cognition and sentiment: what the subject holds or feels about something
  'imagine', 'fathom', 'comprehend', 'remember', 'trust', 'distrust',
  'appreciate', 'regret', 'resent', 'love', 'hate', 'despise', 'dislike', 'respect', 'address',
  // discourse: what a speaker takes up, weighs or sets out
  'discuss', 'decide', 'offer', 'detail', 'explore', 'chronicle', 'identify', 'illustrate',
  'examine', 'introduce',
  // decisions of an authority: what it approves, blocks, grants or imposes
  'approve', 'block', 'grant', 'impose', 'veto', 'overrule', 'uphold', 'strike',
  // acts of address: unleashing messages, lauding, bemoaning, exhorting, grilling, sponsoring
  'unleash', 'laud', 'bemoan', 'exhort', 'grill', 'sponsor',
  // perception, judgement and volition: how the subject sees, weighs or wants something
  'view', 'sense', 'prefer', 'wish', 'seek',
];

/** Verbs of stance that count only with their preposition ("railed against", "talked about"). */
export const PREP_STANCE: Record<string, string[]> = {
  talk: ['about', 'of'],
  rail: ['against'],
  vote: ['against', 'to'],
  care: ['about'],
  campaign: ['against'],
  rally: ['against', 'behind', 'around'],
  spar: ['over', 'with'],
  weigh: ['in'],
  lash: ['out'],
  fire: ['back'],
  hit: ['back', 'out'],
  lay: ['out'],
  spell: ['out'],
  apologize: ['for'],
  apologise: ['for'],
  sound: ['off'],
};

/** Adjectives of stance after a form of "be" ("is critical of", "were coy about", "is confident that"). */
export const STANCE_ADJ = new Set([
  'critical', 'skeptical', 'sceptical', 'supportive', 'wary', 'confident', 'certain', 'sure', 'convinced',
  'adamant', 'optimistic', 'pessimistic', 'concerned', 'passionate', 'coy', 'frustrated', 'angry', 'upset',
  'proud', 'opposed', 'afraid', 'hopeful', 'doubtful', 'dismissive', 'enthusiastic', 'unhappy', 'aware',
  'furious', 'outraged', 'disappointed', 'alarmed', 'cautious', 'emphatic', 'insistent', 'unequivocal',
  'vocal', 'silent', 'open', 'candid', 'blunt', 'clear', 'unconvinced', 'determined', 'eager', 'reluctant',
  'willing', 'unwilling', 'fond', 'contemptuous', 'scornful', 'suspicious', 'fearful', 'nervous', 'anxious',
  // feelings about something, with their cause ("incensed by", "pleased with", "appalled at")
  'incensed', 'angered', 'dismayed', 'troubled', 'heartened', 'pleased', 'delighted', 'appalled', 'shocked', 'stunned',
  'surprised', 'disturbed', 'offended', 'relieved', 'thrilled', 'horrified', 'baffled', 'puzzled', 'unimpressed',
  'impressed', 'worried', 'annoyed', 'irritated', 'saddened', 'encouraged', 'grateful', 'thankful',
]);
/** Adjectives of certainty and feeling that take a clause without "that" ("she was sure the plan would work"). */
export const CLAUSE_ADJ = new Set(['sure', 'certain', 'confident', 'convinced', 'aware', 'adamant', 'hopeful', 'optimistic', 'worried', 'afraid', 'concerned', 'glad', 'pleased', 'sorry', 'positive']);
export const STANCE_ADJ_PREPS = new Set(['that', 'about', 'of', 'with', 'over', 'on', 'at', 'toward', 'towards', 'to', 'by']);

/** Verbs that only count with a following particle ("called for", "pointed out"). */
export const NEEDS_PARTICLE: Record<string, string[]> = {
  call: ['for', 'on', 'upon', 'it', 'him', 'her', 'them', 'the', 'a', 'an', 'this', 'that', 'his'],
  speak: ['out', 'of', 'about'],
  point: ['out', 'to'],
  continue: [':', 'to'],
  // "as a memo put it"
  put: ['it'],

  support: [],
  oppose: [],
  question: [],
  order: [],
  release: [],
  publish: [],
  broadcast: [],
  text: [],
  rule: ['that', 'against', 'for'],
  object: ['that'],
  reason: ['that'],
  figure: ['that'],
  gather: ['that'],
  learn: ['that'],
  hear: ['that'],
  hold: ['that'],
  read: [':'],
  counter: ['that'],
  project: ['that'],
  label: [],
  attack: [],
  charge: ['that'],
  plead: [],
  answer: [],
  favor: [],
  favour: [],
  welcome: [],
  hail: [],
  // stance verbs that count before an infinitive: "seems to think", "declined to comment", "refuses to release"
  seem: ['to'],
  decline: ['to'],
  refuse: ['to'],
  intend: ['to'],
};

/** Verbs whose first object is the hearer ("told reporters that ..."). */
export const HEARER_VERBS = new Set(['tell', 'inform', 'assure', 'remind', 'warn', 'advise', 'urge', 'notify', 'ask', 'instruct', 'promise', 'convince']);

/** Verbs that usually take a direct object (their content can be a noun phrase). */
function regularForms(base: string): string[] {
  const forms = [base];
  const cons = (c: string) => !'aeiou'.includes(c);
  let s: string;
  let ed: string;
  let ing: string;
  if (/[^aeiou]y$/.test(base)) {
    s = base.slice(0, -1) + 'ies';
    ed = base.slice(0, -1) + 'ied';
    ing = base + 'ing';
  } else if (base.endsWith('e')) {
    s = base + 's';
    ed = base + 'd';
    ing = base.slice(0, -1) + 'ing';
  } else {
    s = /(s|sh|ch|x|z)$/.test(base) ? base + 'es' : base + 's';
    const doubled = /^(spar|admit|commit|regret|submit|plan|beg|quip|scoff|rebut|refer|prefer|infer|concur|confer|aver|abet|ship|chat|spot|text)$/.test(base) && !base.endsWith('ff');
    const last = base[base.length - 1];
    ed = doubled && cons(last) ? base + last + 'ed' : base + 'ed';
    ing = doubled && cons(last) ? base + last + 'ing' : base + 'ing';
  }
  forms.push(s, ed, ing);
  return forms;
}

/** Surface form (lower case) -> lemma. */
export const CUE_FORMS: Map<string, string> = (() => {
  const m = new Map<string, string>();
  for (const [lemma, forms] of Object.entries(IRREGULAR)) for (const f of forms) m.set(f, lemma);
  for (const base of REGULAR) for (const f of regularForms(base)) if (!m.has(f)) m.set(f, base);
  for (const base of SUBJECT_STANCE) if (!IRREGULAR[base]) for (const f of regularForms(base)) if (!m.has(f)) m.set(f, base);
  const irregularPrep: Record<string, string[]> = { hit: ['hit', 'hits', 'hitting'], lay: ['lay', 'lays', 'laid', 'laying'], spell: ['spell', 'spells', 'spelled', 'spelt', 'spelling'] };
  for (const base of Object.keys(PREP_STANCE)) for (const f of irregularPrep[base] ?? regularForms(base)) if (!m.has(f)) m.set(f, base);
  return m;
})();

/** Stance verbs that are no general reporting verbs: they need a named or pronoun subject. */
export const STANCE_ONLY: ReadonlySet<string> = new Set(SUBJECT_STANCE.filter((v) => !REGULAR.includes(v)));

let RULES: Map<string, readonly string[]> | undefined;

/** Verb lemmas that need a following particle or a specific context to count as a cue. */
export function particleRule(lemma: string): readonly string[] | undefined {
  // one map of every lemma with a rule, built at the first question (object look-ups by a lemma are slow)
  RULES ??= new Map<string, readonly string[]>([
    ...[...STANCE_ONLY].map((l): [string, readonly string[]] => [l, []]),
    ...Object.entries(PREP_STANCE),
    ...Object.entries(NEEDS_PARTICLE),
  ]);
  return RULES.get(lemma);
}

/** Auxiliaries, modals and adverbs that may stand between a source and its cue. */
export const AUX = new Set([
  'has', 'have', 'had', 'was', 'were', 'is', 'are', 'be', 'been', 'will', 'would', 'could', 'can', 'may',
  'might', 'must', 'shall', 'should', 'did', 'does', 'do', 'also', 'later', 'earlier', 'previously', 'then',
  'repeatedly', 'again', 'once', 'already', 'often', 'recently', 'publicly', 'privately', 'separately',
  'first', 'further', 'reportedly', 'allegedly', 'apparently', 'still', 'never', 'not', 'just', 'even',
  'quickly', 'immediately', 'frequently', 'has', 'openly', 'bluntly', 'flatly', 'angrily', 'firmly',
  'clearly', 'initially', 'originally', 'subsequently', 'finally', 'simply', 'always', 'long', 'now',
  'twice', 'herself', 'himself', 'themselves', 'itself', 'too', 'sharply', 'strongly', 'loudly',
  'ominously', 'confidently', 'triumphantly', 'proudly', 'formally', 'officially', 'jokingly', 'meanwhile', 'however', 'each',
  // negated auxiliaries written as one word, with either apostrophe
  ...['isn', 'wasn', 'aren', 'weren', 'doesn', 'didn', 'don', 'won', 'can', 'couldn', 'wouldn', 'hasn', 'haven', 'hadn', 'shouldn', 'mustn'].flatMap((w) => [`${w}’t`, `${w}'t`]),
  'cannot', 'keeps', 'kept', 'still',
]);

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
export const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec'];
export const TIME_WORDS = new Set([
  ...WEEKDAYS, ...MONTHS, 'today', 'yesterday', 'tonight', 'morning', 'evening', 'afternoon', 'night', 'day', 'week',
  'month', 'year', 'last', 'this', 'on', 'earlier', 'later', 'late', 'early', 'that', 'the', 'same', 'next',
  'previous', 'weekend', 'overnight', 'recently', 'at', 'time', 'hours', 'ago', 'before', 'after',
]);

/** The pronouns a source may be, by kind. (A Map: an object would answer for "constructor" or "__proto__"
 * through its prototype, and looks up a page's word only after internalising it.) */
export const PRONOUNS: ReadonlyMap<string, 'person' | 'thing' | 'group' | 'self'> = new Map([
  ['he', 'person'], ['she', 'person'], ['it', 'thing'], ['they', 'group'], ['i', 'self'], ['we', 'self'], ['you', 'self'],
  ['his', 'person'], ['her', 'person'], ['its', 'thing'], ['their', 'group'],
]);

/** Titles and honorifics that precede a name and are not part of it. */
export const TITLES = new Set([
  'president', 'vice', 'prime', 'minister', 'secretary', 'chancellor', 'governor', 'gov', 'sen', 'senator',
  'rep', 'representative', 'congressman', 'congresswoman', 'mr', 'mrs', 'ms', 'dr', 'prof', 'professor',
  'general', 'gen', 'lt', 'col', 'colonel', 'major', 'maj', 'capt', 'captain', 'adm', 'admiral', 'sgt',
  'king', 'queen', 'prince', 'princess', 'pope', 'judge', 'justice', 'mayor', 'ambassador', 'spokesman',
  'spokeswoman', 'spokesperson', 'chief', 'commander', 'director', 'chairman', 'chairwoman', 'chair',
  'leader', 'speaker', 'attorney', 'sheriff', 'officer', 'defense', 'defence', 'foreign', 'interior',
  'deputy', 'former', 'acting', 'state', 'candidate', 'nominee', 'democrat', 'republican', 'democratic',
  'sir', 'lord', 'dame', 'rev', 'reverend', 'father', 'sister', 'brother', 'head', 'ceo', 'founder',
  'official', 'adviser', 'advisor', 'aide', 'analyst', 'expert', 'economist', 'researcher', 'author',
  'presidential', 'first', 'lady', 'press', 'white', 'house', 'u.s', 'us',
]);

/** Words that mark an organisation or institution inside a capitalised name. */
export const ORG_WORDS = new Set([
  'ministry', 'agency', 'palace', 'service', 'services', 'office', 'department', 'army', 'party', 'committee',
  'council', 'court', 'house', 'times', 'post', 'news', 'press', 'government', 'administration', 'kremlin',
  'pentagon', 'police', 'forces', 'force', 'command', 'staff', 'institute', 'university', 'bank', 'fund',
  'commission', 'organization', 'organisation', 'union', 'association', 'campaign', 'company', 'corp',
  'inc', 'group', 'network', 'channel', 'journal', 'tribune', 'herald', 'guardian', 'telegraph', 'reuters',
  'bureau', 'senate', 'congress', 'parliament', 'assembly', 'navy', 'military', 'intelligence', 'fbi',
  'cia', 'nato', 'un', 'eu', 'iaea', 'sbu', 'tass', 'ap', 'afp', 'bbc', 'cnn', 'centre', 'center',
  'foundation', 'federation', 'coalition', 'alliance', 'board', 'authority', 'authorities', 'team',
  'mission', 'embassy', 'consulate', 'cabinet', 'secretariat', 'regime', 'media', 'site', 'website',
  'newspaper', 'magazine', 'station', 'poll', 'survey', 'study', 'report', 'statement', 'club', 'hospital',
  'school', 'church', 'ministry’s', 'guard', 'corps', 'brigade', 'battalion', 'division', 'unit', 'units',
  'directorate', 'side', 'officials', 'state', 'states', 'county', 'city', 'province', 'region',
]);

/** Words that end a speaker noun phrase of common nouns ("many military experts", "a source"). */
export const SPEAKER_NOUNS = new Set([
  'officials', 'official', 'experts', 'expert', 'source', 'sources', 'spokesman', 'spokeswoman', 'spokesperson',
  'analysts', 'analyst', 'observers', 'observer', 'critics', 'critic', 'opponents', 'supporters', 'residents',
  'witnesses', 'witness', 'police', 'authorities', 'side', 'government', 'ministry', 'report', 'reports',
  'study', 'survey', 'poll', 'polls', 'data', 'statement', 'assessment', 'group', 'groups', 'campaign',
  'aides', 'aide', 'advisers', 'adviser', 'advisor', 'advisors', 'people', 'voters', 'leaders', 'leader',
  'lawmakers', 'legislators', 'democrats', 'republicans', 'researchers', 'scientists', 'economists',
  'investigators', 'prosecutors', 'lawyers', 'lawyer', 'attorney', 'attorneys', 'military', 'army', 'agency',
  'office', 'documents', 'document', 'letter', 'memo', 'filing', 'lawsuit', 'complaint', 'ruling',
  'president', 'minister', 'governor', 'senator', 'mayor', 'secretary', 'commander', 'chief', 'director',
  'head', 'judge', 'court', 'members', 'member', 'activists', 'protesters', 'diplomats', 'diplomat',
  'intelligence', 'forces', 'troops', 'soldiers', 'man', 'woman', 'men', 'women', 'others', 'many',
  'some', 'most', 'several', 'both', 'all', 'few', 'administration', 'kremlin', 'pentagon', 'company',
  'firm', 'bank', 'operative', 'operatives', 'staff', 'staffers', 'insiders', 'insider', 'allies', 'ally',
  'candidate', 'nominee', 'challengers', 'petitioners', 'plaintiffs', 'defendants', 'regulators', 'states',
  'commentators', 'journalists', 'reporters', 'reporter', 'correspondent', 'paper', 'newspaper', 'outlet',
  'website', 'media', 'press', 'videos', 'video', 'photos', 'images', 'footage', 'figures', 'numbers',
  'records', 'polling', 'research', 'estimates', 'census', 'article', 'book', 'post', 'tweet', 'message',
  'ukrainians', 'russians', 'americans', 'europeans', 'officers', 'guards', 'workers', 'employees',
  'organizers', 'organisers', 'doctors', 'nurses', 'teachers', 'students', 'parents', 'families',
  'neighbors', 'neighbours', 'friends', 'relatives', 'colleagues', 'inspectors', 'monitors', 'counterpart',
  'delegation', 'side', 'spokespeople', 'representatives', 'representative', 'panel', 'commission',
  'party', 'parties', 'team', 'club', 'council', 'committee', 'service', 'services', 'department', 'palace',
  'ad', 'ads', 'advertisement', 'spot', 'commercial', 'editorial', 'editorials', 'column', 'columnist', 'transcript',
  'analysis', 'indictment', 'resolution', 'platform', 'proposal', 'board', 'union', 'unions', 'coalition', 'alliance',
  'delegates', 'senators', 'governors', 'mayors', 'judges', 'justices', 'ministers', 'candidates', 'nominees',
  'conservatives', 'liberals', 'progressives', 'demonstrators', 'marchers', 'historians', 'scholars', 'pollsters',
  'strategists', 'consultants', 'donors', 'skeptics', 'sceptics', 'advocates', 'proponents', 'agents', 'detectives',
  // people by family, role and relation, in the singular too ("his wife", "the victim's mother")
  'wife', 'husband', 'widow', 'widower', 'mother', 'father', 'son', 'daughter', 'brother', 'sister', 'niece', 'nephew',
  'cousin', 'uncle', 'aunt', 'grandmother', 'grandfather', 'friend', 'neighbor', 'neighbour', 'victim', 'victims',
  'survivor', 'survivors', 'owner', 'owners', 'lawmaker', 'activist', 'protester', 'voter', 'resident', 'worker',
  'employee', 'student', 'teacher', 'doctor', 'nurse', 'soldier', 'officer', 'agent', 'detective', 'prosecutor',
  'investigator', 'researcher', 'scientist', 'economist', 'historian', 'scholar', 'author', 'writer', 'editor',
  'commentator', 'pollster', 'strategist', 'consultant', 'donor', 'advocate', 'proponent', 'chairman', 'chairwoman',
  'executive', 'executives', 'founder', 'professor', 'commissioner', 'inspector', 'manager', 'managers', 'senator',
  'congressman', 'congresswoman', 'lawmakers', 'ambassador', 'envoy', 'negotiator', 'negotiators',
]);

/** Words that cannot be inside a speaker noun phrase: a backward scan stops at them. */
export const NP_STOP = new Set([
  'that', 'but', 'and', 'or', 'as', 'when', 'because', 'while', 'which', 'who', 'whom', 'whose', 'where', 'if',
  'so', 'after', 'before', 'since', 'although', 'though', 'unless', 'until', 'whether', 'than', 'what',
  'how', 'why', 'to', 'by', 'with', 'from', 'into', 'onto', 'about', 'against', 'during', 'without',
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'do', 'does', 'did', 'not',
  'will', 'would', 'could', 'can', 'may', 'might', 'must', 'should', 'shall', 'there', 'here', 'yet',
  'also', 'even', 'just', 'then', 'now', 'still', 'however', 'meanwhile', 'instead', 'indeed', 'later',
  'earlier', 'once', 'again', 'this', 'these', 'those', 'him', 'them', 'me', 'us', 'said', 'says',
]);

/** Determiners and quantifiers that may open a speaker noun phrase. */
export const DETERMINERS = new Set(['the', 'a', 'an', 'many', 'some', 'several', 'most', 'other', 'another', 'two', 'three', 'four', 'five', 'both', 'all', 'few', 'one', 'its', 'his', 'her', 'their', 'our', 'my', 'your', 'various', 'numerous', 'top', 'senior']);
