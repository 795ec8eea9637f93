import type { Db } from './db';

export interface PromptTemplateRow {
  assetId: number;
  promptId: string;
  promptVersion: string | null;
  template: string | null;
}

/** The prompt asset already holding this id, version label and template text (null matches null). */
export function findPromptTemplate(db: Db, promptId: string, promptVersion: string | null, template: string | null): PromptTemplateRow | undefined {
  return db.prepare(`SELECT asset_id AS assetId, prompt_id AS promptId, prompt_version AS promptVersion, template FROM prompt_templates
      WHERE prompt_id = ? AND prompt_version IS ? AND template IS ? ORDER BY asset_id LIMIT 1`)
    .get(promptId, promptVersion, template) as PromptTemplateRow | undefined;
}

/** Any prompt asset with this id and version label, whatever its template (to warn about edits without a new version). */
export function findPromptVersion(db: Db, promptId: string, promptVersion: string | null): PromptTemplateRow | undefined {
  return db.prepare(`SELECT asset_id AS assetId, prompt_id AS promptId, prompt_version AS promptVersion, template FROM prompt_templates
      WHERE prompt_id = ? AND prompt_version IS ? ORDER BY asset_id DESC LIMIT 1`).get(promptId, promptVersion) as PromptTemplateRow | undefined;
}

export function insertPromptTemplate(db: Db, row: PromptTemplateRow, importId: number): void {
  db.prepare('INSERT INTO prompt_templates (asset_id, prompt_id, prompt_version, template, first_import_id) VALUES (?, ?, ?, ?, ?)')
    .run(row.assetId, row.promptId, row.promptVersion, row.template, importId);
}

export interface PromptAssetVersionRow {
  assetId: number;
  assetVersion: number;
  promptVersion: string | null;
  hasTemplate: boolean;
}

/** The prompt assets of one prompt id, oldest first, with their asset version numbers. */
export function promptAssetVersions(db: Db, promptId: string): PromptAssetVersionRow[] {
  const rows = db.prepare(`SELECT p.asset_id AS assetId, a.version AS assetVersion, p.prompt_version AS promptVersion,
      p.template IS NOT NULL AS hasTemplate FROM prompt_templates p JOIN assets a ON a.id = p.asset_id
      WHERE p.prompt_id = ? ORDER BY a.version, p.asset_id`).all(promptId) as (Omit<PromptAssetVersionRow, 'hasTemplate'> & { hasTemplate: number })[];
  return rows.map((r) => ({ ...r, hasTemplate: r.hasTemplate === 1 }));
}

export function listPromptTemplates(db: Db): PromptTemplateRow[] {
  return db.prepare('SELECT asset_id AS assetId, prompt_id AS promptId, prompt_version AS promptVersion, template FROM prompt_templates ORDER BY prompt_id, asset_id').all() as PromptTemplateRow[];
}
