import type { PiiEntity } from './types';

/**
 * Postal codes: after a cue ("ZIP: 94107", "postal code K1A 0B1", "PLZ 10115"), alone on the last line of an
 * address block (a line holding only a code, right under lines that read like an address), or in a shape no
 * other number takes: a US state and ZIP ("Springfield, IL 62704"), a UK or Canadian postcode ("SW1A 1AA",
 * "K1A 0B1"). Formats: US ZIP and ZIP+4, Canadian, UK, Irish, Dutch, Brazilian, Japanese, Polish/Portuguese
 * dashed, Swedish/Czech spaced, country-prefixed ("D-10115") and plain 3-6 digit codes. A code inside a street
 * address stays part of the address (see types.ts PII_PRIORITY).
 */
const CODE =
  '(?:\\d{5}-\\d{4}|\\d{5}-\\d{3}|\\d{3}-\\d{4}|[A-Z]\\d[A-Z][ ]?\\d[A-Z]\\d|[A-Z]{1,2}\\d[A-Z\\d]?[ ]?\\d[A-Z]{2}|[AC-FHKNPRTV-Y]\\d{2}[ ]?[AC-FHKNPRTV-Y\\d]{4}|\\d{4}[ ]?[A-Z]{2}|[A-Z]{1,2}-\\d{4,5}|\\d{2}-\\d{3}|\\d{4}-\\d{3}|\\d{3}[ ]\\d{2}|\\d{3,6})';
const CUE = '(?:zip(?:[ -]?code)?|postal[ -]?code|post[ -]?code|postleitzahl|plz|cep|code postal|c[oó]digo postal|pin[ -]?code|c\\.p\\.|cp)';
const CUED = new RegExp(`\\b${CUE}(?:[ \\t]+(?:is|was|of|for (?:the|my|your|this) (?:address|area|office|shipment|order)(?: is)?))?[ \\t]*[:#=-]?[ \\t]*(${CODE})(?![\\w-])`, 'gid');
const LINE_ONLY = new RegExp(`^[ \\t]*(${CODE})[ \\t]*$`, 'gmd');
// A line above that looks like part of an address: a house number next to a word, a PO box, or a unit.
const ADDRESS_LINE = /(?:\d{1,6}[ \t]+\p{L}|\p{L}[ \t]+\d{1,5}\b|\bP\.?O\.?[ \t]?Box\b|\b(?:Apt|Suite|Unit)\b)/u;
const US_STATES =
  'AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|PR';
// "Springfield, IL 62704": a capitalised place, a state code and a ZIP; the code is the postal code.
const STATE_ZIP = new RegExp(`\\b(?:${US_STATES})[ \\t]+(\\d{5}(?:-\\d{4})?)(?![\\d-])`, 'gd');
const PLACE_BEFORE = /\p{Lu}[\p{L}.'-]*,?[ \t]+$/u;
// UK ("SW1A 1AA", "M1 1AE") and Canadian ("K1A 0B1") postcodes have shapes no other number takes.
const SHAPED = /(?<![A-Za-z0-9])((?:[A-Z]{1,2}\d[A-Z\d]?|GIR) \d[A-Z]{2}|[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] \d[ABCEGHJ-NPRSTV-Z]\d)(?![A-Za-z0-9])/dg;

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
  // Both shapes need an upper-case letter beside digits; most texts have none, and this test is cheap.
  if (/[A-Z][ \t]*\d/.test(text)) for (const re of [STATE_ZIP, SHAPED]) {
    for (const m of text.matchAll(re)) {
      const span = m.indices?.[1];
      if (!span || (re === STATE_ZIP && !PLACE_BEFORE.test(text.slice(Math.max(0, m.index - 40), m.index)))) continue;
      out.push({ type: 'postal_code', start: span[0], end: span[1], score: 0.7 });
    }
  }
  return out;
}
