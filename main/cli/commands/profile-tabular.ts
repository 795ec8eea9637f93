// The tabular branch of `assay profile`: `assay profile data.csv [part2.csv ...] --out data.assay-profile`
// summarises CSV files (several files are parts of one dataset with the same columns) and
// `assay profile merge a.assay-profile b.assay-profile ... --out merged.assay-profile` merges profiles.
import { statSync } from 'node:fs';
import { CliError } from '../cli-error';

export interface TabularProfileCliOptions {
  out?: string;
  exactCap?: string;
  json?: boolean;
}

const TABLE_FILE = /\.(csv|tsv|txt)(\.gz)?$/i;

/** Whether `assay profile` was asked for a tabular profile (a CSV argument or an .assay-profile output). */
export function wantsTabular(args: readonly string[], opts: TabularProfileCliOptions): boolean {
  const inputs = args[0] === 'merge' ? args.slice(1) : args;
  return inputs.some((a) => TABLE_FILE.test(a) || a.endsWith('.assay-profile')) || (opts.out?.endsWith('.assay-profile') ?? false);
}

function outPath(opts: TabularProfileCliOptions): string {
  if (!opts.out) throw new CliError('profile: --out FILE.assay-profile is required for a tabular profile');
  if (!opts.out.endsWith('.assay-profile')) throw new CliError(`profile: --out must end in .assay-profile, got "${opts.out}"`);
  return opts.out;
}

function describe(out: string, profile: import('../../../shared/drift/profile/tabular-profile').TabularProfile, json: boolean): string {
  const sketched = profile.columns.filter((c) => c.moments.n > 0 && !c.numbers).map((c) => c.name);
  const bytes = statSync(out).size;
  if (json) {
    return JSON.stringify({
      out, bytes, rows: profile.rows, sources: profile.sources,
      columns: profile.columns.map((c) => ({ name: c.name, rows: c.profile.rows, numbers: c.moments.n, distinct_numbers: c.numbers?.values.length ?? null, categories: c.dictionary.length, exact: c.moments.n === 0 || c.numbers !== null })),
    });
  }
  const exactness = sketched.length ? `sketch only (KS/Wasserstein approximate, with bounds): ${sketched.join(', ')}; all other columns exact` : 'exact value counts kept for every column (drift from it is exact)';
  return `${out}: ${profile.rows} rows, ${profile.columns.length} columns, ${bytes} bytes; ${exactness}`;
}

export async function profileTables(args: string[], opts: TabularProfileCliOptions): Promise<void> {
  const [{ TablePool }, { parseFilesParallel }, { profileParsed }, { writeProfileFile, readProfileFile, ProfileFileError }, { mergeTabularProfiles }, { TableReadError }] = await Promise.all([
    import('../../tabular/table-pool'), import('../../tabular/parallel-tables'), import('../../tabular/drift-files'), import('../../tabular/profile-file'),
    import('../../../shared/drift/profile/tabular-profile'), import('../../tabular/table-reader'),
  ]);
  const out = outPath(opts);
  if (args[0] === 'merge') {
    const files = args.slice(1);
    if (files.length < 1) throw new CliError('profile merge: give the .assay-profile files to merge');
    let merged;
    try {
      const profiles = files.map(readProfileFile);
      merged = profiles[0]!;
      for (let i = 1; i < profiles.length; i++) {
        try {
          merged = mergeTabularProfiles(merged, profiles[i]!);
        } catch (err) {
          throw new CliError(`profile merge: ${files[i]}: ${(err as Error).message} (compared with ${files.slice(0, i).join(', ')})`);
        }
      }
    } catch (err) {
      if (err instanceof ProfileFileError) throw new CliError(`profile merge: ${err.message}`);
      throw err;
    }
    writeProfileFile(out, merged);
    process.stdout.write(`${describe(out, merged, opts.json ?? false)}\n`);
    return;
  }
  const bad = args.find((a) => !TABLE_FILE.test(a));
  if (bad !== undefined) throw new CliError(`profile: "${bad}" is not a CSV file (give .csv or .tsv files, or "merge" and .assay-profile files)`);
  const exactCap = opts.exactCap === undefined ? undefined : Number(opts.exactCap);
  if (exactCap !== undefined && !(Number.isInteger(exactCap) && exactCap >= 0)) throw new CliError('profile: --exact-cap must be a whole number >= 0');
  const pool = new TablePool();
  let profile;
  try {
    const parsed = await parseFilesParallel(pool, args);
    try {
      const parts = [];
      for (const f of parsed.files) parts.push(await profileParsed(pool, f, exactCap === undefined ? {} : { exactCap }));
      profile = parts[0]!;
      for (let i = 1; i < parts.length; i++) {
        try {
          profile = mergeTabularProfiles(profile, parts[i]!);
        } catch (err) {
          throw new CliError(`profile: ${args[i]}: ${(err as Error).message} (compared with ${args[0]})`);
        }
      }
    } finally {
      parsed.dispose();
    }
  } catch (err) {
    if (err instanceof TableReadError) throw new CliError(`profile: ${err.message}`);
    throw err;
  } finally {
    await pool.close();
  }
  writeProfileFile(out, profile);
  process.stdout.write(`${describe(out, profile, opts.json ?? false)}\n`);
}
