import { z } from 'zod';

export const GroundingParams = z.object({
  /** Where evidence comes from: the record's own contexts and/or the attached KB (when the host has one). */
  sources: z.array(z.enum(['context', 'kb'])).min(1).default(['context', 'kb']),
  /** KB chunks fetched per claim. */
  kbTopK: z.number().int().min(1).max(20).default(3),
  /**
   * When to consult the KB: 'unsupported' (default) only for claims the record's own contexts do not support, which
   * is where KB evidence can change a verdict and saves most look-ups; 'always' for every checkable claim.
   */
  kbLookup: z.enum(['unsupported', 'always']).default('unsupported'),
  /** KB look-ups per record (one per claim, first claims first). */
  maxKbQueries: z.number().int().min(0).max(1000).default(32),
  /** How claim supports become the response score (softmin: one bad claim pulls the score down). */
  aggregation: z.enum(['mean', 'min', 'softmin']).default('softmin'),
  /** Count words the answer repeats from the question as given (off: only contexts and KB support a claim). */
  questionIsGiven: z.boolean().default(false),
  /** Claims checked per record; the rest are counted and noted, so a 1 MB answer stays bounded. */
  maxClaims: z.number().int().min(1).max(10_000).default(200),
  /** Characters of each context or KB chunk that are read. */
  maxEvidenceChars: z.number().int().min(1000).max(10_000_000).default(200_000),
  /** Evidence sentences indexed per record. */
  maxEvidenceSentences: z.number().int().min(10).max(100_000).default(5000),
});
export type GroundingParams = z.output<typeof GroundingParams>;
