import { existsSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeUploads, sweepStaleUploads, writeUploadChunk } from '../../../../main/importers/uploads';
import { useTempDir } from '../../../helpers/tmp';

describe('browser-mode uploads', () => {
  const tmp = useTempDir('assay-uploads-');

  it('appends chunks in order and refuses a chunk at the wrong offset', () => {
    const root = tmp();
    writeUploadChunk({ uploadId: 'abcdefgh', fileName: 'logs.jsonl', offset: 0, data: Buffer.from('{"a":') }, root);
    expect(() => writeUploadChunk({ uploadId: 'abcdefgh', fileName: 'logs.jsonl', offset: 2, data: Buffer.from('1}') }, root)).toThrow(/expected the chunk at offset 5, got 2/);
    const done = writeUploadChunk({ uploadId: 'abcdefgh', fileName: 'logs.jsonl', offset: 5, data: Buffer.from('1}') }, root);
    expect(readFileSync(done.path, 'utf8')).toBe('{"a":1}');
  });

  it('removes imported uploads but never a file outside the upload folder', () => {
    const root = tmp();
    const up = writeUploadChunk({ uploadId: 'upload-one', fileName: 'a.csv', offset: 0, data: Buffer.from('x\n1\n') }, root);
    const own = path.join(tmp(), 'mine.csv');
    writeFileSync(own, 'x\n1\n');
    removeUploads([up.path, own, root, path.join(root, '..', 'mine.csv')], root);
    expect(existsSync(up.path)).toBe(false);
    expect(existsSync(path.join(root, 'upload-one'))).toBe(false);
    expect(existsSync(own)).toBe(true);
    expect(existsSync(root)).toBe(true);
  });

  it('sweeps uploads untouched for more than a day and keeps recent ones', () => {
    const root = tmp();
    const old = path.join(root, 'old-upload');
    const recent = path.join(root, 'new-upload');
    mkdirSync(old);
    mkdirSync(recent);
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3600 * 1000);
    utimesSync(old, twoDaysAgo, twoDaysAgo);
    expect(sweepStaleUploads(Date.now(), 24 * 3600 * 1000, root)).toBe(1);
    expect(existsSync(old)).toBe(false);
    expect(existsSync(recent)).toBe(true);
    expect(sweepStaleUploads(Date.now(), 24 * 3600 * 1000, path.join(root, 'absent'))).toBe(0);
  });
});
