import type { Token } from '../../../text/tokenize';

// Between two tokens, any of these means the second one starts a sentence, clause or list item, where English
// capitalises every word: "Let me know", "Source: Returns", "(See: ...)", "1) Check".
const STARTER_GAP_RE = /[.!?:;()[\]"“”‘•\n—–]/;
const ALL_CAPS_RE = /^\p{Lu}{2,}$/u;
const INNER_CAPS_RE = /\p{Ll}\p{Lu}|\p{Lu}.*\p{N}|\p{N}.*\p{Lu}/u;
const CAPITALISED_RE = /^\p{Lu}/u;

/**
 * Decides which capitalised output tokens are names. Mid-sentence capitals are names ("in Delhi"); a word that
 * is capitalised only because it starts a sentence, clause or list item ("Let", "Happy", "Source") is a name
 * only when it is clearly one: all caps ("AC", "UK"), inner capitals ("iPhone", "ParcelPoint"), or the same
 * word capitalised mid-sentence elsewhere in the answer ("Delhi is ... offices in Delhi").
 * `claims` are the answer's claims with their tokens; `text` is what the token offsets point into.
 */
export function nameDetector(claims: ReadonlyArray<{ tokens: readonly Token[] }>, text: string): (t: Token) => boolean {
  const initial = new Set<number>();
  const midCaps = new Set<string>();
  for (const claim of claims) {
    claim.tokens.forEach((t, i) => {
      if (!CAPITALISED_RE.test(t.text)) return;
      const prev = claim.tokens[i - 1];
      if (!prev || STARTER_GAP_RE.test(text.slice(prev.end, t.start))) initial.add(t.start);
      else midCaps.add(t.norm);
    });
  }
  return (t) =>
    CAPITALISED_RE.test(t.text) &&
    (!initial.has(t.start) || ALL_CAPS_RE.test(t.text) || INNER_CAPS_RE.test(t.text) || midCaps.has(t.norm));
}
