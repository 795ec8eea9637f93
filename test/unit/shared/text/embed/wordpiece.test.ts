import { describe, expect, it } from 'vitest';
import { WORDPIECE_DEFAULTS, WordPieceTokenizer, type WordPieceOptions } from '../../../../../shared/text/embed/wordpiece';
import { wordPieceOptionsFrom } from '../../../../../shared/text/embed/wordpiece-config';

const VOCAB = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', 'the', 'cat', 'un', '##aff', '##able', 'cafe', 'café', 'hello', '!', ',', '.', "'", 's', 'don', 't',
  '中', '文', '$', '5', 'run', '##ning', 'Hello'];

function tokenizer(overrides: Partial<WordPieceOptions> = {}): WordPieceTokenizer {
  return new WordPieceTokenizer({ ...WORDPIECE_DEFAULTS, vocab: new Map(VOCAB.map((t, i) => [t, i])), ...overrides });
}

describe('WordPiece tokenizer (BERT)', () => {
  it('lowercases and strips accents when asked', () => {
    expect(tokenizer().tokenize('The CAFÉ')).toEqual(['the', 'cafe']);
    expect(tokenizer({ lowercase: false, stripAccents: false }).tokenize('Hello café')).toEqual(['Hello', 'café']);
    // Accents can be kept while lowercasing (strip_accents: false in the tokenizer files).
    expect(tokenizer({ stripAccents: false }).tokenize('CAFÉ')).toEqual(['café']);
  });

  it('splits punctuation and ASCII symbols into tokens of their own', () => {
    expect(tokenizer().tokenize("hello, the cat's!")).toEqual(['hello', ',', 'the', 'cat', "'", 's', '!']);
    expect(tokenizer().tokenize("don't $5.")).toEqual(['don', "'", 't', '$', '5', '.']);
  });

  it('makes each CJK character a token and cleans control characters and odd whitespace', () => {
    expect(tokenizer().tokenize('中文the')).toEqual(['中', '文', 'the']);
    expect(tokenizer().tokenize('the\u0000\u200b\tcat\u00a0\u3000hello')).toEqual(['the', 'cat', 'hello']);
  });

  it('takes the longest piece first and continues with ## pieces', () => {
    expect(tokenizer().tokenize('unaffable running')).toEqual(['un', '##aff', '##able', 'run', '##ning']);
  });

  it('maps a word it cannot piece together, or one over 100 characters, to [UNK] as a whole', () => {
    expect(tokenizer().tokenize('unxable the')).toEqual(['[UNK]', 'the']);
    // 98 characters still piece together; 102 are over the 100-character limit.
    expect(tokenizer().tokenize(`un${'able'.repeat(24)}`)).toEqual(['un', ...new Array<string>(24).fill('##able')]);
    expect(tokenizer().tokenize(`un${'able'.repeat(25)}`)).toEqual(['[UNK]']);
  });

  it('wraps ids in [CLS] ... [SEP] and truncates to the maximum length', () => {
    const t = tokenizer({ maxLength: 5 });
    expect(t.encode('the cat')).toEqual({ ids: [2, 4, 5, 3], textTokens: 2 });
    expect(t.encode('the cat the cat the cat')).toEqual({ ids: [2, 4, 5, 4, 3], textTokens: 3 });
    expect(t.encode('unaffable cat')).toEqual({ ids: [2, 6, 7, 8, 3], textTokens: 3 });
    expect(t.encode('  \n')).toEqual({ ids: [2, 3], textTokens: 0 });
  });

  it('refuses a vocabulary without the special tokens', () => {
    expect(() => new WordPieceTokenizer({ ...WORDPIECE_DEFAULTS, vocab: new Map([['the', 0]]) })).toThrow(/no unknown token "\[UNK\]"/);
  });
});

describe('tokenizer files', () => {
  const vocabTxt = `${VOCAB.join('\n')}\n`;
  const json = (normalizer: object, extra: object = {}) => JSON.stringify({
    normalizer, model: { type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##', max_input_chars_per_word: 100, vocab: Object.fromEntries(VOCAB.map((t, i) => [t, i])) }, ...extra,
  });

  it('reads vocab.txt with tokenizer_config.json (do_lower_case, model_max_length)', () => {
    const o = wordPieceOptionsFrom({ vocabTxt, tokenizerConfig: JSON.stringify({ do_lower_case: false, model_max_length: 128 }) });
    expect(o.vocab.get('cat')).toBe(5);
    expect(o.lowercase).toBe(false);
    expect(o.stripAccents).toBe(false);
    expect(o.maxLength).toBe(128);
  });

  it('prefers sentence_bert_config max_seq_length, caps at 512 and ignores the "no limit" placeholder', () => {
    expect(wordPieceOptionsFrom({ vocabTxt, sentenceConfig: '{"max_seq_length": 256}', tokenizerConfig: '{"model_max_length": 512}' }).maxLength).toBe(256);
    expect(wordPieceOptionsFrom({ vocabTxt, tokenizerConfig: '{"model_max_length": 1e30}' }).maxLength).toBe(256);
    expect(wordPieceOptionsFrom({ vocabTxt }, { maxLength: 4096 }).maxLength).toBe(512);
  });

  it('reads the BertNormalizer flags and vocabulary of tokenizer.json', () => {
    const o = wordPieceOptionsFrom({ tokenizerJson: json({ type: 'BertNormalizer', lowercase: true, strip_accents: false, handle_chinese_chars: true }) });
    expect(o.lowercase).toBe(true);
    expect(o.stripAccents).toBe(false);
    expect(new WordPieceTokenizer(o).tokenize('CAFÉ Cat')).toEqual(['café', 'cat']);
  });

  it('names what is wrong with the files', () => {
    expect(() => wordPieceOptionsFrom({})).toThrow(/tokenizer\.json or vocab\.txt/);
    expect(() => wordPieceOptionsFrom({ tokenizerJson: '{' })).toThrow(/tokenizer\.json is not valid JSON/);
    expect(() => wordPieceOptionsFrom({ tokenizerJson: JSON.stringify({ model: { type: 'Unigram', vocab: [] } }) })).toThrow(/Unigram; only WordPiece/);
    expect(() => wordPieceOptionsFrom({ vocabTxt, tokenizerConfig: '[1]' })).toThrow(/tokenizer_config\.json must hold a JSON object/);
  });
});
