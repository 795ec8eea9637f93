import type { ColumnRole, ColumnType, DatasetColumn, DatasetColumnEdit } from '../../../shared/contract/import-schemas';
import { badInput } from '../import-error';

/** Name patterns for the roles drift and model-quality read; a role the names miss is set by editing the schema. */
const ROLE_PATTERNS: [ColumnRole, RegExp][] = [
  ['score', /^(y_?pred_?probas?|pred(icted)?_?probas?)(_.*)?$|^(probas?|probability|predicted_probability|prediction_score|pred_score|y_score|score|model_score|risk_score)$|^(proba|probability)_|_probas?$/i],
  ['prediction', /^(y_?pred|y_?hat|preds?|prediction|predicted)$|^(prediction|predicted)_|_(pred|prediction|predicted)$/i],
  ['target', /^(target|label|y|y_true|ground_truth|actual|outcome|class)$|^(target|label|ground_truth)_|_(target|actual|label|truth)$/i],
  ['timestamp', /^(timestamp|time|date|datetime|ts|created_at|event_time|dteday)$|_(at|time|timestamp|date)$/i],
  ['id', /^(id|uuid|identifier|row_?id|record_?id|index)$|(_id|Id|ID)$/],
  ['segment', /^(segment|cohort|group|region|country|channel|period|partition|split|slice|tenant|market)$/i],
];

const SINGLE: ReadonlySet<ColumnRole> = new Set(['score', 'prediction', 'target', 'timestamp']);

export function inferRoles(columns: { name: string; type: ColumnType }[]): DatasetColumn[] {
  const taken = new Set<ColumnRole>();
  return columns.map((c) => {
    let role: ColumnRole = 'feature';
    for (const [r, re] of ROLE_PATTERNS) {
      if (!re.test(c.name)) continue;
      if (r === 'timestamp' && c.type !== 'datetime' && c.type !== 'integer' && c.type !== 'number') continue;
      role = r;
      break;
    }
    if (role === 'feature' && c.type === 'datetime' && !taken.has('timestamp')) role = 'timestamp';
    if (SINGLE.has(role)) {
      if (taken.has(role)) role = 'feature';
      else taken.add(role);
    }
    return { name: c.name, type: c.type, role };
  });
}

/** Applies the user's schema edits; a column name that does not exist is an error naming the columns there are. */
export function applyEdits(columns: DatasetColumn[], edits: readonly DatasetColumnEdit[] | undefined): DatasetColumn[] {
  if (!edits || edits.length === 0) return columns;
  const byName = new Map(columns.map((c) => [c.name, c]));
  for (const e of edits) {
    if (!byName.has(e.name)) {
      throw badInput(`columns: no column named ${JSON.stringify(e.name)}; the file has ${columns.map((c) => c.name).join(', ')}`);
    }
  }
  const out = columns.map((c) => {
    const e = edits.find((x) => x.name === c.name);
    return e ? { name: c.name, type: e.type ?? c.type, role: e.role ?? c.role } : c;
  });
  // An edit that gives a single-valued role to one column takes it from the column inferred for it.
  for (const e of edits) {
    if (!e.role || !SINGLE.has(e.role)) continue;
    for (const c of out) if (c.name !== e.name && c.role === e.role && !edits.some((x) => x.name === c.name && x.role === e.role)) c.role = 'feature';
  }
  return out;
}
