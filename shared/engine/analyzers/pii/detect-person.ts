import { BEFORE_I, NOT_A_PERSON, personPredicateAfter, personSlotAfter, PREDICATE_START, STRONG_PERSON_PREDICATE, surnameShaped } from './person-cues';
import { isCommonWord } from './common-word';
import { englishWord, isInitial, tokenize, type Token } from './person-tokens';
import { AMBIGUOUS_NAMES, FIRST_NAMES, SURNAMES, WORD_GIVEN_NAMES, WORD_SURNAMES } from './first-names';
import { US_STATE_NAMES } from './detect-postal-code';
import type { PiiEntity } from './types';

/**
 * Person names without a language model, from cues that rarely lie: an honorific ("Dr. Nishiyama"), a
 * self-introduction ("my name is ...", "Name: ..."), a known first name followed by a capitalized
 * surname ("Maria Lopez"), two capitalized words around an initial ("Hanne I. Kreutzmann"), or a capitalized
 * word before a known surname ("Bonifacy Kaczmarek"). A known first name on its own scores lowest.
 * A capitalised word that is no ordinary English word (common-word.ts, from WordNet) is name-like: two of them
 * side by side are a name ("Vilmer Holmberg"), and one alone is a name where the sentence treats it as a person
 * (a he/she/his/her nearby, "says X", a vocative ", X!") or where it heads an address block.
 */


// Capitalized words that follow first names in places, products, titles and headings, never surnames.
const NOT_SURNAME = new Set(
  `street st avenue ave road rd lane drive boulevard way court place square station beach river lake mountain island bay park hall center centre bank
  airport hospital school college university institute tech city county state hotel bridge museum church inc ltd llc group company corp day days period
  week month year monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november
  december value values size length width height complete done all read page settings account profile mode level version update guide support help
  service services team plan pro plus max mini edition series studio store home office cloud drive search language model framework library server data
  time zone and or the of in on at for to from with by is are was were has have had will would can could should not no yes if then else when where who
  what which why how this that these those it its my your our their his her he she they we you i me him them said says told asked went came
  apt apartment suite unit box po technologies technology solutions systems labs laboratories partners holdings associates consulting capital
  ventures industries enterprises international global networks software analytics media foods motors pharmaceuticals pharma insurance
  logistics energy airlines airways bancorp financial brands studios productions publishing`.split(/\s+/),
);

// Words that end a name captured after a cue ("my name is anna and i ...").
const STOP = new Set(
  'and or but from originally i im i\'m is was am the a an please thanks thank here there my your at in on of to for with by who which that this'.split(' '),
);

/** Only spaces (no punctuation, no line break) between two tokens. */
const spaced = (text: string, a: Token, b: Token): boolean => /^[ \t\u00a0]{1,3}$/.test(text.slice(a.end, b.start));

const isCap = (t: Token): boolean => t.cap;

// Particles written in lower case inside family names.
const NAME_PARTICLE = new Set('de van von der den da di du del della dos das la le ter ten'.split(' '));
// After a name-like word, what makes it a place: a region and postcode ("Ann Arbor, MI 48104", "Adelaide SA 5000",
// "Bend, Oregon 97701", "York YO1 7HH"); before it, a continental postcode ("80331 München").
const PLACE_TAIL = new RegExp(`,?[ \\t]+(?:(?:[A-Z]{2,3}|${US_STATE_NAMES})[ \\t]+\\d{4,5}(?![\\d])|[A-Z]{1,2}\\d[A-Z\\d]?[ ]\\d[A-Z]{2}\\b|[A-Z]\\d[A-Z][ ]\\d[A-Z]\\d\\b)`, 'y');
const FIRM_AFTER = /^[ \t]+(?:and|&)[ \t]+(?:Sons|Daughters|Co\b|Company|Partners|Associates|Brothers|Bros)/;
const CODE_BEFORE = /(?:^|[\s,])(?:[A-Z]{1,2}-)?\d{4,5}(?:[ \t]?[A-Z]{2})?[ \t]+$/;

