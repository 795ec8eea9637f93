// Splits a CSV file into byte ranges that start just after a line end, so several threads can parse one file.
// A line end inside a quoted field would be a false boundary; the parser reports whether a range saw any
// quote, and a file split that way is parsed again as one range (see parallel-tables.ts).
import { closeSync, openSync, readSync, statSync } from 'node:fs';

export interface ByteRange {
  start: number;
  end: number;
}

/** Files smaller than this are not split (thread start-up costs more than it saves). */
export const MIN_SPLIT_BYTES = 1 << 22;

/** Up to `parts` ranges covering [0, size); every boundary is at or after `dataStart` and follows a LF. */
export function splitAtLineEnds(file: string, parts: number, dataStart: number): ByteRange[] {
  const size = statSync(file).size;
  if (parts <= 1 || size < MIN_SPLIT_BYTES) return [{ start: 0, end: size }];
  const bounds = [0];
  const probe = Buffer.allocUnsafe(1 << 16);
  const fd = openSync(file, 'r');
  try {
    for (let k = 1; k < parts; k++) {
      let at = Math.max(Math.floor((size * k) / parts), dataStart, bounds[bounds.length - 1]! + 1);
      let boundary = -1;
      while (at < size && boundary < 0) {
        const n = readSync(fd, probe, 0, probe.length, at);
        if (n === 0) break;
        const lf = probe.subarray(0, n).indexOf(10);
        if (lf >= 0) boundary = at + lf + 1;
        else at += n;
      }
      if (boundary < 0 || boundary >= size) break;
      bounds.push(boundary);
    }
  } finally {
    closeSync(fd);
  }
  bounds.push(size);
  return bounds.slice(1).map((end, i) => ({ start: bounds[i]!, end }));
}
