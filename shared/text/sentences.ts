/**
 * Sentence and clause splitting with exact JavaScript string offsets into the original text. Markdown
 * structure (fenced code, headings, list items, table rows) is recognised first so that code is never split
 * into "sentences" and each list item stands alone. Every pass is linear in the text length.
 */

export type SegmentKind = 'prose' | 'list-item' | 'heading' | 'code' | 'table';

export interface TextSegment {
  text: string;
  start: number;
  end: number;
  kind: SegmentKind;
}

/** A claim, with the sentence or list item it was cut from (what discourse and questions are read on). */
export interface ClaimSegment extends TextSegment {
  sentence: { start: number; end: number };
}

export interface SplitOptions {
  /** Sentences longer than this are cut at whitespace so one run-on paragraph cannot become one huge claim. */
  maxSentenceChars?: number;
  /** `maskMarkup(text)`, when the caller already has it (saves a pass over the text). */
  masked?: string;
}

const DEFAULT_MAX_SENTENCE = 1000;

// Lowercased words that end with a period without ending the sentence.
const ABBREVIATIONS = new Set(
  ('mr mrs ms dr prof sr jr st mt ft vs etc al approx dept est inc ltd co corp bros gen gov sen rep col lt sgt capt ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun ave blvd rd e.g i.e cf ca resp ' +
    'viz min max avg misc govt univ assn').split(' '),
);
// Abbreviations only when a number follows ("No. 5", "Fig. 3", "pp. 10"), so "I said no. Then" still splits.
const NUMBER_ABBREVIATIONS = new Set('no nos fig figs vol vols pp p art ch sec eq eqs ref refs op'.split(' '));

