import { describe, it, expect } from 'vitest';
import { piiAnalyzer } from '../../../../../../shared/engine/analyzers/pii/index';
import { runAnalyzer } from '../../../../../../shared/engine/registry';

const record = (output: string, input = '') => ({ input, output, contexts: [] });

describe('piiAnalyzer', () => {
  it('counts output and input entities, with output spans and details', () => {
    const output = 'Sure, I emailed jane@example.com and charged card 4111 1111 1111 1111.';
    const finding = runAnalyzer(piiAnalyzer, record(output, 'My SSN is 536-22-1234'), {}, {});
    expect(finding.analyzerId).toBe('pii');
    expect(finding.scores).toEqual({ pii: 2, input_pii: 1 });
    expect(finding.spans.map((s) => [s.field, s.label, output.slice(s.start, s.end)])).toEqual([
      ['output', 'email', 'jane@example.com'],
      ['output', 'credit_card', '4111 1111 1111 1111'],
    ]);
    expect(finding.details).toEqual({
      pii: [
        { type: 'email', start: 16, end: 32 },
        { type: 'credit_card', start: 50, end: 69 },
      ],
      input_pii: [{ type: 'ssn', start: 10, end: 21 }],
    });
  });

  it('reports nothing for a polite answer without personal data', () => {
    const finding = runAnalyzer(piiAnalyzer, record('Thanks for reaching out! You can reset your password under Settings > Security.'), {}, {});
    expect(finding.scores.pii).toBe(0);
    expect(finding.spans).toEqual([]);
  });

  it('validates params and honours the enabled types', () => {
    expect(() => piiAnalyzer.params.parse({ types: ['nope'] })).toThrow();
    const finding = runAnalyzer(piiAnalyzer, record('jane@example.com 536-22-1234'), { types: ['ssn'] }, {});
    expect(finding.spans.map((s) => s.label)).toEqual(['ssn']);
  });

  it('does not crash on empty, huge, emoji, control-character, surrogate or HTML input', () => {
    const inputs = [
      '',
      '😀👍🏽 jane@example.com 😀',
      'a\u0000b\u0007\u001b[31m 192.168.0.1',
      '\ud800\udc00\ud800 lone \udfff',
      '<p onclick="x">Call <b>(555) 123-4567</b> &amp; mail <a href="mailto:j@x.io">j@x.io</a></p>',
      'x'.repeat(1 << 20),
      '4111 1111 '.repeat(100_000),
      'a@'.repeat(500_000),
      '-----BEGIN PRIVATE KEY-----\n'.repeat(30_000),
      'Maria Lopez, 1668 Glyn St, '.repeat(40_000),
    ];
    for (const text of inputs) {
      const finding = runAnalyzer(piiAnalyzer, record(text, text), {}, {});
      for (const s of finding.spans) {
        expect(s.start).toBeGreaterThanOrEqual(0);
        expect(s.end).toBeLessThanOrEqual(text.length);
        expect(s.end).toBeGreaterThan(s.start);
      }
    }
  });
});
