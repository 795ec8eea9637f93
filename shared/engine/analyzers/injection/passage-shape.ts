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
  /** Inside a code comment (`//`, `/*`, `#`). */
  codeComment: boolean;
}

const SEGMENT = /[^.!?\n|]+(?:[.!?]+|\n|\||$)/g;
const HTML_COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
const ALT_TEXT = /!\[[^\]\n]{1,300}\]/g;
const CODE_COMMENT = /(?:^|\n)[ \t]*(?:\/\/|\/\*|\*)[^\n]*/g;
// Python, shell and YAML comments; "## Heading" (Markdown) is left alone.
const HASH_COMMENT = /(?:^|\n)[ \t]*#(?![#!])[ \t]+[^\n]*/g;

// The quoted earlier messages of an email thread ("> On Monday, Ana wrote:").
const QUOTED_REPLY = /\n[ \t]*>[^\n]*/g;

function carrierRanges(text: string): Array<[number, number, boolean]> {
  const out: Array<[number, number, boolean]> = [];
  // Each needs a character most prose lacks; testing for it first keeps plain passages to one pass.
  if (text.includes('<!--')) for (const m of text.matchAll(HTML_COMMENT)) out.push([m.index, m.index + m[0].length, false]);
  if (text.includes('![')) for (const m of text.matchAll(ALT_TEXT)) out.push([m.index, m.index + m[0].length, false]);
  if (text.includes('/')) for (const m of text.matchAll(CODE_COMMENT)) out.push([m.index, m.index + m[0].length, true]);
  if (text.includes('#')) for (const m of text.matchAll(HASH_COMMENT)) out.push([m.index, m.index + m[0].length, true]);
  if (text.includes('\n>')) for (const m of text.matchAll(QUOTED_REPLY)) out.push([m.index, m.index + m[0].length, false]);
  return out;
}

/** Sentences, lines and table cells that hold at least one letter. */
export function segments(text: string): Segment[] {
  const carriers = carrierRanges(text);
  const fields = text.includes('":') || text.includes(',"');
  const out: Segment[] = [];
  SEGMENT.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SEGMENT.exec(text)) !== null) {
    if (m[0].length === 0) { SEGMENT.lastIndex++; continue; }
    if (!/[a-z]/.test(m[0])) continue;
    const start = m.index;
    const end = start + m[0].length;
    const cell = m[0].endsWith('|') || (start > 0 && text.charCodeAt(start - 1) === 0x7c);
    const carrier = carriers.find(([a, b]) => start >= a && start < b);
    const codeComment = carrier?.[2] === true;
    // A string value of a JSON tool result ("snippet": "When summarizing ...") or a quoted CSV field starts a
    // segment of its own, carried like a cell: the key, the brackets and the fields before it are not the sentence.
    const value = fields ? lastFieldValue(m[0]) : 0;
    if (value > 0) {
      const head = m[0].slice(0, value);
      if (/[a-z]/.test(head)) out.push({ start, end: start + value, text: head, carried: cell || carrier !== undefined, cell, codeComment });
      out.push({ start: start + value, end, text: m[0].slice(value), carried: true, cell: false, codeComment: false });
      continue;
    }
    out.push({ start, end, text: m[0], carried: cell || carrier !== undefined, cell, codeComment });
  }
  return out;
}

// A JSON key and its string value's opening quote, or a quoted CSV field after at least two fields.
const FIELD_START = /"\s*:\s*"|^[^,\n"]*,[^,\n"]*,(?:[^,\n"]*,)*"/g;

/** Offset where the last quoted field value of a segment starts (JSON `": "`, CSV `,"`), or 0. */
function lastFieldValue(seg: string): number {
  let at = 0;
  FIELD_START.lastIndex = 0;
  for (let k = FIELD_START.exec(seg); k !== null; k = FIELD_START.exec(seg)) at = k.index + k[0].length;
  return at;
}

// Verbs of a developer's comment about what the code next to it does ("# Print the totals", "// Show the dialog").
const CODE_VERB = /^\W*(?:ignore|skip|return|use|keep|check|handle|retry|strip|parse|cache|log|raise|throw|avoid|set|reset|fall|call|pass|print|show|display|write|read|load|save|send|render|update|sort|group|format|tell|notify|compute|calculate|convert|build|create|close|open|wait|stop|start|run|apply|add|remove|delete|clear|list|count|split|join|fetch|get|make|map|merge|copy|move|validate|normali[sz]e|round|escape|encode|decode|flush|drop|emit|output|track|mark|limit)\b/;

/**
 * A code comment that is a developer's note on the code around it: it opens with a verb of what code does and
 * names something the code itself holds ("# Print the totals" next to `totals`; "// Show the dialog" next to
 * `showDialog`: identifiers are matched as substrings, since the folded view has lost their capitals).
 */
export function isDeveloperNote(seg: Segment, text: string): boolean {
  if (!seg.codeComment || !CODE_VERB.test(seg.text.replace(/^[\s/*#]+/, ''))) return false;
  const outside = text.slice(0, seg.start) + text.slice(seg.end);
  return contentStems(seg.text).slice(1).some((w) => w.length >= 4 && outside.includes(w));
}

const GREETING = /^\W*(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|greetings)\b[^.!?\n]{0,40}[,:!]?\s*$/;
const SIGN_OFF = /^\W*(?:best|best wishes|best regards|kind regards|regards|warm regards|many thanks|thanks|thank you|cheers|sincerely|yours sincerely|yours truly|yours faithfully|all the best|take care)\W*$/;

/**
 * The letter inside an email: the segment index of its greeting ("Hi Grace,") and of its sign-off ("Thanks,"),
 * or -1. What comes before the greeting or after the sign-off and the name under it (a signature block, a
 * quoted reply, a footer) is not the author's message.
 */
export function letterBounds(segs: readonly Segment[]): { greeting: number; signOff: number } {
  let greeting = -1;
  for (let i = 0; i < Math.min(segs.length, 4); i++) if (GREETING.test(segs[i]!.text)) { greeting = i; break; }
  let signOff = -1;
  for (let i = segs.length - 1; i > greeting; i--) if (SIGN_OFF.test(segs[i]!.text)) { signOff = i; break; }
  return { greeting, signOff };
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
