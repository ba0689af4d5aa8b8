// Place recogniser: finds place mentions in text (longest gazetteer match over capitalised words,
// region phrases, streets/buildings/rivers) and resolves each to one gazetteer entry using the article's context.
import type { Annotation, PlaceInfo } from '../types';
import type { Gazetteer, GazetteerEntry } from '../reference/types';
import { GENERIC_WORDS, normalizeName } from '../reference/names';
import { searchKey, runLookup, tildeLookup, tildeMayHold, type RunLookup } from '../reference/gazetteer';
import { asciiLower, codeWidth, isAlnumAt, isCasedUpperUnit, isDigitAt, isLetterAt, lowerTitled, spaceAt, wordEnd, type WordPass } from './scan';
import { countWordMatchesFrom } from '../compare/scan';
import { candidatesOfWord } from './figures/candidates';

// A word's yes/no facts, as bits of Token.f: eight booleans in one field keep each of the text's
// thousands of tokens small (half the bytes of eight fields), which is most of what the recogniser
// allocates; the accessors read as fields did.
const POSSESSIVE = 1;
const CAP = 2;
const ALL_CAPS = 4;
const SENTENCE_START = 8;
const JOIN_NEXT = 16;
const COMMA_NEXT = 32;
const HYPHEN_NEXT = 64;
const HEADLINE = 128;
/** A word of the tokenizer's fast path: ASCII letters and digits only, the whole word (see SharedWord.run). */
const ASCII_RUN = 256;
/** ... with a capital after its first letter. */
const UPPER_REST = 512;

class Token {
  constructor(
    readonly start: number,
    /** End of the word, before any possessive 's. */
    readonly end: number,
    readonly text: string,
    /** The word in lower case, once asked for. */
    public low: string | undefined,
    /** The bits above. */
    private f: number,
  ) {}
  private set(bit: number, on: boolean): void {
    this.f = on ? this.f | bit : this.f & ~bit;
  }
  /** Followed by a possessive ('s, ’s, s'). */
  get possessive(): boolean { return (this.f & POSSESSIVE) !== 0; }
  get cap(): boolean { return (this.f & CAP) !== 0; }
  get allCaps(): boolean { return (this.f & ALL_CAPS) !== 0; }
  /** Starts a sentence, a line or a quotation. */
  get sentenceStart(): boolean { return (this.f & SENTENCE_START) !== 0; }
  set sentenceStart(on: boolean) { this.set(SENTENCE_START, on); }
  /** The gap to the next token is one space or one hyphen: the words may form one name. */
  get joinNext(): boolean { return (this.f & JOIN_NEXT) !== 0; }
  set joinNext(on: boolean) { this.set(JOIN_NEXT, on); }
  /** The next token follows a comma. */
  get commaNext(): boolean { return (this.f & COMMA_NEXT) !== 0; }
  set commaNext(on: boolean) { this.set(COMMA_NEXT, on); }
  /** Joined to the next token by a hyphen ("Rostov-on-Don"). */
  get hyphenNext(): boolean { return (this.f & HYPHEN_NEXT) !== 0; }
  set hyphenNext(on: boolean) { this.set(HYPHEN_NEXT, on); }
  get headline(): boolean { return (this.f & HEADLINE) !== 0; }
  set headline(on: boolean) { this.set(HEADLINE, on); }
  /** See SharedWord.run. */
  get run(): number { return (this.f & ASCII_RUN) === 0 ? 0 : (this.f & UPPER_REST) === 0 ? 1 : 2; }
}

const MAX_WORDS = 6;
const CONNECTORS = new Set(['of', 'de', 'la', 'del', 'da', 'do', 'dos', 'das', 'di', 'du', 'des', 'and', 'upon', 'on', 'the', 'el', 'al', 'le', 'les', 'y', 'im', 'am', 'an', 'der', 'sur']);
const DIRECTIONS = new Set(['north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central', 'northeastern', 'northwestern', 'southeastern', 'southwestern', 'north-east', 'north-west', 'south-east', 'south-west', 'upper', 'lower', 'greater', 'inner', 'outer', 'downtown', 'suburban', 'rural', 'occupied', 'mainland']);
const REGION_WORDS = new Set(['region', 'oblast', 'province', 'governorate', 'prefecture', 'krai', 'kray', 'republic', 'voivodeship', 'county', 'district', 'area', 'state', 'territory']);
/** Words after a place name that make the whole phrase an organisation or a person's role, not a place. */
const ORG_WORDS = new Set([
  'post', 'times', 'herald', 'tribune', 'journal', 'gazette', 'chronicle', 'observer', 'telegraph', 'independent', 'guardian', 'examiner', 'inquirer', 'courier', 'register', 'globe', 'star', 'sun', 'daily', 'weekly', 'news', 'press', 'magazine', 'review', 'today', 'radio', 'tv', 'television',
  'university', 'college', 'institute', 'academy', 'school', 'polytechnic',
  'airlines', 'airways', 'air', 'rail', 'railways', 'railroad', 'motors', 'energy', 'power', 'bank', 'fc', 'afc', 'united', 'city', 'rovers', 'wanderers', 'athletic', 'athletics', 'club', 'inc', 'corp', 'corporation', 'company', 'co', 'ltd', 'llc', 'plc', 'group', 'holdings', 'partners', 'capital', 'ventures', 'fund', 'foundation', 'trust', 'association', 'society', 'federation', 'union', 'league', 'council', 'commission', 'committee', 'agency', 'authority', 'board', 'service', 'services', 'police', 'department', 'ministry', 'office', 'party', 'government', 'parliament', 'assembly', 'senate', 'congress', 'court', 'army', 'forces', 'guard', 'state', 'archbishop', 'bishop', 'diocese', 'archdiocese', 'sheriff', 'democrats', 'republicans', 'reserve', 'representative', 'bureau', 'census', 'health', 'mdc', 'attorney', 'mayor', 'governor', 'officials', 'prosecutor', 'attorney', 'fire', 'symphony', 'orchestra', 'opera', 'ballet', 'festival', 'open', 'marathon', 'grand', 'cup', 'games', 'olympics', 'summit', 'accords', 'accord', 'agreement', 'convention', 'declaration', 'protocol', 'treaty', 'purchase', 'conference', 'film', 'international', 'global', 'zoo',
  'lakers', 'celtics', 'knicks', 'yankees', 'giants', 'jets', 'rangers', 'kings', 'bulls', 'bears', 'packers', 'saints', 'warriors', 'capitals', 'nationals', 'mets', 'reds', 'cubs', 'sox', 'eagles', 'patriots', 'cowboys', 'raiders', 'chargers', 'rams', 'dolphins', 'colts', 'titans', 'texans', 'jaguars', 'ravens', 'steelers', 'browns', 'bengals', 'bills', 'chiefs', 'broncos', 'seahawks', 'cardinals', 'falcons', 'panthers', 'buccaneers', 'vikings', 'lions', 'commanders', 'pirates', 'orioles', 'mariners', 'astros', 'dodgers', 'padres', 'rockies', 'brewers', 'royals', 'twins', 'tigers', 'indians', 'guardians', 'blue', 'red', 'white', 'maple', 'canadiens', 'senators', 'flyers', 'penguins', 'bruins', 'islanders', 'devils', 'sabres', 'thunder', 'spurs', 'rockets', 'mavericks', 'nets', 'heat', 'magic', 'hawks', 'hornets', 'pistons', 'pacers', 'cavaliers', 'bucks', 'raptors', 'clippers', 'suns', 'jazz', 'nuggets', 'timberwolves', 'pelicans', 'grizzlies', 'wizards', 'sixers', '76ers',
]);
/** Words ending a feature name: streets, buildings, rivers... (capitalised, as part of the name). */
const FEATURE_WORDS = new Set([
  'street', 'st', 'avenue', 'ave', 'road', 'rd', 'boulevard', 'blvd', 'lane', 'drive', 'way', 'highway', 'freeway', 'expressway', 'parkway', 'turnpike', 'square', 'plaza', 'place', 'bridge', 'tunnel',
  'river', 'creek', 'lake', 'lakes', 'bay', 'sea', 'ocean', 'gulf', 'strait', 'channel', 'canal', 'harbour', 'harbor', 'beach', 'coast', 'island', 'islands', 'peninsula', 'mountain', 'mountains', 'hill', 'hills', 'valley', 'canyon', 'desert', 'forest', 'falls', 'glacier', 'basin', 'delta',
  'park', 'gardens', 'church', 'cathedral', 'chapel', 'mosque', 'synagogue', 'temple', 'monastery', 'palace', 'castle', 'tower', 'fort', 'airport', 'airbase', 'station', 'terminal', 'port', 'stadium', 'arena', 'hospital', 'hall', 'mall', 'market', 'building', 'memorial', 'museum', 'prison', 'jail', 'base', 'dam', 'plant', 'mine', 'reactor', 'village', 'heights', 'quarter', 'district', 'county', 'parish', 'borough', 'township', 'plantation', 'cemetery', 'zoo', 'center', 'centre', 'inn', 'hotel', 'estate', 'ranch', 'farm', 'house', 'capitol',
]);
/** Lower-case heads of a facility named after a place ("Zaporizhzhia nuclear power plant"). */
const FACILITY_HEADS = new Set(['plant', 'facility', 'airport', 'station', 'dam', 'bridge', 'port', 'reactor', 'mine', 'refinery', 'airbase', 'base', 'harbour', 'harbor', 'stadium']);
const FACILITY_MODIFIERS = new Set(['nuclear', 'power', 'air', 'military', 'naval', 'railway', 'train', 'bus', 'hydroelectric', 'coal', 'steel', 'chemical', 'international', 'sea', 'river', 'thermal', 'gas']);
const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'professor', 'president', 'gen', 'general', 'sen', 'senator', 'rep', 'gov', 'governor', 'mayor', 'judge', 'justice', 'prince', 'princess', 'king', 'queen', 'lord', 'lady', 'sir', 'dame', 'minister', 'secretary', 'pope', 'father', 'bishop', 'archbishop', 'cardinal', 'rev', 'reverend', 'captain', 'capt', 'col', 'colonel', 'lt', 'sgt', 'sergeant', 'coach', 'officer', 'chancellor', 'premier', 'ambassador', 'spokesman', 'spokeswoman', 'chief', 'ceo', 'director', 'agent', 'detective', 'commander', 'marshal', 'admiral', 'uncle', 'aunt', 'brother', 'sister', 'st.']);
/** Common given names that are also place names ("Jack London", "Georgia May Jagger"). */
const GIVEN_NAMES = new Set(['jack', 'john', 'james', 'george', 'paris', 'georgia', 'florence', 'victoria', 'austin', 'jackson', 'lincoln', 'chelsea', 'sydney', 'madison', 'dallas', 'houston', 'charlotte', 'savannah', 'brooklyn', 'phoenix', 'india', 'kenya', 'jordan', 'israel', 'chad', 'sierra', 'regina', 'eugene', 'orlando', 'tyler', 'denver', 'aurora', 'florida', 'virginia', 'carolina', 'adelaide', 'alexandria', 'elizabeth', 'marion', 'columbia', 'troy', 'camden', 'clifton', 'warren', 'vernon', 'kent', 'lorraine', 'salem', 'cleveland', 'washington', 'jefferson', 'franklin', 'hamilton', 'clinton', 'monroe', 'quincy', 'trenton', 'raleigh', 'stanley', 'wellington', 'winston', 'abraham', 'david', 'michael', 'robert', 'william', 'thomas', 'richard', 'joseph', 'charles', 'daniel', 'mark', 'paul', 'peter', 'mary', 'anna', 'maria', 'sarah', 'emily', 'laura', 'kyle', 'leo', 'allen', 'scott', 'andre', 'andrew', 'steven', 'stephen', 'kevin', 'brian', 'jason', 'eric', 'ryan', 'jennifer', 'lisa', 'susan', 'karen', 'nancy', 'donald', 'barack', 'hillary', 'bernie', 'kobe', 'roseanne', 'harvey', 'julia', 'jessica', 'jackie']);
const CALENDAR = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);
/** Sentence-initial function words that never begin a place's own name. */
const FUNCTION_WORDS = new Set(['the', 'in', 'at', 'on', 'of', 'from', 'for', 'by', 'with', 'to', 'and', 'but', 'or', 'a', 'an', 'as', 'after', 'before', 'near', 'outside', 'inside', 'across', 'into', 'this', 'that', 'these', 'those', 'when', 'while', 'if', 'since', 'until', 'during', 'through', 'via', 'both', 'all', 'some', 'many', 'most', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'west', 'east', 'north', 'south']);
/** Streets may well have generic names ("Press Street", "Market Square"). */
const STREET_HEADS = new Set(['street', 'st', 'avenue', 'ave', 'road', 'rd', 'boulevard', 'blvd', 'lane', 'drive', 'way', 'square', 'plaza', 'place', 'highway', 'river', 'lake', 'bridge', 'county', 'parish', 'borough', 'township', 'district']);
/** The gazetteer indexes countries' demonyms under this prefix ("~british"): context, never places. */
export const DEMONYM_PREFIX = '~';
const PARTICLES = new Set(['de', 'van', 'von', 'der', 'den', 'da', 'di', 'du', 'bin', 'ibn', 'ter', 'zu']);
/** The longest particle: longer words need no look in the set. */
const PARTICLE_MAX = Math.max(...[...PARTICLES].map((w) => w.length));
/** Organisations named "X of <place>". */
const OF_ORGS = new Set(['bank', 'university', 'college', 'institute', 'council', 'ministry', 'department', 'school', 'academy', 'museum', 'church', 'diocese', 'archdiocese', 'federation', 'association', 'society', 'chamber', 'commission', 'government', 'parliament', 'embassy', 'consulate', 'court', 'office', 'bureau', 'board', 'league', 'club', 'party', 'army', 'navy', 'port', 'authority', 'agency', 'foundation', 'corporation', 'company']);
/**
 * Heads that make a preceding place name a non-literal modifier: people, institutions, policies
 * ("US diplomats", "Oklahoma teachers", "Russia's Foreign Ministry"). Physical heads ("street grid",
 * "border", "gas station") keep the place literal.
 */
