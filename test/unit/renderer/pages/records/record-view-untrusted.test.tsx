import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { LogRecord } from '../../../../../shared/contract/schemas';
import { RecordView } from '../../../../../renderer/pages/records/record-view';

function record(overrides: Partial<LogRecord> = {}): LogRecord {
  return {
    id: 7, assetId: 1, externalId: 'ext-7', timestamp: '2024-10-03T14:05:09Z', model: 'gpt-4o-mini', modelVersion: null,
    promptId: 'support', promptVersion: 'v1.3', input: 'How do I reset it?', output: 'Hold the button.',
    contexts: ['Reset: hold the button for 10 s.'], tokensIn: 120, tokensOut: 30, latencyMs: 850, cost: 0.0004,
    metadata: { channel: 'web' }, scores: null, ...overrides,
  };
}

const BIDI = /[\u202A-\u202E\u2066-\u2069\u200B-\u200F]/;

describe('RecordView on hostile text', () => {
  it('shows bidi and invisible controls as visible tokens everywhere, never applying them', () => {
    const spoof = 'abc\u202Egnp.exe';
    const html = renderToStaticMarkup(<RecordView record={record({
      input: spoof, output: `see ${spoof}`, contexts: [`zero\u200Bwidth`], model: `gpt\u2066x`, externalId: spoof,
      metadata: { [`file\u202E`]: spoof, nested: { deeper: { name: spoof } } },
    })} />);
    expect(html).not.toMatch(BIDI);
    expect(html.match(/data-code="U\+202E"/g)?.length).toBeGreaterThanOrEqual(6);
    expect(html).toContain('data-code="U+200B"');
    expect(html).toContain('data-code="U+2066"');
    expect(html).toContain('title="U+202E RIGHT-TO-LEFT OVERRIDE"');
    // The visible letters are all still there, in logical order.
    expect(html.replace(/<[^>]+>/g, '')).toContain('abcU+202Egnp.exe');
  });

  it('collapses deeply nested metadata instead of printing every level', () => {
    let deep: Record<string, unknown> = { leaf: 'bottom' };
    for (let i = 0; i < 1_000; i++) deep = { n: deep }; // about 6 KB of JSON
    const size = JSON.stringify({ deep }).length;
    const html = renderToStaticMarkup(<RecordView record={record({ metadata: { deep, channel: 'web' } })} />);
    // Pretty-printed, this was megabytes of page text; collapsed, the page stays about the size of the record.
    expect(html.length).toBeLessThan(size + 20_000);
    expect(html).toContain('data-testid="json-tree"');
    expect(html).toContain('{…} 1 key');
    expect(html).not.toContain('bottom');
    expect(html).toContain('channel');
  });
});
