import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { callApi } from '../../main/api/dispatch';
import { DocChunker } from '../../main/importers/kb/doc-chunker';
import { JobCancelledError } from '../../main/jobs/job-runner';
import { getAsset } from '../../main/storage/assets-repo';
import { assayBin, repoRoot, runCli } from '../helpers/cli';
import { useTempDir } from '../helpers/tmp';
import { count, expectBalanced, importFiles, session, writeLines } from './import-helpers';

const tmp = useTempDir('assay-bad-');
const rec = (i: number) => ({ id: `r${i}`, input: `question ${i}`, output: `answer ${i}` });
const deep = (levels: number) => `{"id": "deep", "input": "q", "output": "a", "metadata": ${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}}`;

async function waitForJob(s: ReturnType<typeof session>, jobId: string): Promise<Awaited<ReturnType<typeof s.handlers['jobs.get']>>> {
  for (let i = 0; i < 600 && (await callApi(s.handlers, 'jobs.get', { jobId })).status === 'running'; i++) await new Promise((r) => setTimeout(r, 25));
  return callApi(s.handlers, 'jobs.get', { jobId });
}

describe('knowledge-base previews and big documents', () => {
  it('previews a folder of many documents without storing anything (it used to fail with "stop reading")', async () => {
    const s = session(tmp);
    const kb = path.join(s.dir, 'kb');
    mkdirSync(kb);
    for (let i = 1; i <= 30; i++) writeFileSync(path.join(kb, `guide-${i}.md`), `# Guide ${i}\n\nRefunds within ${i + 10} days.\n\n## Details\n\nMore text ${i}.\n`);
    const before = count(s.ws, 'SELECT count(*) FROM audit_log');
    const p = await callApi(s.handlers, 'import.preview', { paths: [kb], spec: { kind: 'kb' }, limit: 10 });
    expect(p.spec.kind).toBe('kb');
    expect(p.rows).toHaveLength(10);
    expect(p.rows[0]).toMatchObject({ docId: 'guide-1.md', title: 'Guide 1' });
    expect(count(s.ws, 'SELECT count(*) FROM assets')).toBe(0);
    expect(count(s.ws, 'SELECT count(*) FROM audit_log')).toBe(before);
  });

  it('chunks an 8 MB document without spaces on a worker: the event loop keeps turning and the job cancels', async () => {
    const s = session(tmp);
    const dir = path.join(s.dir, 'kb');
    mkdirSync(dir);
    const letters = 'qwertyuiopasdfghjklzxcvbnmQWERTYUIOPASDFGHJKLZXCVBNM';
    writeFileSync(path.join(dir, 'doc.md'), letters.repeat(Math.ceil((8 << 20) / letters.length)));
    let last = performance.now();
    let worst = 0;
    const timer = setInterval(() => {
      const now = performance.now();
      worst = Math.max(worst, now - last);
      last = now;
    }, 20);
    try {
      const sum = await importFiles(s, [dir], { spec: { kind: 'kb' } });
      expect(sum.stored).toBeGreaterThan(6000);
    } finally {
      clearInterval(timer);
    }
    // Chunking this document took about 16 s on the calling thread before; now only whole-document passes
    // (decode, hashing) and batches of 256 chunk inserts run between turns.
    expect(worst).toBeLessThan(2000);

    const again = session(tmp);
    const { jobId } = await callApi(again.handlers, 'import.start', { paths: [dir], spec: { kind: 'kb' } });
    await callApi(again.handlers, 'jobs.cancel', { jobId });
    expect((await waitForJob(again, jobId)).status).toBe('cancelled');
    expect(count(again.ws, 'SELECT count(*) FROM kb_chunks')).toBe(0);
  });

  it('stops chunking a big document on the worker as soon as the import is cancelled', async () => {
    const controller = new AbortController();
    const chunker = new DocChunker(controller.signal, 1000);
    const doc = '<title>t'.repeat(2_000_000);
    const started = performance.now();
    const pending = chunker.chunk(doc, 'html', 1200, 150);
    setTimeout(() => controller.abort(), 200);
    await expect(pending).rejects.toThrow(JobCancelledError);
    // Chunking this page takes several seconds; the worker is terminated instead of waited for.
    expect(performance.now() - started).toBeLessThan(2500);
    chunker.close();
  });
});

