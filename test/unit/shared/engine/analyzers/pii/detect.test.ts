import { describe, it, expect } from 'vitest';
import { detectPii } from '../../../../../../shared/engine/analyzers/pii/detect';
import type { PiiType } from '../../../../../../shared/engine/analyzers/pii/types';

/** The [type, exact text] of every entity found. */
function found(text: string): [PiiType, string][] {
  return detectPii(text).map((e) => [e.type, text.slice(e.start, e.end)]);
}

describe('detectPii structured types', () => {
  it('finds emails with exact offsets', () => {
    expect(found('Write to jane.doe+news@example.co.uk.')).toEqual([['email', 'jane.doe+news@example.co.uk']]);
    expect(found('ping @jane on slack, or a@b')).toEqual([]);
  });

  it('finds payment cards only when the Luhn check passes', () => {
    expect(found('Card 4111 1111 1111 1111 exp 12/25')).toEqual([['credit_card', '4111 1111 1111 1111']]);
    expect(found('Card 4111-1111-1111-1112')).toEqual([]);
    expect(found('amex 378282246310005')).toEqual([['credit_card', '378282246310005']]);
  });

  it('finds IBANs that pass mod 97, with or without spaces', () => {
    expect(found('Pay to GB82 WEST 1234 5698 7654 32 today')).toEqual([['iban', 'GB82 WEST 1234 5698 7654 32']]);
    expect(found('IBAN: DE89370400440532013000')).toEqual([['iban', 'DE89370400440532013000']]);
    expect(found('IBAN: DE89370400440532013001')).toEqual([]);
  });

  it('finds valid SSNs and skips impossible ones', () => {
    expect(found('SSN 536-22-1234')).toEqual([['ssn', '536-22-1234']]);
    expect(found('ids 666-12-3456 and 900-12-3456 and 536-00-1234')).toEqual([]);
    expect(found('my social security number is 536221234')).toEqual([['ssn', '536221234']]);
    expect(found('the total was 536221234')).toEqual([]);
  });

  it('finds IPv4 and IPv6 including compressed forms', () => {
    expect(found('hosts 192.168.1.254, 2001:db8::8a2e:370:7334 and fe80::1')).toEqual([
      ['ip_address', '192.168.1.254'],
      ['ip_address', '2001:db8::8a2e:370:7334'],
      ['ip_address', 'fe80::1'],
    ]);
    expect(found('999.1.1.1 at 12:30:45, version 1.2.3.4, mac 00:1A:2B:3C:4D:5E')).toEqual([]);
  });

  it('finds phones in international and national formats', () => {
    const text = 'Call +44 20 7946 0958, (555) 123-4567, 555.123.4567, +1-202-555-0173 or +33 1 23 45 67 89.';
    expect(found(text).map(([t, v]) => `${t}:${v}`)).toEqual([
      'phone:+44 20 7946 0958',
      'phone:(555) 123-4567',
      'phone:555.123.4567',
      'phone:+1-202-555-0173',
      'phone:+33 1 23 45 67 89',
    ]);
    expect(found('Phone:\n0490 75 40 81')).toEqual([['phone', '0490 75 40 81']]);
  });

  it('does not take years, dates, prices, amounts or order numbers for phones', () => {
    expect(found('In 2019 2020 sales hit 1,234,567 units; on 2024-01-15 we paid $12,345.67 for order #12345678, 15.03.2024.')).toEqual([]);
  });

  it('finds API keys, tokens and private keys', () => {
    const text = [
      'OPENAI_API_KEY=sk-proj-abcdefghijklmnopqrstuvwxyz123456',
      'aws AKIAIOSFODNN7EXAMPLE',
      'gh ghp_abcdefghijklmnopqrstuvwxyz0123456789',
      'slack xoxb-123456789012-abcdefghijkl',
      'jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
      'password: hunter2!x',
      'client_secret = "Zx8Kq2Lm9Pw4Rt7Yv1Bn"',
    ].join('\n');
    const secrets = found(text).filter(([t]) => t === 'secret').map(([, v]) => v);
    expect(secrets).toEqual([
      'sk-proj-abcdefghijklmnopqrstuvwxyz123456',
      'AKIAIOSFODNN7EXAMPLE',
      'ghp_abcdefghijklmnopqrstuvwxyz0123456789',
      'xoxb-123456789012-abcdefghijkl',
      'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
      'hunter2!x',
      'Zx8Kq2Lm9Pw4Rt7Yv1Bn',
    ]);
    const pem = 'key:\n-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAabcdefgh\n-----END RSA PRIVATE KEY-----\nbye';
    expect(found(pem)).toEqual([['secret', pem.slice(5, pem.indexOf('\nbye'))]]);
  });

  it('ignores placeholders and low-entropy settings', () => {
    expect(found('password: ******** token=${TOKEN} api_key=<your key> secret: changeme auth: basic')).toEqual([]);
  });
});

describe('detectPii people, addresses, dates of birth', () => {
  it('finds names from honorifics, introductions and first-name + surname pairs', () => {
    expect(found('Dr. Nishiyama called. My name is john wick. Maria Lopez and Janka M. Szász came.')).toEqual([
      ['person', 'Nishiyama'],
      ['person', 'john wick'],
      ['person', 'Maria Lopez'],
      ['person', 'Janka M. Szász'],
    ]);
  });

  it('does not take places, products or title-case headings for people', () => {
    expect(found('Victoria Station is near. Click Mark Complete. Julia is a programming language.')).toEqual([]);
  });

  it('finds street addresses with units and postcodes', () => {
    expect(found('Ship to 1668 Glyn St, Apt. 4B, Springfield, IL 62704 please')).toEqual([['address', '1668 Glyn St, Apt. 4B, Springfield, IL 62704']]);
    expect(found('Office: 10 Downing Street, London SW1A 2AA.')).toEqual([['address', '10 Downing Street, London SW1A 2AA']]);
    expect(found('The bus stops at Villacher Strasse 89')).toEqual([['address', 'Villacher Strasse 89']]);
  });

  it('finds a date of birth after a birth cue, and not other dates', () => {
    expect(found('She was born on 8/5/1989. DOB: March 5, 1980. Meeting on 2024-01-15.')).toEqual([
      ['date_of_birth', '8/5/1989'],
      ['date_of_birth', 'March 5, 1980'],
    ]);
  });
});

describe('detectPii overlaps and options', () => {
  it('keeps the more specific entity when detectors overlap', () => {
    // The digits of a card also look like a phone; the card wins.
    expect(found('call about card 4111 1111 1111 1111')).toEqual([['credit_card', '4111 1111 1111 1111']]);
  });

  it('respects the enabled types and the name confidence', () => {
    expect(detectPii('Mail anna@example.com, Maria Lopez', { types: ['email'] }).map((e) => e.type)).toEqual(['email']);
    expect(detectPii('Thanks, Emma', { minNameScore: 0.9 })).toEqual([]);
    expect(detectPii('Sarah said hi', { minNameScore: 0.5 }).map((e) => e.type)).toEqual(['person']);
  });
});
