import { createHash } from 'node:crypto';
import type { PromptSeen } from '../../../shared/contract/import-schemas';
import { insertAsset, nextAssetVersion, finishAsset } from '../../storage/assets-repo';
import type { Db } from '../../storage/db';
import { findPromptTemplate, findPromptVersion, insertPromptTemplate } from '../../storage/prompts-repo';

/** Distinct prompts tracked per import; logs with more distinct prompt ids than this are not all turned into assets. */
const MAX_DISTINCT = 5000;

interface Seen {
  promptId: string;
  promptVersion: string | null;
  templates: Set<string | null>;
}

/** Collects the prompt ids, versions and template texts a log import sees, in bounded memory. */
export class PromptCollector {
  private readonly seen = new Map<string, Seen>();
  overflow = false;

  see(promptId: string | null, promptVersion: string | null, template: string | null): void {
    const id = promptId ?? (template !== null ? templatePromptId(template) : null);
    if (id === null) return;
    const key = `${id}\u0000${promptVersion ?? ''}`;
    let s = this.seen.get(key);
    if (!s) {
      if (this.seen.size >= MAX_DISTINCT) { this.overflow = true; return; }
      s = { promptId: id, promptVersion, templates: new Set() };
      this.seen.set(key, s);
    }
    if (s.templates.size < 8) s.templates.add(template);
  }

  /**
   * One prompt asset per distinct (id, version label, template); an existing identical one is reused. Call inside
   * the import's transaction. Returns what was seen and warnings for templates edited without a version change.
   */
  commit(db: Db, importId: number): { prompts: PromptSeen[]; warnings: string[] } {
    const prompts: PromptSeen[] = [];
    const warnings: string[] = [];
    for (const s of this.seen.values()) {
      const templates = [...s.templates];
      const texts = templates.filter((t): t is string => t !== null);
      const chosen = texts.length > 0 ? texts : [null];
      if (texts.length > 1) warnings.push(`prompt ${s.promptId} version ${s.promptVersion ?? '(none)'} appears with ${texts.length} different templates; each is kept as its own prompt asset version`);
      for (const template of chosen) {
        const existing = findPromptTemplate(db, s.promptId, s.promptVersion, template);
        if (existing) {
          prompts.push({ assetId: existing.assetId, promptId: s.promptId, promptVersion: s.promptVersion, created: false });
          continue;
        }
        const sameLabel = findPromptVersion(db, s.promptId, s.promptVersion);
        if (sameLabel && sameLabel.template !== null && template !== null && sameLabel.template !== template) {
          warnings.push(`prompt ${s.promptId} version ${s.promptVersion ?? '(none)'} has a different template than the one already stored (asset ${sameLabel.assetId})`);
        }
        const version = nextAssetVersion(db, 'prompt', s.promptId);
        const assetId = insertAsset(db, { kind: 'prompt', name: s.promptId, version, sha256: 'pending', sourcePath: null });
        finishAsset(db, assetId, sha256(JSON.stringify([s.promptId, s.promptVersion, template])), 1);
        insertPromptTemplate(db, { assetId, promptId: s.promptId, promptVersion: s.promptVersion, template }, importId);
        prompts.push({ assetId, promptId: s.promptId, promptVersion: s.promptVersion, created: true });
      }
    }
    if (this.overflow) warnings.push(`more than ${MAX_DISTINCT} distinct prompts; only the first ${MAX_DISTINCT} became prompt assets`);
    return { prompts, warnings };
  }
}

/** The prompt id given to a template logged without one, so records and the prompt asset still link. */
export function templatePromptId(template: string): string {
  return `template-${sha256(template).slice(0, 12)}`;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
