import { sectionsFromMarks, type StructuredText } from './sections';

const DROP = /<(script|style|noscript|template|svg|iframe|object)\b/gi;
const BLOCK = new Set(['p', 'div', 'section', 'article', 'main', 'header', 'footer', 'nav', 'aside', 'blockquote', 'pre', 'ul', 'ol', 'dl',
  'table', 'figure', 'figcaption', 'form', 'fieldset', 'address', 'details', 'summary', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const LINE = new Set(['br', 'li', 'tr', 'dt', 'dd', 'caption', 'option']);
const CELL = new Set(['td', 'th']);
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', hellip: '…', copy: '©', reg: '®', trade: '™', laquo: '«', raquo: '»', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', bull: '•', middot: '·', eacute: 'é', egrave: 'è', agrave: 'à', uuml: 'ü', ouml: 'ö', auml: 'ä', szlig: 'ß', euro: '€' };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    }
    return NAMED[e.toLowerCase()] ?? m;
  });
}

/**
 * Visible text of an HTML page: blocks (paragraphs, list items, cells) joined by blank lines, with a section
 * starting at each h1-h6; chunk offsets refer to this text. Not a full HTML parser: it is meant for
 * documentation pages and help-centre exports.
 */
export function htmlStructure(html: string): StructuredText {
  const titleText = firstElementText(html, 'title');
  let title: string | null = titleText !== null ? collapse(decodeEntities(titleText)).trim() || null : null;
  const uncommented = cutSpans(html, /<!--/g, () => /-->/g, true);
  const headless = cutSpans(uncommented, /<head\b/gi, () => /<\/head\s*>/gi, false, 1);
  const body = cutSpans(headless, DROP, (m) => new RegExp(`<\\/${m[1]!}\\s*>`, 'gi'), true);
  const blocks: { text: string; level: number }[] = [];
  let buf = '';
  let pre = 0;
  let level = 0;
  const flush = () => {
    const lines = buf.split('\n').map((l) => (pre > 0 ? l.replace(/\s+$/, '') : collapse(l).trim()));
    const text = lines.filter((l, i) => l !== '' || (pre > 0 && i > 0 && i < lines.length - 1)).join('\n').replace(/^\n+|\n+$/g, '');
    if (text !== '') blocks.push({ text, level });
    buf = '';
    level = 0;
  };
  // [^<>]* rather than [^>]*?: a "<" that starts no tag ends the attempt there, so unclosed tags stay linear.
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*>/g;
  let last = 0;
  for (let m = tag.exec(body); m !== null; m = tag.exec(body)) {
    buf += textOf(body.slice(last, m.index), pre);
    last = tag.lastIndex;
    const closing = m[1] === '/';
    const name = m[2]!.toLowerCase();
    if (/^h[1-6]$/.test(name)) {
      flush();
      if (!closing) level = Number(name[1]);
    } else if (BLOCK.has(name)) {
      flush();
    } else if (LINE.has(name)) {
      buf += '\n';
    } else if (CELL.has(name)) {
      buf += ' ';
    }
    if (name === 'pre') pre = Math.max(0, pre + (closing ? -1 : 1));
  }
  buf += textOf(body.slice(last), pre);
  flush();
  let text = '';
  const marks: { at: number; level: number; heading: string }[] = [];
  for (const b of blocks) {
    if (text !== '') text += '\n\n';
    if (b.level > 0) marks.push({ at: text.length, level: b.level, heading: b.text.replace(/\s+/g, ' ') });
    text += b.text;
  }
  title ??= marks.find((m) => m.level === 1)?.heading ?? null;
  return { text, title, sections: sectionsFromMarks(text.length, 0, marks) };
}

/**
 * Replaces each span from a match of `open` to the next match of its `close` with a space. Each close is searched
 * once from its opening, and a span left unclosed runs to the end (`toEnd`, as a browser reads an unclosed comment
 * or script) or is kept, so the work stays linear in the page (a lazy [\s\S]*? regex retried at every opening
 * was quadratic on pages with many unclosed ones).
 */
function cutSpans(html: string, open: RegExp, close: (m: RegExpExecArray) => RegExp, toEnd: boolean, limit = Infinity): string {
  let out = '';
  let last = 0;
  let cut = 0;
  open.lastIndex = 0;
  for (let m = open.exec(html); m !== null && cut < limit; m = open.exec(html)) {
    const end = close(m);
    end.lastIndex = open.lastIndex;
    const c = end.exec(html);
    if (c === null) {
      if (toEnd) {
        out += `${html.slice(last, m.index)} `;
        last = html.length;
      }
      break;
    }
    out += `${html.slice(last, m.index)} `;
    last = end.lastIndex;
    open.lastIndex = last;
    cut++;
  }
  return out + html.slice(last);
}

/** The raw text inside the first <name ...>...</name>, or null; one forward search each way. */
function firstElementText(html: string, name: string): string | null {
  const open = new RegExp(`<${name}\\b[^<>]*>`, 'i').exec(html);
  if (!open) return null;
  const close = new RegExp(`<\\/${name}\\s*>`, 'gi');
  close.lastIndex = open.index + open[0].length;
  const c = close.exec(html);
  return c ? html.slice(open.index + open[0].length, c.index) : null;
}

/** Source line breaks are only whitespace in HTML, except inside <pre>. */
function textOf(raw: string, pre: number): string {
  const decoded = decodeEntities(raw);
  return pre > 0 ? decoded : decoded.replace(/\s+/g, ' ');
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ');
}
