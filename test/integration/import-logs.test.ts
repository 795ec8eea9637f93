import { existsSync, mkdirSync, readFileSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { callApi } from '../../main/api/dispatch';
import { verifyChain } from '../../main/storage/audit-chain';
import { runImport } from '../../main/importers/run-import';
import { UPLOAD_DIR } from '../../main/importers/uploads';
import { JobCancelledError } from '../../main/jobs/job-runner';
import { useTempDir } from '../helpers/tmp';
import { count, expectBalanced, importFiles, session, writeLines } from './import-helpers';

const tmp = useTempDir('assay-import-');

const rec = (i: number, extra: Record<string, unknown> = {}) => ({
  id: `r${i}`, timestamp: `2024-10-01T10:${String(i % 60).padStart(2, '0')}:00Z`, model: 'gpt-4o-mini', prompt_id: 'support', prompt_version: i % 2 ? 'v1' : 'v2',
  input: `question ${i}?`, output: `answer ${i}.`, contexts: [`passage ${i}`], tokens_in: 10 + i, tokens_out: 5, latency_ms: 100 + i, cost: 0.0001, metadata: { user: `u${i % 3}` }, ...extra,
});

describe('importing JSONL logs: bad input never loses good rows', () => {
  it('quarantines truncated JSON, wrong types and conflicting ids with line and field, and counts every line', async () => {
    const s = session(tmp);
    const file = writeLines(path.join(s.dir, 'mixed.jsonl'), [
      rec(1), rec(2), '{"id": "r3", "input": "cut', rec(4, { tokens_in: 'many' }), rec(5, { contexts: 'single passage' }),
      rec(1), rec(1, { output: 'different answer' }), '[1, 2]', rec(6, { input: { unknown: 'shape' } }), '', rec(7),
    ]);
    const sum = await importFiles(s, [file]);
    expectBalanced(sum);
    expect(sum).toMatchObject({ inputCount: 10, imported: 4, quarantined: 5, duplicates: 1, stored: 4, kind: 'logs', format: 'jsonl' });
    expect(sum.quarantine.map((q) => [q.line, q.field])).toEqual([[3, null], [4, 'tokens_in'], [7, 'id'], [8, null], [9, 'input']]);
    expect(sum.quarantine[0]!.reason).toMatch(/^invalid JSON \(truncated\?\)/);
    expect(sum.quarantine[1]!.reason).toBe('Invalid input: expected non-negative integer, received string');
    expect(count(s.ws, 'SELECT count(*) FROM records WHERE asset_id = ?', sum.assetId)).toBe(4);
    expect(JSON.parse(s.ws.db.prepare("SELECT contexts FROM records WHERE external_id = 'r5'").pluck().get() as string)).toEqual(['single passage']);
    const q = await callApi(s.handlers, 'import.quarantine', { assetId: sum.assetId!, limit: 10 });
    expect(q.total).toBe(5);
    expect(q.rows[0]).toMatchObject({ file, line: 3, raw: '{"id": "r3", "input": "cut' });
  });

  it('reads a BOM, CRLF line ends and gzip transparently: the same content is reported as a duplicate', async () => {
    const s = session(tmp);
    const lines = [rec(1), rec(2), rec(3)].map((r) => JSON.stringify(r));
    const plain = path.join(s.dir, 'plain.jsonl');
    writeFileSync(plain, `${lines.join('\n')}\n`);
    const first = await importFiles(s, [plain]);
    expect(first).toMatchObject({ imported: 3, version: 1 });
    const crlf = path.join(s.dir, 'windows.jsonl');
    writeFileSync(crlf, `\uFEFF${lines.join('\r\n')}\r\n`);
    const again = await importFiles(s, [crlf], { name: 'plain' });
    expect(again).toMatchObject({ duplicateOfAssetId: first.assetId, imported: 0, duplicates: 3, contentSha256: first.contentSha256 });
    expect(again.sha256).not.toBe(first.sha256);
    const gz = path.join(s.dir, 'logs.jsonl.gz');
    writeFileSync(gz, gzipSync(readFileSync(plain)));
    expect(await importFiles(s, [gz])).toMatchObject({ duplicateOfAssetId: first.assetId, contentSha256: first.contentSha256 });
    expect(count(s.ws, "SELECT count(*) FROM assets WHERE kind = 'logs'")).toBe(1);
  });

  it('keeps the rows of a damaged gzip file before the damage and reports the rest', async () => {
    const s = session(tmp);
    const body = Array.from({ length: 3000 }, (_, i) => JSON.stringify(rec(i, { output: `answer ${i} ${'x'.repeat(i % 97)}` }))).join('\n');
    const gz = gzipSync(Buffer.from(body));
    const file = path.join(s.dir, 'cut.jsonl.gz');
    writeFileSync(file, gz.subarray(0, Math.floor(gz.length * 0.6)));
    const sum = await importFiles(s, [file]);
    expectBalanced(sum);
    expect(sum.imported).toBeGreaterThan(500);
    expect(sum.imported).toBeLessThan(3000);
    const tail = sum.quarantine.find((q) => q.reason.startsWith('gzip data is damaged'));
    expect(tail).toBeDefined();
    expect(tail!.byteOffset).toBeGreaterThan(0);
  });

  it('quarantines a line with invalid UTF-8 by byte offset', async () => {
    const s = session(tmp);
    const file = path.join(s.dir, 'latin1.jsonl');
    const first = `${JSON.stringify(rec(1))}\n`;
    writeFileSync(file, Buffer.concat([Buffer.from(`${first}{"input":"caf`), Buffer.from([0xe9]), Buffer.from(`","output":"x"}\n${JSON.stringify(rec(2))}\n`)]));
    const sum = await importFiles(s, [file]);
    expect(sum).toMatchObject({ imported: 2, quarantined: 1 });
    expect(sum.quarantine[0]).toMatchObject({ line: 2, byteOffset: Buffer.byteLength(first) + '{"input":"caf'.length });
    expect(sum.quarantine[0]!.reason).toMatch(/invalid UTF-8/);
  });

  it('says an empty file is empty, and warns about an empty file among others', async () => {
    const s = session(tmp);
    const empty = path.join(s.dir, 'empty.jsonl');
    writeFileSync(empty, '');
    await expect(importFiles(s, [empty])).rejects.toThrow(`${empty}: file is empty (0 bytes); nothing to import`);
    const full = writeLines(path.join(s.dir, 'full.jsonl'), [rec(1)]);
    const sum = await importFiles(s, [full, empty]);
    expect(sum.imported).toBe(1);
    expect(sum.warnings).toContain(`${empty}: empty file (0 bytes), nothing in it to import`);
    expect(count(s.ws, 'SELECT count(*) FROM assets')).toBe(2);
  });

  it('imports a 50 MB single-line record, and quarantines lines over the limit without reading them into memory', async () => {
    const s = session(tmp);
    const file = path.join(s.dir, 'huge.jsonl');
    writeFileSync(file, `${JSON.stringify(rec(1))}\n${JSON.stringify(rec(2, { output: 'y'.repeat(50 * 1024 * 1024) }))}\n${JSON.stringify(rec(3))}\n`);
    const sum = await importFiles(s, [file]);
    expect(sum).toMatchObject({ imported: 3, quarantined: 0 });
    expect(count(s.ws, "SELECT length(output) FROM records WHERE external_id = 'r2'")).toBe(50 * 1024 * 1024);
    const small = session(tmp);
    const limited = await runImport(small.ws, { paths: [file] }, { maxItemBytes: 8 * 1024 * 1024 });
    expect(limited).toMatchObject({ imported: 2, quarantined: 1 });
    expect(limited.quarantine[0]).toMatchObject({ line: 2, field: null });
    expect(limited.quarantine[0]!.reason).toMatch(/^line is 50 MiB, longer than the 8.0 MiB limit; skipped$/);
  }, 60_000);

  it('stores nothing when the file shrinks while it is read, and names the file', async () => {
    const s = session(tmp);
    const file = writeLines(path.join(s.dir, 'growing.jsonl'), Array.from({ length: 30_000 }, (_, i) => rec(i)));
    let cut = false;
    await expect(runImport(s.ws, { paths: [file] }, {
      onProgress: () => { if (!cut) { cut = true; truncateSync(file, 1000); } },
    })).rejects.toThrow(/growing\.jsonl: file changed while it was read .*nothing was imported/);
    expect(count(s.ws, 'SELECT count(*) FROM assets')).toBe(0);
    expect(count(s.ws, 'SELECT count(*) FROM records')).toBe(0);
    expect(count(s.ws, 'SELECT count(*) FROM imports')).toBe(0);
  });

  it('finishes a file deleted while it is read (the open handle still reads it) and says so', async () => {
    const s = session(tmp);
    const file = writeLines(path.join(s.dir, 'vanishing.jsonl'), Array.from({ length: 30_000 }, (_, i) => rec(i)));
    let gone = false;
    const sum = await runImport(s.ws, { paths: [file] }, { onProgress: () => { if (!gone) { gone = true; unlinkSync(file); } } });
    expect(sum.imported).toBe(30_000);
    expect(sum.warnings.join('\n')).toMatch(/vanishing\.jsonl: file was deleted while it was read; all \d+ bytes had been read/);
  });

  it('a cancelled import leaves the workspace exactly as it was', async () => {
    const s = session(tmp);
    const file = writeLines(path.join(s.dir, 'big.jsonl'), Array.from({ length: 30_000 }, (_, i) => rec(i)));
    const before = verifyChain(s.ws.db);
    const abort = new AbortController();
    await expect(runImport(s.ws, { paths: [file] }, { signal: abort.signal, onProgress: () => abort.abort() })).rejects.toBeInstanceOf(JobCancelledError);
    expect(count(s.ws, 'SELECT count(*) FROM assets') + count(s.ws, 'SELECT count(*) FROM records') + count(s.ws, 'SELECT count(*) FROM import_quarantine')).toBe(0);
    expect(verifyChain(s.ws.db)).toEqual(before);
  });

  it('a cancelled import on the worker thread also leaves nothing behind', async () => {
    process.env.ASSAY_IMPORT_WORKER = '1';
    process.env.ASSAY_IMPORT_WORKER_MIN_BYTES = '0';
    try {
      const s = session(tmp);
      const file = writeLines(path.join(s.dir, 'big.jsonl'), Array.from({ length: 30_000 }, (_, i) => rec(i)));
      const abort = new AbortController();
      await expect(runImport(s.ws, { paths: [file] }, { signal: abort.signal, onProgress: () => abort.abort() })).rejects.toBeInstanceOf(JobCancelledError);
      expect(count(s.ws, 'SELECT count(*) FROM assets') + count(s.ws, 'SELECT count(*) FROM records')).toBe(0);
    } finally {
      delete process.env.ASSAY_IMPORT_WORKER;
      delete process.env.ASSAY_IMPORT_WORKER_MIN_BYTES;
    }
  });

  it('cancels through the API while the job runs', async () => {
    const s = session(tmp);
    const file = writeLines(path.join(s.dir, 'big.jsonl'), Array.from({ length: 30_000 }, (_, i) => rec(i)));
    const { jobId } = await callApi(s.handlers, 'import.start', { paths: [file] });
    await callApi(s.handlers, 'jobs.cancel', { jobId });
    for (let i = 0; i < 200 && (await callApi(s.handlers, 'jobs.get', { jobId })).status === 'running'; i++) await new Promise((r) => setTimeout(r, 25));
    const job = await callApi(s.handlers, 'jobs.get', { jobId });
    expect(job.status).toBe('cancelled');
    expect(job.error).toBe('import cancelled; nothing was stored');
    expect(count(s.ws, 'SELECT count(*) FROM assets')).toBe(0);
  });

  it('versions assets by name, writes one audit entry per import, and exports the quarantine as JSONL', async () => {
    const s = session(tmp);
    const a = writeLines(path.join(s.dir, 'week1.jsonl'), [rec(1), rec(2), '{"bad"']);
    const b = writeLines(path.join(s.dir, 'week2.jsonl'), [rec(3), rec(4)]);
    const v1 = await importFiles(s, [a], { name: 'prod-logs' });
    const v2 = await importFiles(s, [b], { name: 'prod-logs' });
    expect([v1.version, v2.version]).toEqual([1, 2]);
    const audit = await callApi(s.handlers, 'audit.list', {});
    expect(audit.rows.filter((e) => e.action === 'asset.imported')).toHaveLength(2);
    expect(audit.rows.find((e) => e.action === 'asset.imported')!.payload).toMatchObject({ assetId: v2.assetId, name: 'prod-logs', version: 2, inputCount: 2 });
    expect(verifyChain(s.ws.db).ok).toBe(true);
    const out = path.join(s.dir, 'q.jsonl');
    expect(await callApi(s.handlers, 'import.quarantineExport', { assetId: v1.assetId!, path: out })).toEqual({ path: out, written: 1, jsonl: null });
    expect(JSON.parse(readFileSync(out, 'utf8').trim())).toMatchObject({ file: a, line: 3, field: null, raw: '{"bad"' });
    const history = await callApi(s.handlers, 'import.history', {});
    expect(history.map((h) => [h.name, h.version, h.inputCount])).toEqual([['prod-logs', 2, 2], ['prod-logs', 1, 3]]);
  });

  it('imports every log file of a folder as one asset and says which other files it skipped', async () => {
    const s = session(tmp);
    const dir = path.join(s.dir, 'exports');
    mkdirSync(path.join(dir, 'week2'), { recursive: true });
    writeLines(path.join(dir, 'week1.jsonl'), [rec(1), rec(2)]);
    writeLines(path.join(dir, 'week2', 'part.jsonl'), [rec(3)]);
    writeFileSync(path.join(dir, 'README.md'), '# Exports\n');
    const sum = await importFiles(s, [dir]);
    expect(sum).toMatchObject({ kind: 'logs', name: 'exports', imported: 3 });
    expect(sum.sources.map((f) => path.relative(dir, f.path))).toEqual(['week1.jsonl', path.join('week2', 'part.jsonl')]);
    expect(sum.warnings).toEqual(['skipped 1 file(s) in the folder that are not JSONL, JSON or CSV: README.md']);
    expect(sum.sha256).not.toBe(sum.sources[0]!.sha256);
  });

  it('streams a JSON array of records and keeps every element before a truncation', async () => {
    const s = session(tmp);
    const file = path.join(s.dir, 'export.json');
    const text = `[\n${[rec(1), rec(2), rec(3)].map((r) => JSON.stringify(r, null, 2)).join(',\n')},\n{"id": "r4", "inp`;
    writeFileSync(file, text);
    const sum = await importFiles(s, [file]);
    expect(sum).toMatchObject({ format: 'json', inputCount: 4, imported: 3, quarantined: 1 });
    expect(sum.quarantine[0]!.reason).toBe('truncated JSON: the file ends inside element 4');
    expect(sum.quarantine[0]).toMatchObject({ line: text.split('\n').length, byteOffset: text.indexOf('{"id": "r4"') });
    const wrapped = path.join(s.dir, 'api-page.json');
    writeFileSync(wrapped, JSON.stringify({ data: [rec(5), rec(6)], meta: { page: 1, totalItems: 2 } }));
    expect(await importFiles(s, [wrapped])).toMatchObject({ inputCount: 2, imported: 2 });
  });

  it('imports a file uploaded in chunks through the API (browser mode)', async () => {
    const s = session(tmp, { kind: 'browser' });
    const body = Buffer.from(`${[rec(1), rec(2)].map((r) => JSON.stringify(r)).join('\n')}\n`);
    const first = await callApi(s.handlers, 'import.upload', { fileName: '../../evil/logs.jsonl', offset: 0, data: body.subarray(0, 100).toString('base64') });
    await expect(callApi(s.handlers, 'import.upload', { uploadId: first.uploadId, fileName: 'logs.jsonl', offset: 50, data: '' })).rejects.toThrow(/expected the chunk at offset 100, got 50/);
    const done = await callApi(s.handlers, 'import.upload', { uploadId: first.uploadId, fileName: 'logs.jsonl', offset: 100, data: body.subarray(100).toString('base64'), done: true });
    expect(done.bytes).toBe(body.length);
    expect(done.handle).toBe(first.handle);
    const stored = path.join(UPLOAD_DIR, first.uploadId, 'logs.jsonl');
    expect(existsSync(stored)).toBe(true);
    expect(existsSync(path.join(UPLOAD_DIR, 'evil'))).toBe(false);
    expect(await importFiles(s, [done.handle])).toMatchObject({ imported: 2 });
    // The imported upload is deleted: the data now lives in the workspace only.
    expect(existsSync(stored)).toBe(false);
  });

  it('reads CSV logs through a mapping, with quoted commas, quotes and newlines in contexts', async () => {
    const s = session(tmp);
    const file = path.join(s.dir, 'logs.csv');
    writeFileSync(file, 'question,answer,context,latency\n"Is it ""waterproof""?","Yes, IP65.","Rated ""IP65"",\nsplash-proof",120\n"Empty?",,,\n');
    const sum = await importFiles(s, [file]);
    expect(sum).toMatchObject({ kind: 'logs', format: 'csv', imported: 2 });
    const rows = (await callApi(s.handlers, 'records.list', { assetId: sum.assetId! })).rows;
    expect(rows.map((r) => [r.input, r.output, r.contexts, r.latencyMs])).toEqual([
      ['Is it "waterproof"?', 'Yes, IP65.', ['Rated "IP65",\nsplash-proof'], 120], ['Empty?', '', [], null],
    ]);
  });

  it('turns prompt ids, versions and templates seen in logs into prompt assets, once', async () => {
    const s = session(tmp);
    const file = writeLines(path.join(s.dir, 'p.jsonl'), [
      rec(1, { prompt_template: 'Answer: {q}' }), rec(2, { prompt_template: 'Answer briefly: {q}' }), rec(3, { prompt_id: undefined, prompt_version: undefined, prompt_template: 'T {x}' }),
    ]);
    const sum = await importFiles(s, [file]);
    expect(sum.prompts.map((p) => [p.promptId, p.promptVersion, p.created])).toEqual([['support', 'v1', true], ['support', 'v2', true], [expect.stringMatching(/^template-[0-9a-f]{12}$/), null, true]]);
    const more = writeLines(path.join(s.dir, 'p2.jsonl'), [rec(5, { prompt_template: 'Answer: {q}' })]);
    const again = await importFiles(s, [more]);
    expect(again.prompts).toEqual([{ assetId: sum.prompts[0]!.assetId, promptId: 'support', promptVersion: 'v1', created: false }]);
    const templated = s.ws.db.prepare("SELECT prompt_id FROM records WHERE external_id = 'r3'").pluck().get();
    expect(templated).toBe(sum.prompts[2]!.promptId);
  });

  it('repeats an import with the mapping saved with the asset', async () => {
    const s = session(tmp);
    const first = writeLines(path.join(s.dir, 'custom.jsonl'), [{ q: 'hi?', a: 'hello', when: '2024-01-01' }]);
    const sum = await importFiles(s, [first], { spec: { mapping: { fields: { input: 'q', output: 'a', timestamp: 'when' } } } });
    expect(sum.imported).toBe(1);
    const second = writeLines(path.join(s.dir, 'custom2.jsonl'), [{ q: 'bye?', a: 'bye', when: '2024-01-02' }]);
    expect((await callApi(s.handlers, 'import.preview', { paths: [second] })).spec.kind).toBe('dataset');
    await expect(importFiles(s, [second], { spec: { kind: 'logs' } })).rejects.toThrow(/cannot find the input and output field among: q, a, when/);
    const repeated = await importFiles(s, [second], { repeatOf: sum.assetId! });
    expect(repeated.imported).toBe(1);
    expect(s.ws.db.prepare("SELECT timestamp FROM records WHERE input = 'bye?'").pluck().get()).toBe('2024-01-02T00:00:00.000Z');
  });

  it('gives the same counts, quarantine and content hash on the worker thread as on one thread', async () => {
    const lines = [...Array.from({ length: 5000 }, (_, i) => rec(i)), '{"broken', rec(9999, { tokens_out: -2 }), rec(3), rec(3, { output: 'conflict' })];
    const results = [];
    for (const worker of ['1', '0']) {
      // Forced both ways: by default the worker is only used when a core is idle.
      process.env.ASSAY_IMPORT_WORKER = worker;
      process.env.ASSAY_IMPORT_WORKER_MIN_BYTES = '0';
      try {
        const s = session(tmp);
        const sum = await importFiles(s, [writeLines(path.join(s.dir, 'w.jsonl'), lines)]);
        const file = sum.sources[0]!.path;
        results.push({ ...sum, sources: sum.sources.map((x) => x.sha256), importId: 0, assetId: 0, prompts: sum.prompts.length,
          quarantine: sum.quarantine.map((q) => ({ ...q, file: q.file === file ? 'w.jsonl' : q.file })) });
      } finally {
        delete process.env.ASSAY_IMPORT_WORKER;
        delete process.env.ASSAY_IMPORT_WORKER_MIN_BYTES;
      }
    }
    expect(results[0]).toMatchObject({ imported: 5000, quarantined: 3, duplicates: 1 });
    expect(results[0]).toEqual({ ...results[1], quarantine: expect.anything() });
    expect(new Set(results[0]!.quarantine.map((q) => JSON.stringify(q)))).toEqual(new Set(results[1]!.quarantine.map((q) => JSON.stringify(q))));
  }, 30_000);

  it('stores the same text on the worker thread (long fields sent as UTF-8 bytes) as on one thread, byte for byte', async () => {
    // Escapes, accents, emoji (surrogate pairs), a lone surrogate, NUL, bidi controls, empty output and contexts.
    const tricky = ['', 'plain', 'caf\u00e9 \u00fcber', 'emoji \ud83d\ude00 pair', 'lone \ud800 surrogate', 'nul\u0000byte', 'rtl \u202egnp.exe', 'quote " and \\ backslash\n'];
    const lines = tricky.map((t, i) => rec(i, { input: `in ${t}`, output: t, contexts: t ? [t, `${t}!`] : [], metadata: { note: t } }));
    const rows: unknown[] = [];
    for (const worker of ['1', '0']) {
      process.env.ASSAY_IMPORT_WORKER = worker;
      process.env.ASSAY_IMPORT_WORKER_MIN_BYTES = '0';
      try {
        const s = session(tmp);
        const sum = await importFiles(s, [writeLines(path.join(s.dir, 't.jsonl'), lines)]);
        expect(sum).toMatchObject({ imported: tricky.length, quarantined: 0 });
        rows.push(s.ws.db.prepare(`SELECT external_id, typeof(input), hex(input), hex(output), hex(contexts), hex(metadata), output
          FROM records ORDER BY id`).raw().all());
        rows.push(sum.contentSha256);
      } finally {
        delete process.env.ASSAY_IMPORT_WORKER;
        delete process.env.ASSAY_IMPORT_WORKER_MIN_BYTES;
      }
    }
    expect(rows[0]).toEqual(rows[2]);
    expect(rows[1]).toEqual(rows[3]);
    const stored = rows[0] as unknown[][];
    expect(stored.every((r) => r[1] === 'text')).toBe(true);
    expect(stored.map((r) => r[6])).toEqual(tricky.map((t) => t.replace('\ud800', '\ufffd')));
  }, 30_000);

  it('refuses a second import while one is running', async () => {
    const s = session(tmp);
    const file = writeLines(path.join(s.dir, 'big.jsonl'), Array.from({ length: 20_000 }, (_, i) => rec(i)));
    const { jobId } = await callApi(s.handlers, 'import.start', { paths: [file] });
    await expect(callApi(s.handlers, 'import.start', { paths: [file] })).rejects.toThrow(/an import is already running/);
    await callApi(s.handlers, 'jobs.cancel', { jobId });
    for (let i = 0; i < 200 && (await callApi(s.handlers, 'jobs.get', { jobId })).status === 'running'; i++) await new Promise((r) => setTimeout(r, 25));
    expect((await callApi(s.handlers, 'jobs.get', { jobId })).status).toBe('cancelled');
  });
});
