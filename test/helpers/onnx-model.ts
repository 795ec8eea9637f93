import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Writes tiny ONNX models for tests, so the ONNX embedding path runs without downloading a model. A minimal
 * protobuf writer covers the few ModelProto fields these graphs need (onnx.proto field numbers noted inline).
 */

class ProtoWriter {
  private readonly parts: number[] = [];

  private varint(value: number | bigint): void {
    let v = BigInt.asUintN(64, BigInt(value));
    while (v >= 0x80n) {
      this.parts.push(Number(v & 0x7fn) | 0x80);
      v >>= 7n;
    }
    this.parts.push(Number(v));
  }

  int(field: number, value: number): this {
    this.varint(field << 3);
    this.varint(value);
    return this;
  }

  bytes(field: number, value: Uint8Array): this {
    this.varint((field << 3) | 2);
    this.varint(value.length);
    for (const b of value) this.parts.push(b);
    return this;
  }

  string(field: number, value: string): this {
    return this.bytes(field, new TextEncoder().encode(value));
  }

  message(field: number, build: (w: ProtoWriter) => void): this {
    const inner = new ProtoWriter();
    build(inner);
    return this.bytes(field, inner.finish());
  }

  finish(): Uint8Array {
    return Uint8Array.from(this.parts);
  }
}

const FLOAT = 1;
const INT64 = 7;
const ATTR_INTS = 7;
const ATTR_INT = 2;

/** A dimension is a fixed size or a symbolic name (TensorShapeProto.Dimension: 1 dim_value, 2 dim_param). */
type Dim = number | string;

// ValueInfoProto: 1 name, 2 type -> TypeProto 1 tensor_type -> 1 elem_type, 2 shape -> 1 dim.
function valueInfo(w: ProtoWriter, name: string, elemType: number, dims: Dim[]): void {
  w.string(1, name).message(2, (t) => t.message(1, (tt) => {
    tt.int(1, elemType).message(2, (s) => {
      for (const d of dims) s.message(1, (dim) => (typeof d === 'number' ? dim.int(1, d) : dim.string(2, d)));
    });
  }));
}

export interface TinyEmbeddingModel {
  /** Row i is the vector of token id i. */
  table: number[][];
  /** Also declare a token_type_ids input (the graph ignores it). */
  tokenTypeIds?: boolean;
  /**
   * Pool inside the graph: ReduceMean over the sequence gives a 2-D `sentence_embedding` [batch, dim]
   * (the mean over every position, padding included) instead of `last_hidden_state` [batch, seq, dim].
   */
  pooled?: boolean;
}

/**
 * A ModelProto (IR 8, opset 13) whose graph looks each input id up in an embedding table: inputs input_ids and
 * attention_mask [batch, seq] int64, initializer `emb` FLOAT [vocab, dim], one Gather node -> last_hidden_state.
 */
export function tinyEmbeddingModel(spec: TinyEmbeddingModel): Uint8Array {
  const vocab = spec.table.length;
  const dim = spec.table[0]?.length ?? 0;
  const raw = new Uint8Array(vocab * dim * 4);
  const view = new DataView(raw.buffer);
  spec.table.forEach((row, i) => row.forEach((x, j) => view.setFloat32((i * dim + j) * 4, x, true)));
  const hidden = spec.pooled ? 'hidden' : 'last_hidden_state';
  const model = new ProtoWriter()
    .int(1, 8) // ir_version
    .string(2, 'assay-test') // producer_name
    .message(7, (g) => { // graph
      // NodeProto: 1 input, 2 output, 3 name, 4 op_type, 5 attribute.
      g.message(1, (n) => n.string(1, 'emb').string(1, 'input_ids').string(2, hidden).string(3, 'lookup').string(4, 'Gather'));
      if (spec.pooled) {
        // AttributeProto: 1 name, 3 i, 8 ints, 20 type.
        g.message(1, (n) => n.string(1, hidden).string(2, 'sentence_embedding').string(3, 'pool').string(4, 'ReduceMean')
          .message(5, (a) => a.string(1, 'axes').int(8, 1).int(20, ATTR_INTS))
          .message(5, (a) => a.string(1, 'keepdims').int(3, 0).int(20, ATTR_INT)));
      }
      g.string(2, 'tiny-embedding');
      // TensorProto: 1 dims, 2 data_type, 8 name, 9 raw_data.
      g.message(5, (t) => t.int(1, vocab).int(1, dim).int(2, FLOAT).string(8, 'emb').bytes(9, raw));
      g.message(11, (v) => valueInfo(v, 'input_ids', INT64, ['batch', 'sequence']));
      g.message(11, (v) => valueInfo(v, 'attention_mask', INT64, ['batch', 'sequence']));
      if (spec.tokenTypeIds) g.message(11, (v) => valueInfo(v, 'token_type_ids', INT64, ['batch', 'sequence']));
      if (spec.pooled) g.message(12, (v) => valueInfo(v, 'sentence_embedding', FLOAT, ['batch', dim]));
      else g.message(12, (v) => valueInfo(v, 'last_hidden_state', FLOAT, ['batch', 'sequence', dim]));
    })
    .message(8, (o) => o.string(1, '').int(2, 13)); // opset_import: domain, version
  return model.finish();
}

