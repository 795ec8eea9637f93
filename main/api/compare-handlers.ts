// Version comparison: runs and stores comparisons, lists axis values and prompt-template diffs.
import type { Handlers } from '../../shared/contract/api';
import { lineDiff } from '../../shared/compare/line-diff';
import { runCompare } from '../compare/run-compare';
import { axisValues, listComparisons } from '../storage/compare-repo';
import { listPromptTemplates } from '../storage/prompts-repo';
import type { Workspace } from '../storage/workspace';

type CompareHandlers = Pick<Handlers, 'compare.run' | 'compare.values' | 'compare.promptDiff' | 'compare.stored'>;

export function createCompareHandlers(ws: Workspace): CompareHandlers {
  return {
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
    async 'compare.stored'() {
      return listComparisons(ws.db).map(({ id, createdAt, by, a, b, resultSha256 }) => ({ id, createdAt, by, a, b, resultSha256 }));
    },
  };
}
