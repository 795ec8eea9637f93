// Template sentences with known PII spans, written for the PII eval (`npm run eval -- pii`) as a second check
// beside presidio-synth. Templates and fillers are written here from general knowledge of how people write
// names, addresses and numbers in messages (none copied from an evaluation file, no Faker lists); a seeded
// generator fills them, so the set is reproducible. Honest label: in-sample. They were written after most PII
// 2.2.0 rules by the same hand, so the wording those rules target ("my colleague X", "Dear X,") is in them. They
// were first scored (all types F2 0.961) before the last 2.2.0 rules (possessives of personal data, names in
// lists and before contact details, contact verbs, more person predicates, address clauses ending at "with"); the
// per-type totals were read, never the misses.
import { createRng, type Rng } from '../../shared/stats/prng';
import type { TypedSpan } from './span-metrics';

export interface TemplateRow {
  text: string;
  gold: TypedSpan[];
  template: number;
}

// Given names and family names from many countries, including many no English name list holds.
const GIVEN = `Amara Bjørn Chiara Dmitri Eszter Farid Gráinne Haruto Ifeoma Jorge Katarzyna Lars Mei Nkechi Oisín Paulina Quentin Radu
  Saoirse Tadeusz Ulla Valentina Wojciech Ximena Yusuf Zofia Anneliese Bongani Cristiano Dagny Emre Fenna Giedrė Hamza Ilse Joaquín Kalani
  Leocadia Matteo Nilufar Orsolya Priya Rasmus Svetlana Tomasz Urška Vikram Wanjiru Yaroslav Zeynep Aurelio Benedikta Ciarán`.split(/\s+/);
const FAMILY = `Nakashima|Oyelaran|Brzezińska|Lindqvist|Papadakis|Ionescu|Kowalczyk|Haugland|Ferreira|Okonkwo|Vasquez|Delacroix|Huttunen|
  Grünewald|Szabó|Petrović|Jakobsdóttir|Kovalenko|Abernethy|Mwangi|Ramaswamy|Castellano|Wojtowicz|Dimitriou|Hakobyan|Beridze|Morkūnas|
  Yılmazoğlu|McTavish|Ó Súilleabháin|Tanaka|Bianchi|Fitzgerald|Schreiber|van der Berg|Lindgren|Novák|Horvath|Balogun|Achterberg|
  Kirkpatrick|Ilunga|Sørensen|Quispe|Thorvaldsen|Zielińska|Mendelsohn|Caruso|Ekström|Haddad|Rinaldi`.split(/\s*\|\s*/);
const CITIES_US: [string, string, string][] = [['Springfield', 'IL', '62704'], ['Tacoma', 'WA', '98402'], ['Boulder', 'CO', '80302'], ['Savannah', 'GA', '31401'], ['Duluth', 'MN', '55802'], ['Albany', 'NY', '12207'], ['Tucson', 'AZ', '85701'], ['Eugene', 'OR', '97401-2213']];
const STREETS_US = ['Maple', 'Juniper', 'Harrison', 'Willow Creek', 'Beacon', 'Lakeview', 'Cedar Hollow', 'Franklin', 'Orchard', 'Sycamore'];
const SUFFIXES_US = ['Street', 'Avenue', 'Road', 'Lane', 'Drive', 'Court', 'Blvd', 'St', 'Ave', 'Way'];
const UK: [string, string, string][] = [['Cressington', 'Road', 'Leeds LS6 2QB'], ['Tanner', 'Lane', 'Bristol BS1 4DJ'], ['Ashgrove', 'Terrace', 'Edinburgh EH3 9AB'], ['Kingsmead', 'Close', 'Norwich NR2 3HU'], ['Belvoir', 'Street', 'Manchester M14 5RW']];
const DE: [string, string][] = [['Lindenstraße', '10115 Berlin'], ['Schillerweg', '80331 München'], ['Am Hafendamm', '28195 Bremen'], ['Kastanienallee', '04109 Leipzig'], ['Mühlgasse', '50667 Köln']];
const FR: [string, string][] = [['rue des Tanneurs', '69002 Lyon'], ['avenue Jean Jaurès', '31000 Toulouse'], ['boulevard de la Liberté', '59000 Lille'], ['rue du Moulin', '44000 Nantes']];
const IT: [string, string][] = [['Via Garibaldi', '10122 Torino'], ['Via dei Mille', '80121 Napoli'], ['Corso Vittorio Emanuele', '20122 Milano'], ['Piazza San Marco', '30124 Venezia']];
const CA_POSTCODES = ['K1A 0B1', 'M5V 2T6', 'V6B 1A1', 'H2X 3Y7'];
const UK_POSTCODES = ['SW1A 1AA', 'LS6 2QB', 'EH3 9AB', 'M14 5RW', 'CF10 1EP'];
const PHONES = ['(415) 555-0132', '415-555-0187', '+1 212 555 0199', '+44 20 7946 0958', '+49 30 901820', '020 7946 0321', '06 12 34 56 78', '+33 1 44 55 66 77', '0412 345 678', '+61 2 9374 4000', '555.204.7781', '+39 06 6982 1234', '(212) 555-0147 ext. 12'];
const DATES = ['12 March 1984', 'March 12, 1984', '1979-07-04', '03/11/1990', '21/09/1966', 'July 4th, 2001', '5 Jan 1958'];
const PASSPORTS = ['X4821937', 'C01X00T47', '533380006', 'PA7391825', 'K1234567'];
const LICENCES = ['D123-4567-8901', 'S530-1824-7791', 'WB42 7731 0925', 'MORGA753116SM9IJ', 'F2557813'];
const OTHER_PLACES = ['Lisbon', 'Kraków', 'Reykjavík', 'Nairobi', 'Osaka', 'Valparaíso', 'Tbilisi', 'Ghent'];

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
const num = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));

