import { describe, expect, it } from 'vitest';
import { formatHash, parseHash } from '../../../../renderer/routing/routes';

describe('hash routes', () => {
  it('reads the page and its parameters', () => {
    expect(parseHash('#/records?model=gpt-4o&prompt=v1.3')).toEqual({ page: 'records', params: { model: 'gpt-4o', prompt: 'v1.3' } });
    expect(parseHash('#/audit')).toEqual({ page: 'audit', params: {} });
    expect(parseHash('#/audit/')).toEqual({ page: 'audit', params: {} });
  });

  it('falls back to the overview for an empty or unknown hash', () => {
    expect(parseHash('')).toEqual({ page: 'overview', params: {} });
    expect(parseHash('#/')).toEqual({ page: 'overview', params: {} });
    expect(parseHash('#/no-such-page?x=1').page).toBe('overview');
  });

  it('round-trips values with spaces, ampersands and unicode', () => {
    const params = { q: 'refund & return — 30 días', model: 'claude 3/haiku' };
    expect(parseHash(formatHash('records', params))).toEqual({ page: 'records', params });
  });

  it('drops empty values and orders keys so equal states give equal URLs', () => {
    expect(formatHash('records', { sort: 'cost', model: '', q: undefined, dir: 'desc' })).toBe('#/records?dir=desc&sort=cost');
    expect(formatHash('records', { b: '2', a: '1' })).toBe(formatHash('records', { a: '1', b: '2' }));
    expect(formatHash('overview')).toBe('#/overview');
  });
});
