/**
 * Features of what a window says about a group of people (word lists in group-terms.ts): whether it names a
 * group, says something demeaning, generalizes, and whether these come together (a demeaning word within a
 * few words of the group, not negated). Interactions are spelled out because a linear model cannot form a
 * product of two features by itself, and "names a group" alone is as common in neutral text as in hate.
 */
import { DEMEANING_WORDS, GENERALIZING_WORDS, IDENTITY_WORDS, NEGATION_WORDS } from './group-terms';

export const GROUP_DIM = 8;

// How far apart (in words) a group and a demeaning word may be and still be one claim; a negation counts
// when it comes this close before the demeaning word.
const NEAR = 5;
const NEGATION_REACH = 3;

/** Writes the GROUP_DIM features of one window into out at offset (each in [0, 1]). */
export function groupFeaturesInto(words: readonly string[], out: Float32Array, offset: number): void {
  let lastIdentity = -Infinity;
  let lastNegation = -Infinity;
  let identity = 0;
  let demeaning = 0;
  let general = 0;
  let near = 0;
  let negatedNear = 0;
  const pendingDemeaning: number[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (NEGATION_WORDS.has(w)) lastNegation = i;
    if (GENERALIZING_WORDS.has(w)) general++;
    if (IDENTITY_WORDS.has(w)) {
      identity = 1;
      lastIdentity = i;
      // A demeaning word shortly before the group ("dirty ... immigrants") is as much a claim about it.
      for (const j of pendingDemeaning) if (i - j <= NEAR) near = 1;
    }
    if (DEMEANING_WORDS.has(w)) {
      demeaning++;
      const negated = i - lastNegation <= NEGATION_REACH;
      if (i - lastIdentity <= NEAR) {
        if (negated) negatedNear = 1;
        else near = 1;
      } else if (!negated) pendingDemeaning.push(i);
    }
  }
  const d = Math.min(1, demeaning / 2);
  const g = Math.min(1, general / 3);
  out[offset] = identity;
  out[offset + 1] = d;
  out[offset + 2] = g;
  out[offset + 3] = identity * d;
  out[offset + 4] = identity * g;
  out[offset + 5] = identity * d * g;
  out[offset + 6] = near;
  out[offset + 7] = negatedNear;
}
