/**
 * PII analyzer: finds personal data and secrets in the output (spans, `pii` count) and the input
 * (`input_pii` count, listed in details), fully offline: formats with check digits (cards, IBANs), validity
 * rules (SSNs, IPs), known key prefixes, cue words, and a first-name list.
 */
import { z } from 'zod';
import type { Analyzer, AnalyzerOutput, Span } from '../../analyzer';
import { detectPii } from './detect';
import { PII_TYPES, type PiiEntity, type PiiType } from './types';

export { maskPii, type MaskStyle, type MaskRegion } from './mask';
export { detectPii } from './detect';
export { PII_TYPES, type PiiType, type PiiEntity } from './types';

export const PiiParams = z.object({
  /** Types to detect (all by default). */
  types: z.array(z.enum(PII_TYPES)).min(1).default([...PII_TYPES]),
  /** Person names below this confidence are ignored: 0.55 lone first name, 0.75-0.9 names with cues. */
  minNameConfidence: z.number().min(0).max(1).default(0.5),
  /** Any entity below this confidence is ignored. */
  minScore: z.number().min(0).max(1).default(0),
});
export type PiiParams = z.output<typeof PiiParams>;

const brief = (e: PiiEntity): { type: PiiType; start: number; end: number } => ({ type: e.type, start: e.start, end: e.end });

function countByType(entities: PiiEntity[]): string {
  const counts = new Map<string, number>();
  for (const e of entities) counts.set(e.type, (counts.get(e.type) ?? 0) + 1);
  return [...counts].map(([t, n]) => `${n} ${t}`).join(', ');
}

export const piiAnalyzer = {
  id: 'pii',
  version: '2.3.0',
  description: 'Personal data and secrets: emails, phones, payment cards (Luhn), IBANs (mod 97), SSNs, IPs, API keys, names, addresses, postal codes, dates of birth, passport and driving-licence numbers.',
  params: PiiParams,
  analyze(record, params): AnalyzerOutput {
    const options = { types: params.types, minNameScore: params.minNameConfidence, minScore: params.minScore };
    const output = detectPii(record.output ?? '', options);
    const input = detectPii(record.input ?? '', options);
    const spans: Span[] = output.map((e) => ({ field: 'output', start: e.start, end: e.end, label: e.type, score: e.score }));
    const explanation =
      output.length === 0
        ? `no PII in the output${input.length ? `; input has ${countByType(input)}` : ''}`
        : `output has ${countByType(output)}${input.length ? `; input has ${countByType(input)}` : ''}`;
    return {
      scores: { pii: output.length, input_pii: input.length },
      spans,
      explanation,
      details: { pii: output.map(brief), input_pii: input.map(brief) },
    };
  },
} satisfies Analyzer<typeof PiiParams>;
