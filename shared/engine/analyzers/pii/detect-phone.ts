import { cueBefore } from './context';
import type { PiiEntity } from './types';

// Optional "+CC" / "00CC" / "(area)" prefix, then digit groups split by one space, dot or dash (or a
// parenthesised group). Separators are mandatory between groups, so there is one way to read a run of
// digits and the scan stays linear.
// An extension may follow: "x1234", " ext. 12", " extension 5".
const CANDIDATE =
  /(?<![\w+/.:#$€£¥-])(?:\+\d{1,3}[ .-]?(?:\(0\)[ .-]?)?|00\d{1,3}[ .-]|\(\d{1,5}\)[ .-]?)?\d{1,14}(?:(?:[ ./-]|[ .-]?\(\d{1,5}\)[ .-]?)\d{1,14}){0,6}(?:[ ]?(?:x|ext\.?|extension)[ ]?\d{1,5})?(?![\w/]|[.,:-]\d)/g;
const EXTENSION = /[ ]?(?:x|ext\.?|extension)[ ]?\d{1,5}$/;
// National numbers with a trunk 0 in a common grouping: "0490 75 40 81", "020 7946 0958", "030/1234567",
// "06 12 34 56 78", "0378 3549890". Dates, amounts and ids rarely start with 0 and group like this.
const TRUNK_NATIONAL = /^0\d{1,4}(?:[ /-]\d{2,8}){1,4}$/;

// North American layout: (555) 123-4567, 555.123.4567, 555-123-4567, +1 202 555 0173.
const NANP = /^(?:\+?1[ .-]?)?(?:\(\d{3}\)[ .-]?|\d{3}[ .-])\d{3}[ .-]\d{4}$/;
const PHONE_CUE =
  /\b(?:phone|telephone|tel|mobile|mob|cell|cellphone|call|calling|called|fax|contact|reach|dial|text|sms|whatsapp|messages?|answering|hotline|helpline|landline|ph|number is|office|home|work)\b|☎|📞/i;
const LABEL_AFTER = /^\s*[-–(]?\s*(?:office|fax|mobile|cell|home|work|tel|phone|ext)\b/i;
const NOT_PHONE_CUE = /\b(?:order|invoice|account|acct|ref|reference|id|tracking|isbn|serial|ticket|case|version|ver|po|sku|item|transaction|confirmation|licen[cs]e|passport|no\.)\s*(?:#|no\.?|number|num)?\s*:?\s*$/i;
const DATE_LIKE = /^(?:\d{4}[-./ ]\d{1,2}[-./ ]\d{1,2}|\d{1,2}[-./ ]\d{1,2}[-./ ]\d{2,4})$/;
const SSN_LIKE = /^\d{3}-\d{2}-\d{4}$/;
const IPV4_LIKE = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;
const THOUSANDS = /^\d{1,3}(?:[.,]\d{3})+$/;
const YEAR_RANGE = /^(?:19|20)\d\d[ -](?:19|20)\d\d$/;

/**
 * Phone numbers in national and international formats. Strong layouts (a "+" country code, "00" prefix or
 * the North American 3-3-4 shape) count on their own; other digit groupings ("0490 75 40 81", "467 3395")
 * count only next to a cue such as "phone:", "call", "fax". Dates, prices, IPs, years and order numbers are
 * left alone.
 */
export function detectPhones(text: string): PiiEntity[] {
  const out: PiiEntity[] = [];
  for (const m of text.matchAll(CANDIDATE)) {
    const raw = m[0];
    const bare = raw.replace(EXTENSION, '');
    const digits = bare.replace(/\D/g, '');
    if (digits.length < 7 || digits.length > 15) continue;
    if (DATE_LIKE.test(bare) || SSN_LIKE.test(bare) || IPV4_LIKE.test(bare) || THOUSANDS.test(bare) || YEAR_RANGE.test(bare)) continue;
    if (/^(\d)\1+$/.test(digits)) continue;
    const start = m.index;
    const end = start + raw.length;
    if (text[start - 1] === ',' && /\d/.test(text[start - 2] ?? '')) continue; // "1,2345678": part of a number
    if (NOT_PHONE_CUE.test(text.slice(Math.max(0, start - 30), start))) continue;
    const international = raw.startsWith('+') || /^00\d/.test(raw);
    const national = TRUNK_NATIONAL.test(bare) && digits.length >= 10 && digits.length <= 11 && !/^0\d{3}[ -]\d{2}[ -]\d{2}$/.test(bare);
    const strong = (international && digits.length >= 8) || NANP.test(bare) || national;
    const cue = cueBefore(text, start, PHONE_CUE, 40) || LABEL_AFTER.test(text.slice(end, end + 12));
    const grouped = /[ .()/-]/.test(bare);
    if (strong) out.push({ type: 'phone', start, end, score: cue ? 0.95 : 0.85 });
    // Unseparated runs need 9+ digits even with a cue, so "call 2024 times" is not a phone.
    else if (cue && (grouped || digits.length >= 9)) out.push({ type: 'phone', start, end, score: 0.7 });
  }
  return out;
}

