// A second written-here PII template set (PII 2.3.0 work), for an out-of-source check of address, postal-code and
// person rules. Every family and filler below was written from general knowledge of how addresses are written in
// several countries (US, UK, Canada, Germany/Austria/Switzerland, France/Italy/Spain, Netherlands, Australia, PO
// boxes) and how people mention one another in messages, before any of them was scored, and none copies the
// wording of an evaluation file. The families come in two halves written together: DEV families, whose misses
// may be read to write rules (`npx tsx bench/eval/pii-misses.ts --world`), and HELD_OUT families, whose rows and
// misses are never printed for rule writing, only their totals in `npm run eval -- pii`. So the dev half is
// in-sample for the 2.3.0 rules and the held-out half is out-of-source for them (written by the same hand, though).
//
// Gold conventions (the analyzer's own): a street with the place, region and postcode written with it (same line
// or the lines right under it) is one address span; a postcode with no street is a postal code; the addressee's
// name above an address is a person.
import { createRng, type Rng } from '../../shared/stats/prng';
import type { TypedSpan } from './span-metrics';
import type { TemplateRow } from './pii-templates';

const GIVEN = `Anouk Bartosz Corentin Dorota Elif Fionnuala Gunnar Hiroshi Ingrid Jovana Kwame Liesbeth Maëlle Nnamdi Octavia Piotr
  Rhiannon Sigrún Thiago Ulrike Vesna Wilhelmina Xiadani Yasmin Zoltán Adaeze Benedek Caoimhe Dagmar Eero Fatoumata Grzegorz
  Henrike Ismail Jaroslava Kenji Ludmila Manon Niamh Olumide Pernille Raffaella Stanislav Tuija Vidar Wenjie Yevgenia`.split(/\s+/);
// Given names that are also English words: the hardest names without a cue.
const WORD_NAMES = ['Rose', 'Grace', 'Hunter', 'Hope', 'Faith', 'Mason', 'Ivy', 'Jade', 'Heath', 'Dale', 'Lily', 'Hazel', 'Summer', 'Miles', 'Chase'];
const FAMILY = `Abramowicz|Oyedepo|Kaczmarczyk|Löfgren|Christodoulou|Popescu|Halvorsen|Albuquerque|Nwachukwu|Villanueva|Lefebvre|
  Järvinen|Weißmann|Farkas|Marković|Sigurðardóttir|Shevchenko|Drummond|Otieno|Subramanian|Santangelo|Jankowski|Georgiou|
  Petrosyan|Gelashvili|Kazlauskas|Öztürk|MacLeod|Nic Dhonnchadha|Watanabe|Esposito|Brennan|Hofstetter|de Vries|Bergström|
  Dvořák|Kiss|Adeyemi|Verbeek|Fairbairn|Kabongo|Mortensen|Mamani|Thorsteinsson|Wiśniewska|Rosenthal|Lombardi|Sandqvist|Khoury`.split(/\s*\|\s*/);
// Surnames that are English words.
const WORD_FAMILY = ['Baker', 'Walker', 'Fisher', 'Hill', 'Wood', 'Mills', 'Stone', 'Bird', 'Frost', 'Marsh'];

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
const num = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));
const pad = (n: number, width: number): string => String(n).padStart(width, '0');

type Piece = string | [string, string];
type Template = (rng: Rng) => Piece[];

const fullName = (r: Rng): string => `${pick(r, GIVEN)} ${pick(r, FAMILY)}`;
const person = (r: Rng): [string, string] => ['person', fullName(r)];
const given = (r: Rng): [string, string] => ['person', pick(r, GIVEN)];

