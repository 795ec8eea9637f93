import type { Snippet } from '../../../shared/contract/records-schemas';
import { HighlightedText } from '../../components/highlighted-text';
import type { Highlight } from '../../format/text-segments';

const SEARCH_MATCH = ['hl-search'] as const;

/**
 * A snippet of untrusted record text with the search terms marked. Rendered as React text nodes only; the span
 * isolates bidi controls in the text so that they cannot reorder the rest of the row.
 */
export function SnippetText({ snippet, testId, oneLine = false }: { snippet: Snippet; testId?: string; oneLine?: boolean }) {
  const highlights: Highlight[] = snippet.matches.map((m) => ({ start: m.start, end: m.end, classes: SEARCH_MATCH }));
  return (
    <span className={oneLine ? 'snippet snippet-one-line' : 'snippet'} data-testid={testId}>
      {snippet.cutStart ? <span className="snippet-cut" aria-hidden="true">…</span> : null}
      <HighlightedText text={snippet.text} highlights={highlights} />
      {snippet.cutEnd ? <span className="snippet-cut" aria-hidden="true">…</span> : null}
    </span>
  );
}
