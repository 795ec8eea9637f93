/** Shapes of the demo knowledge base and of the facts that questions and answers are built from. */

export type KbCategory = 'devices' | 'troubleshooting' | 'plans' | 'orders' | 'warranty' | 'account' | 'support';

/** A retrievable piece of a document: its intro or one "## " section, verbatim as it appears in the doc. */
export interface KbChunk {
  id: string;
  docId: string;
  heading: string;
  text: string;
}

export interface KbDoc {
  id: string;
  title: string;
  category: KbCategory;
  /** Markdown; the first line is "# Title". */
  text: string;
  chunks: KbChunk[];
}

export interface KbSection {
  heading: string;
  body: string;
}

export interface KbDocSpec {
  id: string;
  title: string;
  category: KbCategory;
  intro: string;
  sections: KbSection[];
}

/**
 * One thing a customer can ask about. `key` is the literal that carries the fact: it appears in the chunk and in
 * the grounded answer, and not in the contradiction, which states something the chunk rules out.
 */
export interface QaFact {
  id: string;
  chunkId: string;
  key: string;
  questions: string[];
  answer: string;
  contradiction: string;
  /** A device or topic phrase that a question's preamble can mention ("my Cam Outdoor"). */
  subject?: string;
}

/** A harmless question that uses words injection filters often key on ("ignore", "system settings"). */
export interface TrickyQuestion {
  factId: string;
  text: string;
}

export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function chunkId(docId: string, heading: string): string {
  return `${docId}#${heading === '' ? 'intro' : slug(heading)}`;
}

export function buildDoc(spec: KbDocSpec): KbDoc {
  const head = `# ${spec.title}\n\n${spec.intro.trim()}`;
  const chunks: KbChunk[] = [{ id: chunkId(spec.id, ''), docId: spec.id, heading: '', text: head }];
  for (const section of spec.sections) {
    const text = `## ${section.heading}\n\n${section.body.trim()}`;
    chunks.push({ id: chunkId(spec.id, section.heading), docId: spec.id, heading: section.heading, text });
  }
  return { id: spec.id, title: spec.title, category: spec.category, text: `${chunks.map((c) => c.text).join('\n\n')}\n`, chunks };
}

export function bullets(lines: readonly string[]): string {
  return lines.map((line) => `- ${line}`).join('\n');
}

export function steps(lines: readonly string[]): string {
  return lines.map((line, i) => `${i + 1}. ${line}`).join('\n');
}

/** Compact authoring form of a QaFact: q = questions, a = grounded answer, c = contradiction. */
export interface FactSpec {
  id: string;
  key: string;
  q: string[];
  a: string;
  c: string;
  subject?: string;
}

export function factsFor(docId: string): (heading: string, spec: FactSpec) => QaFact {
  return (heading, spec) => ({
    id: spec.id,
    chunkId: chunkId(docId, heading),
    key: spec.key,
    questions: spec.q,
    answer: spec.a,
    contradiction: spec.c,
    ...(spec.subject ? { subject: spec.subject } : {}),
  });
}
