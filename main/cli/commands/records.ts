import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { RECORD_FLAGS, RECORD_SORT_COLUMNS } from '../../../shared/contract/enum-values';
import type { RecordCursor } from '../../../shared/contract/schemas';
import type { RecordExportFormat, RecordFilterSpec } from '../../../shared/contract/records-schemas';
import { CliError } from '../cli-error';
import { openForCli, printJson } from '../open';

interface ExportOptions {
  out: string;
  format?: string;
  view?: string;
  asset?: string;
  model?: string;
  promptVersion?: string;
  search?: string;
  flag?: string;
  sort?: string;
  dir?: string;
  revealPii?: boolean;
  json?: boolean;
}

function formatOf(opts: ExportOptions): RecordExportFormat {
  const format = opts.format ?? (/\.csv$/i.test(opts.out) ? 'csv' : /\.jsonl?$/i.test(opts.out) ? 'jsonl' : undefined);
  if (format !== 'csv' && format !== 'jsonl') throw new CliError(`${opts.out}: cannot tell the format from the name; give --format csv or --format jsonl`);
  return format;
}

function enumOption<T extends string>(value: string | undefined, name: string, schema: { options: readonly T[] }): T | undefined {
  if (value === undefined) return undefined;
  if (!(schema.options as readonly string[]).includes(value)) throw new CliError(`${name} ${JSON.stringify(value)}: expected one of ${schema.options.join(', ')}`);
  return value as T;
}

export function registerRecords(program: Command): void {
  const records = program.command('records').description('the records of a workspace: export the current view');
  records
    .command('export')
    .description('write the records a filter and sort select (a saved view, or options) as CSV or JSONL; personal data masked unless --reveal-pii')
    .argument('<workspace>', 'workspace folder')
    .requiredOption('--out <file>', 'the .csv or .jsonl file to write (replaced only once the export is complete)')
    .option('--format <csv|jsonl>', 'output format (default: from the file name)')
    .option('--view <name>', 'start from a saved view; the options below override its filter and sort')
    .option('--asset <id>', 'records of this log asset')
    .option('--model <name>', 'records of this model')
    .option('--prompt-version <v>', 'records of this prompt version')
    .option('--search <text>', 'full-text search over input, output, contexts and ids; "quoted phrases" match exactly')
    .option('--flag <flag>', `records the latest analysis flagged: ${RECORD_FLAGS.join(', ')}`)
    .option('--sort <column>', `sort column: ${RECORD_SORT_COLUMNS.join(', ')}`)
    .option('--dir <asc|desc>', 'sort direction')
    .option('--reveal-pii', 'write personal data as stored instead of masking it')
    .option('--json', 'print a JSON summary')
    .action(async (dir: string, opts: ExportOptions) => {
      const format = formatOf(opts);
      const assetId = opts.asset === undefined ? undefined : Number(opts.asset);
      if (assetId !== undefined && (!Number.isInteger(assetId) || assetId <= 0)) throw new CliError(`--asset ${JSON.stringify(opts.asset)}: expected a positive asset id`);
      const flag = enumOption(opts.flag, '--flag', { options: RECORD_FLAGS });
      const sortOption = enumOption(opts.sort, '--sort', { options: RECORD_SORT_COLUMNS });
      const dirOption = enumOption(opts.dir, '--dir', { options: ['asc', 'desc'] as const });
      const { ws, call } = await openForCli(dir);
      const out = path.resolve(opts.out);
      const partial = `${out}.partial-${process.pid}`;
      let fd: number | null = null;
      try {
        let filter: RecordFilterSpec = {};
        let sort = sortOption ?? 'id';
        let direction = dirOption ?? 'asc';
        if (opts.view !== undefined) {
          const view = (await call('records.views.list', {})).find((v) => v.name === opts.view);
          if (!view) throw new CliError(`${ws.dir}: no saved view named ${JSON.stringify(opts.view)}`);
          filter = view.filter;
          sort = sortOption ?? view.sort;
          direction = dirOption ?? view.dir;
        }
        const given: RecordFilterSpec = { assetId, model: opts.model, promptVersion: opts.promptVersion, search: opts.search, flag };
        for (const [key, value] of Object.entries(given)) if (value !== undefined) Object.assign(filter, { [key]: value });
        const revealPii = opts.revealPii === true;
        // Written beside the target and renamed at the end, so a failed export never leaves a half file or
        // truncates an existing one.
        fd = openSync(partial, 'wx');
        let rows = 0;
        let after: RecordCursor | undefined;
        for (;;) {
          const chunk = await call('records.exportChunk', { ...filter, sort, dir: direction, format, revealPii, limit: 2000, after });
          writeSync(fd, chunk.text);
          rows += chunk.rows;
          if (!chunk.next) break;
          after = chunk.next;
        }
        closeSync(fd);
        fd = null;
        renameSync(partial, out);
        const summary = { path: out, format, rows, piiMasked: !revealPii, filter, sort, dir: direction };
        if (opts.json) printJson(summary);
        else process.stderr.write(`wrote ${rows} record(s) to ${out} (${format}, personal data ${revealPii ? 'as stored' : 'masked'})\n`);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new CliError(`${partial}: a previous export left this file; remove it and retry`);
        if ((err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'EACCES') throw new CliError(`${out}: cannot write (${(err as Error).message})`);
        throw err;
      } finally {
        if (fd !== null) { closeSync(fd); rmSync(partial, { force: true }); }
        ws.close();
      }
    });
}
