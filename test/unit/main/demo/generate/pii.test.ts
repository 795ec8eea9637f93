import { describe, expect, it } from 'vitest';
import { creditCard, iban, ibanValid, luhnValid, ssn, ssnValid } from '../../../../../main/demo/generate/pii';
import { createRng } from '../../../../../main/demo/generate/prng';

describe('checksum validators', () => {
  it('accept published valid numbers and reject altered ones', () => {
    expect(luhnValid('4111 1111 1111 1111')).toBe(true);
    expect(luhnValid('3782 822463 10005')).toBe(true);
    expect(luhnValid('4111 1111 1111 1112')).toBe(false);
    expect(ibanValid('DE89 3704 0044 0532 0130 00')).toBe(true);
    expect(ibanValid('GB82 WEST 1234 5698 7654 32')).toBe(true);
    expect(ibanValid('GB82 WEST 1234 5698 7654 33')).toBe(false);
    expect(ssnValid('123-45-6789')).toBe(true);
    expect(ssnValid('666-45-6789')).toBe(false);
    expect(ssnValid('123-00-6789')).toBe(false);
  });
});

describe('generated personal data', () => {
  const rng = createRng(42, 'pii-test');

  it('produces Luhn-valid card numbers', () => {
    for (let i = 0; i < 500; i++) expect(luhnValid(creditCard(rng))).toBe(true);
  });

  it('produces IBANs with valid mod-97 check digits', () => {
    for (let i = 0; i < 500; i++) expect(ibanValid(iban(rng))).toBe(true);
  });

  it('produces SSNs in valid ranges', () => {
    for (let i = 0; i < 500; i++) expect(ssnValid(ssn(rng))).toBe(true);
  });
});
