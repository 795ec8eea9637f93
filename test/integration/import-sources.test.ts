// Which files the page-facing API may read and write: in browser mode only uploads and files inside the workspace
// folder, in the desktop app only what the user picked in a main-process dialog, and never a handle from another
// session. The CLI host takes plain paths (it runs as the user).
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { callApi } from '../../main/api/dispatch';
import type { ApiHost } from '../../main/api/import-sources';
import { useTempDir } from '../helpers/tmp';
import { importFiles, session, writeLines } from './import-helpers';

const tmp = useTempDir('assay-sources-');
const rec = (i: number) => ({ id: `r${i}`, input: `question ${i}`, output: `answer ${i}` });
const upload = (s: ReturnType<typeof session>, body: string) =>
  callApi(s.handlers, 'import.upload', { fileName: 'logs.jsonl', offset: 0, data: Buffer.from(body).toString('base64'), done: true });

describe('browser mode', () => {
  it('refuses absolute paths, ".." escapes and symlinks out of the workspace, for preview and import alike', async () => {
    const s = session(tmp, { kind: 'browser' });
    const outside = writeLines(path.join(s.dir, 'secret.jsonl'), [rec(1)]);
    await expect(callApi(s.handlers, 'import.preview', { paths: [outside] })).rejects.toThrow(/relative to the workspace folder/);
    await expect(callApi(s.handlers, 'import.start', { paths: [outside] })).rejects.toThrow(/relative to the workspace folder/);
    await expect(callApi(s.handlers, 'import.file', { path: '../secret.jsonl' })).rejects.toThrow(/"\.\." is not allowed/);
    await expect(callApi(s.handlers, 'import.preview', { paths: ['sub/../../secret.jsonl'] })).rejects.toThrow(/"\.\." is not allowed/);
    symlinkSync(outside, path.join(s.ws.dir, 'link.jsonl'));
    await expect(callApi(s.handlers, 'import.preview', { paths: ['link.jsonl'] })).rejects.toThrow(/leads outside the workspace folder/);
    expect(await callApi(s.handlers, 'import.history', {})).toEqual([]);
  });

  it('imports a file inside the workspace folder by its relative path', async () => {
    const s = session(tmp, { kind: 'browser' });
    mkdirSync(path.join(s.ws.dir, 'exports'));
    writeLines(path.join(s.ws.dir, 'exports', 'week1.jsonl'), [rec(1), rec(2)]);
    expect((await callApi(s.handlers, 'import.preview', { paths: ['exports/week1.jsonl'] })).spec.kind).toBe('logs');
    expect(await importFiles(s, ['exports/week1.jsonl'])).toMatchObject({ imported: 2 });
  });

  it('imports an upload by its handle and refuses that handle, and more chunks of it, in another session', async () => {
    const s = session(tmp, { kind: 'browser' });
    const other = session(tmp, { kind: 'browser' });
    const up = await upload(s, `${JSON.stringify(rec(1))}\n`);
    await expect(callApi(other.handlers, 'import.preview', { paths: [up.handle] })).rejects.toThrow(/unknown file handle/);
    await expect(callApi(other.handlers, 'import.upload', { uploadId: up.uploadId, fileName: 'logs.jsonl', offset: up.bytes, data: '' }))
      .rejects.toThrow(/not started in this session/);
    await expect(importFiles(other, ['handle:0123456789abcdef0123456789abcdef'])).rejects.toThrow(/unknown file handle/);
    expect(await importFiles(s, [up.handle])).toMatchObject({ imported: 1 });
  });

  it('returns a quarantine export as a download and writes nowhere the page names', async () => {
    const s = session(tmp, { kind: 'browser' });
    const up = await upload(s, `${JSON.stringify(rec(1))}\n{"bad"\n`);
    const sum = await importFiles(s, [up.handle]);
    const out = path.join(s.dir, 'victim.txt');
    writeFileSync(out, 'keep\n');
    await expect(callApi(s.handlers, 'import.quarantineExport', { importId: sum.importId!, path: out })).rejects.toThrow(/comes back as a download/);
    expect(readFileSync(out, 'utf8')).toBe('keep\n');
    const r = await callApi(s.handlers, 'import.quarantineExport', { importId: sum.importId! });
    expect(r).toMatchObject({ written: 1, path: null });
    expect(JSON.parse(r.jsonl!.trim())).toMatchObject({ line: 2, raw: '{"bad"' });
    await expect(callApi(s.handlers, 'import.pickSources', { folders: false })).rejects.toThrow(/for the desktop app/);
  });
});

describe('desktop app', () => {
  function desktop(picks: { sources: string[]; save?: string }): ApiHost {
    return { kind: 'electron', pickSources: async () => picks.sources, pickSaveTarget: async () => picks.save };
  }

  it('reads only files picked in its dialog and writes only where its save dialog says', async () => {
    const dir = tmp();
    const file = writeLines(path.join(dir, 'picked.jsonl'), [rec(1), '{"bad"']);
    const out = path.join(dir, 'quarantine.jsonl');
    const s = session(tmp, desktop({ sources: [file], save: out }));
    await expect(callApi(s.handlers, 'import.preview', { paths: [file] })).rejects.toThrow(/raw path is not accepted/);
    await expect(callApi(s.handlers, 'import.preview', { paths: ['picked.jsonl'] })).rejects.toThrow(/raw path is not accepted/);
    const [picked] = await callApi(s.handlers, 'import.pickSources', { folders: false });
    expect(picked).toMatchObject({ name: 'picked.jsonl' });
    expect(picked!.handle).not.toContain(dir);
    const sum = await importFiles(s, [picked!.handle]);
    expect(sum).toMatchObject({ imported: 1, quarantined: 1 });
    // A read handle is not a write handle: picking a file to import does not allow overwriting it.
    await expect(callApi(s.handlers, 'import.quarantineExport', { importId: sum.importId!, path: picked!.handle })).rejects.toThrow(/unknown file handle/);
    await expect(callApi(s.handlers, 'import.quarantineExport', { importId: sum.importId!, path: out })).rejects.toThrow(/only where you picked/);
    const target = await callApi(s.handlers, 'import.pickExportTarget', { defaultName: 'q.jsonl' });
    expect(await callApi(s.handlers, 'import.quarantineExport', { importId: sum.importId!, path: target!.handle })).toMatchObject({ written: 1, path: out });
    expect(JSON.parse(readFileSync(out, 'utf8').trim())).toMatchObject({ line: 2 });
    const again = session(tmp, desktop({ sources: [] }));
    await expect(importFiles(again, [picked!.handle])).rejects.toThrow(/unknown file handle/);
    expect(await callApi(again.handlers, 'import.pickSources', { folders: true })).toEqual([]);
  });
});

describe('CLI host', () => {
  it('takes plain paths, as the user running it could read them anyway', async () => {
    const s = session(tmp, { kind: 'cli' });
    const file = writeLines(path.join(s.dir, 'logs.jsonl'), [rec(1)]);
    expect(await importFiles(s, [file])).toMatchObject({ imported: 1 });
  });
});
