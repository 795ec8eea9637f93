import type { RecordFlag, RecordScores } from '../../shared/contract/analysis-schemas';
import { thresholds } from '../../shared/engine/thresholds';

/** How the analyzers' headline scores are shown: one tone per value, from the same thresholds that set the flags. */

export type ScoreKind = 'grounding' | 'toxicity' | 'injection' | 'pii';
export type ScoreTone = 'good' | 'warn' | 'bad' | 'none';
export type FlagName = RecordScores['flags'][number];

export const FLAG_NAMES: readonly FlagName[] = ['hallucination', 'toxic', 'injection', 'pii'];

export const FLAG_LABEL: Record<FlagName, string> = {
  hallucination: 'Hallucination', toxic: 'Toxic', injection: 'Injection', pii: 'PII',
};

/** Labels for narrow table cells; the full label is in the chip's tooltip. */
export const FLAG_SHORT: Record<FlagName, string> = {
  hallucination: 'Halluc.', toxic: 'Toxic', injection: 'Inject.', pii: 'PII',
};

/** Why a record carries each flag, for tooltips; the numbers are the engine's own thresholds. */
export const FLAG_MEANING: Record<FlagName, string> = {
  hallucination: `grounding below ${thresholds.grounding}: the answer says things its evidence does not`,
  toxic: `toxicity of the output at or above ${thresholds.toxicity}`,
  injection: `prompt injection in the input or a retrieved context at or above ${thresholds.injection}`,
  pii: `${thresholds.pii === 1 ? 'any' : `${thresholds.pii} or more`} personal data or secrets in the output`,
};

/** The choices of the records page's flag filter, in menu order ('' = no filter). */
export const FLAG_FILTERS: ReadonlyArray<{ value: RecordFlag | ''; label: string }> = [
  { value: '', label: 'All records' },
  { value: 'any', label: 'Any flag' },
  { value: 'hallucination', label: 'Hallucination' },
  { value: 'toxic', label: 'Toxic' },
  { value: 'injection', label: 'Injection' },
  { value: 'pii', label: 'PII' },
  { value: 'unscored', label: 'Not analyzed' },
];

export function isRecordFlag(value: string): value is RecordFlag {
  return FLAG_FILTERS.some((choice) => choice.value !== '' && choice.value === value);
}

/**
 * Red past the flag threshold, amber in the band just short of it (worth a look, not flagged), green otherwise.
 * Grounding is "higher is better"; the others are "higher is worse"; PII is a count of entities.
 */
export function scoreTone(kind: ScoreKind, value: number | null | undefined): ScoreTone {
  if (value === null || value === undefined || !Number.isFinite(value)) return 'none';
  switch (kind) {
    case 'grounding':
      if (value < thresholds.grounding) return 'bad';
      return value < Math.min(1, thresholds.grounding + 0.15) ? 'warn' : 'good';
    case 'toxicity':
    case 'injection': {
      const limit = kind === 'toxicity' ? thresholds.toxicity : thresholds.injection;
      if (value >= limit) return 'bad';
      return value >= limit * 0.6 ? 'warn' : 'good';
    }
    case 'pii':
      return value >= thresholds.pii ? 'bad' : 'good';
  }
}

/** Scores in [0,1] with two decimals; counts (PII) as whole numbers. */
export function formatScore(kind: ScoreKind, value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (kind === 'pii') return String(Math.round(value));
  return value.toFixed(2);
}

/** The injection column is the worse of the input and the retrieved contexts, as the server sorts it. */
export function injectionOf(scores: RecordScores | null): number | null {
  if (!scores) return null;
  const values = [scores.injection, scores.contextInjection].filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  return values.length ? Math.max(...values) : null;
}

/** One headline value per column kind, from a record's scores (null when the record is not analyzed). */
export function headlineScore(kind: ScoreKind, scores: RecordScores | null): number | null {
  if (!scores) return null;
  if (kind === 'injection') return injectionOf(scores);
  return scores[kind];
}

/** A named score from an analyzer's finding, e.g. "answer_relevance" -> "Answer relevance". */
export function scoreName(key: string): string {
  const words = key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').trim().toLowerCase();
  if (words === 'pii') return 'PII';
  if (words === 'input pii') return 'Input PII';
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Any score from a finding: whole numbers as they are (counts), fractions with two decimals. */
export function formatFindingScore(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '—';
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}
