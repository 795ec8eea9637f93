import type { Token } from '../../../text/tokenize';

// Between two tokens, any of these means the second one starts a sentence, clause or list item, where English
// capitalises every word: "Let me know", "Source: Returns", "(See: ...)", "1) Check".
const STARTER_GAP_RE = /[.!?:;()[\]•\n—–]/;
const ALL_CAPS_RE = /^\p{Lu}{2,}$/u;
const INNER_CAPS_RE = /\p{Ll}\p{Lu}|\p{Lu}.*\p{N}|\p{N}.*\p{Lu}/u;
const CAPITALISED_RE = /^\p{Lu}/u;
// Verbs that open instructions before a capitalised label ("Open Settings", "Tap Add device"): there the pair
// is a command, not a two-word name like "Tess Asplund".
const COMMAND_VERBS = new Set(
  ('open tap click choose select press go sign log enter turn remove add hold set pick find scroll swipe type ' +
    'check contact visit call email text follow download install update restart reboot reset unplug plug wait ' +
    'try see read ask send share return print cancel change connect pair delete disable enable move place put ' +
    'replace charge insert mount start stop run save edit switch toggle allow confirm review keep use visit')
    .split(' '),
);

/**
 * Decides which capitalised output tokens are names. Mid-sentence capitals are names ("in Delhi"); a word that
 * is capitalised only because it starts a sentence, clause or list item ("Let", "Happy", "Source") is a name
 * only when it is clearly one: all caps ("AC", "UK"), inner capitals ("iPhone", "ParcelPoint"), the same word
 * capitalised mid-sentence elsewhere in the answer ("Delhi is ... offices in Delhi"), or the first word of a
 * capitalised pair that is not a command ("Tess Asplund", "Cam Indoor"; not "Open Settings").
 * `claims` are the answer's claims with their tokens; `text` is what the token offsets point into.
 */
export function nameDetector(claims: ReadonlyArray<{ tokens: readonly Token[] }>, text: string): (t: Token) => boolean {
  const initial = new Set<number>();
  const midCaps = new Set<string>();
  const pairStarts = new Set<number>();
  for (const claim of claims) {
    claim.tokens.forEach((t, i) => {
      if (!CAPITALISED_RE.test(t.text)) return;
      const prev = claim.tokens[i - 1];
      if (prev && !STARTER_GAP_RE.test(text.slice(prev.end, t.start))) {
        midCaps.add(t.norm);
        return;
      }
      initial.add(t.start);
      // The first word of a two-word name: "Tess Asplund fought ...", "Cam Indoor has ...".
      const next = claim.tokens[i + 1];
      if (next && CAPITALISED_RE.test(next.text) && /^[ \t]+$/.test(text.slice(t.end, next.start)) && !COMMAND_VERBS.has(t.norm)) {
        pairStarts.add(t.start);
      }
    });
  }
  return (t) =>
    CAPITALISED_RE.test(t.text) &&
    (!initial.has(t.start) || pairStarts.has(t.start) || ALL_CAPS_RE.test(t.text) || INNER_CAPS_RE.test(t.text) ||
      midCaps.has(t.norm));
}
