// Reads a verdicts file (JSON Lines: record, reviewer, verdict, labels?, comment?, corrected_output?) collected
// outside Assay. Every line is checked before anything is stored; errors name the file, line and field.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ApiError } from '../../shared/contract/bridge';
import { Reviewer, VerdictValue } from '../../shared/contract/review-schemas';
import type { Db } from '../storage/db';
import { itemExternalIds, itemRecordSet, type QueueRow } from '../storage/review-repo';
import { verdictProblem, type VerdictInput } from './verdicts';

const Line = z.object({
  record: z.union([z.number().int().positive(), z.string().min(1)]),
  reviewer: Reviewer,
  verdict: VerdictValue,
  labels: z.union([z.array(z.string().trim().min(1)), z.string()]).optional(),
  comment: z.string().max(10000).nullable().optional(),
  corrected_output: z.string().max(200000).nullable().optional(),
});

const MAX_SHOWN = 5;

export function readVerdictFile(db: Db, q: QueueRow, path: string): { verdicts: VerdictInput[]; sha256: string } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new ApiError('bad_request', `${path}: cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  const records = itemRecordSet(db, q.id);
  const external = itemExternalIds(db, q.id);
  const verdicts: VerdictInput[] = [];
  const errors: string[] = [];
  const seen = new Map<string, number>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    if (!raw.trim()) return;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (err) {
      errors.push(`${path}:${line}: not valid JSON (${(err as Error).message})`);
      return;
    }
    const parsed = Line.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      errors.push(`${path}:${line}: field "${issue.path.join('.') || '(line)'}": ${issue.message}`);
      return;
    }
    const p = parsed.data;
    // Records are named by Assay id, or by the id the source system gave them (external id).
    const id = typeof p.record === 'number' ? p.record : /^\d+$/.test(p.record) && records.has(Number(p.record)) ? Number(p.record) : external.get(p.record);
    if (id === undefined || !records.has(id)) {
      errors.push(`${path}:${line}: field "record": ${JSON.stringify(p.record)} is not in review queue "${q.name}"`);
      return;
    }
    const labels = typeof p.labels === 'string' ? p.labels.split(',').map((s) => s.trim()).filter(Boolean) : p.labels ?? [];
    const v: VerdictInput = { record: id, reviewer: p.reviewer, verdict: p.verdict, labels, comment: p.comment ?? null, corrected_output: p.corrected_output ?? null };
    const problem = verdictProblem(q, records, v);
    if (problem) {
      errors.push(`${path}:${line}: ${problem}`);
      return;
    }
    const key = `${id}\u0000${v.reviewer}`;
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push(`${path}:${line}: a second verdict by "${v.reviewer}" on record ${id} (first on line ${first})`);
      return;
    }
    seen.set(key, line);
    verdicts.push(v);
  });
  if (errors.length) {
    const more = errors.length > MAX_SHOWN ? `\n(${errors.length - MAX_SHOWN} more problems)` : '';
    throw new ApiError('bad_request', `${errors.slice(0, MAX_SHOWN).join('\n')}${more}\nnothing was imported`);
  }
  if (verdicts.length === 0) throw new ApiError('bad_request', `${path}: no verdicts in the file`);
  return { verdicts, sha256: createHash('sha256').update(text).digest('hex') };
}
