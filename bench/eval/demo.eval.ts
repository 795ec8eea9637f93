// The app's demo (a customer-support RAG bot, generateDemo(42)) scored by every registered analyzer, as
// `assay score` would, and checked against the ground truth in metadata.demo_label. Needs no files from
// ../shared/evaldata: the demo is built in memory. Note the grounding flag threshold was chosen partly on this
// demo (scripts/train-grounding.ts), so its grounding row is a dev figure, not a held-out one.
import type { RecordInput } from '../../shared/contract/record-input';
import { analyzers } from '../../shared/engine/registry';
import { scoreRecord, type ScoreLine } from '../../shared/engine/score-record';
import { thresholds } from '../../shared/engine/thresholds';
import { generateDemo } from '../../main/demo/generate/index';
import { atThreshold, auroc } from './binary-metrics';
import type { EvalRow, EvalSuite } from './eval-types';

const SEED = 42;

interface Scored {
  label: string;
  meta: Record<string, unknown>;
  line: ScoreLine;
}

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
/** A score by name, including ones the ScoreLine type does not list (input_pii). */
const scoreOf = (s: Scored, name: string): number => num((s.line.scores as Record<string, unknown>)[name]);
const share = (part: number, whole: number): string => (whole === 0 ? 'n/a' : (part / whole).toFixed(3));

function scoreDemo(logs: readonly RecordInput[]): { scored: Scored[]; msPerRecord: Record<string, number>; failures: string[] } {
  const totals: Record<string, number> = {};
  const failures = new Set<string>();
  const scored = logs.map((r) => {
    const record = { id: r.id, input: r.input, output: r.output, contexts: r.contexts ?? [] };
    const result = scoreRecord(record, analyzers, {});
    for (const [id, ms] of Object.entries(result.timings)) totals[id] = (totals[id] ?? 0) + ms;
    for (const note of result.line.notes ?? []) failures.add(note.replace(/:.*/, ''));
    const meta = r.metadata ?? {};
    return { label: String(meta.demo_label ?? ''), meta, line: result.line };
  });
  const msPerRecord = Object.fromEntries(Object.entries(totals).map(([id, ms]) => [id, ms / Math.max(1, logs.length)]));
  return { scored, msPerRecord, failures: [...failures] };
}

/** One row: records are flagged when score >= threshold. */
function row(analyzer: string, dataset: string, items: Scored[], positive: (s: Scored) => boolean,
  score: (s: Scored) => number, threshold: number, note: string): EvalRow {
  const scores = items.map(score);
  const labels = items.map(positive);
  // In-sample by construction: the demo texts and the analyzers were written by the same hands.
  return {
    analyzer, dataset, scope: 'in-sample', n: items.length, positives: labels.filter(Boolean).length,
    auroc: auroc(scores, labels), threshold, ...atThreshold(scores, labels, threshold), note,
  };
}

function groundingRow(scored: Scored[], ms: number): EvalRow {
  const items = scored.filter((s) => ['grounded', 'unsupported', 'contradicted'].includes(s.label) && s.line.scores.grounding !== null);
  const t = thresholds.grounding;
  // Flagged when grounding < t; as a score where higher = flagged: -grounding >= -t (nudged so equality is not flagged).
  const score = (s: Scored): number => -num(s.line.scores.grounding);
  const flagged = (s: Scored): boolean => num(s.line.scores.grounding) < t;
  const by = (label: string): Scored[] => items.filter((s) => s.label === label);
  const chitChat = by('grounded').filter((s) => s.meta.demo_variant === 'chit_chat');
  const note = `positive = unsupported + contradicted; score = 1 - grounding, flag = grounding < ${t}; recall unsupported ` +
    `${share(by('unsupported').filter(flagged).length, by('unsupported').length)}, contradicted ` +
    `${share(by('contradicted').filter(flagged).length, by('contradicted').length)}; grounded flagged ` +
    `${share(by('grounded').filter(flagged).length, by('grounded').length)} (chit-chat ${share(chitChat.filter(flagged).length, chitChat.length)}); ` +
    `${ms.toFixed(3)} ms/record (one pass, warm-up included); threshold partly chosen on this demo`;
  const r = row('grounding', `demo seed ${SEED}`, items, (s) => s.label !== 'grounded', score, -t + 1e-12, note);
  return { ...r, threshold: t };
}

