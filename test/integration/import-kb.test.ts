import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { callApi } from '../../main/api/dispatch';
import { listKbChunks, listKbDocuments } from '../../main/storage/kb-repo';
import { useTempDir } from '../helpers/tmp';
import { expectBalanced, fixtures, importFiles, session } from './import-helpers';

const tmp = useTempDir('assay-kb-');
const kbDir = path.join(fixtures, 'kb');

describe('knowledge bases', () => {
  it('chunks Markdown, HTML, text and JSONL documents with ids, titles and exact offsets; reports what it cannot read', async () => {
    const s = session(tmp);
    const sum = await importFiles(s, [kbDir], { name: 'support-kb', spec: { chunking: { size: 400, overlap: 60 } } });
    expectBalanced(sum);
    expect(sum).toMatchObject({ kind: 'kb', inputCount: 8, imported: 5, quarantined: 2, duplicates: 1 });
    expect(sum.quarantine.map((q) => [path.basename(q.file), q.line, q.field])).toEqual([['faq.jsonl', 4, 'text'], ['scanned-manual.pdf', null, null]]);
    expect(sum.quarantine[1]!.reason).toMatch(/^PDF is not supported/);
    const docs = listKbDocuments(s.ws.db, sum.assetId!);
    expect(docs.map((d) => [d.docId, d.title])).toEqual([
      ['faq-plans', 'Plans'], ['faq-returns', 'Returns'], ['guides/cam-troubleshooting.html', 'Lumo Cam troubleshooting'],
      ['guides/hub-setup.md', 'Lumo Hub setup guide'], ['warranty.txt', 'warranty'],
    ]);
    const md = readFileSync(path.join(kbDir, 'guides', 'hub-setup.md'), 'utf8');
    const chunks = listKbChunks(s.ws.db, sum.assetId!, 'guides/hub-setup.md');
    expect(chunks.length).toBeGreaterThan(2);
    for (const c of chunks) {
      expect(c.text).toBe(md.slice(c.startOffset, c.endOffset));
      expect(c.text.length).toBeLessThanOrEqual(400);
    }
    expect(chunks.map((c) => c.title)).toContain('Lumo Hub setup guide › Firmware updates');
    expect(chunks.some((c) => c.text.includes('## Reset') && c.text.includes('## Firmware'))).toBe(false);
    const fence = chunks.find((c) => c.text.includes('# this line is a shell comment'));
    expect(fence?.title).toBe('Lumo Hub setup guide › Firmware updates');
    const html = listKbChunks(s.ws.db, sum.assetId!, 'guides/cam-troubleshooting.html').map((c) => c.text).join('\n');
    expect(html).toContain('Solid red: the camera has lost its Wi-Fi connection.');
    expect(html).not.toMatch(/console\.log|font:|<b>|&amp;/);
  });

  it('records which documents a new version added, removed and changed, and reports identical content', async () => {
    const s = session(tmp);
    const dir = path.join(s.dir, 'kb');
    cpSync(kbDir, dir, { recursive: true });
    const v1 = await importFiles(s, [dir], { name: 'kb' });
    expect(v1.kbChanges).toBeNull();
    writeFileSync(path.join(dir, 'warranty.txt'), 'Lumo devices carry a three-year limited warranty.\n');
    rmSync(path.join(dir, 'guides', 'cam-troubleshooting.html'));
    writeFileSync(path.join(dir, 'shipping.md'), '# Shipping\n\nOrders ship within two business days.\n');
    const v2 = await importFiles(s, [dir], { name: 'kb' });
    expect(v2.version).toBe(2);
    expect(v2.kbChanges).toEqual({ previousAssetId: v1.assetId, added: 1, removed: 1, changed: 1, unchanged: 3 });
    const changes = await callApi(s.handlers, 'kb.changes', { assetId: v2.assetId! });
    expect(changes).toEqual({ previousAssetId: v1.assetId, changes: [
      { docId: 'shipping.md', change: 'added' }, { docId: 'warranty.txt', change: 'changed' }, { docId: 'guides/cam-troubleshooting.html', change: 'removed' },
    ] });
    const same = await importFiles(s, [dir], { name: 'kb' });
    expect(same).toMatchObject({ duplicateOfAssetId: v2.assetId, imported: 0 });
    const rechunked = await importFiles(s, [dir], { name: 'kb', spec: { chunking: { size: 300, overlap: 0 } } });
    expect(rechunked).toMatchObject({ version: 3, duplicateOfAssetId: null, kbChanges: { added: 0, removed: 0, changed: 0, unchanged: 5 } });
  });

  it('rejects an overlap not smaller than the chunk size', async () => {
    const s = session(tmp);
    await expect(importFiles(s, [kbDir], { spec: { chunking: { size: 200, overlap: 200 } } })).rejects.toThrow(/overlap must be smaller than size/);
  });
});
