import { ibanCheckDigits, luhnCheckDigit } from '../../../shared/util/checksums';
import type { RandomStream } from '../../../shared/util/rng';

/**
 * Synthetic personal data with valid checksums, so PII detectors that verify Luhn or mod-97 fire on it.
 * Phone numbers come from ranges reserved for fiction (US 555-01xx, UK 07700 900xxx).
 */
const FIRST = ['Emma', 'Liam', 'Olivia', 'Noah', 'Ava', 'Ethan', 'Sophia', 'Mason', 'Mia', 'Lucas', 'Priya', 'Arjun', 'Mei', 'Wei', 'Fatima', 'Omar', 'Chloe', 'Jack', 'Grace', 'Daniel', 'Aisha', 'Mateo', 'Sofia', 'Hannah', 'Tom', 'Niamh', 'Sean', 'Lena', 'Jonas', 'Camille', 'Hugo', 'Sanne', 'Daan', 'Zoe', 'Kofi', 'Yuki', 'Carlos', 'Ingrid', 'Rachel', 'Marcus'];
const LAST = ['Johnson', 'Garcia', 'Nguyen', 'Patel', 'Smith', 'Williams', 'Brown', 'Martinez', 'Chen', 'Kowalski', "O'Brien", 'Murphy', 'Schneider', 'Fischer', 'Dubois', 'Laurent', 'de Vries', 'Jansen', 'Taylor', 'Walker', 'Anderson', 'Thompson', 'Okafor', 'Haddad', 'Kim', 'Rossi', 'Novak', 'Hughes', 'Campbell', 'Reyes'];
const EMAIL_DOMAINS = ['gmail.com', 'outlook.com', 'yahoo.com', 'icloud.com', 'hotmail.com', 'proton.me', 'aol.com'];
const STREETS = ['Maple', 'Oak', 'Cedar', 'Elm', 'Willow', 'Lakeview', 'Highland', 'Park', 'Washington', 'Sunset', 'Ridge', 'Mill', 'Chestnut', 'Hillcrest'];
const US_CITIES: [string, string, string][] = [
  ['Portland', 'OR', '972'], ['Austin', 'TX', '787'], ['Denver', 'CO', '802'], ['Columbus', 'OH', '432'], ['Raleigh', 'NC', '276'],
  ['Madison', 'WI', '537'], ['Tampa', 'FL', '336'], ['Sacramento', 'CA', '958'], ['Minneapolis', 'MN', '554'], ['Nashville', 'TN', '372'],
];
const US_AREA = ['503', '512', '303', '614', '919', '608', '813', '916', '612', '615', '415', '206'];
const UK_TOWNS: [string, string][] = [['Leeds', 'LS6 2AB'], ['Bristol', 'BS7 8QT'], ['Manchester', 'M20 3FJ'], ['Brighton', 'BN1 6SD'], ['Glasgow', 'G12 8LR']];

export type PiiType = 'name' | 'email' | 'phone' | 'credit_card' | 'iban' | 'ssn' | 'address' | 'date_of_birth';

export interface Person {
  first: string;
  last: string;
  name: string;
  email: string;
}

export function person(rng: RandomStream): Person {
  const first = rng.pick(FIRST);
  const last = rng.pick(LAST);
  const local = rng.pick([
    `${first}.${last}`,
    `${first}${last}`,
    `${first[0] ?? ''}${last}`,
    `${first}.${last}${rng.int(1, 99)}`,
    `${first}_${last[0] ?? ''}${rng.int(70, 99)}`,
  ]);
  const email = `${local.toLowerCase().replace(/[^a-z0-9._]/g, '')}@${rng.pick(EMAIL_DOMAINS)}`;
  return { first, last, name: `${first} ${last}`, email };
}