const FENCE_RE = /^\s{0,3}(`{3,}|~{3,})/;
const HEADING_RE = /^\s{0,3}#{1,6}(?:\s|$)/;
const LIST_RE = /^\s*(?:[-*+•‣◦]|\d{1,3}[.)])\s+/;
const TABLE_RE = /^\s*\|.*\|\s*$/;

interface Block {
  start: number;
  end: number;
  kind: SegmentKind;
}

/** Groups lines into markdown-ish blocks: fenced code, headings, list items, table rows, prose paragraphs. */
export function splitBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let pos = 0;
  let open: Block | null = null;
  let fence: string | null = null;
  const close = (): void => {
    if (open) blocks.push(open);
    open = null;
  };
  while (pos <= text.length) {
    const nl = text.indexOf('\n', pos);
    const lineEnd = nl === -1 ? text.length : nl;
    const line = text.slice(pos, lineEnd);
    if (fence !== null) {
      if (open) (open as Block).end = lineEnd;
      if (line.trim().startsWith(fence)) {
        fence = null;
        close();
      }
    } else {
      const fm = FENCE_RE.exec(line);
      const marker = LIST_RE.exec(line);
      if (fm) {
        close();
        fence = fm[1]!.slice(0, 3);
        open = { start: pos, end: lineEnd, kind: 'code' };
      } else if (line.trim() === '') {
        close();
      } else if (HEADING_RE.test(line) || TABLE_RE.test(line)) {
        close();
        blocks.push({ start: pos, end: lineEnd, kind: HEADING_RE.test(line) ? 'heading' : 'table' });
      } else if (marker) {
        close();
        open = { start: pos + marker[0].length, end: lineEnd, kind: 'list-item' };
      } else if (open) {
        (open as Block).end = lineEnd;
      } else {
        open = { start: pos, end: lineEnd, kind: 'prose' };
      }
    }
    if (nl === -1) break;
    pos = nl + 1;
  }
  close();
  return blocks;
}

const TERMINATORS = '.!?。！？…';
const TERMINATOR_RE = /[.!?。！？…]/;
const CLOSERS = '"\'”’)]}»*_';

function isUpper(c: string | undefined): boolean {
  return c !== undefined && c !== c.toLowerCase() && c === c.toUpperCase();
}
function isLower(c: string | undefined): boolean {
  return c !== undefined && c !== c.toUpperCase() && c === c.toLowerCase();
}
function isSpace(c: string | undefined): boolean {
  return c !== undefined && /\s/.test(c);
}

/** The word just before position `dot` (letters and inner periods), lowercased. */
function wordBefore(text: string, dot: number, floor: number): string {
  let i = dot;
  while (i > floor && /[\p{L}.]/u.test(text[i - 1]!)) i--;
  return text.slice(i, dot).toLowerCase();
}

/** Decides whether the terminator run text[at..after) ends a sentence, looking at what follows it. */
function endsSentence(text: string, at: number, after: number, blockStart: number, blockEnd: number): boolean {
  if (after >= blockEnd) return true;
  const term = text[at]!;
  const next = text[after];
  const run = text.slice(at, after);
  if (!isSpace(next)) {
    // Glued sentences ("...19th century.First for Women is...") come from concatenated paragraphs.
    return term === '.' && isLower(text[at - 1]) && isUpper(next) && isLower(text[after + 1]) &&
      wordBefore(text, at, blockStart).length > 1 && !ABBREVIATIONS.has(wordBefore(text, at, blockStart));
  }
  if (term !== '.' || run.includes('!') || run.includes('?')) return true;
  let k = after;
  while (k < blockEnd && isSpace(text[k])) k++;
  const c = text[k];
  if (run.startsWith('..') || run.startsWith('…')) return isUpper(c);
  const word = wordBefore(text, at, blockStart);
  if (ABBREVIATIONS.has(word)) return word === 'etc' && isUpper(c);
  if (NUMBER_ABBREVIATIONS.has(word) && c !== undefined && /\d/.test(c)) return false;
  if (/^\p{L}$/u.test(word) && isUpper(text[at - 1])) return false; // an initial: "J. K. Rowling"
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) return false; // "U.S.", "e.g." written without the list
  return true;
}

/** Splits text into sentences (prose and list items), plus code, heading and table segments as they are. */
export function splitSentences(text: string, options: SplitOptions = {}): TextSegment[] {
  const maxChars = Math.max(50, options.maxSentenceChars ?? DEFAULT_MAX_SENTENCE);
  const out: TextSegment[] = [];
  const masked = options.masked?.length === text.length ? options.masked : maskMarkup(text);
  for (const block of splitBlocks(text)) {
    if (block.kind === 'code' || block.kind === 'heading' || block.kind === 'table') {
      pushTrimmed(text, block.start, block.end, block.kind, out, maxChars);
      continue;
    }
    let cur = block.start;
    const finder = new RegExp(TERMINATOR_RE.source, 'g');
    finder.lastIndex = block.start;
    for (let m = finder.exec(masked); m !== null && m.index < block.end; m = finder.exec(masked)) {
      const i = m.index;
      let j = i + 1;
      while (j < block.end && (TERMINATORS.includes(masked[j]!) || CLOSERS.includes(masked[j]!))) j++;
      // A period between digits is a decimal point, not a boundary ("6.213 km").
      const decimal = masked[i] === '.' && /\d/.test(masked[i - 1] ?? '') && /\d/.test(masked[i + 1] ?? '');
      if (!decimal && endsSentence(masked, i, j, block.start, block.end)) {
        pushTrimmed(text, cur, j, block.kind, out, maxChars);
        cur = j;
      }
      finder.lastIndex = j;
    }
    pushTrimmed(text, cur, block.end, block.kind, out, maxChars);
  }
  return out;
}

function pushTrimmed(text: string, start: number, end: number, kind: SegmentKind, out: TextSegment[], max: number): void {
  let s = start;
  let e = end;
  while (s < e && isSpace(text[s])) s++;
  while (e > s && isSpace(text[e - 1])) e--;
  if (s >= e) return;
  if (kind !== 'code' && !/[\p{L}\p{N}]/u.test(text.slice(s, e))) return;
  // Cut over-long runs at the last whitespace before the limit; code blocks stay whole (they are not claims).
  while (kind !== 'code' && e - s > max) {
    let cut = s + max;
    while (cut > s + max / 2 && !isSpace(text[cut])) cut--;
    if (cut <= s + max / 2) cut = s + max;
    out.push({ text: text.slice(s, cut).trimEnd(), start: s, end: s + text.slice(s, cut).trimEnd().length, kind });
    s = cut;
    while (s < e && isSpace(text[s])) s++;
  }
  if (s < e) out.push({ text: text.slice(s, e), start: s, end: e, kind });
}

/**
 * Replaces HTML tags, entities, citation markers and markdown link targets / emphasis marks with spaces of the
 * same length, so offsets into the masked text are offsets into the original and markup never becomes words.
 */
export function maskMarkup(text: string): string {
  const blank = (m: string): string => m.replace(/[^\n]/g, ' ');
  let out = text;
  // Each pass runs only when its trigger character occurs: most texts have no markup at all.
  if (out.includes('<')) out = out.replace(/<!--[\s\S]{0,5000}?-->|<\/?[A-Za-z][^<>\n]{0,500}>/g, blank);
  if (out.includes('&')) out = out.replace(/&(?:[A-Za-z]{2,8}|#\d{1,7}|#x[0-9A-Fa-f]{1,6});/g, blank);
  if (out.includes('[')) {
    // citation markers ("[1]", "[2, 3]", "[^4]", "[doc1]") are references, not numbers the answer states
    out = out
      .replace(/\[(?:\^|doc|source|ref)?\s*\d{1,3}(?:\s*[,;–-]\s*\d{1,3})*\]/gi, blank)
      .replace(/!?\[(?=[^\]\n]{0,500}\]\()/g, blank)
      .replace(/\]\([^()\s]{0,2000}\)/g, blank);
  }
  if (out.includes('*') || out.includes('_') || out.includes('`')) out = out.replace(/\*\*|__|`+/g, blank);
  if (ENUMERATOR_HINT_RE.test(out)) {
    const markers = inlineEnumerators(out);
    if (markers.length > 0) {
      const chars = out.split('');
      for (const m of markers) for (let i = m.start; i < m.end; i++) chars[i] = ' ';
      out = chars.join('');
    }
  }
  return out;
}

