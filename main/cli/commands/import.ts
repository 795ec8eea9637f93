import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { ImportSpec, ImportSummary, RecordField } from '../../../shared/contract/import-schemas';
import { ProgressBar } from '../../jobs/progress-bar';
import { CliError } from '../cli-error';
import type { ImportApi } from '../../../shared/contract/import-api';
import type { ContractCall } from '../../api/contract-dispatch';
import type { EventBus } from '../../api/event-bus';
import type { Workspace } from '../../storage/workspace';
import { openForCli, printJson } from '../open';

const KINDS = ['logs', 'dataset', 'kb'] as const;
const FORMATS = ['auto', 'jsonl', 'json', 'csv', 'openai', 'otel', 'openinference', 'langfuse'] as const;
const SPEC_KEYS = ['kind', 'format', 'mapping', 'csv', 'columns', 'chunking'];

interface ImportOpts {
  as?: string;
  format?: string;
  mapping?: string;
  name?: string;
  repeat?: string;
  chunkSize?: string;
  chunkOverlap?: string;
  delimiter?: string;
  header?: boolean;
  preview?: boolean;
  quarantineOut?: string;
  json?: boolean;
}

/**
 * A mapping file may hold a whole import spec ({"kind", "format", "mapping", "columns", ...}), a field mapping
 * ({"fields": {...}, "metadata": ...}) or just fields ({"input": "question", "output": "answer"}).
 */
export async function readMappingFile(file: string): Promise<ImportSpec> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new CliError(`--mapping ${file}: ${(err as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new CliError(`--mapping ${file}: expected a JSON object`);
  const o = parsed as Record<string, unknown>;
  if (Object.keys(o).some((k) => SPEC_KEYS.includes(k))) return o as ImportSpec;
  if ('fields' in o) return { mapping: o as NonNullable<ImportSpec['mapping']> };
  // Loaded here, not at the top: zod's start-up cost is not paid by every command (and `--help`).
  const { RecordField } = await import('../../../shared/contract/import-schemas');
  const unknown = Object.keys(o).filter((k) => !RecordField.options.includes(k as RecordField));
  if (unknown.length) throw new CliError(`--mapping ${file}: unknown record field(s) ${unknown.join(', ')}; fields are ${RecordField.options.join(', ')}`);
  return { mapping: { fields: o as Record<string, string> } };
}

function intOption(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new CliError(`${flag}: expected a whole number, got "${value}"`);
  return n;
}

export async function buildSpec(opts: ImportOpts): Promise<ImportSpec> {
  const spec: ImportSpec = opts.mapping ? await readMappingFile(opts.mapping) : {};
  if (opts.as !== undefined) {
    if (!(KINDS as readonly string[]).includes(opts.as)) throw new CliError(`--as: expected one of ${KINDS.join(', ')}, got "${opts.as}"`);
    spec.kind = opts.as as (typeof KINDS)[number];
  }
  if (opts.format !== undefined) {
    if (!(FORMATS as readonly string[]).includes(opts.format)) throw new CliError(`--format: expected one of ${FORMATS.join(', ')}, got "${opts.format}"`);
    spec.format = opts.format as (typeof FORMATS)[number];
  }
  const size = intOption(opts.chunkSize, '--chunk-size');
  const overlap = intOption(opts.chunkOverlap, '--chunk-overlap');
  if (size !== undefined || overlap !== undefined) spec.chunking = { ...spec.chunking, ...(size !== undefined ? { size } : {}), ...(overlap !== undefined ? { overlap } : {}) };
  if (opts.delimiter !== undefined || opts.header === false) {
    spec.csv = { ...spec.csv, ...(opts.delimiter !== undefined ? { delimiter: opts.delimiter === '\\t' ? '\t' : opts.delimiter } : {}), ...(opts.header === false ? { header: false } : {}) };
  }
  return spec;
}

/** The --json summary: snake_case like the rest of the CLI's machine output. */
export function summaryJson(s: ImportSummary): Record<string, unknown> {
  return {
    asset_id: s.assetId, version: s.version, sha256: s.sha256, content_sha256: s.contentSha256, kind: s.kind, format: s.format,
    name: s.name, input_count: s.inputCount, imported: s.imported, quarantined: s.quarantined, duplicates: s.duplicates, stored: s.stored,
    duplicate_of_asset_id: s.duplicateOfAssetId, import_id: s.importId, sources: s.sources, prompts: s.prompts, kb_changes: s.kbChanges,
    warnings: s.warnings, quarantine: s.quarantine,
  };
}

const STORED: Record<ImportSummary['kind'], string> = { logs: 'records', dataset: 'rows', kb: 'chunks' };
const UNITS: Record<ImportSummary['kind'], string> = { logs: 'input rows', dataset: 'rows', kb: 'documents' };

export function printSummary(s: ImportSummary, write: (line: string) => void): void {
  const n = (v: number) => v.toLocaleString('en-US');
  if (s.duplicateOfAssetId !== null) {
    write(`identical content is already asset ${s.duplicateOfAssetId} (${s.kind} "${s.name}" v${s.version}); nothing imported`);
  } else if (s.assetId === null) {
    write(`nothing imported: every input row was quarantined (import ${s.importId})`);
  } else {
    write(`imported ${s.kind} asset ${s.assetId} "${s.name}" v${s.version} (${s.format})`);
    write(`  sha256 ${s.sha256} (source), ${s.contentSha256} (content)`);
  }
  write(`  ${n(s.inputCount)} ${UNITS[s.kind]} = ${n(s.imported)} imported + ${n(s.quarantined)} quarantined + ${n(s.duplicates)} duplicates; ${n(s.stored)} ${STORED[s.kind]} stored`);
  if (s.kbChanges) write(`  vs previous version (asset ${s.kbChanges.previousAssetId}): ${s.kbChanges.added} added, ${s.kbChanges.removed} removed, ${s.kbChanges.changed} changed, ${s.kbChanges.unchanged} unchanged`);
  const created = s.prompts.filter((p) => p.created);
  if (s.prompts.length) write(`  prompts seen: ${s.prompts.length} (${created.length} new prompt asset${created.length === 1 ? '' : 's'})`);
  for (const w of s.warnings) write(`  warning: ${w}`);
  for (const q of s.quarantine.slice(0, 20)) {
    const where = q.line !== null ? `:${q.line}` : q.byteOffset !== null ? ` @byte ${q.byteOffset}` : '';
    write(`  quarantined ${q.file}${where}${q.field ? ` [${q.field}]` : ''}: ${q.reason}`);
  }
  if (s.quarantined > 20) write(`  … and ${n(s.quarantined - 20)} more (export them with --quarantine-out FILE or \`assay quarantine\`)`);
}

