// Intervals for a difference of two proportions built from Wilson intervals (Newcombe 1998): method 10 for
// independent samples and the paired variant with the phi correlation for the same items on both sides. Unlike
// Wald intervals they keep their coverage near 0 and 1, where audit rates (PII leaks, toxicity) usually sit.
import { wilsonInterval, type Interval } from './proportions';

/** Interval for pB - pA from independent samples. */
export function newcombeUnpaired(successesA: number, nA: number, successesB: number, nB: number, confidence = 0.95): Interval {
  const pA = nA === 0 ? 0 : successesA / nA;
  const pB = nB === 0 ? 0 : successesB / nB;
  const a = wilsonInterval(successesA, nA, confidence);
  const b = wilsonInterval(successesB, nB, confidence);
  const diff = pB - pA;
  return {
    low: diff - Math.sqrt((pB - b.low) ** 2 + (a.high - pA) ** 2),
    high: diff + Math.sqrt((b.high - pB) ** 2 + (pA - a.low) ** 2),
  };
}

/**
 * Interval for pB - pA over n pairs: both = positive on both sides, onlyA / onlyB the discordant pairs,
 * neither the rest (Newcombe 1998, method 10 for paired data).
 */
export function newcombePaired(both: number, onlyA: number, onlyB: number, neither: number, confidence = 0.95): Interval {
  const n = both + onlyA + onlyB + neither;
  if (n === 0) return { low: -1, high: 1 };
  const xA = both + onlyA;
  const xB = both + onlyB;
  const pA = xA / n;
  const pB = xB / n;
  const a = wilsonInterval(xA, n, confidence);
  const b = wilsonInterval(xB, n, confidence);
  const denom = (both + onlyA) * (onlyB + neither) * (both + onlyB) * (onlyA + neither);
  const phi = denom === 0 ? 0 : (both * neither - onlyA * onlyB) / Math.sqrt(denom);
  const diff = pB - pA;
  const dl = (pB - b.low) ** 2 - 2 * phi * (pB - b.low) * (a.high - pA) + (a.high - pA) ** 2;
  const du = (b.high - pB) ** 2 - 2 * phi * (b.high - pB) * (pA - a.low) + (pA - a.low) ** 2;
  return { low: Math.max(-1, diff - Math.sqrt(Math.max(0, dl))), high: Math.min(1, diff + Math.sqrt(Math.max(0, du))) };
}
