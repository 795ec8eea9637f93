import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { KbChanges, ResolvedSpec } from '../../../shared/contract/import-schemas';
import { JobCancelledError } from '../../jobs/job-runner';
import { insertKbChanges, kbDocumentHashes, kbWriters, latestKbVersion, type KbChangeKind } from '../../storage/kb-repo';
import { firstInvalidUtf8 } from '../containers/lines';
import type { Loc } from '../pipeline/accounting';
import type { Pipeline, PipelineContext } from '../pipeline/pipeline';
import type { SourceEntry } from '../source/files';
import type { DocKind } from './doc-chunks';
import { DocChunker } from './doc-chunker';

type Obj = Record<string, unknown>;

export const KB_TEXT_EXTENSIONS = ['.md', '.markdown', '.mdx', '.txt', '.text', '.html', '.htm', '.xhtml'];
export const KB_RECORD_EXTENSIONS = ['.jsonl', '.ndjson', '.json'];

/** Chunks written between turns of the event loop. */
const WRITE_BATCH = 256;
/** Documents above this size yield to the event loop between whole-document passes. */
const BIG_DOCUMENT_BYTES = 1 << 20;

/** The extension that decides how a KB file is read (".gz" is transparent). */
export function kbExtension(rel: string): string {
  return path.extname(rel.replace(/\.gz$/i, '')).toLowerCase();
}

function pick(o: Obj, keys: string[]): unknown {
  for (const k of keys) if (o[k] !== undefined && o[k] !== null && o[k] !== '') return o[k];
  return undefined;
}

/**
 * Knowledge-base documents (.md, .txt, .html files, or JSONL/JSON document records) chunked into kb_chunks with
 * their document id, title and offsets. After the last document, the version is compared with the previous
 * version of the same KB: which documents were added, removed or changed.
 */
