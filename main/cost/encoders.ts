// The exact OpenAI tokenizers, loaded on first use: their vocabularies are megabytes that most commands never need.
import type { Encoder, TokenEncoding } from '../../shared/cost/token-count';

const loaded: Partial<Record<TokenEncoding, Encoder>> = {};

export async function loadEncoders(needed: Iterable<TokenEncoding>): Promise<Partial<Record<TokenEncoding, Encoder>>> {
  for (const enc of new Set(needed)) {
    if (loaded[enc]) continue;
    const mod = enc === 'o200k_base' ? await import('gpt-tokenizer/encoding/o200k_base') : await import('gpt-tokenizer/encoding/cl100k_base');
    loaded[enc] = (text: string) => mod.countTokens(text);
  }
  return loaded;
}
