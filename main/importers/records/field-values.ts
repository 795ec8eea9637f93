import { contentText, documentTexts, inputText, outputText, toMessages } from '../formats/message-text';
import { nestsDeeperThan, tooDeepReason } from '../containers/json-depth';
import { FieldError } from './record-draft';

/** Field coercions shared by every log format; messages follow zod's wording so API and import errors read alike. */

export function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

function expected(field: string, what: string, v: unknown): FieldError {
  return new FieldError(field, `Invalid input: expected ${what}, received ${typeName(v)}`);
}

function isBlank(v: unknown): boolean {
  return v === undefined || v === null || v === '';
}

export function optString(v: unknown, field: string): string | null {
  if (isBlank(v)) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  throw expected(field, 'string', v);
}

/** input/output: a string, or chat messages / a response object from which the text is taken. */
export function requiredText(v: unknown, field: 'input' | 'output'): string {
  if (typeof v === 'string') return v;
  if (v === undefined || v === null) throw new FieldError(field, `Invalid input: expected string, received ${typeName(v)}`);
  if (typeof v === 'object') {
    const text = field === 'output' ? outputText(v) : toMessages(v) ? inputText(v) : contentText(v);
    if (text !== '') return text;
  }
  throw expected(field, 'string or chat messages', v);
}

const INT = /^\s*\d+\s*$/;
const NUM = /^\s*[+]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;

export function optCount(v: unknown, field: string): number | null {
  if (isBlank(v)) return null;
  if (typeof v === 'number') {
    if (Number.isInteger(v) && v >= 0) return v;
    if (!Number.isFinite(v)) throw expected(field, 'number', v);
    throw new FieldError(field, Number.isInteger(v) ? 'Too small: expected number to be >=0' : 'Invalid input: expected int, received number');
  }
  if (typeof v === 'string' && INT.test(v)) return Number(v);
  throw expected(field, 'non-negative integer', v);
}

export function optAmount(v: unknown, field: string): number | null {
  if (isBlank(v)) return null;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw expected(field, 'number', v);
    if (v < 0) throw new FieldError(field, 'Too small: expected number to be >=0');
    return v;
  }
  if (typeof v === 'string' && NUM.test(v)) return Number(v);
  throw expected(field, 'non-negative number', v);
}

/** Any date or epoch (s, ms, µs or ns, told apart by magnitude) as ISO 8601 UTC, so time windows sort as text. */
/** Already in the stored form (what toISOString writes): kept as is, the common case in large logs. */
const ISO_UTC_MS = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|1\d|2[0-8])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;

export function optTimestamp(v: unknown, field: string): string | null {
  if (isBlank(v)) return null;
  if (typeof v === 'string' && v.length === 24 && ISO_UTC_MS.test(v)) return v;
  let ms: number;
  if (typeof v === 'number' || (typeof v === 'string' && NUM.test(v))) {
    const n = Number(v);
    ms = n > 1e17 ? n / 1e6 : n > 1e14 ? n / 1e3 : n > 1e11 ? n : n * 1000;
  } else if (typeof v === 'string') {
    ms = Date.parse(v);
    // Date.parse reads "2024-03-01 10:00:00" as local time; logs without a zone are taken as UTC.
    if (/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(v.trim())) ms = Date.parse(`${v.trim().replace(' ', 'T')}Z`);
  } else {
    throw expected(field, 'date string or epoch number', v);
  }
  if (!Number.isFinite(ms)) throw new FieldError(field, `not a date or time: ${JSON.stringify(String(v)).slice(0, 60)}`);
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) throw new FieldError(field, `not a date or time: ${JSON.stringify(String(v)).slice(0, 60)}`);
  return d.toISOString();
}

/** Contexts as a list of strings: arrays of strings or document objects, a JSON-array string, or separated text. */
export function contextList(v: unknown, field: string, separator?: string): string[] {
  if (isBlank(v)) return [];
  if (typeof v === 'string') {
    const t = v.trim();
    if (t.startsWith('[')) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(t) as unknown;
      } catch {
        // Not JSON after all: a single context that happens to start with a bracket.
      }
      if (parsed !== undefined) {
        if (nestsDeeperThan(parsed)) throw new FieldError(field, tooDeepReason());
        try {
          return contextList(parsed, field);
        } catch {
          // A JSON array that is not a list of contexts: one context, as written.
        }
      }
    }
    return separator ? v.split(separator).map((s) => s.trim()).filter((s) => s !== '') : [v];
  }
  if (Array.isArray(v)) {
    const out: string[] = [];
    for (let i = 0; i < v.length; i++) {
      const item = v[i];
      if (typeof item === 'string') out.push(item);
      else {
        const texts = typeof item === 'object' && item !== null ? documentTexts(item) : [];
        if (texts.length === 0) throw new FieldError(`${field}.${i}`, `Invalid input: expected string, received ${typeName(item)}`);
        out.push(...texts);
      }
    }
    return out;
  }
  if (typeof v === 'object') {
    const texts = documentTexts(v);
    if (texts.length) return texts;
  }
  throw expected(field, 'array', v);
}

export function metadataObject(v: unknown, field: string): Record<string, unknown> {
  if (isBlank(v)) return {};
  if (typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
  if (typeof v === 'string' && v.trim().startsWith('{')) {
    try {
      const parsed = JSON.parse(v) as unknown;
      if (nestsDeeperThan(parsed)) throw new FieldError(field, tooDeepReason());
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
    } catch {
      // fall through to the type error
    }
  }
  throw expected(field, 'record', v);
}
