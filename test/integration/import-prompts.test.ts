import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { callApi } from '../../main/api/dispatch';
import { useTempDir } from '../helpers/tmp';
import { importFiles, session, writeLines } from './import-helpers';

const tmp = useTempDir('assay-prompts-');

const rec = (i: number, version: string, template?: string) => ({
  id: `r${i}`, input: `question ${i}?`, output: `answer ${i}.`, prompt_id: 'support-answer', prompt_version: version,
  ...(template ? { prompt_template: template } : {}),
});

describe('prompt versions in records line up with prompt assets', () => {
  it('names the prompt asset holding a record\'s version label, and says when no import stored one', async () => {
    const s = session(tmp);
    const sum = await importFiles(s, [writeLines(path.join(s.dir, 'logs.jsonl'), [
      rec(1, 'v1.2', 'Answer: {{input}}'), rec(2, 'v1.2', 'Answer: {{input}}'), rec(3, 'v1.4', 'Answer from the passages: {{input}}'), rec(4, 'v1.4'),
    ])]);
    expect(sum.prompts.map((p) => p.promptVersion).sort()).toEqual(['v1.2', 'v1.4']);

    const v14 = await callApi(s.handlers, 'prompts.match', { promptId: 'support-answer', promptVersion: 'v1.4' });
    // Asset versions count imports (v1, v2); the label is the logs' own.
    expect(v14.match).toMatchObject({ promptVersion: 'v1.4', hasTemplate: true });
    expect(v14.versions.map((v) => [v.assetVersion, v.promptVersion])).toEqual([[1, 'v1.2'], [2, 'v1.4']]);
    expect(v14.match!.assetId).toBe(sum.prompts.find((p) => p.promptVersion === 'v1.4')!.assetId);

    const missing = await callApi(s.handlers, 'prompts.match', { promptId: 'support-answer', promptVersion: 'v9' });
    expect(missing.match).toBeNull();
    expect(missing.versions).toHaveLength(2);
    expect((await callApi(s.handlers, 'prompts.match', { promptId: 'unknown', promptVersion: null })).versions).toEqual([]);
  });
});
