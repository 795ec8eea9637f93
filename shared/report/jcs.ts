// RFC 8785 (JCS) canonical bytes of a report. shared/util/canonical-json.ts already writes JCS for the values JCS
// allows (keys sorted by UTF-16 code units, ECMAScript number and string serialization); JCS rejects what that
// helper would quietly coerce, so the report is checked first: a non-finite number or a lone surrogate in signed
// bytes is a bug to surface, not to sign.
import { canonicalJson } from '../util/canonical-json';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function check(value: unknown, path: string): void {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`${path}: ${value} has no JSON form (RFC 8785)`);
  } else if (typeof value === 'string') {
    if (LONE_SURROGATE.test(value)) throw new TypeError(`${path}: lone surrogate in a string (RFC 8785 needs well-formed Unicode)`);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => {
      if (v === undefined) throw new TypeError(`${path}[${i}]: undefined has no JSON form`);
      check(v, `${path}[${i}]`);
    });
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (LONE_SURROGATE.test(k)) throw new TypeError(`${path}: lone surrogate in key`);
      if (v !== undefined) check(v, `${path}.${k}`);
    }
  } else if (typeof value !== 'boolean' && value !== null) {
    throw new TypeError(`${path}: ${typeof value} has no JSON form`);
  }
}

export function jcs(value: unknown): string {
  check(value, '$');
  return canonicalJson(value);
}
