import type { DatasetColumnEdit, FieldMapping, ImportFormat, ImportKind, ParsedImportSpec, ResolvedSpec } from '../../shared/contract/import-schemas';
import { JsonElementScanner, type JsonItem } from './containers/json-elements';
import { DEFAULT_MAX_LINE_BYTES } from './containers/lines';
import { looksLikeOpenAi } from './formats/openai';
import { badInput } from './import-error';
import { KB_RECORD_EXTENSIONS, KB_TEXT_EXTENSIONS, kbExtension } from './kb/kb-pipeline';
import { inferMapping } from './records/mapped-records';
import { detectParquet } from './parquet/detect-parquet';
import { hasParquetMagic } from './parquet/parquet-file';
import { openSource } from './source/byte-source';
import { isDataFile, type SourceEntry } from './source/files';
import { looksLikeLangfuse } from './traces/langfuse';
import { looksLikeSpans, otlpUnits } from './traces/otlp';

type Obj = Record<string, unknown>;

/** Keys of a top-level JSON object whose array is the collection to stream (API list responses, exports). */
export const COLLECTION_KEYS = ['data', 'items', 'records', 'rows', 'observations', 'traces', 'spans', 'resourceSpans', 'resourceLogs',
  'documents', 'docs', 'interactions', 'examples', 'logs', 'results', 'generations', 'batch'];

const PEEK_BYTES = 256 * 1024;
const SAMPLE_ITEMS = 50;

export interface Detection {
  spec: ResolvedSpec;
  /** Schema edits to apply once a dataset's columns are inferred (a repeated import passes its saved schema). */
  columnEdits: DatasetColumnEdit[] | undefined;
  compressed: boolean;
  reason: string;
  fieldsSeen: string[];
  /** For the JSON container: which top-level keys to stream, or read the whole document as one item. */
  json: { streamKeys: string[]; whole: boolean };
}

export interface Peek {
  entry: SourceEntry;
  bytes: Buffer;
  compressed: boolean;
  /** Why a gzip file could not be read to the end of the peek, if it could not. */
  damaged: string | null;
}

/**
 * The first 256 KiB of a file (decompressed). With `firstLine`, reading goes on until the first line is whole
 * (up to the longest line an import reads), so a JSONL file whose first record is bigger than the peek can
 * still be sampled.
 */
export async function peekFile(entry: SourceEntry, firstLine = false): Promise<Peek> {
  const src = await openSource(entry);
  const parts: Buffer[] = [];
  let n = 0;
  try {
    for await (const chunk of src.chunks()) {
      parts.push(chunk);
      n += chunk.length;
      if (n >= PEEK_BYTES && (!firstLine || chunk.includes(0x0a) || n >= DEFAULT_MAX_LINE_BYTES)) break;
    }
  } finally {
    await src.close();
  }
  const all = Buffer.concat(parts);
  const damage = src.tail();
  if (all.length === 0 && damage) throw badInput(`${entry.path}: not readable as gzip: ${damage.reason}`);
  const damaged = damage?.reason ?? null;
  if (!firstLine) return { entry, bytes: all.subarray(0, PEEK_BYTES), compressed: src.compressed, damaged };
  const nl = all.indexOf(0x0a);
  return { entry, bytes: all.subarray(0, Math.max(PEEK_BYTES, nl + 1)), compressed: src.compressed, damaged };
}

function baseExt(rel: string): string {
  return kbExtension(rel);
}

