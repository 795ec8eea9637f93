import type { z } from 'zod';

/** One short sentence for a validation issue, for quarantine entries and API errors. */
export function describeZodIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
  return `${where}${issue.message}`;
}
