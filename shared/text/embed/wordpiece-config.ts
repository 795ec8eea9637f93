/**
 * Reads a BERT-style tokenizer as a model folder ships it (HF tokenizers' tokenizer.json and/or vocab.txt, with
 * tokenizer_config.json and sentence_bert_config.json when present) into WordPiece options. Takes file contents,
 * not paths, so it stays pure; every problem names the file it comes from.
 */
import { WORDPIECE_DEFAULTS, type WordPieceOptions } from './wordpiece';

/** Longest sequence a BERT position table holds; longer settings are capped here. */
export const MAX_SEQUENCE = 512;

export interface TokenizerFiles {
  /** tokenizer.json (HF tokenizers). */
  tokenizerJson?: string;
  /** vocab.txt, one token per line (id = line number from 0). */
  vocabTxt?: string;
  tokenizerConfig?: string;
  /** sentence-transformers' sentence_bert_config.json (max_seq_length, do_lower_case). */
  sentenceConfig?: string;
  /** config.json of the model (max_position_embeddings caps the length). */
  modelConfig?: string;
}

export interface TokenizerChoice {
  /** Truncate to this many tokens instead of what the files say. */
  maxLength?: number;
}

type Json = Record<string, unknown>;

function parseObject(text: string | undefined, file: string): Json | undefined {
  if (text === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new Error(`${file} is not valid JSON (${(err as Error).message})`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error(`${file} must hold a JSON object`);
  return value as Json;
}

const asObject = (v: unknown): Json | undefined => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined);
const asBool = (v: unknown): boolean | undefined => (typeof v === 'boolean' ? v : undefined);
const asString = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
/** A special token as tokenizer_config.json writes it: a string, or an AddedToken object with `content`. */
const asToken = (v: unknown): string | undefined => asString(v) ?? asString(asObject(v)?.content);
/** A usable length; tokenizer_config's "no limit" placeholder (1e30) and junk read as absent. */
const asLength = (v: unknown): number | undefined => (typeof v === 'number' && Number.isInteger(v) && v >= 3 && v <= 1_000_000 ? v : undefined);

function vocabFromJson(model: Json): Map<string, number> {
  const vocab = asObject(model.vocab);
  if (!vocab) throw new Error('tokenizer.json: model.vocab is missing');
  const out = new Map<string, number>();
  for (const [token, id] of Object.entries(vocab)) {
    if (typeof id !== 'number' || !Number.isInteger(id) || id < 0) throw new Error(`tokenizer.json: vocabulary id of "${token}" is not a non-negative integer`);
    out.set(token, id);
  }
  return out;
}

function vocabFromTxt(text: string): Map<string, number> {
  const out = new Map<string, number>();
  text.replace(/^\uFEFF/, '').split(/\r?\n/).forEach((line, i, all) => {
    if (line === '' && i === all.length - 1) return;
    if (!out.has(line)) out.set(line, i);
  });
  return out;
}

/** The normalizer's flags: BertNormalizer directly, or inside a Sequence. */
function normalizerFlags(normalizer: Json | undefined): { lowercase?: boolean; stripAccents?: boolean; splitCjk?: boolean } {
  if (!normalizer) return {};
  if (normalizer.type === 'Sequence' && Array.isArray(normalizer.normalizers)) {
    const flags: { lowercase?: boolean; stripAccents?: boolean; splitCjk?: boolean } = {};
    for (const n of normalizer.normalizers) {
      const o = asObject(n);
      if (o?.type === 'BertNormalizer') Object.assign(flags, normalizerFlags(o));
      if (o?.type === 'Lowercase') flags.lowercase = true;
      if (o?.type === 'StripAccents') flags.stripAccents = true;
    }
    return flags;
  }
  if (normalizer.type !== 'BertNormalizer') return {};
  return { lowercase: asBool(normalizer.lowercase), stripAccents: asBool(normalizer.strip_accents), splitCjk: asBool(normalizer.handle_chinese_chars) };
}

/** WordPiece options from a folder's tokenizer files; tokenizer.json wins over vocab.txt when both exist. */
export function wordPieceOptionsFrom(files: TokenizerFiles, choice: TokenizerChoice = {}): WordPieceOptions {
  const tj = parseObject(files.tokenizerJson, 'tokenizer.json');
  const tc = parseObject(files.tokenizerConfig, 'tokenizer_config.json') ?? {};
  const sc = parseObject(files.sentenceConfig, 'sentence_bert_config.json') ?? {};
  const mc = parseObject(files.modelConfig, 'config.json') ?? {};
  let vocab: Map<string, number>;
  let unkToken: string = asToken(tc.unk_token) ?? WORDPIECE_DEFAULTS.unkToken;
  let continuingPrefix: string = WORDPIECE_DEFAULTS.continuingPrefix;
  let maxCharsPerWord: number = WORDPIECE_DEFAULTS.maxCharsPerWord;
  let flags: ReturnType<typeof normalizerFlags> = {};
  let truncation: number | undefined;
  if (tj) {
    const model = asObject(tj.model);
    if (!model) throw new Error('tokenizer.json: "model" is missing');
    if (model.type !== 'WordPiece') {
      throw new Error(`tokenizer.json: the tokenizer is ${String(model.type)}; only WordPiece (BERT-style) tokenizers are supported`);
    }
    vocab = vocabFromJson(model);
    unkToken = asString(model.unk_token) ?? unkToken;
    continuingPrefix = asString(model.continuing_subword_prefix) ?? continuingPrefix;
    maxCharsPerWord = asLength(model.max_input_chars_per_word) ?? maxCharsPerWord;
    flags = normalizerFlags(asObject(tj.normalizer));
    truncation = asLength(asObject(tj.truncation)?.max_length);
  } else if (files.vocabTxt !== undefined) {
    vocab = vocabFromTxt(files.vocabTxt);
  } else {
    throw new Error('no tokenizer: the folder needs tokenizer.json or vocab.txt');
  }
  if (vocab.size === 0) throw new Error(`${tj ? 'tokenizer.json' : 'vocab.txt'}: the vocabulary is empty`);
  const lowercase = flags.lowercase ?? asBool(tc.do_lower_case) ?? WORDPIECE_DEFAULTS.lowercase;
  // As in BERT: strip_accents unset (null) follows lowercase.
  const stripAccents = flags.stripAccents ?? asBool(tc.strip_accents) ?? lowercase;
  const splitCjk = flags.splitCjk ?? asBool(tc.tokenize_chinese_chars) ?? WORDPIECE_DEFAULTS.splitCjk;
  const positions = asLength(mc.max_position_embeddings) ?? MAX_SEQUENCE;
  const wanted = choice.maxLength ?? asLength(sc.max_seq_length) ?? truncation ?? asLength(tc.model_max_length) ?? WORDPIECE_DEFAULTS.maxLength;
  const maxLength = Math.min(wanted, positions, MAX_SEQUENCE);
  return {
    vocab, lowercase, stripAccents, splitCjk, maxLength, unkToken, continuingPrefix, maxCharsPerWord,
    clsToken: asToken(tc.cls_token) ?? WORDPIECE_DEFAULTS.clsToken, sepToken: asToken(tc.sep_token) ?? WORDPIECE_DEFAULTS.sepToken,
    padToken: asToken(tc.pad_token) ?? WORDPIECE_DEFAULTS.padToken,
  };
}
