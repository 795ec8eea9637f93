/**
 * Word tokenization for the text analyzers: tokens keep their JavaScript string offsets so findings can point
 * at them, and carry a lowercased form, a light stem and a kind (word or number).
 */

export type TokenKind = 'word' | 'number';

export interface Token {
  /** The token exactly as written. */
  text: string;
  /** Lowercased; numbers without thousands separators ("1,000" -> "1000"). */
  norm: string;
  /** Light stem of `norm` (see `stem`); numbers are their own stem. */
  stem: string;
  kind: TokenKind;
  start: number;
  end: number;
}

// Numbers keep decimals and thousands separators together ("6.213", "1,000"); words keep inner apostrophes
// ("don't", "Arthur's") but split at hyphens so "Dutch-Belgian" matches "Dutch" and "Belgian". A hand-written
// scanner with an ASCII fast path: this runs over every context of every record.
const LETTER_RE = /[\p{L}\p{M}]/u;
const DIGIT_RE = /\p{N}/u;
const ORDINAL_SUFFIX_RE = /^(\p{N}+)(?:st|nd|rd|th|s)$/u;

function charAt(text: string, i: number): string {
  const c = text.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && i + 1 < text.length ? text.slice(i, i + 2) : text.charAt(i);
}
function isLetterAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) return 1;
  if (c < 128 || Number.isNaN(c)) return 0;
  const ch = charAt(text, i);
  return LETTER_RE.test(ch) ? ch.length : 0;
}
function isDigitAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 48 && c <= 57) return 1;
  if (c < 128 || Number.isNaN(c)) return 0;
  const ch = charAt(text, i);
  return DIGIT_RE.test(ch) ? ch.length : 0;
}
/** End of the run of letters (or digits) starting at i; ASCII is checked inline, the rest by Unicode class. */
function skipRun(text: string, i: number, digits: boolean): number {
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (digits ? c >= 48 && c <= 57 : (c >= 97 && c <= 122) || (c >= 65 && c <= 90)) {
      i++;
      continue;
    }
    if (c < 128) return i;
    const len = digits ? isDigitAt(text, i) : isLetterAt(text, i);
    if (len === 0) return i;
    i += len;
  }
  return i;
}

// Raw token -> [lowercased, stem]; vocabulary repeats heavily across records (bounded: cleared when large).
const WORD_CACHE = new Map<string, readonly [string, string]>();
const WORD_CACHE_MAX = 100_000;

function wordForms(raw: string): readonly [string, string] {
  let forms = WORD_CACHE.get(raw);
  if (forms === undefined) {
    if (WORD_CACHE.size >= WORD_CACHE_MAX) WORD_CACHE.clear();
    const norm = raw.toLowerCase().replace(/’/g, "'");
    forms = [norm, stem(norm)];
    WORD_CACHE.set(raw, forms);
  }
  return forms;
}

const isApostrophe = (c: number): boolean => c === 0x27 || c === 0x2019;

