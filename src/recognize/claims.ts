// Claim recogniser: attributed statements (direct quotes and reported speech) with their source
// and cue as spans, speakers resolved to one canonical name per document. Pure: text in, annotations out.
import type { Annotation, Span } from '../types';
import { annotationId } from '../types';
import { AUX, CUE_FORMS, DETERMINERS, HEARER_VERBS, MONTHS, NP_STOP, PRONOUNS, SPEAKER_NOUNS, TIME_WORDS, WEEKDAYS, particleRule } from './claims/lexicon';
import { paragraphs, quotes, sentences, tokenize, wordShape, type Quote, type Range, type Token } from './claims/segment';
import { spaceAt, type SharedWord } from './scan';
import { readSource, SpeakerBook } from './claims/speakers';
import { CLAUSE_ADJ, ORG_WORDS, STANCE_ADJ, STANCE_ADJ_PREPS, STANCE_ONLY } from './claims/lexicon';

export { sameSpeaker } from './claims/speakers';

interface Found {
  content: Range;
  source: Range;
  cue: Range;
  name?: string;
  /** The phrase naming the speaker when the source span is a relative pronoun ("an architect" for "who"). */
  speaker?: Range;
}

const TRAIL_ADV = new Set(['then', 'again', 'too', 'afterward', 'afterwards', 'repeatedly', 'later', 'earlier', 'recently', 'instead', 'once', 'since', 'privately', 'publicly']);
const POST_PREP = new Set(['on', 'in', 'at', 'of', 'for', 'from', 'with', 'during', 'who', 'after', 'before', 'to']);
/** Nouns ending in -ly, not adverbs ("attorneys for the family"). */
const LY_NOUNS = new Set(['family', 'ally', 'assembly', 'rally', 'supply', 'daily', 'weekly', 'monthly', 'quarterly', 'bully', 'monopoly', 'anomaly']);
const PAGE_LABELS = new Set(['warning', 'update', 'updated', 'note', 'correction', 'clarification', 'photo', 'photos', 'video', 'watch', 'read', 'related', 'breaking', 'exclusive', 'opinion', 'analysis', 'live', 'advertisement', 'caption', 'credit', 'source', 'sources', 'editor', 'contact', 'email', 'tags', 'topics', 'subscribe', 'listen', 'see', 'also', 'more', 'background', 'summary', 'abstract', 'disclaimer', 'disclosure', 'pictured', 'above', 'below', 'top', 'bottom', 'image', 'images', 'graphic', 'map', 'chart', 'table', 'figure', 'fig', 'example', 'question', 'answer', 'q', 'a']);
const REL_TO = new Set(['close', 'closest', 'advisers', 'adviser', 'advisors', 'advisor', 'aides', 'aide', 'spokesman', 'spokeswoman', 'spokesperson', 'envoy', 'ambassador', 'counselor', 'assistant', 'assistants', 'successor', 'loyal', 'sympathetic', 'friendly', 'near', 'allies', 'ally', 'heir', 'lawyer', 'lawyers', 'attorney', 'attorneys', 'consultant', 'consultants']);
const OBJ_PRONOUN = new Set(['him', 'her', 'them', 'us', 'me']);
const LEAD_PREP = new Set(['in', 'at', 'during', 'after', 'before', 'on', 'with', 'from', 'speaking', 'under', 'amid']);
/** Verbs whose "to" opens an infinitive ("the company agreed to clean up"), not a destination ("posted to"). */
const INF_VERBS = new Set(['agree', 'refuse', 'decline', 'vow', 'pledge', 'promise', 'threaten', 'plan', 'want', 'hope', 'expect', 'intend', 'seem', 'offer', 'decide', 'continue', 'vote', 'urge', 'ask', 'demand', 'propose', 'fail', 'try', 'seek', 'wish', 'prefer']);
const STRONG_TIME = new Set([...WEEKDAYS, ...MONTHS, 'today', 'yesterday', 'tonight', 'morning', 'evening', 'afternoon', 'week', 'weekend', 'month', 'year', 'night', 'overnight', 'earlier', 'later', 'recently']);
const BE = new Set(['was', 'were', 'is', 'are', 'been', 'be', 'being', ...['isn', 'wasn', 'aren', 'weren'].flatMap((w) => [`${w}’t`, `${w}'t`])]);
const PARTICIPLES = /(ed|said|told|shown|written|found|known|thought|held|spoken|sworn|foreseen)$/;
const HEARERS = new Set(['reporters', 'journalists', 'lawmakers', 'supporters', 'members', 'viewers', 'listeners', 'residents', 'officials', 'parliament', 'congress', 'him', 'her', 'them', 'us', 'me', 'you', 'the', 'a', 'an', 'his', 'their', 'its', 'our', 'my', 'crowd', 'audience', 'voters']);
/** Forms that are often nouns ("member states", "his tweets"): they count as cues only after a subject. */
const AMBIGUOUS_NOUNS = new Set(['states', 'state', 'claims', 'claim', 'post', 'posts', 'email', 'emails', 'comments', 'comment', 'tweet', 'tweets', 'show', 'shows', 'report', 'reports', 'note', 'notes', 'request', 'requests', 'remarks', 'remark', 'calls', 'plan', 'plans', 'fears', 'fear', 'hopes', 'hope', 'worries', 'worry', 'charges', 'answer', 'answers', 'support', 'order', 'orders', 'rules', 'estimates', 'estimate', 'reasons', 'doubts', 'doubt', 'questions', 'question', 'promise', 'promises', 'pledge', 'pledges', 'demands', 'demand', 'counter', 'text', 'texts', 'release', 'releases', 'praise', 'attacks', 'attack', 'warning', 'findings', 'finding', 'label', 'labels', 'protest', 'protests', 'signal', 'signals', 'hint', 'hints', 'project', 'projects', 'figures', 'figure', 'objects', 'object', 'concerns', 'vows', 'vow', 'threats', 'comments', 'quotes', 'reply', 'replies', 'response', 'responses', 'thinking', 'finding', 'saying', 'sayings', 'ruling', 'writing', 'advocates', 'advocate', 'points', 'debates', 'votes', 'rallies', 'campaigns', 'contest', 'contests', 'stress', 'cautions', 'caution', 'pleas', 'requests', 'announcements', 'cites', 'rule']);

