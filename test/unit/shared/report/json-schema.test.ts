import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { reportJsonSchema } from '../../../../shared/report/json-schema';

describe('published report/v1 JSON Schema', () => {
  it('is the committed file, generated from the zod schema (run scripts/gen-report-schema.ts after a change)', () => {
    const committed = JSON.parse(readFileSync(new URL('../../../../shared/report/report-v1.schema.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(reportJsonSchema());
    expect(committed.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(committed.required).toEqual(expect.arrayContaining(['summary', 'findings', 'audit']));
  });
});
