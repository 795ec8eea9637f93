import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { LogRecord } from '../../../../../shared/contract/schemas';
import { RecordView } from '../../../../../renderer/pages/records/record-view';

const hostile = '<img src=x onerror="window.pwned=1"><script>alert(1)</script>';

function record(overrides: Partial<LogRecord> = {}): LogRecord {
  return {
    id: 7, assetId: 1, externalId: 'ext-7', timestamp: '2024-10-03T14:05:09Z', model: 'gpt-4o-mini', modelVersion: null,
    promptId: 'support', promptVersion: 'v1.3', input: 'How do I reset it?', output: 'Hold the button.',
    contexts: ['Reset: hold the button for 10 s.'], tokensIn: 120, tokensOut: 30, latencyMs: 850, cost: 0.0004,
    metadata: { channel: 'web' }, ...overrides,
  };
}

describe('RecordView', () => {
  it('renders logged text as text: markup in input, output, contexts and metadata is escaped', () => {
    const html = renderToStaticMarkup(<RecordView record={record({
      input: hostile, output: hostile, contexts: [hostile], metadata: { [hostile]: hostile, nested: { x: hostile } },
    })} />);
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('shows every part of the interaction', () => {
    const html = renderToStaticMarkup(<RecordView record={record()} />);
    for (const text of ['How do I reset it?', 'Hold the button.', 'Reset: hold the button for 10 s.', 'channel', 'web',
      'gpt-4o-mini', 'v1.3', '120 in', '30 out', '850 ms', '$0.00040', '2024-10-03 14:05:09 UTC', 'Contexts (1)']) {
      expect(html).toContain(text);
    }
  });

  it('says so when a record has no contexts or metadata instead of leaving blanks', () => {
    const html = renderToStaticMarkup(<RecordView record={record({ contexts: [], metadata: {}, cost: null })} />);
    expect(html).toContain('No retrieved contexts were logged.');
    expect(html).toContain('None.');
  });
});
