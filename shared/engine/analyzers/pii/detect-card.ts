import { luhnValid } from '../../../util/checksums';
import { cueBefore } from './context';
import type { PiiEntity } from './types';

// Digits in groups split by single spaces or dashes; the lookbehind stops a scan from restarting inside a
// run of digits, which keeps the scan linear.
const CANDIDATE = /(?<![\w-])\d(?:[ -]?\d){11,22}(?!\d)/g;
const CUE = /\b(?:card|credit|debit|visa|master ?card|amex|american express|discover|maestro|cc|cvv|pan|billing)\b/i;
// Maestro cards may have 12 digits; other numbers that short are not cards.
const MAESTRO_12 = /^(?:5018|5020|5038|5893|6304|6759|676[1-3])/;

interface Group {
  start: number;
  end: number;
  digits: string;
}

function groupsOf(text: string, start: number, end: number): Group[] {
  const groups: Group[] = [];
  const re = /\d+/g;
  const slice = text.slice(start, end);
  for (const m of slice.matchAll(re)) groups.push({ start: start + m.index, end: start + m.index + m[0].length, digits: m[0] });
  return groups;
}

/** With a cue ("credit card 5845 ...") any issuer digit and 12 digits are accepted; without, stricter. */
function plausible(digits: string, grouped: Group[], cued: boolean): boolean {
  if (/^(\d)\1+$/.test(digits)) return false;
  if (digits.length < 12 || digits.length > 19) return false;
  const first = digits.charCodeAt(0) - 48;
  if (!cued && (first < 1 || first > 6)) return false; // issuer industries 1-6; 0 and 7-9 are rarely cards
  if (!cued && digits.length === 12 && !MAESTRO_12.test(digits)) return false;
  // Printed cards group as 4-4-4-4, 4-6-5, 4-6-4, ...: every group but the last has 4 to 6 digits.
  if (grouped.length > 1 && grouped.slice(0, -1).some((g) => g.digits.length < 4 || g.digits.length > 6)) return false;
  return luhnValid(digits);
}

/** Payment card numbers (12-19 digits, Luhn-checked, plausible issuer digit and grouping). */
export function detectCards(text: string): PiiEntity[] {
  const out: PiiEntity[] = [];
  for (const m of text.matchAll(CANDIDATE)) {
    const cued = cueBefore(text, m.index, CUE, 50);
    const groups = groupsOf(text, m.index, m.index + m[0].length);
    // Try the longest run of whole groups first: "4111 1111 1111 1111 12/25" must not swallow "12". Only
    // runs of 12-19 digits are tried, so a long "1 1 1 1 ..." costs a few checks per group, not a square.
    let found: { from: number; to: number } | null = null;
    for (let from = 0; from < groups.length && !found; from++) {
      let digits = 0;
      let to = from;
      while (to < groups.length && digits + groups[to]!.digits.length <= 19) digits += groups[to++]!.digits.length;
      for (let end = to; end > from && !found; end--) {
        const part = groups.slice(from, end);
        const joined = part.map((g) => g.digits).join('');
        if (joined.length < 12) break;
        if (plausible(joined, part, cued)) found = { from, to: end - 1 };
      }
    }
    if (!found) continue;
    const start = groups[found.from]!.start;
    const end = groups[found.to]!.end;
    out.push({ type: 'credit_card', start, end, score: cued ? 1 : 0.9 });
  }
  return out;
}