describe('malformed log files', () => {
  it('quarantines a JSONL line nested 5,000 levels deep and imports the rest (it aborted the import)', async () => {
    const s = session(tmp);
    const lines = [rec(1), rec(2), deep(5000), rec(3)];
    const file = writeLines(path.join(s.dir, 'deep.jsonl'), lines);
    const preview = await callApi(s.handlers, 'import.preview', { paths: [file], limit: 10 });
    expect(preview.quarantine).toEqual([expect.objectContaining({ line: 3, reason: expect.stringMatching(/nested more than 100 levels deep/) })]);
    const sum = await importFiles(s, [file]);
    expectBalanced(sum);
    expect(sum).toMatchObject({ imported: 3, quarantined: 1 });
    expect(sum.quarantine[0]).toMatchObject({ file, line: 3, reason: expect.stringMatching(/nested more than 100 levels deep/) });
    // The worker-thread path quarantines it the same way.
    process.env.ASSAY_IMPORT_WORKER = '1';
    process.env.ASSAY_IMPORT_WORKER_MIN_BYTES = '0';
    try {
      const other = session(tmp);
      const w = await importFiles(other, [file]);
      expect(w).toMatchObject({ imported: 3, quarantined: 1, contentSha256: sum.contentSha256 });
    } finally {
      delete process.env.ASSAY_IMPORT_WORKER;
      delete process.env.ASSAY_IMPORT_WORKER_MIN_BYTES;
    }
  });

  it('imports a JSONL file whose first record is over 256 KiB, with --format jsonl and without', async () => {
    const s = session(tmp);
    const big = { id: 'big', input: 'q', output: 'long answer '.repeat(30_000) };
    const file = writeLines(path.join(s.dir, 'big-first.jsonl'), [big, rec(1)]);
    expect(await importFiles(s, [file], { spec: { format: 'jsonl' } })).toMatchObject({ imported: 2, quarantined: 0 });
    const other = session(tmp);
    expect(await importFiles(other, [file])).toMatchObject({ imported: 2, quarantined: 0 });
  });

  it('refuses random bytes named .csv and names a damaged gzip as such', async () => {
    const s = session(tmp);
    const noise = Buffer.alloc(64 * 1024);
    for (let i = 0, x = 7; i < noise.length; i++) noise[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
    const csv = path.join(s.dir, 'noise.csv');
    writeFileSync(csv, noise);
    await expect(importFiles(s, [csv])).rejects.toThrow(/noise\.csv: binary data .*not a JSONL, JSON or CSV text file/);
    const gz = path.join(s.dir, 'bad.jsonl.gz');
    writeFileSync(gz, Buffer.concat([Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0]), noise.subarray(0, 2000)]));
    await expect(importFiles(s, [gz])).rejects.toThrow(/bad\.jsonl\.gz: not readable as gzip: gzip data is damaged/);
    const cut = path.join(s.dir, 'cut.jsonl.gz');
    writeFileSync(cut, gzipSync(Buffer.from(`${JSON.stringify(rec(1))}\n`.repeat(50))).subarray(0, 40));
    await expect(importFiles(s, [cut])).rejects.toThrow(/cut\.jsonl\.gz: gzip data is damaged/);
    expect(count(s.ws, 'SELECT count(*) FROM assets')).toBe(0);
  });

  it('writes terminal escape codes from input files as visible escapes in error messages', async () => {
    const s = session(tmp);
    const file = writeLines(path.join(s.dir, 'fields.jsonl'), [{ '\u001b[2Jprompt\u202e': 'x', answer: 'y' }]);
    const err = await importFiles(s, [file], { spec: { kind: 'logs' } }).catch((e: Error) => e);
    expect((err as Error).message).toContain('\\u001b[2Jprompt\\u202e');
    expect([...(err as Error).message].some((c) => c === '\u001b' || c === '\u202e')).toBe(false);
  });
});

