/**
 * Cuts a text into runs by highlighted regions so that React can render each run as plain text inside a <mark>.
 * Regions may overlap (a PII entity inside an unsupported claim); each run lists every region that covers it.
 * Offsets are JavaScript string offsets, as the analyzers report them.
 */

export interface Highlight {
  start: number;
  end: number;
  /** CSS class names for this region, e.g. 'hl-unsupported'. */
  classes: readonly string[];
  title?: string;
  /** The grounding claim this region is, so a click on it can select the claim. */
  claim?: number;
}

export interface TextRun {
  text: string;
  start: number;
  end: number;
  /** Regions covering this run, in the order they were given. */
  marks: Highlight[];
}

/**
 * Regions outside the text are clipped and empty or malformed ones dropped: findings come from stored JSON,
 * and a stale offset must cost a highlight, never the text itself.
 */
export function segmentText(text: string, highlights: readonly Highlight[]): TextRun[] {
  const valid = highlights
    .filter((h) => Number.isFinite(h.start) && Number.isFinite(h.end))
    .map((h) => ({ ...h, start: clamp(h.start, text.length), end: clamp(h.end, text.length) }))
    .filter((h) => h.end > h.start);
  if (valid.length === 0) return text === '' ? [] : [{ text, start: 0, end: text.length, marks: [] }];

  const cuts = new Set<number>([0, text.length]);
  for (const h of valid) { cuts.add(h.start); cuts.add(h.end); }
  const points = [...cuts].sort((a, b) => a - b);

  const runs: TextRun[] = [];
  for (let i = 0; i + 1 < points.length; i += 1) {
    const start = points[i]!;
    const end = points[i + 1]!;
    const marks = valid.filter((h) => h.start <= start && h.end >= end);
    const previous = runs[runs.length - 1];
    if (previous && previous.end === start && sameMarks(previous.marks, marks)) {
      previous.end = end;
      previous.text = text.slice(previous.start, end);
    } else {
      runs.push({ text: text.slice(start, end), start, end, marks });
    }
  }
  return runs;
}

function clamp(offset: number, length: number): number {
  return Math.min(Math.max(Math.trunc(offset), 0), length);
}

function sameMarks(a: readonly Highlight[], b: readonly Highlight[]): boolean {
  return a.length === b.length && a.every((mark, index) => mark === b[index]);
}

/** A window of `text` around [start, end) with whole words at the cut edges, for quoting evidence in place. */
export function excerptAround(text: string, start: number, end: number, padding: number): { from: number; to: number } {
  let from = Math.max(0, start - padding);
  let to = Math.min(text.length, end + padding);
  if (from > 0) {
    const space = text.indexOf(' ', from);
    if (space !== -1 && space < start) from = space + 1;
  }
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    if (space > end) to = space;
  }
  return { from, to };
}