// A template is a list of pieces: plain text, or [type, value] for a gold span. Types: person, address,
// postal_code, phone, date_of_birth, passport, drivers_license.
type Piece = string | [string, string];
type Template = (rng: Rng) => Piece[];

const person = (rng: Rng): [string, string] => ['person', `${pick(rng, GIVEN)} ${pick(rng, FAMILY)}`];
const given = (rng: Rng): [string, string] => ['person', pick(rng, GIVEN)];
const family = (rng: Rng): [string, string] => ['person', pick(rng, FAMILY)];
const usAddress = (rng: Rng): [string, string] => {
  const [city, st, zip] = pick(rng, CITIES_US);
  const unit = rng() < 0.4 ? `, Apt ${num(rng, 1, 40)}${pick(rng, ['', 'B', 'C'])}` : '';
  return ['address', `${num(rng, 3, 9870)} ${pick(rng, STREETS_US)} ${pick(rng, SUFFIXES_US)}${unit}, ${city}, ${st} ${zip}`];
};
const ukAddress = (rng: Rng): [string, string] => {
  const [name, kind, town] = pick(rng, UK);
  return ['address', `${num(rng, 1, 220)} ${name} ${kind}, ${town}`];
};
const euAddress = (rng: Rng): [string, string] => {
  const r = rng();
  if (r < 0.34) {
    const [street, city] = pick(rng, DE);
    return ['address', `${street} ${num(rng, 1, 140)}, ${city}`];
  }
  if (r < 0.67) {
    const [street, city] = pick(rng, FR);
    return ['address', `${num(rng, 1, 90)} ${street}, ${city}`];
  }
  const [street, city] = pick(rng, IT);
  return ['address', `${street} ${num(rng, 1, 120)}, ${city}`];
};
const anyAddress = (rng: Rng): [string, string] => pick(rng, [usAddress, ukAddress, euAddress])(rng);

