import { describe, it, expect } from 'vitest';
import { maskPii } from '../../../../../../shared/engine/analyzers/pii/mask';

describe('maskPii', () => {
  const text = 'Card 4111 1111 1111 1111, mail jane@example.com, call +44 20 7946 0958.';

  it('replaces detected entities with their type by default', () => {
    expect(maskPii(text)).toBe('Card [CREDIT_CARD], mail [EMAIL], call [PHONE].');
  });

  it('keeps the last four digits and the email domain in partial style', () => {
    expect(maskPii(text, undefined, 'partial')).toBe('Card [CREDIT_CARD ****1111], mail j***@example.com, call [PHONE ****0958].');
  });

  it('blocks out characters one for one, keeping line breaks', () => {
    const masked = maskPii('key:\nsk-proj-abcdefghijklmnopqrstuvwxyz123456', undefined, 'block');
    expect(masked).toBe(`key:\n${'*'.repeat(40)}`);
  });

  it('uses given spans (analyzer labels), ignoring invalid and overlapping ones', () => {
    const spans = [
      { start: 5, end: 24, label: 'credit_card' },
      { start: 10, end: 12, label: 'phone' },
      { start: -1, end: 3, label: 'email' },
      { start: 60, end: 999, label: 'email' },
    ];
    expect(maskPii(text, spans)).toBe('Card [CREDIT_CARD], mail jane@example.com, call +44 20 7946 0958.');
  });

  it('returns text unchanged when nothing is found', () => {
    expect(maskPii('')).toBe('');
    expect(maskPii('nothing here')).toBe('nothing here');
  });
});
