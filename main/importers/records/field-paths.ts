/** Reads a value by a mapping path: a plain key first (CSV headers may contain dots), then a dot path. */
export type Getter = (o: Record<string, unknown>) => unknown;

export function compilePath(path: string): Getter {
  if (!path.includes('.')) return (o) => o[path];
  const parts = path.split('.');
  return (o) => {
    if (path in o) return o[path];
    let cur: unknown = o;
    for (const part of parts) {
      if (cur === null || typeof cur !== 'object') return undefined;
      if (Array.isArray(cur)) {
        const i = Number(part);
        if (!Number.isInteger(i)) return undefined;
        cur = cur[i < 0 ? cur.length + i : i];
      } else {
        cur = (cur as Record<string, unknown>)[part];
      }
    }
    return cur;
  };
}

/** The top-level key a path reads, so unmapped keys can be kept in metadata. */
export function rootKey(path: string): string {
  const dot = path.indexOf('.');
  return dot === -1 ? path : path.slice(0, dot);
}
