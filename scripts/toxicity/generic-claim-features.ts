/**
 * "Generalisation about a group" features: implicit hate is mostly a generic statement with a group as its
 * subject ("all X are ...", "X should go back", "X people are naturally ...", "they breed like rats"), written
 * from general knowledge of how such statements are built, not from any evaluation file. Counter-speech and
 * reports of a stereotype use the same words ("not all X are criminals", "the myth that X are lazy"), so
 * negated claims and reported speech are separate features: the model learns their weight (a discount) from
 * the training sources. Words in model-token form (lower case, apostrophes removed).
 */
import { DEMEANING_WORDS, IDENTITY_WORDS, NEGATION_WORDS } from '../../shared/engine/analyzers/toxicity/group-terms';

const words = (text: string): ReadonlySet<string> => new Set(text.trim().split(/\s+/));

/** Verbs and modals that make "X ..." a statement about what X is or does in general. */
const GENERIC_VERBS = words(`are is were be will would should shall must can cant cannot could dont do does doesnt
  have has always never just only need needs deserve deserves belong tend get`);
const QUANTIFIERS = words('all most those these every typical many any');
/** Group talk that casts people as a threat to "us": replacement, invasion, breeding, sending back. */
const TROPE_WORDS = words(`breed breeding outbreed replace replacing replaced invade invading invaded infest infesting
  overrun flood flooding swarm swarming takeover deport deported deporting ruin ruining destroy destroying`);
const TROPE_PAIRS = words('go_back send_back sent_back get_out take_over taking_over kick_out');
const ANIMALS = words(`animals animal apes ape monkeys monkey rats rat vermin cockroaches roaches parasites parasite
  insects pests dogs pigs beasts savages cattle disease plague cancer virus`);
const LIKENING = words('like as than');
const NATURE = words('naturally genetically inherently biologically innately born');
/** Saying that someone else says it: reports, stereotypes named as such, disagreement. */
const REPORTED = words(`say says said saying claim claims claimed think thinks believe believes believed stereotype
  stereotypes stereotypical myth myths misconception misconceptions assume assumption assumptions prejudice racism
  racist bigotry bigots discrimination wrong false untrue`);

const PREDICATE_REACH = 5;
const TROPE_REACH = 6;

export const CLAIM_DIM = 8;

/** Writes the CLAIM_DIM features of one window into out at offset (each 0 or 1). */
export function claimFeaturesInto(tokens: readonly string[], out: Float32Array, offset: number): void {
  let claim = 0;
  let demeaningClaim = 0;
  let negatedClaim = 0;
  let quantified = 0;
  let trope = 0;
  let likened = 0;
  let nature = 0;
  let reported = 0;
  let group = false;
  const n = tokens.length;
  for (let i = 0; i < n; i++) {
    const w = tokens[i]!;
    if (REPORTED.has(w)) reported = 1;
    if (!IDENTITY_WORDS.has(w)) continue;
    group = true;
    const prev = i > 0 ? tokens[i - 1]! : '';
    const prev2 = i > 1 ? tokens[i - 2]! : '';
    if (QUANTIFIERS.has(prev) || (prev === 'the' && QUANTIFIERS.has(prev2)) || (prev === 'of' && QUANTIFIERS.has(prev2))) quantified = 1;
    // The group as subject: "X are", "X people are", "X women should".
    let v = i + 1;
    if (v < n && (tokens[v] === 'people' || tokens[v] === 'folks' || IDENTITY_WORDS.has(tokens[v]!))) v++;
    if (v < n && GENERIC_VERBS.has(tokens[v]!)) {
      let negated = false;
      let demeaning = false;
      for (let j = v; j < Math.min(n, v + 1 + PREDICATE_REACH); j++) {
        const p = tokens[j]!;
        if (NEGATION_WORDS.has(p)) negated = true;
        if (DEMEANING_WORDS.has(p) || ANIMALS.has(p)) demeaning = true;
        if (NATURE.has(p)) nature = 1;
      }
      // "not all X are ..." is counter-speech however the predicate reads.
      if (prev === 'all' && prev2 === 'not') negated = true;
      if (negated) negatedClaim = 1;
      else {
        claim = 1;
        if (demeaning) demeaningClaim = 1;
      }
    }
    for (let j = Math.max(0, i - TROPE_REACH); j < Math.min(n, i + 1 + TROPE_REACH); j++) {
      const t = tokens[j]!;
      if (TROPE_WORDS.has(t) || (j + 1 < n && TROPE_PAIRS.has(`${t}_${tokens[j + 1]}`))) trope = 1;
      if (LIKENING.has(t) && j + 1 < n && (ANIMALS.has(tokens[j + 1]!) || (j + 2 < n && ANIMALS.has(tokens[j + 2]!)))) likened = 1;
    }
  }
  out[offset] = claim;
  out[offset + 1] = demeaningClaim;
  out[offset + 2] = negatedClaim;
  out[offset + 3] = quantified;
  out[offset + 4] = trope;
  out[offset + 5] = likened;
  out[offset + 6] = nature;
  // Reported speech counts only where a group is talked about: elsewhere "says" is just a verb.
  out[offset + 7] = group ? reported : 0;
}
