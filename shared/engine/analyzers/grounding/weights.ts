// Placeholder until scripts/train-grounding.ts writes the fitted weights.
export const groundingModel = {
  bias: -2,
  weights: {
    coverage: 3, localCoverage: 1, pairCoverage: 1, similarity: 1, entityMiss: -2, numberMiss: -2,
    negationMismatch: -2, antonymConflict: -2, novelty: -1,
  },
} as const;
