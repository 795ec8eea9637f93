import { detectPii } from './detect';
import type { PiiType } from './types';

/**
 * - 'label': replace with the type in brackets ("[EMAIL]", "[CREDIT_CARD]").
 * - 'partial': keep what support staff usually see: the last 4 digits of cards, IBANs, SSNs and phones
 *   ("[CREDIT_CARD ****1111]"), the first letter and the domain of emails ("j***@example.com").
 * - 'block': same-length run of "*", keeping line breaks, so layout and offsets of later text survive.
 */
export type MaskStyle = 'label' | 'partial' | 'block';

/** A region to mask: analyzer spans ({label}) and detector entities ({type}) both fit. */
export interface MaskRegion {
  start: number;
  end: number;
  label?: string;
  type?: PiiType;
}

const LAST_FOUR: ReadonlySet<string> = new Set(['credit_card', 'iban', 'ssn', 'phone']);

function replacement(value: string, kind: string, style: MaskStyle): string {
  if (style === 'block') return value.replace(/[^\r\n]/g, '*');
  const tag = kind.toUpperCase();
  if (style === 'partial') {
    if (LAST_FOUR.has(kind)) {
      const tail = value.replace(/[^0-9A-Za-z]/g, '').slice(-4);
      if (tail.length === 4) return `[${tag} ****${tail}]`;
    }
    if (kind === 'email') {
      const at = value.lastIndexOf('@');
      if (at > 0) return `${value[0]}***${value.slice(at)}`;
    }
  }
  return `[${tag}]`;
}

/**
 * Masks PII in text. Without regions it detects them first (all types). Regions may overlap or come in any
 * order; each character is masked at most once, by the earliest, longest region covering it.
 */
export function maskPii(text: string, regions?: readonly MaskRegion[], style: MaskStyle = 'label'): string {
  const list = regions ?? detectPii(text);
  const sorted = [...list]
    .filter((r) => Number.isInteger(r.start) && Number.isInteger(r.end) && r.start >= 0 && r.end <= text.length && r.end > r.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let pos = 0;
  for (const r of sorted) {
    if (r.start < pos) continue;
    out += text.slice(pos, r.start) + replacement(text.slice(r.start, r.end), r.type ?? r.label ?? 'pii', style);
    pos = r.end;
  }
  return out + text.slice(pos);
}
