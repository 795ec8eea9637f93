import type { Section } from './sections';

export interface ChunkSpan {
  start: number;
  end: number;
  headings: string[];
}

interface Piece {
  start: number;
  end: number;
}

/**
 * Splits a document into chunks of at most `size` characters that never cross a heading: paragraphs are packed
 * whole when they fit, long paragraphs are cut at sentence ends, then at spaces. Consecutive chunks share up
 * to `overlap` characters, taken as whole trailing pieces where possible. Every chunk is an exact slice of the
 * text, so [start, end) offsets point back into the document.
 */
export function chunkDocument(text: string, sections: readonly Section[], size: number, overlap: number): ChunkSpan[] {
  const out: ChunkSpan[] = [];
  for (const section of mergeEmpty(text, sections)) {
    const pieces = paragraphs(text, section.start, section.end).flatMap((p) => (p.end - p.start > size ? splitLong(text, p, size) : [p]));
    for (const c of pack(text, pieces, size, overlap)) out.push({ ...c, headings: section.headings });
  }
  return out;
}

/** A heading with no text of its own is carried into the next section rather than becoming a chunk by itself. */
function mergeEmpty(text: string, sections: readonly Section[]): Section[] {
  const out: Section[] = [];
  let carry: number | null = null;
  sections.forEach((s, i) => {
    const body = text.slice(s.start, s.end);
    const firstLineEnd = body.indexOf('\n');
    const rest = firstLineEnd === -1 ? '' : body.slice(firstLineEnd + 1);
    const headingOnly = s.headings.length > 0 && rest.trim() === '' && i < sections.length - 1;
    if (headingOnly) {
      carry ??= s.start;
      return;
    }
    out.push({ start: carry ?? s.start, end: s.end, headings: s.headings });
    carry = null;
  });
  return out;
}

function paragraphs(text: string, start: number, end: number): Piece[] {
  const out: Piece[] = [];
  const re = /\n[ \t]*\n/g;
  re.lastIndex = start;
  let from = start;
  for (let m = re.exec(text); m !== null && m.index < end; m = re.exec(text)) {
    push(out, text, from, m.index);
    from = m.index + m[0].length;
  }
  push(out, text, from, end);
  return out;
}

function push(out: Piece[], text: string, start: number, end: number): void {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  if (e > s) out.push({ start: s, end: e });
}

function splitLong(text: string, p: Piece, size: number): Piece[] {
  const sentences: Piece[] = [];
  const re = /[.!?。！？]+["'”’)\]]*\s+|\n+/g;
  re.lastIndex = p.start;
  let from = p.start;
  for (let m = re.exec(text); m !== null && m.index < p.end; m = re.exec(text)) {
    const cut = Math.min(m.index + m[0].length, p.end);
    push(sentences, text, from, cut);
    from = cut;
  }
  push(sentences, text, from, p.end);
  return sentences.flatMap((s) => (s.end - s.start > size ? splitWords(text, s, size) : [s]));
}

function splitWords(text: string, p: Piece, size: number): Piece[] {
  const out: Piece[] = [];
  let s = p.start;
  while (p.end - s > size) {
    let cut = lastSpaceIn(text, s, s + size);
    if (cut <= s) cut = s + size;
    push(out, text, s, cut);
    s = cut;
    while (s < p.end && text[s] === ' ') s++;
  }
  push(out, text, s, p.end);
  return out;
}

/**
 * The last space in (from, to], or -1. Bounded on purpose: `lastIndexOf` would scan back to the start of the
 * document for every chunk of text without spaces, which made chunking quadratic.
 */
function lastSpaceIn(text: string, from: number, to: number): number {
  for (let i = Math.min(to, text.length - 1); i > from; i--) if (text.charCodeAt(i) === 32) return i;
  return -1;
}

function pack(text: string, pieces: Piece[], size: number, overlap: number): Piece[] {
  const chunks: Piece[] = [];
  let i = 0;
  while (i < pieces.length) {
    const first = pieces[i]!;
    const start = first.start;
    let end = first.end;
    let j = i + 1;
    while (j < pieces.length && pieces[j]!.end - start <= size) end = pieces[j++]!.end;
    chunks.push({ start, end });
    if (j >= pieces.length) break;
    // Overlap: trailing pieces of this chunk that fit in `overlap` and still leave room for the next piece.
    const next = pieces[j]!;
    let k = j;
    while (k - 1 > i && end - pieces[k - 1]!.start <= overlap && next.end - pieces[k - 1]!.start <= size) k--;
    if (k < j) {
      // The next chunk starts at piece k and packs k..j onwards, so it always advances past piece j.
      i = k;
      continue;
    }
    const tail = wordTail(text, first.start, end, overlap, size - (next.end - end));
    if (tail !== null) {
      // The tail is only a lead-in for the next chunk. Pieces before j are never read again, so it takes the
      // slot of piece j - 1 (an insert would shift the rest of the array for every chunk: quadratic).
      pieces[j - 1] = { start: tail, end };
      i = j - 1;
      continue;
    }
    i = j;
  }
  return chunks;
}

/** Start of a word-aligned tail of [from, end) no longer than `max` characters (and `room`), or null. */
function wordTail(text: string, from: number, end: number, max: number, room: number): number | null {
  const limit = Math.min(max, room);
  if (limit < 20) return null;
  let s = Math.max(from, end - limit);
  while (s < end && !/\s/.test(text[s - 1] ?? ' ')) s++;
  while (s < end && /\s/.test(text[s]!)) s++;
  return end - s >= 10 ? s : null;
}
