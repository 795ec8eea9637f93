import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../../helpers/cli';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('importers keep their SQL in main/storage', () => {
  it('no statement, pragma or transaction control in main/importers', () => {
    const offenders = files(path.join(repoRoot, 'main', 'importers')).filter((f) => {
      const text = readFileSync(f, 'utf8');
      return /\bdb\.(prepare|exec|pragma)\(|\.prepare\(|['"`]\s*(SELECT|INSERT INTO|UPDATE \w+ SET|DELETE FROM|BEGIN|COMMIT|ROLLBACK)\b/.test(text);
    });
    expect(offenders.map((f) => path.relative(repoRoot, f))).toEqual([]);
  });
});
