import { z } from 'zod';

/** Progress events pushed from main/ to every listening client (IPC or server-sent events). */
export const ProgressEvent = z.object({
  type: z.literal('progress'),
  jobId: z.string(),
  phase: z.string(),
  done: z.number(),
  total: z.number().nullable(),
  ratePerSec: z.number().nullable(),
  etaSec: z.number().nullable(),
  message: z.string().nullable(),
});
export type ProgressEvent = z.infer<typeof ProgressEvent>;

export const JobFinishedEvent = z.object({
  type: z.literal('job.finished'),
  jobId: z.string(),
  status: z.enum(['succeeded', 'failed', 'cancelled']),
  message: z.string().nullable(),
});
export type JobFinishedEvent = z.infer<typeof JobFinishedEvent>;

export const WorkspaceChangedEvent = z.object({ type: z.literal('workspace.changed'), reason: z.string() });
export type WorkspaceChangedEvent = z.infer<typeof WorkspaceChangedEvent>;

export const AssayEvent = z.discriminatedUnion('type', [ProgressEvent, JobFinishedEvent, WorkspaceChangedEvent]);
export type AssayEvent = z.infer<typeof AssayEvent>;
