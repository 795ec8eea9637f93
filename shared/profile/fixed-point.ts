/**
 * Exact sums for mergeable profiles. Each value is rounded once to a whole number of nano-units (1e-9) and the
 * nano-units are added as BigInt, so a sum never depends on the order in which records or partial profiles are
 * added: merge is exactly associative and commutative. The only error is that one rounding per value, so a sum
 * of n values is within n * 5e-10 of the float sum of the unrounded values.
 */
export const NANO_DIGITS = 9;
const SCALE = 10n ** BigInt(NANO_DIGITS);

/** A finite number rounded to nano-units. */
export function toNano(value: number): bigint {
  if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
  // toFixed keeps the decimal digits the number prints with, which avoids value * 1e9 float error.
  const text = value.toFixed(NANO_DIGITS);
  const negative = text.startsWith('-');
  const [whole = '0', frac = ''] = (negative ? text.slice(1) : text).split('.');
  const nano = BigInt(whole) * SCALE + BigInt(frac.padEnd(NANO_DIGITS, '0'));
  return negative ? -nano : nano;
}

/** Decimal text of a nano-unit sum, e.g. 1500000000n -> "1.5"; what profiles store (JSON numbers would round). */
export function nanoToDecimal(nano: bigint): string {
  const negative = nano < 0n;
  const abs = negative ? -nano : nano;
  const whole = abs / SCALE;
  const frac = (abs % SCALE).toString().padStart(NANO_DIGITS, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${frac ? `.${frac}` : ''}`;
}

const DECIMAL = /^-?\d+(\.\d{1,9})?$/;

/** Parses the decimal text nanoToDecimal writes; throws on anything else. */
export function decimalToNano(text: string): bigint {
  if (!DECIMAL.test(text)) throw new Error(`expected a decimal with at most ${NANO_DIGITS} fraction digits, got "${text}"`);
  const negative = text.startsWith('-');
  const [whole = '0', frac = ''] = (negative ? text.slice(1) : text).split('.');
  const nano = BigInt(whole) * SCALE + BigInt(frac.padEnd(NANO_DIGITS, '0'));
  return negative ? -nano : nano;
}