/** From token i (a first word already accepted), extend over middle initials and capitalized surnames. */
function extendName(text: string, tokens: Token[], i: number, maxWords: number): number {
  let last = i;
  for (let k = i + 1; k < tokens.length && k - i < maxWords + 1; k++) {
    const t = tokens[k]!;
    if (!spaced(text, tokens[k - 1]!, t)) break;
    if (isInitial(t)) {
      last = k;
      continue;
    }
    // A lower-case particle inside a family name: "Gunnar de Vries", "Ana van der Berg", "Luis de la Cruz".
    if (!t.cap && NAME_PARTICLE.has(t.key)) {
      let j = k;
      while (j + 1 < tokens.length && j - k < 2 && NAME_PARTICLE.has(tokens[j + 1]!.key) && !tokens[j + 1]!.cap && spaced(text, tokens[j]!, tokens[j + 1]!)) j++;
      const after = tokens[j + 1];
      if (!after || !after.cap || after.caseless || !spaced(text, tokens[j]!, after) || NOT_SURNAME.has(after.key)) break;
      last = k = j + 1;
      if (after.text.endsWith('.')) break;
      continue;
    }
    if (!isCap(t) || NOT_SURNAME.has(t.key)) break;
    last = k;
    if (t.text.endsWith('.')) break; // "Maria Lopez. Then ..." ends the name
  }
  // A trailing initial is not part of the name ("Anna B." at a sentence end keeps "B.").
  while (last > i && isInitial(tokens[last]!) && !tokens[last]!.text.endsWith('.')) last--;
  return last;
}

const HONORIFIC = new Set(
  'mr mrs ms miss mx dr prof sir dame lady lord rev fr herr frau mme mlle madame monsieur senor senora sra sr mister professor doctor'.split(' '),
);

