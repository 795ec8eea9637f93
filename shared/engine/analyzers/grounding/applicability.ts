/**
 * Whether an answer states anything grounding can judge. Agent tool calls and empty outputs make no factual
 * claim: scoring them against a context or a KB can only produce a meaningless 0, and an auditor reads a 0 as a
 * hallucination. They are "not applicable" (grounding null) with the reason shown beside the record.
 */

/** Why grounding does not apply to a record; shown to the user and stored in the finding's details. */
export type NotApplicable = 'empty-output' | 'tool-calls' | 'no-claims' | 'no-evidence';

export const NOT_APPLICABLE_TEXT: Record<NotApplicable, string> = {
  'empty-output': 'Not applicable: the answer is empty.',
  'tool-calls': 'Not applicable: the answer only calls tools; it states no fact to check.',
  'no-claims': 'Not applicable: the answer makes no factual claim (only a refusal, greetings, thanks, offers of help or questions).',
  'no-evidence': 'Not applicable: the record has no contexts and no knowledge base was used for it (bind a KB to its asset to ground such records).',
};

// One call per line as agent traces render them ("[tool call] get_weather({...})", "tool_call: f(...)"), or a
// bare JSON function-call object ({"name": ..., "arguments": ...}).
const TOOL_CALL_LINE = /^\s*(?:\[(?:tool[ _-]?call|function[ _-]?call)\]|(?:tool[ _-]?call|function[ _-]?call)s?:)\s*[\w.$:-]+\s*\(.*\)\s*$/iu;
const JSON_CALL = /^\s*\{\s*"(?:name|function|tool)"\s*:\s*"[^"]+"\s*,\s*"(?:arguments|args|parameters|input)"\s*:/u;

/** True for a line that is an agent's tool invocation rather than prose. */
export function isToolCallLine(line: string): boolean {
  return TOOL_CALL_LINE.test(line) || JSON_CALL.test(line);
}

/**
 * The output with tool-call lines blanked (same length, so claim offsets still point into the original), and
 * whether anything else is left.
 */
export function maskToolCalls(output: string): { text: string; calls: number; prose: boolean } {
  let calls = 0;
  const text = output.replace(/[^\n]+/gu, (line) => {
    if (!isToolCallLine(line)) return line;
    calls++;
    return ' '.repeat(line.length);
  });
  return { text, calls, prose: /[\p{L}\p{N}]/u.test(text) };
}

/** The reason grounding does not apply to this output before any claim is read, or null when it may. */
export function outputNotApplicable(output: string): NotApplicable | null {
  if (!/[\p{L}\p{N}]/u.test(output)) return 'empty-output';
  const masked = maskToolCalls(output);
  return masked.calls > 0 && !masked.prose ? 'tool-calls' : null;
}
