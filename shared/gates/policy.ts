// Gate policies (YAML or JSON, which YAML 1.2 reads too): `gates:` a list of {metric, min | max | equals, name?,
// scope?: {asset, model, prompt_version, from, to}, baseline?}. Every error names the line it is on.
import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { METRIC_NAMES } from '../compare/metric-names';
import { GATE_METRICS, isEvidenceMetric, isGateMetric, thresholdRange, type GateMetric } from './gate-metrics';

export interface GateScope {
  asset?: number;
  model?: string;
  prompt_version?: string;
  from?: string;
  to?: string;
}

export type BaselineAxis = 'prompt_version' | 'model' | 'asset';

export interface Gate {
  name: string;
  metric: GateMetric;
  /** Exactly one of min/max/equals, unless a baseline alone is the test. */
  op: 'min' | 'max' | 'equals' | null;
  threshold: number | null;
  scope: GateScope;
  /** "No significant regression against this version" (compared as in `assay compare`). */
  baseline: { by: BaselineAxis; version: string } | null;
  line: number;
}

export class PolicyError extends Error {
  constructor(readonly file: string, readonly line: number, message: string) {
    super(`${file}:${line}: ${message}`);
    this.name = 'PolicyError';
  }
}

const GATE_KEYS = new Set(['metric', 'min', 'max', 'equals', 'name', 'scope', 'baseline']);
const SCOPE_KEYS = new Set(['asset', 'model', 'prompt_version', 'from', 'to']);
const DATE = /^\d{4}-\d{2}-\d{2}([T ][0-9:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;

export function parsePolicy(text: string, file = 'policy'): Gate[] {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const first = doc.errors[0];
  if (first) {
    throw new PolicyError(file, lines.linePos(first.pos[0]).line, `syntax error: ${first.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`);
  }
  const lineOf = (node: Node | null | undefined): number => (node?.range ? lines.linePos(node.range[0]).line : 1);
  const root = doc.contents;
  if (!isMap(root)) throw new PolicyError(file, lineOf(root as Node | null), 'expected a mapping with a `gates:` list');
  const gatesNode = root.get('gates', true) as Node | undefined;
  if (!isSeq(gatesNode)) throw new PolicyError(file, lineOf(gatesNode ?? root), '`gates:` must be a list of gates');
  if (gatesNode.items.length === 0) throw new PolicyError(file, lineOf(gatesNode), '`gates:` is empty: a policy needs at least one gate');
  const seen = new Set<string>();
  return gatesNode.items.map((item, i) => {
    const gate = parseGate(item as Node, i, file, lineOf);
    if (seen.has(gate.name)) throw new PolicyError(file, gate.line, `gates[${i}]: duplicate gate name "${gate.name}"`);
    seen.add(gate.name);
    return gate;
  });
}

function parseGate(node: Node, i: number, file: string, lineOf: (n: Node | null | undefined) => number): Gate {
  const at = `gates[${i}]`;
  if (!isMap(node)) throw new PolicyError(file, lineOf(node), `${at}: expected a mapping like {metric: hallucination_rate, max: 0.02}`);
  const fail = (key: string, message: string): never => {
    throw new PolicyError(file, lineOf((node.get(key, true) as Node | undefined) ?? node), `${at}.${key}: ${message}`);
  };
  for (const pair of node.items) {
    const key = String((pair.key as { value?: unknown } | null)?.value ?? pair.key);
    if (!GATE_KEYS.has(key)) throw new PolicyError(file, lineOf(pair.key as Node), `${at}: unknown field "${key}" (fields: ${[...GATE_KEYS].join(', ')})`);
  }
  const value = (key: string): unknown => {
    const v = node.get(key, true) as Node | undefined;
    return v === undefined ? undefined : (v as unknown as { toJSON(): unknown }).toJSON();
  };
  const metric = value('metric');
  if (metric === undefined) fail('metric', 'missing');
  if (typeof metric !== 'string') return fail('metric', `expected a metric name, got ${JSON.stringify(metric)}`);
  if (!isGateMetric(metric)) return fail('metric', `unknown metric "${metric}" (known: ${GATE_METRICS.join(', ')})`);
  const ops = (['min', 'max', 'equals'] as const).filter((k) => value(k) !== undefined);
  if (ops.length > 1) fail(ops[1]!, `give one of min, max or equals, not ${ops.join(' and ')}`);
  const op = ops[0] ?? null;
  let threshold: number | null = null;
  if (op) {
    const raw = value(op);
    if (typeof raw !== 'number' || !Number.isFinite(raw)) return fail(op, `expected a number, got ${JSON.stringify(raw)}`);
    const range = thresholdRange(metric);
    if (raw < range.min || raw > range.max) fail(op, `${raw} is impossible for ${metric} (${range.what})`);
    threshold = raw;
  }
  const scope = parseScope(node.get('scope', true) as Node | undefined, `${at}.scope`, file, lineOf);
  const otherScope = Object.keys(scope).filter((k) => k !== 'asset');
  if (isEvidenceMetric(metric) && otherScope.length) {
    fail('scope', `${metric} is measured on one ${metric === 'retrieval_hit_at_5' ? 'KB' : 'dataset'} asset: scope can name only {asset: ID}, not ${otherScope.join(', ')}`);
  }
  const baseline = parseBaseline(value('baseline'), scope, () => fail('baseline', 'expected a version string (compared on the scope\'s prompt_version, model or asset axis) or {by, version}'), (m) => fail('baseline', m));
  if (!op && !baseline) fail('metric', 'needs a threshold (min, max or equals) or a baseline');
  if (baseline && !(METRIC_NAMES as readonly string[]).includes(metric) && metric !== 'cost_per_query') {
    fail('baseline', `a baseline compares rates and means; ${metric} is ${isEvidenceMetric(metric) ? 'measured on one asset' : 'a count'} (use one of ${METRIC_NAMES.join(', ')})`);
  }
  const name = value('name');
  if (name !== undefined && (typeof name !== 'string' || name.trim() === '')) fail('name', 'expected a non-empty string');
  const defaultName = `${metric}${op ? ` ${op === 'min' ? '>=' : op === 'max' ? '<=' : '='} ${threshold}` : ''}${baseline ? ` vs ${baseline.version}` : ''}`;
  return { name: (name as string | undefined) ?? defaultName, metric, op, threshold, scope, baseline, line: lineOf(node) };
}

function parseScope(node: Node | undefined, at: string, file: string, lineOf: (n: Node | null | undefined) => number): GateScope {
  if (node === undefined) return {};
  if (!isMap(node)) throw new PolicyError(file, lineOf(node), `${at}: expected a mapping of ${[...SCOPE_KEYS].join(', ')}`);
  const scope: GateScope = {};
  for (const pair of node.items) {
    const key = String((pair.key as { value?: unknown } | null)?.value ?? pair.key);
    const line = lineOf(pair.key as Node);
    const v = (pair.value as unknown as { toJSON(): unknown } | null)?.toJSON();
    if (!SCOPE_KEYS.has(key)) throw new PolicyError(file, line, `${at}: unknown field "${key}" (fields: ${[...SCOPE_KEYS].join(', ')})`);
    if (key === 'asset') {
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) throw new PolicyError(file, line, `${at}.asset: expected an asset id, got ${JSON.stringify(v)}`);
      scope.asset = v;
    } else if (key === 'from' || key === 'to') {
      const s = v instanceof Date ? v.toISOString() : v;
      if (typeof s !== 'string' || !DATE.test(s)) throw new PolicyError(file, line, `${at}.${key}: expected an ISO date or timestamp, got ${JSON.stringify(v)}`);
      scope[key] = s;
    } else {
      if (typeof v !== 'string' && typeof v !== 'number') throw new PolicyError(file, line, `${at}.${key}: expected a string, got ${JSON.stringify(v)}`);
      scope[key as 'model' | 'prompt_version'] = String(v);
    }
  }
  if (scope.from && scope.to && scope.from > scope.to) throw new PolicyError(file, lineOf(node), `${at}: from ${scope.from} is after to ${scope.to}`);
  return scope;
}

function parseBaseline(raw: unknown, scope: GateScope, wrongType: () => never, fail: (m: string) => never): Gate['baseline'] {
  if (raw === undefined) return null;
  if (typeof raw === 'string' || typeof raw === 'number') {
    const by: BaselineAxis | undefined = scope.prompt_version !== undefined ? 'prompt_version' : scope.model !== undefined ? 'model' : scope.asset !== undefined ? 'asset' : undefined;
    if (!by) fail('a baseline is compared with the version the scope names: give scope.prompt_version, scope.model or scope.asset');
    return { by: by!, version: String(raw) };
  }
  if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
    const { by, version } = raw as { by?: unknown; version?: unknown };
    if (by !== 'prompt_version' && by !== 'model' && by !== 'asset') fail('baseline.by: expected prompt_version, model or asset');
    if (typeof version !== 'string' && typeof version !== 'number') fail('baseline.version: expected a version');
    const candidate = by === 'asset' ? scope.asset : scope[by as 'prompt_version' | 'model'];
    if (candidate === undefined) fail(`a baseline by ${String(by)} needs scope.${String(by)} naming the candidate version`);
    return { by: by as BaselineAxis, version: String(version) };
  }
  return wrongType();
}
