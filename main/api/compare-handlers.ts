// Version comparison and release gates: runs and stores comparisons and gate runs (drift and AUC gates through
// the Drift page's handlers), keeps `assay kb validate` outcomes, lists axis values and prompt-template diffs.
import type { Handlers } from '../../shared/contract/api';
import { ApiError } from '../../shared/contract/bridge';
import { PolicyError } from '../../shared/gates/policy';
import { runGates } from '../gates/run-gates';
import { createDriftHandlers } from './drift-handlers';
import type { EventBus } from './event-bus';
import { createCostHandlers } from './cost-handlers';
import { insertKbValidation, latestGateRun } from '../storage/gates-repo';
import { lineDiff } from '../../shared/compare/line-diff';
import { runCompare } from '../compare/run-compare';
import { axisValues, listComparisons } from '../storage/compare-repo';
import { listPromptTemplates } from '../storage/prompts-repo';
import { getAsset } from '../storage/assets-repo';
import type { Workspace } from '../storage/workspace';

type CompareHandlers = Pick<Handlers, 'compare.run' | 'compare.values' | 'compare.promptDiff' | 'compare.stored' | 'gates.run' | 'gates.latest' | 'kb.storeValidation'
  | 'cost.summary' | 'prices.list' | 'prices.set' | 'prices.retire' | 'budgets.set' | 'budgets.delete'>;

export function createCompareHandlers(ws: Workspace, events: EventBus): CompareHandlers {
  const drift = createDriftHandlers(ws, events);
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
        return await runGates(ws, drift, policy, path);
      } catch (err) {
        if (err instanceof PolicyError) throw new ApiError('bad_request', err.message);
        throw err;
      }
    },
    async 'gates.latest'() {
      return latestGateRun(ws.db);
    },
    async 'kb.storeValidation'(v) {
      const kb = getAsset(ws.db, v.kbAssetId);
      if (!kb || kb.kind !== 'kb') throw new ApiError('not_found', `KB asset ${v.kbAssetId} does not exist`);
      const ranks = v.ranks.map((r) => (r !== null && r > v.k ? null : r));
      await ws.writes.idle();
      const id = ws.mutate('kb.validated', (db) => insertKbValidation(db, { ...v, ranks, createdAt: new Date().toISOString() }), (rowId) => ({
        kbValidationId: rowId, kbAssetId: v.kbAssetId, againstAssetId: v.againstAssetId, k: v.k, questionsSha256: v.questionsSha256,
        questions: ranks.length, hits: ranks.filter((r) => r !== null).length, regressed: v.regressed,
      }));
      return { id };
    },
    async 'compare.stored'() {
      return listComparisons(ws.db).map(({ id, createdAt, by, a, b, resultSha256 }) => ({ id, createdAt, by, a, b, resultSha256 }));
    },
  };
}
