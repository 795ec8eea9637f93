/** Looks for cue words near a candidate ("phone:", "SSN", "card ending") to confirm weak formats. */
export function cueBefore(text: string, start: number, cue: RegExp, window = 40): boolean {
  return cue.test(text.slice(Math.max(0, start - window), start));
}

export function cueAfter(text: string, end: number, cue: RegExp, window = 20): boolean {
  return cue.test(text.slice(end, end + window));
}
