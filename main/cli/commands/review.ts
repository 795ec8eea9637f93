// `assay review sample|sample-size|verdict|undo|import|stats`: audit sampling, verdicts and agreement from scripts
// and CI, through the same API the Review page uses.
import path from 'node:path';
import type { Command } from 'commander';
import { openForCli, printJson } from '../open';
import { int, list, num, parseFilter } from './review-options';

interface SampleOptions {
  name: string; filter: string[]; method: string; strata?: string; allocation: string; size?: string; confidence: string;
  tolerable: string; expected: string; seed?: string; labels?: string; assignees?: string; blind?: boolean; minReviews: string; json?: boolean;
}

const pct = (x: number | null): string => (x === null ? 'n/a' : `${(x * 100).toFixed(2)}%`);
const fmt = (x: number | null): string => (x === null ? 'n/a' : x.toFixed(3));
const collect = (value: string, prev: string[]): string[] => [...prev, value];

function registerSample(review: Command): void {
  review.command('sample')
    .description('draw a seeded, reproducible review sample from the filtered records and store it as a queue')
    .argument('<workspace>', 'workspace folder')
    .requiredOption('--name <queue>', 'queue name (unique in the workspace)')
    .option('--filter <terms>', 'population filter: asset=ID, model=M, prompt-version=V, flag=F, from=T, to=T, grounding<0.5 ... (repeatable)', collect, [])
    .option('--method <method>', 'random | stratified | risk', 'random')
    .option('--strata <column>', 'stratified: flag | model | promptVersion')
    .option('--allocation <how>', 'stratified: proportional | equal', 'proportional')
    .option('--size <n>', 'sample size (default: the attribute-sampling size from --confidence/--tolerable/--expected)')
    .option('--confidence <c>', 'confidence (1 - risk of overreliance)', '0.95')
    .option('--tolerable <t>', 'tolerable deviation rate', '0.05')
    .option('--expected <e>', 'expected deviation rate', '0.01')
    .option('--seed <s>', 'random seed (default: a new one, printed)')
    .option('--labels <a,b>', 'labels reviewers may give (default: hallucination,toxic,pii,injection,off-topic,other)')
    .option('--assignees <a,b>', 'reviewers who may judge this queue (default: anyone)')
    .option('--blind', 'reviewers do not see each other\'s verdicts')
    .option('--min-reviews <n>', 'reviews each item needs (2 for double review)', '1')
    .option('--json', 'print {"queue","n","population","population_sha256","seed","records"}')
    .action(async (dir: string, o: SampleOptions) => {
      const filter = parseFilter(o.filter);
      const { ws, call } = await openForCli(dir);
      try {
        const r = await call('review.sample', {
          name: o.name, filter, method: o.method as 'random', strata: o.strata as 'flag' | undefined, allocation: o.allocation as 'equal',
          size: int(o.size, '--size'), confidence: num(o.confidence, '--confidence'), tolerable: num(o.tolerable, '--tolerable'),
          expected: num(o.expected, '--expected'), seed: int(o.seed, '--seed'),
          config: { labels: list(o.labels), assignees: list(o.assignees), blind: Boolean(o.blind), minReviews: int(o.minReviews, '--min-reviews') },
        });
        if (o.json) return printJson({ queue: r.queue, n: r.n, population: r.population, population_sha256: r.population_sha256, seed: r.seed, records: r.records });
        process.stdout.write(`queue ${r.queue}: ${r.n} of ${r.population} records (${r.method}, seed ${r.seed})\npopulation sha256 ${r.population_sha256}\n`);
      } finally {
        ws.close();
      }
    });
}

function registerSampleSize(review: Command): void {
  review.command('sample-size')
    .description('attribute-sampling size: smallest n with BinomCDF(ceil(n*expected); n, tolerable) <= 1 - confidence')
    .requiredOption('--confidence <c>', 'confidence, e.g. 0.95')
    .requiredOption('--tolerable <t>', 'tolerable deviation rate, e.g. 0.05')
    .requiredOption('--expected <e>', 'expected deviation rate, e.g. 0.01')
    .option('--population <N>', 'population size (hypergeometric model, smaller n for small populations)')
    .option('--json', 'print {"n","expected_deviations"}')
    .action(async (o: { confidence: string; tolerable: string; expected: string; population?: string; json?: boolean }) => {
      const [{ attributeSampleSize }, { CliError }] = await Promise.all([import('../../../shared/stats/sample-size'), import('../cli-error')]);
      let s;
      try {
        s = attributeSampleSize({
          confidence: num(o.confidence, '--confidence')!, tolerable: num(o.tolerable, '--tolerable')!, expected: num(o.expected, '--expected')!,
          population: int(o.population, '--population'),
        });
      } catch (err) {
        if (err instanceof RangeError) throw new CliError(`review sample-size: ${err.message}`);
        throw err;
      }
      if (o.json) return printJson({ n: s.n, expected_deviations: s.expectedDeviations });
      process.stdout.write(`n = ${s.n} (${s.model}); the conclusion holds with up to ${s.expectedDeviations} deviation(s) in the sample\n`);
    });
}

