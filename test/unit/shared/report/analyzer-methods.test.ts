import { describe, expect, it } from 'vitest';
import { analyzers } from '../../../../shared/engine/registry';
import { methodText } from '../../../../shared/report/analyzer-methods';

// The signed report's Methods section quotes these figures as the accuracy of the analyzers that produced the
// findings: a figure measured on an older analyzer version, or without its in-sample/out-of-source scope, would
// misstate what an auditor can rely on.
describe('report methods text', () => {
  it.each(analyzers.map((a) => [a.id, a.version] as const))('%s quotes figures of the registered version %s', (id, version) => {
    const text = methodText(id);
    expect(text.accuracyNote.toLowerCase().startsWith(`${id} ${version}`)).toBe(true);
    expect(text.accuracy.length).toBeGreaterThan(0);
    for (const figure of text.accuracy) {
      expect(figure.dataset).toMatch(/out-of-source|in-sample/);
      expect(figure.value).toBeGreaterThanOrEqual(0);
      expect(figure.value).toBeLessThanOrEqual(1);
    }
  });
});
