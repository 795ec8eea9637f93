import type { KbChoice } from '../analysis/choose-kb';
import { CliError } from './cli-error';

/** Parses `--kb ID[:VERSION]`, `--kb NAME[:VERSION]` or `--kb none`; a usage error names the option. */
export function kbOption(value: string): KbChoice {
  const text = value.trim();
  if (text === 'none') return 'none';
  const m = /^(.+?)(?::(\d+))?$/u.exec(text);
  if (!m || !m[1] || /:/u.test(m[1])) throw new CliError(`--kb: expected ID[:VERSION], NAME[:VERSION] or none, got "${value}"`);
  const version = m[2] === undefined ? undefined : Number(m[2]);
  if (version !== undefined && version < 1) throw new CliError(`--kb: version must be 1 or more, got "${value}"`);
  return /^\d+$/u.test(m[1]) ? { assetId: Number(m[1]), version } : { name: m[1], version };
}
