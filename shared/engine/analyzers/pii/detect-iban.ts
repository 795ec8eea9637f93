import { ibanValid } from '../../../util/checksums';
import type { PiiEntity } from './types';

// Country code, check digits, then 11-30 letters/digits, optionally in groups of four split by single spaces.
const CANDIDATE = /(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]{4}){2,7}(?: ?[A-Za-z0-9]{1,4})?(?![A-Za-z0-9])/g;

/** IBANs that pass the country length and mod-97 check (upper or lower case, with or without spaces). */
export function detectIbans(text: string): PiiEntity[] {
  const out: PiiEntity[] = [];
  for (const m of text.matchAll(CANDIDATE)) {
    if (ibanValid(m[0])) out.push({ type: 'iban', start: m.index, end: m.index + m[0].length, score: 1 });
  }
  return out;
}