// "my name is", "her maiden name is", "Name:" at a line start: what follows is a name even in lowercase.
const STRONG_CUE = /(?:\bmy name is|\bmy name's|\b(?:his|her|their|maiden|last|first|full|sur) ?name is|(?:^|\n)[ \t]*(?:full |first |last |customer |patient |client |employee )?name[ \t]*:|\bname\b[^?\n]{0,40}\?[ \t]*(?:[A-Za-z]+:)?)[ \t]*/gi;
// Labels and roles that only a person fills: "Contact person: ...", "Cardholder: ...", "the account holder is ...".
const LABEL_CUE = /(?:(?:^|\n)[ \t]*(?:contact person|contact name|account holder|card ?holder|policy ?holder|beneficiary|passenger|patient|applicant|recipient|attn\.?|attention|c\/o)[ \t]*:|\b(?:account|card|policy)[ -]?holder(?:'s name)? is)[ \t]*/gi;
const LABEL_WORD = /person|name|holder|beneficiary|passenger|patient|applicant|recipient|attn|attention|c\/o/i;
// Introductions and sign-offs: two capitalized words after them are a name ("Dear Anna Kowalska").
const INTRO_CUE = /\b(?:i am|i'm|call me|dear|regards|sincerely|signed)[,:]?[ \t]+/gi;
// Lower-case words after a business or product name: "Lumora support", "ParcelPoint app".
const ORG_AFTER = new Set('support team help sales service services desk staff office department app apps admin console plan plans account accounts customer customers store shop website site portal community forum inc ltd llc'.split(' '));
// Words after "Dear" that greet a role, not a person.
const NOT_ADDRESSEE = new Set('sir sirs madam madame customer customers team all colleague colleagues friend friends member members user users valued client clients support hiring manager applicant applicants parent parents neighbour neighbours neighbor neighbors everyone everybody reader readers editor editors committee board partner partners guest guests subscriber subscribers patient patients student students'.split(' '));
// A sign-off closing a message; the name is on the next line.
const SIGN_OFF = /(?:^|\n)[ \t]*(?:best(?: regards| wishes)?|kind regards|warm regards|warmest regards|regards|sincerely|yours(?: truly| sincerely| faithfully)?|cheers|thanks(?: again)?|thank you|many thanks|all the best|respectfully|love|take care)[,!.]?[ \t]*\r?\n[ \t]*/gi;
// Greetings and mentions: what follows is a name only if it starts with a known first name.
const GREETING_CUE = /\b(?:this is|hi|hello|hey|thanks|thank you|cheers|contact|ask for|speak (?:to|with)|talk to)[,:]?[ \t]+/gi;
// Attribution in reported speech ("says Anna Kowalska", "according to Dr Lee"): one or two capitalised words after it
// name a speaker; an organisation would need a capitalised common word ("says Acme Bank"), which NOT_SURNAME stops.
const SPEECH_CUE = /\b(?:says|said|according to|asked|replied|explained|told|wrote|interviewed|married|met)[,:]?[ \t]+/g;
// A name owning a relative, a personal role or personal data ("Anna's husband", "Kowalski's lawyer", "Oyelaran's
// phone number"): after relatives and roles any capitalised name, after data only words that read as names,
// since "Customer's address" owns data too.
const OWNED_BY_PERSON = new Set(`wife husband son daughter mother father mom mum dad kid kids child children brother sister parents grandmother
  grandfather fiance fiancee girlfriend boyfriend partner widow lawyer attorney family killer killers murderer funeral birthday death`.split(/\s+/));
const OWNED_DATA = new Set(`phone number mobile cell email e-mail address account card passport license licence ssn social profile password
  username salary signature car house flat apartment office desk order booking reservation appointment flight ticket record records resume cv
  application contract boss manager colleague friend friends assistant doctor dog cat career life name age birth song songs album albums
  book books novel novels poem poems film films movie painting paintings music`.split(/\s+/));
const OWNED_ADJECTIVE = new Set('late new former older younger eldest youngest own old current home work personal private'.split(' '));

function possessiveNames(text: string, tokens: Token[], push: (a: number, b: number, score: number) => void): void {
  for (let i = 0; i < tokens.length - 1; i++) {
    const t = tokens[i]!;
    if (!t.cap || t.caseless || !/['’]s$/.test(t.text)) continue;
    let j = i + 1;
    if (OWNED_ADJECTIVE.has(tokens[j]!.key) && j + 1 < tokens.length) j++;
    const owned = tokens[j]!.key;
    const relation = OWNED_BY_PERSON.has(owned);
    if (!relation && !OWNED_DATA.has(owned)) continue;
    const prev = tokens[i - 1];
    const first = prev && prev.cap && !prev.caseless && spaced(text, prev, t) && !NOT_SURNAME.has(prev.key) && !endsWithPeriod(prev) ? i - 1 : i;
    const words = tokens.slice(first, i + 1);
    const bare = (w: Token): string => w.key.replace(/['’]s$/, '');
    if (words.some((w) => NOT_SURNAME.has(bare(w)) || BRANDS.has(bare(w)))) continue;
    if (!relation && !words.every((w) => FIRST_NAMES.has(bare(w)) || SURNAMES.has(bare(w)) || (!isCommonWord(bare(w)) && !isInitial(w)))) continue;
    push(first, i, 0.65);
  }
}
const endsWithPeriod = (t: Token): boolean => t.text.endsWith('.');
// Joins a name already found to the next one in a list or pair: "Rintanen and Ahtisaari", "Mette, Inger and Lars".
const COORDINATION = /^(?:[ \t]*,[ \t]*(?:(?:and|or)[ \t]+)?|[ \t]+(?:and|or|&)[ \t]+)$/;

// Company, product and platform names that are no English word and would otherwise read as names ("Microsoft
// Entra", "Redis ... for him"): the brands an assistant's answers mention most, written here.
const BRANDS = new Set(
  `microsoft google alphabet apple amazon aws azure entra meta facebook instagram whatsapp okta oracle salesforce adobe nvidia intel amd samsung
  sony netflix spotify uber airbnb openai anthropic github gitlab bitbucket atlassian jira confluence slack zoom shopify paypal stripe twilio zendesk
  hubspot dropbox linkedin twitter youtube tiktok tesla ibm cisco lenovo huawei xiaomi nikon canon redis postgres postgresql mysql mongodb kubernetes
  docker terraform tensorflow pytorch keras numpy pandas android ios macos chrome firefox safari linux ubuntu debian fedora windows xbox playstation
  nintendo alexa siri cortana gemini copilot chatgpt claude llama mistral cohere huggingface vercel netlify heroku datadog splunk snowflake databricks`.split(/\s+/),
);

// Unfolded, so a word with diacritics ("Krisztián") is never taken for an English one.
const english = (t: Token): boolean => englishWord(t.text);
/** A capitalised word that can be part of a name: a known name, or no ordinary English word. */
// "StellarWorks", "OptimumSolutions": a capital after four or more lower-case letters joins two words into a brand
// (names put it early: "McDonald", "MacLeod", "DeShawn").
const CAMEL_BRAND = /\p{Ll}{4}\p{Lu}/u;
const nameLike = (t: Token): boolean =>
  !NOT_SURNAME.has(t.key) && !BRANDS.has(t.key) && (isInitial(t) || FIRST_NAMES.has(t.key) || SURNAMES.has(t.key) || (isCap(t) && !english(t) && (t.caseless || t.text !== t.text.toUpperCase()) && !CAMEL_BRAND.test(t.text)));
const unknownCap = (t: Token): boolean => isCap(t) && !isInitial(t) && nameLike(t) && !english(t);

const PRONOUN = /\b(?:he|she|him|her|his|hers|himself|herself)\b/i;
// After a name addressed at a sentence start: a comma and a request or a question.
const ADDRESSED = /^,[ \t]+(?:please|can|could|would|will|do|did|are|have|thanks|thank|let|don't|i|we|you|is|was)\b/i;
// A vocative at a clause end: "Don't go to town, Mark!", "Thanks, Aniela."
const VOCATIVE = /,[ \t]+(\p{Lu}[\p{L}\p{M}'’-]+)[ \t]*[!?.]/gu;
// A line (after an optional "Label:" or bullet) that holds only capitalised words, with an address line within
// the next two lines: the addressee heads an address block.
const NAME_LINE = /^[^\p{L}\d\n]*(?:[\p{L} ]+:[ \t]*)?((?:(?:\p{Lu}[\p{L}\p{M}'’.-]*|van|von|de|der|den|da|di|du|del|della|la|le|bin|ibn|al)[ \t]+){1,3}\p{Lu}[\p{L}\p{M}'’.-]*)[ \t]*$/gmu;
const PARTICLE = new Set('van von de der den da di du del della la le bin ibn al'.split(' '));
const ADDRESS_START = /^[^\p{L}\d\n]*(?:\d{1,6}[ \t]|P\.?[ \t]?O\.?[ \t]?Box)/u;

/** The sentence around [start, end) and the one after it, looked for within 300 characters either side. */
function sentenceAround(text: string, start: number, end: number): string {
  const lo = Math.max(0, start - 300);
  const window = text.slice(lo, Math.min(text.length, end + 300));
  const s = start - lo;
  const e = end - lo;
  const from = Math.max(0, window.lastIndexOf('.', s), window.lastIndexOf('\n', s));
  const next = window.indexOf('.', e);
  const after = next < 0 ? -1 : window.indexOf('.', next + 1);
  return window.slice(from, after < 0 ? window.length : after);
}

const NON_ASCII_WORD = /[^ -~\t\n\r]/;
const knownName = (t: Token): boolean => FIRST_NAMES.has(t.key) || SURNAMES.has(t.key);

/**
 * The word after a cue that puts a person there (person-cues.ts: "a song by", "the widow of", "my colleague",
 * "heard X speak"): a name-like word, or after some cues a capitalised English word ("had given Belle his
 * address"), and the capitalised words right after it.
 */
function personSlots(text: string, tokens: Token[], push: (a: number, b: number, score: number) => void): void {
  const next = (i: number): number => (i + 1 < tokens.length && spaced(text, tokens[i]!, tokens[i + 1]!) ? i + 1 : -1);
  for (let i = 0; i < tokens.length - 1; i++) {
    const slot = personSlotAfter(tokens, i, next);
    if (!slot || slot.at < 0) continue;
    const t = tokens[slot.at]!;
    if (!isCap(t) || isInitial(t) || NOT_SURNAME.has(t.key) || BRANDS.has(t.key) || NOT_A_PERSON.has(t.key) || HONORIFIC.has(t.key)) continue;
    if (!nameLike(t) && (!slot.anyCapital || t.caseless || t.text === t.text.toUpperCase())) continue;
    push(slot.at, extendName(text, tokens, slot.at, 2), 0.6);
  }
}

function unknownWordNames(text: string, tokens: Token[], byStart: Map<number, number>, push: (a: number, b: number, score: number) => void): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!unknownCap(t)) continue;
    // Two name-like capitalised words side by side, one of them no English word. Without case, any unknown word
    // reads as capitalised ("json config"), so one of the two must be a known name or spelt outside ASCII.
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    const strongPair = (a: Token, b: Token): boolean => !a.caseless || [a, b].some((w) => knownName(w) || NON_ASCII_WORD.test(w.text));
    if (next && spaced(text, t, next) && isCap(next) && nameLike(next) && !t.text.endsWith('.') && strongPair(t, next)) {
      push(i, extendName(text, tokens, i, 2), 0.6);
      continue;
    }
    if (prev && spaced(text, prev, t) && isCap(prev) && nameLike(prev) && !isInitial(prev) && !prev.text.endsWith('.') && strongPair(prev, t)) {
      push(i - 1, i, 0.6);
      continue;
    }
    // No English word followed by a family name that is one ("Nkechi Young", "Olumide Baker").
    if (next && spaced(text, t, next) && next.cap && !next.caseless && WORD_SURNAMES.has(next.key) && !t.text.endsWith('.')) {
      push(i, i + 1, 0.6);
      continue;
    }
    // Addressed at the start of a sentence: "Ingrid, please send it", "Olumide, can you check?".
    if (text[t.end] === ',' && !t.caseless && ADDRESSED.test(text.slice(t.end, t.end + 16)) && (i === 0 || /[.!?\n][\s"“]*$/.test(text.slice(Math.max(0, t.start - 4), t.start)))) {
      push(i, i, 0.6);
      continue;
    }
    // One unknown word that the sentence treats as a person (a pronoun is weak evidence in a text without case).
    const after = text.slice(t.end, t.end + 60);
    const pronoun = (!t.caseless || knownName(t)) && PRONOUN.test(sentenceAround(text, t.start, t.end));
    if (pronoun || personPredicateAfter(after) || BEFORE_I.test(after)) push(i, i, 0.55);
    // A family name by its ending ("Ryhänen", "Sedláčková", "Mccullough"), in a text with case.
    else if (!t.caseless && surnameShaped(t.text.replace(/['’]s$|\.$/, ''))) push(i, i, 0.55);
  }
  // A capitalised English word (or a known given name used as one) as the subject of a predicate only people
  // take: "Walker began writing", "Belle was born in".
  // A given name that is also an English word ("Hope", "Grace", "Hunter"), capitalised inside a sentence of lower-case
  // words that speaks of a person ("When Hope gets back, ask her"): capitalisation mid-sentence is the cue. One pass.
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!isCap(t) || t.caseless) continue;
    if (i > 0 && WORD_GIVEN_NAMES.has(t.key)) wordGivenName(i);
    if (isInitial(t) || NOT_SURNAME.has(t.key) || NOT_A_PERSON.has(t.key) || BRANDS.has(t.key)) continue;
    if (PREDICATE_START.has(tokens[i + 1]?.key ?? '') && STRONG_PERSON_PREDICATE.test(text.slice(t.end, t.end + 60))) push(i, i, 0.55);
  }
  function wordGivenName(i: number): void {
    const t = tokens[i]!;
    if (t.text !== t.text[0] + t.text.slice(1).toLowerCase()) return;
    const prev = tokens[i - 1]!;
    const next = tokens[i + 1];
    // The word before may be capitalised only as the sentence's first word ("When Hope gets back").
    const prevStartsSentence = i === 1 || /[.!?\n][\s"“]*$/.test(text.slice(Math.max(0, prev.start - 4), prev.start));
    if ((prev.cap && !(prevStartsSentence && !nameLike(prev))) || /[.!?:]$/.test(prev.text) || /[\n.!?:]/.test(text.slice(prev.end, t.start)) || (next && next.cap && spaced(text, t, next))) return;
    if (PRONOUN.test(sentenceAround(text, t.start, t.end)) || personPredicateAfter(text.slice(t.end, t.end + 60))) push(i, i, 0.55);
  }
  personSlots(text, tokens, push);
  for (const m of text.matchAll(VOCATIVE)) {
    const i = byStart.get(m.index + m[0].indexOf(m[1]!));
    if (i !== undefined && (unknownCap(tokens[i]!) || FIRST_NAMES.has(tokens[i]!.key))) push(i, i, 0.6);
  }
  // An addressee line needs an address line under it, so a text of one line has none.
  if (text.includes('\n')) for (const m of text.matchAll(NAME_LINE)) {
    const lines = text.slice(m.index + m[0].length + 1, m.index + m[0].length + 400).split('\n').filter((l) => l.trim().length > 0).slice(0, 2);
    if (!lines.some((l) => ADDRESS_START.test(l))) continue;
    const first = byStart.get(m.index + m[0].indexOf(m[1]!));
    if (first === undefined) continue;
    let last = first;
    while (last + 1 < tokens.length && tokens[last + 1]!.end <= m.index + m[0].length) last++;
    const words = tokens.slice(first, last + 1);
    if (words.every((w) => nameLike(w) || PARTICLE.has(w.text)) && words.some((w) => !isInitial(w) && !PARTICLE.has(w.text))) push(first, last, 0.7);
  }
}

/** The name after a found one in a list ("Mette, Inger and Lars"): a word that reads as a name. */
function coordinatedNames(text: string, tokens: Token[], byStart: Map<number, number>, found: PiiEntity[], push: (a: number, b: number, score: number) => void): void {
  const seen = new Set<number>();
  for (let k = 0; k < found.length; k++) {
    const e = found[k]!;
    if (e.score < 0.55 || seen.has(e.end)) continue;
    seen.add(e.end);
    const gap = /^[ \t]*,?[ \t]*(?:(?:and|or|&)[ \t]+)?/.exec(text.slice(e.end, e.end + 12))![0];
    if (!COORDINATION.test(gap)) continue;
    const i = byStart.get(e.end + gap.length);
    if (i === undefined) continue;
    const t = tokens[i]!;
    if (!isCap(t) || isInitial(t) || NOT_SURNAME.has(t.key) || BRANDS.has(t.key) || !(unknownCap(t) || FIRST_NAMES.has(t.key) || SURNAMES.has(t.key))) continue;
    push(i, extendName(text, tokens, i, 2), 0.6);
  }
  // And before it: "Mette, Inger and Lars" once "Lars" is found.
  for (let k = 0; k < found.length; k++) {
    const e = found[k]!;
    const i = byStart.get(e.start);
    if (e.score < 0.55 || i === undefined || i === 0 || seen.has(-e.start)) continue;
    seen.add(-e.start);
    const j = tokens[i - 1]!.key === 'and' || tokens[i - 1]!.key === 'or' ? i - 2 : i - 1;
    const t = tokens[j];
    if (!t || !COORDINATION.test(text.slice(t.end, e.start)) || !isCap(t) || isInitial(t) || NOT_SURNAME.has(t.key) || BRANDS.has(t.key)) continue;
    if (unknownCap(t) || FIRST_NAMES.has(t.key) || SURNAMES.has(t.key)) push(j, j, 0.6);
  }
}

/**
 * A text that names "Bonifacy Kaczmarek" means that person by "Kaczmarek" elsewhere too: each word of a name found
 * with two or more words (no initials, no known given name alone, no English word) marks its other capitalised
 * occurrences.
 */
function sameNameElsewhere(tokens: Token[], found: PiiEntity[]): void {
  // Which found name covers each token, in one sweep over both sorted lists (texts can hold thousands of names).
  const sorted = [...found].sort((a, b) => a.start - b.start);
  const coveredBy: (PiiEntity | undefined)[] = new Array(tokens.length);
  let k = 0;
  let reach: PiiEntity | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    while (k < sorted.length && sorted[k]!.start <= t.start) {
      if (!reach || sorted[k]!.end > reach.end) reach = sorted[k];
      k++;
    }
    if (reach && t.end <= reach.end + 1) coveredBy[i] = reach;
  }
  const wordsOf = new Map<PiiEntity, Token[]>();
  tokens.forEach((t, i) => {
    const e = coveredBy[i];
    if (!e) return;
    const words = wordsOf.get(e);
    if (words) words.push(t);
    else wordsOf.set(e, [t]);
  });
  const keys = new Set<string>();
  for (const [e, words] of wordsOf) {
    if (words.length < 2 || e.score < 0.6) continue;
    for (const w of words) if (!isInitial(w) && !PARTICLE.has(w.text) && !english(w) && w.key.length > 2) keys.add(w.key.replace(/['’]s$/, ''));
  }
  if (keys.size === 0) return;
  tokens.forEach((t, i) => {
    if (coveredBy[i] || !isCap(t)) return;
    if (!keys.has(t.key.replace(/['’]s$/, ''))) return;
    // The name ends before a possessive 's.
    const end = /['’]s$/.test(t.text) ? t.end - 2 : t.text.endsWith('.') ? t.end - 1 : t.end;
    found.push({ type: 'person', start: t.start, end, score: 0.7 });
  });
}

export function detectPersons(text: string): PiiEntity[] {
  const tokens = tokenize(text);
  if (tokens.length === 0) return [];
  const out: PiiEntity[] = [];
  const byStart = new Map<number, number>();
  tokens.forEach((t, i) => byStart.set(t.start, i));
  const push = (a: number, b: number, score: number): void => {
    const lastTok = tokens[b]!;
    // One word followed by a word that names a business or product ("Lumora Home support", "Protect Plus", "Acme
    // support") is that business, whatever cue pointed at it.
    const after = tokens[b + 1];
    if (a === b && after && spaced(text, lastTok, after) && (after.cap ? NOT_SURNAME.has(after.key) : ORG_AFTER.has(after.key))) return;
    // A sentence-ending period is not part of the name; an initial's period is.
    let end = lastTok.text.endsWith('.') && !isInitial(lastTok) ? lastTok.end - 1 : lastTok.end;
    // Nor is a possessive ("Anna Nowak's husband").
    if (/['’]s$/.test(text.slice(tokens[a]!.start, end))) end -= 2;
    // "Thomas and Sons", "Miller & Co": a family firm, not a person.
    if (FIRM_AFTER.test(text.slice(end, end + 24))) return;
    // A place written with its region or postcode is no person, whatever cue pointed at it.
    // Checked in place (sticky at the name's end; one character before its start), so most names cost no copy.
    PLACE_TAIL.lastIndex = end;
    const start = tokens[a]!.start;
    if (PLACE_TAIL.test(text) || (/[\dA-Z]/.test(text[start - 2] ?? '') && CODE_BEFORE.test(text.slice(Math.max(0, start - 12), start)))) return;
    out.push({ type: 'person', start: tokens[a]!.start, end, score });
  };
  const endsSentence = (t: Token): boolean => t.text.endsWith('.') && !isInitial(t);

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    // Honorific + capitalized name.
    if (HONORIFIC.has(t.key) && next && isCap(next) && !NOT_SURNAME.has(next.key) && /^[.\s]{1,3}$/.test(text.slice(t.end, next.start) || ' ')) {
      push(i + 1, extendName(text, tokens, i + 1, 2), 0.85);
      continue;
    }
    // Initials before a family name: "J. R. Okonkwo", "R. Ionescu".
    if (t.text.length === 2 && t.text[1] === '.' && !t.caseless && isInitial(t)) {
      let j = i + 1;
      while (j < tokens.length && j - i < 3 && isInitial(tokens[j]!) && spaced(text, tokens[j - 1]!, tokens[j]!)) j++;
      const family = tokens[j];
      if (family && spaced(text, tokens[j - 1]!, family) && unknownCap(family)) {
        push(i, extendName(text, tokens, j, 1), 0.7);
        i = j;
      }
      continue;
    }
    if (!isCap(t) || NOT_SURNAME.has(t.key) || isInitial(t)) continue;
    if (!FIRST_NAMES.has(t.key)) {
      // "Hanne I. Kreutzmann": capitalized word, initial, capitalized word.
      const mid = tokens[i + 1];
      const after = tokens[i + 2];
      if (mid && after && isInitial(mid) && isCap(after) && !isInitial(after) && !NOT_SURNAME.has(after.key) && spaced(text, t, mid) && spaced(text, mid, after)) {
        push(i, i + 2, 0.75);
        i += 2;
      } else if (next && SURNAMES.has(next.key) && isCap(next) && spaced(text, t, next) && !endsSentence(t)) {
        push(i, i + 1, 0.7);
        i += 1;
      }
      continue;
    }
    const last = extendName(text, tokens, i, 3);
    if (last > i && tokens.slice(i + 1, last + 1).some((x) => !isInitial(x))) push(i, last, 0.8);
    else if (!AMBIGUOUS_NAMES.has(t.key)) push(i, i, 0.55);
    i = last;
  }

  // Every form of STRONG_CUE holds the word "name"; every LABEL_CUE one of the words tested here.
  const cues = /name/i.test(text) ? [...text.matchAll(STRONG_CUE)] : [];
  if ((text.includes(':') && LABEL_WORD.test(text)) || text.includes('older is')) cues.push(...text.matchAll(LABEL_CUE));
  for (const m of cues) {
    let i = byStart.get(m.index + m[0].length);
    if (i === undefined) continue;
    const first = i;
    while (
      i < tokens.length &&
      i - first < 4 &&
      !STOP.has(tokens[i]!.key) &&
      (i === first || (spaced(text, tokens[i - 1]!, tokens[i]!) && !endsSentence(tokens[i - 1]!)))
    )
      i++;
    if (i > first) push(first, i - 1, 0.9);
  }
  for (const m of text.matchAll(SPEECH_CUE)) {
    const i = byStart.get(m.index + m[0].length);
    if (i === undefined || !isCap(tokens[i]!) || NOT_SURNAME.has(tokens[i]!.key) || isInitial(tokens[i]!)) continue;
    const last = extendName(text, tokens, i, 2);
    // One word alone is a speaker only if it is a known name or no English word ("says Kowalski"), not "says Acme".
    const key = tokens[i]!.key.replace(/['’]s$/, '');
    if (last > i || FIRST_NAMES.has(key) || SURNAMES.has(key) || unknownCap(tokens[i]!)) push(i, last, 0.7);
  }
  unknownWordNames(text, tokens, byStart, push);
  possessiveNames(text, tokens, push);
  for (const [cue, twoWordsSuffice] of [[INTRO_CUE, true], [GREETING_CUE, false]] as const) {
    for (const m of text.matchAll(cue)) {
      const i = byStart.get(m.index + m[0].length);
      if (i === undefined || !isCap(tokens[i]!) || NOT_SURNAME.has(tokens[i]!.key)) continue;
      const last = extendName(text, tokens, i, 2);
      // "Dear Ahtisaari,": one word that is no greeting word, closed by a comma or colon, is the addressee.
      const dearOne = m[0].toLowerCase().startsWith('dear') && last === i && /^[ \t]*[,:]/.test(text.slice(tokens[i]!.end, tokens[i]!.end + 3)) && !NOT_ADDRESSEE.has(tokens[i]!.key);
      // "Hello Kenji!", "This is Pernille from the front desk": a word that is no English word reads as the name.
      const unknownOne = !twoWordsSuffice && unknownCap(tokens[i]!) && !tokens[i]!.caseless;
      if (FIRST_NAMES.has(tokens[i]!.key) || (twoWordsSuffice && last > i) || dearOne || unknownOne) push(i, last, 0.75);
    }
  }
  // A sign-off line ("Best regards,") and, on the next line alone, one to four words that read as a name.
  if (text.includes('\n')) for (const m of text.matchAll(SIGN_OFF)) {
    const first = byStart.get(m.index + m[0].length);
    if (first === undefined) continue;
    const lineEnd = text.indexOf('\n', m.index + m[0].length);
    const stop = lineEnd < 0 ? text.length : lineEnd;
    let last = first;
    while (last + 1 < tokens.length && tokens[last + 1]!.end <= stop) last++;
    const words = tokens.slice(first, last + 1);
    if (words.length > 4 || !/^[\s.]*$/.test(text.slice(tokens[last]!.end, stop))) continue;
    if (words.every((w) => isCap(w) && (nameLike(w) || PARTICLE.has(w.key))) && words.some((w) => !isInitial(w))) push(first, last, 0.7);
  }
  coordinatedNames(text, tokens, byStart, out, push);
  sameNameElsewhere(tokens, out);
  return out.filter((e) => !placeAfterPreposition(text, e));
}

// Where English puts a place: "lives in Dolores", "near Vadsa", "the University of Vadsa", "originally from Riisa".
// Bare "at" and "in" are left out: people are looked at, believed in and confided in.
const PLACE_BEFORE = /(?:\b(?:near|outside|throughout|originally from|born in|lives? in|living in|based in|located in|moved to|(?:city|town|village|county|province|state|republic|kingdom|university|port|isle|lake|mount) of)[ \t]+)$/i;

/** A one-word name guessed from the word alone (score under 0.7) where a place stands is that place. */
function placeAfterPreposition(text: string, e: PiiEntity): boolean {
  if (e.score >= 0.7 || /\s/.test(text.slice(e.start, e.end))) return false;
  const before = text.slice(Math.max(0, e.start - 30), e.start);
  const last = /([A-Za-z]+)[ \t]+$/.exec(before);
  return last !== null && PLACE_WORD.has(last[1]!.toLowerCase()) && PLACE_BEFORE.test(before);
}
// The last words of PLACE_BEFORE's cues, checked before the regex runs.
const PLACE_WORD = new Set(['near', 'outside', 'throughout', 'from', 'in', 'to', 'of']);

// Before an email or phone number: "Priya Ramaswamy <priya@...>", "Kovalenko (mobile +44 ...)", "Lars: 0412 345 678".
const BEFORE_CONTACT = /(\p{Lu}[\p{L}\p{M}'’-]*(?:[ \t]+\p{Lu}[\p{L}\p{M}'’.-]*){0,2})[ \t]*(?:[<(:,–-][ \t]*)?(?:(?:mobile|phone|tel|cell|email|e-mail|mail|office|home|work)[ \t]*:?[ \t]*)?[<(]?$/u;

/** The name right before a contact detail that starts at `start`, if the words there read as one. */
export function nameBeforeContact(text: string, start: number): PiiEntity | null {
  const lo = Math.max(0, start - 60);
  const m = BEFORE_CONTACT.exec(text.slice(lo, start));
  if (!m) return null;
  const at = lo + m.index;
  const words = tokenize(text.slice(at, at + m[1]!.length));
  if (words.length === 0 || !words.every((w) => isCap(w) && !NOT_SURNAME.has(w.key) && !BRANDS.has(w.key) && nameLike(w))) return null;
  if (!words.some((w) => !isInitial(w) && (FIRST_NAMES.has(w.key) || !english(w)))) return null;
  const last = words[words.length - 1]!;
  return { type: 'person', start: at + words[0]!.start, end: at + (last.text.endsWith('.') && !isInitial(last) ? last.end - 1 : last.end), score: 0.65 };
}
