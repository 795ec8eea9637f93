// Dense features tried in the leave-one-source-out harness but not shipped (toxicity README, "Tried and not
// shipped"): concept similarities (concept-features.ts) and generic claims about groups
// (generic-claim-features.ts), appended after the shipped dense features. Blocks are named so that a harness
// variant can leave some out.
import { CONCEPT_DIM, CONCEPT_PARTS, conceptFeaturesInto } from './concept-features';
import { CLAIM_DIM, claimFeaturesInto } from './generic-claim-features';

/** Dense features appended after the shipped ones in training rows (train-model.ts). */
export interface ExtraDense {
  dim: number;
  into(words: readonly string[], out: Float32Array, offset: number): void;
}

/** [start, end) offsets of each block within the experiment features. */
export const EXPERIMENT_BLOCKS = {
  conceptsDirect: [CONCEPT_PARTS.direct[0], CONCEPT_PARTS.direct[1]],
  conceptsGroup: [CONCEPT_PARTS.group[0], CONCEPT_PARTS.group[1]],
  conceptsGated: [CONCEPT_PARTS.gated[0], CONCEPT_PARTS.gated[1]],
  claims: [CONCEPT_DIM, CONCEPT_DIM + CLAIM_DIM],
} as const satisfies Record<string, readonly [number, number]>;
export type ExperimentBlock = keyof typeof EXPERIMENT_BLOCKS;

export const EXPERIMENT_FEATURES: ExtraDense = {
  dim: CONCEPT_DIM + CLAIM_DIM,
  into(words, out, offset) {
    conceptFeaturesInto(words, out, offset);
    claimFeaturesInto(words, out, offset + CONCEPT_DIM);
  },
};