/** The vocabulary of the test model folders (id = position). */
export const TINY_VOCAB = [
  '[PAD]', '[UNK]', '[CLS]', '[SEP]', 'the', 'cat', 'sat', 'on', 'mat', '##s', 'un', '##able', '##ly', '.', ',', '!',
  'cafe', 'hello', 'world', 'dog', 'ran', 'fast', '中', '文', 'refund', 'policy', 'days', 'return', 'within', '30',
];

/** A fixed, easily recomputed vector per token id (4 dims, not normalized). */
export function tinyTable(vocabSize = TINY_VOCAB.length, dim = 4): number[][] {
  return Array.from({ length: vocabSize }, (_, i) => Array.from({ length: dim }, (_, d) => Math.sin(i * 1.3 + d * 0.7) + (d === i % dim ? 1 : 0)));
}

export interface TinyFolderOptions {
  /** Which tokenizer files to write (default: tokenizer.json only). */
  tokenizer?: 'json' | 'vocab' | 'both';
  /** Write the model under onnx/model.onnx instead of model.onnx. */
  nested?: boolean;
  pooled?: boolean;
  tokenTypeIds?: boolean;
  lowercase?: boolean;
  maxLength?: number;
}

/** Files of a model folder laid out as sentence-transformers' ONNX export does it. */
export function tinyModelFolderFiles(options: TinyFolderOptions = {}): Record<string, string | Uint8Array> {
  const files: Record<string, string | Uint8Array> = {};
  const kind = options.tokenizer ?? 'json';
  const lowercase = options.lowercase ?? true;
  files[options.nested ? 'onnx/model.onnx' : 'model.onnx'] = tinyEmbeddingModel({ table: tinyTable(), pooled: options.pooled, tokenTypeIds: options.tokenTypeIds });
  if (kind !== 'json') files['vocab.txt'] = `${TINY_VOCAB.join('\n')}\n`;
  if (kind !== 'vocab') {
    files['tokenizer.json'] = JSON.stringify({
      version: '1.0', truncation: null, padding: null,
      normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase },
      pre_tokenizer: { type: 'BertPreTokenizer' },
      model: { type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##', max_input_chars_per_word: 100, vocab: Object.fromEntries(TINY_VOCAB.map((t, i) => [t, i])) },
    });
  }
  files['tokenizer_config.json'] = JSON.stringify({ do_lower_case: lowercase, model_max_length: options.maxLength ?? 512 });
  files['config.json'] = JSON.stringify({ model_type: 'bert', hidden_size: 4, max_position_embeddings: 512 });
  return files;
}

/** The normalized mean of the table rows of the given token ids: what the model folder should embed. */
export function expectedEmbedding(ids: readonly number[], table = tinyTable()): number[] {
  const dim = table[0]!.length;
  const v = new Array<number>(dim).fill(0);
  for (const id of ids) for (let d = 0; d < dim; d++) v[d]! += table[id]![d]! / ids.length;
  const norm = Math.hypot(...v);
  return v.map((x) => x / norm);
}

/** Token ids of words from TINY_VOCAB, with [CLS] and [SEP] around them. */
export function tinyIds(...tokens: string[]): number[] {
  return [2, ...tokens.map((t) => {
    const id = TINY_VOCAB.indexOf(t);
    if (id < 0) throw new Error(`"${t}" is not in the test vocabulary`);
    return id;
  }), 3];
}

/** Writes a tiny model folder into `dir` (created if needed); returns `dir`. */
export function writeTinyModelFolder(dir: string, options: TinyFolderOptions = {}): string {
  for (const [name, content] of Object.entries(tinyModelFolderFiles(options))) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return dir;
}

/**
 * A model folder whose vocabulary is every lowercase word of `texts` and whose token vectors are seeded random
 * directions (special tokens zero): its embedding of a text is the mean of its words' directions, so cosine
 * similarity follows word overlap and a search has a predictable best answer. `seed` changes every vector.
 */
export function writeWordModelFolder(dir: string, texts: readonly string[], options: { dim?: number; seed?: number } = {}): string {
  const dim = options.dim ?? 64;
  const words = [...new Set(texts.flatMap((t) => t.toLowerCase().match(/[a-z0-9]+/g) ?? []))].sort();
  const vocab = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', ...words];
  let s = (options.seed ?? 7) >>> 0;
  const rand = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296) - 0.5;
  const table = vocab.map((_, i) => Array.from({ length: dim }, () => (i < 4 ? 0 : rand())));
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'model.onnx'), tinyEmbeddingModel({ table, tokenTypeIds: true }));
  writeFileSync(path.join(dir, 'vocab.txt'), `${vocab.join('\n')}\n`);
  writeFileSync(path.join(dir, 'tokenizer_config.json'), JSON.stringify({ do_lower_case: true, model_max_length: 128 }));
  return dir;
}
