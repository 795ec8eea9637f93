import type { Command } from 'commander';
import { callApi } from '../../api/dispatch';
import { openForCli, printJson } from '../open';

export function registerImport(program: Command): void {
  program
    .command('import')
    .description('import a JSONL file of LLM interaction records as a new asset version')
    .argument('<workspace>', 'workspace folder')
    .argument('<file>', 'JSONL file, one record per line (see README: formats)')
    .option('--name <name>', 'asset name (default: the file name)')
    .option('--json', 'print the summary as JSON')
    .action(async (dir: string, file: string, opts: { name?: string; json?: boolean }) => {
      const { ws, handlers } = openForCli(dir);
      try {
        const s = await callApi(handlers, 'import.file', { path: file, name: opts.name });
        const summary = {
          asset_id: s.assetId, version: s.version, sha256: s.sha256, imported: s.imported,
          quarantined: s.quarantined, duplicates: s.duplicates, duplicate_of_asset_id: s.duplicateOfAssetId, quarantine: s.quarantine,
        };
        if (opts.json) return printJson(summary);
        if (s.duplicateOfAssetId !== null) {
          process.stdout.write(`identical content is already asset ${s.duplicateOfAssetId} (v${s.version}); nothing imported\n`);
          return;
        }
        process.stdout.write(`asset ${s.assetId} v${s.version} sha256 ${s.sha256}\n`);
        process.stdout.write(`imported ${s.imported}, quarantined ${s.quarantined}, duplicates ${s.duplicates}\n`);
        for (const q of s.quarantine.slice(0, 20)) process.stdout.write(`  ${q.file}:${q.line}${q.field ? ` [${q.field}]` : ''}: ${q.reason}\n`);
        if (s.quarantined > 20) process.stdout.write(`  ... and ${s.quarantined - 20} more\n`);
      } finally {
        ws.close();
      }
    });
}