describe('quarantine export', () => {
  it('fails for an import that does not exist and leaves an existing file alone (it emptied it)', async () => {
    const s = session(tmp);
    const out = path.join(s.dir, 'existing.txt');
    writeFileSync(out, 'keep\n');
    await expect(callApi(s.handlers, 'import.quarantineExport', { importId: 999, path: out })).rejects.toThrow(/import 999 does not exist/);
    await expect(callApi(s.handlers, 'import.quarantine', { importId: 999 })).rejects.toThrow(/import 999 does not exist/);
    expect(readFileSync(out, 'utf8')).toBe('keep\n');
    const sum = await importFiles(s, [writeLines(path.join(s.dir, 'a.jsonl'), [rec(1), '{"bad"'])]);
    expect(await callApi(s.handlers, 'import.quarantineExport', { importId: sum.importId!, path: out })).toMatchObject({ written: 1 });
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ line: 2, raw: '{"bad"' });
  });
});

describe('CLI', () => {
  it('exits non-zero for a missing import without touching --out, and stops quietly when its output pipe closes', async () => {
    const dir = tmp();
    const ws = path.join(dir, 'ws');
    expect(runCli(['init', ws]).code).toBe(0);
    const out = path.join(dir, 'existing.txt');
    writeFileSync(out, 'keep\n');
    const r = runCli(['quarantine', ws, '--import', '999', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/import 999 does not exist/);
    expect(readFileSync(out, 'utf8')).toBe('keep\n');

    const bad = writeLines(path.join(dir, 'bad.jsonl'), [rec(0), ...Array.from({ length: 400 }, (_, i) => [i, 'y'.repeat(2000)])]);
    expect(runCli(['import', ws, bad]).code).toBe(0);
    // Like `assay quarantine ws --import 1 | head -c 100`: the reader goes away after the first bytes.
    const child = spawn(process.execPath, [assayBin, 'quarantine', ws, '--import', '1'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|Error:|at /);
    expect(code).toBe(0);
  }, 60_000);
});

describe('provenance of browser-mode uploads', () => {
  it('records the file name the user picked and its sha256, not the temporary upload path', async () => {
    const s = session(tmp, { kind: 'browser' });
    const body = `${JSON.stringify(rec(1))}\n{"bad"\n`;
    const up = await callApi(s.handlers, 'import.upload', { fileName: 'Support logs (Q4).jsonl', offset: 0, data: Buffer.from(body).toString('base64'), done: true });
    expect(up.handle).toMatch(/^handle:[0-9a-f]{32}$/);
    const sum = await importFiles(s, [up.handle]);
    const sha = createHash('sha256').update(body).digest('hex');
    expect(sum.sources).toEqual([{ path: 'Support logs (Q4).jsonl', bytes: Buffer.byteLength(body), sha256: sha }]);
    expect(sum.quarantine[0]!.file).toBe('Support logs (Q4).jsonl');
    expect(getAsset(s.ws.db, sum.assetId!)!.sourcePath).toBe('Support logs (Q4).jsonl');
    const [run] = await callApi(s.handlers, 'import.history', {});
    expect(run!.sources[0]!.path).toBe('Support logs (Q4).jsonl');
    const q = await callApi(s.handlers, 'import.quarantine', { importId: sum.importId! });
    expect(q.rows[0]!.file).toBe('Support logs (Q4).jsonl');
  });
});

describe('Langfuse model ids', () => {
  it('keeps internalModelId (a price-table id) in metadata, not as the model version', async () => {
    const s = session(tmp);
    const obs = {
      id: 'o-1', trace_id: 't-1', type: 'GENERATION', name: 'reply', start_time: '2024-10-03 08:00:00.000', end_time: '2024-10-03 08:00:01.000',
      input: 'hello', output: 'hi there', provided_model_name: 'gpt-4o', internal_model_id: 'clyrjp56f0000t0mzapoocd7u', usage_details: { input: 3, output: 2 },
    };
    const sum = await importFiles(s, [writeLines(path.join(s.dir, 'lf.jsonl'), [obs])]);
    expect(sum).toMatchObject({ format: 'langfuse', imported: 1 });
    const page = await callApi(s.handlers, 'records.list', { assetId: sum.assetId!, limit: 10 } as never);
    const r = (page as { rows: { model: string | null; modelVersion: string | null; metadata: Record<string, unknown> }[] }).rows[0]!;
    expect(r).toMatchObject({ model: 'gpt-4o', modelVersion: null });
    expect(r.metadata.langfuse_model_id).toBe('clyrjp56f0000t0mzapoocd7u');
  });
});
