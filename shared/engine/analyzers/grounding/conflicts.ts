import { numberWordValue, type Token } from '../../../text/tokenize';
import { isContent, tokenKey, type EvidenceSentence } from './evidence';

/**
 * A claim's number or name that the aligned evidence sentence replaces with a different one in the same slot:
 * "The return window is 14 days" against "Returns are accepted within 30 days". Missing words only lower
 * support; a value the evidence states differently is a contradiction, which an auditor must see flagged.
 */
export interface SlotConflict {
  kind: 'number' | 'entity';
  claim: Token;
  evidence: Token;
}

const MIN_SHARED = 0.5;

const UNIT_MODIFIERS = new Set(['business', 'working', 'calendar', 'full', 'whole']);
// Units of one quantity fill the same slot: "within one hour" and "in 5 to 7 days" both say how long.
const UNIT_CLASSES: Record<string, string> = Object.fromEntries(
  ['second', 'minut', 'hour', 'day', 'week', 'month', 'year'].map((k) => [k, 'duration']),
);

function unitClass(key: string): string {
  return UNIT_CLASSES[key] ?? key;
}

const isNumber = (t: Token): boolean => t.kind === 'number' || numberWordValue(t.norm) !== undefined;
const isNameLike = (t: Token, i: number): boolean => t.kind === 'word' && i > 0 && /^\p{Lu}/u.test(t.text) && isContent(t);

/**
 * What identifies a slot: the unit word right after a number ("14 days"), else the nearest content word before
 * it. A name's slot is read around the whole name ("founded by [Maria Lopez] in"), whatever its length.
 */
function slotKeys(tokens: readonly Token[], i: number, isNamePart?: (t: Token, j: number) => boolean): { next?: string; prev?: string } {
  let after = i + 1;
  let before = i - 1;
  if (isNamePart) {
    while (after < tokens.length && isNamePart(tokens[after]!, after)) after++;
    while (before >= 0 && isNamePart(tokens[before]!, before)) before--;
  }
  // "7 business days": the unit is the word after its modifier.
  if (!isNamePart && tokens[after] && UNIT_MODIFIERS.has(tokens[after]!.norm)) after++;
  const nextToken = tokens[after];
  const next = nextToken && nextToken.kind === 'word' && isContent(nextToken) ? unitClass(tokenKey(nextToken)) : undefined;
  let prev: string | undefined;
  for (let j = before; j >= 0 && j >= before - 2; j--) {
    if (isContent(tokens[j]!) && !isNumber(tokens[j]!)) {
      prev = tokenKey(tokens[j]!);
      break;
    }
  }
  return { next, prev };
}

function sameSlot(a: { next?: string; prev?: string }, b: { next?: string; prev?: string }): boolean {
  if (a.next !== undefined || b.next !== undefined) return a.next === b.next;
  return a.prev !== undefined && a.prev === b.prev;
}

/**
 * Conflicts between the claim's missing numbers / names and the values in the same slot of the aligned evidence
 * sentence. `missing` says which claim tokens the evidence lacks anywhere (a value the evidence also states is
 * no conflict, whatever else sits in the slot).
 */
export function slotConflicts(
  claimTokens: readonly Token[],
  missing: (t: Token) => boolean,
  isName: (t: Token) => boolean,
  sentence: EvidenceSentence,
): SlotConflict[] {
  const out: SlotConflict[] = [];
  const claimKeys = new Set(claimTokens.map(tokenKey));
  const ev = sentence.tokens;
  // The sentence must be about the same thing: most of the claim's other content words are in it.
  const rest = claimTokens.filter((t) => isContent(t) && !isNumber(t) && !isName(t)).map(tokenKey);
  const shared = rest.filter((k) => sentence.keys.has(k)).length;
  if (rest.length === 0 || shared / rest.length < MIN_SHARED) return out;
  claimTokens.forEach((t, i) => {
    const kind = isNumber(t) ? 'number' : isName(t) ? 'entity' : null;
    if (kind === null || !missing(t)) return;
    // One conflict per name: "Maria Lopez" against "Anna Berg" is one wrong name, not two.
    if (kind === 'entity' && i > 0 && isName(claimTokens[i - 1]!) && out.some((c) => c.claim === claimTokens[i - 1])) return;
    const slot = kind === 'number' ? slotKeys(claimTokens, i) : slotKeys(claimTokens, i, (x) => isName(x));
    // A name's slot must be anchored by a content word on either side, or any two names would clash.
    if (kind === 'entity' && slot.next === undefined && slot.prev === undefined) return;
    for (let j = 0; j < ev.length; j++) {
      const e = ev[j]!;
      const fits = kind === 'number' ? isNumber(e) : isNameLike(e, j);
      if (!fits || claimKeys.has(tokenKey(e))) continue;
      if (sameSlot(slot, kind === 'number' ? slotKeys(ev, j) : slotKeys(ev, j, isNameLike))) {
        out.push({ kind, claim: t, evidence: e });
        return;
      }
    }
  });
  return out;
}