const NONLITERAL_HEADS = new Set([
  'man', 'men', 'woman', 'women', 'boy', 'girl', 'people', 'person', 'native', 'natives', 'citizen', 'citizens', 'voter', 'voters', 'mother', 'father', 'family', 'families', 'couple', 'son', 'daughter',
  'teacher', 'teachers', 'farmer', 'farmers', 'worker', 'workers', 'employer', 'employers', 'employees', 'businessman', 'driver', 'producer', 'star', 'singer', 'artist', 'actor', 'actress',
  'official', 'officials', 'diplomat', 'diplomats', 'troops', 'soldier', 'soldiers', 'serviceman', 'forces', 'army', 'military', 'navy', 'police', 'officer', 'officers', 'detective', 'detectives', 'authorities', 'agents',
  'lawmakers', 'legislators', 'legislature', 'senator', 'president', 'ambassador', 'minister', 'ministers', 'ministry', 'secretary', 'commissioner', 'councillor', 'councilor', 'mayor', 'governor', 'rep', 'spokesman', 'spokeswoman', 'leader', 'leaders', 'delegation',
  'government', 'governments', 'administration', 'authority', 'court', 'senate', 'parliament', 'congress', 'assembly', 'opposition', 'democrats', 'republicans', 'party', 'regime', 'embassy', 'consulate', 'intelligence', 'agency',
  'law', 'laws', 'policy', 'policies', 'goals', 'decision', 'tariffs', 'sanctions', 'measures', 'action', 'ambition', 'mantra', 'directives', 'regulation', 'regulations', 'rules', 'standards', 'language', 'citizenship', 'passport',
  'market', 'markets', 'company', 'companies', 'firm', 'firms', 'carrier', 'industry', 'produce', 'dollar', 'currency', 'stocks', 'shares', 'bank', 'banks',
  'malady', 'libertarians', 'politician', 'politicians', 'chief', 'guard', 'sheriff', 'media', 'newspaper', 'news', 'agency', 'member', 'members', 'deputy', 'foreign', 'high', 'prime', 'supreme', 'state-run', 'national', 
]);
/** Capitalised words before a place that only show a lost full stop ("six minutes late After Paris"). */
const LOST_STOP_WORDS = new Set(['though', 'although', 'after', 'before', 'because', 'why', 'how', 'where', 'what', 'whether', 'while', 'yet', 'so', 'then', 'now', 'also', 'even', 'just', 'only', 'once', 'since', 'unlike', 'like', 'beyond', 'including', 'against', 'between', 'is', 'was', 'are', 'were', 'has', 'have', 'had', 'will', 'would', 'could', 'should', 'said', 'says', 'about', 'around', 'over', 'under', 'than', 'not', 'no', 'every', 'each', 'without', 'within', 'toward', 'towards', 'whereas', 'unless', 'here', 'there']);
const LOCATIVES = new Set(['in', 'at', 'from', 'to', 'near', 'into', 'across', 'outside', 'inside', 'toward', 'towards', 'via', 'around', 'throughout', 'through', 'within', 'of']);
/** Verbs whose object is most often a place ("troops entered Izyum", "shelled Kupiansk"). */
const PLACE_VERBS = new Set(['left', 'leave', 'leaving', 'entered', 'enter', 'entering', 'reached', 'reach', 'reaching', 'retook', 'retaken', 'retake', 'captured', 'capture', 'recaptured', 'recapture', 'liberated', 'liberate', 'visited', 'visit', 'visiting', 'shelled', 'attacked', 'bombed', 'struck', 'fled', 'evacuated', 'occupied', 'seized', 'surrounded', 'encircled', 'besieged', 'held', 'abandoned', 'flew', 'travelled', 'traveled', 'moved', 'returned', 'arrived', 'lives', 'lived', 'born', 'based', 'headquartered']);
/** People and powers "of" a place ("President of Armenia", "people of Mexico", "laws of Mexico"). */
const OF_ROLES = new Set(['president', 'people', 'government', 'governments', 'laws', 'citizens', 'minister', 'ministers', 'ruler', 'prince', 'princess', 'king', 'queen', 'emir', 'sultan', 'ambassador', 'ambassadors', 'embassy', 'consul', 'artist', 'mayor', 'governor', 'premier', 'chancellor', 'parliament', 'senate', 'republic', 'kingdom', 'emirate']);
/** Capitalised words that are not places when they start a sentence. */
const SENTENCE_WORDS = new Set(['man', 'nice', 'reading', 'mobile', 'paradise', 'enterprise', 'independence', 'march', 'may', 'most', 'police', 'victoria', 'bath', 'split', 'sale', 'hope', 'unity', 'deal', 'ely', 'wells', 'marathon', 'orange', 'bay', 'union', 'mercedes', 'cologne']);

const ABBREVIATION_BEFORE = /^(st|mt|ft|dr|mr|mrs|ms|jr|sr|no|gen|sen|rep|gov|lt|col|sgt|capt|prof|rev)$/i;

/** ' ', '\n', '\t', '\r', no-break space, and the quotes ' ‘ " “. */
function isSpaceOrQuote(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 0xa0 || c === 39 || c === 0x2018 || c === 34 || c === 0x201c;
}
/** . ! ? : ; " “ ” ( — – • | */
function isSentenceEnd(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 58 || c === 59 || c === 34 || c === 0x201c || c === 0x201d || c === 40 || c === 0x2014 || c === 0x2013 || c === 0x2022 || c === 124;
}

/**
 * The words of the text, as /(?:\p{Lu}\.){2,4}|[\p{L}\p{N}]+(?:['’][\p{L}]+)* /u finds them, read in one
 * pass; the indices of the capitalised ones (the only ones that start a name) go to `names`. On the way it
 * adds the text's word count (countWordMatches: the summary's) to `pass.words`, so that analyze needs no
 * pass of its own for it: that regex differs from this one only at numbers ("1,000" one word, "3rd" two)
 * and dotted initials ("U.S." two), and words of neither kind are one match each. When `pass.candidates` is
 * there, it also gets where a figure may start in each word (candidatesOfWord), for recognizeFigures.
 */
