import type { ModelId, PromptVersion } from './answers';
import type { RandomStream } from '../../../shared/util/rng';

/**
 * When conversations happen and which model and prompt served them: 8 weeks ending 2026-11-20, busier on
 * weekdays and in local daytime, slowly growing, with a spike after the Hub 2 firmware 5.2 release, and the
 * prompt rolled out v1.2 -> v1.3 -> v1.4 with overlap windows for comparison.
 */
export const WINDOW_START_MS = Date.UTC(2026, 8, 26); // 2026-09-26T00:00:00Z
export const WINDOW_DAYS = 56;
export const DAY_MS = 86_400_000;
export const FIRMWARE_SPIKE_DAY = 17; // 2026-10-13, the day after Hub 2 firmware 5.2 shipped

export type Channel = 'web' | 'app' | 'email';
export type UserTier = 'free' | 'protect_basic' | 'protect_plus' | 'protect_pro' | 'business';

export const MODELS: Record<ModelId, { version: string; share: number }> = {
  'gpt-4o-mini': { version: '2024-07-18', share: 0.6 },
  'claude-3-5-haiku': { version: '20241022', share: 0.4 },
};

const LOCALES: [string, number, number][] = [
  // locale, share, UTC offset in hours (rough average across the country's zones)
  ['en-US', 0.6, -6], ['en-GB', 0.12, 0], ['en-CA', 0.09, -5], ['en-AU', 0.07, 10], ['en-IE', 0.03, 0],
  ['de-DE', 0.05, 1], ['fr-FR', 0.02, 1], ['nl-NL', 0.02, 1],
];
// Sunday .. Saturday
const WEEKDAY_WEIGHT = [0.72, 1.2, 1.12, 1.05, 1.02, 0.95, 0.78];
// Local hour 0..23: quiet at night, peaks in the morning and in the evening after work.
const HOUR_WEIGHT = [0.3, 0.2, 0.12, 0.1, 0.1, 0.15, 0.35, 0.7, 1.1, 1.4, 1.5, 1.45, 1.35, 1.3, 1.25, 1.2, 1.2, 1.3, 1.45, 1.6, 1.55, 1.3, 0.95, 0.55];

export interface Session {
  id: string;
  startMs: number;
  turnTimes: number[];
  model: ModelId;
  promptVersion: PromptVersion;
  channel: Channel;
  locale: string;
  tier: UserTier;
  dayIndex: number;
}

function dayWeight(day: number): number {
  const weekday = new Date(WINDOW_START_MS + day * DAY_MS).getUTCDay();
  const growth = 1 + 0.004 * day;
  const spike = day === FIRMWARE_SPIKE_DAY ? 1.9 : day === FIRMWARE_SPIKE_DAY + 1 ? 1.4 : 1;
  return (WEEKDAY_WEIGHT[weekday] ?? 1) * growth * spike;
}

/** Which prompt served a session that started on `day`: a staged rollout with overlap for A/B comparison. */
export function promptVersionFor(rng: RandomStream, day: number): PromptVersion {
  const v14Share = day < 38 ? 0 : day < 45 ? 0.15 : day < 49 ? 0.5 : 1;
  if (rng.chance(v14Share)) return 'v1.4';
  const v13Share = day < 17 ? 0 : day < 22 ? 0.5 : 1;
  return rng.chance(v13Share) ? 'v1.3' : 'v1.2';
}

function tierFor(rng: RandomStream, locale: string): UserTier {
  const tier = rng.weighted([['free', 40], ['protect_basic', 20], ['protect_plus', 28], ['protect_pro', 9], ['business', 3]] as const);
  // Protect Pro is only sold in the US and Canada.
  return tier === 'protect_pro' && locale !== 'en-US' && locale !== 'en-CA' ? 'protect_plus' : tier;
}

function hex(rng: RandomStream, n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += '0123456789abcdef'[rng.int(0, 15)];
  return out;
}

/** Sessions whose turns add up to exactly `turns`, each turn a timestamp inside the window. */
export function buildSessions(rng: RandomStream, turns: number): Session[] {
  const days = Array.from({ length: WINDOW_DAYS }, (_, d) => [d, dayWeight(d)] as const);
  const hours = HOUR_WEIGHT.map((w, h) => [h, w] as const);
  const sessions: Session[] = [];
  let remaining = turns;
  const endMs = WINDOW_START_MS + WINDOW_DAYS * DAY_MS;
  while (remaining > 0) {
    const [locale, , offset] = rng.weighted(LOCALES.map((l) => [l, l[1]] as const));
    const day = rng.weighted(days);
    const localHour = rng.weighted(hours);
    const startMs = WINDOW_START_MS + day * DAY_MS + (localHour - offset) * 3_600_000 + rng.int(0, 3_599_999);
    // Local daytime near either end of the window can fall outside it in UTC; draw again rather than pile up at the edge.
    if (startMs < WINDOW_START_MS || startMs > endMs - 3_600_000) continue;
    const channel = rng.weighted([['web', 45], ['app', 40], ['email', 15]] as const);
    // An email is one message; chats run to a few turns.
    const wanted = channel === 'email' ? 1 : Math.min(remaining, rng.weighted([[1, 58], [2, 26], [3, 11], [4, 5]] as const));
    const turnTimes = [startMs];
    for (let t = 1; t < wanted; t++) turnTimes.push((turnTimes[t - 1] ?? startMs) + rng.int(40_000, 420_000));
    const dayIndex = Math.floor((startMs - WINDOW_START_MS) / DAY_MS);
    const model = rng.chance(MODELS['gpt-4o-mini'].share) ? 'gpt-4o-mini' : 'claude-3-5-haiku';
    sessions.push({
      id: `sess-${hex(rng, 10)}`,
      startMs,
      turnTimes,
      model,
      promptVersion: promptVersionFor(rng, dayIndex),
      channel,
      locale,
      tier: tierFor(rng, locale),
      dayIndex,
    });
    remaining -= wanted;
  }
  return sessions;
}
