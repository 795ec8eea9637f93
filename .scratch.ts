import { createWorkspace } from './main/storage/workspace';
import { runImport } from './main/importers/run-import';
import { writeFileSync, rmSync } from 'node:fs';
rmSync('/tmp/imp/ws', { recursive: true, force: true });
const ws = createWorkspace('/tmp/imp/ws');
const lines = [
  JSON.stringify({ id: 'a1', input: 'What is X?', output: 'X is Y.', contexts: ['X is Y per the manual.'], model: 'gpt-4o', prompt_id: 'support', prompt_version: 'v1', tokens_in: 12, extra: 'kept' }),
  '{"id": "a2", "input": "truncated',
  JSON.stringify({ id: 'a3', input: 42, output: 'x' }),
  JSON.stringify({ id: 'a1', input: 'What is X?', output: 'X is Y.', contexts: ['X is Y per the manual.'], model: 'gpt-4o', prompt_id: 'support', prompt_version: 'v1', tokens_in: 12, extra: 'kept' }),
  JSON.stringify({ id: 'a1', input: 'changed', output: 'X' }),
  '',
  JSON.stringify({ id: 4, input: 'q', output: 'a', timestamp: 1700000000 }),
];
writeFileSync('/tmp/imp/a.jsonl', '\uFEFF' + lines.join('\r\n') + '\r\n');
const s = await runImport(ws, { paths: ['/tmp/imp/a.jsonl'] });
console.log(JSON.stringify(s, null, 1));
console.log(ws.db.prepare('select * from records').all());
const s2 = await runImport(ws, { paths: ['/tmp/imp/a.jsonl'], name: 'other' });
console.log('again', s2.duplicateOfAssetId, s2.imported, s2.duplicates, s2.quarantined);
console.log(ws.db.prepare('select * from assets').all());
ws.close();
