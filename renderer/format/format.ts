/** Display formatting shared by every page. Pure functions so they are tested without a DOM. */

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function formatCount(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : integer.format(value);
}

export function formatLatency(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${integer.format(ms)} ms`;
}

/** Costs are in US dollars; per-call costs are often fractions of a cent, so keep significant digits. */
export function formatCost(cost: number | null | undefined): string {
  if (cost === null || cost === undefined) return '—';
  if (cost === 0) return '$0';
  if (cost < 0.01) return `$${cost.toFixed(5)}`;
  if (cost < 1) return `$${cost.toFixed(4)}`;
  return `$${cost.toFixed(2)}`;
}

export function shortHash(hash: string | null | undefined, length = 12): string {
  if (!hash) return '—';
  return hash.length <= length ? hash : hash.slice(0, length);
}

/** ISO timestamps shown as "2024-10-03 14:05:09 UTC" so every reader sees the same instant. */
export function formatTimestamp(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** One line for a JSON payload: "key: value · key: value", long values cut, for a table cell. */
export function summarizePayload(payload: unknown, maxLength = 140): string {
  let text: string;
  if (payload === null || payload === undefined) text = '—';
  else if (typeof payload !== 'object') text = String(payload);
  else if (Array.isArray(payload)) text = `${payload.length} item${payload.length === 1 ? '' : 's'}`;
  else {
    const parts = Object.entries(payload as Record<string, unknown>).map(([key, value]) => `${key}: ${scalar(value)}`);
    text = parts.length === 0 ? '{}' : parts.join(' · ');
  }
  return truncate(text, maxLength);
}

function scalar(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return truncate(value, 48);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.length}]`;
  return '{…}';
}

export function truncate(text: string, maxLength: number): string {
  return text.length <= maxLength ? text : `${text.slice(0, Math.max(0, maxLength - 1))}…`;
}

/** Pretty JSON for a detail view; values that cannot be encoded (cycles, BigInt) fall back to String(). */
export function prettyJson(value: unknown): string {
  try {
    return JSON.stringify(value, null, 2) ?? String(value);
  } catch {
    return String(value);
  }
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}
