import { createHash } from 'node:crypto';
import { chunkDocument, type ChunkSpan } from './chunker';
import { htmlStructure } from './html-text';
import { markdownStructure, plainStructure, type StructuredText } from './sections';

export type DocKind = 'md' | 'txt' | 'html';

/** A document as stored: its text (HTML reduced to visible text), title if it names one, and chunk spans. */
export interface ChunkedDoc {
  text: string;
  /** SHA-256 of `text`, the document's identity in a KB version. */
  sha256: string;
  title: string | null;
  chunks: ChunkSpan[];
}

/** Line ends normalized to LF and a BOM dropped: chunk offsets count characters of this text. */
export function normalizeDocText(text: string): string {
  return (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).replace(/\r\n?/g, '\n');
}

function structure(text: string, kind: DocKind): StructuredText {
  if (kind === 'html') return htmlStructure(text);
  if (kind === 'md') return markdownStructure(text);
  return plainStructure(text);
}

/** Structure and chunks of one document; linear in its length (it runs on a worker thread for big documents). */
export function chunkText(raw: string, kind: DocKind, size: number, overlap: number): ChunkedDoc {
  const s = structure(normalizeDocText(raw), kind);
  const sha256 = createHash('sha256').update(s.text).digest('hex');
  return { text: s.text, sha256, title: s.title, chunks: chunkDocument(s.text, s.sections, size, overlap) };
}
