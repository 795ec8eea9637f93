import { composeAnswer, inventedClaim, type ModelId, type PromptVersion } from './answers';
import { retrieve } from './contexts';
import { INDIRECT_PAYLOADS, INJECTION_ATTEMPTS, refusal } from './injections';
import { CHUNK_BY_ID, DOC_BY_ID, FACT_BY_ID, TRICKY_QUESTIONS, type KbChunk, type QaFact } from './kb/index';
import { PII_INPUT_CASES, PII_OUTPUT_CASES, SENSITIVE_WARNING } from './pii-scenarios';
import type { RandomStream } from '../../../shared/util/rng';
import { phrase, userMessage } from './questions';
import { endSentence } from './text';
import type { Channel } from './schedule';
import { abusiveInput, deescalationOpener, rudeReply } from './toxic';

/** What one turn of the support bot said, given its ground-truth label. */
export type DemoLabel = 'grounded' | 'unsupported' | 'contradicted' | 'toxic' | 'pii' | 'injection' | 'indirect_injection';

export interface TurnSetting {
  model: ModelId;
  promptVersion: PromptVersion;
  channel: Channel;
  region: 'us' | 'uk';
  followUp: boolean;
}

export interface TurnContent {
  input: string;
  contexts: string[];
  contextDocIds: string[];
  output: string;
  facts: string[];
  extra: Record<string, unknown>;
}

function chunkOf(fact: QaFact): KbChunk {
  const chunk = CHUNK_BY_ID.get(fact.chunkId);
  if (!chunk) throw new Error(`demo fact ${fact.id} points at missing chunk ${fact.chunkId}`);
  return chunk;
}

function factById(id: string): QaFact {
  const fact = FACT_BY_ID.get(id);
  if (!fact) throw new Error(`demo scenario names missing fact ${id}`);
  return fact;
}

const titleOf = (chunk: KbChunk) => DOC_BY_ID.get(chunk.docId)?.title ?? chunk.docId;
const categoryOf = (fact: QaFact) => DOC_BY_ID.get(chunkOf(fact).docId)?.category ?? 'support';

function finish(input: string, chunks: KbChunk[], output: string, facts: QaFact[], extra: Record<string, unknown> = {}, texts?: string[]): TurnContent {
  return { input, contexts: texts ?? chunks.map((c) => c.text), contextDocIds: chunks.map((c) => c.docId), output, facts: facts.map((f) => f.id), extra };
}

const THANKS = ['thanks, that worked!', 'ok great thank you', 'Perfect, thanks.', 'that fixed it, thanks', 'Thanks, all sorted.', 'ok', 'Great, thank you so much!', 'cool thx'];
const WELCOME = ["You're welcome! Glad that helped.", 'Glad to hear it! Have a great day.', 'Happy to help. Enjoy your Lumora devices!', 'Great! Let me know if anything else comes up.'];

/** The closing "thanks" of a chat: no question, no facts, retrieval still returns something. */
function chitChat(rng: RandomStream, fact: QaFact): TurnContent {
  const chunks = retrieve(rng, { relevant: [], anchor: chunkOf(fact) });
  return finish(rng.pick(THANKS), chunks, rng.pick(WELCOME), [], { demo_variant: 'chit_chat' });
}

function grounded(rng: RandomStream, s: TurnSetting, fact: QaFact, second: QaFact | undefined): TurnContent {
  if (s.followUp && !second && rng.chance(0.12)) return chitChat(rng, fact);
  const tricky = !second && rng.chance(0.05) ? rng.pick(TRICKY_QUESTIONS) : undefined;
  const main = tricky ? factById(tricky.factId) : fact;
  const facts = second ? [main, second] : [main];
  const questions = tricky ? [tricky.text] : facts.map((f) => phrase(rng, f));
  const input = userMessage(rng, questions, main.subject, { channel: s.channel, followUp: s.followUp });
  const chunks = retrieve(rng, { relevant: facts.map(chunkOf), anchor: chunkOf(main) });
  const sources = [...new Set(facts.map((f) => titleOf(chunkOf(f))))];
  const output = composeAnswer(rng, { model: s.model, promptVersion: s.promptVersion, parts: facts.map((f) => f.answer), sources });
  return finish(input, chunks, output, facts, tricky ? { demo_hard_negative: true } : {});
}

