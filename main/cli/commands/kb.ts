import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { ComparisonResult } from '../../../shared/contract/compare-schemas';
import type { Asset } from '../../../shared/contract/schemas';
import { ApiError } from '../../../shared/contract/bridge';
import type { KbComparison } from '../../../shared/compare/kb-validation';
import { CliError, EXIT_CHECK_FAILED } from '../cli-error';
import { openForCli, printJson } from '../open';
import { followIndexBuilds, intOption } from './search';

interface KbValidateOptions {
  questions: string;
  against?: string;
  kb?: string;
  k: string;
  json?: boolean;
}

/** The KB version to validate (latest, or --kb) and the one it is checked against (the previous version, or --against). */
function pickVersions(assets: Asset[], kbOpt: string | undefined, against: string | undefined): { next: Asset; prev: Asset } {
  const kbs = assets.filter((a) => a.kind === 'kb').sort((a, b) => a.id - b.id);
  if (kbs.length === 0) throw new CliError('no knowledge base in this workspace; import one with `assay import <ws> <folder> --as kb`');
  const byRef = (ref: string, name: string): Asset => {
    const m = /^v?(\d+)$/.exec(ref);
    const found = ref.startsWith('v') ? kbs.find((a) => a.name === name && a.version === Number(m?.[1])) : kbs.find((a) => a.id === Number(ref));
    if (!m || !found) throw new CliError(`${name === '' ? '--kb' : '--against'}: no KB asset "${ref}" (KB assets: ${kbs.map((a) => `${a.id} = ${a.name} v${a.version}`).join(', ')})`);
    return found;
  };
  const next = kbOpt ? byRef(kbOpt, '') : kbs[kbs.length - 1]!;
  const prev = against ? byRef(against, next.name) : [...kbs].reverse().find((a) => a.name === next.name && a.version < next.version);
  if (!prev) throw new CliError(`KB ${next.name} v${next.version} has no earlier version to validate against; give --against`);
  if (prev.id === next.id) throw new CliError('--against names the KB being validated');
  return { next, prev };
}

function printReport(prev: Asset, next: Asset, r: KbComparison, grounding: ComparisonResult | string): void {
  const out = process.stdout;
  out.write(`KB ${next.name} v${next.version} (asset ${next.id}) against v${prev.version} (asset ${prev.id}): ${r.questions} questions\n`);
  for (const m of r.metrics) {
    out.write(`${m.regressed ? 'REGRESSED' : m.significant ? 'improved ' : 'ok       '} ${m.name.padEnd(10)} ${m.a.toFixed(4)} -> ${m.b.toFixed(4)}  diff ${m.diff >= 0 ? '+' : ''}${m.diff.toFixed(4)} [${m.ci_low.toFixed(4)}, ${m.ci_high.toFixed(4)}]  ${m.test} p ${m.p_value.toPrecision(3)} (Holm ${m.p_adjusted.toPrecision(3)})\n`);
  }
  if (r.lostHits.length) out.write(`questions no longer answered within k (lines): ${r.lostHits.slice(0, 20).join(', ')}${r.lostHits.length > 20 ? ', ...' : ''}\n`);
  if (typeof grounding === 'string') out.write(`grounding of stored answers: ${grounding}\n`);
  else for (const m of grounding.metrics) out.write(`grounding: ${m.name} ${m.a?.toFixed(4) ?? '-'} -> ${m.b?.toFixed(4) ?? '-'} (${m.test}, p ${m.p_value?.toPrecision(3) ?? '-'})${m.significant ? ' significant' : ''}\n`);
}

export function registerKb(program: Command): void {
  const kb = program.command('kb').description('knowledge-base checks');
  kb.command('validate')
    .description('run a fixed question set against a new KB version and the previous one (kept for the retrieval_hit_at_5 gate); exit 1 on a significant regression')
    .argument('<workspace>', 'workspace folder')
    .requiredOption('--questions <file>', 'JSONL, one {"question": "...", "gold_doc_ids": ["..."]} per line')
    .option('--against <version>', 'KB to compare with: an asset id, or vN for version N of the same KB (default: the previous version)')
    .option('--kb <id>', 'KB asset to validate (default: the latest)')
    .option('-k, --k <n>', 'rank cut-off', '5')
    .option('--json', 'print the comparison as JSON')
    .action(async (dir: string, opts: KbValidateOptions) => {
      const k = intOption('-k', opts.k, 1, 100)!;
      const { ws, events, call } = await openForCli(dir);
      const stop = followIndexBuilds(events, call);
      try {
        const { next, prev } = pickVersions(await call('assets.list', {}), opts.kb, opts.against);
        const before = await call('retrieval.evaluate', { path: opts.questions, k, assetId: prev.id });
        const after = await call('retrieval.evaluate', { path: opts.questions, k, assetId: next.id });
        stop();
        // Loaded when the command runs, so other commands and `--help` do not pay for the statistics.
        const { compareRetrieval } = await import('../../../shared/compare/kb-validation');
        const retrieval = compareRetrieval(before.perQuestion, after.perQuestion);
        let grounding: ComparisonResult | string;
        try {
          grounding = await call('compare.run', { by: 'kb_version', a: String(prev.id), b: String(next.id), metrics: ['grounding_mean', 'hallucination_rate'] });
        } catch (err) {
          if (!(err instanceof ApiError)) throw err;
          grounding = `not compared (${err.message}); run \`assay analyze\` with each KB version to ground the stored answers against it`;
        }
        const groundingRegressed = typeof grounding !== 'string' && grounding.metrics.some((m) => m.significant && m.diff !== null && (m.better === 'lower' ? m.diff > 0 : m.diff < 0));
        const regressed = retrieval.metrics.some((m) => m.regressed) || groundingRegressed;
        // Kept (and audit-logged) so a release gate can test retrieval_hit_at_5 of this KB version later.
        const { sha256Hex } = await import('../../../shared/util/hash');
        await call('kb.storeValidation', {
          kbAssetId: next.id, againstAssetId: prev.id, k, questionsPath: path.resolve(opts.questions),
          questionsSha256: sha256Hex(readFileSync(opts.questions, 'utf8')), ranks: after.perQuestion.map((q) => q.rank), regressed,
        });
        if (opts.json) {
          printJson({ kb: { id: next.id, name: next.name, version: next.version }, against: { id: prev.id, name: prev.name, version: prev.version }, k,
            retrieval, grounding: typeof grounding === 'string' ? { note: grounding } : grounding.metrics, regressed });
        } else {
          printReport(prev, next, retrieval, grounding);
        }
        if (regressed) process.exitCode = EXIT_CHECK_FAILED;
      } finally {
        stop();
        ws.close();
      }
    });
}