/** Splits text into word and number tokens in one linear pass. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const start = i;
    if (isDigitAt(text, i)) {
      i = skipRun(text, i, true);
      while ((text[i] === '.' || text[i] === ',' || text[i] === ':') && isDigitAt(text, i + 1)) i = skipRun(text, i + 1, true);
      const suffix = /^(?:st|nd|rd|th|s)(?![\p{L}\p{N}])/u.exec(text.slice(i, i + 3));
      if (suffix) i += suffix[0].length;
      const raw = text.slice(start, i);
      const norm = normalizeNumber(raw);
      out.push({ text: raw, norm, stem: norm, kind: 'number', start, end: i });
    } else if (isLetterAt(text, i)) {
      i = skipRun(text, i, false);
      while (isApostrophe(text.charCodeAt(i)) && isLetterAt(text, i + 1)) i = skipRun(text, i + 1, false);
      const raw = text.slice(start, i);
      const [norm, stemmed] = wordForms(raw);
      out.push({ text: raw, norm, stem: stemmed, kind: 'word', start, end: i });
    } else {
      // Skip one character (both halves of a surrogate pair) without making a string of it.
      const c = text.charCodeAt(i);
      i += c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1;
    }
  }
  return out;
}

function normalizeNumber(raw: string): string {
  const ordinal = ORDINAL_SUFFIX_RE.exec(raw);
  const body = ordinal?.[1] ?? raw;
  // "1,000" and "1,000,000" are thousands separators; "3,5" stays as written.
  const n = /^\p{N}{1,3}(?:,\p{N}{3})+$/u.test(body) ? body.replace(/,/g, '') : body;
  return n.replace(/^0+(?=\d)/, '');
}

const NUMBER_WORDS = new Map<string, string>(Object.entries({
  zero: '0', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9',
  ten: '10', eleven: '11', twelve: '12', thirteen: '13', fourteen: '14', fifteen: '15', sixteen: '16',
  seventeen: '17', eighteen: '18', nineteen: '19', twenty: '20', thirty: '30', forty: '40', fifty: '50',
  sixty: '60', seventy: '70', eighty: '80', ninety: '90', hundred: '100', thousand: '1000', million: '1000000',
  billion: '1000000000', dozen: '12',
}));

/** The digit form of a spelled-out number word ("two" -> "2"), or undefined. */
export function numberWordValue(norm: string): string | undefined {
  return NUMBER_WORDS.get(norm);
}

// Irregular verb forms -> base form, so "began" matches "begins" and "written" matches "writes".
const IRREGULAR = new Map<string, string>();
for (const group of (
  'begin began begun|write wrote written|win won|become became|build built|buy bought|bring brought|' +
  'catch caught|choose chose chosen|come came|drive drove driven|eat ate eaten|fall fell fallen|feel felt|' +
  'fight fought|find found|fly flew flown|forget forgot forgotten|freeze froze frozen|give gave given|' +
  'grow grew grown|hold held|keep kept|lead led|leave left|lose lost|meet met|pay paid|ride rode ridden|' +
  'rise rose risen|run ran|sell sold|send sent|sing sang sung|sink sank sunk|speak spoke spoken|' +
  'spend spent|stand stood|steal stole stolen|swim swam swum|take took taken|teach taught|throw threw thrown|' +
  'wear wore worn|draw drew drawn|break broke broken|hide hid hidden|shoot shot|strike struck|seek sought|' +
  'sleep slept|sweep swept|weep wept|bear bore borne|tear tore torn|shake shook shaken|wake woke woken|' +
  'sit sat|hang hung|dig dug|feed fed|flee fled|hear heard|lay laid|' +
  'overcome overcame|undergo underwent undergone|withdraw withdrew withdrawn|arise arose arisen|' +
  'die died|child children|man men|woman women|person people|mouse mice|foot feet|tooth teeth'
).split('|')) {
  const [base, ...forms] = group.split(' ') as [string, ...string[]];
  for (const f of forms) IRREGULAR.set(f, base);
}

// British spellings -> American, so "colour"/"color", "centre"/"center", "organised"/"organized" meet. Applied to
// both sides, so a rare false rewrite ("detour" -> "detor") only has to be consistent.
const SPELLING: ReadonlyArray<readonly [RegExp, string]> = [
  [/(?<=[a-z]{3})our(s|ed|ing|ite|ites|able)?$/, 'or$1'],
  [/(?<=[a-z]{3})is(e|es|ed|ing|ation|ations)$/, 'iz$1'],
  [/(?<=[a-z]{2})([tb])re(s)?$/, '$1er$2'],
  [/(?<=[a-z]{3})ogue(s)?$/, 'og$1'],
  [/(?<=[a-z]{2})yse(s|d)?$/, 'yze$1'],
  [/(?<=[a-z]{3})llment(s)?$/, 'lment$1'],
];

function americanSpelling(w: string): string {
  for (const [re, to] of SPELLING) if (re.test(w)) return w.replace(re, to);
  return w;
}

/**
 * A light suffix stripper: enough to match "named"/"name"/"naming" and "companies"/"company" without a
 * dictionary. It is applied to claims and evidence alike, so over-stemming only has to be consistent.
 */