/** Is the word at i used as a verb? Its subject is a name, a pronoun or a noun phrase without a possessive. */
function verbContext(toks: readonly Token[], i: number): boolean {
  // a verb takes a complement: "the plan is", "his plans." are nouns
  const n = toks[i + 1];
  if (!n || (!n.word && n.text !== ':' && !OPEN_Q.test(n.text)) || (n.word && (AUX.has(n.lower) || NP_STOP.has(n.lower)) && !/^(that|to|by|about|with|against)$/.test(n.lower))) return false;
  let j = i - 1;
  // "Clarke hopes to", "Video shows that": a complement clause makes it a verb unless a possessive precedes
  const complement = THAT_TO.has(n.lower) && !/^(his|her|its|their|our|my|your|the|a|an)$/.test(toks[i - 1]?.lower ?? '') && !/[’']s$/.test(toks[i - 1]?.text ?? '');
  let aux = false;
  while (j >= 0 && isAux(toks[j])) {
    j--;
    aux = true;
  }
  // "Some Democrats, however, question ...": past a parenthetical to the subject
  const paren = parentheticalBack(toks, j);
  if (paren !== j) {
    j = paren;
    while (j >= 0 && isAux(toks[j])) j--;
  }
  const p = toks[j];
  // "The mayor, a former teacher, plans to ...": an apposition closed by a comma, its head before the opening comma
  if (p && p.text === ',' && p.quote < 0 && (complement || n.text === ':')) {
    let k = j - 1;
    while (k > 0 && j - k <= 12 && toks[k].text !== ',' && toks[k].quote < 0 && (toks[k].word || isChar(toks[k].text, '-’\'.()'))) k--;
    const h = toks[k - 1];
    if (k < j - 1 && toks[k].text === ',' && toks[k].quote < 0 && h?.word && h.quote < 0 && (isCap(h) || speakerHead(h) || toks.slice(k + 1, j).every((t) => !t.word || isCap(t))) && !PRONOUNS.has(h.lower)) return toks[i].lower.endsWith('s') !== (h.lower.endsWith('s') && !/ss$/.test(h.lower));
  }
  if (!p || !p.word) return false;
  if (aux) return true;
  if (/[’']s$/.test(p.text)) return false;
  // "1 percent support the Green Party's candidate": a share of those polled as subject
  if (p.lower === 'percent' && j > 0 && digitFirst(toks[j - 1].text) && !toks[i].lower.endsWith('s')) return true;
  // "Some note that ...", "others fear ...": a quantifier standing alone as a plural subject, opening its clause
  if (QUANTIFIER_SUBJECTS.has(p.lower) && !toks[i].lower.endsWith('s') && (j === 0 || !toks[j - 1].word || /^(and|but)$/.test(toks[j - 1].lower)) && (n.lower === 'that' || n.text === ':' || OPEN_Q.test(n.text))) return true;
  // "made plans to", "dialing back plans to": an -s form right after a verb is its object
  if (toks[i].lower.endsWith('s') && !isCap(p) && (/(ed|ing)$/.test(p.lower) || /^(made|make|makes|has|have|had|gave|give|gives|set|sets|laid|lay|lays|took|take|takes|drew|draw|draws)$/.test(p.lower) || (j > 0 && /(ed|ing)$/.test(toks[j - 1].lower) && /^(back|up|out|off|down)$/.test(p.lower))) && !SPEAKER_NOUNS.has(p.lower)) return false;
  const baseAfterSingular = !/(s|ing)$/.test(toks[i].lower) && !PRONOUNS.has(p.lower) && !p.lower.endsWith('s');
  if (complement && !baseAfterSingular && !DETERMINERS.has(p.lower) && !/^(of|for|in|on|at|to|by|with|and|or)$/.test(p.lower)) return true;
  if (PRONOUNS.has(p.lower) && !['his', 'her', 'its', 'their'].includes(p.lower)) return true;
  if (DETERMINERS.has(p.lower) || /^(of|for|in|on|at|to|by|with|and|or)$/.test(p.lower)) return false;
  // "Trump questions the fairness ...", "Axelrod calls on ...": a headline's name and an agreeing verb
  if (isCap(p) && j === 0 && !PRONOUNS.has(p.lower)) return toks[i].lower.endsWith('s') && !p.lower.endsWith('s') && n.word && !AUX.has(n.lower) && !/^(and|or|of|in)$/.test(n.lower);
  // "Clinton email matter", "Times request": a singular name does not take a base-form verb
  // ("China and Russia support": a coordinated subject is plural)
  if (isCap(p)) return toks[i].lower.endsWith('s') ? !p.lower.endsWith('s') || SPEAKER_NOUNS.has(p.lower) : (p.lower.endsWith('s') && !/ss$/.test(p.lower)) || (j > 1 && toks[j - 1].lower === 'and' && isCap(toks[j - 2]));
  if (NP_STOP.has(p.lower) || /(ly|ing)$/.test(p.lower)) return false;
  // "two new shows", "several big plans": a quantity and an adjective before a plural noun
  const q = toks[j - 1];
  if (q && toks[i].lower.endsWith('s') && (digitFirst(q.text) || /^(two|three|four|five|six|seven|eight|nine|ten|several|many|few|some|these|those|more|other)$/.test(q.lower)) && !SPEAKER_NOUNS.has(p.lower) && !EVIDENCE.has(p.lower)) return false;
  // "the former chairman calls for ...": a singular noun of speakers agrees with the -s form
  if (toks[i].lower.endsWith('s') && SPEAKER_NOUNS.has(p.lower) && !p.lower.endsWith('s') && n.word) return true;
  // "derogatory comments Trump made", "rights advocates have": an -s form after a common word needs an object or clause
  if (toks[i].lower.endsWith('s') && !(n.lower === 'that' || n.text === ':' || OPEN_Q.test(n.text) || DETERMINERS.has(n.lower) || /^(him|her|them|us|me|it|to)$/.test(n.lower))) return false;
  // subject-verb agreement: "the video shows", "videos show", not "member states"
  return toks[i].lower.endsWith('s') !== (p.lower.endsWith('s') && !/ss$/.test(p.lower));
}

/** "..., The Wall Street Journal reports.": a named source and a present-tense cue closing the sentence after a comma. */
function closingReport(toks: readonly Token[], i: number): boolean {
  const n = toks[i + 1];
  if (!toks[i].lower.endsWith('s') || (n && !isChar(n.text, '.!?'))) return false;
  const first = npBack(toks, i - 1, 0);
  if (first < 1 || first > i - 1 || toks[first - 1].text !== ',') return false;
  return toks.slice(first, i).some((t) => isCap(t) && !DETERMINERS.has(t.lower)) || SPEAKER_NOUNS.has(toks[i - 1].lower);
}

/** Heads of noun phrases that show or find things: "video of the incident shows", "an analysis of filings shows". */
const EVIDENCE = new Set(['video', 'videos', 'footage', 'poll', 'polls', 'polling', 'analysis', 'data', 'survey', 'surveys', 'study', 'studies', 'report', 'reports', 'records', 'documents', 'document', 'average', 'figures', 'numbers', 'tape', 'tapes', 'recording', 'photos', 'photo', 'images', 'transcript', 'letter', 'memo', 'emails', 'research', 'results', 'review', 'audit', 'filing', 'filings', 'statistics', 'estimates', 'census', 'map', 'chart', 'evidence', 'investigation', 'probe', 'testing', 'tests']);

/** Does a noun phrase of evidence stand before the verb at i ("a review of the records shows")? */
function evidenceSubject(toks: readonly Token[], i: number, lemma: string): boolean {
  if (!EVIDENCE_VERBS.has(lemma) || toks[i].lower.endsWith('ing')) return false;
  const n = toks[i + 1];
  if (!n || (!n.word && n.text !== ':' && n.text !== '.' && n.text !== ',')) return false;
  for (let k = i - 1, words = 0; k >= 0 && words < 12; k--) {
    const t = toks[k];
    if (!t.word) {
      if (t.text === '-' || t.text === '’' || t.text === "'") continue;
      return false;
    }
    if (/^(that|which|who|and|but|or|to|is|are|was|were|has|have)$/.test(t.lower)) return false;
    words++;
    if (EVIDENCE.has(t.lower) && !/^(his|her|their|its|the|a|an)$/.test(toks[k + 1]?.lower ?? 'x')) return true;
  }
  return false;
}

/** An auxiliary, or an adverb in -ly between subject and verb ("generally praised", "boldly suggested"). */
function isAux(t: Token): boolean {
  if (!t.word) return false;
  if (AUX.has(t.lower)) return true;
  return t.lower.length > 4 && t.lower.endsWith('ly') && !isCap(t) && !LY_NOUNS.has(t.lower) && !CUE_FORMS.has(t.lower) && t.quote < 0;
}
/** Verbs of aspect and seeming that pass their subject on to an infinitive ("appeared to suggest", "went on to say"). */
const CATENATIVE = /^(appears?|appeared|appearing|begins?|began|begun|starts?|started|tries|tried|try|trying|needs?|needed|used|going|has|have|had|ought|got)$/;
/** Back past auxiliaries and catenative verbs with their "to" from j (the token before a verb). */
function skipAuxBack(toks: readonly Token[], j: number): number {
  for (;;) {
    while (j >= 0 && isAux(toks[j])) j--;
    if (j >= 1 && toks[j].lower === 'to' && CATENATIVE.test(toks[j - 1].lower)) j -= 2;
    else if (j >= 2 && toks[j].lower === 'to' && toks[j - 1].lower === 'on' && /^(went|goes|go|gone|going)$/.test(toks[j - 2].lower)) j -= 3;
    else {
      const k = parentheticalBack(toks, j);
      if (k === j) return j;
      j = k;
    }
  }
}

/** Sentence adverbs that stand between commas inside a clause ("Critics, however, argue ..."). */
const PAREN_ADV = /^(however|meanwhile|though|too|also|moreover|nonetheless|nevertheless|therefore|instead|indeed|likewise|similarly|separately|again|still|then|now|thus|furthermore|besides|once|privately|publicly|notably|initially|later|earlier|ultimately|understandably|predictably|typically|generally|unsurprisingly)$/;
/** Two-word parentheticals ("for instance", "in particular", "of course"). */
const PAREN_PAIR = /^(for (instance|example)|in (particular|fact|turn|contrast|response|part|short|addition|general|public|private)|of course|by contrast|after all|at least|at times|if anything|in turn)$/;
/**
 * "Some Democrats, however, question ...", "Clinton, like Obama, has encouraged ...": a parenthetical between
 * commas right before the verb (token j is its closing comma); returns the index before its opening comma, or j.
 */
function parentheticalBack(toks: readonly Token[], j: number): number {
  const close = toks[j];
  if (!close || close.text !== ',' || close.quote >= 0 || j < 3) return j;
  let k = j - 1;
  while (k > 0 && j - k <= 5 && toks[k].word && toks[k].quote < 0) k--;
  const open = toks[k];
  if (!open || open.text !== ',' || open.quote >= 0 || k < 1 || !toks[k - 1].word || toks[k - 1].quote >= 0) return j;
  const words = toks.slice(k + 1, j);
  if (!words.length) return j;
  const phrase = words.map((t) => t.lower).join(' ');
  const ok = (words.length === 1 && PAREN_ADV.test(phrase)) || PAREN_PAIR.test(phrase) || (words[0].lower === 'like' && words.length <= 4 && words.slice(1).every((t) => isCap(t) && !PRONOUNS.has(t.lower)));
  return ok ? k - 1 : j;
}
/** Quantifiers before "of whom" ("many of whom", "two of whom"). */
const QUANT_OF = /^(many|most|some|all|several|both|few|none|one|two|three|four|five|half|each|any|majority|most)$/;
/** "He’s", "they’re", "I’m": a pronoun with its auxiliary in one token. */
const CONTRACTED = /^(he|she|it|they|we|i|you|who)[’'](s|re|m|ve|d|ll)$/;
/** CONTRACTED.exec(w), run only on words with an apostrophe (the others cannot match). */
const contraction = (w: string) => (w.includes('’') || w.includes("'") ? CONTRACTED.exec(w) : null);

// Word tests as sets (each the test of the anchored regex /^(a|b|...)$/ it replaced, by one look-up)
/** Forms of "see" (seeing as judging). */
const SEE_FORMS = new Set(['see', 'sees', 'saw', 'seen']);
const THOSE_THESE = new Set(['those', 'these']);
/** Lemmas of giving a name ("what he called a breach"). */
const NAME_GIVING = new Set(['call', 'dub', 'label', 'brand', 'nickname']);
const OF_THE = new Set(['of', 'the']);
/** Subject pronouns of persons and groups. */
const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i', 'you']);
/** Articles and possessives before a noun. */
const DET_POSS = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'our']);
const REL_COORD = new Set(['who', 'which', 'and', 'but', 'yet']);
/** Prepositions opening a circumstance ("in a statement"). */
const CIRCUM_PREPS = new Set(['in', 'at', 'during', 'on', 'via', 'through', 'to', 'from', 'of', 'about']);
const OF_FOR_IN_AT_ON = new Set(['of', 'for', 'in', 'at', 'on']);
const OF_FOR = new Set(['of', 'for']);
/** Prepositions whose object is no speaker ("photos on Telegram"). */
const OBJ_PREPS = new Set(['on', 'in', 'at', 'via', 'through', 'from', 'into', 'with', 'for', 'of']);
const OF_FROM_ON_BY = new Set(['of', 'from', 'on', 'by']);
const ARTICLES = new Set(['the', 'a', 'an']);
const TO_BY_ON_ONLINE = new Set(['to', 'by', 'on', 'online']);
const THE_DEMONSTRATIVES = new Set(['the', 'this', 'that', 'these', 'those']);
const THAT_TO = new Set(['that', 'to']);
const QUANTIFIER_SUBJECTS = new Set(['some', 'many', 'most', 'others', 'few', 'several', 'both', 'all']);
/** Lemmas of what evidence does ("a review shows"). */
const EVIDENCE_VERBS = new Set(['show', 'find', 'suggest', 'indicate', 'reveal', 'confirm', 'conclude']);
const LETS = new Set(['let’s', "let's"]);
/** Units of a counted time phrase ("two days later"). */
const TIME_UNITS = new Set(['month', 'months', 'day', 'days', 'week', 'weeks', 'year', 'years', 'hour', 'hours', 'minute', 'minutes', 'moment', 'moments', 'decade', 'decades']);

/** One quotation mark that may open (or close) a quotation: a one-character test without a regex run. */
const OPEN_Q = { test: (s: string) => s.length === 1 && '"“‘\'«„'.includes(s) };
const CLOSE_Q = { test: (s: string) => s.length === 1 && '"”’\'»'.includes(s) };
/** Is the string one of the characters in `chars` (the test of /^[chars]$/, without a regex run)? */
const isChar = (s: string, chars: string) => s.length === 1 && chars.includes(s);
/** Does the string begin with an ASCII digit (/^\d/)? */
const digitFirst = (s: string) => {
  const c = s.charCodeAt(0);
  return c >= 48 && c <= 57;
};

/**
 * The claims of the text. `words`: the places recogniser's words of this same text (WordPass.tokens), when
 * analyze has them: tokens over the same spans take their strings (see SharedWord).
 */
export function recognizeClaims(text: string, words?: readonly SharedWord[]): Annotation[] {
  const lent = words && words.length ? { words, at: 0 } : undefined;
  // the token objects of the sentence before, made over for the next one (see tokenize)
  const pool: Token[] = [];
  const book = new SpeakerBook();
  const out: Annotation[] = [];
  // the last claim whose content holds a quotation: following quote-only sentences continue it
  let quoted: Found | undefined;
  // "X added:" closing a paragraph: the next paragraph is what X said
  let lead: Omit<Found, 'content'> | undefined;
  for (const para of paragraphs(text)) {
    const qs = quotes(text, para);
    const inPara: Found[] = [];
    const startsQuoted = qs.length > 0 && qs[0].start === para.start;
    if (!startsQuoted) quoted = undefined;
    if (lead) {
      const f: Found = { ...lead, content: { start: para.start, end: para.end } };
      inPara.push(f);
      if (startsQuoted) quoted = f;
      lead = undefined;
    }
    const ss = sentences(text, para, qs);
    for (let si = 0; si < ss.length; si++) {
      const s = ss[si];
      const toks = tokenize(text, s, qs, lent, pool);
      const fs = findInSentence(text, s, toks, qs);
      if (si === ss.length - 1 && !fs.length) {
        lead = colonLead(toks);
        if (lead) lead.name = book.resolve(readSource(text.slice(lead.source.start, lead.source.end)), lead.source.start);
      }
      for (const f of fs) {
        if (inPara.some((g) => g.content.start === f.content.start && g.content.end === f.content.end)) continue;
        const who = f.speaker ?? f.source;
        f.name = book.resolve(readSource(text.slice(who.start, who.end)), who.start);
        inPara.push(f);
        quoted = qs.some((q) => q.start < f.content.end && q.end > f.content.start) ? f : undefined;
      }
      if (!fs.length && quoted && toks.length && OPEN_Q.test(toks[0].text) && toks[0].quote >= 0) {
        // a quote-only sentence continuing the last quoted speaker, in this paragraph or the next
        const q = qs[toks[0].quote];
        inPara.push({ ...quoted, content: { start: q.start, end: Math.min(q.end, s.end) } });
      }
    }
    splitCoordinated(text, inPara);
    const kept = inPara.filter((f) => !nestedStance(text, f, inPara) && !nestedIrrealis(text, f, inPara));
    unifySources(kept);
    for (const f of kept) out.push(toAnnotation(text, f));
  }
  out.sort((a, b) => a.start - b.start || a.end - b.end);
  const seen = new Set<string>();
  return out.filter((a) => (seen.has(a.id) ? false : (seen.add(a.id), true)));
}

const VP_COORDINATION = /,?\s+(?:and|but|yet)\s+(?:[a-z]+ly\s+|also\s+|then\s+|later\s+)?$/;
const COORDINATION = /(?:,\s*(?:and|but|while|whereas|yet)|;)\s+$/;
/**
 * "Democrats want X, and Republicans want Y": a claim whose source opens a coordinated clause inside
 * another claim's content ends that content; it is a claim of its own, not a nested one.
 */
function splitCoordinated(text: string, fs: Found[]): void {
  if (fs.length < 2) return;
  for (const g of fs) {
    for (const f of fs) {
      // "X supported A ..., and said B": a coordinated verb of the same subject ends the first content
      if (f !== g && f.source.start < g.source.end && g.source.start < f.source.end && g.cue.start > f.content.start && g.cue.end <= f.content.end && g.content.start >= g.cue.end) {
        const m = VP_COORDINATION.exec(text.slice(f.content.start, g.cue.start));
        if (m && m.index >= 3 && !/["“”]/.test(text.slice(f.content.start, g.cue.start))) {
          f.content = { start: f.content.start, end: f.content.start + m.index };
          continue;
        }
      }
      // the offsets first: they rule out most pairs without a copy of the text
      if (f === g || g.source.start <= f.cue.end || g.source.start <= f.content.start || g.cue.end > f.content.end || g.content.start < g.cue.end || (PRONOUN_SOURCE.test(text.slice(g.source.start, g.source.end)) && !SPEECH.has(CUE_FORMS.get(firstWord(text, g.cue)) ?? ''))) continue;
      const before = text.slice(f.content.start, g.source.start);
      const m = COORDINATION.exec(before);
      if (!m || m.index < 3) continue;
      // the outer claim's content ends before the comma; a quotation is never cut
      const end = f.content.start + m.index;
      if (/["“”]/.test(text.slice(f.content.start, g.source.start))) continue;
      f.content = { start: f.content.start, end };
    }
  }
}

/** Speech verbs: a nested report with one of these is a claim of its own ("he said she told him ..."). */
const SPEECH = new Set(['say', 'tell', 'add', 'state', 'note', 'write', 'claim', 'insist', 'warn', 'announce', 'declare', 'explain', 'ask', 'reply', 'respond', 'argue', 'deny', 'confirm', 'admit', 'acknowledge', 'tweet', 'post', 'report', 'testify', 'allege', 'assert', 'urge', 'call', 'demand', 'accuse', 'praise', 'criticize', 'criticise', 'condemn', 'blast', 'attack', 'promise', 'pledge', 'vow', 'threaten', 'propose', 'recommend']);
/** Verbs after which "so" stands for a whole clause ("I think so", "he said so"). */
const PRO_FORM_SO = new Set(['say', 'think', 'believe', 'hope', 'suppose', 'expect', 'tell', 'suggest', 'fear', 'guess', 'doubt', 'imagine', 'assume', 'indicate', 'state', 'write', 'announce', 'confirm']);
const INNER = new Set(['think', 'believe', 'feel', 'know', 'want', 'plan', 'hope', 'expect', 'fear', 'intend', 'seem', 'worry', 'wish']);
const PRONOUN_SOURCE = /^(he|she|they|it|i|we|you)$/i;

/**
 * "Stein said she plans to join ...": a stance verb whose subject is a pronoun inside another claim's
 * content belongs to that content (the speaker's own plan, hope or view), not a claim of its own.
 */
function nestedStance(text: string, f: Found, all: readonly Found[]): boolean {
  // the cheap test first: most claims lie inside no other claim's content
  if (!insideOther(f, all)) return false;
  const cue = firstWord(text, f.cue);
  const lemma = CUE_FORMS.get(cue);
  if (!PRONOUN_SOURCE.test(text.slice(f.source.start, f.source.end)) && !(lemma && INNER.has(lemma))) return false;
  return !(lemma && SPEECH.has(lemma));
}

/** Does f's cue lie inside the content of another claim (with another cue, and passing `also` when given)? */
function insideOther(f: Found, all: readonly Found[], also?: (g: Found) => boolean): boolean {
  for (const g of all) if (g !== f && g.cue.start !== f.cue.start && g.content.start <= f.cue.start && f.cue.end <= g.content.end && (!also || also(g))) return true;
  return false;
}

/** A modal, a negated "do" or "never" right before a verb (past adverbs and "have"/"be"): "will address", "did not show". */
/**
 * A quick search for what IRREALIS_BEFORE needs somewhere: one of its modal or negated words, letters in either
 * case (and the long s, which that regex's case folding matches as "s"). No match: that regex cannot match.
 */
const IRREALIS_WORD = /will|would|could|may|might|mu[sſ]t|[sſ]hould|can|[sſ]hall|n[’']t|not|never|[’']ll/i;
const IRREALIS_BEFORE = /(?:^|[^\p{L}])(?:will|would|could|may|might|must|should|can|shall|cannot|[\p{L}]+n[’']t|not|never|[’']ll)(?:\s+(?:not|never|also|still|then|even|just|yet|ever|really|directly|immediately|formally|publicly|[\p{L}]+ly|have|be|been))*\s+$/iu;
/**
 * "Palmieri said Clinton will address the remarks", "Bamberg said the videos do not show whether ...": inside another
 * claim's content, a verb under a modal or a negation is part of what was reported (a plan, a prediction, a denial),
 * not an attribution of its own.
 */
function nestedIrrealis(text: string, f: Found, all: readonly Found[]): boolean {
  // the cheap test first (the regex below is the costly one): f lies inside another claim's content
  if (!insideOther(f, all)) return false;
  const before = text.slice(Math.max(0, f.cue.start - 40), f.cue.start);
  if (!IRREALIS_WORD.test(before) || !IRREALIS_BEFORE.test(before)) return false;
  // a poll's frame is no report of its own: "In the survey, 41 percent would back X" is what those polled hold
  return insideOther(f, all, (g) => text.slice(g.cue.start, g.cue.end).toLowerCase() !== 'in');
}

/** text.slice(r.start, r.end).toLowerCase().split(/\s/)[0], without the regex split. */
function firstWord(text: string, r: Range): string {
  const low = text.slice(r.start, r.end).toLowerCase();
  let k = 0;
  while (k < low.length && !spaceAt(low, k)) k++;
  return k === low.length ? low : low.slice(0, k);
}

function span(text: string, r: Range): Span {
  return { start: r.start, end: r.end, text: text.slice(r.start, r.end) };
}

const MEETING = /^(gathered|gather|gathers|met|meet|meets|convened|convene|convenes|assembled|huddled|sat|came|traveled|travelled|flew|returned|rallied)$/;
/** "leaders gathered Friday to discuss X": the subject of the verb of meeting takes up X. */
function purpose(text: string, s: Range, toks: readonly Token[], i: number): Found | undefined {
  let v = skipTimeBack(toks, i - 2);
  if (v < 1 || !MEETING.test(toks[v].lower)) return undefined;
  const j = skipAuxBack(toks, v - 1);
  if (j < 0 || !toks[j].word || toks[j].quote >= 0) return undefined;
  const first = npBack(toks, j, 0);
  if (first > j || (first > 0 && /^(on|in|at|via|through|from|into|with|for|of|by)$/.test(toks[first - 1].lower)) || !plausibleSource(toks, first, j)) return undefined;
  const head = toks[j];
  if (!(isCap(head) || PRONOUNS.has(head.lower) || SPEAKER_NOUNS.has(head.lower))) return undefined;
  const content = tail(text, toks, i + 1, s);
  if (!content) return undefined;
  v = i - 1;
  return { source: { start: toks[first].start, end: toks[j].end }, cue: { start: toks[v].start, end: toks[i].end }, content };
}
/** One mention, one source span: claims whose source spans overlap share the span found with the earlier cue (the main clause's subject). */
function unifySources(fs: Found[]): void {
  for (let a = 0; a < fs.length; a++) {
    for (let b = a + 1; b < fs.length; b++) {
      const x = fs[a].source;
      const y = fs[b].source;
      if (x === y || !(x.start < y.end && y.start < x.end) || (x.start === y.start && x.end === y.end)) continue;
      const keep = fs[a].cue.start <= fs[b].cue.start ? x : y;
      fs[a].source = keep;
      fs[b].source = keep;
    }
  }
}
function toAnnotation(text: string, f: Found): Annotation {
  const { start, end } = f.content;
  const source: Span & { name?: string } = span(text, f.source);
  if (f.name) source.name = f.name;
  return { start, end, text: text.slice(start, end), id: annotationId('claim', start), category: 'claim', claim: { source, cue: span(text, f.cue) } };
}

const isCap = (t: Token) => t.cap;

/** Content range from token index `from` to the sentence end, without the final full stop. */
function tail(text: string, toks: readonly Token[], from: number, s: Range, minWords = 2): Range | undefined {
  if (from >= toks.length || OF_FOR.has(toks[from].lower)) return undefined;
  let end = s.end;
  while (end > toks[from].start && (text.charCodeAt(end - 1) === 46 || spaceAt(text, end - 1)) && !(text[end - 2] === '.' && text[end - 1] === '.')) end--;
  if (end > toks[from].start && isChar(text[end - 1], '.!?') && end === s.end) end--;
  let words = 0;
  for (let k = from; k < toks.length && words < minWords; k++) if (toks[k].word && toks[k].end <= end) words++;
  if (words < minWords) return undefined;
  return { start: toks[from].start, end };
}

/** Skips a time phrase ("on Saturday", "Saturday evening", "last week") starting at i; returns the next index. */
function skipTime(toks: readonly Token[], i: number): number {
  let j = i;
  let strong = false;
  while (j < toks.length && toks[j].word && (TIME_WORDS.has(toks[j].lower) || digitFirst(toks[j].text)) && toks[j].lower !== 'that') {
    if (STRONG_TIME.has(toks[j].lower)) strong = true;
    j++;
    if (toks[j]?.text === '.' && j - 1 >= i && /^(jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)$/.test(toks[j - 1].lower)) j++;
  }
  return strong ? j : i;
}

/** Skips time phrases backwards ending at index i; returns the index of the token before them. */
function skipTimeBack(toks: readonly Token[], i: number): number {
  let j = i;
  let strong = false;
  while (j >= 0 && toks[j].word && (TIME_WORDS.has(toks[j].lower) || digitFirst(toks[j].text)) && !['the', 'that', 'this', 'a'].includes(toks[j].lower)) {
    if (STRONG_TIME.has(toks[j].lower)) strong = true;
    j--;
  }
  if (!strong) return i;
  // "Wells Fargo this month announced": the determiner of the time phrase belongs to it, not to the source
  if (j >= 0 && j < i && /^(this|that|the)$/.test(toks[j].lower)) j--;
  return j;
}

/** Is the token range a plausible speaker phrase? */
function plausibleSource(toks: readonly Token[], a: number, b: number): boolean {
  if (a > b) return false;
  // the words of the phrase, without a copy: count, first, last and the one before it
  let n = 0;
  let firstW: Token | undefined;
  let last: Token | undefined;
  let beforeLast: Token | undefined;
  let capital = false;
  for (let k = a; k <= b; k++) {
    const t = toks[k];
    if (!t.word) continue;
    if (!firstW) firstW = t;
    if (isCap(t) && !(n === 0 && DETERMINERS.has(t.lower))) capital = true;
    beforeLast = last;
    last = t;
    n++;
  }
  if (!last || !firstW || n > 14) return false;
  if (n === 1 && PRONOUNS.has(firstW.lower) && !['his', 'her', 'its', 'their'].includes(firstW.lower)) return true;
  const relObj = OBJ_PRONOUN.has(last.lower) && n >= 3 && beforeLast!.lower === 'to';
  if ((NP_STOP.has(last.lower) && !relObj) || (last.lower.endsWith('ly') && !isCap(last) && !LY_NOUNS.has(last.lower))) return false;
  if (capital) return true;
  if (SPEAKER_NOUNS.has(last.lower)) return true;
  return n <= 6 && !/(ing|ed)$/.test(last.lower);
}

/** Scans a noun phrase backwards from index j (inclusive); returns its first index. */
function npBack(toks: readonly Token[], j: number, floor: number): number {
  // a subject pronoun is a phrase of its own ("told them this weekend he would ...")
  if (SUBJECT_PRONOUNS.has(toks[j]?.lower ?? '')) return j;
  let k = j;
  let words = 0;
  while (k >= floor) {
    const t = toks[k];
    if (t.quote >= 0) break;
    if (t.word) {
      // (the exceptions below are read only for a stop word)
      if (NP_STOP.has(t.lower) && !(isCap(t) && k > floor)) {
        // "Russians and Ukrainians": a conjunction between names stays inside
        const joins = t.lower === 'and' && k > floor && isCap(toks[k - 1]) && isCap(toks[k + 1] ?? t);
        // "those close to him", "advisers to Mr. Obama": a relational noun keeps its "to" complement
        const relTo = (t.lower === 'to' && k > floor && REL_TO.has(toks[k - 1].lower)) || (OBJ_PRONOUN.has(t.lower) && k === j && toks[k - 1]?.lower === 'to' && REL_TO.has(toks[k - 2]?.lower ?? ''));
        const those = (THOSE_THESE.has(t.lower) && REL_TO.has(toks[k + 1]?.lower ?? '')) || (t.lower === 'from' && k > floor && k < j && SPEAKER_NOUNS.has(toks[k - 1].lower) && (toks[k - 1].lower.endsWith('s') || isCap(toks[k + 1])));
        if (!joins && !relTo && !those) break;
      }
      // a verb ends the phrase ("the Service posted a message saying")
      // (verbs that count only with a particle or a named subject are often nouns here: "Clinton campaign spokesman")
      if (k < j && !isCap(t)) {
        const verb = CUE_FORMS.get(t.lower);
        if (((verb && !particleRule(verb)) || t.lower.endsWith('ed')) && (DETERMINERS.has(toks[k + 1]?.lower ?? '') || PRONOUNS.has(toks[k + 1]?.lower ?? '') || (k > floor && isCap(toks[k - 1])))) break;
      }
      if (AUX.has(t.lower) && t.lower !== 'first' && t.lower !== 'chief' && t.lower !== 'long') break;
      if (++words > 14) break;
    } else if (!isChar(t.text, '-().&’\'') && !(t.text === '.' && k > floor && /^\p{Lu}[\p{L}]{0,3}$/u.test(toks[k - 1].text))) break;
    k--;
  }
  let a = k + 1;
  // a noun phrase does not begin with a preposition, a bracket or a hyphen
  while (a <= j && (OF_FOR_IN_AT_ON.has(toks[a].lower) || !toks[a].word)) a++;
  return a;
}

/** Scans a noun phrase forwards from index i; returns its last index (or i-1 when none). */
function npForward(toks: readonly Token[], i: number): number {
  let k = i;
  let words = 0;
  let last = i - 1;
  while (k < toks.length) {
    const t = toks[k];
    if (t.quote >= 0) break;
    if (t.word) {
      if (NP_STOP.has(t.lower) && !isCap(t) && !(THOSE_THESE.has(t.lower) && toks[k - 1]?.lower === 'of')) break;
      if (words > 0 && ARTICLES.has(t.lower) && !/^(of|for|in|at)$/.test(toks[k - 1]?.lower ?? '')) break;
      if (++words > 14) break;
      last = k;
    } else if (!isChar(t.text, '-().&’\'')) {
      if (!(t.text === '.' && /^\p{Lu}[\p{L}]{0,3}$/u.test(toks[k - 1]?.text ?? '') && k + 1 < toks.length)) break;
    }
    k++;
  }
  return last;
}

/** What a trigger word is, as bits: the look-ups of findInSentence for the word at hand, done once per word. */
const NOUN_CUE = 1;
const FRAME_NOUN = 2;
const LV_NOUN = 4;
const AGENT_NOUN = 8;
const CLAUSE_ADJECTIVE = 16;
const STANCE_ADJECTIVE = 32;
const AMBIGUOUS_NOUN = 64;
const SEE_FORM = 128;
interface Trigger {
  /** The lists the word is in (the bits above). */
  bits: number;
  /** Its lemma when it is a form of a reporting verb (CUE_FORMS). */
  lemma: string | undefined;
}
let TRIGGERS: Map<string, Trigger> | undefined;
/** Every word that can open an attribution in findInSentence: cue forms, noun and adjective cues, and the words of fixed frames. */
function triggers(): Map<string, Trigger> {
  if (!TRIGGERS) {
    TRIGGERS = new Map();
    for (const w of [...CUE_FORMS.keys(), ...NOUN_CUES, ...FRAME_NOUNS, ...STANCE_ADJ, ...LV_NOUNS, ...AGENT_NOUNS, 'according', 'in', 'clear', 'know', 'see', 'sees', 'saw', 'seen']) {
      const bits = (NOUN_CUES.has(w) ? NOUN_CUE : 0) | (FRAME_NOUNS.has(w) ? FRAME_NOUN : 0) | (LV_NOUNS.has(w) ? LV_NOUN : 0) | (AGENT_NOUNS.has(w) ? AGENT_NOUN : 0) | (CLAUSE_ADJ.has(w) ? CLAUSE_ADJECTIVE : 0) | (STANCE_ADJ.has(w) ? STANCE_ADJECTIVE : 0) | (AMBIGUOUS_NOUNS.has(w) ? AMBIGUOUS_NOUN : 0) | (SEE_FORMS.has(w) ? SEE_FORM : 0);
      TRIGGERS.set(w, { bits, lemma: CUE_FORMS.get(w) });
      const k = wordShape(w);
      TRIGGER_SHAPES[k >>> 5] |= 1 << (k & 31);
    }
  }
  return TRIGGERS;
}
/** The shapes of the trigger words (see wordShape), as a bit set: most words are passed over without a look-up. */
const TRIGGER_SHAPES = new Int32Array(1 << 14);

function findInSentence(text: string, s: Range, toks: readonly Token[], qs: readonly Quote[]): Found[] {
  const found: Found[] = [];
  // transcript or headline form: "PENCE: ...", "Pence: ..."
  const colon = transcript(text, s, toks);
  if (colon) found.push(colon);
  if (qs.length) {
    const signed = dashSignature(text, toks, qs);
    if (signed) found.push(signed);
  }
  // title case is read only when a capitalised cue needs it
  let headline: boolean | undefined;
  // does the sentence hold a word of polls (read at its first "in")?
  let polled: boolean | undefined;
  const trig = triggers();
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    // one look-up decides whether a word can start any attribution below
    // (a shape no trigger has: no look-up, no hash of a fresh string)
    if (!t.word || t.quote >= 0 || (t.shape >= 0 && (TRIGGER_SHAPES[t.shape >>> 5] & (1 << (t.shape & 31))) === 0)) continue;
    const trigger = trig.get(t.lower);
    if (trigger === undefined) continue;
    const bits = trigger.bits;
    if (t.lower === 'according' && toks[i + 1]?.lower === 'to') {
      const f = according(text, s, toks, i);
      if (f) found.push(f);
      i++;
      continue;
    }
    if (t.lower === 'in') {
      // "in" opens only a poll frame (it is in none of the lists below and no cue form), and only with a
      // word of polls in the sentence (looked for once per sentence)
      polled ??= hasPollWord(text, toks);
      if (polled && toks[i + 1]?.word) {
        const f = inPoll(text, s, toks, i);
        if (f) found.push(f);
      }
      continue;
    }
    if (i > 0 && (((bits & NOUN_CUE) !== 0 && toks[i + 1]?.lower === 'that') || ((bits & FRAME_NOUN) !== 0 && FRAME_PREPS.has(toks[i + 1]?.lower ?? '')))) {
      const f = nounCue(text, s, toks, i);
      if (f) {
        found.push(f);
        continue;
      }
    }
    if (i > 1 && ((bits & LV_NOUN) !== 0 || (bits & AGENT_NOUN) !== 0) && (LV_PREPS.has(toks[i + 1]?.lower ?? '') || (toks[i + 1]?.lower === 'that' && (bits & LV_NOUN) !== 0))) {
      const f = lightVerbNoun(text, s, toks, i);
      if (f) {
        found.push(f);
        continue;
      }
    }
    const clauseAfter = (bits & CLAUSE_ADJECTIVE) !== 0 && !!toks[i + 1] && toks[i + 1].quote < 0 && (/^(he|she|they|we|i|you|it|there)$/.test(toks[i + 1].lower) || (DETERMINERS.has(toks[i + 1].lower) && !/^(all|both|most|some|many)$/.test(toks[i + 1].lower)) || (isCap(toks[i + 1]) && !PRONOUNS.has(toks[i + 1].lower)));
    if ((bits & STANCE_ADJECTIVE) !== 0 && i > 0 && (STANCE_ADJ_PREPS.has(toks[i + 1]?.lower ?? '') || clauseAfter)) {
      const f = stanceAdjective(text, s, toks, i);
      if (f) {
        found.push(f);
        continue;
      }
    }
    // "Trump made clear that ...", "she has made it clear": a verb of making and "clear"
    if (t.lower === 'clear' && i > 1) {
      const v = toks[i - 1].lower === 'it' ? i - 2 : i - 1;
      if (v >= 1 && /^(made|makes|make|making)$/.test(toks[v].lower)) {
        let j = v - 1;
        while (j >= 0 && isAux(toks[j])) j--;
        const first = j >= 0 && PRONOUNS.has(toks[j].lower) ? j : j >= 0 ? npBack(toks, j, 0) : -1;
        let c = i + 1;
        if (toks[c]?.lower === 'that') c++;
        const content = first >= 0 && first <= j && stanceSubject(toks, v) ? tail(text, toks, c, s) : undefined;
        if (content) {
          found.push({ source: { start: toks[first].start, end: toks[j].end }, cue: { start: toks[v].start, end: t.end }, content });
          continue;
        }
      }
    }
    // "I know your returns are audited", "we know that ...": the base form with a first-person or plural subject
    // "Critics see the program as a loophole", "she saw that the vote was lost": seeing as judging
    if ((bits & SEE_FORM) !== 0 && i > 0 && !isCap(t) && toks[i + 1]?.word && toks[i + 1].quote < 0) {
      let k = i + 1;
      if (toks[k].lower !== 'that') while (k < toks.length && k - i <= 8 && toks[k].word && toks[k].quote < 0 && toks[k].lower !== 'as') k++;
      const judged = toks[k]?.lower === 'that' ? k === i + 1 : toks[k]?.lower === 'as' && k > i + 1 && !/^(well|soon|long|much|many|far)$/.test(toks[k + 1]?.lower ?? '');
      const content = judged && stanceSubject(toks, i) ? tail(text, toks, toks[i + 1].lower === 'that' ? i + 2 : i + 1, s) : undefined;
      if (content) {
        const j = skipAuxBack(toks, i - 1);
        const first = PRONOUNS.has(toks[j].lower) ? j : npBack(toks, j, 0);
        if (first <= j && plausibleSource(toks, first, j)) {
          found.push({ source: { start: toks[first].start, end: toks[j].end }, cue: { start: t.start, end: t.end }, content });
          continue;
        }
      }
    }
    if (t.lower === 'know' && i > 0 && /^(i|we|they)$/.test(toks[i - 1].lower) && toks[i + 1]?.word && !/^(what|how|if|whether|why|where|when|who|it)$/.test(toks[i + 1].lower)) {
      let c = i + 1;
      if (toks[c].lower === 'that') c++;
      const content = tail(text, toks, c, s);
      if (content) found.push({ source: { start: toks[i - 1].start, end: toks[i - 1].end }, cue: { start: t.start, end: t.end }, content });
      continue;
    }
    const lemma = trigger.lemma;
    if (!lemma) continue;
    // "the strong leader that Mr. Trump so admires.", "supplements he has promoted.": the antecedent is the object
    if (i > 2 && !isCap(t) && (!toks[i + 1] || isChar(toks[i + 1].text, '.,;!?')) && !INTRANSITIVE.has(lemma) && (STANCE.has(lemma) || SPEECH.has(lemma))) {
      const f = objectGap(toks, i);
      if (f) {
        found.push(f);
        continue;
      }
    }
    // "led the journalist Dainis Ivans to fear ...", "forced Stumpf to admit ...": the causee holds the view
    if (t.lower === lemma && i >= 3 && toks[i - 1].lower === 'to') {
      const f = causee(text, s, toks, i);
      if (f) {
        found.push(f);
        continue;
      }
    }
    // "called Alicia Machado on Friday to thank her", "a group called Lashkar-e-Taiba belongs ...": a telephone call or
    // a name given, no judgement (that needs a complement after the name: "called Oz a quack")
    if (lemma === 'call' && toks[i + 1]?.word && isCap(toks[i + 1]) && toks[i + 1].quote < 0 && !PRONOUNS.has(toks[i + 1].lower) && !TIME_WORDS.has(toks[i + 1].lower)) {
      let k = i + 1;
      while (k < toks.length && k - i <= 4 && (isCap(toks[k]) || (toks[k].text === '.' && /^\p{Lu}\p{L}{0,3}$/u.test(toks[k - 1].text)) || isChar(toks[k].text, '-’\''))) k++;
      const after = toks[k];
      // "called Mr. Trump's comments ...": a possessive name opens a longer object
      if (!/[’']s$/.test(toks[k - 1].text) && (!after || isChar(after.text, '.,;:!?)') || (after.word && (/^(on|at|in|to|from|for|after|before|during|and|last|this|yesterday|today|earlier|later)$/.test(after.lower) || CUE_FORMS.has(after.lower) || AUX.has(after.lower) || /(ed|s)$/.test(after.lower) && !DETERMINERS.has(after.lower) && !isCap(after) && after.lower !== 'is')))) continue;
    }
    // "condemned what he called a brazen breach", "what they call his 'self-centered message'": a free relative names a
    // thing in the subject's words; the name is a noun phrase, no statement to attribute
    if (NAME_GIVING.has(lemma) && i >= 2 && !t.lower.endsWith('ing')) {
      const j = skipAuxBack(toks, i - 1);
      const first = j >= 0 && /^(he|she|they|it|we|i|you)$/.test(toks[j].lower) ? j : j >= 0 && toks[j].word ? npBack(toks, j, 0) : -1;
      if (first >= 1 && first <= j && toks[first - 1].lower === 'what') continue;
    }
    // "0.1 percentage points", "three points": a noun after a number
    if (lemma === 'point' && i > 0 && (/^(percentage|basis)$/.test(toks[i - 1].lower) || /^[\d.,]+$/.test(toks[i - 1].text))) continue;
    // "European leaders gathered Friday to discuss ...": an infinitive of purpose after a verb of meeting
    if (t.lower === lemma && i >= 3 && toks[i - 1].lower === 'to' && (STANCE_ONLY.has(lemma) || SPEECH.has(lemma))) {
      const f = purpose(text, s, toks, i);
      if (f) {
        found.push(f);
        continue;
      }
    }
    // "it is worth noting", "it goes without saying": idioms of the writer, no attributed speaker
    if (i > 0 && toks[i - 1].lower === 'worth') continue;
    if (i > 1 && toks[i - 1].lower === 'without' && /^(go|goes|went|going|gone)$/.test(toks[i - 2].lower)) continue;
    // "Let's say ...", "Having said that, ...", "needless to say": the writer's own discourse, no speaker
    if (i > 0 && lemma === 'say' && (LETS.has(toks[i - 1].lower) || (toks[i - 1].lower === 'having' && toks[i + 1]?.lower === 'that' && toks[i + 2]?.text === ',') || (toks[i - 1].lower === 'to' && /^(needless|suffice)$/.test(toks[i - 2]?.lower ?? '')))) continue;
    // "(Reporting by ...; additional reporting by ...)": a credit line, no report
    if (lemma === 'report' && t.lower.endsWith('ing') && toks[i + 1]?.lower === 'by') continue;
    // "tell more jokes", "told a story of ...": a narrative, no report
    if (lemma === 'tell') {
      let k = i + 1;
      if (/^(a|an|the|more|many|some|his|her|their|its|our|an?other|great|good|old|funny|long)$/.test(toks[k]?.lower ?? '')) k++;
      if (/^(jokes?|stor(y|ies)|tales?|anecdotes?|time)$/.test(toks[k]?.lower ?? '')) continue;
    }
    // "find themselves in", "found a way to", "find the money": no finding reported
    if (lemma === 'find' && (/^(themselves|himself|herself|itself|ourselves|myself|yourself|ways|time|work|jobs?|money)$/.test(toks[i + 1]?.lower ?? '') || (/^(a|an|the|another|no)$/.test(toks[i + 1]?.lower ?? '') && /^(way|ways|bit|job|home|place|balance|solution)$/.test(toks[i + 2]?.lower ?? '')))) continue;
    // "added to the pressure", "added up": no report
    // ("he added on Twitter", "she added on Monday": a medium or a day is a report)
    const addOn = toks[i + 1]?.lower === 'on' && toks[i + 2] !== undefined && (isCap(toks[i + 2]) || TIME_WORDS.has(toks[i + 2].lower)) && toks[i + 2].lower !== 'the';
    if (lemma === 'add' && !addOn && (/^(to|up|on|so|more|much|fuel|another|new|layers|jobs|billions?|millions?|thousands?)$/.test(toks[i + 1]?.lower ?? '') || /^[$\d]/.test(toks[i + 1]?.text ?? ''))) continue;
    // cues are verbs: never capitalised inside a sentence ("the United States", "Islamic State")
    if (isCap(t) && i > 0 && !(headline ??= titleCase(toks))) continue;
    // ", saying ..." is a participle, not a noun
    if ((t.lower === 'states' || t.lower === 'state') && !/^(that|:)$/.test(toks[i + 1]?.lower ?? '')) continue;
    // ", saying ...", "began by saying ...", "footage of Trump saying ...": a gerund or participle, not a noun
    const gerund = t.lower.endsWith('ing') && i > 0 && (BE.has(toks[i - 1].lower) || /[’'](s|re|m)$/.test(toks[i - 1].lower)) ? true : t.lower.endsWith('ing') && (i === 0 || toks[i - 1].text === ',' || i > 1) && (i === 0 || toks[i - 1].text === ',' || (i > 1 && toks[i - 2].text === ',' && /^(now|again|also|still|then|even|later|repeatedly|publicly|often|frequently|once|first)$/.test(toks[i - 1].lower)) || GERUND_PREP.has(toks[i - 1].lower) || capRunAfter(toks, i, /^(of|with|shows?|showed|showing)$/));
    if ((bits & AMBIGUOUS_NOUN) !== 0 && !verbContext(toks, i) && !evidenceSubject(toks, i, lemma) && !gerund && !closingReport(toks, i)) continue;
    let cueEnd = i;
    const rule = particleRule(lemma);
    if (rule) {
      const next = toks[i + 1];
      // the infinitive marker stays out of the cue ("declined | to comment")
      // "continues to insist": only with a speaker as subject ("prices continue to rise" is no report)
      if (lemma === 'continue' && next?.lower === 'to' && !(stanceSubject(toks, i) || coordinateSubject(toks, i))) continue;
      // "called Friday for": a time phrase between the verb and its particle
      const timed = next && next.word && !rule.includes(next.lower) ? skipTime(toks, i + 1) : i + 1;
      if (next && rule.includes(next.lower)) cueEnd = next.lower === 'to' ? i : i + 1;
      else if (timed > i + 1 && toks[timed] && rule.includes(toks[timed].lower) && toks[timed].lower !== 'to' && /^[a-z]+$/.test(toks[timed].lower)) cueEnd = timed;
      // "She continued, “...”": a comma before a quotation
      else if (lemma === 'continue' && next?.text === ',' && toks[i + 2] && OPEN_Q.test(toks[i + 2].text) && toks[i + 2].quote >= 0) cueEnd = i;
      // '"...," she continued.', '"...," the letter reads.', '"...," countered Smith.': a verb reporting the quotation before
      else if (afterQuotation(toks, i)) cueEnd = i;
      // "Trump has attacked loopholes", "she called it a scam": a verb of stance with a named or pronoun subject
      else if (next?.lower === 'by' && t.lower.endsWith('ed') && i > 0 && (BE.has(toks[i - 1].lower) || (i > 1 && isAux(toks[i - 1]) && BE.has(toks[i - 2].lower)) || toks[i - 1].text === ',' || (toks[i - 1].word && !isCap(toks[i - 1]) && !AUX.has(toks[i - 1].lower) && !PRONOUNS.has(toks[i - 1].lower) && !NP_STOP.has(toks[i - 1].lower)))) cueEnd = i;
      else if (i > 0 && toks[i - 1].lower === 'to' && t.lower === lemma && STANCE.has(lemma) && next?.word && next.quote < 0) {
        // "the senator spoke at a gathering to discuss ...": an infinitive of purpose of the main clause's subject
        const f = subjectControl(text, s, toks, i, i);
        if (f) found.push(f);
        continue;
      } else if (!(STANCE.has(lemma) && next && ((next.word && next.quote < 0 && !/^(to|by|of|as|up|off|out|in|on|at|from|into|through|under|longer|there|here|away|back|alongside|inside|outside|near|beside)$/.test(next.lower)) || (OPEN_Q.test(next.text) && next.quote >= 0)) && (stanceSubject(toks, i) || (t.lower.endsWith('ing') && toks[i - 1]?.text === ',') || coordinateSubject(toks, i)))) continue;
    }
    // a verb inside a noun phrase ("the stated goals") is no cue
    // (never an index below 0: such a read is a named property's, and would make the site megamorphic)
    const prev = i > 0 ? toks[i - 1] : undefined;
    if (prev && DET_POSS.has(prev.lower)) continue;
    let b = i - 1;
    while (b >= 0 && isAux(toks[b]) && !BE.has(toks[b].lower)) b--;
    const passive = b >= 0 && BE.has(toks[b].lower) && PARTICIPLES.test(t.lower);
    // a participle modifying a noun ("videos posted to social media")
    const subj = b >= 0 ? toks[b] : undefined;
    // "a penalty imposed by the bureau", "..., promoted by the governor": a reduced passive with its agent
    if (!passive && cueEnd === i && toks[i + 1]?.lower === 'by' && (SPEECH.has(lemma) || STANCE_ONLY.has(lemma)) && !NOT_REDUCED.has(lemma) && /(ed|wn|en)$/.test(t.lower) && subj && (subj.word ? !PRONOUNS.has(subj.lower) && !/^(and|but|who|which|that|has|have|had)$/.test(subj.lower) : subj.text === ',')) {
      const f = reducedPassive(text, s, toks, i);
      if (f) found.push(f);
      continue;
    }
    // "an appearance arranged by X and criticized by Y": a coordinated participle with its agent is no active verb
    if (!passive && t.lower.endsWith('ed') && toks[cueEnd + 1]?.lower === 'by' && subj && /^(and|or)$/.test(subj.lower)) continue;
    if (!passive && t.lower.endsWith('ed') && TO_BY_ON_ONLINE.has(toks[cueEnd + 1]?.lower ?? '') && !((rule?.includes('to') || INF_VERBS.has(lemma)) && toks[cueEnd + 1].lower === 'to') && subj && subj.word && !isCap(subj) && !PRONOUNS.has(subj.lower) && !/^(and|but|who|which)$/.test(subj.lower) && lemma !== 'say' && lemma !== 'add') continue;
    if (passive) {
      const f = passiveWithAgent(text, s, toks, i, cueEnd);
      if (f) found.push(f);
      continue;
    }
    const got = active(text, s, toks, qs, i, cueEnd, lemma);
    if (!got.length && t.lower.endsWith('ing') && toks[i - 1]?.text === ',' && found.length) {
      // ", adding that ...": the speaker of the clause before
      let c = cueEnd + 1;
      if (toks[c]?.lower === 'that' || toks[c]?.text === ':') c++;
      const content = tail(text, toks, c, s);
      const last = found[found.length - 1];
      if (content) got.push({ source: last.source, cue: { start: t.start, end: toks[cueEnd].end }, content });
    }
    found.push(...got);
  }
  return found;
}

/** A closing quotation that ends with a comma, question or exclamation mark at index k. */
const closesQuote = (toks: readonly Token[], k: number) => k >= 1 && CLOSE_Q.test(toks[k].text) && toks[k].quote >= 0 && isChar(toks[k - 1].text, ',?!');
/**
 * '"...," she continued.', '"...," the letter reads.', '"...," countered the mayor.': a finite verb right after a quotation
 * and its short subject (or right before it) that closes the sentence reports the quotation, with or without a particle.
 */
function afterQuotation(toks: readonly Token[], i: number): boolean {
  if (toks[i].lower.endsWith('ing') || isCap(toks[i])) return false;
  const n = toks[i + 1];
  // inverted: the quotation, the verb, then its subject ('," countered the mayor.')
  if (closesQuote(toks, i - 1)) return !!n && n.word && n.quote < 0 && (isCap(n) || DETERMINERS.has(n.lower)) && !PRONOUNS.has(n.lower);
  const t = n?.word ? skipTime(toks, i + 1) : i + 1;
  if (toks[t] && !isChar(toks[t].text, '.,;!?')) return false;
  const j = skipAuxBack(toks, i - 1);
  if (j < 1 || !toks[j].word || toks[j].quote >= 0) return false;
  const first = /^(he|she|they|we|i|you|it)$/.test(toks[j].lower) ? j : npBack(toks, j, 0);
  return first <= j && j - first < 6 && closesQuote(toks, first - 1);
}

/** Nouns of stance that a light verb turns into a cue ("raised questions about", "expressed concern that"). */
const LV_NOUNS = new Set(['questions', 'question', 'concerns', 'concern', 'doubts', 'doubt', 'misgivings', 'reservations', 'illusions', 'offense', 'offence', 'case', 'secret', 'call', 'calls', 'support', 'opposition', 'criticism', 'criticisms', 'praise', 'attacks', 'attack', 'insults', 'comments', 'comment', 'remarks', 'views', 'view', 'complaints', 'complaint', 'objections', 'objection', 'fears', 'hopes', 'skepticism', 'scepticism', 'disdain', 'contempt', 'admiration', 'message', 'warning', 'warnings', 'proposal', 'proposals', 'argument', 'arguments', 'assurances', 'threats', 'demands', 'demand', 'appeal', 'plea', 'alarm', 'outrage', 'anger', 'frustration', 'dismay', 'regret', 'sympathy', 'condolences', 'gratitude', 'thanks', 'confidence', 'optimism', 'pessimism', 'interest', 'thoughts']);
/** Nouns of agents of a stance after a copula ("is a staunch opponent of", "has been a supporter of"). */
const AGENT_NOUNS = new Set(['opponent', 'opponents', 'supporter', 'supporters', 'critic', 'critics', 'defender', 'defenders', 'advocate', 'advocates', 'proponent', 'proponents', 'champion', 'fan', 'fans', 'skeptic', 'skeptics', 'sceptic', 'believer', 'believers', 'admirer', 'admirers', 'backer', 'backers', 'foe', 'foes', 'detractor', 'detractors', 'booster', 'cheerleader', 'voice']);
const LV_PREPS = new Set(['of', 'about', 'on', 'for', 'at', 'against', 'behind', 'with', 'over', 'to', 'toward', 'towards', 'regarding']);
/** Light verbs whose object noun carries the stance ("voiced", "raising", "has", "made", "took"). */
const LIGHT_VERB = /^(express|voice|raise|make|made|have|has|had|having|offer|share|sound|throw|threw|thrown|take|took|taken|level|lodge|issue|deliver|send|sent|unveil|lob|pepper|air|renew|register|outline|repeat|reiterate|pose|posed|posing|signal|heap|pour|extend|convey)(s|es|ed|d|ing)?$|^(makes|making|takes|taking|throws|throwing|sends|sending|lobbing|lobbed|raising|voicing|sharing|issuing|lodging|outlining|reiterating|leveling|levelling|levelled)$/;
/** Words that are no modifier of a noun: prepositions, and participles of other verbs ("faced", "despite"). */
const MOD_STOP = /^(despite|in|on|at|for|from|by|with|without|of|after|before|during|amid|among|over|under|about|like|than)$|ed$/;
const COPULA = /^(is|are|was|were|be|been|being|became|become|becomes|remain|remains|remained|[a-z]+[’']s)$/;

/** "Trump is raising questions about X", "She has no illusions about X", "Kaine is a staunch opponent of X". */
function lightVerbNoun(text: string, s: Range, toks: readonly Token[], i: number): Found | undefined {
  const agent = AGENT_NOUNS.has(toks[i].lower) && !LV_NOUNS.has(toks[i].lower);
  // back over the noun's modifiers ("no", "a new", "deep", "consistent and outspoken") to its verb
  let v = i - 1;
  while (v >= 0 && i - v <= 6 && toks[v].word && toks[v].quote < 0 && !isCap(toks[v]) && !LIGHT_VERB.test(toks[v].lower) && !COPULA.test(toks[v].lower) && (DETERMINERS.has(toks[v].lower) || /^(no|little|such|more|much|any|some|new|own|and)$/.test(toks[v].lower) || (!NP_STOP.has(toks[v].lower) && !CUE_FORMS.has(toks[v].lower) && !AUX.has(toks[v].lower) && !MOD_STOP.test(toks[v].lower)))) v--;
  if (v < 1 || !toks[v].word) return undefined;
  // "peppered him with attacks on": an object pronoun and "with" before the noun
  if (toks[v].lower === 'with' && v >= 2 && /^(him|her|them|us|me|it)$/.test(toks[v - 1].lower)) v -= 2;
  const verb = toks[v];
  if (agent ? !COPULA.test(verb.lower) : !(LIGHT_VERB.test(verb.lower) || (verb.lower === 'with' ? false : /^(peppered|peppering|peppers)$/.test(verb.lower)))) return undefined;
  // the modifiers hold no determiner of a plain object of another verb ("has the support of" is no stance of the subject)
  if (!agent && /^(has|have|had|having)$/.test(verb.lower) && toks.slice(v + 1, i).some((t) => /^(the|its|their|his|her)$/.test(t.lower))) return undefined;
  let source: Range | undefined;
  const contracted = contraction(verb.lower);
  if (contracted) source = { start: verb.start, end: verb.start + contracted[1].length };
  else {
    if (!stanceSubject(toks, v)) return undefined;
    const j = skipAuxBack(toks, v - 1);
    if (j < 0 || !toks[j].word) return undefined;
    const first = PRONOUNS.has(toks[j].lower) ? j : npBack(toks, j, 0);
    if (first > j || !plausibleSource(toks, first, j)) return undefined;
    source = { start: toks[first].start, end: toks[j].end };
  }
  const content = tail(text, toks, i + 2, s, toks[i + 2] && isCap(toks[i + 2]) ? 1 : 2);
  if (!content) return undefined;
  return { source, cue: { start: verb.start, end: toks[i + 1].lower === 'that' ? toks[i].end : toks[i + 1].end }, content };
}

const BE_FORMS = /^(is|are|was|were|be|been|being|am|isn[’']t|aren[’']t|wasn[’']t|weren[’']t|seems|seemed|appears|appeared|remains|remained|became|become|sounded|looked|grew|felt)$/;
const DEGREE = new Set(['not', 'too', 'very', 'so', 'more', 'most', 'less', 'quite', 'rather', 'far', 'much', 'particularly', 'deeply', 'highly', 'increasingly', 'always', 'never', 'also', 'still', 'all', 'both', 'equally', 'as', 'fairly', 'pretty', 'really', 'no', 'longer', 'just', 'now']);

/** "Graham has been critical of ...", "aides were coy about ...", "she is confident that ...". */
function stanceAdjective(text: string, s: Range, toks: readonly Token[], i: number): Found | undefined {
  let b = i - 1;
  while (b >= 0 && toks[b].word && (DEGREE.has(toks[b].lower) || (toks[b].lower.endsWith('ly') && !isCap(toks[b])))) b--;
  if (b < 0 || !toks[b].word || !(BE_FORMS.test(toks[b].lower) || /[’'](s|re|m)$/.test(toks[b].lower))) return undefined;
  let source: Range | undefined;
  const contracted = contraction(toks[b].lower);
  if (contracted) source = { start: toks[b].start, end: toks[b].start + contracted[1].length };
  else {
    let j = b - 1;
    while (j >= 0 && isAux(toks[j])) j--;
    if (j < 0 || !stanceSubject(toks, j + 1)) return undefined;
    const first = PRONOUNS.has(toks[j].lower) ? j : npBack(toks, j, 0);
    if (first > j || !plausibleSource(toks, first, j)) return undefined;
    source = { start: toks[first].start, end: toks[j].end };
  }
  const prep = toks[i + 1];
  // "she was sure the plan would work": the clause follows the adjective directly
  const direct = !STANCE_ADJ_PREPS.has(prep.lower);
  const content = tail(text, toks, direct ? i + 1 : i + 2, s);
  if (!content) return undefined;
  return { source, cue: { start: toks[i].start, end: prep.lower === 'that' || direct ? toks[i].end : prep.end }, content };
}

const GERUND_PREP = new Set(['by', 'for', 'from', 'after', 'before', 'while', 'without', 'upon', 'when']);
const POLL_HEADS = new Set(['poll', 'polls', 'survey', 'surveys', 'polling']);
/** Does a word of POLL_HEADS stand among the tokens? (Those words begin with "po" or "su" and run four to seven letters: the look-up only then.) */
function hasPollWord(text: string, toks: readonly Token[]): boolean {
  for (const w of toks) {
    const n = w.end - w.start;
    if (!w.word || n < 4 || n > 7) continue;
    const c = text.charCodeAt(w.start) | 32;
    const d = text.charCodeAt(w.start + 1) | 32;
    if (((c === 112 && d === 111) || (c === 115 && d === 117)) && POLL_HEADS.has(w.lower)) return true;
  }
  return false;
}

/** "In this poll, Trump rose ...", "Trump did well in online polls": the poll is the source, the clause the content. */
function inPoll(text: string, s: Range, toks: readonly Token[], i: number): Found | undefined {
  // the poll noun within a short phrase after "in"
  let h = -1;
  for (let k = i + 1; k < toks.length && k - i <= 8; k++) {
    const t = toks[k];
    if (!t.word && t.text !== '/' && t.text !== '-' && t.text !== '’' && t.text !== "'") break;
    if (t.word && POLL_HEADS.has(t.lower)) {
      h = k;
      break;
    }
    if (t.word && (NP_STOP.has(t.lower) || CUE_FORMS.has(t.lower)) && !THE_DEMONSTRATIVES.has(t.lower)) break;
  }
  if (h < 0) return undefined;
  const cue = { start: toks[i].start, end: toks[i].end };
  const source = { start: toks[i + 1].start, end: toks[h].end };
  if (i === 0) {
    // "In the latest poll, conducted ..., Clinton led": the content follows the phrase's comma
    let c = h + 1;
    while (c < toks.length && c - h < 16 && toks[c].text !== ',') c++;
    const content = toks[c]?.text === ',' ? tail(text, toks, c + 1, s) : undefined;
    return content ? { source, cue, content } : undefined;
  }
  // "Trump did fare well in online polls": the clause before
  const prev = toks[i - 1];
  // "than in other polls", "from 58 percent in the last poll": a comparison, not a report
  if (!prev.word || i < 3 || NP_STOP.has(prev.lower) || /^(percent|points?|%)$/.test(prev.lower) || digitFirst(prev.text)) return undefined;
  const content = frontContent(toks, i - 1);
  return content ? { source, cue, content } : undefined;
}

/** Is there a run of 1-3 capitalised words right before i, itself after a word matching `before`? */
function capRunAfter(toks: readonly Token[], i: number, before: RegExp): boolean {
  let k = i - 1;
  while (k > 0 && i - k <= 4 && toks[k].quote < 0 && (isCap(toks[k]) || (toks[k].text === '.' && /^\p{Lu}\p{L}{0,3}$/u.test(toks[k - 1].text)))) k--;
  return k < i - 1 && k >= 0 && before.test(toks[k].lower) && !PRONOUNS.has(toks[i - 1].lower);
}

const CAUSATIVE = new Set(['led', 'lead', 'leads', 'leading', 'forced', 'force', 'forces', 'prompted', 'prompt', 'prompts', 'pushed', 'pressed', 'pressured', 'encouraged', 'allowed', 'caused', 'drove', 'invited', 'challenged', 'moved', 'compelled', 'inspired', 'persuaded', 'convinced']);

function causee(text: string, s: Range, toks: readonly Token[], i: number): Found | undefined {
  const last = i - 2;
  if (!toks[last].word) return undefined;
  let first = last;
  // back to the causative verb, past a short noun phrase or an object pronoun (and an apposition)
  while (first > 0 && last - first < 12 && !CAUSATIVE.has(toks[first - 1].lower)) {
    const p = toks[first - 1];
    if (p.quote >= 0 || isChar(p.text, '.;:!?') || (p.word && NP_STOP.has(p.lower) && !/^(him|her|them|us|me)$/.test(p.lower))) return undefined;
    first--;
  }
  if (first <= 0 || !CAUSATIVE.has(toks[first - 1].lower)) return undefined;
  const words = toks.slice(first, last + 1).filter((t) => t.word);
  if (!words.length || !(words.some((t) => isCap(t)) || /^(him|her|them|us|me)$/.test(words[0].lower) || SPEAKER_NOUNS.has(words[words.length - 1].lower))) return undefined;
  const content = tail(text, toks, toks[i + 1]?.lower === 'that' ? i + 2 : i + 1, s);
  if (!content) return undefined;
  return { source: { start: toks[first].start, end: toks[last].end }, cue: { start: toks[i].start, end: toks[i].end }, content };
}

/** Nouns of saying and holding that take a "that" clause: "Trump's claim that ...", "her view that ...". */
const NOUN_CUES = new Set(['claim', 'claims', 'statement', 'assertion', 'argument', 'view', 'belief', 'contention', 'insistence', 'suggestion', 'warning', 'promise', 'pledge', 'vow', 'prediction', 'estimate', 'assessment', 'conclusion', 'allegation', 'allegations', 'accusation', 'charge', 'admission', 'acknowledgment', 'acknowledgement', 'denial', 'remark', 'comment', 'comments', 'remarks', 'announcement', 'declaration', 'opinion', 'position', 'fear', 'fears', 'hope', 'concern', 'concerns', 'suspicion', 'assurance', 'assurances', 'threat', 'theory', 'proposal', 'demand', 'explanation', 'testimony', 'finding', 'findings', 'insinuation', 'boast', 'complaint', 'warnings', 'predictions', 'promises', 'belief', 'beliefs', 'argument', 'arguments', 'point', 'reminder', 'observation', 'recommendation', 'rationale', 'reasoning', 'determination', 'judgment', 'judgement', 'verdict', 'forecast', 'projection', 'guess', 'hunch', 'impression', 'sense', 'feeling']);
/** Nouns of stance that frame an attribution with a possessor and a complement ("her criticism of", "Trump's refusal to"). */
const FRAME_NOUNS = new Set(['determination', 'eagerness', 'obsession', 'theory', 'theories', 'estimate', 'estimates', 'promise', 'promises']);
const FRAME_PREPS = new Set(['of', 'about', 'on', 'for', 'against', 'over', 'with', 'to', 'toward', 'towards']);
const POSSESSIVES = new Set(['his', 'her', 'their', 'its', 'my', 'our', 'your']);

/** "Donald Trump's claim that ...", "his argument that ...": the possessor speaks, the clause is the content. */
function nounCue(text: string, s: Range, toks: readonly Token[], i: number): Found | undefined {
  const p = toks[i - 1];
  if (!p.word || p.quote >= 0) return undefined;
  let source: Range;
  if (POSSESSIVES.has(p.lower)) source = { start: p.start, end: p.end };
  else if (/[’']s$/.test(p.text) && (isCap(p) || SPEAKER_NOUNS.has(p.lower.slice(0, -2)))) {
    let first = Math.min(npBack(toks, i - 1, 0), i - 1);
    // "to hold the IMF's estimate": a leading verb is no part of the possessor
    while (first < i - 1 && toks[first].word && !isCap(toks[first]) && !DETERMINERS.has(toks[first].lower) && !SPEAKER_NOUNS.has(toks[first].lower)) first++;
    source = { start: toks[first].start, end: p.end - 2 };
  } else return undefined;
  const content = tail(text, toks, i + 2, s);
  if (!content) return undefined;
  return { source, cue: { start: toks[i].start, end: toks[i].end }, content };
}

/** "The governor added:", "Caddell continued:" at a paragraph's end: source and cue for the next paragraph. */
function colonLead(toks: readonly Token[]): Omit<Found, 'content'> | undefined {
  const n = toks.length;
  if (n < 3 || toks[n - 1].text !== ':' || toks[n - 1].quote >= 0) return undefined;
  const v = toks[n - 2];
  const lemma = CUE_FORMS.get(v.lower);
  if (!lemma || !v.word || isCap(v) || v.lower.endsWith('ing')) return undefined;
  let j = n - 3;
  while (j >= 0 && isAux(toks[j])) j--;
  if (j < 0) return undefined;
  const first = npBack(toks, j, 0);
  if (first > j || first !== 0 || !plausibleSource(toks, first, j)) return undefined;
  return { source: { start: toks[first].start, end: toks[j].end }, cue: { start: v.start, end: v.end } };
}

/** "...” ― Name": a quotation signed with a dash and the speaker's name after it. */
function dashSignature(text: string, toks: readonly Token[], qs: readonly Quote[]): Found | undefined {
  for (let k = 1; k < toks.length - 1; k++) {
    const d = toks[k];
    // the quotation test first: it rules out most tokens without a look at the text
    if (d.quote >= 0 || toks[k - 1].quote < 0 || !isChar(d.text, '―—–-') || !CLOSE_Q.test(toks[k - 1].text)) continue;
    const q = qs[toks[k - 1].quote];
    if (!q || q.end !== toks[k - 1].end) return undefined;
    let last = k + 1;
    // "― Julie A. Diaz": initials with their full stop stay inside the name
    while (last + 1 < toks.length && ((toks[last + 1].word && isCap(toks[last + 1])) || (toks[last + 1].text === '.' && /^\p{Lu}$/u.test(toks[last].text) && toks[last + 2]?.word && isCap(toks[last + 2])))) last++;
    if (!isCap(toks[k + 1]) || last - k > 6) return undefined;
    // the name closes the sentence (a full stop may follow)
    if (last + 1 < toks.length && !(last + 2 === toks.length && isChar(toks[last + 1].text, '.!'))) return undefined;
    return { source: { start: toks[k + 1].start, end: toks[last].end }, cue: { start: d.start, end: d.end }, content: { start: q.start, end: q.end } };
  }
  return undefined;
}

/** A headline in title case ("Obama Says Museum Will Tell of 'Suffering'"): capitalised verbs count there. */
function titleCase(toks: readonly Token[]): boolean {
  let caps = 0;
  let long = 0;
  for (const t of toks) {
    if (!t.word || t.quote >= 0 || t.text.length < 4) continue;
    long++;
    if (isCap(t)) caps++;
  }
  return long >= 3 && caps >= long * 0.8;
}

function transcript(text: string, s: Range, toks: readonly Token[]): Found | undefined {
  let a = 0;
  // a speaker label may open a quotation that runs on ('"WALLACE: Let's start ...')
  const inQuote = toks[a] && OPEN_Q.test(toks[a].text) ? toks[a].quote : -1;
  if (toks[a] && OPEN_Q.test(toks[a].text)) a++;
  // the label ends at a colon within twelve tokens: without one there is none (and no word is looked up)
  let colon = false;
  for (let m = a; m < toks.length && m - a < 12 && !colon; m++) colon = toks[m].text === ':';
  if (!colon) return undefined;
  let k = a;
  // a headline label before a quotation may be longer and hold lower-case words ("A lesson from X: 'Be ...'")
  let colonAt = a;
  while (colonAt < toks.length && colonAt - a < 12 && !(toks[colonAt].text === ':' && toks[colonAt].quote < 0)) colonAt++;
  const quoteAfter = toks[colonAt]?.text === ':' && toks[colonAt + 1] && OPEN_Q.test(toks[colonAt + 1].text) && toks[colonAt + 1].quote >= 0 && inQuote < 0;
  while (k < toks.length && k - a < (quoteAfter ? 12 : 6) && toks[k].text !== ':') {
    const t = toks[k];
    if (t.word && !isCap(t) && !OF_THE.has(t.lower) && !(quoteAfter && !NP_STOP.has(t.lower))) return undefined;
    if (!t.word && !isChar(t.text, '.()-')) return undefined;
    k++;
  }
  if (k === a || k >= toks.length - 2 || toks[k].text !== ':' || (toks[k].quote >= 0 && toks[k].quote !== inQuote)) return undefined;
  const names = toks.slice(a, k).filter((t) => t.word);
  // "Warning:", "Update:", "Editor's note:": labels of the page, not speakers
  if (names.length && PAGE_LABELS.has(names[names.length - 1].lower)) return undefined;
  // "Said Ellis: ...": an inverted reporting verb opens the label
  if (names.length >= 2 && names.length <= 4 && toks[a].word && CUE_FORMS.get(toks[a].lower) && /^(said|says|added|adds|asked|asks|wrote|writes|explained|noted|recalled|continued|concluded|replied|insisted|warned)$/.test(toks[a].lower)) {
    const content = tail(text, toks, k + 1, s);
    return content ? { source: { start: toks[a + 1].start, end: toks[k - 1].end }, cue: { start: toks[a].start, end: toks[a].end }, content } : undefined;
  }
  const shouted = names.every((t) => /^[\p{Lu}\d.]+$/u.test(t.text));
  if (!shouted && !(quoteAfter && names.slice(1).some(isCap)) && (names.length > 2 || /^(the|a|an)$/i.test(names[0]?.text ?? ''))) return undefined;
  const content = tail(text, toks, k + 1, s);
  if (!content) return undefined;
  return { source: { start: toks[a].start, end: toks[k - 1].end }, cue: { start: toks[k].start, end: toks[k].end }, content };
}

function according(text: string, s: Range, toks: readonly Token[], i: number): Found | undefined {
  const srcFirst = i + 2;
  let srcLast = npForward(toks, srcFirst);
  // "According to a complaint filed by the commission, ...": the source runs to the comma
  let bounded = false;
  if (i === 0 || isChar(toks[i - 1].text, '(,;:—–')) {
    let k = srcFirst;
    while (k < toks.length && k - srcFirst < 28 && toks[k].text !== ',' && toks[k].quote < 0 && !isChar(toks[k].text, '.;:!?')) k++;
    if (toks[k]?.text === ',' && k > srcLast + 1 && k - 1 > srcFirst && k + 2 < toks.length && (DETERMINERS.has(toks[srcFirst].lower) || isCap(toks[srcFirst]) || SPEAKER_NOUNS.has(toks[srcFirst].lower))) {
      srcLast = k - 1;
      bounded = true;
    }
  }
  if (srcLast < srcFirst || !(bounded || plausibleSource(toks, srcFirst, srcLast))) return undefined;
  // "according to plan", "according to schedule": a bare common noun is no source
  if (srcLast === srcFirst && !isCap(toks[srcFirst]) && !SPEAKER_NOUNS.has(toks[srcFirst].lower) && !PRONOUNS.has(toks[srcFirst].lower)) return undefined;
  const cue = { start: toks[i].start, end: toks[i + 1].end };
  const source = { start: toks[srcFirst].start, end: toks[srcLast].end };
  let next = srcLast + 1;
  if (toks[next]?.text === ',') next++;
  // "X, according to Y, a former aide, ...": with a clause before, the content is what comes before
  const frontFirst = i >= 3 && toks[i - 1].text === ',' && !bounded;
  const after = frontFirst ? undefined : tail(text, toks, next, s);
  if (after && next < toks.length && toks[next].start > source.end) return { source, cue, content: after };
  // "..., according to X": the content is what comes before
  let end = i - 1;
  if (end >= 0 && isChar(toks[end].text, ',—–-')) end--;
  if (end < 0) return undefined;
  const before = frontContent(toks, end);
  return before ? { source, cue, content: before } : undefined;
}

/** Content that ends at token `end` and starts at the sentence start (or after a colon). */
function frontContent(toks: readonly Token[], end: number, minWords = 2): Range | undefined {
  let a = 0;
  for (let k = end; k > 0; k--) {
    if ((toks[k].text === ':' || toks[k].text === ';') && toks[k].quote < 0) {
      a = k + 1;
      break;
    }
  }
  const words = toks.slice(a, end + 1).filter((t) => t.word).length;
  if (words < minWords) return undefined;
  return { start: toks[a].start, end: toks[end].end };
}

/** The agent after "by" at index k: its last index (a participle or a time phrase after it starts a new phrase). */
function agentEnd(toks: readonly Token[], k: number): number {
  let srcLast = npForward(toks, k + 1);
  // "endorsed by dozens of papers ranging from ...": a participle after the agent starts a new phrase
  for (let m = k + 2; m <= srcLast; m++) if (!isCap(toks[m]) && /(ing|ed)$/.test(toks[m].lower) && toks[m].lower.length > 4 && !SPEAKER_NOUNS.has(toks[m].lower) && !THOSE_THESE.has(toks[m - 1].lower)) srcLast = m - 1;
  // "rejected by the council in 2015": a prepositional phrase of time closes the agent
  for (let m = k + 2; m < srcLast; m++) if (/^(in|on|at|during|since|last|this)$/.test(toks[m].lower) && (digitFirst(toks[m + 1].text) || STRONG_TIME.has(toks[m + 1].lower) || (m + 2 <= srcLast && STRONG_TIME.has(toks[m + 2].lower) && /^(the|this|last|that)$/.test(toks[m + 1].lower)))) {
    srcLast = m - 1;
    break;
  }
  while (srcLast > k + 1 && POST_PREP.has(toks[srcLast].lower)) srcLast--;
  return srcLast;
}

/** "in 2015", "during the 1990s", "in September": a prepositional phrase of time at c; returns the index after it. */
function skipTimePP(toks: readonly Token[], c: number): number {
  if (!/^(in|during|since)$/.test(toks[c]?.lower ?? '')) return c;
  let m = c + 1;
  if (/^(the|early|late|mid)$/.test(toks[m]?.lower ?? '')) m++;
  if (toks[m] && (digitFirst(toks[m].text) || STRONG_TIME.has(toks[m].lower))) return m + 1;
  return c;
}

/** "a $100 million penalty imposed by the bureau", "schools remain popular, promoted by the governor". */
function reducedPassive(text: string, s: Range, toks: readonly Token[], i: number): Found | undefined {
  const k = i + 1;
  const srcLast = agentEnd(toks, k);
  if (srcLast < k + 1 || !plausibleSource(toks, k + 1, srcLast)) return undefined;
  const head = toks[srcLast];
  // the agent is a speaker: a name, a pronoun, or a noun of people or institutions
  if (!toks.slice(k + 1, srcLast + 1).some((t) => isCap(t) && !DETERMINERS.has(t.lower)) && !SPEAKER_NOUNS.has(head.lower) && !ORG_WORDS.has(head.lower)) return undefined;
  let content: Range | undefined;
  if (toks[i - 1].text === ',') content = i >= 2 ? frontContent(toks, i - 2, 3) : undefined;
  else {
    const first = npBack(toks, i - 1, 0);
    if (first <= i - 1 && toks[first].word && !PRONOUNS.has(toks[first].lower)) content = { start: toks[first].start, end: toks[i - 1].end };
  }
  if (!content) return undefined;
  return { source: { start: toks[k + 1].start, end: toks[srcLast].end }, cue: { start: toks[i].start, end: toks[i].end }, content };
}

/** Verbs whose object, not their subject, does what the infinitive says ("asked him to explain"). */
const OBJECT_CONTROL = /^(ask|asks|asked|asking|urge|urges|urged|urging|tell|tells|told|telling|force|forces|forced|forcing|lead|leads|led|leading|allow|allows|allowed|allowing|encourage|encourages|encouraged|encouraging|invite|invites|invited|inviting|want|wants|wanted|wanting|expect|expects|expected|expecting|persuade|persuaded|convince|convinced|prompt|prompted|push|pushed|press|pressed|pressing|get|got|gets|help|helps|helped|helping|enable|enabled|require|requires|required|order|ordered|called|call|calls|need|needs|needed|like|would|prefer|wish|cause|caused|drive|drove|challenge|challenged|dare|dared|inspire|inspired|compel|compelled|pay|paid|hire|hired|appoint|appointed|elect|elected|choose|chose|chosen)$/;

/** Finite verbs of motion, meeting and action in the past or present ("took", "spoke", "met", "travels", "gathered"). */
const FINITE = /^(went|goes|go|met|meets|sat|ran|came|comes|took|takes|spoke|speaks|flew|flies|rose|stood|left|leaves|spent|spends|made|makes|gave|gives|held|holds|headed|heads|traveled|travelled|travels|visited|visits|returned|returns|gathered|gather|gathers|convened|assembled|joined|joins|arrived|arrives|stopped|stops|appeared|appears|wrote|writes|called|calls|sent|sends|hosted|hosts|launched|launches|organized|organised|rallied|turned|turns|moved|moves|stepped|steps|worked|works|teamed|partnered|returned)$/;

/** The main clause's subject as the subject of an infinitive of purpose at index i (after "to"). */
function subjectControl(text: string, s: Range, toks: readonly Token[], i: number, cueEnd: number): Found | undefined {
  // the subject runs from the sentence start (past an opening phrase closed by a comma) to the first finite verb
  let first = 0;
  if (toks[0] && /^(as|when|while|if|although|though|because|since)$/.test(toks[0].lower)) first = 1;
  else if (toks[0] && /^(in|at|on|during|after|before|last|this|earlier|later|meanwhile|then|but|and|still|yet|also|now|today|yesterday|so)$/.test(toks[0].lower)) {
    let k = 0;
    while (k < i && k < 10 && toks[k].text !== ',') k++;
    first = toks[k]?.text === ',' ? k + 1 : toks[0].lower.length > 3 || /^(but|and|yet|so)$/.test(toks[0].lower) ? 1 : 0;
  }
  let v = first + 1;
  while (v < i - 1 && !(toks[v].word && !isCap(toks[v]) && FINITE.test(toks[v].lower))) v++;
  const last = v - 1;
  if (v >= i - 1 || last < first || !plausibleSource(toks, first, last)) return undefined;
  for (let k = first; k <= last; k++) if (!toks[k].word && !isChar(toks[k].text, '-’\'.')) return undefined;
  const head = toks[last];
  if (!(isCap(head) || PRONOUNS.has(head.lower) || SPEAKER_NOUNS.has(head.lower)) || (PRONOUNS.has(head.lower) && /^(his|her|its|their|it)$/.test(head.lower)) || !stanceSubject(toks, v)) return undefined;
  // the stretch between subject and "to": one clause, a finite verb first, no object-control verb, no clause break
  if (i - 1 - last > 14 || i - 1 - last < 2) return undefined;
  const verb = toks[last + 1];
  if (NP_STOP.has(verb.lower) || AUX.has(verb.lower)) return undefined;
  if (OBJECT_CONTROL.test(verb.lower)) return undefined;
  for (let k = last + 2; k < i - 1; k++) {
    const t = toks[k];
    // "took to Twitter": a "to" of direction before a name or a determiner stays inside
    const toPlace = t.lower === 'to' && toks[k + 1] !== undefined && (isCap(toks[k + 1]) || DETERMINERS.has(toks[k + 1].lower));
    if (t.quote >= 0 || (!t.word && !isChar(t.text, '-’\'.$%')) || OBJECT_CONTROL.test(t.lower) || (CUE_FORMS.has(t.lower) && !t.lower.endsWith('ing')) || (/^(that|who|which|when|while|because|if|and|but|or|to|is|are|was|were|be|been|has|have|had)$/.test(t.lower) && !toPlace)) return undefined;
  }
  let c = cueEnd + 1;
  if (toks[c]?.lower === 'that') c++;
  const content = tail(text, toks, c, s);
  if (!content) return undefined;
  return { source: { start: toks[first].start, end: toks[last].end }, cue: { start: toks[i].start, end: toks[cueEnd].end }, content };
}

/** Verbs whose reduced passive names a transaction or a topic, no stance ("the price offered by", "issues discussed by"). */
const NOT_REDUCED = new Set(['back', 'offer', 'grant', 'sponsor', 'introduce', 'detail', 'address', 'examine', 'identify', 'illustrate', 'explore', 'chronicle', 'discuss', 'decide', 'consider', 'cast', 'frame', 'paint', 'float', 'pitch', 'strike', 'link', 'reference']);

/** Reporting and stance verbs used without an object: no object gap. */
const INTRANSITIVE = new Set(['speak', 'respond', 'reply', 'testify', 'agree', 'continue', 'decline', 'refuse', 'seem', 'comment', 'complain', 'vote', 'campaign', 'rally', 'talk', 'care', 'lash', 'fire', 'hit', 'sound', 'weigh', 'spar', 'rail', 'point', 'call', 'object', 'reason', 'figure', 'learn', 'rule', 'counter', 'project', 'charge', 'plan', 'intend', 'vow', 'pledge', 'promise', 'threaten', 'add', 'say', 'tell', 'ask', 'write', 'post', 'tweet', 'report', 'state', 'note', 'explain', 'announce', 'warn', 'insist', 'claim', 'argue', 'confirm', 'deny', 'admit', 'acknowledge', 'declare', 'allege', 'assert', 'urge', 'demand', 'propose', 'recommend', 'accuse']);

/** "the strong leader that Mr. Trump so admires": a relative clause whose verb lacks its object; the antecedent is the content. */
function objectGap(toks: readonly Token[], i: number): Found | undefined {
  let j = i - 1;
  while (j > 0 && (isAux(toks[j]) || toks[j].lower === 'so')) j--;
  // a base form needs an auxiliary before it ("can understand"): "an Obama veto" is a noun
  if (j === i - 1 && toks[i].lower === CUE_FORMS.get(toks[i].lower) && !/^(they|we|i|you)$/.test(toks[j].lower)) return undefined;
  const subj = toks[j];
  if (!subj?.word || subj.quote >= 0) return undefined;
  let first = j;
  if (!SUBJECT_PRONOUNS.has(subj.lower)) {
    // the shortest subject: a name ("Mr. Trump"), or a noun back to its determiner ("the mayor", "any taxpayer")
    if (!(isCap(subj) || SPEAKER_NOUNS.has(subj.lower))) return undefined;
    while (first > 0 && j - first < 4) {
      const p = toks[first - 1];
      if (p.word && (DETERMINERS.has(p.lower) || /^(any|every|each|no)$/.test(p.lower))) {
        first--;
        break;
      }
      if (isCap(toks[first]) && (isCap(p) || (p.text === '.' && first > 1 && /^\p{Lu}\p{L}{0,3}$/u.test(toks[first - 2].text)))) first -= p.word ? 1 : 2;
      else break;
    }
    if (!plausibleSource(toks, first, j)) return undefined;
  }
  let r = first - 1;
  if (r >= 0 && /^(that|which|whom)$/.test(toks[r].lower)) r--;
  if (r < 1 || !toks[r].word || toks[r].quote >= 0 || NP_STOP.has(toks[r].lower) || /^(for|of|in|on|at|a|an|the)$/.test(toks[r].lower) || PRONOUNS.has(toks[r].lower) || CUE_FORMS.has(toks[r].lower) || /(ly|ing)$/.test(toks[r].lower)) return undefined;
  const a = npBack(toks, r, 0);
  if (a > r || !toks[a].word || PRONOUNS.has(toks[a].lower)) return undefined;
  return { source: { start: toks[first].start, end: toks[j].end }, cue: { start: toks[i].start, end: toks[i].end }, content: { start: toks[a].start, end: toks[r].end } };
}

/** Verbs of naming and judging whose passive keeps its complement before the agent ("was called a fraud by"). */
const NAMING = new Set(['call', 'label', 'brand', 'dub', 'describe', 'characterize', 'characterise', 'hail', 'criticize', 'criticise', 'praise', 'accuse', 'blame', 'cast', 'portray', 'depict', 'paint']);

function passiveWithAgent(text: string, s: Range, toks: readonly Token[], i: number, cueEnd: number): Found | undefined {
  let k = cueEnd + 1;
  k = skipTime(toks, k);
  let complement: Range | undefined;
  if (toks[k]?.lower !== 'by' && NAMING.has(CUE_FORMS.get(toks[i].lower) ?? '')) {
    // "has been called a charlatan by fellow physicians": the complement is what the agent holds
    let m = k;
    while (m < toks.length && m - k < 6 && toks[m].word && toks[m].lower !== 'by' && !NP_STOP.has(toks[m].lower)) m++;
    if (m > k && toks[m]?.lower === 'by' && toks[m].quote < 0) {
      complement = { start: toks[cueEnd].lower === toks[i].lower ? toks[k].start : toks[cueEnd].start, end: toks[m - 1].end };
      k = m;
    }
  }
  if (toks[k]?.lower !== 'by') return undefined;
  const srcLast = agentEnd(toks, k);
  if (srcLast < k + 1 || !plausibleSource(toks, k + 1, srcLast)) return undefined;
  if (complement) return { source: { start: toks[k + 1].start, end: toks[srcLast].end }, cue: { start: toks[i].start, end: toks[i].end }, content: complement };
  const source = { start: toks[k + 1].start, end: toks[srcLast].end };
  const cue = { start: toks[i].start, end: toks[cueEnd].end };
  let c = srcLast + 1;
  c = skipTime(toks, skipTimePP(toks, c));
  if (toks[c]?.text === ',' ) c++;
  if (toks[c]?.lower === 'that') c++;
  const after = /(ing|ed)$/.test(toks[c]?.lower ?? '') ? undefined : tail(text, toks, c, s);
  if (after) return { source, cue, content: after };
  // "the plan was announced by X": the subject is the content
  let b = i - 1;
  while (b >= 0 && toks[b].word && (AUX.has(toks[b].lower) || BE.has(toks[b].lower))) b--;
  const subjFirst = npBack(toks, b, 0);
  if (b < 0 || subjFirst > b || toks[subjFirst]?.lower === 'it') return undefined;
  return { source, cue, content: { start: toks[subjFirst].start, end: toks[b].end } };
}

function active(text: string, s: Range, toks: readonly Token[], qs: readonly Quote[], i: number, cueEnd: number, lemma: string): Found[] {
  const f = activeParts(text, s, toks, qs, i, cueEnd, lemma);
  return f;
}

function activeParts(text: string, s: Range, toks: readonly Token[], _qs: readonly Quote[], i: number, cueEnd: number, lemma: string): Found[] {
  const cue = { start: toks[i].start, end: toks[cueEnd].end };
  // a participle without auxiliary ("published photos showing ...", ", saying ..."): the sentence's subject speaks
  let back = i - 1;
  while (back >= 0 && isAux(toks[back]) && !BE.has(toks[back].lower)) back--;
  if (toks[i].lower.endsWith('ing') && !(back >= 0 && (BE.has(toks[back].lower) || /[’'](s|re|m)$/.test(toks[back].lower)))) {
    const p = participial(text, s, toks, i, cueEnd, lemma);
    return p ? [p] : [];
  }
  // the source before the cue, past auxiliaries, adverbs and time phrases
  let j = skipAuxBack(toks, i - 1);
  // "who in 2010 said": a year phrase between subject and verb
  if (j >= 1 && toks[j].text.length === 4 && /^(1[89]|20)\d\d$/.test(toks[j].text) && /^(in|since|by)$/.test(toks[j - 1].lower)) j -= 2;
  if (j >= 0) j = skipTimeBack(toks, j);
  while (j >= 0 && isAux(toks[j])) j--;
  let source: Range | undefined;
  let speaker: Range | undefined;
  let srcFirst = -1;
  const contracted = j >= 0 ? contraction(toks[j].lower) : null;
  if (j >= 0 && toks[j].text === ',' && toks[j].quote < 0) {
    // apposition: "Igor Konashenkov, a spokesman for the Russian Defense Ministry, said"
    let k = j - 1;
    while (k >= 0 && !(toks[k].text === ',' && toks[k].quote < 0) && toks[k].quote < 0 && j - k < 30) k--;
    // "Jane Smith, 56, who has served ..., told": an age between commas belongs to the apposition
    if (k >= 3 && /^\d{1,3}$/.test(toks[k - 1].text) && toks[k - 2].text === ',' && toks[k - 2].quote < 0 && isCap(toks[k - 3])) k -= 2;
    if (k > 0 && toks[k].text === ',') {
      const first = npBack(toks, k - 1, 0);
      const namedAppos = toks.slice(k + 1, j).filter((t) => t.word).every((t) => isCap(t)) && j - k <= 5;
      if (first <= k - 1 && plausibleSource(toks, first, k - 1) && (toks.slice(first, k).some(isCap) || (namedAppos && SPEAKER_NOUNS.has(toks[k - 1].lower)))) {
        const appos = toks.slice(k + 1, j).filter((t) => t.word);
        const apposOk = appos.length > 0 && (DETERMINERS.has(appos[0].lower) || isCap(appos[0]) || /^(who|whose|which|director|head|chief|spokesman|spokeswoman|leader|member|president|chairman|author|professor|editor|founder|executive|co-founder|chair|senior|former|then)$/.test(appos[0].lower) || /^\d+$/.test(appos[0].text) || /^(in|at|during|on|after|before|speaking|writing|appearing|asked|interviewed|responding|addressing|dedicating|campaigning|testifying)$/.test(appos[0].lower) || (appos.length > 1 && appos[0].lower.endsWith('ing') && !CUE_FORMS.has(appos[0].lower)));
        if (apposOk) {
          srcFirst = first;
          source = { start: toks[first].start, end: toks[j - 1].end };
        }
      }
    }
  } else if (j >= 2 && toks[j].lower === 'whom' && toks[j - 1].lower === 'of' && QUANT_OF.test(toks[j - 2].lower)) {
    // "..., many of whom say ...": the quantified relative is the source; its antecedent names the speakers
    const r = antecedent(toks, j - 2);
    if (r) {
      speaker = { start: toks[r[0]].start, end: toks[r[1]].end };
      source = { start: toks[j - 2].start, end: toks[j].end };
    }
  } else if (j >= 1 && toks[j].lower === 'that' && toks[j - 1].word && toks[j - 1].quote < 0 && /(s|ed)$/.test(toks[i].lower) && !toks[i].lower.endsWith('ing')) {
    // "a group that says ...", "a lobby that argued ...": a relative "that" right after a noun of speakers or a name
    const r = antecedent(toks, j);
    if (r) {
      speaker = { start: toks[r[0]].start, end: toks[r[1]].end };
      source = { start: toks[j].start, end: toks[j].end };
    }
  } else if (j >= 0 && REL_COORD.has(toks[j].lower)) {
    // "..., who said", "X ... and said", "X ..., but pledged": the antecedent or the subject of the first clause speaks
    const coordinated = /^(and|but|yet)$/.test(toks[j].lower);
    const r = coordinated ? sentenceSubject(toks, j) : antecedent(toks, j);
    if (r) {
      srcFirst = -1;
      source = { start: toks[r[0]].start, end: toks[r[1]].end };
      // the relative pronoun is the source as written; its antecedent names the speaker
      if (!coordinated) {
        speaker = source;
        source = { start: toks[j].start, end: toks[j].end };
      }
    }
  } else if (contracted) {
    // "He’s claiming that ...": the pronoun without its auxiliary
    srcFirst = j;
    source = { start: toks[j].start, end: toks[j].start + contracted[1].length };
  } else if (j >= 0) {
    let first = npBack(toks, j, 0);
    // "Data from the 2014 survey show", "an analysis of super PACs shows": evidence with its complement speaks
    for (let hop = 0; hop < 2 && first > 1 && OF_FROM_ON_BY.has(toks[first - 1].lower) && toks[first - 2].word && (first === 2 || !isCap(toks[first - 2])) && EVIDENCE.has(toks[first - 2].lower); hop++) first = npBack(toks, first - 2, 0);
    // the object of a preposition ("photos on Telegram showing") is no speaker
    const pp = first > 0 && OBJ_PREPS.has(toks[first - 1].lower);
    // "did not unveil plans to ...": a bare verb after an auxiliary is no speaker
    const bareVerb = first === j && first > 0 && !isCap(toks[j]) && /^(not|did|does|do|will|would|can|could|should|may|might|must|to|n’t|n't)$/.test(toks[first - 1].lower);
    if (first <= j && !pp && !bareVerb && plausibleSource(toks, first, j)) {
      srcFirst = first;
      source = { start: toks[first].start, end: toks[j].end };
    } else if (pp && isCap(toks[j]) && LEAD_PREP.has(toks[0].lower) && !toks.slice(1, j).some((t) => t.text === ',' || t.quote >= 0)) {
      // "In a meeting with the board Trump said ...": the name closing an opening phrase without a comma
      let r = j;
      while (r - 1 > 0 && j - r < 3 && toks[r - 1].word && isCap(toks[r - 1])) r--;
      if (r > 1 && !PRONOUNS.has(toks[r].lower)) {
        srcFirst = r;
        source = { start: toks[r].start, end: toks[j].end };
      }
    }
  }
  // "..., said Revesz." / "..." said the president.
  if (!source && toks[i - 1]?.lower === 'to' && toks[i].lower === lemma) {
    // "Trump took to Twitter overnight to accuse ...", "the senator spoke at a gathering to discuss ...":
    // the subject of the main clause is the subject of its infinitive of purpose
    const f = subjectControl(text, s, toks, i, cueEnd);
    return f ? [f] : [];
  }
  if (!source) {
    const before = toks[i - 1];
    if (!before || !(before.text === ',' || CLOSE_Q.test(before.text) || before.text === '—')) {
      const p = participial(text, s, toks, i, cueEnd, lemma);
      return p ? [p] : [];
    }
    let last = npForward(toks, cueEnd + 1);
    // "said Mr. Burman (a view ...)", "said one source on the panel": the name ends before a bracket or preposition
    for (let k = cueEnd + 1; k <= last; k++) if (toks[k].text === '(') last = k - 1;
    while (last > cueEnd + 1 && POST_PREP.has(toks[last].lower)) last--;
    if (last < cueEnd + 1 || !plausibleSource(toks, cueEnd + 1, last)) return [];
    const after = toks[last + 1];
    if (after && !isChar(after.text, '.,;!?(') && !POST_PREP.has(after.lower) && skipTime(toks, last + 1) === last + 1) return [];
    const content = frontContent(toks, CLOSE_Q.test(before.text) ? i - 1 : i - 2);
    if (!content) return [];
    return [{ source: { start: toks[cueEnd + 1].start, end: toks[last].end }, cue, content: CLOSE_Q.test(before.text) ? content : trimComma(text, content) }];
  }
  // the content after the cue: "said (that) ...", "told reporters (that) ...", "said: "...""
  let c = cueEnd + 1;
  c = skipTime(toks, c);
  if (HEARER_VERBS.has(lemma)) c = skipHearer(toks, c);
  c = skipTime(toks, c);
  c = skipCircumstance(toks, c);
  // a trailing adverb before the end: "he said then.", "Gowdy said sarcastically."
  if (toks[c]?.word && toks[c].quote < 0 && (TRAIL_ADV.has(toks[c].lower) || (toks[c].lower.endsWith('ly') && !isCap(toks[c]) && !CUE_FORMS.has(toks[c].lower))) && (!toks[c + 1] || isChar(toks[c + 1].text, '.;!?,'))) c++;
  if (toks[c]?.text === ',' && toks[c + 1] && OPEN_Q.test(toks[c + 1].text)) c++;
  const opensQuote = toks[c]?.text === ':' || (toks[c] !== undefined && OPEN_Q.test(toks[c].text) && toks[c].quote >= 0);
  if (toks[c]?.lower === 'that' || toks[c]?.text === ':') c++;
  if (toks[c]?.text === ',' && toks[c - 1]?.lower === 'that') c++;
  const next = toks[c];
  const ends = !next || isChar(next.text, '.;!?') || (next.text === ',' && !(toks[c + 1] && OPEN_Q.test(toks[c + 1].text)));
  const out: Found[] = [];
  // "..., X said (on Saturday)": content before the source; both sides when the cue also opens a quote
  const b = srcFirst > 0 ? toks[srcFirst - 1] : undefined;
  const frontSep = b && (b.text === ',' || b.text === '—' || b.text === '–' || CLOSE_Q.test(b.text));
  // "Hawaii, as one adviser pointed out, rarely ...", "..., as Mr. Bown observed.": the sentence around the aside
  if (b?.lower === 'as' && srcFirst >= 1 && (srcFirst === 1 || toks[srcFirst - 2].text === ',') && (ends || !next)) {
    const parts: Found[] = [];
    if (srcFirst >= 3) {
      const front = frontContent(toks, srcFirst - 3, 1);
      if (front) parts.push({ source, cue, content: front });
    }
    if (next?.text === ',') {
      const rest = tail(text, toks, c + 1, s);
      if (rest) parts.push({ source, cue, content: rest });
    }
    if (parts.length) return parts;
  }
  // '"...," she said of the election', '"...," Trump said this month on CNBC': a trailing adverbial, no content after
  const after = toks[cueEnd + 1];
  // "... several months after her release", "two days later": a counted time phrase
  // (the unit first: it is the rarer word)
  const counted = TIME_UNITS.has(toks[cueEnd + 2]?.lower ?? '') && /^(several|a|an|two|three|four|five|some|few|many|\d+)$/.test(after?.lower ?? '');
  const timed = skipTime(toks, cueEnd + 1) > cueEnd + 1 || counted;
  const trailing = frontSep && next && after && after.word && (timed || /^(of|in|on|at|during|about|to|from|with|recently|yesterday|today|tonight|earlier|later|afterward|afterwards|after|before|when|while|as|because|since|although|though|until|despite|amid|following|shortly|just|moments|minutes|hours|days)$/.test(after.lower)) && toks[c - 1]?.lower !== 'that' && toks[c - 1]?.text !== ':';
  // "African-Americans, he said, can rock": a parenthetical speaker inside the content
  const parenthetical = b?.text === ',' && next?.text === ',' && toks[c + 1]?.word && toks[c + 1].quote < 0 && !/^(as|while|when|after|before|because|since|although|though|but|and|or|which|who|where|according|amid|despite|with|in|on|at|for|during|if|so|than|then)$/.test(toks[c + 1].lower) && !toks[c + 1].lower.endsWith('ing');
  let front = false;
  if (frontSep && (ends || opensQuote || trailing)) {
    const end = CLOSE_Q.test(b.text) ? srcFirst - 1 : srcFirst - 2;
    let content = end >= 0 ? frontContent(toks, end, parenthetical ? 1 : 2) : undefined;
    // "In a video released by his office, X said ...": an introductory phrase is no content
    let intro = false;
    if (content && b.text === ',' && /^(?:(?:but|and|yet|so|still)\s+)?(in|at|on|during|after|before|with|from|for|by|through|via|under|as|speaking|asked|writing)\s/i.test(text.slice(content.start, content.end) + ' ')) {
      // "In addition, the campaign plans to ..., a spokesman said": a clause after the introductory
      // phrase's own comma is the content
      const clause = introClause(toks, content, end);
      content = clause;
      intro = !clause;
    }
    // "During his years in office, Mr. Obama said, a majority ...": the content follows the comma
    if (intro && next?.text === ',' && toks[c + 1]?.word && toks[c + 1].quote < 0) {
      const rest = tail(text, toks, c + 1, s);
      if (rest) out.push({ source, cue, content: rest });
    }
    if (content) out.push({ source, cue, content: trimComma(text, content) });
    front = !!content;
    if (content && parenthetical) {
      const rest = tail(text, toks, c + 1, s);
      if (rest) out.push({ source, cue, content: rest });
    }
  }
  if (!ends && !(trailing && front)) {
    // "Cruz has endorsed Trump.": a name alone is the object of a verb of stance
    // "He doesn't think so.", "she said so": "so" stands for a clause after verbs of saying and thinking
    const proForm = toks[c]?.lower === 'so' && toks[c].quote < 0 && PRO_FORM_SO.has(lemma) && (!toks[c + 1] || isChar(toks[c + 1].text, '.;!?,'));
    // "He didn't suggest retaliation.": a lone noun closing the sentence is the object of the cue
    const n1 = toks[c];
    const loneNoun = !!n1 && c === cueEnd + 1 && n1.word && !toks[i].lower.endsWith('ing') && lemma !== 'think' && n1.lower !== 'enough' && n1.quote < 0 && !isCap(n1) && (!toks[c + 1] || isChar(toks[c + 1].text, '.!?')) && !PRONOUNS.has(n1.lower) && !OBJ_PRONOUN.has(n1.lower) && !/^(it|this|that|these|those|them|so|too|also|again|then|now|more|less|much|otherwise|nothing|something|anything|everything|everyone|anyone|no|yes|here|there|today|yesterday|tonight|earlier|later|instead|afterward|afterwards|once|twice|well|back|up|out|off|on|in|down|over|away|through|along|about|around|ahead|together|first|last)$/.test(n1.lower) && !/(ly|ing|ed)$/.test(n1.lower) && !TIME_WORDS.has(n1.lower) && !CUE_FORMS.has(n1.lower);
    const content = tail(text, toks, c, s) ?? ((proForm || loneNoun || (!SPEECH.has(lemma) && toks[c]?.word && isCap(toks[c]) && toks[c].quote < 0)) ? tail(text, toks, c, s, 1) : undefined);
    if (content) out.push(speaker ? { source, cue, content, speaker } : { source, cue, content });
  }
  return out;
}

/** The clause after an introductory phrase's comma, up to token `end` ("In addition, | the campaign plans ..."). */
function introClause(toks: readonly Token[], content: Range, end: number): Range | undefined {
  let k = 0;
  while (k < end && toks[k].end <= content.start) k++;
  const from = k;
  while (k < end && !(toks[k].text === ',' && toks[k].quote < 0)) k++;
  // the introductory phrase is short; the clause after it has a subject and a verb (three words at least)
  if (k >= end || k - from > 8) return undefined;
  let words = 0;
  for (let m = k + 1; m <= end; m++) if (toks[m].word) words++;
  return words >= 3 ? { start: toks[k + 1].start, end: toks[end].end } : undefined;
}

/** Verbs of stance whose object is what the speaker holds ("attacked loopholes", "called it a scam"). */
const STANCE = new Set(['support', 'oppose', 'question', 'attack', 'label', 'welcome', 'hail', 'favor', 'favour', 'call', 'speak', 'point', 'charge', 'counter', 'project', 'reason', 'figure', 'learn', 'rule', 'object', ...STANCE_ONLY]);

/** Is the subject right before the verb at i (past auxiliaries) a pronoun or a capitalised name? */
function stanceSubject(toks: readonly Token[], i: number): boolean {
  const j = skipAuxBack(toks, i - 1);
  let p = toks[j];
  // "Another critic, Laurence Tribe, likened ...": the name closing an apposition
  if (p?.text === ',' && p.quote < 0 && j > 1 && isCap(toks[j - 1]) && toks.slice(0, j - 1).some((t) => t.text === ',')) p = toks[j - 1];
  else if (p?.text === ',' && p.quote < 0 && j > 2) {
    // "Donald Trump, her Republican opponent, bemoaned ...": the name before an apposition of a determiner and a noun
    let k = j - 1;
    while (k > 0 && j - k <= 10 && toks[k].text !== ',' && toks[k].quote < 0 && (toks[k].word || isChar(toks[k].text, '-’\'.'))) k--;
    if (toks[k]?.text === ',' && k > 0 && k < j - 1 && isCap(toks[k - 1]) && (DETERMINERS.has(toks[k + 1].lower) || isCap(toks[k + 1])) && !PRONOUNS.has(toks[k - 1].lower)) p = toks[k - 1];
  }
  if (!p || !p.word || p.quote >= 0) return false;
  if (/^(he|she|they|we|i|it)$/.test(p.lower)) return true;
  // "44 percent would back Trump", "a third of voters support": a share of those polled
  if ((p.lower === 'percent' || p.text === '%') && j > 0 && digitFirst(toks[j - 1].text)) return true;
  // "the mayor downplayed", "critics dismissed": a speaker noun heads the subject
  // "Prices continue ...": a capitalised plural opening the sentence is a common noun
  if (j === 0 && isCap(p) && /[^s]s$/.test(p.lower) && !SPEAKER_NOUNS.has(p.lower)) return false;
  if (!isCap(p)) return speakerHead(p) || ppSpeakerHead(toks, j);
  if (/[’']s$/.test(p.text) || DETERMINERS.has(p.lower) || TITLES_OFF.has(p.lower)) return false;
  return true;
}
const speakerHead = (t: Token) => SPEAKER_NOUNS.has(t.lower) && !/^(some|many|most|several|both|all|few|others|data|figures|numbers|records)$/.test(t.lower);
/** "Attorneys for the family released", "members of the committee criticized": a speaker noun with its complement. */
function ppSpeakerHead(toks: readonly Token[], j: number): boolean {
  for (let k = j - 1; k >= 1 && j - k <= 5; k--) {
    const w = toks[k];
    if (!w.word || w.quote >= 0) return false;
    if (/^(for|of|from|at|with|in)$/.test(w.lower)) return toks[k - 1].word && toks[k - 1].quote < 0 && speakerHead(toks[k - 1]);
    if (NP_STOP.has(w.lower) || CUE_FORMS.has(w.lower)) return false;
  }
  return false;
}
/** "Trump tweeted ... and encouraged", "Mr. Obama, who understood": a coordinated or relative subject. */
function coordinateSubject(toks: readonly Token[], i: number): boolean {
  let j = i - 1;
  while (j >= 0 && isAux(toks[j])) j--;
  const p = toks[j];
  if (!p) return false;
  if (p.lower === 'who') return j > 0 && (toks[j - 1].text === ',' ? isCap(toks[j - 2] ?? p) : SPEAKER_NOUNS.has(toks[j - 1].lower) || isCap(toks[j - 1]));
  if (p.lower !== 'and') return false;
  const r = sentenceSubject(toks, j);
  return !!r && (isCap(toks[r[1]]) || PRONOUNS.has(toks[r[1]].lower) || SPEAKER_NOUNS.has(toks[r[1]].lower));
}
const TITLES_OFF = new Set(['the', 'a', 'an', 'in', 'on', 'at', 'but', 'and', 'if', 'when', 'as']);

/** The subject of a sentence that runs up to index `upto`: its first noun phrase, past a leading adverbial. */
const SENTENCE_ADV = /^(worse|better|besides|otherwise|furthermore|likewise|similarly|however|meanwhile|instead|still|too|also|then|now|recently|later|earlier|yet|moreover|indeed|nevertheless|nonetheless|separately|previously|afterward|afterwards|today|yesterday|again|so|thus|therefore|first|finally|overall)$/;
function sentenceSubject(toks: readonly Token[], upto: number): [number, number] | undefined {
  let a = 0;
  if (toks[0] && OPEN_Q.test(toks[0].text)) return undefined;
  // "In July, Gingrich ...", "On Thursday, however, Trump ...", "Chastened by the analyses, Trump ...":
  // skip leading adverbials up to their commas, and a lone adverb closed by a comma
  for (let round = 0; round < 3 && a < upto; round++) {
    const t = toks[a];
    if (!t?.word) break;
    if (toks[a + 1]?.text === ',' && (SENTENCE_ADV.test(t.lower) || (t.lower.length > 4 && t.lower.endsWith('ly') && (a === 0 || !isCap(t))))) {
      a += 2;
      continue;
    }
    const opener = /^(in|at|on|during|after|before|with|by|for|meanwhile|later|earlier|since|last|this|then|also|but|and|still|following|amid|despite|under|from|like|unlike|recently)$/.test(t.lower) || (t.lower.endsWith('ed') && toks[a + 1]?.lower === 'by');
    if (!opener) break;
    let k = a;
    while (k < upto && k - a < 14 && toks[k].text !== ',') k++;
    if (toks[k]?.text !== ',') return undefined;
    a = k + 1;
  }
  // a subject pronoun is the whole subject ("He won votes by telling ...")
  let last = SUBJECT_PRONOUNS.has(toks[a]?.lower ?? '') ? a : npForward(toks, a);
  for (let k = a + 1; k <= last; k++) {
    // the verb, or an auxiliary or adverb before it ("Mr. Schultz generally supported")
    if (!isCap(toks[k]) && toks[k].word && (CUE_FORMS.has(toks[k].lower) || toks[k].lower.endsWith('ed') || isAux(toks[k]))) {
      last = k - 1;
      break;
    }
  }
  // "Trump, a businessman, ..." : the name before an apposition
  if (last < a || last >= upto - 1 || !plausibleSource(toks, a, last)) return undefined;
  const words = toks.slice(a, last + 1).filter((t) => t.word);
  if (!words.some(isCap) && !(words.length === 1 && PRONOUNS.has(words[0].lower)) && !SPEAKER_NOUNS.has(words[words.length - 1].lower)) return undefined;
  // the verb of the first clause must follow the subject
  const v = toks[last + 1];
  if (!v || (!v.word && v.text !== ',')) return undefined;
  return [a, last];
}

/** Heads of institutions that may speak through "which" ("the department, which reported"); places do not. */
const WHICH_HEADS = new Set([...SPEAKER_NOUNS, ...ORG_WORDS].filter((w) => !/^(city|county|province|region|state|states|side|site|website|station|school|church|hospital|club|post)$/.test(w)));

/** The antecedent of "who"/"which" at index j: the noun phrase before it (past a comma). */
function antecedent(toks: readonly Token[], j: number): [number, number] | undefined {
  let k = j - 1;
  if (toks[k]?.text === ',') k--;
  if (k < 0 || !toks[k].word) return undefined;
  // back to a determiner, a preposition or a verb: "for an architect who", "listeners of the program who"
  let first = k;
  while (first > 0) {
    const p = toks[first - 1];
    if (!p.word && !isChar(p.text, '-.&’\'')) break;
    if (p.word && NP_STOP.has(p.lower) && !isCap(p)) break;
    if (/^(for|in|at|on|with|to|from|by|of)$/.test(p.lower) && !(p.lower === 'of' && isCap(toks[first]) && first > 1 && isCap(toks[first - 2]))) break;
    if (!isCap(p) && p.lower.endsWith('ed') && !DETERMINERS.has(toks[first].lower)) break;
    first--;
    if (DETERMINERS.has(p.lower)) break;
  }
  if (!plausibleSource(toks, first, k)) return undefined;
  const words = toks.slice(first, k + 1).filter((t) => t.word);
  const head = words[words.length - 1].lower;
  if (toks[j].lower === 'that' ? !(WHICH_HEADS.has(head) || (isCap(toks[k]) && !/(ing|ly)$/.test(head))) || PRONOUNS.has(head) || CUE_FORMS.has(head) : toks[j].lower === 'which' ? !WHICH_HEADS.has(head) : /(ing|ly)$/.test(head)) return undefined;
  return [first, k];
}

/** The noun phrase opening the sentence, up to its first verb. */
function firstPhrase(toks: readonly Token[]): [number, number] {
  // "Worse, the companies ...": an opening sentence adverb is no subject
  const a = toks.length > 2 && toks[1].text === ',' && SENTENCE_ADV.test(toks[0].lower) ? 2 : 0;
  let last = npForward(toks, a);
  for (let k = a + 1; k <= last; k++) {
    if (!isCap(toks[k]) && toks[k].word && (CUE_FORMS.has(toks[k].lower) || toks[k].lower.endsWith('ed'))) {
      last = k - 1;
      break;
    }
  }
  return [a, last];
}

/** ", saying ...": the source is the subject of the sentence. */
function participial(text: string, s: Range, toks: readonly Token[], i: number, cueEnd: number, _lemma: string): Found | undefined {
  if (!toks[i].lower.endsWith('ing')) return undefined;
  // "Citing a report, Trump accused ...": an opening participle; the subject after its comma speaks
  if (i === 0) {
    let k = cueEnd + 1;
    while (k < toks.length && k < 30 && !(toks[k].text === ',' && toks[k].quote < 0)) k++;
    if (toks[k]?.text !== ',' || k - cueEnd < 3) return undefined;
    // the subject: a pronoun, a run of capitalised words, or a determiner up to its speaker noun
    const f = toks[k + 1];
    let end = -1;
    if (f && PRONOUNS.has(f.lower)) end = k + 1;
    else if (f && isCap(f) && !DETERMINERS.has(f.lower)) {
      end = k + 1;
      while (end + 1 < toks.length && (isCap(toks[end + 1]) || (toks[end + 1].text === '.' && /^\p{Lu}\p{L}{0,3}$/u.test(toks[end].text) && toks[end + 2] && isCap(toks[end + 2])))) end++;
    } else if (f && DETERMINERS.has(f.lower)) {
      for (let m = k + 2; m < toks.length && m - k < 6 && toks[m].word; m++) if (SPEAKER_NOUNS.has(toks[m].lower) || isCap(toks[m])) end = m;
    }
    if (end < k + 1 || !plausibleSource(toks, k + 1, end) || !(isCap(toks[k + 1]) || PRONOUNS.has(toks[k + 1].lower) || DETERMINERS.has(toks[k + 1].lower))) return undefined;
    let c = cueEnd + 1;
    if (toks[c]?.lower === 'that') c++;
    if (c >= k) return undefined;
    return { source: { start: toks[k + 1].start, end: toks[end].end }, cue: { start: toks[i].start, end: toks[cueEnd].end }, content: { start: toks[c].start, end: toks[k - 1].end } };
  }
  // the subject of the sentence, past a leading adverbial ("On Thursday, the panel ..., saying")
  // "footage of Trump saying ...": the name right before the participle speaks
  let named = i > 2 && isCap(toks[i - 1]) && !PRONOUNS.has(toks[i - 1].lower) ? i - 1 : -1;
  while (named > 1 && i - named < 4 && (isCap(toks[named - 1]) || (toks[named - 1].text === '.' && /^\p{Lu}\p{L}{0,3}$/u.test(toks[named - 2].text)))) named--;
  const subj: [number, number] = named >= 1 && /^(of|with|shows?|showed|showing)$/.test(toks[named - 1]?.lower ?? '') ? [named, i - 1] : sentenceSubject(toks, GERUND_PREP.has(toks[i - 1]?.lower ?? '') ? i - 1 : i) ?? firstPhrase(toks);
  const [first, last] = subj;
  if (named >= 1 && first === named) {
    let c = cueEnd + 1;
    if (toks[c]?.lower === 'that' || toks[c]?.text === ':') c++;
    c = skipCircumstance(toks, c);
    if (toks[c]?.text === ',') c++;
    const content = tail(text, toks, c, s);
    return content ? { source: { start: toks[first].start, end: toks[last].end }, cue: { start: toks[i].start, end: toks[cueEnd].end }, content } : undefined;
  }
  if (last < first || last >= i - 1 || !plausibleSource(toks, first, last)) return undefined;
  // "In the next eight weeks ..., emphasizing ...", "Under Mrs. Clinton's plan, taxpayers reporting ...": a phrase that opens
  // with a preposition is an adverbial, not the speaker
  if (/^(in|at|on|during|after|before|from|with|for|under|since|through|by|over|until|within|without|amid|despite)$/.test(toks[first].lower)) return undefined;
  let c = cueEnd + 1;
  if (toks[c]?.lower === 'that' || toks[c]?.text === ':') c++;
  const content = tail(text, toks, c, s);
  if (!content) return undefined;
  return { source: { start: toks[first].start, end: toks[last].end }, cue: { start: toks[i].start, end: toks[cueEnd].end }, content };
}

/** Skips the hearer of "told reporters", "told The Associated Press", "told him". */
function skipHearer(toks: readonly Token[], c: number): number {
  for (let k = c; k < Math.min(toks.length, c + 9); k++) {
    if (toks[k].quote >= 0 || isChar(toks[k].text, ',.;:!?')) break;
    if (toks[k].lower === 'that' && k > c) return k;
  }
  const t = toks[c];
  if (!t || t.quote >= 0) return c;
  // a hearer phrase closed by punctuation: "he told the group, adding ...", "told The New York Times."
  if (HEARERS.has(t.lower) || DETERMINERS.has(t.lower) || isCap(t)) {
    let k = c;
    while (k < toks.length && k - c < 7 && toks[k].word && toks[k].quote < 0 && (isCap(toks[k]) || !NP_STOP.has(toks[k].lower))) k++;
    const after = toks[k + 1];
    const closes = k < toks.length && (isChar(toks[k].text, '.;:!?') || (OPEN_Q.test(toks[k].text) && toks[k].quote >= 0) || (toks[k].text === ',' && (!after || (after.word && after.lower.endsWith('ing')) || OPEN_Q.test(after.text))));
    if (k > c && closes) return k;
    // "told Bill O'Reilly of Fox News this week.": a time phrase closing the hearer
    const timed = skipTime(toks, k);
    if (k > c && timed > k && (!toks[timed] || isChar(toks[timed].text, '.;!?') || (toks[timed].text === ',' && toks[timed + 1] && (OPEN_Q.test(toks[timed + 1].text) || toks[timed + 1].lower.endsWith('ing'))))) return timed;
  }
  if (/^(him|her|them|us|me|you|reporters|journalists|lawmakers|supporters|voters|viewers)$/.test(t.lower)) return c + 1;
  if (HEARERS.has(t.lower) || isCap(t)) {
    let k = c;
    if (DETERMINERS.has(toks[k].lower)) k++;
    while (k < toks.length && toks[k].word && (isCap(toks[k]) || (k - c < 3 && !NP_STOP.has(toks[k].lower) && HEARERS.has(toks[k].lower)))) k++;
    // "asked Lester Holt, the moderator, to ...": past an apposition to the hearer
    if (k > c && toks[k]?.text === ',') {
      for (let m = k + 1; m < toks.length && m - k < 10; m++) {
        if (toks[m].quote >= 0 || isChar(toks[m].text, '.;:!?')) break;
        if (toks[m].text === ',' && /^(to|that)$/.test(toks[m + 1]?.lower ?? '')) return m + 1;
      }
    }
    return k > c ? k : c;
  }
  return c;
}

/** Skips "in a statement", "at a news conference", "in an interview with X" before the content. */
function skipCircumstance(toks: readonly Token[], c: number): number {
  const t = toks[c];
  if (!t || !CIRCUM_PREPS.has(t.lower)) return c;
  // "urged Congress to leave ...": an infinitive is the content, not a circumstance
  const n = toks[c + 1];
  if (t.lower === 'to' && n?.word && !isCap(n) && !DETERMINERS.has(n.lower) && !/^(reporters|journalists|supporters|voters|me|us|him|her|them|you)$/.test(n.lower)) return c;
  for (let k = c + 1; k < Math.min(toks.length, c + 14); k++) {
    if (toks[k].quote >= 0 && OPEN_Q.test(toks[k].text)) return k;
    if (toks[k].text === ',') return k + 1;
    if (toks[k].lower === 'that') return k;
    if (toks[k].text === ':') return k;
    if (isChar(toks[k].text, '.;!?')) return c;
  }
  return c;
}

function trimComma(text: string, r: Range): Range {
  let end = r.end;
  while (end > r.start && (spaceAt(text, end - 1) || isChar(text[end - 1], ',—–-'))) end--;
  return { start: r.start, end };
}
