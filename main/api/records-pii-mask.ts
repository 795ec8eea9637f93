import { maskPii, type MaskRegion } from '../../shared/engine/analyzers/pii';
import type { PiiRegion } from '../storage/records-pii-repo';

/**
 * Personal data in records shown or exported without the user's say-so is masked ("[EMAIL]"). Where the PII
 * analyzer has looked at a field (input and output), its stored spans say what to mask, so the result matches
 * the findings the user sees; elsewhere (contexts, metadata, records not analyzed yet) the same detectors run
 * on the text being shown.
 */

const toRegions = (stored: readonly PiiRegion[]): MaskRegion[] => stored.map((r) => ({ start: r.start, end: r.end, label: r.type }));

export function maskField(text: string, stored: readonly PiiRegion[] | undefined): string {
  return stored ? maskPii(text, toRegions(stored)) : maskPii(text);
}

/** Every string inside a JSON value, masked by detection; keys are left as they are. */
export function maskJson(value: unknown): unknown {
  if (typeof value === 'string') return maskPii(value);
  if (Array.isArray(value)) return value.map(maskJson);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, maskJson(v)]));
  }
  return value;
}
