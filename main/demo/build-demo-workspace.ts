import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { importJsonlRecords } from '../importers/jsonl-records';
import { runImport } from '../importers/run-import';
import { createWorkspace, isWorkspace, openWorkspace, workspaceName } from '../storage/workspace';
import { WorkspaceError } from '../storage/workspace-error';
import { writeDemoFiles } from './write-demo-files';

export const DEMO_WORKSPACE_NAME = 'Assay demo: support bot audit';
export const DEMO_SEED = 42;

export interface DemoResult {
  dir: string;
  reused: boolean;
}

function isDemoWorkspace(dir: string): boolean {
  if (!isWorkspace(dir)) return false;
  const ws = openWorkspace(dir, { readonly: true });
  try {
    return workspaceName(ws.db) === DEMO_WORKSPACE_NAME;
  } finally {
    ws.close();
  }
}

/**
 * Builds the demo workspace from the seeded generator: the same seed gives the same data, so an existing demo
 * is reused unless `force`, and only a folder that is a demo workspace is ever replaced.
 */
export async function buildDemoWorkspace(dir: string, options: { force?: boolean; actor?: string } = {}): Promise<DemoResult> {
  const abs = path.resolve(dir);
  if (existsSync(abs) && isDemoWorkspace(abs)) {
    if (!options.force) return { dir: abs, reused: true };
    rmSync(abs, { recursive: true, force: true });
  } else if (existsSync(abs) && isWorkspace(abs)) {
    throw new WorkspaceError(`${abs}: is a workspace that is not the demo; refusing to replace it`);
  }
  const ws = createWorkspace(abs, { name: DEMO_WORKSPACE_NAME, actor: options.actor });
  try {
    const files = writeDemoFiles(path.join(abs, 'demo-sources'), DEMO_SEED);
    await importJsonlRecords(ws, files.logsPath, { name: 'support-bot-logs' });
    await runImport(ws, { paths: [files.kbDir], name: 'support-kb', spec: { kind: 'kb' } });
    for (const csv of [files.referencePath, files.currentPath]) await runImport(ws, { paths: [csv], spec: { kind: 'dataset', format: 'csv' } });
    return { dir: abs, reused: false };
  } catch (err) {
    ws.close();
    rmSync(abs, { recursive: true, force: true });
    throw err;
  } finally {
    ws.close();
  }
}
