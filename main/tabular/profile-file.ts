// Tabular profile files (.assay-profile): a first line naming the format, one line of JSON with everything
// but the exact value counts, then those as one binary block (value-codec.ts) whose sha256 the JSON records.
// Reading checks the format line, the version, the block's length and hash, and every column's shape, and
// names the file in every error.
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import type { ColumnSummary, ValueCounts } from '../../shared/drift/profile/column-summary';
import { TABULAR_PROFILE_VERSION, type TabularProfile } from '../../shared/drift/profile/tabular-profile';
import { decodeValueCounts, encodeValueCounts } from '../../shared/drift/profile/value-codec';

export const PROFILE_MAGIC = 'ASSAY-TABULAR-PROFILE';

export class ProfileFileError extends Error {
  constructor(readonly file: string, readonly reason: string) {
    super(`${file}: ${reason}`);
    this.name = 'ProfileFileError';
  }
}

const Block = z.object({ encoding: z.union([z.object({ kind: z.literal('decimal'), decimals: z.number().int().min(0).max(9) }), z.object({ kind: z.literal('f64') })]), count: z.number().int().min(0), offset: z.number().int().min(0), length: z.number().int().min(0) });
const Store = z.object({ index: z.array(z.number().int()), count: z.array(z.number().nonnegative()) });
const Count = z.number().int().min(0);
const Column = z.object({
  name: z.string(),
  profile: z.object({ rows: Count, missing: Count, nan: Count, numbers: Count, posInf: Count, negInf: Count, dates: Count, strings: Count }),
  dictionary: z.array(z.string()),
  dictionaryCounts: z.array(Count),
  dates: Block.nullable(),
  numbers: Block.nullable(),
  sketch: z.object({ alpha: z.number().positive().lt(1), zero: Count, positive: Store, negative: Store }).nullable(),
  moments: z.object({ n: Count, mean: z.number(), m2: z.number(), absSum: z.number() }),
});
const Header = z.object({
  version: z.literal(TABULAR_PROFILE_VERSION),
  rows: Count,
  sources: z.array(z.object({ file: z.string(), bytes: Count, rows: Count })),
  columns: z.array(Column),
  block: z.object({ length: Count, sha256: z.string() }),
});

export function isProfilePath(file: string): boolean {
  return file.endsWith('.assay-profile');
}

export function writeProfileFile(file: string, profile: TabularProfile): void {
  const blocks: Uint8Array[] = [];
  let offset = 0;
  const block = (vc: ValueCounts | null): z.infer<typeof Block> | null => {
    if (!vc) return null;
    const e = encodeValueCounts(vc);
    blocks.push(e.bytes);
    const out = { encoding: e.encoding, count: e.count, offset, length: e.bytes.length };
    offset += e.bytes.length;
    return out;
  };
  const columns = profile.columns.map((c) => ({ ...c, numbers: block(c.numbers), dates: block(c.dates) }));
  const body = Buffer.concat(blocks);
  const header = { version: profile.version, rows: profile.rows, sources: profile.sources, columns, block: { length: body.length, sha256: createHash('sha256').update(body).digest('hex') } };
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, Buffer.concat([Buffer.from(`${PROFILE_MAGIC} ${TABULAR_PROFILE_VERSION}\n${JSON.stringify(header)}\n`), body]));
  renameSync(tmp, file);
}

export function readProfileFile(file: string): TabularProfile {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ProfileFileError(file, code === 'ENOENT' ? 'no such file' : `cannot read (${code ?? String(err)})`);
  }
  const first = bytes.indexOf(10);
  const magic = bytes.subarray(0, Math.max(0, first)).toString('utf8');
  if (first < 0 || !magic.startsWith(`${PROFILE_MAGIC} `)) throw new ProfileFileError(file, `not an Assay tabular profile (expected a first line "${PROFILE_MAGIC} ${TABULAR_PROFILE_VERSION}"; make one with assay profile data.csv --out ${file})`);
  if (magic !== `${PROFILE_MAGIC} ${TABULAR_PROFILE_VERSION}`) throw new ProfileFileError(file, `profile format "${magic.slice(PROFILE_MAGIC.length + 1)}" is not supported (this Assay reads version ${TABULAR_PROFILE_VERSION})`);
  const second = bytes.indexOf(10, first + 1);
  if (second < 0) throw new ProfileFileError(file, 'truncated (no header line)');
  let header: z.infer<typeof Header>;
  try {
    header = Header.parse(JSON.parse(bytes.subarray(first + 1, second).toString('utf8')));
  } catch (err) {
    const issue = err instanceof z.ZodError ? err.issues[0] : null;
    throw new ProfileFileError(file, issue ? `line 2: field ${issue.path.join('.')}: ${issue.message}` : `line 2: invalid JSON (${(err as Error).message})`);
  }
  const body = bytes.subarray(second + 1);
  if (body.length !== header.block.length) throw new ProfileFileError(file, `value block is ${body.length} bytes, header says ${header.block.length} (file truncated or appended to)`);
  if (createHash('sha256').update(body).digest('hex') !== header.block.sha256) throw new ProfileFileError(file, 'value block does not match its sha256 (file changed)');
  const columns: ColumnSummary[] = header.columns.map((c) => {
    const decode = (b: z.infer<typeof Block> | null, what: string): ValueCounts | null => {
      if (!b) return null;
      try {
        return decodeValueCounts(body.subarray(b.offset, b.offset + b.length), b.encoding, b.count);
      } catch (err) {
        throw new ProfileFileError(file, `column "${c.name}": ${what}: ${(err as Error).message}`);
      }
    };
    return { ...c, numbers: decode(c.numbers, 'numbers'), dates: decode(c.dates, 'dates') };
  });
  return { version: header.version, rows: header.rows, sources: header.sources, columns };
}