/** `import --as profile`: population-wide figures from `assay profile` / `assay profile merge` output. */
async function importProfiles(dir: string, paths: string[], json: boolean): Promise<void> {
  const { importProfileFile } = await import('../../profile/import-profile');
  const { ws } = await openForCli(dir);
  try {
    for (const file of paths) {
      let r;
      try {
        r = importProfileFile(ws, file);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        throw new CliError(code ? `${file}: cannot read (${code})` : (err as Error).message);
      }
      if (json) printJson({ profile_id: r.id, created: r.created, sha256: r.sha256, records: r.profile.records, partitions: r.profile.partitions.length, groups: r.profile.groups.length });
      else process.stdout.write(`${r.created ? 'imported' : 'already imported'} population profile ${r.id}: ${r.profile.records.toLocaleString('en-US')} records (population-wide) in ${r.profile.groups.length} groups from ${r.profile.partitions.length} partition(s); sha256 ${r.sha256}\n`);
    }
  } finally {
    ws.close();
  }
}

/**
 * A CLI session with only the import handlers, validating against the import part of the contract: the full set
 * loads every engine (analyzers, search, reports), which cost the import about 0.4-0.7 s of CPU before its first
 * row on a busy 2-core machine, and the whole contract's schemas another ~0.25 s.
 */
async function openImportSession(dir: string): Promise<{ ws: Workspace; events: EventBus; call: ContractCall<ImportApi> }> {
  const [{ openWorkspace, defaultActor }, { createImportHandlers }, { EventBus }, { callIn }, { importApi }] = await Promise.all([
    import('../../storage/workspace'), import('../../api/import-handlers'), import('../../api/event-bus'), import('../../api/contract-dispatch'),
    import('../../../shared/contract/import-api'),
  ]);
  const ws = openWorkspace(dir, { actor: defaultActor('cli') });
  const events = new EventBus();
  const handlers = createImportHandlers(ws, events, { kind: 'cli' });
  return { ws, events, call: (method, input) => callIn(importApi, handlers, method, input) };
}