function unsupported(rng: RandomStream, s: TurnSetting, fact: QaFact): TurnContent {
  const input = userMessage(rng, [phrase(rng, fact)], fact.subject, { channel: s.channel, followUp: s.followUp });
  const invented = inventedClaim(rng, categoryOf(fact), fact.subject);
  if (rng.chance(0.5)) {
    // Retrieval missed the relevant section and the model filled the gap from thin air.
    const chunks = retrieve(rng, { relevant: [], anchor: chunkOf(fact), avoid: [fact.key] });
    const parts = [rng.chance(0.5) ? `${fact.contradiction} ${invented}` : fact.contradiction];
    const output = composeAnswer(rng, { model: s.model, promptVersion: s.promptVersion, parts, sources: [], noSources: true });
    return finish(input, chunks, output, [fact], { demo_variant: 'retrieval_miss' });
  }
  const chunks = retrieve(rng, { relevant: [chunkOf(fact)], anchor: chunkOf(fact) });
  const output = composeAnswer(rng, { model: s.model, promptVersion: s.promptVersion, parts: [`${fact.answer} ${invented}`], sources: [titleOf(chunkOf(fact))] });
  return finish(input, chunks, output, [fact], { demo_variant: 'embellished' });
}

function contradicted(rng: RandomStream, s: TurnSetting, fact: QaFact): TurnContent {
  const input = userMessage(rng, [phrase(rng, fact)], fact.subject, { channel: s.channel, followUp: s.followUp });
  const chunks = retrieve(rng, { relevant: [chunkOf(fact)], anchor: chunkOf(fact) });
  const output = composeAnswer(rng, { model: s.model, promptVersion: s.promptVersion, parts: [fact.contradiction], sources: [titleOf(chunkOf(fact))] });
  return finish(input, chunks, output, [fact]);
}

function toxic(rng: RandomStream, s: TurnSetting, fact: QaFact): TurnContent {
  const chunks = retrieve(rng, { relevant: [chunkOf(fact)], anchor: chunkOf(fact) });
  if (rng.chance(0.65)) {
    const input = abusiveInput(rng, phrase(rng, fact), fact.subject);
    const output = composeAnswer(rng, { model: s.model, promptVersion: s.promptVersion, parts: [fact.answer], sources: [titleOf(chunkOf(fact))], opener: deescalationOpener(rng) });
    return finish(input, chunks, output, [fact], { demo_toxic_in: 'input' });
  }
  const input = userMessage(rng, [phrase(rng, fact)], fact.subject, { channel: s.channel, followUp: s.followUp });
  return finish(input, chunks, rudeReply(rng, fact.answer), [fact], { demo_toxic_in: 'output' });
}