// US: number, optional direction, street, suffix, optional unit; place, state (code or name), ZIP or ZIP+4.
const US_STREETS = ['Hawthorne', 'Magnolia', 'Jefferson', 'Pine Ridge', 'Kensington', 'Riverside', 'Aspen', 'Monroe', 'Briar Patch', 'Chestnut'];
const US_SUFFIX = ['Street', 'St.', 'Avenue', 'Ave', 'Road', 'Rd', 'Boulevard', 'Lane', 'Drive', 'Court', 'Place', 'Terrace', 'Parkway', 'Circle'];
const US_PLACES: [string, string, string, string][] = [
  ['Fort Collins', 'CO', 'Colorado', '80521'], ['Madison', 'WI', 'Wisconsin', '53703'], ['Bend', 'OR', 'Oregon', '97701'],
  ['Asheville', 'NC', 'North Carolina', '28801'], ['Burlington', 'VT', 'Vermont', '05401'], ['Santa Fe', 'NM', 'New Mexico', '87501'],
  ['Ann Arbor', 'MI', 'Michigan', '48104'], ['Chattanooga', 'TN', 'Tennessee', '37402'], ['Provo', 'UT', 'Utah', '84601'], ['Dayton', 'OH', 'Ohio', '45402'],
];
const usStreet = (r: Rng): string => {
  const dir = r() < 0.25 ? `${pick(r, ['N', 'S', 'E', 'W', 'North', 'West'])} ` : '';
  const unit = r() < 0.4 ? ` ${pick(r, ['Apt', 'Apt.', 'Suite', 'Unit', '#'])} ${num(r, 1, 950)}${pick(r, ['', '', 'A', 'B'])}` : '';
  return `${num(r, 2, 19870)} ${dir}${pick(r, US_STREETS)} ${pick(r, US_SUFFIX)}${unit}`;
};
const usPlace = (r: Rng): string => {
  const [city, code, name, zip] = pick(r, US_PLACES);
  const z = r() < 0.25 ? `${zip}-${pad(num(r, 1, 9999), 4)}` : zip;
  return `${city}, ${r() < 0.7 ? code : name} ${z}`;
};
const UK_STREETS: [string, string][] = [['Fenwick', 'Road'], ['Marlowe', 'Close'], ['Abbotsford', 'Crescent'], ['Holloway', 'Lane'], ['Quayside', 'Walk'], ['Penrose', 'Gardens'], ['Stanmore', 'Mews']];
const UK_TOWNS: [string, string][] = [['York', 'YO1 7HH'], ['Cardiff', 'CF24 3AA'], ['Glasgow', 'G2 1DY'], ['Brighton', 'BN1 1UB'], ['Oxford', 'OX1 2JD'], ['Belfast', 'BT1 5GS'], ['London', 'NW3 2QG']];
const CA_PLACES: [string, string, string][] = [['Halifax', 'NS', 'B3H 4R2'], ['Winnipeg', 'MB', 'R3C 4T3'], ['Calgary', 'AB', 'T2P 1J9'], ['Québec', 'QC', 'G1R 4P5'], ['Victoria', 'BC', 'V8W 1P6']];
const CA_STREETS = ['Queen Street', 'Portage Avenue', 'Rue Saint-Jean', 'Elm Drive', 'Lakeshore Road'];
// German-speaking: street + number, then PLZ before the place.
const DACH: [string, string][] = [['Goethestraße', '60313 Frankfurt am Main'], ['Bahnhofstrasse', '8001 Zürich'], ['Mariahilfer Straße', '1060 Wien'], ['Kirchweg', '79098 Freiburg'], ['Am Markt', '18055 Rostock'], ['Rosenheimer Str.', '81669 München'], ['Hauptplatz', '8010 Graz']];
const ROMANCE: [string, string, string][] = [
  ['12', 'rue de la République', '13001 Marseille'], ['7', 'avenue Victor Hugo', '33000 Bordeaux'], ['Via Roma', '', '40121 Bologna'],
  ['Calle Mayor', '', '28013 Madrid'], ['Carrer de Balmes', '', '08007 Barcelona'], ['Corso Italia', '', '56125 Pisa'], ['3', 'place du Marché', '67000 Strasbourg'],
];
const NL: [string, string][] = [['Prinsengracht', '1016 HK Amsterdam'], ['Oudegracht', '3511 AP Utrecht'], ['Keizerstraat', '2512 EK Den Haag'], ['Markt', '5611 EB Eindhoven']];
const AU: [string, string][] = [['George Street', 'Sydney NSW 2000'], ['Flinders Lane', 'Melbourne VIC 3000'], ['Adelaide Street', 'Brisbane QLD 4000'], ['Hay Street', 'Perth WA 6000'], ['Rundle Mall', 'Adelaide SA 5000']];

