import { ssnValid } from '../../../util/checksums';
import { cueBefore } from './context';
import type { PiiEntity } from './types';

const SEPARATED = /(?<![\d-])(\d{3})([- ])(\d{2})\2(\d{4})(?![\d-])/g;
const BARE = /(?<!\d)(\d{3})(\d{2})(\d{4})(?!\d)/g;
const CUE = /\b(?:ssn|ss#|social security|social sec|ssa|tax ?id|tin|itin)\b/i;
// Numbers printed in adverts and known to be invalid; treating them as real would only add noise.
const KNOWN_FAKE = new Set(['078051120', '219099999', '123456789']);

/** US Social Security numbers: 3-2-4 digits with valid area, group and serial; bare 9 digits need a cue. */
export function detectSsns(text: string): PiiEntity[] {
  const out: PiiEntity[] = [];
  for (const m of text.matchAll(SEPARATED)) {
    const [, area, sep, group, serial] = m;
    if (!area || !group || !serial || !ssnValid(area, group, serial) || KNOWN_FAKE.has(area + group + serial)) continue;
    const cue = cueBefore(text, m.index, CUE, 50);
    // Space-separated 3-2-4 is too common in other numbers to trust without a cue.
    if (sep === ' ' && !cue) continue;
    out.push({ type: 'ssn', start: m.index, end: m.index + m[0].length, score: cue ? 1 : 0.85 });
  }
  for (const m of text.matchAll(BARE)) {
    const [, area, group, serial] = m;
    if (!area || !group || !serial || !ssnValid(area, group, serial) || KNOWN_FAKE.has(area + group + serial)) continue;
    if (cueBefore(text, m.index, CUE, 40)) out.push({ type: 'ssn', start: m.index, end: m.index + m[0].length, score: 0.8 });
  }
  return out;
}