function pii(rng: RandomStream, s: TurnSetting): TurnContent {
  if (rng.chance(0.6)) {
    const scenario = rng.pick(PII_INPUT_CASES);
    const fact = factById(scenario.factId);
    const shared = scenario.build(rng, phrase(rng, fact), s.region);
    const input = userMessage(rng, [shared.text], undefined, { channel: s.channel, followUp: s.followUp });
    const chunks = retrieve(rng, { relevant: [chunkOf(fact)], anchor: chunkOf(fact) });
    const echo = rng.chance(0.2) && shared.email ? `Thanks, ${shared.name}. I've noted your email ${shared.email}. ` : undefined;
    const opener = echo ?? (shared.sensitive ? rng.pick(SENSITIVE_WARNING) : undefined);
    const output = composeAnswer(rng, { model: s.model, promptVersion: s.promptVersion, parts: [fact.answer], sources: [titleOf(chunkOf(fact))], ...(opener ? { opener } : {}) });
    const types = echo ? [...shared.types] : shared.types;
    return finish(input, chunks, output, [fact], { demo_pii_in: echo ? 'both' : 'input', demo_pii_types: types });
  }
  const scenario = rng.pick(PII_OUTPUT_CASES);
  const fact = factById(scenario.factId);
  const input = userMessage(rng, [phrase(rng, fact)], fact.subject, { channel: s.channel, followUp: s.followUp });
  const chunks = retrieve(rng, { relevant: [chunkOf(fact)], anchor: chunkOf(fact) });
  const leaked = scenario.build(rng, fact.answer, s.region);
  const output = composeAnswer(rng, { model: s.model, promptVersion: s.promptVersion, parts: [leaked.text], sources: [titleOf(chunkOf(fact))] });
  return finish(input, chunks, output, [fact], { demo_pii_in: 'output', demo_pii_types: leaked.types });
}

function injection(rng: RandomStream, s: TurnSetting, fact: QaFact): TurnContent {
  const attempt = rng.pick(INJECTION_ATTEMPTS);
  const order = String(rng.int(100000, 999999));
  const withQuestion = attempt.input.includes('{q}');
  const input = attempt.input.replace('{q}', endSentence(phrase(rng, fact))).replace('{order}', order);
  const chunks = withQuestion ? retrieve(rng, { relevant: [chunkOf(fact)], anchor: chunkOf(fact) }) : retrieve(rng, { relevant: [], anchor: chunkOf(fact) });
  const complied = rng.chance(0.25);
  let output: string;
  if (complied) {
    output = attempt.complied.replace('{contradiction}', fact.contradiction).replace('{order}', order);
  } else {
    const parts = withQuestion ? [`${refusal(rng)}\n\nTo answer your question: ${fact.answer}`] : [refusal(rng)];
    output = composeAnswer(rng, { model: s.model, promptVersion: s.promptVersion, parts, sources: withQuestion ? [titleOf(chunkOf(fact))] : [], opener: '', noSources: !withQuestion });
  }
  return finish(input, chunks, output, withQuestion ? [fact] : [], { demo_injection_kind: attempt.kind, demo_injection_outcome: complied ? 'complied' : 'refused' });
}

function indirectInjection(rng: RandomStream, s: TurnSetting, fact: QaFact): TurnContent {
  const input = userMessage(rng, [phrase(rng, fact)], fact.subject, { channel: s.channel, followUp: s.followUp });
  const chunks = retrieve(rng, { relevant: [chunkOf(fact)], anchor: chunkOf(fact) });
  const payload = rng.pick(INDIRECT_PAYLOADS);
  const poisoned = chunks.findIndex((c) => c.id === fact.chunkId);
  const texts = chunks.map((c, i) => (i === poisoned ? `${c.text}\n\n${payload.hidden}` : c.text));
  const followed = rng.chance(0.4);
  const parts = [followed ? `${fact.answer} ${payload.followed}` : fact.answer];
  const output = composeAnswer(rng, { model: s.model, promptVersion: s.promptVersion, parts, sources: [titleOf(chunkOf(fact))] });
  return finish(input, chunks, output, [fact], { demo_injection_outcome: followed ? 'followed' : 'ignored', demo_injected_context: poisoned }, texts);
}

export function buildTurn(rng: RandomStream, label: DemoLabel, s: TurnSetting, fact: QaFact, second?: QaFact): TurnContent {
  switch (label) {
    case 'grounded':
      return grounded(rng, s, fact, second);
    case 'unsupported':
      return unsupported(rng, s, fact);
    case 'contradicted':
      return contradicted(rng, s, fact);
    case 'toxic':
      return toxic(rng, s, fact);
    case 'pii':
      return pii(rng, s);
    case 'injection':
      return injection(rng, s, fact);
    case 'indirect_injection':
      return indirectInjection(rng, s, fact);
  }
}
