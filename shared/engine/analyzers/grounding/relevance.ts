import { maskMarkup, splitSentences } from '../../../text/sentences';
import { contentTokens, tokenize, type Token } from '../../../text/tokenize';
import { cosine, ngramVector } from './char-ngrams';
import { tokenKey, type EvidenceIndex } from './evidence';

type AnswerType = 'number' | 'date' | 'person' | 'place' | 'yesno' | 'reason' | 'open';

const MONTHS = /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday|century|decade|year|today|yesterday|tomorrow|ago)$/;
const YES_NO = /^(?:yes|yeah|yep|no|nope|not|never|both|neither|true|false|correct|incorrect|indeed)$/;
const REASON = /^(?:because|since|due|reason|so|caused|causes|thanks|result|order)$/;
const NONCOMMITTAL = /\b(?:i (?:do not|don't|dont) know|i'm not sure|i am not sure|not sure|no idea|cannot answer|can't answer|unable to (?:answer|help|provide)|as an ai|i cannot help|i can't help|no information)\b/i;

/** What kind of answer the question asks for, from its wording ("how many" -> a number). */
export function answerType(question: string): AnswerType {
  const q = question.toLowerCase();
  if (/\bhow (?:many|much|long|old|far|tall|big|large|high|often|fast|heavy)\b|\bwhat (?:number|percentage|amount)\b/.test(q)) return 'number';
  if (/\bwhen\b|\b(?:what|which) (?:year|date|day|month|century|decade|time)\b/.test(q)) return 'date';
  if (/\bwhere\b|\b(?:what|which|in what) (?:city|country|state|town|place|county|region|continent|province)\b/.test(q)) return 'place';
  if (/\bwho(?:m|se)?\b/.test(q)) return 'person';
  if (/\bwhy\b/.test(q)) return 'reason';
  if (/^\s*(?:is|are|was|were|do|does|did|can|could|will|would|should|has|have|had|isn't|aren't|wasn't|didn't|doesn't)\b/.test(q)) return 'yesno';
  return 'open';
}

function hasCue(type: AnswerType, tokens: readonly Token[]): boolean {
  switch (type) {
    case 'number': return tokens.some((t) => t.kind === 'number' || tokenKey(t) !== t.stem);
    case 'date': return tokens.some((t) => t.kind === 'number' || MONTHS.test(t.norm));
    case 'person':
    case 'place': return tokens.some((t) => /^\p{Lu}/u.test(t.text));
    case 'yesno': return tokens.some((t) => YES_NO.test(t.norm));
    case 'reason': return tokens.some((t) => REASON.test(t.norm));
    case 'open': return false;
  }
}

/** The question proper: the last sentence of the input ending in "?", else the last sentence. */
function lastQuestion(input: string): string {
  const sentences = splitSentences(input.length > 20_000 ? input.slice(-20_000) : input);
  const asked = sentences.filter((s) => s.text.trimEnd().endsWith('?'));
  return (asked.at(-1) ?? sentences.at(-1))?.text ?? '';
}

/**
 * Share of question words in the best evidence sentence that also holds a word of the answer the question
 * does not already contain: a one-word answer ("Delhi") is relevant when the passage that answers the question
 * names it. It can only raise relevance, so an ungrounded answer is not marked irrelevant for that alone.
 */
function bridge(qKeys: ReadonlySet<string>, aKeys: ReadonlySet<string>, index: EvidenceIndex | undefined): number {
  if (!index || qKeys.size === 0) return 0;
  let best = 0;
  let looked = 0;
  for (const k of aKeys) {
    if (qKeys.has(k) || ++looked > 50) continue;
    for (const s of (index.postings.get(k) ?? []).slice(0, 200)) {
      let hit = 0;
      for (const q of qKeys) if (index.sentences[s]!.keys.has(q)) hit++;
      best = Math.max(best, hit / qKeys.size);
    }
  }
  return best;
}

/**
 * Does the answer address the question: half from the expected answer type being present (a number for
 * "how many", a name for "who"), half from lexical and character-trigram overlap with the question (or with
 * the evidence sentence that answers it); noncommittal answers score low. Null when there is no question text.
 */
export function answerRelevance(input: string, output: string, index?: EvidenceIndex): number | null {
  const qTokens = contentTokens(tokenize(maskMarkup(input)));
  if (qTokens.length === 0) return null;
  const aAll = tokenize(maskMarkup(output.length > 50_000 ? output.slice(0, 50_000) : output));
  const aTokens = contentTokens(aAll);
  if (aAll.length === 0) return 0;
  const question = lastQuestion(input);
  const qKeys = new Set(contentTokens(tokenize(question)).map(tokenKey));
  const aKeys = new Set(aTokens.map(tokenKey));
  let shared = 0;
  for (const k of qKeys) if (aKeys.has(k)) shared++;
  const overlap = qKeys.size === 0 ? 0 : shared / qKeys.size;
  const sim = cosine(ngramVector([...qKeys]), ngramVector(aTokens.map((t) => t.norm)));
  const lexical = Math.min(1, Math.max(overlap, sim, bridge(qKeys, aKeys, index)) / 0.5);
  const type = answerType(question);
  let score = type === 'open' ? lexical : 0.5 * (hasCue(type, aAll) ? 1 : 0) + 0.5 * lexical;
  if (NONCOMMITTAL.test(output.slice(0, 2000))) score *= 0.2;
  return score;
}

export interface ContextRelevance {
  index: number;
  relevance: number;
}

/**
 * Did retrieval bring anything useful: per context, the share of question words found anywhere in it,
 * averaged with the share found in its best sentence. Null without contexts or question words.
 */
export function contextRelevance(input: string, index: EvidenceIndex): { score: number | null; perContext: ContextRelevance[] } {
  const qKeys = [...new Set(contentTokens(tokenize(maskMarkup(lastQuestion(input)))).map(tokenKey))];
  const contextDocs = index.docs.map((d, i) => ({ d, i })).filter((x) => x.d.source === 'context');
  if (qKeys.length === 0 || contextDocs.length === 0) return { score: null, perContext: [] };
  const docHits = new Map<number, Set<string>>();
  const sentenceHits = new Map<number, number>();
  for (const k of qKeys) {
    for (const s of index.postings.get(k) ?? []) {
      const doc = index.sentences[s]!.doc;
      const set = docHits.get(doc) ?? new Set<string>();
      set.add(k);
      docHits.set(doc, set);
      sentenceHits.set(s, (sentenceHits.get(s) ?? 0) + 1);
    }
  }
  const bestSentence = new Map<number, number>();
  for (const [s, hits] of sentenceHits) {
    const doc = index.sentences[s]!.doc;
    bestSentence.set(doc, Math.max(bestSentence.get(doc) ?? 0, hits));
  }
  const perContext = contextDocs.map(({ d, i }) => ({
    index: Number(d.ref),
    relevance: (0.5 * (docHits.get(i)?.size ?? 0) + 0.5 * (bestSentence.get(i) ?? 0)) / qKeys.length,
  }));
  return { score: Math.max(...perContext.map((c) => c.relevance)), perContext };
}