function toxicityRow(scored: Scored[], ms: number): EvalRow {
  const score = (s: Scored): number => Math.max(num(s.line.scores.toxicity), num(s.line.scores.input_toxicity));
  const t = thresholds.toxicity;
  const toxic = scored.filter((s) => s.label === 'toxic');
  const where = (w: string): Scored[] => toxic.filter((s) => s.meta.demo_toxic_in === w);
  const outputFlag = scored.filter((s) => s.label !== 'toxic' && s.line.flags.toxic).length;
  const note = `positive = label toxic; score = max(toxicity, input_toxicity); recall where the toxic text is: input ` +
    `${share(where('input').filter((s) => score(s) >= t).length, where('input').length)}, output ` +
    `${share(where('output').filter((s) => num(s.line.scores.toxicity) >= t).length, where('output').length)} (output score alone); ` +
    `\`toxic\` flag (output only) on non-toxic records ${share(outputFlag, scored.length - toxic.length)}; ${ms.toFixed(3)} ms/record (one pass, warm-up included)`;
  return row('toxicity', `demo seed ${SEED}`, scored, (s) => s.label === 'toxic', score, t, note);
}

function injectionRow(scored: Scored[], ms: number): EvalRow {
  const score = (s: Scored): number => Math.max(num(s.line.scores.injection), num(s.line.scores.context_injection));
  const t = thresholds.injection;
  const direct = scored.filter((s) => s.label === 'injection');
  const indirect = scored.filter((s) => s.label === 'indirect_injection');
  const note = `positive = injection + indirect_injection; score = max(injection, context_injection); recall direct ` +
    `${share(direct.filter((s) => score(s) >= t).length, direct.length)}, indirect (in a context) ` +
    `${share(indirect.filter((s) => score(s) >= t).length, indirect.length)}; ${ms.toFixed(3)} ms/record (one pass, warm-up included)`;
  return row('injection', `demo seed ${SEED}`, scored, (s) => s.label === 'injection' || s.label === 'indirect_injection', score, t, note);
}

function piiRow(scored: Scored[], ms: number): EvalRow {
  const score = (s: Scored): number => Math.max(num(s.line.scores.pii), scoreOf(s, 'input_pii'));
  const t = thresholds.pii;
  const pii = scored.filter((s) => s.label === 'pii');
  const inOutput = pii.filter((s) => s.meta.demo_pii_in === 'output' || s.meta.demo_pii_in === 'both');
  const inInput = pii.filter((s) => s.meta.demo_pii_in === 'input' || s.meta.demo_pii_in === 'both');
  const others = scored.filter((s) => s.label !== 'pii');
  const note = `positive = label pii; score = max(pii, input_pii) entities; recall of output leaks by \`pii\` ` +
    `${share(inOutput.filter((s) => num(s.line.scores.pii) >= t).length, inOutput.length)}, of PII in the input by \`input_pii\` ` +
    `${share(inInput.filter((s) => scoreOf(s, 'input_pii') >= t).length, inInput.length)}; \`pii\` flag (output) on non-pii records ` +
    `${share(others.filter((s) => s.line.flags.pii).length, others.length)}; ${ms.toFixed(3)} ms/record (one pass, warm-up included)`;
  return row('pii', `demo seed ${SEED}`, scored, (s) => s.label === 'pii', score, t, note);
}

const suite: EvalSuite = {
  name: 'demo',
  async run() {
    const { scored, msPerRecord, failures } = scoreDemo(generateDemo(SEED).logs);
    const ms = (id: string): number => msPerRecord[id] ?? 0;
    const rows: EvalRow[] = [];
    const skipped = failures.map((f) => `an analyzer threw on some demo records (${f}); their scores count as 0`);
    const ids = new Set(analyzers.map((a) => a.id));
    if (ids.has('grounding')) rows.push(groundingRow(scored, ms('grounding')));
    else skipped.push('grounding: not registered');
    if (ids.has('toxicity')) rows.push(toxicityRow(scored, ms('toxicity')));
    else skipped.push('toxicity: not registered');
    if (ids.has('injection')) rows.push(injectionRow(scored, ms('injection')));
    else skipped.push('injection: not registered');
    if (ids.has('pii')) rows.push(piiRow(scored, ms('pii')));
    else skipped.push('pii: not registered');
    return { rows, skipped };
  },
};

export default suite;