/** Decides kind, format and container from the user's spec, the file names and the first 256 KiB of the first file. */
export async function detectImport(files: readonly SourceEntry[], spec: ParsedImportSpec): Promise<Detection> {
  const nonEmpty = files.filter((f) => f.bytes > 0);
  if (nonEmpty.length === 0) {
    throw badInput(files.length === 1 ? `${files[0]!.path}: file is empty (0 bytes); nothing to import` : `all ${files.length} files are empty; nothing to import`);
  }
  // Mostly documents (with the odd PDF or JSONL of documents beside them) make a knowledge base; JSONL logs with
  // a README next to them do not.
  const texts = files.filter((f) => KB_TEXT_EXTENSIONS.includes(baseExt(f.rel))).length;
  const records = files.filter((f) => KB_RECORD_EXTENSIONS.includes(baseExt(f.rel))).length;
  const kbLike = texts > 0 && texts >= records
    && files.every((f) => KB_TEXT_EXTENSIONS.includes(baseExt(f.rel)) || KB_RECORD_EXTENSIONS.includes(baseExt(f.rel)) || baseExt(f.rel) === '.pdf');
  if (spec.kind === 'kb' || (spec.kind === undefined && kbLike && (spec.format === 'auto' || spec.format === 'docs'))) {
    const chunking = { size: spec.chunking?.size ?? 1200, overlap: spec.chunking?.overlap ?? 150 };
    const hasRecords = files.some((f) => KB_RECORD_EXTENSIONS.includes(baseExt(f.rel)));
    return {
      spec: { kind: 'kb', format: 'docs', container: 'docs', mapping: null, csv: null, columns: null, chunking },
      columnEdits: undefined, compressed: false, reason: spec.kind === 'kb' ? 'imported as a knowledge base (--as kb)' : `knowledge-base documents (${[...new Set(files.map((f) => baseExt(f.rel)))].join(', ')})${hasRecords ? ' and document records' : ''}`,
      fieldsSeen: [], json: { streamKeys: COLLECTION_KEYS, whole: false },
    };
  }
  const first = nonEmpty.find((f) => !f.inFolder || isDataFile(f.rel)) ?? nonEmpty[0]!;
  const peek = await peekFile(first);
  const b = peek.bytes;
  const name = first.path;
  if (hasParquetMagic(b) || spec.format === 'parquet' || baseExt(first.rel) === '.parquet') return detectParquet(first, spec, peek.compressed, resolveMapping);
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) {
    throw badInput(`${name}: file is UTF-16 encoded; save it as UTF-8 and import again`);
  }
  const binary = binaryReason(b);
  if (binary) throw badInput(`${name}: ${binary}; this is not a JSONL, JSON or CSV text file`);
  const text = b.toString('utf8').replace(/^\uFEFF/, '');
  const ext = baseExt(first.rel);
  const container = chooseContainer(spec.format, ext, text, name);
  if (container === 'csv') return detectCsv(spec, ext, text, name, peek.compressed);
  const jsonMode = container === 'json' ? jsonShape(text) : { streamKeys: COLLECTION_KEYS, whole: false };
  let items = sampleItems(container, text, jsonMode);
  if (container === 'jsonl' && items.length === 0 && b.length >= PEEK_BYTES) {
    // The first record is longer than the peek: read on to the end of its line.
    items = sampleItems(container, (await peekFile(first, true)).bytes.toString('utf8').replace(/^\uFEFF/, ''), jsonMode);
  }
  const objects = items.filter((i): i is { value: Obj; key: string | null } => typeof i.value === 'object' && i.value !== null && !Array.isArray(i.value));
  if (objects.length === 0 && peek.damaged) throw badInput(`${name}: ${peek.damaged}`);
  if (objects.length === 0) throw badInput(`${name}: no JSON objects found in the first ${PEEK_BYTES / 1024} KiB; is this ${container === 'jsonl' ? 'JSONL' : 'JSON'}?`);
  const fields = [...new Set(objects.flatMap((o) => Object.keys(o.value)))];
  const { format, reason } = chooseFormat(spec.format, container, objects);
  // A field mapping only makes sense for log records, so giving one decides the kind.
  const kind: ImportKind = spec.kind ?? (spec.mapping ? 'logs' : format === 'jsonl' || format === 'json' ? genericKind(objects) : 'logs');
  let mapping: FieldMapping | null = null;
  if (kind === 'logs' && (format === 'jsonl' || format === 'json')) mapping = resolveMapping(spec.mapping, fields, name);
  if (kind === 'dataset' && format !== 'jsonl' && format !== 'json') throw badInput(`${name}: ${format} logs cannot be imported as a dataset; use --as logs`);
  return {
    spec: { kind, format, container, mapping, csv: null, columns: null, chunking: null },
    columnEdits: spec.columns,
    compressed: peek.compressed,
    reason: kind === 'dataset' && spec.kind === undefined ? 'flat JSON rows without input/output fields: read as a tabular dataset' : reason,
    fieldsSeen: fields.slice(0, 200),
    json: jsonMode,
  };
}

