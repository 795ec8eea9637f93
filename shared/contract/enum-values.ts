// The values of the contract's small enums as plain constants. The zod schemas are built from them, and the CLI
// lists them in its option help without loading zod (which costs a command's start-up most of its time).

export const RECORD_FLAGS = ['hallucination', 'toxic', 'injection', 'pii', 'any', 'unscored'] as const;
export const RECORD_SORT_COLUMNS = ['id', 'timestamp', 'model', 'promptVersion', 'tokensIn', 'tokensOut', 'latencyMs', 'cost',
  'grounding', 'toxicity', 'injection', 'pii'] as const;
export const COMPARE_AXES = ['model', 'model_version', 'prompt_version', 'asset', 'kb_version'] as const;
export const CORRECTION_METHODS = ['holm', 'bh', 'none'] as const;
