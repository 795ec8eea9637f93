import { splitInvisible } from '../format/invisible-chars';
import './visible-text.css';

/**
 * Untrusted text with invisible and bidirectional control characters shown as visible tokens ("U+202E" in a
 * box, its name on hover) instead of being applied, so what a reviewer reads is what the text holds.
 */
export function VisibleText({ text }: { text: string }) {
  const pieces = splitInvisible(text);
  if (pieces.length === 1 && pieces[0]!.kind === 'text') return <>{text}</>;
  return (
    <>
      {pieces.map((piece, i) => piece.kind === 'text'
        ? <span key={i}>{piece.text}</span>
        : <span key={i} className="invisible-char" title={`${piece.code} ${piece.name}`} data-testid="invisible-char" data-code={piece.code}>{piece.code}</span>)}
    </>
  );
}
