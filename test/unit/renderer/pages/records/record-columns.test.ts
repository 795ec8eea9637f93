import { describe, expect, it } from 'vitest';
import { columnVisibility, isSortColumn } from '../../../../../renderer/pages/records/record-columns';

const hidden = (visibility: Record<string, boolean>) => Object.keys(visibility).filter((id) => visibility[id] === false).sort();

describe('records table columns', () => {
  it('shows the score columns and flags in the scores set, and time, tokens, latency and cost in the other', () => {
    expect(hidden(columnVisibility('scores', false, 'id'))).toEqual(['cost', 'latencyMs', 'timestamp', 'tokensIn', 'tokensOut']);
    expect(hidden(columnVisibility('usage', false, 'id'))).toEqual(['flags', 'grounding', 'injection', 'pii', 'toxicity']);
  });

  it('keeps the column the rows are sorted by, even beside the detail panel or in the other set', () => {
    expect(hidden(columnVisibility('scores', true, 'grounding'))).not.toContain('grounding');
    expect(hidden(columnVisibility('usage', false, 'toxicity'))).not.toContain('toxicity');
    expect(hidden(columnVisibility('scores', false, 'cost'))).not.toContain('cost');
  });

  it('beside the detail panel keeps the row identity and its flags', () => {
    const compact = hidden(columnVisibility('scores', true, 'id'));
    for (const id of ['id', 'model', 'input', 'flags']) expect(compact).not.toContain(id);
    expect(compact).toContain('output');
  });

  it('sorts by the score columns the server can sort by, and not by text or flags', () => {
    for (const id of ['grounding', 'toxicity', 'injection', 'pii']) expect(isSortColumn(id)).toBe(true);
    for (const id of ['flags', 'input', 'output']) expect(isSortColumn(id)).toBe(false);
  });
});
