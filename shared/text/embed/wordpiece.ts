/**
 * BERT's tokenizer, as sentence-embedding models exported from sentence-transformers expect it: basic
 * tokenization (clean up, optional lowercasing and accent stripping, CJK characters and punctuation as tokens
 * of their own, whitespace splitting), then greedy longest-match-first WordPiece with a continuation prefix.
 * Matches the reference (HF BertTokenizer / tokenizers' BertNormalizer + BertPreTokenizer + WordPiece) on the
 * cases these models meet; a different tokenization would silently give different vectors.
 */

export interface WordPieceOptions {
  /** Token -> id. */
  vocab: ReadonlyMap<string, number>;
  lowercase: boolean;
  /** Strip accents (NFD, drop combining marks); BERT does this whenever it lowercases. */
  stripAccents: boolean;
  /** Put spaces around CJK ideographs so each becomes its own token. */
  splitCjk: boolean;
  /** Longest input a sequence may have, counting [CLS] and [SEP]. */
  maxLength: number;
  unkToken: string;
  clsToken: string;
  sepToken: string;
  padToken: string;
  continuingPrefix: string;
  /** Words longer than this many characters become the unknown token. */
  maxCharsPerWord: number;
}

export const WORDPIECE_DEFAULTS = {
  lowercase: true, stripAccents: true, splitCjk: true, maxLength: 256, unkToken: '[UNK]', clsToken: '[CLS]', sepToken: '[SEP]',
  padToken: '[PAD]', continuingPrefix: '##', maxCharsPerWord: 100,
} as const;

export interface Encoding {
  /** Token ids with [CLS] first and [SEP] last, truncated to maxLength. */
  ids: number[];
  /** How many of them come from the text (0: nothing to embed). */
  textTokens: number;
}

// Python's str.isspace for the characters BERT treats as whitespace: tab, newline, carriage return, Zs.
const WHITESPACE = /^[\t\n\r\p{Zs}]$/u;
// Other control and format characters (Unicode category C*) are dropped, as are NUL and U+FFFD.
const CONTROL = /^\p{C}$/u;
const PUNCT = /^\p{P}$/u;
const COMBINING_MARK = /\p{Mn}/gu;

function isCjk(cp: number): boolean {
  return (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x20000 && cp <= 0x2a6df)
    || (cp >= 0x2a700 && cp <= 0x2b73f) || (cp >= 0x2b740 && cp <= 0x2b81f) || (cp >= 0x2b820 && cp <= 0x2ceaf)
    || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x2f800 && cp <= 0x2fa1f);
}

/** BERT counts all non-letter, non-digit ASCII symbols ($, +, ^, `...) as punctuation, beyond Unicode's P*. */
function isPunctuation(ch: string, cp: number): boolean {
  return (cp >= 33 && cp <= 47) || (cp >= 58 && cp <= 64) || (cp >= 91 && cp <= 96) || (cp >= 123 && cp <= 126) || PUNCT.test(ch);
}

export class WordPieceTokenizer {
  readonly options: Readonly<WordPieceOptions>;
  private readonly ids: { unk: number; cls: number; sep: number; pad: number };

  constructor(options: WordPieceOptions) {
    const need = (token: string, role: string): number => {
      const id = options.vocab.get(token);
      if (id === undefined) throw new Error(`the vocabulary has no ${role} token "${token}"`);
      return id;
    };
    if (!Number.isInteger(options.maxLength) || options.maxLength < 3) throw new Error(`maximum length must be an integer of at least 3 (got ${options.maxLength})`);
    this.options = { ...options };
    this.ids = {
      unk: need(options.unkToken, 'unknown'), cls: need(options.clsToken, 'classification'), sep: need(options.sepToken, 'separator'),
      pad: options.vocab.get(options.padToken) ?? 0,
    };
  }

  get padId(): number {
    return this.ids.pad;
  }

  /** The words of a text after basic tokenization (before WordPiece). */
  basicTokens(text: string): string[] {
    const o = this.options;
    let cleaned = '';
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      if (WHITESPACE.test(ch)) cleaned += ' ';
      else if (cp === 0 || cp === 0xfffd || CONTROL.test(ch)) continue;
      else if (o.splitCjk && isCjk(cp)) cleaned += ` ${ch} `;
      else cleaned += ch;
    }
    const out: string[] = [];
    for (let word of cleaned.split(' ')) {
      if (word === '') continue;
      if (o.lowercase) word = word.toLowerCase();
      if (o.stripAccents) word = word.normalize('NFD').replace(COMBINING_MARK, '');
      let current = '';
      for (const ch of word) {
        if (isPunctuation(ch, ch.codePointAt(0)!)) {
          if (current) out.push(current);
          out.push(ch);
          current = '';
        } else {
          current += ch;
        }
      }
      if (current) out.push(current);
    }
    return out;
  }

  /** WordPiece pieces of one word: the longest vocabulary entry first, then "##" continuations; else [UNK]. */
  wordPieces(word: string): string[] {
    const o = this.options;
    const chars = Array.from(word);
    if (chars.length > o.maxCharsPerWord) return [o.unkToken];
    const pieces: string[] = [];
    let start = 0;
    while (start < chars.length) {
      let end = chars.length;
      let found: string | null = null;
      while (start < end) {
        const sub = (start > 0 ? o.continuingPrefix : '') + chars.slice(start, end).join('');
        if (o.vocab.has(sub)) {
          found = sub;
          break;
        }
        end--;
      }
      if (found === null) return [o.unkToken];
      pieces.push(found);
      start = end;
    }
    return pieces;
  }

  /** The pieces of a whole text, without special tokens or truncation. */
  tokenize(text: string): string[] {
    return this.basicTokens(text).flatMap((w) => this.wordPieces(w));
  }

  /** [CLS] pieces [SEP] as ids, the pieces cut so the whole fits maxLength. */
  encode(text: string): Encoding {
    const room = this.options.maxLength - 2;
    const ids = [this.ids.cls];
    for (const word of this.basicTokens(text)) {
      for (const piece of this.wordPieces(word)) {
        if (ids.length > room) break;
        ids.push(this.options.vocab.get(piece) ?? this.ids.unk);
      }
      if (ids.length > room) break;
    }
    const textTokens = ids.length - 1;
    ids.push(this.ids.sep);
    return { ids, textTokens };
  }
}
