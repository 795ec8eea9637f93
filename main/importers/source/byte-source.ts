import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { badInput } from '../import-error';
import type { SourceEntry } from './files';

/**
 * Read size: large enough to amortize per-chunk work (two async iterations, a read call on the thread pool),
 * small enough to keep memory flat. Measured on 170 MB of RAG JSONL at a load of 26-30 on 2 cores, one-thread
 * import, CPU of 3 runs each: 1 MiB 2.19-2.65 s, 256 KiB 1.92-2.30 s, 64 KiB 2.19-2.92 s (the worker path: 3.2,
 * 2.9-3.0 and 3.3-4.2 s). Lines are decoded in 64 KiB pieces whatever the read size (containers/lines.ts).
 */
export const READ_CHUNK_BYTES = 256 * 1024;

/** Set when gzip data ends early or is corrupt: what was decoded is kept, the rest is reported. */
export interface SourceTail {
  decodedBytes: number;
  reason: string;
}

export interface OpenedSource {
  entry: SourceEntry;
  compressed: boolean;
  /** Raw (possibly compressed) bytes read so far, for progress against the file size. */
  bytesRead(): number;
  /** Decompressed bytes, in order. Throws on read errors and when the file changed while it was read. */
  chunks(): AsyncGenerator<Buffer>;
  /** After chunks() ends: sha256 of the raw file bytes. */
  sha256(): string;
  tail(): SourceTail | null;
  warning(): string | null;
  close(): Promise<void>;
}

const GZIP_MAGIC_0 = 0x1f;
const GZIP_MAGIC_1 = 0x8b;

/**
 * Opens one source file for streaming: gzip is recognised by its magic bytes (whatever the name), the raw
 * bytes are hashed as they are read, and a file that shrinks, grows or vanishes while being read is an error,
 * because its hash would not name what was imported.
 */
export async function openSource(entry: SourceEntry, signal?: AbortSignal): Promise<OpenedSource> {
  let handle;
  try {
    handle = await open(entry.path, 'r');
  } catch (err) {
    const code = (err as { code?: string }).code;
    throw badInput(code === 'ENOENT' ? `${entry.path}: file vanished before it could be read` : `${entry.path}: cannot open (${(err as Error).message})`);
  }
  const head = Buffer.alloc(2);
  const { bytesRead: headBytes } = await handle.read(head, 0, 2, 0);
  const compressed = headBytes === 2 && head[0] === GZIP_MAGIC_0 && head[1] === GZIP_MAGIC_1;
  const hash = createHash('sha256');
  let raw = 0;
  let digest: string | null = null;
  let tail: SourceTail | null = null;
  let closed = false;
  let warning: string | null = null;

  async function* chunks(): AsyncGenerator<Buffer> {
    const file = handle!.createReadStream({ start: 0, highWaterMark: READ_CHUNK_BYTES, autoClose: false });
    let fileError: Error | null = null;
    file.on('data', (c: Buffer | string) => {
      const b = typeof c === 'string' ? Buffer.from(c) : c;
      hash.update(b);
      raw += b.length;
    });
    file.on('error', (e: Error) => { fileError = e; });
    let stream: Readable = file;
    if (compressed) {
      const gunzip = createGunzip({ chunkSize: READ_CHUNK_BYTES });
      file.on('error', (e: Error) => gunzip.destroy(e));
      stream = file.pipe(gunzip);
    }
    let decoded = 0;
    let st: { size: number; nlink: number } | null = null;
    try {
      for await (const chunk of stream) {
        if (signal?.aborted) break;
        decoded += (chunk as Buffer).length;
        yield chunk as Buffer;
      }
      if (!signal?.aborted && !fileError) {
        await drain(file);
        st = await handle!.stat();
      }
    } catch (err) {
      if (fileError || !compressed) throw readError(entry, fileError ?? (err as Error));
      tail = { decodedBytes: decoded, reason: `gzip data is damaged after ${decoded} decompressed bytes (${(err as Error).message}); the rest of the file could not be read` };
      // Hash the remaining raw bytes anyway so the source hash still names the whole file.
      await drain(file);
      st = await handle!.stat();
    } finally {
      file.destroy();
      (stream as Readable).destroy();
    }
    if (signal?.aborted) return;
    if (fileError) throw readError(entry, fileError);
    if (!st) return;
    if (st.size !== raw || st.size !== entry.bytes) {
      throw badInput(`${entry.path}: file changed while it was read (${entry.bytes} bytes when listed, ${raw} read, ${st.size} now); nothing was imported — retry once the file is complete`);
    }
    // Deleted while open: every byte was still read through the open handle, so the import is complete.
    if (st.nlink === 0) warning = `${entry.path}: file was deleted while it was read; all ${raw} bytes had been read and were imported`;
    digest = hash.digest('hex');
  }

  return {
    entry,
    compressed,
    bytesRead: () => raw,
    chunks,
    sha256: () => {
      if (digest === null) throw new Error(`${entry.path}: sha256 asked before the file was read`);
      return digest;
    },
    tail: () => tail,
    warning: () => warning,
    async close() {
      if (closed) return;
      closed = true;
      await handle!.close().catch(() => undefined);
    },
  };
}

async function drain(stream: Readable): Promise<void> {
  if (stream.destroyed || stream.readableEnded) return;
  await new Promise<void>((resolve) => {
    stream.on('end', resolve);
    stream.on('error', () => resolve());
    stream.on('close', resolve);
    stream.resume();
  });
}

function readError(entry: SourceEntry, err: Error): Error {
  const code = (err as { code?: string }).code;
  if (code === 'ENOENT') return badInput(`${entry.path}: file vanished while it was read; nothing was imported`);
  return badInput(`${entry.path}: read failed (${err.message}); nothing was imported`);
}