const ENUMERATOR_HINT_RE = /\S[ \t]+\(?\d{1,2}[.)][ \t]/;
// "1)" / "(2)" / "3." inside a line: a list flattened into prose ("Try these steps: 1) Check ... 2) Restart ...").
const ENUMERATOR_RE = /(?<![\p{L}\p{N}.,$€£(])(\(?)(\d{1,2})([.)])(?=[ \t]+[\p{L}"“(])/gu;

/**
 * Offsets of inline enumerators. A marker counts when it follows a sentence end, colon or semicolon ("in order:
 * 1) Check"), or continues a run already started ("1) Hold it 2) Release it"), so "(up to 2) " or "Rooms: 2."
 * are left alone. "3." also needs a capital after it and a sentence end before it: "Rooms: 2. Baths" stays.
 */
export function inlineEnumerators(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let last = 0;
  let lastEnd = -1;
  for (const m of text.matchAll(ENUMERATOR_RE)) {
    const [whole, open = '', digits = '', close = ''] = m;
    if (open === '(' && close !== ')') continue;
    const n = Number(digits);
    // Look back over blanks only, so the work stays linear however long the line is.
    let k = m.index - 1;
    while (k >= 0 && (text[k] === ' ' || text[k] === '\t')) k--;
    const prev = k >= 0 ? text[k]! : '\n';
    if (prev === '\n' || prev === '\r') {
      // A real list line is splitBlocks' job; it may still start an inline run ("1) Hold it 2) Release it").
      if (close === ')') [last, lastEnd] = [n, m.index + whole.length];
      continue;
    }
    const spaced = k < m.index - 1;
    const capitalNext = /\p{Lu}/u.test(text[m.index + whole.length + 1] ?? '');
    const afterBreak = spaced && /[.!?:;]/.test(prev) && (close === ')' || (prev !== ':' && capitalNext));
    const continues = close === ')' && n === last + 1 && lastEnd >= 0 && m.index - lastEnd < 2000;
    if (!afterBreak && !continues) continue;
    out.push({ start: m.index, end: m.index + whole.length });
    last = n;
    lastEnd = m.index + whole.length;
  }
  return out;
}

const CLAUSE_LINK_RE = /;\s+|,\s+(?=(?:and|but|while|whereas|although|though|yet|which|however)\b)|\s+(?=but\b)/gi;
const MIN_CLAUSE_WORDS = 4;

function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}

/**
 * Claims: prose sentences and list items, further split into clauses at semicolons and at ", and" / ", but"
 * / ", which" ... when both sides are long enough to state something on their own. Code, headings and table
 * rows are not claims.
 */
export function splitClaims(text: string, options: SplitOptions = {}): ClaimSegment[] {
  const out: ClaimSegment[] = [];
  const markers = inlineEnumerators(text);
  let k = 0;
  for (const sentence of splitSentences(text, options)) {
    if (sentence.kind !== 'prose' && sentence.kind !== 'list-item') continue;
    // Each inline list item is a claim of its own, without its marker; the lead-in before "1)" is one too.
    let from = sentence.start;
    const clauses: TextSegment[] = [];
    while (k < markers.length && markers[k]!.start < sentence.start) k++;
    for (; k < markers.length && markers[k]!.end <= sentence.end; k++) {
      splitClauses(text, from, markers[k]!.start, sentence.kind, clauses);
      from = markers[k]!.end;
    }
    splitClauses(text, from, sentence.end, sentence.kind, clauses);
    for (const c of clauses) out.push({ ...c, sentence: { start: sentence.start, end: sentence.end } });
  }
  return out;
}

function splitClauses(text: string, start: number, end: number, kind: SegmentKind, out: TextSegment[]): void {
  let cur = 0;
  const body = text.slice(start, end);
  for (const m of body.matchAll(CLAUSE_LINK_RE)) {
    const left = body.slice(cur, m.index);
    const right = body.slice(m.index + m[0].length);
    if (wordCount(left) < MIN_CLAUSE_WORDS || wordCount(right) < MIN_CLAUSE_WORDS) continue;
    pushTrimmed(text, start + cur, start + m.index, kind, out, Infinity);
    cur = m.index + (m[0].startsWith(';') || m[0].startsWith(',') ? m[0].length : 0);
  }
  pushTrimmed(text, start + cur, end, kind, out, Infinity);
}
