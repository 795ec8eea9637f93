// Span-level matching in the style of presidio-evaluator: a gold span counts as found when the predictions
// of the same type that overlap it cover it with character IoU >= 0.5; a prediction that overlaps no found
// gold span of its type is a false positive.

export interface TypedSpan {
  type: string;
  start: number;
  end: number;
}

export interface SpanCounts {
  gold: number;
  found: number;
  predicted: number;
  falsePositives: number;
}

function iou(gold: TypedSpan, preds: TypedSpan[]): number {
  const lo = Math.min(gold.start, ...preds.map((p) => p.start));
  const hi = Math.max(gold.end, ...preds.map((p) => p.end));
  let inter = 0;
  let union = 0;
  for (let i = lo; i < hi; i++) {
    const inGold = i >= gold.start && i < gold.end;
    const inPred = preds.some((p) => i >= p.start && i < p.end);
    if (inGold && inPred) inter++;
    if (inGold || inPred) union++;
  }
  return union === 0 ? 0 : inter / union;
}

/** Counts for one text, per type (use type '*' on both sides for type-blind "any PII" matching). */
export function matchSpans(gold: TypedSpan[], predicted: TypedSpan[], minIou = 0.5): Map<string, SpanCounts> {
  const out = new Map<string, SpanCounts>();
  const counts = (t: string): SpanCounts => {
    let c = out.get(t);
    if (!c) out.set(t, (c = { gold: 0, found: 0, predicted: 0, falsePositives: 0 }));
    return c;
  };
  const foundGold: TypedSpan[] = [];
  for (const g of gold) {
    counts(g.type).gold++;
    const overlapping = predicted.filter((p) => p.type === g.type && p.start < g.end && g.start < p.end);
    if (overlapping.length > 0 && iou(g, overlapping) >= minIou) {
      counts(g.type).found++;
      foundGold.push(g);
    }
  }
  for (const p of predicted) {
    counts(p.type).predicted++;
    if (!foundGold.some((g) => g.type === p.type && p.start < g.end && g.start < p.end)) counts(p.type).falsePositives++;
  }
  return out;
}

/**
 * Presidio-evaluator's span creation: consecutive gold tokens of one type form one span, and punctuation between
 * them does not break it (its skip words). The synthetic file lists an address line as parts ("28245",
 * "Puruntie 82", "Apt. 595") that presidio's own evaluator scores as one span; without this a detector that
 * finds the whole line would miss all three. Only spans separated by spaces, commas, periods, dashes or line
 * breaks merge; a word of another type between them keeps them apart.
 */
export function mergeAdjacentGold<T extends TypedSpan>(text: string, gold: readonly T[]): TypedSpan[] {
  const sorted = [...gold].sort((a, b) => a.start - b.start);
  const out: TypedSpan[] = [];
  for (const g of sorted) {
    const prev = out[out.length - 1];
    if (prev && prev.type === g.type && g.start >= prev.end && /^[\s,.;:-]*$/.test(text.slice(prev.end, g.start))) prev.end = Math.max(prev.end, g.end);
    else out.push({ type: g.type, start: g.start, end: g.end });
  }
  return out;
}

export function addCounts(into: Map<string, SpanCounts>, from: Map<string, SpanCounts>): void {
  for (const [t, c] of from) {
    const acc = into.get(t) ?? { gold: 0, found: 0, predicted: 0, falsePositives: 0 };
    acc.gold += c.gold;
    acc.found += c.found;
    acc.predicted += c.predicted;
    acc.falsePositives += c.falsePositives;
    into.set(t, acc);
  }
}

export function prf(c: SpanCounts): { precision: number; recall: number; f1: number } {
  const tpPred = c.predicted - c.falsePositives;
  const precision = c.predicted === 0 ? 0 : tpPred / c.predicted;
  const recall = c.gold === 0 ? 0 : c.found / c.gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}
