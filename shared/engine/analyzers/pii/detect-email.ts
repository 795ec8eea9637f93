import type { PiiEntity } from './types';

const isLocalChar = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 46 || c === 95 || c === 37 || c === 43 || c === 45;
const isDomainChar = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 46 || c === 45;
const TLD = /\.[A-Za-z]{2,24}$/;

/**
 * Email addresses, found by scanning out from each "@" instead of a regex over the whole text, so a long
 * run of letters without an "@" costs nothing (a naive email regex is quadratic on such input).
 */
export function detectEmails(text: string): PiiEntity[] {
  const out: PiiEntity[] = [];
  let at = text.indexOf('@');
  while (at !== -1) {
    let start = at;
    while (start > 0 && at - start < 64 && isLocalChar(text.charCodeAt(start - 1))) start--;
    while (start < at && text.charCodeAt(start) === 46) start++; // a local part cannot start with "."
    let end = at + 1;
    while (end < text.length && end - at <= 253 && isDomainChar(text.charCodeAt(end))) end++;
    while (end > at + 1 && (text.charCodeAt(end - 1) === 46 || text.charCodeAt(end - 1) === 45)) end--;
    const domain = text.slice(at + 1, end);
    const localOk = start < at && !text.slice(start, at).includes('..');
    if (localOk && TLD.test(domain) && !domain.includes('..') && !domain.startsWith('.') && !domain.startsWith('-')) {
      out.push({ type: 'email', start, end, score: 0.95 });
      at = text.indexOf('@', end);
    } else {
      at = text.indexOf('@', at + 1);
    }
  }
  return out;
}