export function registerImport(program: Command): void {
  program
    .command('import')
    .description('import logs, datasets or knowledge bases as a new asset version (format detected; every row imported or quarantined)')
    .argument('<workspace>', 'workspace folder')
    .argument('<paths...>', 'files or folders (.jsonl, .json, .csv, .gz; .md/.txt/.html folders for knowledge bases)')
    .option('--as <kind>', `what the files are: ${KINDS.join('|')}|profile (default: detected; profile = \`assay profile\` output, population-wide figures)`)
    .option('--format <format>', `${FORMATS.join('|')} (default: auto)`)
    .option('--mapping <file.json>', 'field mapping or full import spec (JSON); saved with the asset')
    .option('--name <name>', 'asset name (default: the file or folder name); same name = new version')
    .option('--repeat <assetId>', 'reuse the mapping, schema and chunking saved with an earlier asset')
    .option('--chunk-size <chars>', 'knowledge bases: chunk size in characters (default 1200)')
    .option('--chunk-overlap <chars>', 'knowledge bases: overlap between chunks (default 150)')
    .option('--delimiter <char>', 'CSV delimiter (default: detected; "\\t" for tab)')
    .option('--no-header', 'CSV: the first row is data, not column names')
    .option('--preview', 'show the detected format and the first rows as they would be stored; import nothing')
    .option('--quarantine-out <file.jsonl>', 'also write every quarantined row to this JSONL file')
    .option('--json', 'print the summary as JSON')
    .action(async (dir: string, paths: string[], opts: ImportOpts) => {
      if (opts.as === 'profile') return importProfiles(dir, paths, opts.json === true);
      const spec = await buildSpec(opts);
      const repeatOf = intOption(opts.repeat, '--repeat');
      const { printable } = await import('../../importers/import-error');
      const { ws, events, call } = await openImportSession(dir);
      try {
        if (opts.preview) {
          const p = await call('import.preview', { paths, spec, repeatOf, limit: 10 });
          if (opts.json) return printJson(p);
          const say = (line: string) => process.stdout.write(`${printable(line)}\n`);
          say(`${p.spec.kind} / ${p.spec.format} (${p.spec.container}${p.compressed ? ', gzip' : ''}): ${p.reason}`);
          say(`spec: ${JSON.stringify(p.spec)}`);
          for (const w of p.warnings) say(`warning: ${w}`);
          for (const r of p.rows) say(JSON.stringify(r).slice(0, 400));
          for (const q of p.quarantine) say(`quarantined ${q.file}:${q.line ?? q.byteOffset}${q.field ? ` [${q.field}]` : ''}: ${q.reason}`);
          return;
        }
        const bar = new ProgressBar();
        const unsubscribe = events.subscribe((e) => { if (e.type === 'progress') bar.update(e); });
        const cancel = () => {
          bar.clear();
          process.stderr.write('cancelling import (rolling back)…\n');
          void call('jobs.list', {}).then((jobs) => jobs.filter((j) => j.status === 'running').forEach((j) => void call('jobs.cancel', { jobId: j.jobId })));
        };
        process.once('SIGINT', cancel);
        let s: ImportSummary;
        try {
          s = await call('import.file', { paths, name: opts.name, spec, repeatOf });
        } catch (err) {
          if (/cancelled/.test((err as Error).message)) throw new CliError('import cancelled; nothing was stored', 130);
          throw err;
        } finally {
          process.removeListener('SIGINT', cancel);
          unsubscribe();
          bar.clear();
        }
        if (opts.quarantineOut) {
          if (s.importId !== null) {
            const r = await call('import.quarantineExport', { importId: s.importId, path: opts.quarantineOut });
            if (!opts.json) process.stdout.write(`wrote ${r.written} quarantined row(s) to ${r.path}\n`);
          } else if (!opts.json) {
            process.stdout.write(`no quarantine file written: nothing was stored by this import\n`);
          }
        }
        if (opts.json) return printJson(summaryJson(s));
        // File names, field names and reasons come from the input: nothing in them may drive the terminal.
        printSummary(s, (line) => process.stdout.write(`${printable(line)}\n`));
      } finally {
        ws.close();
      }
    });
}

/** `assay quarantine`: every quarantined row of an import or asset as JSONL (stdout or a file). */
export function registerQuarantine(program: Command): void {
  program
    .command('quarantine')
    .description('export quarantined input rows (file, line or byte offset, field, reason, raw) as JSONL')
    .argument('<workspace>', 'workspace folder')
    .option('--import <id>', 'rows quarantined by this import run')
    .option('--asset <id>', 'rows quarantined by the import that created this asset')
    .option('--out <file.jsonl>', 'write to this file instead of stdout')
    .action(async (dir: string, opts: { import?: string; asset?: string; out?: string }) => {
      const importId = intOption(opts.import, '--import');
      const assetId = intOption(opts.asset, '--asset');
      if (importId === undefined && assetId === undefined) throw new CliError('give --import <id> or --asset <id> (see `assay import --json` for the ids)');
      const { ws, call } = await openForCli(dir);
      try {
        if (opts.out) {
          const r = await call('import.quarantineExport', { importId, assetId, path: opts.out });
          process.stderr.write(`wrote ${r.written} quarantined row(s) to ${r.path}\n`);
          return;
        }
        for (let offset = 0; ; offset += 1000) {
          const page = await call('import.quarantine', { importId, assetId, offset, limit: 1000 });
          for (const q of page.rows) process.stdout.write(`${JSON.stringify({ file: q.file, line: q.line, byte_offset: q.byteOffset, field: q.field, reason: q.reason, raw: q.raw, import_id: q.importId })}\n`);
          if (offset + 1000 >= page.total) break;
        }
      } finally {
        ws.close();
      }
    });
}
