import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import type { AnalyzerContext } from '../../../shared/engine/analyzer';
import { coerceRecord } from '../../../shared/engine/coerce-record';
import { analyzers, getAnalyzer } from '../../../shared/engine/registry';
import { scoreRecord } from '../../../shared/engine/score-record';
import { CliError } from '../cli-error';

interface ScoreOptions {
  analyzers?: string;
  kb?: string;
}

function pickAnalyzers(list: string | undefined) {
  if (!list) return analyzers;
  try {
    return list.split(',').map((s) => s.trim()).filter(Boolean).map(getAnalyzer);
  } catch (err) {
    throw new CliError(`--analyzers: ${(err as Error).message}`);
  }
}

async function kbContext(kbPath: string | undefined): Promise<AnalyzerContext> {
  if (!kbPath) return {};
  const { loadKbSearch } = await import('../../indexes/kb-search-for-score');
  return { searchKb: await loadKbSearch(kbPath) };
}

/** Writes with backpressure so a slow consumer never makes us buffer the whole output. */
function writeLine(text: string): Promise<void> {
  return process.stdout.write(`${text}\n`) ? Promise.resolve() : new Promise((resolve) => process.stdout.once('drain', () => resolve()));
}

export function registerScore(program: Command): void {
  program
    .command('score')
    .description('score JSONL records from stdin to stdout: grounding, toxicity, injection, PII (stateless, streaming)')
    .option('--analyzers <ids>', `comma-separated analyzer ids (default: all of ${analyzers.map((a) => a.id).join(', ')})`)
    .option('--kb <path>', 'knowledge base folder or file (.md/.txt/.html/.jsonl) to retrieve grounding evidence from')
    .action(async (opts: ScoreOptions) => {
      const chosen = pickAnalyzers(opts.analyzers);
      const ctx = await kbContext(opts.kb);
      const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
      let lineNo = 0;
      let malformed = 0;
      for await (const raw of lines) {
        lineNo++;
        const text = lineNo === 1 ? raw.replace(/^\uFEFF/, '') : raw;
        if (text.trim() === '') continue;
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch (err) {
          malformed++;
          process.stderr.write(`assay score: line ${lineNo}: invalid JSON (${(err as Error).message}); skipped\n`);
          await writeLine(JSON.stringify({ id: null, line: lineNo, error: `invalid JSON: ${(err as Error).message}` }));
          continue;
        }
        if (json === null || typeof json !== 'object' || Array.isArray(json)) {
          malformed++;
          process.stderr.write(`assay score: line ${lineNo}: expected a JSON object; skipped\n`);
          await writeLine(JSON.stringify({ id: null, line: lineNo, error: 'expected a JSON object' }));
          continue;
        }
        const { record, notes } = coerceRecord(json as Record<string, unknown>);
        const { line } = scoreRecord(record, chosen, ctx);
        if (notes.length) line.notes = [...notes, ...(line.notes ?? [])];
        await writeLine(JSON.stringify({ ...(json as Record<string, unknown>), ...line }));
      }
      if (malformed) process.stderr.write(`assay score: ${malformed} malformed line(s) of ${lineNo}\n`);
    });
}
