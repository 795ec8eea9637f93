// Filter choices on the Records page: every distinct model and prompt version, ascending, as SELECT DISTINCT gives
// them, read by seeking through the column's index.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { insertAsset } from '../../main/storage/assets-repo';
import { recordFacets, recordInserter } from '../../main/storage/records-repo';
import { createWorkspace } from '../../main/storage/workspace';
import { useTempDir } from '../helpers/tmp';

const tmp = useTempDir('assay-facets-');

describe('record facets', () => {
  it('lists each model and prompt version once, in SELECT DISTINCT order, without unset values', () => {
    const ws = createWorkspace(path.join(tmp(), 'ws'), { actor: 'tester (test)' });
    const models = ['gpt-4o', 'gpt-4o-mini', 'GPT-4o', '', 'claude 3', 'ünïcode', 'gpt-4o', undefined, 'a\u0000b'];
    const prompts = ['v2', 'v10', undefined, 'v1', 'v2'];
    ws.db.transaction(() => {
      const insert = recordInserter(ws.db, insertAsset(ws.db, { kind: 'logs', name: 'a', version: 1, sha256: 'x', sourcePath: null }));
      for (let i = 0; i < 300; i++) insert({ input: 'q', output: 'a', contexts: [], metadata: {}, model: models[i % models.length], prompt_version: prompts[i % prompts.length] });
    })();
    const distinct = (col: string) => ws.db.prepare(`SELECT DISTINCT ${col} FROM records WHERE ${col} IS NOT NULL ORDER BY ${col}`).pluck().all();
    const facets = recordFacets(ws.db);
    expect(facets.models).toEqual(distinct('model'));
    expect(facets.models).toHaveLength(7);
    expect(facets.promptVersions).toEqual(distinct('prompt_version'));
    expect(facets.promptVersions).toEqual(['v1', 'v10', 'v2']);
    ws.close();
  });
});
