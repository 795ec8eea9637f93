// What the shipped grounding weights and threshold were fitted on, for labelling eval rows in-sample or
// out-of-source; scripts/train-grounding.ts fits on exactly these families.
import type { TaskFamily } from './grounding-sources';

export const SHIPPED_FAMILIES: readonly TaskFamily[] = ['qa', 'dialogue', 'long-form-qa', 'summaries'];

/** A flag on more than one faithful answer in ten, in any family, is not one a reviewer can act on. */
export const MAX_FALSE_FLAGS = 0.1;