export function kbPipeline(ctx: PipelineContext): Pipeline & { kbChanges(): KbChanges | null } {
  const acc = ctx.acc;
  const writers = kbWriters(ctx.db, ctx.assetId);
  const chunking = ctx.spec.chunking ?? { size: 1200, overlap: 150 };
  const docs = new Map<string, { sha: string; title: string | null }>();
  let chunks = 0;
  let changes: KbChanges | null = null;
  const chunker = new DocChunker(ctx.signal);
  // Documents are stored one after another, in input order, while big ones are chunked on a worker thread. Every
  // item goes through the queue, even one rejected at once, so the ledger keeps input order.
  let queue: Promise<void> = Promise.resolve();
  const enqueue = (job: () => void | Promise<void>) => {
    queue = queue.then(job);
    // Marked handled here; drain() hands the failure to the reader.
    queue.catch(() => undefined);
  };

  async function addDoc(docId: string, title: string | null, raw: string, kind: DocKind, loc: Loc, rawForQuarantine: string | null): Promise<void> {
    const s = await chunker.chunk(raw, kind, chunking.size, chunking.overlap);
    const text = s.text;
    const docTitle = title ?? s.title ?? path.basename(docId).replace(/\.[^.]+$/, '');
    const sha = s.sha256;
    const prev = docs.get(docId);
    if (prev) {
      if (prev.sha === sha) acc.duplicate();
      else acc.reject(loc, 'id', `document id ${JSON.stringify(docId)} appears twice with different text; the first one was kept`, rawForQuarantine);
      return;
    }
    if (text.trim() === '') {
      acc.reject(loc, 'text', 'document has no text', rawForQuarantine);
      return;
    }
    docs.set(docId, { sha, title: docTitle });
    writers.document({ docId, title: docTitle, sha256: sha, charCount: text.length });
    for (const [i, c] of s.chunks.entries()) {
      // A document of many megabytes has thousands of chunks: let other callers in between batches of them.
      if (i % WRITE_BATCH === WRITE_BATCH - 1) {
        await yieldToLoop();
        if (ctx.signal?.aborted) throw new JobCancelledError();
      }
      const path2 = c.headings.filter((h) => h !== docTitle);
      writers.chunk({
        docId, title: path2.length ? `${docTitle} › ${path2.join(' › ')}` : docTitle, chunkIndex: i,
        startOffset: c.start, endOffset: c.end, text: text.slice(c.start, c.end),
      });
      chunks++;
    }
    acc.accept();
  }

  async function readDocument(entry: SourceEntry, bytes: Buffer): Promise<void> {
    const loc: Loc = { file: entry.path, line: null, byteOffset: null };
    const ext = kbExtension(entry.rel);
    if (!KB_TEXT_EXTENSIONS.includes(ext)) {
      const why = ext === '.pdf'
        ? 'PDF is not supported: no maintained PDF parser that works offline is installed; convert it to text or Markdown'
        : `unsupported document type "${ext || '(no extension)'}"; use .md, .txt, .html, or JSONL documents`;
      acc.reject(loc, null, why, null);
      return;
    }
    // Checks and decoding each pass over the whole document: big ones take turns with other callers.
    const big = bytes.length > BIG_DOCUMENT_BYTES;
    if (big) await yieldToLoop();
    if (!isUtf8(bytes)) {
      const at = firstInvalidUtf8(bytes);
      acc.reject({ ...loc, byteOffset: at }, null, `invalid UTF-8 at byte ${at}; save the document as UTF-8`, null);
      return;
    }
    if (bytes.includes(0)) {
      acc.reject(loc, null, 'binary file (contains NUL bytes), not a text document', null);
      return;
    }
    if (big) await yieldToLoop();
    const kind = ext === '.html' || ext === '.htm' || ext === '.xhtml' ? 'html' : ext === '.txt' || ext === '.text' ? 'txt' : 'md';
    const text = bytes.toString('utf8');
    if (big) await yieldToLoop();
    await addDoc(entry.rel, null, text, kind, loc, null);
  }

  async function readRecord(value: unknown, loc: Loc, raw: string): Promise<void> {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      acc.reject(loc, null, 'expected a JSON object (one document)', raw);
      return;
    }
    const o = value as Obj;
    const text = pick(o, ['text', 'content', 'body', 'page_content', 'pageContent', 'markdown', 'html']);
    if (typeof text !== 'string') {
      acc.reject(loc, 'text', 'document has no text field (text, content, body or page_content)', raw);
      return;
    }
    const id = pick(o, ['id', 'doc_id', 'document_id', '_id', 'url', 'source', 'path']);
    const title = pick(o, ['title', 'name', 'heading']);
    const isHtml = o.html === text || (typeof o.format === 'string' && /html/i.test(o.format));
    const docId = typeof id === 'string' || typeof id === 'number' ? String(id) : `${path.basename(loc.file)}#${loc.line ?? loc.byteOffset}`;
    await addDoc(docId, typeof title === 'string' ? title : null, text, isHtml ? 'html' : 'md', loc, raw);
  }

  function finish(): void {
    const previous = latestKbVersion(ctx.db, ctx.assetName, ctx.assetId);
    if (!previous) return;
    const before = kbDocumentHashes(ctx.db, previous.id);
    const list: { docId: string; change: KbChangeKind }[] = [];
    let unchanged = 0;
    for (const [docId, d] of docs) {
      const old = before.get(docId);
      if (old === undefined) list.push({ docId, change: 'added' });
      else if (old !== d.sha) list.push({ docId, change: 'changed' });
      else unchanged++;
    }
    for (const docId of before.keys()) if (!docs.has(docId)) list.push({ docId, change: 'removed' });
    insertKbChanges(ctx.db, ctx.assetId, previous.id, list);
    changes = {
      previousAssetId: previous.id,
      added: list.filter((c) => c.change === 'added').length,
      removed: list.filter((c) => c.change === 'removed').length,
      changed: list.filter((c) => c.change === 'changed').length,
      unchanged,
    };
  }

  return {
    document(entry: SourceEntry, bytes: Buffer) {
      enqueue(() => readDocument(entry, bytes));
    },
    json(value, loc, raw) {
      enqueue(() => readRecord(value, loc, raw));
    },
    drain: () => queue,
    close: () => chunker.close(),
    finish,
    stored: () => chunks,
    contentSha256() {
      const h = createHash('sha256');
      h.update(JSON.stringify(chunking));
      for (const id of [...docs.keys()].sort()) {
        const d = docs.get(id)!;
        h.update(`\n${JSON.stringify([id, d.sha, d.title])}`);
      }
      return h.digest('hex');
    },
    resolvedSpec: (): ResolvedSpec => ({ ...ctx.spec, chunking }),
    kbChanges: () => changes,
  };
}
