// Opens a Parquet file for streaming by row group: checks the magic bytes at both ends, parses the footer and
// checks every column chunk's codec before any row is read, so a file we cannot read is refused up front.
import { closeSync, openSync, readSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { parquetMetadata, type AsyncBuffer, type CompressionCodec, type Compressors, type FileMetaData } from 'hyparquet';

/** A Parquet file that cannot be read; the message names the file and, where known, the row group and column. */
export class ParquetReadError extends Error {
  constructor(readonly file: string, readonly reason: string) {
    super(`${file}: ${reason}`);
    this.name = 'ParquetReadError';
  }
}

const MAGIC = 'PAR1';
/** Footer = metadata + 4-byte length + magic; the smallest valid file is the two magics and a length. */
const MIN_BYTES = 12;

// SNAPPY and UNCOMPRESSED are hyparquet's own; GZIP and BROTLI come from Node's zlib. LZ4, LZ4_RAW, LZO and ZSTD
// need native or extra code (Node 20 has no zstd), so files using them are refused naming the column.
export const COMPRESSORS: Compressors = {
  GZIP: (input) => new Uint8Array(gunzipSync(input)),
  BROTLI: (input) => new Uint8Array(brotliDecompressSync(input)),
};
const SUPPORTED_CODECS: readonly CompressionCodec[] = ['UNCOMPRESSED', 'SNAPPY', 'GZIP', 'BROTLI'];

export interface RowGroupInfo {
  index: number;
  /** Index of the group's first row in the file (0-based). */
  firstRow: number;
  rows: number;
}

export interface ParquetFile {
  path: string;
  bytes: number;
  buffer: AsyncBuffer;
  metadata: FileMetaData;
  /** Top-level column names, in schema order (nested columns are one value per row: a list or an object). */
  columns: string[];
  rowGroups: RowGroupInfo[];
  close(): Promise<void>;
}

/** True when the bytes start with Parquet's magic. */
export function hasParquetMagic(head: Uint8Array): boolean {
  return head.length >= 4 && Buffer.from(head.subarray(0, 4)).toString('latin1') === MAGIC;
}

/** True when the file starts with Parquet's magic (false for unreadable files: their reader reports why). */
export function isParquetPath(file: string): boolean {
  try {
    const fd = openSync(file, 'r');
    try {
      const head = Buffer.alloc(4);
      return readSync(fd, head, 0, 4, 0) === 4 && hasParquetMagic(head);
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
}

function fileBuffer(handle: FileHandle, size: number): AsyncBuffer {
  return {
    byteLength: size,
    async slice(start: number, end?: number): Promise<ArrayBuffer> {
      const stop = Math.min(end ?? size, size);
      const out = new Uint8Array(Math.max(0, stop - start));
      let off = 0;
      while (off < out.length) {
        const { bytesRead } = await handle.read(out, off, out.length - off, start + off);
        if (bytesRead === 0) break;
        off += bytesRead;
      }
      return out.buffer;
    },
  };
}

async function readAt(buffer: AsyncBuffer, start: number, end: number): Promise<Buffer> {
  return Buffer.from(await buffer.slice(start, end));
}

/** Opens and validates a Parquet file; the caller closes it. */
export async function openParquet(path: string): Promise<ParquetFile> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ParquetReadError(path, code === 'ENOENT' ? 'no such file' : `cannot read (${code ?? String(err)})`);
  }
  try {
    const size = (await handle.stat()).size;
    const buffer = fileBuffer(handle, size);
    if (size < MIN_BYTES) throw new ParquetReadError(path, `not a Parquet file: ${size} bytes is too short for a Parquet footer`);
    const head = await readAt(buffer, 0, 4);
    if (!hasParquetMagic(head)) throw new ParquetReadError(path, `not a Parquet file: starts with ${JSON.stringify(head.toString('latin1'))}, not "PAR1"`);
    const tail = await readAt(buffer, size - 8, size);
    if (tail.subarray(4).toString('latin1') !== MAGIC) {
      throw new ParquetReadError(path, 'truncated Parquet file: the footer (metadata and the closing "PAR1") is missing; was the file cut short while copying?');
    }
    const metaLength = tail.readUInt32LE(0);
    if (metaLength + 8 > size - 4) throw new ParquetReadError(path, `damaged Parquet footer: metadata length ${metaLength} exceeds the file size ${size}`);
    let metadata: FileMetaData;
    try {
      metadata = parquetMetadata(new Uint8Array(await buffer.slice(size - 8 - metaLength, size)).buffer);
    } catch (err) {
      throw new ParquetReadError(path, `damaged Parquet footer: ${(err as Error).message}`);
    }
    const rowGroups: RowGroupInfo[] = [];
    let firstRow = 0;
    metadata.row_groups.forEach((rg, index) => {
      for (const chunk of rg.columns) {
        const meta = chunk.meta_data;
        const column = meta?.path_in_schema.join('.') ?? '?';
        if (chunk.file_path) throw new ParquetReadError(path, `row group ${index}, column "${column}": data in another file (${chunk.file_path}) is not supported`);
        if (meta && !SUPPORTED_CODECS.includes(meta.codec)) {
          throw new ParquetReadError(path, `row group ${index}, column "${column}": compression codec ${meta.codec} is not supported (supported: ${SUPPORTED_CODECS.join(', ')}); rewrite the file with snappy or gzip`);
        }
        const data = Number(meta?.data_page_offset ?? 0n);
        const dict = Number(meta?.dictionary_page_offset ?? 0n);
        const end = (dict > 0 ? Math.min(dict, data) : data) + Number(meta?.total_compressed_size ?? 0n);
        if (end > size - 8 - metaLength) throw new ParquetReadError(path, `truncated Parquet file: row group ${index}, column "${column}" ends at byte ${end}, past the data in the file`);
      }
      const rows = Number(rg.num_rows);
      rowGroups.push({ index, firstRow, rows });
      firstRow += rows;
    });
    const root = metadata.schema[0];
    const columns: string[] = [];
    // Top-level fields follow the root element; nested fields are skipped by their children counts.
    let i = 1;
    for (let k = 0; k < (root?.num_children ?? 0); k++) {
      const el = metadata.schema[i];
      if (!el) break;
      columns.push(el.name);
      i = skipSubtree(metadata, i);
    }
    return { path, bytes: size, buffer, metadata, columns, rowGroups, close: () => handle.close() };
  } catch (err) {
    await handle.close();
    throw err;
  }
}

function skipSubtree(metadata: FileMetaData, i: number): number {
  const el = metadata.schema[i]!;
  let next = i + 1;
  for (let k = 0; k < (el.num_children ?? 0); k++) next = skipSubtree(metadata, next);
  return next;
}
