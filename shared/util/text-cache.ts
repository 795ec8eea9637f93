/**
 * Work derived from a text alone (a context's sentences, an analyzer's verdict on it), kept for texts that come
 * back: a RAG system retrieves the same chunks for many questions, so record contexts and KB chunks recur across
 * records. Bounded by texts and by characters (derived values such as tokens take many times the memory of their
 * text); cleared whole when full, which costs one recomputation per text and keeps the hit path to one lookup.
 * Callers must not modify what `get` returns: it is shared by every record with the same text.
 */
export class TextCache<T> {
  private readonly values = new Map<string, T>();
  private chars = 0;

  constructor(private readonly maxTexts: number, private readonly maxChars: number) {}

  get(text: string, compute: (text: string) => T): T {
    const known = this.values.get(text);
    if (known !== undefined) return known;
    const value = compute(text);
    if (text.length > this.maxChars) return value;
    if (this.values.size >= this.maxTexts || this.chars + text.length > this.maxChars) {
      this.values.clear();
      this.chars = 0;
    }
    this.values.set(text, value);
    this.chars += text.length;
    return value;
  }
}
