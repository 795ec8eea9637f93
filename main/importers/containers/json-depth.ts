/**
 * Deepest nesting of objects and arrays an imported JSON item may have. Real logs and exports stay far below
 * it; deeper items would overflow the stack of the recursive code that reads, hashes and renders them, so they
 * are quarantined with this reason instead of aborting the import.
 */
export const MAX_JSON_DEPTH = 100;

export function tooDeepReason(): string {
  return `nested more than ${MAX_JSON_DEPTH} levels deep (objects and arrays); flatten it to import`;
}

/** Whether a parsed JSON value nests deeper than `max`; iterative, so it cannot overflow itself. */
export function nestsDeeperThan(value: unknown, max = MAX_JSON_DEPTH): boolean {
  if (value === null || typeof value !== 'object') return false;
  const stack: unknown[] = [value];
  const depths: number[] = [1];
  while (stack.length > 0) {
    const v = stack.pop() as object;
    const d = depths.pop()!;
    if (d > max) return true;
    const children = Array.isArray(v) ? v : Object.values(v);
    for (const c of children) {
      if (c !== null && typeof c === 'object') {
        stack.push(c);
        depths.push(d + 1);
      }
    }
  }
  return false;
}
