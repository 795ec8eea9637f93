/**
 * Runs of untrusted text with no place to wrap (base64 blobs, hashes, a 100 KB padding word) are cut out so the
 * view can lay them out without kerning. Chromium cannot break a kerned run at an arbitrary character without
 * shaping the rest of the run again, so wrapping one such word across n lines costs O(n^2): a 100 KB word took
 * 25-80 s to lay out. No word of prose comes near this length, so ordinary text keeps its kerning.
 */
export const LONG_RUN_CHARS = 100;

const LONG_RUN = new RegExp(`\\S{${LONG_RUN_CHARS},}`, 'g');

export interface TextRunPiece {
  text: string;
  /** A run of LONG_RUN_CHARS or more characters without white space. */
  long: boolean;
}

/** The text as ordinary and long runs, in order; joins back to the same string. */
export function splitLongRuns(text: string): TextRunPiece[] {
  const pieces: TextRunPiece[] = [];
  let last = 0;
  LONG_RUN.lastIndex = 0;
  for (let m = LONG_RUN.exec(text); m !== null; m = LONG_RUN.exec(text)) {
    if (m.index > last) pieces.push({ text: text.slice(last, m.index), long: false });
    pieces.push({ text: m[0], long: true });
    last = m.index + m[0].length;
  }
  if (last < text.length || pieces.length === 0) pieces.push({ text: text.slice(last), long: false });
  return pieces;
}