export function stem(word: string): string {
  let w = stripPossessive(IRREGULAR.get(word) ?? word);
  if (w.length <= 3) return w;
  if (w.length > 5) w = americanSpelling(w);
  return stripSuffixes(w);
}

export function stripPossessive(word: string): string {
  if (word.endsWith("'s")) return word.slice(0, -2);
  if (word.endsWith("'")) return word.slice(0, -1);
  return word;
}

/** The suffix rules shared by claim matching and the embedding's features ("companies" -> "company", "named" -> "nam"). */
export function stripSuffixes(word: string): string {
  let w = word;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (/(?:ch|sh|x|z)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('ied') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('ed') && w.length > 4 && /[aeiouy]/.test(w.slice(0, -2))) w = w.slice(0, -2);
  else if (w.endsWith('ing') && w.length > 5 && /[aeiouy]/.test(w.slice(0, -3))) w = w.slice(0, -3);
  if (w.endsWith('ly') && w.length > 5) w = w.slice(0, -2);
  if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1);
  if (w.length > 3 && /([b-df-hj-np-tv-z])\1$/.test(w)) w = w.slice(0, -1);
  return w;
}

/**
 * Function words plus very common verbs, adverbs and discourse words: they carry no checkable fact, so a
 * claim's content is what remains. Negations are here too; the grounding analyzer reads them separately.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    "a about above after again against all also am an and any are aren't as at be because been before being below " +
    "between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down during each " +
    "either else even ever every few for from further had hadn't has hasn't have haven't having he he'd he'll he's " +
    "her here here's hers herself him himself his how how's however i i'd i'll i'm i've if in into is isn't it it's " +
    "its itself just let's may me might more most much must mustn't my myself neither no nor not now of off on once " +
    "only or other ought our ours ourselves out over own quite rather really same shall shan't she she'd she'll " +
    "she's should shouldn't so some such than that that's the their theirs them themselves then there there's these " +
    "they they'd they'll they're they've this those though through thus to too under until up upon us very was " +
    "wasn't we we'd we'll we're we've were weren't what what's whatever when when's where where's whether which " +
    "while who who's whom whose why why's will with within without won't would wouldn't yet you you'd you'll you're " +
    "you've your yours yourself yourselves " +
    // conversational filler and hedges that state nothing checkable
    "per percent yes yeah yep no nope ok okay oh ah um uh hmm well actually basically like lol haha wow hey hi hello thanks " +
    "thank please sure maybe perhaps probably definitely certainly anyway also still already almost many lot lots " +
    "thing things something anything everything nothing someone anyone everyone one ones get got gets getting go " +
    "going goes went gone make made makes making know knew known think thought say said says tell told see seen saw " +
    "want wanted need needed use used using way ways much many kind sort pretty great good nice cool interesting " +
    "awesome fun funny true right sounds sound seems seem agree guess mean means etc " +
    // light verbs: "the sensor uses a coin cell", "delivery takes 3 days", "it comes with" state the link, not the fact
    "uses needs take takes took taken taking come comes came coming cost costs " +
    // sentence-opening adverbs and quantifiers: capitalised at the start of a claim, they are not names
    "several various certain another often usually sometimes generally typically overall currently recently " +
    "especially particularly mainly mostly largely simply additionally furthermore moreover therefore hence " +
    "indeed instead besides meanwhile finally firstly secondly lastly unfortunately fortunately luckily sadly " +
    "alternatively honestly frankly absolutely apparently obviously clearly surely personally seriously literally " +
    "interestingly surprisingly"
  ).split(/\s+/),
);

export function isStopword(norm: string): boolean {
  return STOPWORDS.has(norm);
}

/** Tokens that carry content: numbers and words that are not stopwords and are longer than one letter. */
export function contentTokens(tokens: readonly Token[]): Token[] {
  return tokens.filter((t) => t.kind === 'number' || (t.norm.length > 1 && !STOPWORDS.has(t.norm)));
}