const usAddress = (r: Rng): [string, string] => ['address', `${usStreet(r)}, ${usPlace(r)}`];
const ukAddress = (r: Rng): [string, string] => {
  const [s, k] = pick(r, UK_STREETS);
  const [town, pc] = pick(r, UK_TOWNS);
  const flat = r() < 0.3 ? `Flat ${num(r, 1, 30)}, ` : '';
  return ['address', `${flat}${num(r, 1, 180)} ${s} ${k}, ${town} ${pc}`];
};
const caAddress = (r: Rng): [string, string] => {
  const [city, prov, pc] = pick(r, CA_PLACES);
  return ['address', `${num(r, 10, 4999)} ${pick(r, CA_STREETS)}, ${city}, ${prov} ${pc}`];
};
const dachAddress = (r: Rng): [string, string] => {
  const [street, place] = pick(r, DACH);
  return ['address', `${street} ${num(r, 1, 160)}${pick(r, ['', '', 'a', 'b'])}, ${place}`];
};
const romanceAddress = (r: Rng): [string, string] => {
  const [a, b, place] = pick(r, ROMANCE);
  const street = b ? `${num(r, 1, 120)} ${b}` : `${a} ${num(r, 1, 200)}`;
  return ['address', `${street}, ${place}`];
};
const nlAddress = (r: Rng): [string, string] => {
  const [street, place] = pick(r, NL);
  return ['address', `${street} ${num(r, 1, 400)}, ${place}`];
};
const auAddress = (r: Rng): [string, string] => {
  const [street, place] = pick(r, AU);
  const unit = r() < 0.3 ? `Unit ${num(r, 1, 40)}, ` : '';
  return ['address', `${unit}${num(r, 1, 600)} ${street}, ${place}`];
};
const anyAddress = (r: Rng): [string, string] => pick(r, [usAddress, ukAddress, caAddress, dachAddress, romanceAddress, nlAddress, auAddress])(r);

// Postcodes with their place, written without a street.
const placeWithCode = (r: Rng): Piece[] => {
  const k = num(r, 0, 5);
  if (k === 0) {
    const [city, code, , zip] = pick(r, US_PLACES);
    return [`${city}, ${code} `, ['postal_code', zip]];
  }
  if (k === 1) {
    const [town, pc] = pick(r, UK_TOWNS);
    return [`${town} `, ['postal_code', pc]];
  }
  if (k === 2) {
    const [city, prov, pc] = pick(r, CA_PLACES);
    return [`${city}, ${prov} `, ['postal_code', pc]];
  }
  if (k === 3) {
    const place = pick(r, DACH)[1];
    const sp = place.indexOf(' ');
    return [['postal_code', place.slice(0, sp)], place.slice(sp)];
  }
  if (k === 4) {
    const place = pick(r, NL)[1];
    return [['postal_code', place.slice(0, 7)], place.slice(7)];
  }
  const place = pick(r, AU)[1];
  return [place.slice(0, -4), ['postal_code', place.slice(-4)]];
};

