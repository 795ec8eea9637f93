// The report's optional sections, without zod, so the CLI can list them in --help without loading the schema.
export const SECTION_IDS = ['metrics', 'drift', 'model_quality', 'review', 'comparisons', 'evidence'] as const;
export type SectionId = (typeof SECTION_IDS)[number];
