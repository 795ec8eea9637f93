// The registry's analyzer ids without loading the analyzers (their lexicons and weights), for help texts and
// option checks; a unit test keeps this list equal to the registry's.
export const ANALYZER_IDS = ['grounding', 'toxicity', 'pii', 'injection'] as const;
export type AnalyzerId = (typeof ANALYZER_IDS)[number];
