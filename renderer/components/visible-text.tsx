import { splitInvisible } from '../format/invisible-chars';
import { splitLongRuns } from '../format/long-runs';
import './visible-text.css';

/**
 * Untrusted text with invisible and bidirectional control characters shown as visible tokens ("U+202E" in a
 * box, its name on hover) instead of being applied, so what a reviewer reads is what the text holds.
 */
export function VisibleText({ text }: { text: string }) {
  const pieces = splitInvisible(text);
  if (pieces.length === 1 && pieces[0]!.kind === 'text') return <WrappableText text={text} />;
  return (
    <>
      {pieces.map((piece, i) => piece.kind === 'text'
        ? <span key={i}><WrappableText text={piece.text} /></span>
        : <span key={i} className="invisible-char" title={`${piece.code} ${piece.name}`} data-testid="invisible-char" data-code={piece.code}>{piece.code}</span>)}
    </>
  );
}

/** Long unbroken runs in a span laid out without kerning (see long-runs.ts), so wrapping them stays linear. */
function WrappableText({ text }: { text: string }) {
  const runs = splitLongRuns(text);
  if (runs.length === 1 && !runs[0]!.long) return <>{text}</>;
  return <>{runs.map((run, i) => (run.long ? <span key={i} className="long-run">{run.text}</span> : run.text))}</>;
}
