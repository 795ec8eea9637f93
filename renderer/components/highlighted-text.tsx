import { segmentText, type Highlight } from '../format/text-segments';
import { VisibleText } from './visible-text';

interface Props {
  text: string;
  highlights: readonly Highlight[];
  /** Called with the claim index when a claim's highlight is clicked. */
  onClaim?: (claim: number) => void;
}

/**
 * Untrusted text with highlighted regions. Every run is a React text node (escaped by React), wrapped in a
 * <mark> where regions cover it; no markup from the text or the findings is ever parsed. Invisible and bidi
 * control characters are shown as visible tokens (offsets of the highlights still count them).
 */
export function HighlightedText({ text, highlights, onClaim }: Props) {
  const runs = segmentText(text, highlights);
  return (
    <>
      {runs.map((run) => {
        if (run.marks.length === 0) return <span key={run.start}><VisibleText text={run.text} /></span>;
        const classes = [...new Set(run.marks.flatMap((mark) => mark.classes))].join(' ');
        const titles = [...new Set(run.marks.map((mark) => mark.title).filter((title): title is string => Boolean(title)))];
        const claim = run.marks.find((mark) => mark.claim !== undefined)?.claim;
        const clickable = claim !== undefined && onClaim !== undefined;
        return (
          <mark
            key={run.start}
            className={`hl ${classes}${clickable ? ' hl-clickable' : ''}`}
            title={titles.length ? titles.join(' · ') : undefined}
            data-claim={claim}
            onClick={clickable ? () => onClaim(claim) : undefined}
          >
            <VisibleText text={run.text} />
          </mark>
        );
      })}
    </>
  );
}
