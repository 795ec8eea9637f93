/** Kinds of personal or secret data the PII analyzer finds. */
export const PII_TYPES = [
  'email',
  'phone',
  'credit_card',
  'iban',
  'ssn',
  'ip_address',
  'secret',
  'person',
  'address',
  'date_of_birth',
  'postal_code',
  'passport',
  'drivers_license',
] as const;

export type PiiType = (typeof PII_TYPES)[number];

/** One detected entity, with JavaScript string offsets into the scanned text. */
export interface PiiEntity {
  type: PiiType;
  start: number;
  end: number;
  /** Confidence in [0, 1]. */
  score: number;
}

/** Which detector wins when two entities overlap: checksummed and prefixed formats beat guesses. */
export const PII_PRIORITY: Record<PiiType, number> = {
  secret: 10,
  email: 9,
  iban: 9,
  credit_card: 8,
  ssn: 8,
  ip_address: 7,
  phone: 6,
  date_of_birth: 5,
  passport: 5,
  drivers_license: 5,
  address: 4,
  // Below address: a ZIP inside a street line stays part of that address.
  postal_code: 3.5,
  person: 3,
};
