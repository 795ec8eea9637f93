import type { RecordInput } from '../../../shared/contract/record-input';
import type { ModelId, PromptVersion } from './answers';
import { DOC_BY_ID, QA_FACTS, type QaFact } from './kb/index';
import { randomStream, type RandomStream } from '../../../shared/util/rng';
import { buildSessions, FIRMWARE_SPIKE_DAY, MODELS, type Session } from './schedule';
import { PROMPT_TEMPLATES } from './prompts';
import { buildTurn, type DemoLabel } from './turn-content';

/**
 * About 2,000 support-bot interactions in Assay's JSONL record shape, each with its ground-truth label in
 * metadata.demo_label so analyzer output can be checked against it.
 */
export const PROMPT_ID = 'support-answer';
export const DEFAULT_LOG_COUNT = 2000;

/** A demo record: Assay's record shape plus the prompt template it was answered with (becomes a prompt asset). */
export type DemoRecord = RecordInput & { prompt_template: string };

// Prices per 1M tokens (USD) as published for these model versions.
const PRICE_PER_M: Record<ModelId, { input: number; output: number }> = {
  'gpt-4o-mini': { input: 0.15, output: 0.6 },
  'claude-3-5-haiku': { input: 0.8, output: 4 },
};
// Longer system prompts in later versions: more grounding rules and citation instructions.
const SYSTEM_PROMPT_CHARS: Record<PromptVersion, number> = { 'v1.2': 1180, 'v1.3': 1490, 'v1.4': 1835 };
const TEMPLATE_CHARS = 160;

function labelWeights(pv: PromptVersion, model: ModelId): [DemoLabel, number][] {
  const modelFactor = model === 'claude-3-5-haiku' ? 0.85 : 1.05;
  const unsupported = { 'v1.2': 11, 'v1.3': 8, 'v1.4': 5 }[pv] * modelFactor;
  const contradicted = { 'v1.2': 5, 'v1.3': 4, 'v1.4': 3 }[pv];
  const fixed = 3 + 4 + 4 + 1;
  return [
    ['grounded', 100 - unsupported - contradicted - fixed],
    ['unsupported', unsupported],
    ['contradicted', contradicted],
    ['toxic', 3],
    ['pii', 4],
    ['injection', 4],
    ['indirect_injection', 1],
  ];
}

function baseWeight(fact: QaFact): number {
  const id = fact.id;
  if (id.endsWith('.offline')) return 3;
  if (/^(returns|delivery)\./.test(id)) return 2.4;
  if (/^(shipping|subscription)\./.test(id)) return 1.8;
  if (id.endsWith('.reset') || /^plans\./.test(id)) return 1.5;
  if (id.endsWith('.price') || id.endsWith('.battery')) return 1.3;
  return 1;
}

/** Seasonal and event-driven interest: Black Friday and holiday returns in November, Hub 2 after its update. */
function weightOn(fact: QaFact, day: number): number {
  let w = baseWeight(fact);
  if (fact.id === 'returns.holiday' || fact.id === 'discounts.black-friday') w *= day >= 35 ? 5 : 0.4;
  if ((fact.id.startsWith('hub-2.') || fact.id.startsWith('firmware.')) && (day === FIRMWARE_SPIKE_DAY || day === FIRMWARE_SPIKE_DAY + 1)) w *= 6;
  if ((fact.id.startsWith('thermostat.') || fact.id.startsWith('energy.')) && day >= 20) w *= 1.5;
  return w;
}

function chooseFact(rng: RandomStream, day: number, previous: QaFact | undefined): QaFact {
  if (previous && rng.chance(0.55)) {
    const docId = previous.chunkId.split('#')[0];
    const related = QA_FACTS.filter((f) => f.id !== previous.id && (f.chunkId.startsWith(`${docId}#`) || (f.subject !== undefined && f.subject === previous.subject)));
    if (related.length > 0) return rng.pick(related);
  }
  return rng.weighted(QA_FACTS.map((f) => [f, weightOn(f, day)] as const));
}

