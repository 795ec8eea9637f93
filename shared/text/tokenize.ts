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
// ("don't", "Arthur's") but split at hyphens so "Dutch-Belgian" matches "Dutch" and "Belgian".
const TOKEN_RE = /\p{N}+(?:[.,:]\p{N}+)*(?:st|nd|rd|th|s)?|[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*/gu;
const ORDINAL_SUFFIX_RE = /^(\p{N}+)(?:st|nd|rd|th|s)$/u;

/** Splits text into word and number tokens in one linear pass. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    const raw = m[0];
    const start = m.index;
    if (/^\p{N}/u.test(raw)) {
      const norm = normalizeNumber(raw);
      out.push({ text: raw, norm, stem: norm, kind: 'number', start, end: start + raw.length });
    } else {
      const norm = raw.toLowerCase().replace(/’/g, "'");
      out.push({ text: raw, norm, stem: stem(norm), kind: 'word', start, end: start + raw.length });
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

const NUMBER_WORDS: Record<string, string> = {
  zero: '0', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9',
  ten: '10', eleven: '11', twelve: '12', thirteen: '13', fourteen: '14', fifteen: '15', sixteen: '16',
  seventeen: '17', eighteen: '18', nineteen: '19', twenty: '20', thirty: '30', forty: '40', fifty: '50',
  sixty: '60', seventy: '70', eighty: '80', ninety: '90', hundred: '100', thousand: '1000', million: '1000000',
  billion: '1000000000', dozen: '12',
};

/** The digit form of a spelled-out number word ("two" -> "2"), or undefined. */
export function numberWordValue(norm: string): string | undefined {
  return NUMBER_WORDS[norm];
}

/**
 * A light suffix stripper: enough to match "named"/"name"/"naming" and "companies"/"company" without a
 * dictionary. It is applied to claims and evidence alike, so over-stemming only has to be consistent.
 */
export function stem(word: string): string {
  let w = word;
  if (w.endsWith("'s")) w = w.slice(0, -2);
  else if (w.endsWith("'")) w = w.slice(0, -1);
  if (w.length <= 3) return w;
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
    "yes yeah yep no nope ok okay oh ah um uh hmm well actually basically like lol haha wow hey hi hello thanks " +
    "thank please sure maybe perhaps probably definitely certainly anyway also still already almost many lot lots " +
    "thing things something anything everything nothing someone anyone everyone one ones get got gets getting go " +
    "going goes went gone make made makes making know knew known think thought say said says tell told see seen saw " +
    "want wanted need needed use used using way ways much many kind sort pretty great good nice cool interesting " +
    "awesome fun funny true right sounds sound seems seem agree guess mean means etc e.g i.e"
  ).split(/\s+/),
);

export function isStopword(norm: string): boolean {
  return STOPWORDS.has(norm);
}

/** Tokens that carry content: numbers and words that are not stopwords and are longer than one letter. */
export function contentTokens(tokens: readonly Token[]): Token[] {
  return tokens.filter((t) => t.kind === 'number' || (t.norm.length > 1 && !STOPWORDS.has(t.norm)));
}
