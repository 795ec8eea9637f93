import { buildView } from './text-view';

/**
 * Hidden or encoded payloads: text the model can read but a reviewer cannot. Each is decoded here and
 * scanned by the same rules (see heuristics.ts); a decoded attack weighs more than a plain one because the
 * encoding shows intent.
 */
export interface Payload {
  kind: 'base64' | 'unicode_tags' | 'reversed' | 'html_comment' | 'hidden_markup';
  /** Range in the source text that holds the payload. */
  start: number;
  end: number;
  /** Decoded text to scan, or null when the region is scanned in place (comments, hidden markup). */
  decoded: string | null;
}

const TAGS_RE = /[\u{E0000}-\u{E007F}]+/gu;
const HTML_COMMENT_RE = /<!--([\s\S]{0,4000}?)-->/g;
const HIDDEN_MARKUP_RE = /<(\w+)[^>]{0,300}?style\s*=\s*["'][^"']{0,300}?(?:display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0(?:px|pt|em)?\b|opacity\s*:\s*0(?:\.0+)?\b|color\s*:\s*(?:white|#fff(?:fff)?)\b)[^>]{0,300}>([\s\S]{0,4000}?)<\/\1>/gi;
const REVERSE_HINT_RE = /\b(?:revers|backward|right to left|mirror)/;
const MAX_PAYLOADS = 32;

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = new Int16Array(128).fill(-1);
for (let i = 0; i < B64.length; i++) B64_INDEX[B64.charCodeAt(i)] = i;
B64_INDEX['-'.charCodeAt(0)] = 62; // URL-safe alphabet
B64_INDEX['_'.charCodeAt(0)] = 63;

// Characters of standard and URL-safe base64, as a table: one pass over the text finds every run.
const B64_CHAR = new Uint8Array(128);
for (const c of `${B64}-_`) B64_CHAR[c.charCodeAt(0)] = 1;
const isB64 = (k: number): boolean => k < 128 && B64_CHAR[k] === 1;
const EQUALS = 0x3d;

/**
 * Runs of base64 characters at least 24 long, plus up to two "=" of padding. A table-driven pass reads each
 * character once; a regex (/[A-Za-z0-9+/_-]{24,}={0,2}/) retries at every position inside every word.
 */
function base64Runs(source: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const n = source.length;
  let i = 0;
  while (i < n && out.length < MAX_PAYLOADS) {
    if (!isB64(source.charCodeAt(i))) { i++; continue; }
    const start = i;
    while (i < n && isB64(source.charCodeAt(i))) i++;
    if (i - start < 24) continue;
    if (source.charCodeAt(i) === EQUALS) i++;
    if (source.charCodeAt(i) === EQUALS) i++;
    out.push([start, i]);
  }
  return out;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes standard or URL-safe base64 into text, or null when it is not valid UTF-8 prose. */
export function decodeBase64Text(s: string): string | null {
  const clean = s.replace(/=+$/, '');
  const bytes = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let acc = 0, bits = 0, n = 0;
  for (let i = 0; i < clean.length; i++) {
    const v = B64_INDEX[clean.charCodeAt(i)] ?? -1;
    if (v < 0) return null;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[n++] = (acc >> bits) & 0xff;
    }
  }
  let text: string;
  try {
    text = utf8.decode(bytes.subarray(0, n));
  } catch {
    return null;
  }
  let printable = 0, spaces = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20) spaces++;
    if (c >= 0x20 || c === 0x0a || c === 0x09) printable++;
  }
  // Prose has spaces; binary blobs and hashes decoded as UTF-8 rarely pass both tests.
  return text.length > 0 && printable / text.length > 0.95 && spaces >= 2 ? text : null;
}

/** Finds encoded or hidden regions worth a second scan. */
export function findPayloads(source: string, viewText: string): Payload[] {
  const out: Payload[] = [];
  const push = (p: Payload): boolean => out.length < MAX_PAYLOADS && out.push(p) > 0;
  for (const [start, end] of base64Runs(source)) {
    const blob = source.slice(start, end);
    if (!/[0-9+/=]/.test(blob) && !/[A-Z]/.test(blob)) continue; // a long plain word, not base64
    const decoded = decodeBase64Text(blob);
    if (decoded !== null && !push({ kind: 'base64', start, end, decoded })) break;
  }
  // Each scan below needs a character most texts lack: tag characters are surrogate pairs led by U+DB40,
  // comments and markup start with "<". Checking for it first skips three regex passes over plain prose.
  const tags = source.includes('\uDB40') ? source.matchAll(TAGS_RE) : [];
  const markup = source.includes('<');
  for (const m of tags) {
    let decoded = '';
    for (const ch of m[0]) {
      const cp = ch.codePointAt(0)! - 0xe0000;
      if (cp >= 0x20 && cp <= 0x7e) decoded += String.fromCharCode(cp);
    }
    if (decoded.length >= 3 && !push({ kind: 'unicode_tags', start: m.index, end: m.index + m[0].length, decoded })) break;
  }
  for (const m of markup ? source.matchAll(HTML_COMMENT_RE) : []) {
    if ((m[1] ?? '').trim().length >= 12 && !push({ kind: 'html_comment', start: m.index, end: m.index + m[0].length, decoded: null })) break;
  }
  for (const m of markup ? source.matchAll(HIDDEN_MARKUP_RE) : []) {
    if (!push({ kind: 'hidden_markup', start: m.index, end: m.index + m[0].length, decoded: null })) break;
  }
  if (REVERSE_HINT_RE.test(viewText) && source.length <= 20_000) {
    push({ kind: 'reversed', start: 0, end: source.length, decoded: [...source].reverse().join('') });
  }
  return out;
}

/** Folded view of a decoded payload, for the rule scan. */
export const viewOfPayload = (decoded: string): string => buildView(decoded).text;
