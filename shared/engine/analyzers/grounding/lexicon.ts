import { stem } from '../../../text/tokenize';
import { WORDNET_ANTONYM_PAIRS } from './wordnet-antonyms';

/** Words that flip a statement's polarity (lowercased surface forms; "n't" contractions are matched by suffix). */
const NEGATORS = new Set([
  'not', 'no', 'never', 'none', 'nobody', 'nothing', 'neither', 'nor', 'nowhere', 'cannot', 'without', 'lack',
  'lacks', 'lacked', 'absent', 'fails', 'failed', 'fail', 'unable', 'neglected', 'refused', 'denied', 'denies',
]);

export function isNegator(norm: string): boolean {
  return NEGATORS.has(norm) || norm.endsWith("n't");
}

/**
 * Opposites that turn an otherwise matching sentence into a contradiction. Kept to pairs whose meanings are
 * opposite in nearly every context; a pair is written once and both directions are checked.
 */
const PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['increase', 'decrease'], ['increased', 'decreased'], ['increasing', 'decreasing'], ['rise', 'fall'],
  ['rose', 'fell'], ['gain', 'loss'], ['grow', 'shrink'], ['before', 'after'], ['always', 'never'],
  ['allowed', 'prohibited'], ['allowed', 'forbidden'], ['allowed', 'banned'], ['permitted', 'prohibited'],
  ['permitted', 'forbidden'], ['legal', 'illegal'], ['more', 'less'], ['more', 'fewer'],
  ['most', 'least'], ['higher', 'lower'], ['highest', 'lowest'], ['larger', 'smaller'], ['largest', 'smallest'],
  ['bigger', 'smaller'], ['biggest', 'smallest'], ['greater', 'lesser'], ['first', 'last'],
  ['earliest', 'latest'], ['earlier', 'later'], ['older', 'younger'], ['oldest', 'youngest'], ['north', 'south'],
  ['northern', 'southern'], ['east', 'west'], ['eastern', 'western'], ['win', 'lose'], ['won', 'lost'],
  ['winner', 'loser'], ['victory', 'defeat'], ['true', 'false'], ['open', 'closed'], ['above', 'below'],
  ['inside', 'outside'], ['maximum', 'minimum'], ['positive', 'negative'], ['success', 'failure'],
  ['successful', 'unsuccessful'], ['accept', 'reject'], ['accepted', 'rejected'], ['include', 'exclude'],
  ['included', 'excluded'], ['male', 'female'], ['men', 'women'], ['man', 'woman'], ['husband', 'wife'],
  ['son', 'daughter'], ['father', 'mother'], ['brother', 'sister'], ['king', 'queen'], ['alive', 'dead'],
  ['possible', 'impossible'], ['public', 'private'], ['same', 'different'], ['best', 'worst'],
  ['cheap', 'expensive'], ['cheaper', 'costlier'], ['faster', 'slower'], ['hot', 'cold'], ['major', 'minor'],
  ['buy', 'sell'], ['bought', 'sold'], ['import', 'export'], ['enable', 'disable'], ['enabled', 'disabled'],
  ['add', 'remove'], ['added', 'removed'], ['rich', 'poor'], ['strong', 'weak'], ['full', 'empty'],
  ['safe', 'unsafe'], ['safe', 'dangerous'], ['approve', 'reject'], ['approved', 'rejected'],
  ['agree', 'disagree'], ['like', 'dislike'], ['love', 'hate'], ['correct', 'incorrect'], ['valid', 'invalid'],
  ['mandatory', 'optional'], ['required', 'optional'], ['ancient', 'modern'], ['wide', 'narrow'],
  ['deep', 'shallow'], ['upper', 'lower'], ['beginning', 'end'], ['start', 'end'],
  ['started', 'ended'], ['arrive', 'depart'], ['win', 'lost'],
  ['majority', 'minority'], ['internal', 'external'], ['domestic', 'foreign'], ['input', 'output'],
  ['senior', 'junior'], ['asleep', 'awake'],
  ['included', 'omitted'], ['supports', 'opposes'], ['supported', 'opposed'],
  ['fiction', 'nonfiction'], ['fictional', 'real'], ['native', 'foreign'], ['born', 'died'],
];

// WordNet's direct antonyms of adjectives, verbs and adverbs (wordnet-antonyms.ts): the opposites SummEdits' edits
// swap in ("rose" / "fell" is here; "cheap" / "dear", "accept" / "refuse", "present" / "absent" come from WordNet).
const WORDNET_PAIRS = WORDNET_ANTONYM_PAIRS.trim().split('\n').map((line) => line.split(' ') as [string, string]);

// Keyed by stem so "increases"/"increased" hit the same entry; values are stems of the opposites.
const ANTONYMS = new Map<string, Set<string>>();
for (const [a, b] of [...PAIRS, ...WORDNET_PAIRS]) {
  for (const [x, y] of [[a, b], [b, a]] as const) {
    const key = stem(x);
    const set = ANTONYMS.get(key) ?? new Set<string>();
    set.add(stem(y));
    ANTONYMS.set(key, set);
  }
}

/** Stems that are opposites of `wordStem`, or undefined. */
export function antonymsOf(wordStem: string): ReadonlySet<string> | undefined {
  return ANTONYMS.get(wordStem);
}
