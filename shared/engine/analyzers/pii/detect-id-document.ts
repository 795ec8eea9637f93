import type { PiiEntity } from './types';

/**
 * Passport and driving-licence numbers. Their formats differ by country and look like any other reference
 * number, so only a number right after a cue counts ("passport no. X1234567", "driver's license: D123-4567-8901",
 * "DL# 12345678"). The number is upper-case letters and digits in up to four groups and must hold four digits,
 * so "passport is expired" and "licence since 2019" find nothing.
 */
const LINK = '(?:[ \\t]*(?:number|num\\.?|no\\.?|nr\\.?|#|id))?[ \\t]*(?:is|was|:|#|-)?[ \\t]*';
const PASSPORT = new RegExp(`\\bpassport${LINK}`, 'gi');
const LICENCE = new RegExp(`\\b(?:driver'?s?[ \\t]+licen[cs]e|driving[ \\t]+licen[cs]e|licen[cs]e|DL)${LINK}`, 'gi');
// Case-sensitive on purpose: identifiers are printed in capitals; a lower-case word ends the number.
const NUMBER = /[A-Z0-9]{1,12}(?:[- ][A-Z0-9]{1,9}){0,3}(?![\w-])/y;

function collect(text: string, cue: RegExp, type: 'passport' | 'drivers_license', out: PiiEntity[]): void {
  for (const m of text.matchAll(cue)) {
    NUMBER.lastIndex = m.index + m[0].length;
    const found = NUMBER.exec(text);
    if (!found) continue;
    let value = found[0];
    // A trailing all-letter group is the next word ("X1234567 EXPIRED"), not part of the number.
    value = value.replace(/[- ][A-Z]+$/, '');
    if (value.replace(/\D/g, '').length < 4 || /^(?:19|20)\d\d$/.test(value)) continue;
    out.push({ type, start: found.index, end: found.index + value.length, score: 0.85 });
  }
}

export function detectIdDocuments(text: string): PiiEntity[] {
  const out: PiiEntity[] = [];
  collect(text, PASSPORT, 'passport', out);
  collect(text, LICENCE, 'drivers_license', out);
  return out;
}