/**
 * Why the peeked bytes are not text, or null. Text files hold no NUL bytes and few control characters; random
 * or compressed bytes have about one NUL in 256 bytes and one control character in 9.
 */
export function binaryReason(b: Buffer): string | null {
  let controls = 0;
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    if (c === 0) return `binary data (a NUL byte at offset ${i})`;
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f) controls++;
  }
  return b.length >= 64 && controls > b.length * 0.01 ? `binary data (${controls} control bytes in the first ${b.length})` : null;
}

function chooseContainer(format: ImportFormat, ext: string, text: string, name: string): 'jsonl' | 'json' | 'csv' {
  if (format === 'csv' || ext === '.csv' || ext === '.tsv') return 'csv';
  if (format === 'jsonl') return 'jsonl';
  if (format === 'json') return 'json';
  const t = text.trimStart();
  if (t === '') throw badInput(`${name}: file holds only whitespace; nothing to import`);
  if (t[0] === '[') return 'json';
  if (t[0] !== '{') {
    if (ext === '.jsonl' || ext === '.ndjson' || ext === '.json') return ext === '.json' ? 'json' : 'jsonl';
    throw badInput(`${name}: cannot tell the format (not JSON, JSONL or CSV by its content or name); pass --format`);
  }
  const nl = t.indexOf('\n');
  const firstLine = nl === -1 ? t : t.slice(0, nl);
  try {
    const first = JSON.parse(firstLine) as unknown;
    if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
    // One object on one line holding a collection ({"data": [...]}) is a JSON document, not a one-line JSONL.
    const more = t.slice(firstLine.length).trim() !== '';
    const collection = typeof first === 'object' && first !== null && COLLECTION_KEYS.some((k) => Array.isArray((first as Obj)[k]));
    return collection && (!more || ext === '.json') ? 'json' : 'jsonl';
  } catch {
    if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
    return 'json';
  }
}

/** Which top-level keys of a JSON object hold the collection; a single object with none is read whole. */
function jsonShape(text: string): { streamKeys: string[]; whole: boolean } {
  const t = text.trimStart();
  if (t[0] === '[') return { streamKeys: COLLECTION_KEYS, whole: false };
  const found = COLLECTION_KEYS.filter((k) => new RegExp(`"${k}"\\s*:\\s*\\[`).test(t));
  return found.length ? { streamKeys: found, whole: false } : { streamKeys: [], whole: true };
}

function sampleItems(container: 'jsonl' | 'json', text: string, mode: { streamKeys: string[]; whole: boolean }): { value: unknown; key: string | null }[] {
  const out: { value: unknown; key: string | null }[] = [];
  if (container === 'jsonl') {
    for (const line of text.split('\n')) {
      if (out.length >= SAMPLE_ITEMS) break;
      if (line.trim() === '') continue;
      try {
        out.push({ value: JSON.parse(line) as unknown, key: null });
      } catch {
        // The last peeked line is usually cut; bad lines are quarantined by the import itself.
      }
    }
    return out;
  }
  const scanner = new JsonElementScanner((item: JsonItem) => {
    if (out.length >= SAMPLE_ITEMS) return;
    try {
      out.push({ value: JSON.parse(item.text) as unknown, key: item.key });
    } catch {
      // Reported by the import.
    }
  }, () => undefined, { streamKeys: new Set(mode.streamKeys), whole: mode.whole, maxItemBytes: 64 << 20 });
  scanner.push(Buffer.from(text));
  return out;
}

