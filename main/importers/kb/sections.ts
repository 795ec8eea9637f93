/** A run of a document under one heading; `headings` is the path of headings above it (outermost first). */
export interface Section {
  start: number;
  end: number;
  headings: string[];
}

export interface StructuredText {
  text: string;
  title: string | null;
  sections: Section[];
}

const ATX = /^(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$/;
const FENCE = /^[ \t]{0,3}(```|~~~)/;

/**
 * Markdown structure from ATX headings (code fences are skipped, so "# comment" lines in code stay text).
 * A leading front-matter block supplies the title when it has one.
 */
export function markdownStructure(text: string): StructuredText {
  let title: string | null = null;
  let bodyStart = 0;
  const fm = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (fm) {
    bodyStart = fm[0].length;
    const t = /^title:\s*["']?(.+?)["']?\s*$/m.exec(fm[1]!);
    if (t) title = t[1]!;
  }
  const marks: { at: number; level: number; heading: string }[] = [];
  let inFence = false;
  let pos = bodyStart;
  while (pos < text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl === -1) nl = text.length;
    const line = text.slice(pos, nl);
    if (FENCE.test(line)) inFence = !inFence;
    else if (!inFence) {
      const m = ATX.exec(line);
      if (m) marks.push({ at: pos, level: m[1]!.length, heading: m[2]!.trim() });
    }
    pos = nl + 1;
  }
  title ??= marks.find((m) => m.level === 1)?.heading ?? null;
  return { text, title, sections: sectionsFromMarks(text.length, bodyStart, marks) };
}

/** Plain text has no headings: one section; paragraphs still guide the chunker. */
export function plainStructure(text: string): StructuredText {
  return { text, title: null, sections: [{ start: 0, end: text.length, headings: [] }] };
}

export function sectionsFromMarks(length: number, bodyStart: number, marks: { at: number; level: number; heading: string }[]): Section[] {
  const sections: Section[] = [];
  const path: { level: number; heading: string }[] = [];
  if (marks.length === 0 || marks[0]!.at > bodyStart) {
    sections.push({ start: bodyStart, end: marks[0]?.at ?? length, headings: [] });
  }
  marks.forEach((m, i) => {
    while (path.length && path.at(-1)!.level >= m.level) path.pop();
    path.push({ level: m.level, heading: m.heading });
    sections.push({ start: m.at, end: marks[i + 1]?.at ?? length, headings: path.map((p) => p.heading) });
  });
  return sections.filter((s) => s.end > s.start);
}
