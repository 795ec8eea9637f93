/**
 * The shape of a retrieved passage that the reader-directed cues read: its segments (sentences, lines, table
 * cells), which of them sit in a carrier a human reader does not see or skims (HTML comments, image alt
 * text, code comments, table cells), and what each segment is about (content words), so that a request
 * unrelated to everything around it can be told from a how-to step or an FAQ question that its passage answers.
 *
 * Works on the folded view (lower case) and returns ranges in it.
 */

export interface Segment {
  start: number;
  end: number;
  text: string;
  /** Inside an HTML comment, image alt text, a code comment or a table cell. */
  carried: boolean;
  /** A table cell. */
  cell: boolean;
}

const SEGMENT = /[^.!?\n|]+(?:[.!?]+|\n|\||$)/g;
const HTML_COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
const ALT_TEXT = /!\[[^\]\n]{1,300}\]/g;
const CODE_COMMENT = /(?:^|\n)[ \t]*(?:\/\/|\/\*|\*)[^\n]*/g;
// Python, shell and YAML comments; "## Heading" (Markdown) is left alone.
const HASH_COMMENT = /(?:^|\n)[ \t]*#(?![#!])[ \t]+[^\n]*/g;

function carrierRanges(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  // Each needs a character most prose lacks; testing for it first keeps plain passages to one pass.
  if (text.includes('<!--')) for (const m of text.matchAll(HTML_COMMENT)) out.push([m.index, m.index + m[0].length]);
  if (text.includes('![')) for (const m of text.matchAll(ALT_TEXT)) out.push([m.index, m.index + m[0].length]);
  if (text.includes('/')) for (const m of text.matchAll(CODE_COMMENT)) out.push([m.index, m.index + m[0].length]);
  if (text.includes('#')) for (const m of text.matchAll(HASH_COMMENT)) out.push([m.index, m.index + m[0].length]);
  return out;
}

/** Sentences, lines and table cells that hold at least one letter. */
export function segments(text: string): Segment[] {
  const carriers = carrierRanges(text);
  const out: Segment[] = [];
  SEGMENT.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SEGMENT.exec(text)) !== null) {
    if (m[0].length === 0) { SEGMENT.lastIndex++; continue; }
    if (!/[a-z]/.test(m[0])) continue;
    const start = m.index;
    const end = start + m[0].length;
    const cell = m[0].endsWith('|') || (start > 0 && text.charCodeAt(start - 1) === 0x7c);
    out.push({ start, end, text: m[0], carried: cell || carriers.some(([a, b]) => start >= a && start < b), cell });
  }
  return out;
}

// Words that say nothing about a topic: function words, and the verbs and nouns of asking itself.
const FUNCTION_WORDS = new Set(`
  about above after again against also always among another anyone anything around because been before being below
  best between both could does doing done down during each either else every everything from further have having here
  into itself just like made make many more most much must need never next often only other others over please
  really same should since some something still such than that their them then there these they thing things this
  those through under until upon very want were what when where which while will with within without would your
  yours yourself give tell show help write list explain describe provide make answer reply respond question questions
  someone people good great well first last long little three five simple terms based using used know
`.split(/\s+/).filter(Boolean));

const SUFFIX = /(?:ing|ings|ed|es|s|ly|ers?|ments?|ions?|ies|y)$/;

/** Content-word stems of a text: words of four letters or more, common endings and a final e dropped, then cut
 *  to five letters (a crude stemmer: "moving" and "move", "houses" and "house" meet). */
export function contentStems(text: string): string[] {
  const out: string[] = [];
  for (const w of text.match(/[a-z][a-z'-]{3,}/g) ?? []) {
    if (FUNCTION_WORDS.has(w)) continue;
    const bare = w.replace(SUFFIX, '');
    const stem = bare.length >= 3 ? bare.replace(/e$/, '') : w;
    out.push(stem.slice(0, 5));
  }
  return out;
}

/** Counts content stems over every segment once, so each request can be checked against the rest cheaply. */
export class TopicIndex {
  private readonly counts = new Map<string, number>();
  readonly total: number;

  constructor(segs: readonly Segment[]) {
    let total = 0;
    for (const s of segs) for (const w of contentStems(s.text)) { this.counts.set(w, (this.counts.get(w) ?? 0) + 1); total++; }
    this.total = total;
  }

  /**
   * True when a segment shares no content word with the rest of the passage, and both have enough words to
   * judge (a request about the passage repeats its nouns; an inserted task does not).
   */
  offTopic(seg: Segment, minRest = 12, minOwn = 2): boolean {
    const own = contentStems(seg.text);
    const distinct = new Set(own);
    if (distinct.size < minOwn || this.total - own.length < minRest) return false;
    const ownCount = new Map<string, number>();
    for (const w of own) ownCount.set(w, (ownCount.get(w) ?? 0) + 1);
    for (const w of distinct) if ((this.counts.get(w) ?? 0) > ownCount.get(w)!) return false;
    return true;
  }
}
