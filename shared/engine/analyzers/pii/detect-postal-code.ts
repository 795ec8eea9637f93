import type { PiiEntity } from './types';

/**
 * Postal codes: after a cue ("ZIP: 94107", "postal code K1A 0B1", "PLZ 10115") or alone on the last line of an
 * address block (a line holding only a code, right under lines that read like an address). Formats: US ZIP and
 * ZIP+4, Canadian, UK, Dutch, Polish/Portuguese dashed, and plain 3-6 digit codes. A code inside a street line
 * ("CA 94107") stays part of the address (see types.ts PII_PRIORITY).
 */
const CODE = '(?:\\d{5}-\\d{4}|[A-Z]\\d[A-Z][ ]?\\d[A-Z]\\d|[A-Z]{1,2}\\d[A-Z\\d]?[ ]?\\d[A-Z]{2}|\\d{4}[ ]?[A-Z]{2}|\\d{2}-\\d{3}|\\d{4}-\\d{3}|\\d{3,6})';
const CUED = new RegExp(`\\b(?:zip(?:[ -]?code)?|postal[ -]?code|post[ -]?code|postleitzahl|plz|cep|code postal|c\\.?p\\.?)[ \\t]*(?:is|:|#|-)?[ \\t]*(${CODE})(?![\\w-])`, 'gid');
const LINE_ONLY = new RegExp(`^[ \\t]*(${CODE})[ \\t]*$`, 'gmd');
// A line above that looks like part of an address: a house number next to a word, a PO box, or a unit.
const ADDRESS_LINE = /(?:\d{1,6}[ \t]+\p{L}|\p{L}[ \t]+\d{1,5}\b|\bP\.?O\.?[ \t]?Box\b|\b(?:Apt|Suite|Unit)\b)/u;

export function detectPostalCodes(text: string): PiiEntity[] {
  const out: PiiEntity[] = [];
  for (const m of text.matchAll(CUED)) {
    const span = m.indices?.[1];
    if (span) out.push({ type: 'postal_code', start: span[0], end: span[1], score: 0.85 });
  }
  for (const m of text.matchAll(LINE_ONLY)) {
    const span = m.indices?.[1];
    if (!span) continue;
    const above = text.slice(Math.max(0, m.index - 160), m.index).split('\n').slice(-4, -1).join('\n');
    if (ADDRESS_LINE.test(above)) out.push({ type: 'postal_code', start: span[0], end: span[1], score: 0.8 });
  }
  return out;
}
