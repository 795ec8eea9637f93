import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readQuestions } from '../../../../main/indexes/retrieval-eval';
import { useTempDir } from '../../../helpers/tmp';

const tmp = useTempDir();

function file(content: string): string {
  const f = path.join(tmp(), 'q.jsonl');
  writeFileSync(f, content);
  return f;
}

describe('readQuestions', () => {
  it('reads questions with gold ids (numbers as strings, duplicates once), skipping blank lines and a BOM', () => {
    const f = file('\uFEFF{"question": "Where?", "gold_doc_ids": ["a", 7, "a"]}\n\n{"question": "When?", "gold_doc_ids": ["b"]}\n');
    expect(readQuestions(f)).toEqual([
      { line: 1, question: 'Where?', gold: ['a', '7'] },
      { line: 3, question: 'When?', gold: ['b'] },
    ]);
  });

  it('names every bad line and what is wrong with it', () => {
    const f = file([
      '{"question": "ok", "gold_doc_ids": ["a"]}',
      '{"question": "", "gold_doc_ids": ["a"]}',
      '{"question": "no gold"}',
      'not json',
      '[1, 2]',
      '{"question": "q", "gold_doc_ids": [{"id": 1}]}',
    ].join('\n'));
    expect(() => readQuestions(f)).toThrow(/5 bad line\(s\): line 2: "question" must be a non-empty string; line 3: "gold_doc_ids" must be a non-empty array.*; line 4: invalid JSON.*; line 5: expected a JSON object; line 6: "gold_doc_ids"/);
  });

  it('refuses an empty file and a missing file', () => {
    expect(() => readQuestions(file('\n\n'))).toThrow(/no questions/);
    expect(() => readQuestions(path.join(tmp(), 'missing.jsonl'))).toThrow(/cannot read questions/);
  });
});