function registerVerdict(review: Command): void {
  review.command('verdict')
    .description('record one reviewer\'s verdict on one record of a queue')
    .argument('<workspace>', 'workspace folder')
    .requiredOption('--queue <queue>', 'queue name')
    .requiredOption('--record <id>', 'record id')
    .requiredOption('--verdict <v>', 'pass | fail | unsure')
    .requiredOption('--reviewer <name>', 'who judged it (recorded in the audit log)')
    .option('--labels <a,b>', 'labels from the queue\'s label set')
    .option('--comment <text>', 'comment')
    .option('--corrected-output <text>', 'what the output should have been')
    .option('--json', 'print the stored verdict as JSON')
    .action(async (dir: string, o: { queue: string; record: string; verdict: string; reviewer: string; labels?: string; comment?: string; correctedOutput?: string; json?: boolean }) => {
      const record = int(o.record, '--record')!;
      const { ws, call } = await openForCli(dir);
      try {
        const r = await call('review.verdict', {
          queue: o.queue, record, reviewer: o.reviewer, verdict: o.verdict as 'pass', labels: list(o.labels) ?? [],
          comment: o.comment ?? null, corrected_output: o.correctedOutput ?? null,
        });
        if (o.json) return printJson(r.verdict);
        process.stdout.write(`${o.queue}: record ${record} ${r.verdict.verdict} by ${r.verdict.reviewer}\n`);
      } finally {
        ws.close();
      }
    });
  review.command('undo')
    .description('undo the reviewer\'s latest verdict change in a queue')
    .argument('<workspace>', 'workspace folder')
    .requiredOption('--queue <queue>', 'queue name')
    .requiredOption('--reviewer <name>', 'whose change to undo')
    .option('--json', 'print the undone change as JSON')
    .action(async (dir: string, o: { queue: string; reviewer: string; json?: boolean }) => {
      const { ws, call } = await openForCli(dir);
      try {
        const r = await call('review.undo', { queue: o.queue, reviewer: o.reviewer });
        if (o.json) return printJson(r);
        process.stdout.write(r.undone ? `undid ${o.reviewer}'s change on record ${r.undone.record}\n` : 'nothing to undo\n');
      } finally {
        ws.close();
      }
    });
}

function registerImportStats(review: Command): void {
  review.command('import')
    .description('import verdicts collected elsewhere (JSONL: record, reviewer, verdict, labels, comment); all or nothing')
    .argument('<workspace>', 'workspace folder')
    .argument('<verdicts.jsonl>', 'one verdict per line')
    .requiredOption('--queue <queue>', 'queue name')
    .option('--json', 'print {"queue","imported"}')
    .action(async (dir: string, file: string, o: { queue: string; json?: boolean }) => {
      const { ws, call } = await openForCli(dir);
      try {
        const r = await call('review.import', { queue: o.queue, path: path.resolve(file) });
        if (o.json) return printJson(r);
        process.stdout.write(`${r.queue}: imported ${r.imported} verdicts\n`);
      } finally {
        ws.close();
      }
    });
  review.command('stats')
    .description('progress, deviations and their upper limit, agreement (kappa, alpha) and analyzer precision/recall')
    .argument('<workspace>', 'workspace folder')
    .requiredOption('--queue <queue>', 'queue name')
    .option('--json', 'print as JSON')
    .action(async (dir: string, o: { queue: string; json?: boolean }) => {
      const { ws, call } = await openForCli(dir);
      try {
        const s = await call('review.stats', { queue: o.queue });
        if (o.json) return printJson(s);
        const lines = [
          `${s.queue}: ${s.reviewed} of ${s.n} reviewed, ${s.deviations} deviations, upper limit ${pct(s.upper_limit)} (tolerable ${pct(s.tolerable)})`,
          s.conclusion,
          `agreement: kappa ${fmt(s.agreement.kappa)} over ${s.agreement.items} items judged by two reviewers; alpha ${fmt(s.agreement.alpha)} over ${s.agreement.alpha_items}`,
          ...s.analyzers.map((a) => `${a.flag.padEnd(14)} precision ${fmt(a.precision)} [${a.precision_ci.map(fmt).join(', ')}]  recall ${fmt(a.recall)} [${a.recall_ci.map(fmt).join(', ')}]`),
          ...s.progress.map((p) => `reviewer ${p.reviewer}: ${p.reviewed}`),
          ...(s.disagreements.length ? [`${s.disagreements.length} disagreements to adjudicate: records ${s.disagreements.slice(0, 20).map((d) => d.record).join(', ')}`] : []),
        ];
        process.stdout.write(`${lines.join('\n')}\n`);
      } finally {
        ws.close();
      }
    });
}

export function registerReview(program: Command): void {
  const review = program.command('review').description('review queues: audit sampling, verdicts, agreement');
  registerSample(review);
  registerSampleSize(review);
  registerVerdict(review);
  registerImportStats(review);
}
