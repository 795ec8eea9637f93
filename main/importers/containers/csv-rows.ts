import { isUtf8 } from 'node:buffer';
import { parse, type Parser } from 'csv-parse';
import { firstInvalidUtf8, formatBytes } from './lines';

export interface CsvRow {
  fields: string[];
  /** First and last line of the record (quoted newlines make a record span several lines). */
  line: number;
  endLine: number;
  raw: string;
}

export interface CsvProblem {
  line: number;
  reason: string;
  raw: string | null;
  /** True when the parser cannot continue: the rest of the file was not read. */
  fatal: boolean;
}

export const DEFAULT_MAX_RECORD_BYTES = 64 * 1024 * 1024;

interface ParsedRecord {
  record: string[];
  info: { lines: number };
  raw: string;
}

/**
 * Streams CSV records with csv-parse (quoted newlines, mixed line ends, ragged rows kept for the caller to judge)
 * and reports records touching invalid UTF-8 instead of silently decoding them with replacement characters.
 */
export class CsvRows {
  private readonly parser: Parser;
  private pending: Buffer = Buffer.alloc(0);
  private linesBefore = 0;
  private readonly badLines = new Set<number>();
  private dead = false;

  constructor(
    private readonly onRow: (row: CsvRow) => void,
    private readonly onProblem: (p: CsvProblem) => void,
    delimiter: string,
    maxRecordBytes = DEFAULT_MAX_RECORD_BYTES,
  ) {
    this.parser = parse({
      delimiter, relax_column_count: true, relax_quotes: true, info: true, raw: true, skip_records_with_error: true,
      skip_empty_lines: true, bom: true, record_delimiter: ['\r\n', '\n', '\r'], max_record_size: maxRecordBytes,
    });
    this.parser.on('skip', (err: Error & { code?: string; lines?: number; raw?: string }) => {
      const fatal = err.code === 'CSV_MAX_RECORD_SIZE' || err.code === 'CSV_QUOTE_NOT_CLOSED';
      const reason = err.code === 'CSV_MAX_RECORD_SIZE'
        ? `a record is larger than the ${formatBytes(maxRecordBytes)} limit (often an unclosed quote); the rest of the file was not read`
        : err.code === 'CSV_QUOTE_NOT_CLOSED'
          ? 'a quoted field is never closed; the file ends inside it, so the records from its start on could not be read'
          : `CSV error: ${err.message}`;
      const raw = err.raw ?? null;
      const line = (err.lines ?? 0) - countNewlines(trimRaw(raw ?? ''));
      this.onProblem({ line: Math.max(1, line), reason, raw: raw === null ? null : raw.slice(0, 4096), fatal });
      if (fatal) this.dead = true;
    });
    this.parser.on('error', (err) => {
      this.onProblem({ line: 0, reason: `CSV error: ${err.message}; the rest of the file was not read`, raw: null, fatal: true });
      this.dead = true;
    });
  }

  push(chunk: Buffer): void {
    if (this.dead) return;
    const buf = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    const cut = completeUtf8Length(buf);
    this.pending = Buffer.from(buf.subarray(cut));
    const body = buf.subarray(0, cut);
    if (!isUtf8(body)) this.markBadLines(body);
    this.linesBefore += countNewlinesBuf(body);
    this.parser.write(body.toString('utf8'));
    this.drain();
  }

  end(): void {
    if (this.dead) return;
    if (this.pending.length) {
      this.markBadLines(this.pending);
      this.parser.write(this.pending.toString('utf8'));
    }
    this.parser.end();
    this.drain();
  }

  private drain(): void {
    let r: ParsedRecord | null;
    while (!this.dead && (r = this.parser.read() as ParsedRecord | null) !== null) {
      const endLine = r.info.lines;
      const raw = trimRaw(r.raw);
      const line = endLine - countNewlines(raw);
      if (this.badLines.size > 0 && this.touchesBad(line, endLine)) {
        this.onProblem({ line, reason: 'invalid UTF-8 in this record', raw: raw.slice(0, 4096), fatal: false });
        continue;
      }
      this.onRow({ fields: r.record, line, endLine, raw });
    }
  }

  private touchesBad(from: number, to: number): boolean {
    for (let l = from; l <= to; l++) if (this.badLines.has(l)) return true;
    return false;
  }

  private markBadLines(body: Buffer): void {
    let at = 0;
    while (at < body.length) {
      const rest = body.subarray(at);
      if (isUtf8(rest)) return;
      const bad = at + firstInvalidUtf8(rest);
      this.badLines.add(this.linesBefore + countNewlinesBuf(body.subarray(0, bad)) + 1);
      at = bad + 1;
    }
  }
}

/** Length of the prefix that does not end inside a multi-byte UTF-8 sequence. */
export function completeUtf8Length(b: Buffer): number {
  const n = b.length;
  for (let back = 1; back <= 3 && back <= n; back++) {
    const c = b[n - back]!;
    if ((c & 0xc0) === 0x80) continue;
    const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    return need > back ? n - back : n;
  }
  return n;
}

function trimRaw(raw: string): string {
  return raw.replace(/^[\r\n]+/, '').replace(/[\r\n]+$/, '');
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

function countNewlinesBuf(b: Buffer): number {
  let n = 0;
  for (let i = b.indexOf(0x0a); i !== -1; i = b.indexOf(0x0a, i + 1)) n++;
  return n;
}