function tokenize(text: string, names: number[], pass: WordPass): Token[] {
  const tokens: Token[] = [];
  const cands = pass.candidates;
  // The word count so far, and where its scan resumes (past the end of the word before, when a number
  // ran on over a comma or full stop: "1,000").
  let words = 0;
  let wordsAt = 0;
  const n = text.length;
  let i = 0;
  let prev: Token | undefined;
  // The current line's first token and its counts of words (see markHeadline), taken as the words come.
  let line = 0;
  let newline = false;
  let caps = 0;
  let lower = 0;
  let short = 0;
  // The code unit at i (read once: the scan below hands on the one it stopped at).
  let c0 = text.charCodeAt(0);
  while (i < n) {
    // Skip to the next letter or digit.
    if (c0 < 128 ? !((c0 >= 97 && c0 <= 122) || (c0 >= 65 && c0 <= 90) || (c0 >= 48 && c0 <= 57)) : !isAlnumAt(text, i)) {
      if (c0 === 10) newline = true;
      i += c0 < 0xd800 ? 1 : codeWidth(text, i);
      // (Never read past the end: a read there would cost a deoptimisation of this loop.)
      c0 = i < n ? text.charCodeAt(i) : 0;
      continue;
    }
    if (newline) {
      if (mayBeHeadline(caps, lower, short)) markHeadline(tokens, line, tokens.length, caps, lower);
      line = tokens.length;
      newline = false;
      caps = lower = short = 0;
    }
    const start = i;
    const first = c0;
    // Fast path: a run of ASCII letters and digits that is the whole word (no dotted initials, which
    // start with a capital, no apostrophe or other letter after it), its case read on the way; else
    // wordEnd and a second look.
    let ascii = false;
    const firstUpper = first >= 65 && first <= 90;
    let upperRest = false;
    let digit = first >= 48 && first <= 57;
    let sawLower = first >= 97 && first <= 122;
    let wEnd = i + 1;
    let stop = 0;
    if (first < 128 && !(firstUpper && text.charCodeAt(i + 1) === 46)) {
      for (;;) {
        stop = wEnd < n ? text.charCodeAt(wEnd) : 0;
        if (stop >= 97 && stop <= 122) sawLower = true;
        else if (stop >= 65 && stop <= 90) upperRest = true;
        else if (stop >= 48 && stop <= 57) digit = true;
        else break;
        wEnd++;
      }
      ascii = !(stop === 39 || (stop >= 128 && (stop === 0x2019 || isAlnumAt(text, wEnd))));
    }
    const sawUpper = firstUpper || upperRest;
    if (!ascii) wEnd = wordEnd(text, i);
    i = wEnd;
    if (cands !== undefined) candidatesOfWord(text, start, wEnd, ascii, digit, cands);
    // A word of the fast path that starts with a letter is one match of the count's regex, ending where
    // it ends; other words are counted by the count's own scanner over them.
    if (ascii && first >= 65 && start >= wordsAt) {
      words++;
      wordsAt = wEnd;
    } else {
      const from = start > wordsAt ? start : wordsAt;
      if (from < wEnd) wordsAt = countWordMatchesFrom(text, from, wEnd, pass);
    }
    let end = wEnd;
    let possessive = false;
    // (No possessive ends a word of the fast path: no apostrophe is in it or after it.)
    const last = ascii ? 0 : text.charCodeAt(wEnd - 1);
    if (wEnd - start > 2 && (last === 115 || last === 83) && (text.charCodeAt(wEnd - 2) === 39 || text.charCodeAt(wEnd - 2) === 0x2019)) {
      end = wEnd - 2;
      possessive = true;
    } else if (last === 115) {
      const c = text.charCodeAt(wEnd);
      if (c === 39 || c === 0x2019) {
        const after = text[wEnd + 1] ?? '';
        possessive = after === '' || after.toLowerCase() === after.toUpperCase();
      }
    }
    const word = text.slice(start, end);
    let cap: boolean;
    let allCaps = false;
    // A word of ASCII without capitals is its own lower case.
    let low: string | undefined;
    if (ascii) {
      cap = first >= 65 && first <= 90;
      allCaps = cap && end - start > 1 && !sawLower;
      if (!cap && !sawUpper) low = word;
    } else {
      cap = isCasedUpperUnit(first);
      if (cap && end - start > 1) {
        let asciiWord = true;
        let lowerSeen = false;
        for (let k = start; k < end; k++) {
          const c = text.charCodeAt(k);
          if (c >= 128) { asciiWord = false; break; }
          if (c >= 97 && c <= 122) lowerSeen = true;
        }
        if (asciiWord) allCaps = !lowerSeen;
        else {
          const upper = word.toUpperCase();
          allCaps = word === upper && upper !== word.toLowerCase();
        }
      }
      if (!cap) {
        low = word;
        for (let k = start; k < end; k++) {
          const c = text.charCodeAt(k);
          if (c >= 128 || (c >= 65 && c <= 90)) { low = undefined; break; }
        }
      }
    }
    const t = new Token(start, end, word, low, (possessive ? POSSESSIVE : 0) | (cap ? CAP : 0) | (allCaps ? ALL_CAPS : 0) | (ascii ? ASCII_RUN | (upperRest ? UPPER_REST : 0) : 0));
    if (prev) link(text, prev, t);
    else t.sentenceStart = true;
    // A capitalised word never starts with a digit; other words count unless they are digits or connectors.
    if (cap) { caps++; names.push(tokens.length); }
    else if (!(first >= 48 && first <= 57)) {
      lower++;
      if (end - start <= CONNECTOR_MAX) short++;
    }
    tokens.push(t);
    prev = t;
    c0 = ascii ? stop : i < n ? text.charCodeAt(i) : 0;
  }
  if (mayBeHeadline(caps, lower, short)) markHeadline(tokens, line, tokens.length, caps, lower);
  pass.words += words;
  return tokens;
}

/** What the gap between two neighbouring words says: a sentence start, a joined name, a comma. */
function link(text: string, prev: Token, t: Token): void {
  if (t.cap) {
    // Look back over spaces and quotes to the previous mark.
    let k = t.start - 1;
    let newline = false;
    while (k >= prev.end) {
      const c = text.charCodeAt(k);
      if (!isSpaceOrQuote(c)) break;
      if (c === 10) newline = true;
      k--;
    }
    let start = newline;
    if (!start && k >= prev.end) {
      const c = text.charCodeAt(k);
      start = isSentenceEnd(c) && !(c === 46 && prev.end - prev.start <= 4 && ABBREVIATION_BEFORE.test(prev.text));
    }
    if (!start && t.start > prev.end) {
      const q = text.charCodeAt(t.start - 1);
      if (q === 39 || q === 0x2018 || q === 34 || q === 0x201c) start = true;
    }
    t.sentenceStart = start;
  }
  const gapLen = t.start - prev.end;
  if (gapLen === 1) {
    const c = text.charCodeAt(prev.end);
    prev.joinNext = (c === 32 || c === 45 || c === 0x2010 || c === 0xa0) && !prev.possessive;
    prev.hyphenNext = prev.joinNext && (c === 45 || c === 0x2010);
  } else if (gapLen === 2) {
    const a = text.charCodeAt(prev.end);
    const b = text.charCodeAt(prev.end + 1);
    prev.joinNext = a === 46 && b === 32 && /^(st|mt|ft)$/i.test(prev.text);
    prev.commaNext = a === 44 && (b === 32 || b === 10);
  } else if (gapLen > 2) {
    prev.commaNext = text.charCodeAt(prev.end) === 44 && /^,\s+$/.test(text.slice(prev.end, t.start));
  }
}

let CONNECTOR_MAX = 0;
for (const w of CONNECTORS) CONNECTOR_MAX = Math.max(CONNECTOR_MAX, w.length);
/** One of CONNECTORS as written (the length test first: most words are longer than any connector). */
const isConnectorWord = (t: Token): boolean => t.end - t.start <= CONNECTOR_MAX && CONNECTORS.has(t.text);

/**
 * Title-case lines (most words capitalised) do not tell names from other words by case: marks the
 * line of tokens [i, j), given its counts of capitalised words and other words (no digits), where
 * mayBeHeadline holds.
 */
function markHeadline(tokens: Token[], i: number, j: number, caps: number, lower: number): void {
  let connectors = 0;
  for (let k = i; k < j; k++) {
    const tk = tokens[k];
    if (!tk.cap && isConnectorWord(tk)) {
      const c0 = tk.text.charCodeAt(0);
      if (!(c0 >= 48 && c0 <= 57)) connectors++;
    }
  }
  const words = caps + lower - connectors;
  if (words >= 4 && caps / words >= 0.8) for (let k = i; k < j; k++) tokens[k].headline = true;
}

/**
 * The line may be a headline (see markHeadline), by its counts alone: words = caps + lower - connectors
 * (at most `short` of them), and a headline needs words >= 4 and caps >= 0.8 words, so at least 4
 * capitals and few enough other words. Tested before the call, so that markHeadline runs only on such
 * lines: it then has type feedback for its loop whenever the optimising compiler inlines it into the
 * tokenizer (seen in V8 traces: without this, the optimised tokenizer was often thrown away at its
 * first headline for want of that feedback, and at times not optimised again for dozens of texts).
 */
function mayBeHeadline(caps: number, lower: number, short: number): boolean {
  return caps >= 4 && caps >= 4 * (lower - short);
}

interface Mention {
  start: number;
  end: number;
  /** Token range of the gazetteer name. */
  from: number;
  to: number;
  surface: string;
  candidates: GazetteerEntry[];
  kind?: 'region-cue' | 'feature';
  /** A feature's own name (surface form) when kind is feature. */
  featureName?: string;
  /** Candidates of a place named right after a comma ("Paris, Texas"). */
  within?: GazetteerEntry[];
  /** For a feature: the entry resolved from the place inside it or "in X" after it. */
  anchor?: GazetteerEntry[];
  /** The place name inside a feature as written ("Riverdale" in "Riverdale gas station"). */
  anchorName?: string;
  /** Countries of regions listed with this name ("California or Washington"). */
  listRegions?: string[];
}

/**
 * A Mention with every field present (those not given undefined), in one order: all mentions share one hidden
 * class, so the many loops over them read each field at a known offset instead of through a megamorphic
 * look-up (literals of several shapes, and fields added to some later, gave them a dozen classes).
 */
function newMention(start: number, end: number, from: number, to: number, surface: string, candidates: GazetteerEntry[], kind?: Mention['kind'], featureName?: string, anchor?: GazetteerEntry[], anchorName?: string): Mention {
  return { start, end, from, to, surface, candidates, kind, featureName, within: undefined, anchor, anchorName, listRegions: undefined };
}

/** The word in lower case, made once (a word of run 1 by lowerTitled). */
const lower = (t: Token): string => t.low ?? (t.low = t.run === 1 ? lowerTitled(t.text) : t.text.toLowerCase());
/** A lower-case word inside a name ("Bosnia and Herzegovina", "Rio de Janeiro"); "on" only hyphenated ("Rostov-on-Don"). */
const isConnector = (prev: Token, t: Token) => isConnectorWord(t) && (t.text !== 'on' || prev.hyphenNext);

