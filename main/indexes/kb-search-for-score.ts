import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Evidence } from '../../shared/engine/analyzer';
import { runImport } from '../importers/run-import';
import { createWorkspace } from '../storage/workspace';
import { IndexError } from './index-error';
import { createKbSearch } from './kb-search';

/**
 * Evidence search over a knowledge base given as files (`assay score --kb PATH`: a folder or .md/.txt/.html/.jsonl
 * files), for stateless scoring outside any workspace. The KB is imported into a throwaway workspace with the
 * same reader and chunker as `assay import`, indexed the same way, and the folder is removed when the process
 * exits, so scoring with --kb and scoring inside a workspace retrieve from identical chunks.
 */
export async function loadKbSearch(kbPath: string): Promise<(text: string, k: number) => Evidence[]> {
  return (await prepareKbForScore(kbPath)).searchKb;
}

export interface PreparedKb {
  /** The throwaway workspace holding the KB and its built index; worker threads open it read-only. */
  dir: string;
  assetId: number;
  searchKb: (text: string, k: number) => Evidence[];
}

/** Imports and indexes the KB once, so every scoring thread can share the same index files. */
export async function prepareKbForScore(kbPath: string): Promise<PreparedKb> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'assay-kb-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  const ws = createWorkspace(path.join(dir, 'ws'), { name: 'score --kb', actor: 'assay score' });
  try {
    const summary = await runImport(ws, { paths: [kbPath], spec: { kind: 'kb' } });
    if (summary.assetId === null || summary.stored === 0) {
      const why = summary.quarantine[0] ? `: ${summary.quarantine[0].file}: ${summary.quarantine[0].reason}` : '';
      throw new IndexError('empty_corpus', `--kb ${kbPath}: no knowledge-base text to search (${summary.quarantined} document(s) rejected${why})`);
    }
    return { dir: ws.dir, assetId: summary.assetId, searchKb: (await createKbSearch(ws, summary.assetId)).searchKb };
  } catch (err) {
    ws.close();
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}
