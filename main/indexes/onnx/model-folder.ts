import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { wordPieceOptionsFrom, type TokenizerChoice, type TokenizerFiles } from '../../../shared/text/embed/wordpiece-config';
import { WordPieceTokenizer } from '../../../shared/text/embed/wordpiece';
import { poolingFromConfig, type TokenPooling } from '../../../shared/text/embed/onnx-folder-spec';

/** Where sentence-transformers' ONNX exports put the model, in the order they are looked for. */
export const MODEL_FILES = ['model.onnx', 'onnx/model.onnx'] as const;

/** Files that shape tokenization; each one present is read and hashed into the tokenizer's fingerprint. */
const TOKENIZER_FILES: Record<keyof TokenizerFiles, string> = {
  tokenizerJson: 'tokenizer.json', vocabTxt: 'vocab.txt', tokenizerConfig: 'tokenizer_config.json',
  sentenceConfig: 'sentence_bert_config.json', modelConfig: 'config.json',
};

const MAX_TOKENIZER_BYTES = 64 * 1024 * 1024;

/** A model folder that cannot be used; the message names the folder and what is wrong with it. */
export class ModelFolderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModelFolderError';
  }
}

export interface ModelFolder {
  dir: string;
  /** Absolute path of the model file. */
  modelPath: string;
  /** The model file relative to the folder (recorded with the index). */
  modelFile: string;
  tokenizer: WordPieceTokenizer;
  tokenizerSha256: string;
  /** The token pooling the export declares (1_Pooling/config.json); mean when it declares none. */
  pooling: TokenPooling;
}

/** sentence-transformers writes its pooling choice here; models meant for CLS pooling (bge, e5) say so in it. */
const POOLING_CONFIG = path.join('1_Pooling', 'config.json');

function readPooling(dir: string): TokenPooling {
  const file = path.join(dir, POOLING_CONFIG);
  if (!existsSync(file)) return 'mean';
  try {
    return poolingFromConfig(JSON.parse(readFileSync(file, 'utf8'))) ?? 'mean';
  } catch (err) {
    throw new ModelFolderError(`model folder ${dir}: ${POOLING_CONFIG} is not valid JSON (${(err as Error).message})`);
  }
}

export function sha256File(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** The model file of a folder, or an error naming the folder and the files looked for. */
export function findModelFile(dir: string): { modelPath: string; modelFile: string } {
  if (!existsSync(dir)) throw new ModelFolderError(`model folder ${dir} does not exist`);
  if (!statSync(dir).isDirectory()) throw new ModelFolderError(`model folder ${dir} is not a folder`);
  for (const modelFile of MODEL_FILES) {
    const modelPath = path.join(dir, modelFile);
    if (existsSync(modelPath) && statSync(modelPath).isFile()) return { modelPath, modelFile };
  }
  throw new ModelFolderError(`model folder ${dir} has no ${MODEL_FILES.join(' or ')} (an ONNX export of a sentence-embedding model)`);
}

/**
 * Reads a model folder's tokenizer and finds its model file (not read here: the runtime reads and hashes it).
 * Synchronous and cheap, so a build or query can refuse a bad folder before starting any worker.
 */
export function readModelFolder(dirIn: string, choice: TokenizerChoice = {}): ModelFolder {
  const dir = path.resolve(dirIn);
  const { modelPath, modelFile } = findModelFile(dir);
  const files: TokenizerFiles = {};
  const hash = createHash('sha256');
  for (const [key, name] of Object.entries(TOKENIZER_FILES) as [keyof TokenizerFiles, string][]) {
    const file = path.join(dir, name);
    if (!existsSync(file)) continue;
    const size = statSync(file).size;
    if (size > MAX_TOKENIZER_BYTES) throw new ModelFolderError(`model folder ${dir}: ${name} is ${size} bytes, too large for a tokenizer file`);
    const text = readFileSync(file, 'utf8');
    files[key] = text;
    hash.update(`${name}\0${Buffer.byteLength(text)}\0`).update(text);
  }
  if (files.tokenizerJson === undefined && files.vocabTxt === undefined) {
    throw new ModelFolderError(`model folder ${dir} has no tokenizer.json or vocab.txt (the tokenizer that goes with ${modelFile})`);
  }
  let tokenizer: WordPieceTokenizer;
  try {
    tokenizer = new WordPieceTokenizer(wordPieceOptionsFrom(files, choice));
  } catch (err) {
    throw new ModelFolderError(`model folder ${dir}: ${(err as Error).message}`);
  }
  return { dir, modelPath, modelFile, tokenizer, tokenizerSha256: hash.digest('hex'), pooling: readPooling(dir) };
}
