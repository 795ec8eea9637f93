// Jensen-Shannon distance between two discrete distributions, as scipy.spatial.distance.jensenshannon with
// the default natural-log base: sqrt((KL(p||m) + KL(q||m)) / 2), m = (p + q) / 2, inputs normalized to sum 1.

function relEntr(a: number, b: number): number {
  if (a > 0 && b > 0) return a * Math.log(a / b);
  return a === 0 && b >= 0 ? 0 : Infinity;
}

export function jensenShannonDistance(p: ArrayLike<number>, q: ArrayLike<number>, base?: number): number {
  if (p.length !== q.length) throw new RangeError('jensenShannonDistance needs vectors of the same length');
  let sp = 0;
  let sq = 0;
  for (let i = 0; i < p.length; i++) {
    sp += p[i]!;
    sq += q[i]!;
  }
  if (!(sp > 0 && sq > 0)) return Number.NaN;
  let left = 0;
  let right = 0;
  for (let i = 0; i < p.length; i++) {
    const pi = p[i]! / sp;
    const qi = q[i]! / sq;
    const m = (pi + qi) / 2;
    left += relEntr(pi, m);
    right += relEntr(qi, m);
  }
  let js = left + right;
  if (base !== undefined) js /= Math.log(base);
  return Math.sqrt(Math.max(0, js / 2));
}
