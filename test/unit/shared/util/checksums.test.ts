import { describe, it, expect } from 'vitest';
import { ibanCheckDigits, ibanValid, luhnCheckDigit, luhnValid, ssnValid } from '../../../../shared/util/checksums';

describe('luhnValid', () => {
  it('accepts numbers whose check digit is right and rejects one-digit changes', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('378282246310005')).toBe(true); // Amex test number
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(luhnValid('378282246310006')).toBe(false);
  });
  it('rejects empty and non-digit input', () => {
    expect(luhnValid('')).toBe(false);
    expect(luhnValid('4111-1111')).toBe(false);
  });
});

describe('ibanValid', () => {
  it('checks mod 97 with or without spaces and in any case', () => {
    expect(ibanValid('GB82 WEST 1234 5698 7654 32')).toBe(true);
    expect(ibanValid('gb82west12345698765432')).toBe(true);
    expect(ibanValid('DE89370400440532013000')).toBe(true);
    expect(ibanValid('GB82WEST12345698765433')).toBe(false); // last digit changed
  });
  it('rejects unknown countries and wrong lengths', () => {
    expect(ibanValid('ZZ82WEST12345698765432')).toBe(false);
    expect(ibanValid('GB82WEST1234569876543')).toBe(false);
  });
});

describe('ssnValid', () => {
  it('applies the area, group and serial rules', () => {
    expect(ssnValid('536', '22', '1234')).toBe(true);
    expect(ssnValid('000', '22', '1234')).toBe(false);
    expect(ssnValid('666', '22', '1234')).toBe(false);
    expect(ssnValid('912', '22', '1234')).toBe(false);
    expect(ssnValid('536', '00', '1234')).toBe(false);
    expect(ssnValid('536', '22', '0000')).toBe(false);
  });
});

describe('check digits', () => {
  it('makes numbers the validators accept: the Luhn digit of a card, the two IBAN digits', () => {
    expect(luhnCheckDigit('411111111111111')).toBe(1);
    expect(luhnCheckDigit('37828224631000')).toBe(5);
    expect(ibanCheckDigits('GB', 'WEST12345698765432')).toBe('82');
    expect(ibanCheckDigits('DE', '370400440532013000')).toBe('89');
    for (const payload of ['4', '49927398716', '5105105105105', '601100099013942']) expect(luhnValid(payload + luhnCheckDigit(payload))).toBe(true);
  });
});
