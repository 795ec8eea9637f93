// `assay review` as users and CI run it: JSON shapes and exit codes (0 ok, 2 bad input with a one-line reason).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { useTempDir } from '../helpers/tmp';

const tmp = useTempDir('assay-review-cli-');

describe('assay review', () => {
  it('sample-size prints {"n", "expected_deviations"} and refuses an impossible plan with exit 2', () => {
    const ok = runCli(['review', 'sample-size', '--confidence', '0.95', '--tolerable', '0.04', '--expected', '0.01', '--json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual({ n: 156, expected_deviations: 2 });
    const bad = runCli(['review', 'sample-size', '--confidence', '0.95', '--tolerable', '0.05', '--expected', '0.06']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/expected rate must be .* below the tolerable rate/);
  }, 120_000);

  it('a verdict for an unknown queue, or without a reviewer, is refused with exit 2', () => {
    const ws = path.join(tmp(), 'ws');
    expect(runCli(['init', ws]).code).toBe(0);
    const unknown = runCli(['review', 'verdict', ws, '--queue', 'nope', '--record', '1', '--verdict', 'pass', '--reviewer', 'ana']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('review queue "nope" does not exist');
    const noReviewer = runCli(['review', 'verdict', ws, '--queue', 'nope', '--record', '1', '--verdict', 'pass']);
    expect(noReviewer.code).toBe(2);
    expect(noReviewer.stderr).toMatch(/--reviewer/);
  }, 180_000);
});
