// Version comparison and release gates: runs and stores comparisons and gate runs, lists axis values and
// prompt-template diffs.
import type { Handlers } from '../../shared/contract/api';
import { ApiError } from '../../shared/contract/bridge';
import { PolicyError } from '../../shared/gates/policy';
import { runGates } from '../gates/run-gates';
import { createCostHandlers } from './cost-handlers';
import { latestGateRun } from '../storage/gates-repo';
import { lineDiff } from '../../shared/compare/line-diff';
import { runCompare } from '../compare/run-compare';
import { axisValues, listComparisons } from '../storage/compare-repo';
import { listPromptTemplates } from '../storage/prompts-repo';
import type { Workspace } from '../storage/workspace';

type CompareHandlers = Pick<Handlers, 'compare.run' | 'compare.values' | 'compare.promptDiff' | 'compare.stored' | 'gates.run' | 'gates.latest'
  | 'cost.summary' | 'prices.list' | 'prices.set' | 'prices.retire' | 'budgets.set' | 'budgets.delete'>;

export function createCompareHandlers(ws: Workspace): CompareHandlers {
  return {
    ...createCostHandlers(ws),
    async 'compare.run'(req) {
      if (req.store) await ws.writes.idle();
      return runCompare(ws, req);
    },
    async 'compare.values'({ by }) {
      return axisValues(ws.db, by);
    },
    async 'compare.promptDiff'({ a, b }) {
      const templates = listPromptTemplates(ws.db);
      const ids = [...new Set(templates.map((t) => t.promptId))];
      return ids.flatMap((promptId) => {
        const ta = templates.filter((t) => t.promptId === promptId && t.promptVersion === a).at(-1);
        const tb = templates.filter((t) => t.promptId === promptId && t.promptVersion === b).at(-1);
        if (!ta || !tb) return [];
        return [{
          promptId,
          a: { version: ta.promptVersion, template: ta.template },
          b: { version: tb.promptVersion, template: tb.template },
          lines: lineDiff(ta.template ?? '', tb.template ?? ''),
        }];
      });
    },
    async 'gates.run'({ policy, path }) {
      try {
        return await runGates(ws, policy, path);
      } catch (err) {
        if (err instanceof PolicyError) throw new ApiError('bad_request', err.message);
        throw err;
      }
    },
    async 'gates.latest'() {
      return latestGateRun(ws.db);
    },
    async 'compare.stored'() {
      return listComparisons(ws.db).map(({ id, createdAt, by, a, b, resultSha256 }) => ({ id, createdAt, by, a, b, resultSha256 }));
    },
  };
}
