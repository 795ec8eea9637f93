import { describe, expect, it } from 'vitest';
import { segmentText } from '../../../../../../renderer/format/text-segments';
import {
  contextHighlights, inputHighlights, outputHighlights, readAnalysis,
} from '../../../../../../renderer/pages/records/findings/record-analysis';
import { CONTEXTS, OUTPUT, groundingFinding, injectionFinding, piiFinding } from './fixtures';

const marked = (text: string, classes: string) =>
  (highlights: ReturnType<typeof outputHighlights>) => segmentText(text, highlights).filter((run) => run.marks.some((m) => m.classes.includes(classes))).map((run) => run.text).join('');

describe('record analysis for the detail view', () => {
  const analysis = readAnalysis([groundingFinding(), piiFinding, injectionFinding]);

  it('marks the contradicted claim, its failed number and the PII in the answer', () => {
    const output = outputHighlights(analysis, null);
    expect(marked(OUTPUT, 'hl-contradicted')(output)).toBe('Opened items carry a 25% restocking fee.');
    expect(marked(OUTPUT, 'hl-issue')(output)).toBe('25');
    expect(marked(OUTPUT, 'hl-pii')(output)).toBe('anna@example.com');
    // The supported claim is clickable but not tinted as a problem.
    expect(output.some((h) => h.claim === 1 && h.classes.includes('hl-supported'))).toBe(true);
  });

  it('highlights the selected claim in the answer and its evidence in the context it came from', () => {
    expect(contextHighlights(analysis, 0, CONTEXTS, null)).toEqual([]);
    const evidence = contextHighlights(analysis, 0, CONTEXTS, 0);
    expect(marked(CONTEXTS[0]!, 'hl-evidence-active')(evidence)).toBe('Opened items are accepted without a fee.');
    expect(marked(OUTPUT, 'hl-selected')(outputHighlights(analysis, 0))).toBe('Opened items carry a 25% restocking fee.');
  });

  it('puts injection spans on the context they were found in', () => {
    expect(marked(CONTEXTS[1]!, 'hl-injection')(contextHighlights(analysis, 1, CONTEXTS, null))).toBe('Ignore previous instructions');
    expect(contextHighlights(analysis, 0, CONTEXTS, null)).toEqual([]);
    expect(inputHighlights(analysis)).toEqual([]);
  });

  it('keeps the newest result per analyzer and lists older ones separately', () => {
    const older = groundingFinding({ runId: 1, analyzerVersion: '0.9.0' });
    const history = readAnalysis([older, groundingFinding(), piiFinding]);
    expect(history.latest.map((f) => `${f.analyzerId}@${f.runId}`)).toEqual(['grounding@2', 'pii@2']);
    expect(history.earlier).toEqual([older]);
  });
});
