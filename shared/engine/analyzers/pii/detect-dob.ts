import type { PiiEntity } from './types';

const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?';
const DATE = `(?:\\d{1,2}[/.-]\\d{1,2}[/.-](?:\\d{4}|\\d{2})|\\d{4}-\\d{1,2}-\\d{1,2}|${MONTH}[ \\t]+\\d{1,2}(?:st|nd|rd|th)?,?[ \\t]+\\d{4}|\\d{1,2}(?:st|nd|rd|th)?[ \\t]+(?:of[ \\t]+)?${MONTH},?[ \\t]+\\d{4})`;
// The date right after a birth cue; only the date is the entity.
const DOB = new RegExp(`\\b(?:born(?:[ \\t]+on)?|date[ \\t]+of[ \\t]+birth|d\\.?o\\.?b\\.?|birth[ \\t]?date|birthday)[ \\t]*(?:is|was|:|-)?[ \\t]*(?:on[ \\t]+)?(${DATE})(?!\\d)`, 'gid');

/** Dates of birth: a date right after "born", "date of birth", "DOB", "birthday". */
export function detectDatesOfBirth(text: string): PiiEntity[] {
  const out: PiiEntity[] = [];
  for (const m of text.matchAll(DOB)) {
    const span = m.indices?.[1];
    if (span) out.push({ type: 'date_of_birth', start: span[0], end: span[1], score: 0.85 });
  }
  return out;
}
