import { isCommonWord } from './common-word';
import type { PiiEntity } from './types';

/**
 * Postal codes: after a cue ("ZIP: 94107", "postal code K1A 0B1", "PLZ 10115"), alone on the last line of an
 * address block (a line holding only a code, right under lines that read like an address), or in a shape no
 * other number takes: a US state and ZIP ("Springfield, IL 62704"), a UK or Canadian postcode ("SW1A 1AA",
 * "K1A 0B1"). Formats: US ZIP and ZIP+4, Canadian, UK, Irish, Dutch, Brazilian, Japanese, Polish/Portuguese
 * dashed, Swedish/Czech spaced, country-prefixed ("D-10115") and plain 3-6 digit codes. A code inside a street
 * address stays part of the address (see types.ts PII_PRIORITY).
 */
const CODE =
  '(?:\\d{5}-\\d{4}|\\d{5}-\\d{3}|\\d{3}-\\d{4}|[A-Z]\\d[A-Z][ ]?\\d[A-Z]\\d|[A-Z]{1,2}\\d[A-Z\\d]?[ ]?\\d[A-Z]{2}|[AC-FHKNPRTV-Y]\\d{2}[ ]?[AC-FHKNPRTV-Y\\d]{4}|\\d{4}[ ]?[A-Z]{2}|[A-Z]{1,2}-\\d{4,5}|\\d{2}-\\d{3}|\\d{4}-\\d{3}|\\d{3}[ ]\\d{2}|\\d{3,6})';
const CUE = '(?:zip(?:[ -]?code)?|postal[ -]?code|post[ -]?code|postleitzahl|plz|cep|code postal|c[oó]digo postal|pin[ -]?code|c\\.p\\.|cp)';
const CUED = new RegExp(`\\b${CUE}(?:[ \\t]+(?:is|was|of|for (?:the|my|your|this) (?:address|area|office|shipment|order)(?: is)?))?[ \\t]*[:#=-]?[ \\t]*(${CODE})(?![\\w-])`, 'gid');
const LINE_ONLY = new RegExp(`^[ \\t]*(${CODE})[ \\t]*$`, 'gmd');
// A line above that looks like part of an address: a house number next to a word, a PO box, or a unit.
const ADDRESS_LINE = /(?:\d{1,6}[ \t]+\p{L}|\p{L}[ \t]+\d{1,5}\b|\bP\.?O\.?[ \t]?Box\b|\b(?:Apt|Suite|Unit)\b)/u;
const US_STATES =
  'AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|PR';
