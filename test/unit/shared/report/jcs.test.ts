import { describe, expect, it } from 'vitest';
import { jcs } from '../../../../shared/report/jcs';

describe('RFC 8785 canonical JSON of a report', () => {
  it('matches the RFC 8785 §3.2.2 example (numbers, escapes, key order)', () => {
    const input = JSON.parse('{"numbers":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],'
      + '"string":"\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/","literals":[null,true,false]}');
    expect(jcs(input)).toBe('{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],'
      + '"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}');
  });

  it('sorts keys by UTF-16 code units, not by code points or locale', () => {
    expect(jcs({ '\u20ac': 1, '\r': 2, '\ud83d\ude00': 3, '\ufb33': 4, '1': 5, a: 6 })).toBe('{"\\r":2,"1":5,"a":6,"\u20ac":1,"\ud83d\ude00":3,"\ufb33":4}');
  });

  it('refuses values JSON cannot carry instead of signing a coerced form', () => {
    expect(() => jcs({ rate: Number.NaN })).toThrow(/\$\.rate: NaN/);
    expect(() => jcs({ a: [1, Infinity] })).toThrow(/\$\.a\[1\]/);
    expect(() => jcs({ note: 'x\ud800y' })).toThrow(/lone surrogate/);
    expect(() => jcs([undefined])).toThrow(/undefined/);
  });
});
