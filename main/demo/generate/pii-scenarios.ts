import { address, creditCard, dateOfBirth, iban, person, phone, ssn, type PiiType } from './pii';
import type { RandomStream } from '../../../shared/util/rng';
import { endSentence } from './text';

/**
 * Conversations where personal data shows up: customers over-sharing in their message, or the bot leaking
 * someone's details in its answer. Each names the fact it is about, so the rest of the answer stays grounded.
 */
export interface PiiInputCase {
  factId: string;
  /** Appends the customer's personal details to their question. */
  build(rng: RandomStream, question: string, region: 'us' | 'uk'): { text: string; types: PiiType[]; sensitive: boolean; name: string; email?: string };
}

export interface PiiOutputCase {
  factId: string;
  /** Adds leaked details to a grounded answer. */
  build(rng: RandomStream, answer: string, region: 'us' | 'uk'): { text: string; types: PiiType[] };
}

function expiry(rng: RandomStream): string {
  return `${String(rng.int(1, 12)).padStart(2, '0')}/${rng.int(27, 31)}`;
}

export const PII_INPUT_CASES: PiiInputCase[] = [
  {
    factId: 'delivery.lost',
    build: (rng, q, region) => {
      const p = person(rng);
      return { text: `${endSentence(q)} The order is for ${p.name}, ${address(rng, region)}. You can reach me at ${p.email} or ${phone(rng, region)}.`, types: ['name', 'address', 'email', 'phone'], sensitive: false, name: p.first, email: p.email };
    },
  },
  {
    factId: 'subscription.failed-payment',
    build: (rng, q) => {
      const p = person(rng);
      return { text: `${endSentence(q)} Can you just put my new card on file? It's ${creditCard(rng)}, exp ${expiry(rng)}, CVV ${rng.int(100, 999)}.`, types: ['credit_card'], sensitive: true, name: p.first };
    },
  },
  {
    factId: 'returns.refund-time',
    build: (rng, q) => {
      const p = person(rng);
      return { text: `${endSentence(q)} Please send the refund to my bank account instead: ${iban(rng)}, account holder ${p.name}.`, types: ['iban', 'name'], sensitive: true, name: p.first };
    },
  },
  {
    factId: 'payments.klarna',
    build: (rng, q) => {
      const p = person(rng);
      return { text: `${endSentence(q)} Do you need my social security number for that? It's ${ssn(rng)}.`, types: ['ssn'], sensitive: true, name: p.first };
    },
  },
  {
    factId: 'security.backup-codes',
    build: (rng, q, region) => {
      const p = person(rng);
      return { text: `${endSentence(q)} My account email is ${p.email}, my name is ${p.name}, date of birth ${dateOfBirth(rng)}, and I live at ${address(rng, region)}.`, types: ['email', 'name', 'date_of_birth', 'address'], sensitive: false, name: p.first, email: p.email };
    },
  },
  {
    factId: 'moving.new-home',
    build: (rng, q, region) => {
      const p = person(rng);
      return { text: `${endSentence(q)} The new address will be ${address(rng, region)} and my new number is ${phone(rng, region)}.`, types: ['address', 'phone'], sensitive: false, name: p.first };
    },
  },
  {
    factId: 'orders.address',
    build: (rng, q, region) => {
      const p = person(rng);
      return { text: `${endSentence(q)} It should go to ${p.name}, ${address(rng, region)} instead.`, types: ['name', 'address'], sensitive: false, name: p.first };
    },
  },
];

export const PII_OUTPUT_CASES: PiiOutputCase[] = [
  {
    factId: 'delivery.lost',
    build: (rng, a, region) => {
      const other = person(rng);
      return { text: `${a} I looked up the order: it was delivered to ${other.name} at ${address(rng, region)} (phone ${phone(rng, region)}).`, types: ['name', 'address', 'phone'] };
    },
  },
  {
    factId: 'subscription.failed-payment',
    build: (rng, a) => ({ text: `Your last payment failed on the card ${creditCard(rng)} (expiry ${expiry(rng)}). ${a}`, types: ['credit_card'] }),
  },
  {
    factId: 'support.agent-hours',
    build: (rng, a, region) => {
      const agent = person(rng);
      return { text: `${a} You can also reach our agent ${agent.name} directly at ${agent.email} or ${phone(rng, region)}.`, types: ['name', 'email', 'phone'] };
    },
  },
  {
    factId: 'security.lockout',
    build: (rng, a, region) => {
      const owner = person(rng);
      return { text: `${a} I can see the account belongs to ${owner.name} (${owner.email}), registered at ${address(rng, region)}.`, types: ['name', 'email', 'address'] };
    },
  },
  {
    factId: 'returns.refund-time',
    build: (rng, a) => {
      const holder = person(rng);
      return { text: `${a} Your refund is going to the account ${iban(rng)} (${holder.name}).`, types: ['iban', 'name'] };
    },
  },
  {
    factId: 'payments.klarna',
    build: (rng, a) => {
      const applicant = person(rng);
      return { text: `${a} Klarna already has the SSN ${ssn(rng)} on file for ${applicant.name}, so approval should be quick.`, types: ['ssn', 'name'] };
    },
  },
];

export const SENSITIVE_WARNING = [
  "For your security, please don't share full card numbers, bank details or ID numbers in chat; we never need them here. ",
  'Please avoid posting payment or ID details in chat, as this conversation is not the place for them. ',
];
