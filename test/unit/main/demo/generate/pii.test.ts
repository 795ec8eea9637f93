import { describe, expect, it } from 'vitest';
import { creditCard, iban, ssn } from '../../../../../main/demo/generate/pii';
import { ibanValid, luhnValid, ssnValid } from '../../../../../shared/util/checksums';
import { randomStream } from '../../../../../shared/util/rng';

// Checked with the validators the PII analyzer uses, so the demo's identifiers are the ones it must find.
describe('generated personal data', () => {
  const rng = randomStream(42, 'pii-test');

  it('produces Luhn-valid card numbers', () => {
    for (let i = 0; i < 500; i++) expect(luhnValid(creditCard(rng).replace(/[ -]/g, ''))).toBe(true);
  });

  it('produces IBANs with valid mod-97 check digits', () => {
    for (let i = 0; i < 500; i++) expect(ibanValid(iban(rng))).toBe(true);
  });

  it('produces SSNs in valid ranges', () => {
    for (let i = 0; i < 500; i++) expect(ssnValid(...(ssn(rng).split('-') as [string, string, string]))).toBe(true);
  });
});
