import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { CliError } from '../cli-error';
import { profileTables, wantsTabular, type TabularProfileCliOptions } from './profile-tabular';

const BY_FIELDS = /^[A-Za-z_][\w.-]*$/;

async function profileStdin(opts: { by?: string; analyzers?: string; partition?: string }): Promise<void> {
  const [{ ScoredProfileBuilder, DEFAULT_BY }, { profileSetup }] = await Promise.all([import('../../../shared/profile/scored-profile'), import('../../profile/profile-setup')]);
  const by = opts.by === undefined ? [...DEFAULT_BY] : opts.by.split(',').map((s) => s.trim()).filter(Boolean);
  const badBy = by.find((b) => !BY_FIELDS.test(b));
  if (by.length === 0 || badBy !== undefined) throw new CliError(`--by: expected comma-separated field names (e.g. model,prompt_version,day), got "${opts.by ?? ''}"`);
  const ids = opts.analyzers?.split(',').map((s) => s.trim()).filter(Boolean) ?? null;
  let setup;
  try {
    setup = profileSetup(ids, by);
  } catch (err) {
    throw new CliError(`--analyzers: ${(err as Error).message}`);
  }
  const builder = new ScoredProfileBuilder(setup);
  // Without --partition the id is the hash of the input lines: the same partition scored twice (a retried task)
  // gets the same id, so merge refuses to count it twice.
  const hash = createHash('sha256');
  let lineNo = 0;
  for await (const raw of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    lineNo++;
    if (raw.trim() === '') continue;
    hash.update(raw).update('\n');
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (err) {
      throw new CliError(`stdin line ${lineNo}: invalid JSON (${(err as Error).message})`);
    }
    if (json === null || typeof json !== 'object' || Array.isArray(json)) throw new CliError(`stdin line ${lineNo}: expected a JSON object`);
    try {
      builder.add(json as Record<string, unknown>);
    } catch (err) {
      throw new CliError(`stdin line ${lineNo}: ${(err as Error).message}`);
    }
  }
  const partition = opts.partition ?? `sha256:${hash.digest('hex')}`;
  process.stdout.write(`${JSON.stringify(builder.build(partition))}\n`);
}

async function mergeFiles(files: string[]): Promise<void> {
  const { mergeProfiles, parseProfile } = await import('../../../shared/profile/scored-profile');
  if (files.length === 0) throw new CliError('profile merge: give the profile files to merge (assay profile merge a.json b.json ...)');
  const profiles = files.map((f) => {
    let text: string;
    try {
      text = readFileSync(f, 'utf8');
    } catch (err) {
      throw new CliError(`${f}: cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    }
    try {
      return parseProfile(text, f);
    } catch (err) {
      throw new CliError((err as Error).message);
    }
  });
  try {
    process.stdout.write(`${JSON.stringify(mergeProfiles(profiles, files))}\n`);
  } catch (err) {
    throw new CliError(`profile merge: ${(err as Error).message}`);
  }
}

export function registerProfile(program: Command): void {
  program
    .command('profile')
    .argument('[args...]', '"merge FILE..." to merge profiles; none to profile `assay score` output from stdin')
    .description('mergeable population profile of `assay score` output (stdin) per group: counts, flag counts, exact score sums, fixed-bin histograms; `profile merge a.json b.json ...` merges them')
    .option('--by <fields>', 'group by these record fields (day = UTC day of timestamp)', 'model,prompt_version,day')
    .option('--analyzers <ids>', 'the analyzers `assay score` ran with (default: all), stamped into the profile')
    .option('--partition <id>', 'partition id (default: sha256 of the input lines); merge refuses a partition counted twice')
    .option('--out <file>', 'tabular profiles: `profile data.csv --out data.assay-profile` (per-column summaries for assay drift), `profile merge a.assay-profile b.assay-profile --out m.assay-profile`')
    .option('--exact-cap <n>', 'tabular profiles: keep exact value counts only for columns with at most n distinct numbers (others: quantile sketch)')
    .option('--json', 'tabular profiles: print what was written as JSON')
    .action(async (args: string[], opts: { by?: string; analyzers?: string; partition?: string } & TabularProfileCliOptions) => {
      if (wantsTabular(args, opts)) return profileTables(args, opts);
      if (args[0] === 'merge') return mergeFiles(args.slice(1));
      if (args.length > 0) throw new CliError(`profile: unexpected argument "${args[0]}" (profile reads scored JSONL from stdin; "profile merge FILE..." merges profiles)`);
      return profileStdin(opts);
    });
}