/** A capitalised word (one starting with a digit never is: digits have no case). */
function isNameWord(t: Token): boolean {
  return t.cap;
}

/** An organisation word within the next three words of a capitalised run ("Suffolk County Times",
 * "US Federal Reserve", "Walker County Sheriff's Office"). */
function orgLater(tokens: Token[], from: number): boolean {
  for (let k = from; k < from + 3 && k < tokens.length; k++) {
    if (!isNameWord(tokens[k])) return false;
    if (ORG_WORDS.has(lower(tokens[k])) && !REGION_WORDS.has(lower(tokens[k]))) return true;
    if (!tokens[k].joinNext && !tokens[k].possessive) return false;
  }
  return false;
}

/** Words of one name: an all-capital dateline ("LONDON The Latest") is not joined to what follows. */
function sameCase(a: Token, b: Token): boolean {
  return longCaps(a) === longCaps(b) || (a.allCaps && b.allCaps);
}

/** An all-capital word of more than three letters (dots aside). */
function longCaps(t: Token): boolean {
  if (!t.allCaps) return false;
  let n = 0;
  for (let k = 0; k < t.text.length; k++) if (t.text.charCodeAt(k) !== 46) n++;
  return n > 3;
}

/** The place at token j modifies a following person, institution or policy noun (within two words). */
function isNonLiteralModifier(tokens: Token[], j: number, text: string): boolean {
  const last = tokens[j];
  let prev = last;
  for (let k = j + 1; k <= j + (last.possessive ? 3 : 2) && k < tokens.length; k++) {
    const t = tokens[k];
    const gapStart = prev.end + (prev.possessive ? 2 : 0);
    const gapLen = t.start - gapStart;
    const g0 = gapLen === 1 ? text.charCodeAt(gapStart) : 0;
    const plainGap = gapLen <= 0 || (gapLen === 1 && (g0 === 32 || g0 === 45));
    const gap = plainGap ? (gapLen <= 0 ? '' : g0 === 32 ? ' ' : '-') : text.slice(gapStart, t.start);
    if (!plainGap && !(prev === last && last.possessive && /^s?['’]?s? ?$/.test(gap))) return false;
    const lw = lower(t);
    const w = lw.charCodeAt(lw.length - 1) === 46 ? lw.slice(0, -1) : lw;
    if (NONLITERAL_HEADS.has(w)) return true;
    if (FEATURE_WORDS.has(w) || REGION_WORDS.has(w) || FUNCTION_WORDS.has(w)) return false;
    // Look one word further only past an adjective of a possessive ("China's commerce ministry")
    // or a capitalised title word ("EU Transport Commissioner"), never past a hyphen ("-based").
    if (gap === '-' || text[t.end] === '-' || !(last.possessive || t.cap)) return false;
    prev = t;
  }
  return false;
}

/** "<Region> State" names a region, except a US state's name, which names its university's team
 * ("Mississippi State", "Ohio State"), New York and Washington State apart. */
function isStateRegion(entries: GazetteerEntry[]): boolean {
  return entries.some((e) => e.kind === 'region' && (e.country !== 'US' || e.name === 'New York' || e.name === 'Washington'));
}

/** A short word matching only regions through an abbreviation ("Va", "Ga", "Calif"), not through a name. */
function isAbbreviationOnly(t: Token, entries: GazetteerEntry[]): boolean {
  if (t.allCaps || letterUnits(t.text) > 5) return false;
  const w = canon(t.text);
  return entries.every((e) => e.kind === 'region' && canon(e.name) !== w && canon(e.name).split(' ')[0] !== w);
}

/** (Exported for tests, as are isCommaGap and isListGap.) */
export function looksLikeDemonym(word: string): boolean {
  // /(?:ian|ean|ese|ish|ans|ians|ic|i|an)$/i by code unit: -ian, -ean and -ians end in -an or -ans
  const n = word.length;
  if (n <= 4) return false;
  const x = asciiLower(word.charCodeAt(n - 3));
  const y = asciiLower(word.charCodeAt(n - 2));
  const z = asciiLower(word.charCodeAt(n - 1));
  return z === 105 || (y === 105 && z === 99) || (y === 97 && z === 110) || (x === 97 && y === 110 && z === 115) || (x === 101 && y === 115 && z === 101) || (x === 105 && y === 115 && z === 104);
}

/** The gap [from, to) is /^,\s*$/: a comma and white space. */
export function isCommaGap(text: string, from: number, to: number): boolean {
  if (to <= from || text.charCodeAt(from) !== 44) return false;
  for (let k = from + 1; k < to; k++) if (!spaceAt(text, k)) return false;
  return true;
}

/** The gap [from, to) is /^(?:\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+)$/: names listed ("A, B", "A and B", "A, or B"). */
export function isListGap(text: string, from: number, to: number): boolean {
  let k = from;
  while (k < to && spaceAt(text, k)) k++;
  if (k < to && text.charCodeAt(k) === 44) {
    k++;
    while (k < to && spaceAt(text, k)) k++;
    if (k === to) return true;
  } else if (k === from) return false;
  const w = to - k > 3 && text.startsWith('and', k) ? 3 : to - k > 2 && text.startsWith('or', k) ? 2 : 0;
  if (!w || !spaceAt(text, k + w)) return false;
  for (k += w; k < to; k++) if (!spaceAt(text, k)) return false;
  return true;
}

/** Code units of the word's letters (word.replace(/[^\p{L}]/gu, '').length). */
function letterUnits(word: string): number {
  let n = 0;
  for (let k = 0; k < word.length;) {
    const w = codeWidth(word, k);
    if (isLetterAt(word, k)) n += w;
    k += w;
  }
  return n;
}

/** Longest gazetteer match starting at token i, over words joined by spaces or hyphens. */
function matchAt(tokens: Token[], i: number, g: Lookups): { to: number; entries: GazetteerEntry[] } | undefined {
  if (!isNameWord(tokens[i])) return undefined;
  let last = i;
  while (last + 1 < tokens.length && last - i + 1 < MAX_WORDS && tokens[last].joinNext && !tokens[last].possessive) {
    const nx = tokens[last + 1];
    if (!(isNameWord(nx) || isConnector(tokens[last], nx) || isNumberWord(nx.text))) break;
    last++;
  }
  // Shortest first: a run stops growing where no gazetteer name continues it; the longest hit wins.
  // (Stopping early needs every word to keep a search key of its own, as all but the oddest do.)
  // (A single word has nothing to stop early: its words are not even looked at.)
  let prune = last > i;
  for (let k = i; k <= last && prune; k++) prune = hasKey(tokens[k]);
  let key = tokens[i].text;
  let to = -1;
  let entries: GazetteerEntry[] | undefined;
  for (let j = i; j <= last; j++) {
    if (j > i) {
      key += ' ' + tokens[j].text;
      if (!isNameWord(tokens[j])) continue; // names do not end in a connector
    }
    const r = j === i ? g.run(key, tokens[i]) : g.run(key);
    if (r.entries.length) { to = j; entries = r.entries; }
    if (prune && !r.longer) break;
  }
  return entries ? { to, entries } : undefined;
}

/** An apostrophe among the last three units of the word (where a contraction's would be). */
function hasApostropheNearEnd(w: string): boolean {
  for (let k = Math.max(0, w.length - 3); k < w.length; k++) {
    const c = w.charCodeAt(k);
    if (c === 39 || c === 0x2019) return true;
  }
  return false;
}

/** /^\p{N}+$/u */
function isNumberWord(w: string): boolean {
  for (let k = 0; k < w.length; k += codeWidth(w, k)) if (!isDigitAt(w, k)) return false;
  return w.length > 0;
}

/** The word's own search key is not empty, so a run's key grows by " " and more with each word. */
function hasKey(t: Token): boolean {
  const w = t.text;
  for (let k = 0; k < w.length; k++) if (w.charCodeAt(k) >= 128) return searchKey(w) !== '';
  return true;
}

function findMentions(text: string, tokens: Token[], names: number[], g: Lookups): Mention[] {
  const out: Mention[] = [];
  /** Words seen as a person's name in this text ("Jack London" makes a later "London" doubtful only if so marked). */
  const persons = new Set<string>();
  let i = 0;
  let p = 0;
  for (;;) {
    // Features and names start with a capitalised word: on to the next one from i.
    while (p < names.length && names[p] < i) p++;
    if (p === names.length) break;
    i = names[p];
    const t = tokens[i];
    // A feature: capitalised run ending in a feature word ("Royal Street", "Holy Redeemer Church").
    const feature = matchFeature(tokens, i, g);
    if (feature) {
      out.push(feature);
      i = feature.to + 1;
      continue;
    }
    const hit = matchAt(tokens, i, g);
    if (!hit) { i++; continue; }
    const j = hit.to;
    const last = tokens[j];
    const surface = text.slice(t.start, last.end);
    const words = j - i + 1;
    const next = tokens[j + 1];
    const prev = tokens[i - 1];
    let reject = false;

    // Acronyms in capitals are places only as country/area names (US, UK, UAE).
    if (t.allCaps && words === 1 && t.text.replace(/\./g, '').length <= 4 && !hit.entries.some((e) => e.kind === 'country' || e.kind === 'area')) {
      // ... except dotted state abbreviations after a comma ("RALEIGH, N.C.").
      if (!(t.text.includes('.') && prev?.commaNext && hit.entries.some((e) => e.kind === 'region'))) reject = true;
    }
    // Handles and tags ("@Gillette"), contractions ("We'd").
    if (text[t.start - 1] === '@' || text[t.start - 1] === '#') reject = true;
    if (hasApostropheNearEnd(t.text) && /['’](d|ll|re|ve|t|m)$/i.test(t.text)) reject = true;
    // Nobiliary particles: "Marigny de Mandeville", "Roger van Boxtel".
    const before = tokens[i - 1];
    if (before && before.joinNext && before.text.length <= PARTICLE_MAX && PARTICLES.has(before.text) && tokens[i - 2]?.joinNext && tokens[i - 2]?.cap) { reject = true; persons.add(lower(t)); }
    // "Bank of Valletta", "University of Alberta", "Council of Europe": an organisation named after the place.
    {
      let k = i - 1;
      if (tokens[k]?.text === 'the' && tokens[k - 1]?.joinNext) k--;
      if (tokens[k]?.text === 'of' && tokens[k].joinNext && tokens[k - 1]?.joinNext
        && ((tokens[k - 1].cap && OF_ORGS.has(lower(tokens[k - 1]))) || OF_ROLES.has(lower(tokens[k - 1])))) reject = true;
    }
    // "Moody's Analytics", "Russia's TASS agency": a possessive before a name is part of an organisation's.
    if (last.possessive && next && isNameWord(next) && !next.sentenceStart && !g.lookup(next.text).length && !hit.entries.some((e) => e.population >= 1_000_000 && e.kind === 'city') && text.slice(last.end, next.start).length <= 3) {
      if (words === 1 && hit.entries.every((e) => e.kind === 'city')) reject = true;
    }
    // A modifier of people, institutions or policies ("US diplomats", "Russia's Foreign Ministry").
    if (!reject && next && (last.joinNext || last.possessive) && !REGION_WORDS.has(lower(next)) && isNonLiteralModifier(tokens, j, text)) reject = true;
    // A town named by a common word ("Orange", "Reading", "Most") only after a locative ("in Reading").
    if (!reject && words === 1 && (GENERIC_WORDS.has(lower(t)) || (GIVEN_NAMES.has(lower(t)) && hit.entries.every((e) => e.population < 100_000))) && hit.entries.every((e) => e.kind === 'city')
      && (CALENDAR.has(lower(t)) || GIVEN_NAMES.has(lower(t)) || !(prev && prev.joinNext && LOCATIVES.has(lower(prev)) && !prev.cap))) reject = true;
    // Sentence-initial common words ("Most", "Nice to see").
    if (words === 1 && t.sentenceStart && SENTENCE_WORDS.has(lower(t))) reject = true;
    // Demonym-like words that only match small towns.
    if (words === 1 && looksLikeDemonym(t.text) && hit.entries.every((e) => e.kind === 'city' && e.population < 100_000)) reject = true;
    if (!t.headline) {
      // Preceded by a title or a given name ("President Lincoln", "Jack London").
      if (prev && prev.joinNext && isNameWord(prev) && !prev.possessive && sameCase(prev, t)) {
        const pw = lower(prev);
        if (TITLES.has(pw) || TITLES.has(pw.replace(/\.$/, ''))) { reject = true; if (words === 1) persons.add(lower(t)); }
        else if (GIVEN_NAMES.has(pw)) { reject = true; if (words === 1) persons.add(lower(t)); }
        else if (!DIRECTIONS.has(pw) && !CALENDAR.has(pw) && !FUNCTION_WORDS.has(pw) && !LOST_STOP_WORDS.has(pw) && !/(ing|ed)$/.test(pw) && !g.lookup(prev.text).length) {
          // "Abraham Lincoln", "Baseball Toronto", "New Orleans Railways": a capitalised non-place word
          // joined before the name makes it part of another name. A capitalised common word ("After
          // Paris", "Though London") is only a lost full stop.
          reject = true;
          // "Dewly Nelson." / "Andre Wilson, 38,": a person's surname, doubtful when seen alone later.
          if (words === 1 && !(next && last.joinNext && isNameWord(next))) persons.add(lower(t));
        }
      }
      // Followed by a capitalised word: a person ("Paris Hilton") or an organisation ("Washington Post").
      if (!reject && next && last.joinNext && !last.possessive && isNameWord(next) && sameCase(last, next)) {
        const nw = lower(next);
        if (nw === 'state' && isStateRegion(hit.entries)) { /* "Oaxaca State", "Borno State" */ }
        else if (ORG_WORDS.has(nw) || orgLater(tokens, j + 1)) reject = true;
        else if (REGION_WORDS.has(nw) || FEATURE_WORDS.has(nw)) { /* "Kharkiv Oblast", "Royal Street" */ }
        else if (CALENDAR.has(nw) && !(tokens[j + 2] && next.joinNext && isNameWord(tokens[j + 2]))) { /* "Moscow Thursday" */ }
        else if (FUNCTION_WORDS.has(nw) && nw !== 'west' && nw !== 'east' && nw !== 'north' && nw !== 'south') { /* "Parkland, Florida The controversy": a lost full stop */ }
        else if (!g.lookup(next.text).some((e) => e.kind === 'country' || e.kind === 'region' || e.kind === 'area')) reject = true;
      }
      // A surname already seen after a given name ("Andre Wilson" ... "Wilson said").
      // A locative preposition still makes it a place ("belonged to Toronto").
      if (!reject && words === 1 && persons.has(lower(t)) && !hit.entries.some((e) => e.kind === 'country')
        && !(prev && LOCATIVES.has(lower(prev)) && prev.joinNext)) reject = true;
      // Short abbreviations ("Va.", "Calif.") count only where addresses use them: after a comma, before a dot.
      if (!reject && words === 1 && isAbbreviationOnly(t, hit.entries)) {
        const abbrContext = text[t.end] === '.' && !!prev && prev.commaNext;
        if (!abbrContext) reject = true;
      }
      // Followed by a lower-case organisation word is fine ("Moscow police"): still the place.
    } else if (next && last.joinNext && isNameWord(next) && ORG_WORDS.has(lower(next))) {
      reject = true;
    }
    if (reject) {
      // Skip the whole capitalised run so its later words are not read as places either.
      let k = j;
      while (k + 1 < tokens.length && tokens[k].joinNext && isNameWord(tokens[k + 1]) && !t.headline) k++;
      i = k + 1;
      continue;
    }

    // "the Kharkiv region", "Donetsk oblast", "Kherson Oblast": the region entry.
    if (next && last.joinNext && REGION_WORDS.has(lower(next)) && !ORG_WORDS.has(lower(next)) || (next && last.joinNext && lower(next) === 'state' && isStateRegion(hit.entries))) {
      const regions = hit.entries.filter((e) => e.kind === 'region' || e.kind === 'area');
      const full = g.lookup(`${surface} ${next.text}`).filter((e) => e.kind === 'region');
      const cands = full.length ? full : regions;
      if (cands.length) {
        out.push(newMention(t.start, next.end, i, j + 1, text.slice(t.start, next.end), cands, 'region-cue'));
        i = j + 2;
        continue;
      }
    }
    // "Zaporizhzhia nuclear power plant": a facility named after the place.
    let k = j + 1;
    if (last.joinNext) {
      while (k < tokens.length && k - j <= 3 && FACILITY_MODIFIERS.has(tokens[k].text) && tokens[k - 1].joinNext) k++;
      if (k < tokens.length && FACILITY_HEADS.has(tokens[k].text) && tokens[k - 1].joinNext) {
        out.push(newMention(t.start, tokens[k].end, i, k, text.slice(t.start, tokens[k].end), [], 'feature', text.slice(t.start, tokens[k].end), hit.entries, text.slice(t.start, last.end)));
        i = k + 1;
        continue;
      }
    }
    const end = words === 1 && text[last.end] === '.' && isAbbreviationOnly(t, hit.entries) ? last.end + 1 : last.end;
    out.push(newMention(t.start, end, i, j, text.slice(t.start, end), hit.entries));
    i = j + 1;
  }
  return out;
}

/** The words of tokens from..to (inclusive) joined by single spaces (without the arrays of a slice, map and join). */
function wordsText(tokens: Token[], from: number, to: number): string {
  let s = tokens[from].text;
  for (let k = from + 1; k <= to; k++) s += ' ' + tokens[k].text;
  return s;
}

/** Feature words that may also begin a name ("Lake Geneva", "Port Said"). */
const PREFIX_FEATURES = new Set(['lake', 'mount', 'fort', 'port', 'gulf', 'bay', 'cape']);
/** Feature words that begin a name the gazetteer may lack ("Lake Geneva", "Mount Kenya"). */
const PREFIX_NAMED = new Set(['lake', 'mount', 'mt', 'fort', 'cape', 'gulf']);

/** A capitalised run ending in a feature word, e.g. "Royal Street", "Mississippi River", "Holy Redeemer Church". */
function matchFeature(tokens: Token[], i: number, g: Lookups): Mention | undefined {
  const t = tokens[i];
  if (!isNameWord(t) || t.headline) return undefined;
  // Both kinds of feature below need a capitalised word or a connector joined after this one.
  const nx = tokens[i + 1];
  if (!t.joinNext || !nx || !(nx.cap || isConnectorWord(nx))) return undefined;
  if (t.sentenceStart && FUNCTION_WORDS.has(lower(t))) return undefined; // "The Walker County": start at "Walker"
  if (CONNECTORS.has(lower(t))) return undefined;
  if (FEATURE_WORDS.has(lower(t))) {
    // "Lake Geneva", "Mount Everest", "Fort Worth" style prefixes are handled by the gazetteer or below.
    if (!PREFIX_FEATURES.has(lower(t))) return undefined;
  }
  let k = i;
  const limit = Math.min(tokens.length - 1, i + MAX_WORDS - 1);
  while (k < limit && tokens[k].joinNext && !tokens[k].possessive && (isNameWord(tokens[k + 1]) || (isConnector(tokens[k], tokens[k + 1]) && k + 2 <= limit && isNameWord(tokens[k + 2])))) {
    k++;
    if (isNameWord(tokens[k]) && FEATURE_WORDS.has(lower(tokens[k])) && !(k + 1 <= limit && tokens[k].joinNext && isNameWord(tokens[k + 1]) && FEATURE_WORDS.has(lower(tokens[k + 1])))) {
      // A title, person or organisation before the run disqualifies it.
      const prev = tokens[i - 1];
      if (prev && prev.joinNext && TITLES.has(lower(prev))) return undefined;
      if (TITLES.has(lower(t))) return undefined;
      // All-capital lines are headings, not names ("KOBE IN THE HOUSE").
      if (tokens.slice(i, k + 1).some((x) => x.allCaps && x.text.replace(/\./g, '').length > 3)) return undefined;
      // A feature needs a distinctive name, not only generic words ("International Market", "Catholic Church").
      const modifiers = tokens.slice(i, k).filter((x) => !CONNECTORS.has(lower(x)));
      if (!STREET_HEADS.has(lower(tokens[k])) && !modifiers.some((x) => !GENERIC_WORDS.has(lower(x)) && !FEATURE_WORDS.has(lower(x)) && !ORG_WORDS.has(lower(x)))) return undefined;
      // Words after the feature word that continue an organisation ("Park Service") end it.
      const after = tokens[k + 1];
      if (after && tokens[k].joinNext && isNameWord(after) && ORG_WORDS.has(lower(after))) return undefined;
      // Named in the gazetteer as a whole ("Indian Ocean", "Korean Peninsula", "Beverly Hills"): not a feature.
      const whole = matchAt(tokens, i, g);
      if (whole && whole.to >= k && whole.entries.some((e) => e.kind !== 'city' || canon(e.name) === canon(wordsText(tokens, i, k)))) return undefined;
      // The place named inside it ("Zaporizhzhia nuclear power plant", "Morris County"): only under
      // its own name, not an alternate of some far-off town ("François-Xavier Bagnoud Center").
      const inner: GazetteerEntry[] = [];
      let innerName: string | undefined;
      for (let s = i; s < k; s++) {
        const m = matchAt(tokens, s, g);
        if (!m || m.to >= k) continue;
        innerName = wordsText(tokens, s, m.to);
        const written = canon(innerName);
        inner.push(...m.entries.filter((e) => canon(e.name) === written || e.kind !== 'city'));
        break;
      }
      const surface = wordsText(tokens, i, k);
      return newMention(t.start, tokens[k].end, i, k, surface, [], 'feature', surface, inner.length ? inner : undefined, inner.length ? innerName : undefined);
    }
  }
  // "Lake Geneva", "Mount Kenya": prefix feature words followed by a name.
  if (PREFIX_NAMED.has(lower(t)) && t.joinNext && tokens[i + 1] && isNameWord(tokens[i + 1])) {
    const inGaz = matchAt(tokens, i, g);
    if (inGaz) return undefined; // "Fort Worth" is a town
    let e = i + 1;
    while (e < limit && tokens[e].joinNext && isNameWord(tokens[e + 1])) e++;
    const surface = wordsText(tokens, i, e);
    return newMention(t.start, tokens[e].end, i, e, surface, [], 'feature', surface);
  }
  return undefined;
}

/** Same first-level region as a place the article names unambiguously (measured: 1 beats 1.5, 2, 3). */
const REGION_BONUS = 1;
/** A town that is what its same-named region's bare name means scores just above that region, not above every other namesake (measured: 0.5-2 equal, beat a flat +3). */
const NAMESAKE_LEAD = 1;
/** A region listed with other regions of its country ("California or Washington") over its namesake town (measured: 1.5-3 equal). */
const LIST_BONUS = 2;
/** A town chosen with this lead over its namesakes anchors proximity like an unambiguous one (measured: 2 and 3 equal, 1 less). */
const CONFIDENT = 2;
/** The prior of a kind of entry (a function, not a table: a keyed read with several keys is megamorphic). */
const kindPrior = (kind: GazetteerEntry['kind']): number => (kind === 'country' || kind === 'area' ? 4 : kind === 'region' ? 1.5 : 0);

/** A name compared loosely: "St. Petersburg" = "Saint Petersburg", "Kyiv" = "KYIV". */
const canonCache = new Map<string, string>();
function canon(name: string): string {
  let c = canonCache.get(name);
  if (c === undefined) {
    c = normalizeName(name).replace(/\bsaint\b/g, 'st').replace(/\bmount\b/g, 'mt').replace(/\bfort\b/g, 'ft');
    if (canonCache.size > 20_000) canonCache.clear();
    canonCache.set(name, c);
  }
  return c;
}

/** What the article says elsewhere: countries and regions it names, and where its unambiguous towns and regions lie. */
interface Context {
  countries: Map<string, number>;
  regions: Map<string, number>;
  /** The names (as written) that put each region in `regions`. */
  regionNames: Map<string, Set<string>>;
  /** Unambiguous towns and regions of the article, with the name they were written as. */
  near: { lat: number; lon: number; name: string }[];
  /** Each mention's choice, once the context no longer changes. */
  choices?: Map<Mention, Choice>;
}

/** A town this close to one the article names unambiguously gets PROXIMITY_BONUS (measured: 150 km / 1.5 beat 100, 250, 300 km and 1, 2; regions as anchors lose). */
const PROXIMITY_KM = 150;
const PROXIMITY_BONUS = 1.5;

/** Rough distance in km (equirectangular; fine for "within a few hundred km"). */
function roughKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const r = Math.PI / 180;
  const x = (b.lon - a.lon) * r * Math.cos(((a.lat + b.lat) / 2) * r);
  const y = (b.lat - a.lat) * r;
  return 6371 * Math.sqrt(x * x + y * y);
}

/** roughKm(a, b) <= PROXIMITY_KM; pairs whose latitudes alone are further apart (with 1% to spare
 * for rounding) are answered without the cosine. */
function isNear(a: { lat: number; lon: number }, b: { lat: number; lon: number }): boolean {
  if (Math.abs(b.lat - a.lat) * (6371 * Math.PI / 180) > 1.01 * PROXIMITY_KM) return false;
  return roughKm(a, b) <= PROXIMITY_KM;
}

/** The article names this region through some name other than `own` (a name does not support itself). */
function inRegion(ctx: Context, key: string, own: string): boolean {
  const by = ctx.regionNames.get(key);
  if (!by) return false;
  for (const n of by) if (n !== own) return true;
  return false;
}

/** `${country}/${region}` of an entry (entries are the gazetteer's own objects, kept for the gazetteer's life). */
const regionKeys = new WeakMap<GazetteerEntry, string>();
function regionKeyOf(e: GazetteerEntry): string {
  let k = regionKeys.get(e);
  if (k === undefined) {
    k = `${e.country}/${e.region}`;
    regionKeys.set(e, k);
  }
  return k;
}

/** How well entry e fits mention m (surface: m's canonical name). */
function score(e: GazetteerEntry, m: Mention, ctx: Context, surface: string): number {
  // Areas (continents, oceans, informal regions) have no population: count them as large.
  let s = Math.log10((e.kind === 'area' ? Math.max(e.population, 1e6) : e.population) + 10) + kindPrior(e.kind);
  // A bare region name ("Kharkiv") is usually its seat town; the region wins when named as one.
  if (e.kind === 'region' && m.kind !== 'region-cue') s -= 2;
  if (e.kind === 'city' && e.population >= 1_000_000) s += 1;
  if (e.country && ctx.countries.has(e.country)) s += 1.5;
  if (e.region && ctx.regionNames.size && inRegion(ctx, regionKeyOf(e), surface)) s += REGION_BONUS;
  // Close to a town or region the article names unambiguously ("LaFayette" near "Chattanooga").
  if (e.kind === 'city' && m.candidates.length > 1) {
    for (const a of ctx.near) {
      if (a.name !== surface && isNear(a, e)) { s += PROXIMITY_BONUS; break; }
    }
  }
  // "Paris, Texas", "Moscow, Russia": the place named right after a comma contains it.
  const within = m.within;
  if (within) {
    for (const w of within) {
      if ((w.kind === 'region' && w.name === e.region && w.country === e.country) || (w.kind === 'country' && w.country === e.country)) { s += 4; break; }
    }
  }
  // The name as written is the entry's own name, not one of its alternates ("Africa", "Salisbury").
  const own = canon(e.name);
  if (own === surface || (m.kind === 'region-cue' && surface.startsWith(own.replace(/ (oblast|region|province)$/, '')))) s += 3;
  return s;
}

interface Choice {
  entry: GazetteerEntry;
  margin: number;
}

function choose(m: Mention, ctx: Context): Choice {
  if (ctx.choices) {
    const c = ctx.choices.get(m);
    if (c) return c;
  }
  const surface = canon(m.surface);
  // A town holding a large share of its same-named region's people is what the bare name means
  // ("Washington", "New York", "St. Petersburg"); otherwise the region is ("Quebec").
  let topRegion: GazetteerEntry | undefined;
  for (const r of m.candidates) if (r.kind === 'region' && (!topRegion || r.population > topRegion.population)) topRegion = r;
  const regionScore = topRegion ? score(topRegion, m, ctx, surface) : 0;
  const topName = topRegion && m.kind !== 'region-cue' ? canon(topRegion.name) : undefined;
  // The first best-scoring candidate, and the margin to the next best score.
  let best: GazetteerEntry | undefined;
  let bestS = -Infinity;
  let second = -Infinity;
  for (const e of m.candidates) {
    let s = score(e, m, ctx, surface);
    if (topName !== undefined && e.kind === 'city' && topRegion!.country === e.country && e.population >= 0.08 * topRegion!.population
      && topName === canon(e.name).replace(/ city$/, '')) s = Math.max(s, regionScore + NAMESAKE_LEAD);
    if (e.kind === 'region' && m.listRegions?.includes(e.country)) s += LIST_BONUS;
    if (s > bestS) { second = bestS; bestS = s; best = e; }
    else if (s > second) second = s;
  }
  const c: Choice = { entry: best!, margin: m.candidates.length > 1 ? bestS - second : Infinity };
  ctx.choices?.set(m, c);
  return c;
}

/** No entries (shared: never changed). */
const NO_ENTRIES: GazetteerEntry[] = [];

/** A run's lookup as remembered for one text, with the lower case of its word when it is one word. */
interface Run extends RunLookup {
  low: string | undefined;
}

/** The gazetteer with its lookups remembered for one text (names repeat, and runs are looked up several times). */
class Lookups {
  private readonly seen = new Map<string, GazetteerEntry[]>();
  private readonly runs = new Map<string, Run>();
  private readonly demonyms = new Map<string, GazetteerEntry[]>();
  private readonly probe: ((name: string, lowered?: string) => RunLookup) | undefined;
  /** The gazetteer's own lookup of DEMONYM_PREFIX + word, and its quick test, when it has them. */
  private readonly tilde: ((word: string) => GazetteerEntry[]) | undefined;
  private readonly tildeMayHold: ((word: string) => boolean) | undefined;
  constructor(private readonly g: Gazetteer) {
    this.probe = runLookup(g);
    this.tilde = DEMONYM_PREFIX === '~' ? tildeLookup(g) : undefined;
    this.tildeMayHold = this.tilde ? tildeMayHold(g) : undefined;
  }

  lookup(name: string): GazetteerEntry[] {
    // With the gazetteer's run lookup, one map remembers both kinds (its entries are lookup's).
    if (this.probe) return this.run(name).entries;
    let r = this.seen.get(name);
    if (!r) {
      r = this.runs.get(name)?.entries ?? this.g.lookup(name);
      this.seen.set(name, r);
    }
    return r;
  }

  /**
   * Entries of a run of words, and whether a longer name may continue it. `word`: the run's one token,
   * when it is one word: its lower case (needed later anyway) serves the gazetteer's search key, and is
   * remembered with the run, so that later tokens of the same word take it instead of lower-casing again.
   */
  run(name: string, word?: Token): RunLookup {
    let r = this.runs.get(name);
    if (!r) {
      const low = word && lower(word);
      let found: RunLookup;
      if (this.probe) found = this.probe(name, low);
      else {
        const seen = this.seen.get(name);
        found = { entries: seen ?? this.g.lookup(name), longer: true };
      }
      r = { entries: found.entries, longer: found.longer, low };
      this.runs.set(name, r);
    } else if (word) {
      if (r.low === undefined) r.low = lower(word);
      else word.low ??= r.low;
    }
    return r;
  }

  /** The countries whose demonym this word is (gazetteer keys "~british"). */
  demonym(word: string): GazetteerEntry[] {
    // Most words are answered by the gazetteer's table at once: cheaper than remembering them.
    if (this.tildeMayHold && !this.tildeMayHold(word)) return NO_ENTRIES;
    let r = this.demonyms.get(word);
    if (!r) {
      // No name the recogniser looks up otherwise starts with the prefix: no need to remember it twice.
      r = this.tilde ? this.tilde(word) : this.g.lookup(DEMONYM_PREFIX + word);
      this.demonyms.set(word, r);
    }
    return r;
  }
}

/**
 * The places of the text. `pass`, when given, gets what the recogniser's pass over the words saw: the word
 * count (what countWords gives) added to its `words`, the words themselves (for recognizeClaims), and in
 * its `candidates`, when there, where a figure may start (for recognizeFigures).
 */
export function recognizePlaces(text: string, gazetteer: Gazetteer, pass: WordPass = { words: 0, tokens: [] }): Annotation[] {
  if (!text) return [];
  const names: number[] = [];
  const tokens = tokenize(text, names, pass);
  pass.tokens = tokens;
  const g = new Lookups(gazetteer);
  const mentions = findMentions(text, tokens, names, g);
  addUnlistedPlaces(text, tokens, names, mentions, g);

  for (let k = 0; k + 1 < mentions.length; k++) {
    const a = mentions[k];
    const b = mentions[k + 1];
    if (a.candidates.length && b.candidates.length && isCommaGap(text, a.end, b.start)) a.within = b.candidates;
    // "California or Washington", "Utah, Colorado and Idaho": names listed together are of one kind.
    if (a.candidates.length && b.candidates.length && !a.kind && !b.kind && isListGap(text, a.end, b.start)) {
      const ra = listedRegion(a);
      const rb = listedRegion(b);
      if (rb) (a.listRegions ??= []).push(rb.country);
      if (ra) (b.listRegions ??= []).push(ra.country);
    }
  }
  // Context: countries and regions named unambiguously in the article, and countries its demonyms name.
  const countries = new Map<string, number>();
  const regions = new Map<string, number>();
  const ctx: Context = { countries, regions, regionNames: new Map(), near: [] };
  /** Where the text names or implies a country: demonyms and resolved mentions, in order. */
  const cues: { at: number; country: string }[] = [];
  /** The different names (places, demonyms) that point to each country. */
  const support = new Map<string, Set<string>>();
  demonymCues(tokens, names, g, countries, cues, support);
  for (const m of mentions) {
    const c = m.candidates.length ? m.candidates : m.anchor ?? [];
    if (!c.length) continue;
    const top = c[0];
    const unique = c.length === 1 || top.kind === 'country' || top.population > 20 * (c[1]?.population ?? 0) + 1;
    if (!unique) {
      // "New York" (the state or its city): the likely readings agree on the region all the same.
      const k0 = keyOf(top);
      if (k0 !== undefined && likelyIn(c, top, k0)) {
        regions.set(k0, (regions.get(k0) ?? 0) + 1);
        addName(ctx.regionNames, k0, canon(m.surface));
      }
      continue;
    }
    if (top.country) { countries.set(top.country, (countries.get(top.country) ?? 0) + 1); addName(support, top.country, canon(m.surface)); }
    const key = top.kind === 'region' ? `${top.country}/${top.name}` : top.region ? `${top.country}/${top.region}` : undefined;
    if (key) { regions.set(key, (regions.get(key) ?? 0) + 1); addName(ctx.regionNames, key, canon(m.surface)); }
    if (m.candidates.length && top.kind === 'city') ctx.near.push({ lat: top.lat, lon: top.lon, name: canon(m.surface) });
  }

  // Towns chosen with a clear lead over their namesakes ("Gainesville, Va.") locate the others too.
  {
    const extra: Context['near'] = [];
    for (const m of mentions) {
      if (m.kind || m.candidates.length < 2) continue;
      const { entry, margin } = choose(m, ctx);
      if (entry.kind === 'city' && margin >= CONFIDENT) extra.push({ lat: entry.lat, lon: entry.lon, name: canon(m.surface) });
    }
    ctx.near.push(...extra);
  }
  ctx.choices = new Map();

  // The article's main town locates features it says nothing else about, but only in an article
  // mostly about one country ("Élysée Palace" in a report on Ukraine is not in Kharkiv).
  // A small town in a country the article never mentions, named without a locative ("Obama said",
  // "Metro", "Epsom"), is more likely a person's or a product's name: leave it out.
  for (let k = mentions.length - 1; k >= 0; k--) {
    const m = mentions[k];
    if (m.kind || !m.candidates.length || m.to !== m.from) continue;
    const t = tokens[m.from];
    if (t.allCaps) continue;
    const { entry } = choose(m, ctx);
    const prev = tokens[m.from - 1];
    const locative = !!prev && prev.joinNext && !prev.cap && (LOCATIVES.has(prev.text) || PLACE_VERBS.has(prev.text));
    const unsupported = entry.kind === 'city' && entry.population < 100_000 && !m.within && !hasOther(support.get(entry.country), canon(m.surface));
    const tiny = t.text.length <= 3 && entry.kind !== 'country' && m.end === t.end; // "Va." keeps its dot
    if ((unsupported || tiny) && !locative) mentions.splice(k, 1);
  }
  let mainTown = mostMentionedTown(mentions, ctx);
  if (mainTown) {
    let all = 0;
    for (const n of countries.values()) all += n;
    if ((countries.get(mainTown.country) ?? 0) < 0.4 * all) mainTown = undefined;
  }
  // Failing a main town, the article's dateline town ("CALAMBA CITY –", "CAIRO:"), then its most
  // named region in its main country locate features nothing else places (measured; the main
  // country's centre as a last resort gained nothing).
  let all = 0;
  let mainCountry: string | undefined;
  for (const [c, n] of countries) { all += n; if (!mainCountry || n > (countries.get(mainCountry) ?? 0)) mainCountry = c; }
  if (mainCountry && (countries.get(mainCountry) ?? 0) < 0.4 * all) mainCountry = undefined;
  let fallback: GazetteerEntry | undefined = mainTown;
  if (!fallback) {
    const first = mentions.find((x) => !x.kind && x.candidates.length);
    if (first && first.start < 80 && tokens[first.from].allCaps && !/[a-z]/.test(text.slice(0, first.start))) {
      const e = choose(first, ctx).entry;
      if (e.kind === 'city') fallback = e;
    }
  }
  if (!fallback && mainCountry) {
    let best: string | undefined;
    for (const [k, n] of regions) if (k.startsWith(`${mainCountry}/`) && (!best || n > (regions.get(best) ?? 0))) best = k;
    if (best) fallback = g.lookup(best.slice(3)).find((e) => e.kind === 'region' && e.country === mainCountry);
    // A town the article names in that region is closer to what it speaks of than the region's centre.
    if (fallback) {
      const counts = new Map<GazetteerEntry, number>();
      for (const x of mentions) {
        if (x.kind || !x.candidates.length) continue;
        const e = choose(x, ctx).entry;
        if (e.kind === 'city' && e.country === mainCountry && e.region === fallback.name) counts.set(e, (counts.get(e) ?? 0) + 1);
      }
      let town: GazetteerEntry | undefined;
      for (const [e, n] of counts) if (!town || n > (counts.get(town) ?? 0)) town = e;
      if (town) fallback = town;
    }
  }
  return annotate(text, tokens, mentions, ctx, cues, support, fallback);
}

/**
 * The annotations of the mentions, each resolved to one place: a feature located by its anchor, by a
 * place named close by or by `fallback`; a small town beside a big city read as part of it. (A
 * function of its own: recognizePlaces is then small enough for the optimising compiler to take on early.)
 */
function annotate(text: string, tokens: Token[], mentions: Mention[], ctx: Context, cues: { at: number; country: string }[], support: Map<string, Set<string>>, fallback: GazetteerEntry | undefined): Annotation[] {
  const out: Annotation[] = [];
  const resolved: { at: number; country: string }[] = [];
  for (let idx = 0; idx < mentions.length; idx++) {
    const m = mentions[idx];
    let place: PlaceInfo;
    if (m.kind === 'feature') {
      let anchor = m.anchor;
      // "... Church in Kupiansk", "Morris County, New Jersey": the next place mention close after it
      // says where it is; a namesake town inside that place, if any, is closer still.
      const nextM = mentions[idx + 1];
      if (nextM && nextM.candidates.length && !nextM.kind) {
        const between = text.slice(m.end, nextM.start);
        if (/^(?:\s*\(|,\s*|\s+(?:in|at|near|of|outside|on)\s+(?:the\s+)?(?:city\s+of\s+|town\s+of\s+)?)$/i.test(between)) {
          const where = choose(nextM, ctx).entry;
          const inside = anchor?.filter((e) => e.kind === 'city' && e.country === where.country && (where.kind === 'country' || e.region === where.name));
          anchor = inside?.length ? inside : [where];
        }
      }
      place = { name: m.featureName ?? m.surface, kind: 'feature' };
      // "Morris County", "Washington Township": a division named after a town is seldom around
      // the namesake town; unless that town lies where the article is, a place named close by says more.
      if (anchor && anchor === m.anchor) {
        const a = choose({ ...m, candidates: anchor, kind: undefined, surface: m.anchorName ?? m.surface }, ctx).entry;
        if ((DIVISION_HEADS.has(lower(tokens[m.to])) || (a.kind === 'city' && a.population < SMALL_FEATURE)) && !isLocal(a, ctx, m.anchorName ?? m.surface, DIVISION_HEADS.has(lower(tokens[m.to])))) {
          const near = nearestLocal(mentions, idx, text, ctx);
          if (near) anchor = [near];
          else if (fallback) anchor = [fallback];
        }
      }
      // Otherwise a town or region named close by, in the same paragraph ("in Abagana, an outskirts
      // of Makurdi"); failing that the article's main town (named most often, at least twice); in
      // both cases only if the text did not just speak of another country ("French President ...
      // the Élysée Palace").
      if (!anchor) {
        const near = nearestLocal(mentions, idx, text, ctx);
        if (near && (lastCue(cues, resolved, m.start) ?? near.country) === near.country) anchor = [near];
      }
      if (!anchor && fallback && (lastCue(cues, resolved, m.start) ?? fallback.country) === fallback.country) anchor = [fallback];
      if (anchor && anchor.length) {
        const r = choose({ ...m, candidates: anchor, kind: undefined, surface: anchor === m.anchor && m.anchorName ? m.anchorName : m.surface }, ctx).entry;
        Object.assign(place, { country: r.country || undefined, region: r.kind === 'region' ? r.name : r.region, lat: r.lat, lon: r.lon });
        if (!place.country) delete place.country;
        if (!place.region) delete place.region;
      }
    } else {
      const { entry } = choose(m, ctx);
      // A small town far from everything else the article names, right beside a big city the
      // article does name ("Kilburn" beside "London"), is more likely a part of that city; so is one
      // in a country nothing else in the article names, beside a larger town of another country
      // ("Hampshire" beside "Andover").
      if (entry.kind === 'city' && entry.population < SMALL_TOWN && !m.within && !isLocal(entry, ctx, m.surface)) {
        const alone = !hasOther(support.get(entry.country), canon(m.surface));
        const big = nearestLocal(mentions, idx, text, ctx, (b) => b.kind === 'city' && b.id !== entry.id && (b.population >= Math.max(BIG_TOWN, 10 * entry.population)
          || (alone && b.country !== entry.country && b.population > entry.population)));
        if (big) {
          place = { name: m.surface, kind: 'feature', country: big.country, lat: big.lat, lon: big.lon };
          if (big.region) place.region = big.region;
          out.push({ id: `place:${m.start}`, category: 'place', start: m.start, end: m.end, text: text.slice(m.start, m.end), place });
          continue;
        }
      }
      place = {
        name: entry.name, kind: entry.kind, geonameId: entry.id, lat: entry.lat, lon: entry.lon,
        population: entry.population, candidates: m.candidates.length,
      };
      if (entry.country) { place.country = entry.country; resolved.push({ at: m.start, country: entry.country }); }
      if (entry.region) place.region = entry.region;
    }
    out.push({ id: `place:${m.start}`, category: 'place', start: m.start, end: m.end, text: text.slice(m.start, m.end), place });
  }
  return out;
}

/** A town inside a feature's name this small, far from the article's other towns, does not locate it ("Heathrow airport", "Pearl Harbor"; measured: 30,000-100,000 equal, 10,000-20,000 less). */
const SMALL_FEATURE = 50_000;
/** A town this small, far from the article's other towns, beside a city of BIG_TOWN people is read as part of it (measured: 10,000 and 20,000 equal, 5,000 less; 1M beats 100k). */
const SMALL_TOWN = 10_000;
const BIG_TOWN = 1_000_000;
/** Close to one of the article's unambiguous towns (other than itself), or with byRegion in a region it names. */
function isLocal(e: GazetteerEntry, ctx: Context, name: string, byRegion = false): boolean {
  const own = canon(name);
  return e.kind !== 'city' || (byRegion && !!e.region && ctx.regions.has(`${e.country}/${e.region}`)) || ctx.near.some((x) => x.name !== own && isNear(x, e));
}
const DIVISION_HEADS = new Set(['county', 'township', 'parish', 'borough', 'district']);
const UNLISTED_AFTER = new Set(['in', 'near', 'outside']);
const UNLISTED_OF = new Set(['village', 'town', 'city', 'suburb', 'district', 'province', 'region', 'island', 'municipality', 'hamlet', 'neighbourhood', 'neighborhood', 'outskirts']);

/**
 * Places the gazetteer lacks (villages, islands, districts) where the text says it is a place:
 * a capitalised name right after "in", "near", "outside" or "the village of". Months, languages,
 * institutions, people and common words are left out.
 */
function addUnlistedPlaces(text: string, tokens: Token[], names: number[], mentions: Mention[], g: Lookups): void {
  const taken = new Uint8Array(tokens.length);
  for (const m of mentions) for (let k = m.from; k <= m.to; k++) taken[k] = 1;
  const added: Mention[] = [];
  let after = 0;
  for (const i of names) {
    if (i < 1 || i <= after) continue;
    const t = tokens[i];
    if (taken[i] || t.headline || t.allCaps) continue;
    const p1 = tokens[i - 1];
    const p2 = tokens[i - 2];
    // Not inside a title or name ("Dignity in Dying", "Stratford upon Avon").
    if (p2 && p2.joinNext && isNameWord(p2) && !p2.sentenceStart) continue;
    const cue = (p1.joinNext && !p1.cap && UNLISTED_AFTER.has(p1.text))
      || (p1.text === 'of' && p1.joinNext && p2?.joinNext && UNLISTED_OF.has(lower(p2)));
    if (!cue) continue;
    let k = i;
    while (k + 1 < tokens.length && k - i < 2 && tokens[k].joinNext && isNameWord(tokens[k + 1]) && !taken[k + 1]) k++;
    const run = tokens.slice(i, k + 1);
    const last = tokens[k];
    if (k + 1 < tokens.length && last.joinNext && isNameWord(tokens[k + 1])) continue; // a longer name we cannot place
    if (run.some((x) => {
      const w = lower(x);
      return GENERIC_WORDS.has(w) || CALENDAR.has(w) || ORG_WORDS.has(w) || TITLES.has(w) || GIVEN_NAMES.has(w) || FUNCTION_WORDS.has(w)
        || NONLITERAL_HEADS.has(w) || FEATURE_WORDS.has(w) || /^\p{N}/u.test(x.text) || x.text.length < 3;
    })) continue;
    if (run.some((x) => g.demonym(x.text).length || looksLikeDemonym(x.text))) continue; // "in English", "in Syrian"
    if (last.possessive || text[last.end] === '-') continue; // "in Trump's", "in Kremlin-backed"
    const next = tokens[k + 1];
    if (next && last.joinNext && NONLITERAL_HEADS.has(lower(next))) continue;
    const surface = text.slice(t.start, last.end);
    added.push(newMention(t.start, last.end, i, k, surface, [], 'feature', surface));
    after = k;
  }
  if (!added.length) return;
  mentions.push(...added);
  mentions.sort((a, b) => a.start - b.start);
}

/**
 * The countries the text's demonyms name ("Ukrainian", "British"): counted (where the word looks like
 * one), as cues at their places, and as names supporting each country.
 */
function demonymCues(tokens: Token[], names: number[], g: Lookups, countries: Map<string, number>, cues: { at: number; country: string }[], support: Map<string, Set<string>>): void {
  for (const k of names) {
    const t = tokens[k];
    if (!t.allCaps && t.text.length >= 4) {
      for (const e of g.demonym(t.text)) {
        if (e.kind !== 'country') continue;
        if (looksLikeDemonym(t.text)) countries.set(e.country, (countries.get(e.country) ?? 0) + 1);
        cues.push({ at: t.start, country: e.country });
        addName(support, e.country, canon(t.text));
      }
    }
  }
}

/** A region of a listed name that is what the bare name means ("California or Washington"). */
function listedRegion(x: Mention): GazetteerEntry | undefined {
  return x.candidates.find((e) => e.kind === 'region' && canon(e.name) === canon(x.surface) && !x.candidates.some((o) => o.kind === 'city' && o.population >= 0.08 * e.population && canon(o.name).replace(/ city$/, '') === canon(x.surface)));
}

/** The set has a name other than `own`. */
function hasOther(names: Set<string> | undefined, own: string): boolean {
  if (names) for (const n of names) if (n !== own) return true;
  return false;
}

function addName(map: Map<string, Set<string>>, key: string, name: string): void {
  let set = map.get(key);
  if (!set) { set = new Set(); map.set(key, set); }
  set.add(name);
}

/** Every likely reading among the candidates (a twentieth of the top one's people or more) speaks for the region `key` (a loop, not filter and every: no arrays). */
function likelyIn(candidates: GazetteerEntry[], top: GazetteerEntry, key: string): boolean {
  for (const e of candidates) if (e.population * 20 >= top.population && keyOf(e) !== key) return false;
  return true;
}

/** The region an entry speaks for: its own name for a region, else the region it lies in. */
function keyOf(e: GazetteerEntry): string | undefined {
  return e.kind === 'region' ? `${e.country}/${e.name}` : e.region ? `${e.country}/${e.region}` : undefined;
}

/** The closest town or region mention within 300 characters of mention idx, in the same paragraph. */
function nearestLocal(mentions: Mention[], idx: number, text: string, ctx: Context, fits?: (e: GazetteerEntry) => boolean): GazetteerEntry | undefined {
  const m = mentions[idx];
  let best: GazetteerEntry | undefined;
  let bestD = 301;
  for (let k = Math.max(0, idx - 6); k < Math.min(mentions.length, idx + 7); k++) {
    const o = mentions[k];
    if (k === idx || !o.candidates.length || o.kind === 'feature') continue;
    const d = o.start > m.start ? o.start - m.end : m.start - o.end;
    if (d >= bestD) continue;
    const between = o.start > m.start ? text.slice(m.end, o.start) : text.slice(o.end, m.start);
    if (between.includes('\n')) continue;
    const e = choose(o, ctx).entry;
    if (e.kind !== 'city' && e.kind !== 'region') continue;
    if (e.kind === 'city' && e.population < SMALL_TOWN && !o.within && !isLocal(e, ctx, o.surface)) continue;
    if (fits && !fits(e)) continue;
    best = e;
    bestD = d;
  }
  return best;
}

/** The country of the last country cue (demonym or resolved place) within 250 characters before `at`. */
function lastCue(cues: { at: number; country: string }[], resolved: { at: number; country: string }[], at: number): string | undefined {
  let best: { at: number; country: string } | undefined;
  for (const list of [cues, resolved]) {
    for (const c of list) if (c.at < at && c.at > at - 250 && (!best || c.at > best.at)) best = c;
  }
  return best?.country;
}

function mostMentionedTown(mentions: Mention[], ctx: Context): GazetteerEntry | undefined {
  const counts = new Map<GazetteerEntry, number>();
  for (const m of mentions) {
    if (!m.candidates.length || m.kind) continue;
    const e = choose(m, ctx).entry;
    if (e.kind === 'city') counts.set(e, (counts.get(e) ?? 0) + 1);
  }
  let best: GazetteerEntry | undefined;
  let n = 1;
  for (const [e, c] of counts) if (c > n) { best = e; n = c; }
  return best;
}
