/**
 * Worker thread that chunks big knowledge-base documents, so the thread serving the API (and reading Ctrl-C)
 * stays free while a document of many megabytes is split. One request at a time, answered in order.
 */
import { parentPort } from 'node:worker_threads';
import { chunkText, type ChunkedDoc, type DocKind } from './doc-chunks';

export interface ChunkRequest {
  raw: string;
  kind: DocKind;
  size: number;
  overlap: number;
}

/** `text` is null when the stored text is the text sent (Markdown and plain text as a rule): no copy back. */
export type ChunkReply = { ok: true; doc: Omit<ChunkedDoc, 'text'> & { text: string | null } } | { ok: false; message: string };

const port = parentPort!;
port.on('message', (r: ChunkRequest) => {
  try {
    const doc = chunkText(r.raw, r.kind, r.size, r.overlap);
    port.postMessage({ ok: true, doc: { ...doc, text: doc.text === r.raw ? null : doc.text } } satisfies ChunkReply);
  } catch (err) {
    port.postMessage({ ok: false, message: err instanceof Error ? err.message : String(err) } satisfies ChunkReply);
  }
});
