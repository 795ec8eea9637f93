// Token counts where logs lack usage. OpenAI model families have exact offline tokenizers (gpt-tokenizer ships
// the o200k and cl100k vocabularies); for every other family (Claude 3+, Llama, Gemini, ...) there is no exact
// offline tokenizer here, so the count is estimated at 4 characters per token and marked as an estimate.

export type TokenEncoding = 'o200k_base' | 'cl100k_base';

export interface TokenCount {
  tokens: number;
  exact: boolean;
  /** The encoding used, or 'chars/4' for an estimate. */
  method: TokenEncoding | 'chars/4';
}

/** The OpenAI encoding a model name uses, or null when no exact offline tokenizer is known for it. */
export function encodingFor(model: string | null): TokenEncoding | null {
  if (!model) return null;
  const m = model.toLowerCase().replace(/^openai\//, '');
  if (/^(gpt-4o|gpt-4\.1|gpt-4\.5|gpt-5|o1|o3|o4|chatgpt-4o)/.test(m)) return 'o200k_base';
  if (/^(gpt-4|gpt-3\.5|gpt-35|text-embedding-3|text-embedding-ada-002)/.test(m)) return 'cl100k_base';
  return null;
}

export function estimateTokens(text: string): TokenCount {
  return { tokens: Math.max(text.length > 0 ? 1 : 0, Math.round(text.length / 4)), exact: false, method: 'chars/4' };
}

export type Encoder = (text: string) => number;

/** Counts with the model's exact encoder when `encoders` has it, else estimates. */
export function countTokens(text: string, model: string | null, encoders: Partial<Record<TokenEncoding, Encoder>>): TokenCount {
  const enc = encodingFor(model);
  const encode = enc ? encoders[enc] : undefined;
  if (enc && encode) return { tokens: encode(text), exact: true, method: enc };
  return estimateTokens(text);
}
