import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { LogRecord } from '../../../../../shared/contract/schemas';
import { RecordView } from '../../../../../renderer/pages/records/record-view';
import { groundingFinding, injectionFinding, OUTPUT, piiFinding, record as analyzedRecord } from './findings/fixtures';

const hostile = '<img src=x onerror="window.pwned=1"><script>alert(1)</script>';

function record(overrides: Partial<LogRecord> = {}): LogRecord {
  return {
    id: 7, assetId: 1, externalId: 'ext-7', timestamp: '2024-10-03T14:05:09Z', model: 'gpt-4o-mini', modelVersion: null,
    promptId: 'support', promptVersion: 'v1.3', input: 'How do I reset it?', output: 'Hold the button.',
    contexts: ['Reset: hold the button for 10 s.'], tokensIn: 120, tokensOut: 30, latencyMs: 850, cost: 0.0004,
    metadata: { channel: 'web' }, scores: null, ...overrides,
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

  it('says when the record has not been analyzed yet', () => {
    const html = renderToStaticMarkup(<RecordView record={record()} />);
    expect(html).toContain('Not analyzed yet');
    expect(html).not.toContain('data-testid="record-claims"');
  });

  it('shows each claim beside its evidence, with the failed words and the analyzers that produced them', () => {
    const html = renderToStaticMarkup(<RecordView record={analyzedRecord()} findings={[groundingFinding(), piiFinding, injectionFinding]} />);
    expect(html).toContain('data-testid="record-claims"');
    expect(html).toContain('Contradicted');
    expect(html).toContain('number not in the evidence: 25');
    // The evidence sentence, quoted from its context and highlighted there.
    expect(html).toMatch(/<mark class="hl hl-evidence"[^>]*>Opened items are accepted without a fee\.<\/mark>/);
    expect(html).toContain('Context 1');
    expect(html).toMatch(/<mark class="hl [^"]*hl-pii[^"]*"[^>]*>anna@example\.com<\/mark>/);
    expect(html).toMatch(/<mark class="hl hl-injection"[^>]*>Ignore previous instructions<\/mark>/);
    // Stamps: version, short params hash (full on hover) and run.
    expect(html).toContain('v1.0.0');
    expect(html).toContain(`title="${'ab'.repeat(32)}"`);
    expect(html).toContain('run #2');
    expect(html).toContain('1 of 2 checked claims not supported');
  });

  it('counts claims in the header as the analyzer text does: a claim with no checkable fact is not counted', () => {
    const base = groundingFinding();
    const claims = [...(base.details!.claims as unknown[]), { text: 'Thanks!', start: 0, end: 7, support: null, label: 'not-checkable', failed: [], evidence: null }];
    const html = renderToStaticMarkup(<RecordView record={analyzedRecord()} findings={[{ ...base, details: { claims } }]} />);
    expect(html).toContain('1 of 2 checked claims not supported');
  });

  it('marks contradicting evidence as such, names KB chunks by document and heading, and shows the evidence KB', () => {
    const base = groundingFinding({ kb: { assetId: 4, name: 'support-kb', version: 2 } });
    const [first, ...rest] = base.details!.claims as Array<Record<string, unknown>>;
    const contradicting = {
      ...first!,
      failed: [{ kind: 'number-conflict', text: '25', start: OUTPUT.indexOf('25'), end: OUTPUT.indexOf('25') + 2, evidence: '30' }],
      evidence: { ...(first!.evidence as Record<string, unknown>), relation: 'contradicts' },
    };
    const fromKb = { ...rest[0] as Record<string, unknown>, evidence: { source: 'kb', ref: '12', name: 'returns.md › Fees', start: 0, end: 10, text: 'No fees at all.', relation: 'supports' } };
    const html = renderToStaticMarkup(<RecordView record={analyzedRecord()} findings={[{ ...base, details: { claims: [contradicting, fromKb] } }]} />);
    expect(html).toContain('data-testid="evidence-contradicts"');
    expect(html).toContain('contradicts the claim');
    expect(html).toContain('25 where the context says 30');
    expect(html).toContain('Knowledge base · returns.md › Fees');
    expect(html).toMatch(/data-testid="finding-kb"[^>]*>.*support-kb v2/);
  });

  it('says why grounding does not apply to a record', () => {
    const finding = groundingFinding({
      scores: { grounding: null, answer_relevance: 0.2, context_relevance: null }, spans: [],
      explanation: 'Not applicable: the answer only calls tools; it states no fact to check.',
      details: { claims: [], notApplicable: 'tool-calls' },
    });
    const html = renderToStaticMarkup(<RecordView record={analyzedRecord({ output: '[tool call] f({})' })} findings={[finding]} />);
    expect(html).toMatch(/data-testid="grounding-not-applicable"[^>]*>Not applicable: the answer only calls tools/);
    expect(html).toContain('No knowledge base: record contexts only');
  });

  it('escapes markup in claims, evidence and explanations as it does in the record', () => {
    const base = groundingFinding();
    const evidence = { source: 'kb', ref: '<b>9</b>', start: 0, end: hostile.length, text: hostile };
    const claims = (base.details!.claims as Array<Record<string, unknown>>).map((claim): Record<string, unknown> => ({ ...claim, text: hostile, evidence }));
    const html = renderToStaticMarkup(<RecordView record={record({ output: hostile, contexts: [hostile] })}
      findings={[{ ...base, explanation: hostile, details: { claims } }]} />);
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>9</b>');
    expect(html).toContain('Knowledge base · chunk &lt;b&gt;9&lt;/b&gt;');
  });
});