const DEV: Template[] = [
  (r) => ['We finally closed on the house at ', usAddress(r), ' last week.'],
  (r) => ['Please send the replacement card to ', ukAddress(r), '.'],
  (r) => ['Lieferadresse bitte ändern auf ', dachAddress(r), ', danke.'],
  (r) => ['Can you confirm the delivery address?\n', person(r), '\n', ['address', `${usStreet(r)}\n${usPlace(r)}`]],
  (r) => ['The parcel is held at the depot nearest ', ...placeWithCode(r), ' until Thursday.'],
  (r) => ['Is there a branch in ', ...placeWithCode(r), '?'],
  (r) => ['Mail the forms to ', ['address', `P.O. Box ${num(r, 10, 99999)}, ${usPlace(r)}`], ' by April 15.'],
  (r) => ['I have been chatting with ', given(r), ' all afternoon and she agrees with the plan.'],
  (r) => ['Tell ', person(r), ' that the keys are under the mat.'],
  (r) => ['When ', ['person', pick(r, WORD_NAMES)], ' gets back, ask her to call the landlord.'],
  (r) => ['Yesterday ', person(r), ' and ', person(r), ' signed the lease together.'],
  (r) => ['i think ', ['person', `${pick(r, GIVEN)} ${pick(r, FAMILY)}`.toLowerCase()], ' still has my charger lol'],
  () => ['Order 58213 was paid on 14/02/2023 ($2,450.00) and shipped in 3 boxes of 12 units.'],
  (r) => [`The 2019 report counted 14500 visitors and ${num(r, 1200, 9800)} new members in ${pick(r, ['Lisbon', 'Austin', 'Leeds', 'Graz'])}.`],
];

const HELD_OUT: Template[] = [
  (r) => ['Our accountant moved her office to ', anyAddress(r), ' in March.'],
  (r) => ['Shipping to:\n', person(r), '\n', ['address', `${num(r, 1, 300)} ${pick(r, CA_STREETS)}\n${pick(r, CA_PLACES).slice(0, 2).join(', ')} ${pick(r, CA_PLACES)[2]}`]],
  (r) => ['The flat is on ', nlAddress(r), ', third floor, no lift.'],
  (r) => ['Hi, my parents live at ', auAddress(r), ', can the courier leave it with them?'],
  (r) => ['Our warehouse at ', romanceAddress(r), ' is closed in August.'],
  (r) => ['Customers around ', ...placeWithCode(r), ' get free delivery this month.'],
  (r) => ['Postcode for the site visit: ', ['postal_code', pick(r, UK_TOWNS)[1]], '.'],
  (r) => ['I grew up with ', ['person', `${pick(r, WORD_NAMES)} ${pick(r, WORD_FAMILY)}`], ' in a small village.'],
  (r) => ['Last night ', given(r), ' texted me that the meeting is off.'],
  (r) => ['The keys were handed to ', person(r), ' on Monday and returned by ', person(r), ' on Friday.'],
  (r) => ['Have you met ', ['person', pick(r, FAMILY)], ' from accounting yet?'],
  (r) => ['ok so ', ['person', pick(r, GIVEN).toLowerCase()], ' said she would bring the cake'],
  () => ['Invoice 30927 covers 4500 litres delivered to site 12 in 2022; the balance is 10500 EUR.'],
  () => ['Room 2041 on level 3 seats 1200 people; the 2025 conference starts at 09:00 in Hall 5.'],
];

/** Every family, dev first then held out; `heldOut` marks rows whose misses are never printed for rule writing. */
export const WORLD_FAMILIES: { template: Template; heldOut: boolean }[] = [
  ...DEV.map((template) => ({ template, heldOut: false })),
  ...HELD_OUT.map((template) => ({ template, heldOut: true })),
];

export interface WorldRow extends TemplateRow {
  heldOut: boolean;
}

/** `n` rows, families in turn, with values drawn from a seeded generator. */
export function generateWorldRows(n: number, seed = 11): WorldRow[] {
  const rng = createRng(seed);
  const rows: WorldRow[] = [];
  for (let i = 0; i < n; i++) {
    const template = i % WORLD_FAMILIES.length;
    const family = WORLD_FAMILIES[template]!;
    let text = '';
    const gold: TypedSpan[] = [];
    for (const piece of family.template(rng)) {
      if (typeof piece === 'string') text += piece;
      else {
        gold.push({ type: piece[0], start: text.length, end: text.length + piece[1].length });
        text += piece[1];
      }
    }
    rows.push({ text, gold, template, heldOut: family.heldOut });
  }
  return rows;
}