function chooseFormat(requested: ImportFormat, container: 'jsonl' | 'json', objects: { value: Obj; key: string | null }[]): { format: ImportFormat; reason: string } {
  if (['openai', 'otel', 'openinference', 'langfuse'].includes(requested)) return { format: requested, reason: `format given: ${requested}` };
  const values = objects.map((o) => o.value);
  if (objects.some((o) => o.key === 'trace' || o.key === 'observations') || values.some(looksLikeLangfuse)) {
    return { format: 'langfuse', reason: 'Langfuse export (traces with observations)' };
  }
  if (values.some(looksLikeSpans)) {
    const openinference = values.some((v) => {
      for (const u of otlpUnits(v)) if (u.kind === 'span' && Object.keys(u.span.attrs).some((k) => k.startsWith('openinference.') || k.startsWith('llm.') || k.startsWith('retrieval.'))) return true;
      return false;
    });
    return openinference
      ? { format: 'openinference', reason: 'OpenTelemetry spans with OpenInference attributes (llm.*, retrieval.*)' }
      : { format: 'otel', reason: 'OpenTelemetry spans (OTLP JSON) with GenAI attributes (gen_ai.*)' };
  }
  if (values.some(looksLikeOpenAi)) return { format: 'openai', reason: 'OpenAI chat completions log (request messages + response choices)' };
  return { format: container, reason: requested === 'auto' ? `${container === 'jsonl' ? 'JSONL' : 'JSON'} records` : `format given: ${requested}` };
}

function genericKind(objects: { value: Obj }[]): ImportKind {
  const m = inferMapping([...new Set(objects.flatMap((o) => Object.keys(o.value)))]);
  if (m.fields.input && m.fields.output) return 'logs';
  const flat = objects.every((o) => Object.values(o.value).every((v) => v === null || typeof v !== 'object'));
  return flat ? 'dataset' : 'logs';
}

function resolveMapping(given: FieldMapping | undefined, fields: string[], name: string): FieldMapping {
  if (given) return given;
  const m = inferMapping(fields);
  if (!m.fields.input || !m.fields.output) {
    const missing = [!m.fields.input ? 'input' : null, !m.fields.output ? 'output' : null].filter(Boolean).join(' and ');
    throw badInput(`${name}: cannot find the ${missing} field among: ${fields.slice(0, 30).join(', ')}; give a mapping (--mapping file.json with {"fields": {"input": "...", "output": "..."}})`);
  }
  return m;
}

function detectCsv(spec: ParsedImportSpec, ext: string, text: string, name: string, compressed: boolean): Detection {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = spec.csv?.delimiter ?? (ext === '.tsv' ? '\t' : sniffDelimiter(firstLine));
  const cells = splitSimple(firstLine, delimiter);
  const header = spec.csv?.header ?? !cells.some((c) => /^\s*[+-]?(\d+\.?\d*|\.\d+)\s*$/.test(c));
  const names = header ? cells.map((c) => c.trim()) : cells.map((_, i) => `column_${i + 1}`);
  const mapped = inferMapping(names);
  const kind: ImportKind = spec.kind ?? (spec.mapping || (mapped.fields.input && mapped.fields.output) ? 'logs' : 'dataset');
  const mapping = kind === 'logs' ? resolveMapping(spec.mapping, names, name) : null;
  const reason = kind === 'logs'
    ? `CSV with input/output columns (${mapping!.fields.input}, ${mapping!.fields.output}): read as log records`
    : `CSV table${header ? '' : ' without a header row'} (delimiter ${JSON.stringify(delimiter)}): read as a tabular dataset`;
  return {
    spec: { kind, format: 'csv', container: 'csv', mapping, csv: { delimiter, header }, columns: null, chunking: null },
    columnEdits: spec.columns, compressed, reason, fieldsSeen: names, json: { streamKeys: [], whole: false },
  };
}

function sniffDelimiter(line: string): string {
  let best = ',';
  let bestCount = 0;
  for (const d of [',', ';', '\t', '|']) {
    const n = splitSimple(line, d).length - 1;
    if (n > bestCount) { best = d; bestCount = n; }
  }
  return best;
}

/** Splits one line on a delimiter outside double quotes (enough for sniffing the header). */
function splitSimple(line: string, d: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === d && !quoted) { out.push(cur); cur = ''; }
    else cur += ch;
  }
  out.push(cur);
  return out;
}
