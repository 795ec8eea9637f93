import type { Command } from 'commander';
import path from 'node:path';
import type { EmbedderSettings, SearchHit, SearchResult } from '../../../shared/contract/retrieval-schemas';
import type { AssayEvent } from '../../../shared/contract/events';
import type { EventBus } from '../../api/event-bus';
import { CliError } from '../cli-error';
import { openForCli, printJson, type CallApi } from '../open';
import { kbOption } from '../kb-option';

/** Parses an optional positive integer option, naming the option when it is not one. */
export function intOption(name: string, value: string | undefined, min = 1, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new CliError(`${name}: expected an integer in ${min}..${max}, got "${value}"`);
  return n;
}

/** The embedding asked for on the command line: a model folder, the built-in provider, or (neither) the index's own. */
export function embedderOption(opts: { modelDir?: string; builtin?: boolean }): EmbedderSettings | undefined {
  if (opts.modelDir !== undefined && opts.builtin) throw new CliError('--model-dir and --builtin choose different embeddings; give one');
  if (opts.modelDir !== undefined) {
    if (opts.modelDir.trim() === '') throw new CliError('--model-dir: expected a folder');
    return { modelDir: path.resolve(opts.modelDir) };
  }
  return opts.builtin ? {} : undefined;
}

/**
 * Shows index builds on stderr (the index is built on first use) and cancels them on Ctrl-C, so an interrupted
 * build leaves the workspace as it was. Returns a function that stops listening.
 */
export function followIndexBuilds(events: EventBus, call: CallApi): () => void {
  const tty = process.stderr.isTTY;
  let jobId: string | null = null;
  let open = false;
  const off = events.subscribe((e: AssayEvent) => {
    if (e.type === 'progress' && e.phase.startsWith('index.')) {
      jobId = e.jobId;
      const pct = e.total ? ` ${Math.floor((e.done / e.total) * 100)}%` : '';
      const rate = e.ratePerSec ? `, ${Math.round(e.ratePerSec)}/s` : '';
      const eta = e.etaSec !== null && e.done < (e.total ?? 0) ? `, ${Math.ceil(e.etaSec)} s left` : '';
      const line = `${e.message ?? 'indexing'} ${e.done}/${e.total ?? '?'}${pct}${rate}${eta}`;
      process.stderr.write(tty ? `\r\x1b[K${line}` : `${line}\n`);
      open = tty;
    } else if (e.type === 'job.finished' && e.jobId === jobId) {
      if (open) process.stderr.write('\n');
      open = false;
      jobId = null;
    }
  });
  const onSigint = () => {
    if (jobId) void call('indexes.cancel', { jobId }).catch(() => undefined);
    else process.exit(130);
  };
  process.on('SIGINT', onSigint);
  let stopped = false;
  return () => {
    if (stopped) return;
    stopped = true;
    off();
    process.off('SIGINT', onSigint);
    if (open) process.stderr.write('\n');
  };
}

function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function describeHit(h: SearchHit, rank: number): string {
  const where = h.docId !== null
    ? `${h.docId}${h.chunkIndex !== null ? `#${h.chunkIndex}` : ''}${h.title ? ` (${h.title})` : ''}`
    : `record ${h.id}${h.externalId ? ` [${h.externalId}]` : ''}${h.model ? ` ${h.model}` : ''}${h.timestamp ? ` ${h.timestamp}` : ''}`;
  return `${String(rank).padStart(2)}. ${h.score.toFixed(3)}  ${where}\n    ${oneLine(h.text, 200)}\n`;
}

function printResult(r: SearchResult): void {
  const ix = r.index;
  const scope = ix.source === 'kb' ? `KB asset ${ix.assetId}` : 'records';
  const model = ix.provider.location ? ` from ${ix.provider.location}` : '';
  process.stdout.write(`${scope} index ${ix.id} (${ix.provider.id} v${ix.provider.version}${model}, ${ix.provider.dimension} dims, ${ix.itemCount} items)${r.built ? ', built now' : ''}\n`);
  if (r.note) process.stdout.write(`note: ${r.note}\n`);
  if (r.hits.length === 0) process.stdout.write('no results\n');
  r.hits.forEach((h, i) => process.stdout.write(describeHit(h, i + 1)));
}

interface SearchOptions {
  index: string;
  k?: string;
  kb?: string;
  asset?: string;
  model?: string;
  from?: string;
  to?: string;
  rebuild?: boolean;
  build?: boolean;
  modelDir?: string;
  builtin?: boolean;
  json?: boolean;
}

export function registerSearch(program: Command): void {
  program
    .command('search')
    .description('nearest-neighbour search over the KB or the records (the index is built on first use)')
    .argument('<workspace>', 'workspace folder')
    .argument('<text>', 'what to search for')
    .option('--index <kind>', 'kb or records', 'kb')
    .option('-k, --k <n>', 'how many results (1..100)', '5')
    .option('--kb <ID[:VERSION]>', 'KB to search: an asset id or name, optionally a version (default: the KB the last analysis used, else the newest)')
    .option('--asset <assetId>', 'records index: only records of this logs asset')
    .option('--model <name>', 'records index: only records of this model')
    .option('--from <time>', 'records index: only records at or after this ISO-8601 time')
    .option('--to <time>', 'records index: only records at or before this ISO-8601 time')
    .option('--rebuild', 'rebuild the index before searching (after a failed hash or provider check)')
    .option('--no-build', 'fail instead of building a missing index')
    .option('--model-dir <folder>', 'embed with a local ONNX sentence-embedding model (model.onnx + tokenizer.json or vocab.txt); the index is built with it if needed')
    .option('--builtin', 'embed with the built-in provider (hashed TF-IDF); the index is rebuilt with it if it used a model folder')
    .option('--json', 'print the result as JSON')
    .action(async (dir: string, text: string, opts: SearchOptions) => {
      if (opts.index !== 'kb' && opts.index !== 'records') throw new CliError(`--index: expected kb or records, got "${opts.index}"`);
      if (opts.index === 'kb' && opts.asset !== undefined) throw new CliError('--asset filters the records index; use --kb to choose a KB version');
      if (opts.index === 'records' && opts.kb !== undefined) throw new CliError('--kb chooses a KB version; it does not apply to --index records');
      const k = intOption('-k', opts.k, 1, 100);
      const kbChoice = opts.index === 'kb' && opts.kb !== undefined ? kbOption(opts.kb) : undefined;
      if (kbChoice === 'none') throw new CliError('--kb none: name a KB to search');
      let assetId = opts.index === 'records' ? intOption('--asset', opts.asset) : undefined;
      const embedder = embedderOption(opts);
      const { ws, events, call } = await openForCli(dir);
      const stop = followIndexBuilds(events, call);
      try {
        if (opts.index === 'kb') {
          // The same KB analysis grounds against, so a search shows the evidence a finding could cite.
          const { chooseRunKb, resolveKb } = await import('../../analysis/choose-kb');
          assetId = (kbChoice ? resolveKb(ws.db, kbChoice) : chooseRunKb(ws.db, undefined))?.assetId;
        }
        const result = await call('search.query', {
          index: opts.index, text, k, assetId, model: opts.model, from: opts.from, to: opts.to,
          rebuild: opts.rebuild ?? false, autoBuild: opts.build !== false, embedder,
        });
        stop();
        if (opts.json) printJson(result);
        else printResult(result);
      } finally {
        stop();
        ws.close();
      }
    });
}