const TEMPLATES: Template[] = [
  (r) => ['Please forward the contract to ', person(r), ' before Friday.'],
  (r) => ['I spoke with my colleague ', given(r), ' about the refund yesterday.'],
  (r) => ['The complaint was filed by ', person(r), ', who says the parcel never arrived.'],
  (r) => ['Dear ', person(r), ',\nthank you for your patience while we look into this.'],
  (r) => ['Thanks for your help!\n\nBest regards,\n', person(r)],
  (r) => ['Can you update the account holder? The new owner is ', person(r), '.'],
  (r) => [family(r), ' said the replacement part would ship next week.'],
  (r) => ['The attendees were ', person(r), ', ', person(r), ' and ', person(r), '.'],
  (r) => ['According to Dr. ', family(r), ', the results were normal.'],
  (r) => ['hi, this is ', ['person', `${pick(r, GIVEN)} ${pick(r, FAMILY)}`.toLowerCase()], ', i ordered the blue one but got red'],
  (r) => ['my husband ', ['person', pick(r, GIVEN).toLowerCase()], ' placed the order, can you check it'],
  (r) => ['CUSTOMER NAME: ', ['person', `${pick(r, GIVEN)} ${pick(r, FAMILY)}`.toUpperCase()], '\nSTATUS: PENDING'],
  (r) => ['Ship it to ', usAddress(r), ' please.'],
  (r) => ['Our new office is at ', anyAddress(r), '. Visitors should sign in at reception.'],
  (r) => ['Billing address:\n', person(r), '\n', usAddress(r)],
  (r) => ['She lives at ', euAddress(r), ' with her two cats.'],
  (r) => ['Return address: ', ukAddress(r)],
  (r) => {
    const [city, st, zip] = pick(r, CITIES_US);
    return ['You can send letters to ', ['address', `PO Box ${num(r, 100, 9999)}, ${city}, ${st} ${zip}`], '.'];
  },
  (r) => ['My zip code is ', ['postal_code', pick(r, CITIES_US)[2]], ', is delivery available there?'],
  (r) => ['Which stores are near postcode ', ['postal_code', pick(r, UK_POSTCODES)], '?'],
  (r) => ['The Ottawa branch (postal code ', ['postal_code', pick(r, CA_POSTCODES)], ') closes at six.'],
  (r) => ['The PLZ is ', ['postal_code', pick(r, DE)[1].slice(0, 5)], ', near the station.'],
  (r) => ['You can reach me on ', ['phone', pick(r, PHONES)], ' after 5 pm.'],
  (r) => ['Call ', ['phone', pick(r, PHONES)], ' to reschedule.'],
  (r) => ['Phone: ', ['phone', pick(r, PHONES)], '\nEmail preferred.'],
  (r) => [person(r), ' (mobile ', ['phone', pick(r, PHONES)], ') will meet the courier.'],
  (r) => ['The patient was born on ', ['date_of_birth', pick(r, DATES)], ' and has no known allergies.'],
  (r) => ['DOB: ', ['date_of_birth', pick(r, DATES)]],
  (r) => ['My passport number is ', ['passport', pick(r, PASSPORTS)], ' and it expires next year.'],
  (r) => ["Driver's license: ", ['drivers_license', pick(r, LICENCES)]],
  (r) => ['Please verify ', person(r), ', date of birth ', ['date_of_birth', pick(r, DATES)], ', licence number ', ['drivers_license', pick(r, LICENCES)], '.'],
  // Sentences without personal data: places, products, order numbers and amounts a detector must leave alone.
  (r) => ['Our flagship store in ', pick(r, OTHER_PLACES), ' opens at 9:30 on weekdays.'],
  () => ['Order 48213577 shipped on 2024-03-02 and costs $1,249.00 including tax.'],
  () => ['Version 4.12.3 of the Acme Sync app fixes the login loop on Android 14.'],
  (r) => ['The conference moved from ', pick(r, OTHER_PLACES), ' to ', pick(r, OTHER_PLACES), ' this year.'],
  () => ['Restart the router, wait 30 seconds, then open Settings and choose Network.'],
  () => ['Ticket 20931 was escalated to the billing team on Monday.'],
];

/** `n` rows, from templates in turn, with values drawn from a seeded generator. */
export function generateTemplateRows(n: number, seed = 7): TemplateRow[] {
  const rng = createRng(seed);
  const rows: TemplateRow[] = [];
  for (let i = 0; i < n; i++) {
    const template = i % TEMPLATES.length;
    let text = '';
    const gold: TypedSpan[] = [];
    for (const piece of TEMPLATES[template]!(rng)) {
      if (typeof piece === 'string') text += piece;
      else {
        gold.push({ type: piece[0], start: text.length, end: text.length + piece[1].length });
        text += piece[1];
      }
    }
    rows.push({ text, gold, template });
  }
  return rows;
}