// "Springfield, IL 62704": a capitalised place, a state code and a ZIP; the code is the postal code.
const STATE_ZIP = new RegExp(`\\b(?:${US_STATES})[ \\t]+(\\d{5}(?:-\\d{4})?)(?![\\d-])`, 'gd');
const PLACE_BEFORE = /\p{Lu}[\p{L}.'-]*,?[ \t]+$/u;
// A full state name before a ZIP, after a place ("Bend, Oregon 97701").
export const US_STATE_NAMES =
  'Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming|Puerto Rico';
// One or two capitalised words and a ZIP, matched first; whether the words name a state is a set look-up after.
const STATE_NAME_ZIP = /\b([A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?)[ \t]+(\d{5}(?:-\d{4})?)(?![\d-])/dg;
const STATE_NAME_SET: ReadonlySet<string> = new Set(US_STATE_NAMES.split('|'));
// Australia writes the state and a four-digit postcode after the suburb ("Fitzroy VIC 3065", "Perth WA 6000").
const AU_STATE_CODE = /\b(?:NSW|VIC|QLD|TAS|ACT|NT|SA|WA)[ \t]+(\d{4})(?![\d-])/dg;
// Continental Europe writes the postcode before the place ("10115 Berlin", "D-80331 München", "75008 Paris",
// "1060 Wien"); the Netherlands adds two letters ("1016 HK Amsterdam"). A bare number before a capitalised word is
// also an amount or a year ("2019 Toyota", "1200 Visitors"), so the number must stand where a place does: at a line
// start, after a comma, or after a word that points at a place; a 4-digit year-like number needs a place word that
// is no English word, and a code with letters (Dutch, prefixed) or five digits needs no more.
// The code and the place are matched first and the words before them checked after, so the scan starts only at a
// digit or a country prefix.
const CODE_BEFORE_PLACE = /([1-9]\d{3}[ \t]?[A-Z]{2}(?=[ \t])|(?:[A-Z]{1,2}-)?\d{4,5})[ \t]+(\p{Lu}[\p{L}\p{M}'’-]+)/dgu;
const CONTEXT_BEFORE_CODE = /(?:^|\n|,|\b(?:[Ii]n|[Nn]ear|[Nn]earest|[Aa]round|to|from|of|for|within|postcode|nach|à|en|di))[ \t]*$/u;
// Words after a number that make it a count, an amount or a date, not a postcode.
const NOT_PLACE = new Set(
  `january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday
  jan feb mar apr jun jul aug sep sept oct nov dec eur usd gbp chf sek nok dkk pln czk huf jpy cny inr aud cad euro euros dollars pounds francs
  am pm utc gmt cet bc ad ce bce km mi kg lb mb gb tb kb hz mhz ghz kw mw kwh users visitors people members customers units items pieces orders
  votes points pages words rows records copies miles meters metres feet hours minutes seconds days weeks months years times calories
  street avenue road lane drive boulevard court place way rue via calle rua avenida viale corso strada piazza plaza carrer chemin quai allée`.split(/\s+/),
);
// A place and then its code at a clause end, after a word that points at a place ("we deliver to Riisa 62488.",
// "from Springfield, 62704,"). Labels that number things ("Room 2041", "Order 58213") are no place.
const PLACE_THEN_CODE = /(?<![\p{L}\p{M}'’-])(\p{Lu}[\p{L}\p{M}'’-]+),?[ \t]+(\d{5}(?:-\d{4})?|\d{4})(?=[ \t]*(?:[.,;:!?)](?:\s|$)|$|\n))/dgu;
const CONTEXT_BEFORE_PLACE = /\b(?:[Ii]n|[Nn]ear|[Aa]round|from|to)[ \t]+(?:\p{Lu}[\p{L}\p{M}'’.-]+[ \t]+){0,2}$/u;
const NUMBERED_THING = new Set(
  `room order invoice ticket flight version chapter section page table figure model case account item unit box suite apt gate platform line route bus
  train level floor building block lot row seat year week day step phase stage part series batch vol volume issue no number id ref code pin zone
  windows office android ios iphone galaxy pixel macos ubuntu python java node rule article paragraph exhibit form schedule annex appendix`.split(/\s+/),
);
// UK ("SW1A 1AA", "M1 1AE") and Canadian ("K1A 0B1") postcodes have shapes no other number takes.
const SHAPED = /(?<![A-Za-z0-9])((?:[A-Z]{1,2}\d[A-Z\d]?|GIR) \d[A-Z]{2}|[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] \d[ABCEGHJ-NPRSTV-Z]\d)(?![A-Za-z0-9])/dg;

export function detectPostalCodes(text: string): PiiEntity[] {
  const out: PiiEntity[] = [];
  for (const m of text.matchAll(CUED)) {
    const span = m.indices?.[1];
    if (span) out.push({ type: 'postal_code', start: span[0], end: span[1], score: 0.85 });
  }
  for (const m of text.matchAll(LINE_ONLY)) {
    const span = m.indices?.[1];
    if (!span) continue;
    const above = text.slice(Math.max(0, m.index - 160), m.index).split('\n').slice(-4, -1).join('\n');
    if (ADDRESS_LINE.test(above)) out.push({ type: 'postal_code', start: span[0], end: span[1], score: 0.8 });
  }
  // These shapes need an upper-case letter beside digits; most texts have none, and this test is cheap.
  if (/[A-Z][ \t]*\d/.test(text)) for (const re of [STATE_ZIP, SHAPED, AU_STATE_CODE]) {
    for (const m of text.matchAll(re)) {
      const span = m.indices?.[1];
      if (!span || (re !== SHAPED && !PLACE_BEFORE.test(text.slice(Math.max(0, m.index - 40), m.index)))) continue;
      out.push({ type: 'postal_code', start: span[0], end: span[1], score: 0.7 });
    }
  }
  // Every shape below holds four digits in a row; most texts have none.
  if (!/\d{4}/.test(text)) return out;
  for (const m of text.matchAll(STATE_NAME_ZIP)) {
    const span = m.indices?.[2];
    const words = m[1]!;
    // "Springfield Oregon 97701": the state may be the second word only.
    const state = STATE_NAME_SET.has(words) ? words : STATE_NAME_SET.has(words.slice(words.search(/[ \t]/) + 1)) && /[ \t]/.test(words) ? words.slice(words.search(/[ \t]/) + 1) : null;
    if (!span || !state) continue;
    const stateStart = m.index + words.length - state.length;
    if (PLACE_BEFORE.test(text.slice(Math.max(0, stateStart - 40), stateStart))) out.push({ type: 'postal_code', start: span[0], end: span[1], score: 0.7 });
  }
  codesBeforePlaces(text, out);
  for (const m of text.matchAll(PLACE_THEN_CODE)) {
    const code = m.indices?.[2];
    const value = m[2]!;
    if (!code || NUMBERED_THING.has(m[1]!.toLowerCase()) || (value.length === 4 && /^(?:1[89]|20)\d\d$/.test(value))) continue;
    if (!CONTEXT_BEFORE_PLACE.test(text.slice(Math.max(0, m.index - 60), m.index))) continue;
    out.push({ type: 'postal_code', start: code[0], end: code[1], score: 0.7 });
  }
  return out;
}

function codesBeforePlaces(text: string, out: PiiEntity[]): void {
  for (const m of text.matchAll(CODE_BEFORE_PLACE)) {
    const code = m.indices?.[1];
    const place = m[2]!;
    if (!code || NOT_PLACE.has(place.toLowerCase()) || !CONTEXT_BEFORE_CODE.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
    const value = m[1]!;
    // "1,20000 Units": a comma between digits is a thousands separator, not a break before a place.
    if (/\d,[ \t]*$/.test(text.slice(Math.max(0, m.index - 4), m.index))) continue;
    // "in 2019 Toyota": a four-digit number that reads as a year needs a place that is no English word.
    if (/^(?:1[89]|20)\d\d$/.test(value) && isCommonWord(place.toLowerCase())) continue;
    out.push({ type: 'postal_code', start: code[0], end: code[1], score: 0.7 });
  }
}