function tokens(rng: RandomStream, chars: number): number {
  return Math.max(1, Math.round((chars / 4) * (0.93 + 0.14 * rng.next())));
}

function latencyMs(rng: RandomStream, model: ModelId, tokensIn: number, tokensOut: number): number {
  const lognormal = (median: number, sigma: number) => median * Math.exp(sigma * rng.normal());
  const firstToken = model === 'gpt-4o-mini' ? lognormal(420, 0.35) : lognormal(610, 0.3);
  const perToken = model === 'gpt-4o-mini' ? 13 + 3 * rng.next() : 15 + 4 * rng.next();
  const slowTail = rng.chance(0.02) ? 2 + 3 * rng.next() : 1;
  return Math.round((firstToken + tokensIn * 0.04 + tokensOut * perToken) * slowTail);
}

function cost(model: ModelId, tokensIn: number, tokensOut: number): number {
  const p = PRICE_PER_M[model];
  return Math.round((tokensIn * p.input + tokensOut * p.output) * 100) / 1e8;
}

interface Turn {
  session: Session;
  index: number;
  atMs: number;
}

export function generateLogs(seed: number, count = DEFAULT_LOG_COUNT): DemoRecord[] {
  const root = randomStream(seed, 'logs');
  const sessions = buildSessions(root.fork('sessions'), count);
  const turns: Turn[] = sessions.flatMap((session) => session.turnTimes.map((atMs, index) => ({ session, index, atMs })));
  turns.sort((a, b) => a.atMs - b.atMs || (a.session.id < b.session.id ? -1 : a.session.id > b.session.id ? 1 : 0) || a.index - b.index);

  const history = new Map<string, { chars: number; fact?: QaFact }>();
  return turns.map((turn, i): DemoRecord => {
    const rng = root.fork(`turn-${i}`);
    const { session } = turn;
    const past = history.get(session.id) ?? { chars: 0 };
    const label = rng.weighted(labelWeights(session.promptVersion, session.model));
    const fact = chooseFact(rng, session.dayIndex, past.fact);
    const second = label === 'grounded' && rng.chance(0.12) ? chooseFact(rng, session.dayIndex, undefined) : undefined;
    const content = buildTurn(rng, label, {
      model: session.model,
      promptVersion: session.promptVersion,
      channel: session.channel,
      region: session.locale === 'en-GB' || session.locale === 'en-IE' ? 'uk' : 'us',
      followUp: turn.index > 0,
    }, fact, second && second.chunkId !== fact.chunkId ? second : undefined);

    const promptChars = SYSTEM_PROMPT_CHARS[session.promptVersion] + TEMPLATE_CHARS + past.chars + content.input.length + content.contexts.reduce((n, c) => n + c.length + 2, 0);
    const tokensIn = tokens(rng, promptChars);
    const tokensOut = tokens(rng, content.output.length);
    history.set(session.id, { chars: past.chars + content.input.length + content.output.length, fact });

    return {
      id: `conv-${String(i + 1).padStart(6, '0')}`,
      timestamp: new Date(turn.atMs).toISOString(),
      model: session.model,
      model_version: MODELS[session.model].version,
      prompt_id: PROMPT_ID,
      prompt_version: session.promptVersion,
      prompt_template: PROMPT_TEMPLATES[session.promptVersion],
      input: content.input,
      contexts: content.contexts,
      output: content.output,
      tokens_in: tokensIn,
      tokens_out: tokensOut,
      latency_ms: latencyMs(rng, session.model, tokensIn, tokensOut),
      cost: cost(session.model, tokensIn, tokensOut),
      metadata: {
        channel: session.channel,
        locale: session.locale,
        session_id: session.id,
        turn: turn.index + 1,
        user_tier: session.tier,
        context_doc_ids: content.contextDocIds,
        demo_label: label,
        demo_facts: content.facts,
        ...content.extra,
      },
    };
  });
}

/** Document titles by id, for callers that want to show where a context came from. */
export function docTitle(docId: string): string | undefined {
  return DOC_BY_ID.get(docId)?.title;
}
