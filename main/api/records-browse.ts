import type { LogRecord } from '../../shared/contract/schemas';
import type { RecordBrowsePage, RecordBrowseRow, Snippet } from '../../shared/contract/records-schemas';
import { maskPii } from '../../shared/engine/analyzers/pii';
import { findMatches, parseSearch, type SearchTerm } from '../../shared/text/search-query';
import { snippetOf, snippetStart } from '../../shared/text/snippet';
import type { Db } from '../storage/db';
import { countMatching, pageKeys, recordsByIds, type RecordFilter } from '../storage/records-repo';
import { storedPiiFor, type PiiRegion, type StoredPii } from '../storage/records-pii-repo';
import { maskField } from './records-pii-mask';

// Detection for a snippet runs on the snippet and this much around it, so an entity that reaches into the snippet
// is seen whole (entities are far shorter) while a long text costs only its window.
const DETECTION_MARGIN = 96;

function fieldSnippet(text: string, stored: readonly PiiRegion[] | undefined, reveal: boolean, terms: readonly SearchTerm[], maxChars: number): Snippet {
  if (reveal) return snippetOf(text, terms, maxChars);
  if (stored) return snippetOf(maskField(text, stored), terms, maxChars);
  const from = snippetStart(text, findMatches(text, terms)[0]?.start, maxChars);
  const lo = Math.max(0, from - DETECTION_MARGIN);
  const hi = Math.min(text.length, from + maxChars + DETECTION_MARGIN);
  // A match hidden by the mask (a searched e-mail address) still places the snippet where it was.
  return snippetOf(maskPii(text.slice(lo, hi)), terms, maxChars, { cut: { left: lo > 0, right: hi < text.length }, fallbackStart: from - lo });
}

function browseRow(r: LogRecord, pii: StoredPii | undefined, reveal: boolean, terms: readonly SearchTerm[], maxChars: number): RecordBrowseRow {
  let context: RecordBrowseRow['context'] = null;
  if (terms.length > 0) {
    const index = r.contexts.findIndex((c) => findMatches(c, terms).length > 0);
    if (index >= 0) context = { index, ...fieldSnippet(r.contexts[index]!, undefined, reveal, terms, maxChars) };
  }
  return {
    id: r.id, assetId: r.assetId, externalId: r.externalId, timestamp: r.timestamp, model: r.model, modelVersion: r.modelVersion,
    promptVersion: r.promptVersion, tokensIn: r.tokensIn, tokensOut: r.tokensOut, latencyMs: r.latencyMs, cost: r.cost, scores: r.scores,
    input: fieldSnippet(r.input, pii?.input, reveal, terms, maxChars),
    output: fieldSnippet(r.output, pii?.output, reveal, terms, maxChars),
    context,
    contextCount: r.contexts.length,
  };
}

/** One page of the Records table: keyset rows with snippets around the search terms, PII masked unless revealed. */
export function browseRecords(db: Db, q: RecordFilter & { revealPii: boolean; snippetChars: number }): RecordBrowsePage {
  const { ids, next } = pageKeys(db, q);
  const records = recordsByIds(db, ids);
  const pii = q.revealPii ? new Map<number, StoredPii>() : storedPiiFor(db, ids);
  const terms = q.search ? parseSearch(q.search) : [];
  return {
    total: countMatching(db, q),
    offset: q.offset,
    rows: records.map((r) => browseRow(r, pii.get(r.id), q.revealPii, terms, q.snippetChars)),
    next,
    piiMasked: !q.revealPii,
  };
}