export function phone(rng: RandomStream, region: 'us' | 'uk' = 'us'): string {
  const tail = String(rng.int(0, 99)).padStart(2, '0');
  if (region === 'uk') {
    const n = String(rng.int(0, 999)).padStart(3, '0');
    return rng.chance(0.5) ? `07700 900${n}` : `+44 7700 900${n}`;
  }
  const area = rng.pick(US_AREA);
  return rng.pick([`(${area}) 555-01${tail}`, `${area}-555-01${tail}`, `+1 ${area} 555 01${tail}`, `${area}.555.01${tail}`]);
}

export function address(rng: RandomStream, region: 'us' | 'uk' = 'us'): string {
  const street = `${rng.pick(STREETS)} ${rng.pick(['Street', 'Avenue', 'Road', 'Lane', 'Drive'])}`;
  if (region === 'uk') {
    const [town, postcode] = rng.pick(UK_TOWNS);
    return `${rng.int(2, 180)} ${street}, ${town} ${postcode}`;
  }
  const [city, state, zip3] = rng.pick(US_CITIES);
  const apt = rng.chance(0.25) ? `, Apt ${rng.int(1, 40)}${rng.pick(['', 'B', 'C'])}` : '';
  return `${rng.int(12, 9800)} ${street}${apt}, ${city}, ${state} ${zip3}${String(rng.int(1, 99)).padStart(2, '0')}`;
}

export function dateOfBirth(rng: RandomStream): string {
  const month = rng.int(1, 12);
  const day = rng.int(1, 28);
  return `${String(month).padStart(2, '0')}/${String(day).padStart(2, '0')}/${rng.int(1948, 2003)}`;
}

function digits(rng: RandomStream, n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += String(rng.int(0, 9));
  return out;
}

/** A Luhn-valid Visa, Mastercard or American Express number, formatted as people type them. */
export function creditCard(rng: RandomStream): string {
  const brand = rng.weighted([['visa', 5], ['mastercard', 4], ['amex', 1]] as const);
  const prefix = brand === 'visa' ? '4' : brand === 'mastercard' ? `5${rng.int(1, 5)}` : rng.pick(['34', '37']);
  const length = brand === 'amex' ? 15 : 16;
  const payload = prefix + digits(rng, length - prefix.length - 1);
  const number = payload + String(luhnCheckDigit(payload));
  const style = rng.int(0, 2);
  if (style === 0) return number;
  const sep = style === 1 ? ' ' : '-';
  const groups = brand === 'amex' ? [4, 6, 5] : [4, 4, 4, 4];
  const parts: string[] = [];
  let at = 0;
  for (const g of groups) {
    parts.push(number.slice(at, at + g));
    at += g;
  }
  return parts.join(sep);
}

/** An IBAN with correct mod-97 check digits for Germany, the UK, the Netherlands or Ireland. */
export function iban(rng: RandomStream): string {
  const country = rng.pick(['DE', 'GB', 'NL', 'IE'] as const);
  const bban =
    country === 'DE'
      ? digits(rng, 18)
      : country === 'GB'
        ? `${rng.pick(['NWBK', 'BARC', 'LOYD', 'MIDL', 'HBUK'])}${digits(rng, 14)}`
        : country === 'NL'
          ? `${rng.pick(['ABNA', 'INGB', 'RABO', 'TRIO'])}${digits(rng, 10)}`
          : `${rng.pick(['AIBK', 'BOFI'])}${digits(rng, 14)}`;
  const compact = `${country}${ibanCheckDigits(country, bban)}${bban}`;
  return rng.chance(0.6) ? compact.replace(/(.{4})/g, '$1 ').trim() : compact;
}

/** A US SSN in a structurally valid range (no 000, 666 or 9xx area, no 00 group, no 0000 serial). */
export function ssn(rng: RandomStream): string {
  let area = rng.int(1, 899);
  if (area === 666) area = 667;
  const group = rng.int(1, 99);
  const serial = rng.int(1, 9999);
  return `${String(area).padStart(3, '0')}-${String(group).padStart(2, '0')}-${String(serial).padStart(4, '0')}`;
}
