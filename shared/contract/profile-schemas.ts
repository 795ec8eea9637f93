// Population-wide profiles (imported `assay profile` output) as the Overview and Compare pages read them. Every
// figure here is computed from the profile's exact counts and sums, never from workspace records.
import { z } from 'zod';
import { analyzerStampSchema, FLAG_NAMES } from '../profile/scored-profile';

const count = z.number().int().nonnegative();
const None = z.object({}).strict().default({});

export const ProfileFlag = z.enum(FLAG_NAMES);
export type ProfileFlag = z.infer<typeof ProfileFlag>;

export const StoredProfileInfo = z.object({
  id: z.number().int().positive(),
  importedAt: z.string(),
  sourcePath: z.string(),
  /** sha256 of the profile's canonical JSON, as stored. */
  sha256: z.string(),
  records: count,
  /** Score-output lines that were errors (malformed input), not counted as records. */
  errors: count,
  partitions: count,
  groups: count,
  by: z.array(z.string()),
  analyzers: z.array(analyzerStampSchema),
});
export type StoredProfileInfo = z.infer<typeof StoredProfileInfo>;

/** A flag's count among n records, with the 95% Wilson interval of its rate (null rate when n = 0). */
export const FlagRate = z.object({ flag: ProfileFlag, count, n: count, rate: z.number().nullable(), low: z.number().nullable(), high: z.number().nullable() });
export type FlagRate = z.infer<typeof FlagRate>;

export const ScoreSummary = z.object({
  name: z.string(),
  count,
  /** Exact mean (from the nano-unit sum), null without values. */
  mean: z.number().nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  /** 20 equal bins over [0, 1]; under/over count values outside. */
  hist: z.array(count),
  under: count,
  over: count,
});
export type ScoreSummary = z.infer<typeof ScoreSummary>;

/** Records sharing one value of a dimension (all other dimensions added together), or the whole population. */
export const PopulationSlice = z.object({
  value: z.string().nullable(),
  records: count,
  flags: z.array(FlagRate),
  scores: z.array(ScoreSummary),
  tokensIn: count,
  tokensOut: count,
  /** Exact decimal text. */
  cost: z.string(),
});
export type PopulationSlice = z.infer<typeof PopulationSlice>;

export const ProfileSummaryRequest = z.object({
  id: z.number().int().positive().optional(),
  /** One of the profile's grouping fields; default its first. */
  dimension: z.string().min(1).max(100).optional(),
}).strict();

export const ProfileSummary = z.object({
  profile: StoredProfileInfo,
  dimension: z.string(),
  overall: PopulationSlice,
  slices: z.array(PopulationSlice),
});
export type ProfileSummary = z.infer<typeof ProfileSummary>;

export const ProfileCompareRequest = z.object({
  id: z.number().int().positive().optional(),
  dimension: z.string().min(1).max(100),
  a: z.string().max(500).nullable(),
  b: z.string().max(500).nullable(),
}).strict();

export const ProfileCompareRow = z.object({
  flag: ProfileFlag,
  a: FlagRate,
  b: FlagRate,
  /** rate B - rate A, with the Newcombe (hybrid Wilson) 95% interval. */
  diff: z.number().nullable(),
  ci_low: z.number().nullable(),
  ci_high: z.number().nullable(),
  test: z.enum(['two_proportion_z', 'fisher_exact']).nullable(),
  p_value: z.number().nullable(),
  /** Holm across the flags compared. */
  p_adjusted: z.number().nullable(),
  significant: z.boolean(),
});
export type ProfileCompareRow = z.infer<typeof ProfileCompareRow>;

export const ProfileComparison = z.object({
  profile: StoredProfileInfo,
  dimension: z.string(),
  a: PopulationSlice,
  b: PopulationSlice,
  rows: z.array(ProfileCompareRow),
  /** Mean scores side by side; untested (a profile holds sums and histograms, not the values a test needs). */
  scores: z.array(z.object({ name: z.string(), a: z.number().nullable(), b: z.number().nullable(), diff: z.number().nullable() })),
  notes: z.array(z.string()),
});
export type ProfileComparison = z.infer<typeof ProfileComparison>;

export const profileApi = {
  'profiles.list': { input: None, output: z.array(StoredProfileInfo) },
  'profiles.summary': { input: ProfileSummaryRequest, output: ProfileSummary },
  'profiles.compare': { input: ProfileCompareRequest, output: ProfileComparison },
} as const;
