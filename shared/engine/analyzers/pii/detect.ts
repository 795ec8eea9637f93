import { detectAddresses } from './detect-address';
import { detectCards } from './detect-card';
import { detectDatesOfBirth } from './detect-dob';
import { detectEmails } from './detect-email';
import { detectIbans } from './detect-iban';
import { detectIdDocuments } from './detect-id-document';
import { detectIps } from './detect-ip';
import { detectPersons, nameBeforeContact } from './detect-person';
import { detectPhones } from './detect-phone';
import { detectPostalCodes } from './detect-postal-code';
import { detectSecrets } from './detect-secret';
import { detectSsns } from './detect-ssn';
import { resolveOverlaps } from './resolve-overlaps';
import { PII_TYPES, type PiiEntity, type PiiType } from './types';

const DETECTORS: Record<PiiType, (text: string) => PiiEntity[]> = {
  email: detectEmails,
  phone: detectPhones,
  credit_card: detectCards,
  iban: detectIbans,
  ssn: detectSsns,
  ip_address: detectIps,
  secret: detectSecrets,
  person: detectPersons,
  address: detectAddresses,
  date_of_birth: detectDatesOfBirth,
  postal_code: detectPostalCodes,
  passport: (text) => detectIdDocuments(text).filter((e) => e.type === 'passport'),
  drivers_license: (text) => detectIdDocuments(text).filter((e) => e.type === 'drivers_license'),
};

export interface DetectOptions {
  /** Types to look for; all by default. */
  types?: readonly PiiType[];
  /** Entities scoring below this are dropped before overlaps are resolved. */
  minScore?: number;
  /** Person names scoring below this are dropped (names are the least certain type). */
  minNameScore?: number;
}

/**
 * All PII entities in a text, overlaps resolved, sorted by start. Offsets are JavaScript string (UTF-16)
 * indices into `text`. Every detector runs all types at once, so a phone number inside a card number is
 * resolved in favour of the card.
 */
export function detectPii(text: string, options: DetectOptions = {}): PiiEntity[] {
  if (!text) return [];
  const types = options.types ?? PII_TYPES;
  const minScore = options.minScore ?? 0;
  const minName = options.minNameScore ?? 0.5;
  const all: PiiEntity[] = [];
  // Passport and licence numbers come from one scan of their cues; run it once when both are wanted.
  const idDocuments = types.includes('passport') && types.includes('drivers_license') ? detectIdDocuments(text) : null;
  for (const type of types) {
    const found = idDocuments && (type === 'passport' || type === 'drivers_license') ? idDocuments.filter((e) => e.type === type) : DETECTORS[type](text);
    for (const e of found) {
      if (e.score < minScore || (e.type === 'person' && e.score < minName)) continue;
      all.push(e);
    }
  }
  // A name right before an email or phone number is that contact's person.
  if (types.includes('person') && minName <= 0.65 && minScore <= 0.65) {
    for (const e of all.slice()) {
      if (e.type !== 'email' && e.type !== 'phone') continue;
      const name = nameBeforeContact(text, e.start);
      if (name) all.push(name);
    }
  }
  return resolveOverlaps(all);
}
