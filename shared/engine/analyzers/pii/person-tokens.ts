import { isCommonWord } from './common-word';
import { AMBIGUOUS_NAMES, FIRST_NAMES, SURNAMES } from './first-names';

/**
 * Words of a text for person detection, with whether each reads as capitalised. Capitalisation is the main
 * clue to a name, so a text written without case (all lower case as people type in chat, or all capitals) is
 * read differently: there a word counts as capitalised when it is no ordinary English word ("olga krylova",
 * "cormac"), since case says nothing.
 */
export interface Token {
  text: string;
  /** Lower case, accents folded, a trailing period dropped. */
  key: string;
  start: number;
  end: number;
  /** Capitalised, or in a text without case, no English word. */
  cap: boolean;
  /** Taken from a text without case: weaker evidence, so some rules ask for more. */
  caseless: boolean;
}

const WORD = /\p{L}[\p{L}\p{M}'’-]*\.?/gu;
const CAPITALIZED = /^\p{Lu}\p{M}*(?:\p{Ll}|\p{M}|['’-])/u;
const NON_ASCII = /[^ -~\t\n\r]/; // anything outside printable ASCII needs accent folding
// "I'm", "don't", "we'll": contractions are never names, though WordNet does not list them.
const CONTRACTION = /['’](?:m|ll|d|ve|re|t)$|^(?:i|it|that|there|here|what|who|let|he|she)['’]s$/;

export const foldKey = (w: string): string => {
  const bare = w.endsWith('.') ? w.slice(0, -1) : w;
  return NON_ASCII.test(bare) ? bare.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase() : bare.toLowerCase();
};

/** Unfolded, so a word with diacritics ("Krisztián") is never taken for an English one. */
export const englishWord = (text: string): boolean => isCommonWord(text.replace(/\.$/, '').toLowerCase());

// WordNet lists content words only: the closed classes, irregular verb forms and chat shorthand that a text
// without case is full of are written here, so they never read as names there.
const NOT_CONTENT = new Set(
  `the of and or but nor his her hers their theirs its my mine your yours our ours you me him them she he they we it this that these those
  with from into onto upon about above below over under after before between among through during without within via per than then
  because since while when whenever where wherever what whatever which who whom whose how why if unless until till though although whether
  a an to for at by on in off out up down as so too also not no nor yes yeah yep nope ok okay hey hi hello lol thx pls plz u ur ya gonna
  wanna gotta dont im ive youre isnt wasnt doesnt didnt shouldnt wouldnt couldnt cant wont arent werent hasnt havent hadnt thats whats
  theres etc vs was were is am are be been being has have had having do does did done shall should would could might must may can will
  began begun went gone came told gave given took taken got gotten knew known wrote written sung sang meant met stood brought bought
  caught taught fought sought ate eaten flew flown forgot forgotten froze frozen grew grown hid hidden hung led lent rode ridden ran rang
  sat sank slept slid swore sworn swam threw thrown wore worn won wound spoke spoken broke broken chose chosen drove driven fell fallen
  felt kept left lost made paid said sent spent thought understood sold shook shot shut struck stuck swept told woke woken
  mr mrs ms dr st`.split(/\s+/),
);

export const isContraction = (key: string): boolean => CONTRACTION.test(key);

// A text has case when some word other than "I" forms is capitalised (or when it has lower-case letters and
// capitalised words at all); it has none when every letter is lower case or every letter is upper case.
const UPPER_NOT_I = /(?!I(?![\p{L}\p{M}]))\p{Lu}/u;
function caseless(text: string): boolean {
  const lower = /\p{Ll}/u.test(text);
  // Ordinary text meets both within its first words, so this costs little.
  return lower ? !UPPER_NOT_I.test(text) : /\p{Lu}/u.test(text);
}

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const noCase = caseless(text);
  for (const m of text.matchAll(WORD)) {
    const word = m[0];
    const key = foldKey(word);
    let cap: boolean;
    // Handles, hashtags and parts of identifiers ("@jane", "#launch", "user_name") are not names in running text.
    const before = m.index > 0 ? text[m.index - 1]! : ' ';
    if (before === '@' || before === '#' || before === '_' || (before >= '0' && before <= '9')) cap = false;
    else if ((key.includes("'") || key.includes('’')) && isContraction(key)) cap = false;
    // Without case a known name counts even where it is also a word ("john smith"), unless it is mostly a word.
    else if (noCase) cap = /^\p{L}\.$/u.test(word) || (key.length >= 3 && !NOT_CONTENT.has(key) && (((FIRST_NAMES.has(key) || SURNAMES.has(key)) && !AMBIGUOUS_NAMES.has(key)) || !englishWord(word)));
    else cap = CAPITALIZED.test(word);
    out.push({ text: word, key, start: m.index, end: m.index + word.length, cap, caseless: noCase });
  }
  return out;
}

/** A middle or leading initial: "I.", "K" (in a text without case only with its period: "t."). */
export const isInitial = (t: Token): boolean => /^\p{Lu}\.?$/u.test(t.text) || (t.caseless && /^\p{Ll}\.$/u.test(t.text));
