import type { PiiEntity } from './types';

/**
 * Postal addresses: number + capitalized street name + street type ("1668 Glyn St", "22 Talga Court Apt.
 * 237"), continental forms ("Brucker Bundesstrasse 31", "Rua do Arenque 1634"), US military mail ("PSC 3294,
 * Box 9168 APO AA 61487"), UK postcodes and US state + ZIP. Parts on adjacent lines join into one address.
 */

const SUFFIX =
  'Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Place|Pl|Terrace|Ter|Way|Parkway|Pkwy|Circle|Cir|Highway|Hwy|Square|Sq|Trail|Trl|Crescent|Cres|Close|Alley|Plaza|Row|Walk|Creek|Cliffs?|Heights|Hill|Hills|Grove|Gardens|Mews|Park|Ridge|Run|Path|Pike|Point|Port|Ranch|Route|Rte|Springs?|Summit|Valley|View|Villas?|Fort|Ferry|Harbor|Harbour|Junction|Key|Knolls?|Landing|Loop|Manor|Meadows?|Mill|Mission|Motorway|Oval|Pass|Pines|Plains|Shores?|Station|Stream|Turnpike|Union|Wells?|Wharf|Bypass|Causeway|Center|Centre|Common|Corners?|Cove|Estates?|Expressway|Extension|Falls|Fields?|Flats|Forge|Forks?|Freeway|Glen|Green|Haven|Hollow|Inlet|Isle|Lakes?|Lodge|Mall|Overpass|Prairie|Radial|Rapids|Rest|Shoals|Skyway|Spur|Stravenue|Track|Trace|Trafficway|Tunnel|Underpass|Vista|Parade|Esplanade|Promenade|Quay|Rise|Wynd|Embankment|Broadway';
const CAP_WORD = "\\p{Lu}[\\p{L}\\p{M}'’.-]*";
const STREET = new RegExp(
  `(?<![\\p{L}\\d])\\d{1,6}[A-Za-z]?(?:[-/]\\d{1,4})?[ \\t]+(?:\\d{1,6}[ \\t]+)?(?:(?:N|S|E|W|NE|NW|SE|SW)\\.?[ \\t]+)?(?:(?:${CAP_WORD}|\\d{1,3}(?:st|nd|rd|th))[ \\t]+){1,4}(?:${SUFFIX})\\b\\.?` +
    `(?:,?[ \\t]*(?:Apt|Apartment|Suite|Ste|Unit|Fl|Floor|Rm|Room|#)\\.?[ \\t]*[\\w-]{1,6})*`,
  'gu',
);
const EU_STREET_WORD = 'Straße|Strasse|Str\\.|Weg|Gasse|Platz|Allee|Ring|Damm|Ufer|vej|Vej|gade|Gade|gatan|vägen|terrasse|Terrasse|u\\.|utca|út|tér|körút|krt\\.|ulica|ul\\.|laan|straat|plein|katu|tie';
// Continental Europe: a compound street name ("Brucker Bundesstrasse 31", "Søndergade 52"), a name and a
// separate street word ("Villacher Strasse 89", "Király u. 15."), or a leading street word ("Rua do Arenque
// 1634", "Via Franscini 71"); the house number comes after the name.
const STREET_EU = new RegExp(
  `(?<![\\p{L}])(?:${CAP_WORD}(?:straße|strasse|str\\.|weg|gasse|platz|allee|ring|damm|ufer|vej|vägen|gatan|gata|gade|veien|vegen|tie|katu|kuja|tanhua|utca|ulica|laan|straat|plein|kade|gracht)` +
    `|(?:${CAP_WORD}[ \\t]+){1,3}(?:${EU_STREET_WORD})` +
    // German streets named with a preposition: "Am Markt 3", "An der Alster 12", "Zur Mühle 4".
    `|(?:Am|Im|Zum|Zur|An[ \\t]+der|An[ \\t]+den|Auf[ \\t]+der|Auf[ \\t]+dem|In[ \\t]+der|Unter[ \\t]+den)(?:[ \\t]+\\p{Lu}[\\p{L}\\p{M}'’.-]+){1,2}` +
    `|(?:Rua|Via|Viale|Rue|Calle|Avenida|Av\\.|Avda\\.|Avinguda|Carrer|Rúa|Praça|Largo|Travessa|Boulevard|Chaussée|Piazza|Piazzetta|Plaza|Corso|Ulica|ul\\.|Paseo|Camino|Carretera|Ronda|Chemin|Quai|Allée|Impasse|Strada|Vicolo|Avenue)(?:[ \\t]+[\\p{L}\\p{M}'’.-]+){1,4})[ \\t]+\\d{1,5}[a-z]?\\b\\.?`,
  'gu',
);
// "28245 Puruntie 82" at the end of a line or before a unit: postcode or number, a name, a house number.
// Particles and abbreviated street words may sit between the capitalised words ("541 Avenida Pedro Ulisses 888",
// "3037 ul. Północna 73", "48010 Paseo del Atlántico 81").
const NAME_PART = `(?:${CAP_WORD}|ul\\.|u\\.|al\\.|de|del|della|delle|dei|di|do|da|dos|du|des|la|le|van|von|der|den)`;
const NUMBER_NAME_NUMBER = new RegExp(`(?<![\\p{L}\\d])\\d{3,6}[ \\t]+(?:${NAME_PART}[ \\t]+){1,4}\\d{1,5}[a-z]?(?=[ \\t]*(?:,|\\n|$|Apt|Suite|Unit))`, 'gu');
// A named street without a house number after a word that places something on it ("lives on Elm Street", "the
// café on Rosemount Terrace"); only street words that name nothing else (no "Park", "Valley", "Way").
const NAMED_STREET = new RegExp(`(?<=\\b(?:on|at|along|off|onto|into|down|up|near|via|corner of)[ \\t]+)(?:${CAP_WORD}[ \\t]+){1,3}(?:Street|Avenue|Road|Boulevard|Lane|Drive|Terrace|Crescent|Parkway|Strasse|Straße)\\b`, 'gu');
// Parts that only count next to a street: units, PO boxes, "Country 12345" lines.
const UNIT = /(?<![\p{L}])(?:Apt|APT|apt|Apartment|apartment|Suite|suite|Ste|Unit|unit|Flat|flat|Level|level)\.?[ \t]*#?\d{1,5}[A-Za-z]?\b/gu;
const PO_BOX = /(?<![\p{L}])(?:P\.?[ \t]?O\.?[ \t]?Box|Post(?:al)?[ \t]Office[ \t]Box|Postbox)[ \t]+\d{1,6}\b/giu;
const PLACE_POSTCODE = new RegExp(`(?<=\\n[ \\t>]*)(?:${CAP_WORD}[ \\t]+){1,3}\\d{4,6}(?:-\\d{3,4})?(?![\\p{L}\\d])`, 'gu');
// The place after a street on the same line or the next: "..., Grubbenvorst, Netherlands 04020", ", 10115 Berlin", " Moosleerau
// Switzerland", "\nKNIVSTA, nan 18237", "\nHellendoorn, OV 21072". Up to three comma-separated place chunks with an
// optional two-letter region and postcode, ending where the clause does; it counts only joined to a street.
const PLACE_CHUNK = `${CAP_WORD}(?:[ \\t]+(?:${CAP_WORD}|de|del|la|le|du|u|v|di|da|do|am|an|im|sur|upon|on|of)){0,4}`;
const POSTCODE = '(?:\\d{4,6}(?:-\\d{3,4})?|\\d{2}-\\d{3}|[A-Z]\\d[A-Z][ ]?\\d[A-Z]\\d|[A-Z]{1,2}\\d[A-Z\\d]?[ ]\\d[A-Z]{2})';
const LOCALITY = new RegExp(
  `(?<![\\p{L}\\d])(?:(?:[A-Z]{1,2}-)?\\d{4,5}(?:[ \\t]?[A-Z]{2})?[ \\t]+)?${PLACE_CHUNK}(?:,?[ \\t]+${PLACE_CHUNK}){0,2}(?:,?[ \\t]+(?:[A-Z]{2,3}|nan))?` +
    // A postcode ends the place whatever follows ("..., Bend, Oregon 97701 last week"); without one the clause must end.
    `(?:,?[ \\t]+${POSTCODE}(?![\\p{L}\\d])|(?=[ \\t]*(?:[.?!;:](?:\\s|$)|[?!]|,|\\n|$|[ \\t](?:after|before|and|but|for|to|in|on|at|please|if|so|because|when|by|tomorrow|today|tonight)\\b)))`,
  'gu',
);
// An intersection: "the corner of 159 Eleftheriou Venizelou str and Rennie Union", "corner of 5th Avenue and Main".
const CROSS_STREET = `[\\d\\p{Lu}][\\p{L}\\p{M}\\d'’.-]*(?:[ \\t]+(?:${NAME_PART}|\\d{1,6}[a-z]?|str|st)){0,5}`;
const INTERSECTION = new RegExp(`\\b(?:the[ \\t]+)?corner[ \\t]+of[ \\t]+${CROSS_STREET}[ \\t]+(?:and|&)[ \\t]+${CROSS_STREET}`, 'giu');
// The gap (separators, blank lines, a line prefix such as "> ") and one locality, right at a given offset.
const LOCALITY_AT = new RegExp(`([\\s,>]*)${LOCALITY.source}`, 'uy');
const MILITARY = /(?<![\p{L}\d])(?:(?:(?:PSC|Unit|CMR)[ \t]+\d{3,5},?[ \t]+Box[ \t]+\d{3,5}|USN?S[ \t]+\p{Lu}\p{L}+)(?:\s{0,3}(?:APO|FPO|DPO)[ \t]+(?:AA|AE|AP)[ \t]+\d{5})?|(?:APO|FPO|DPO)[ \t]+(?:AA|AE|AP)[ \t]+\d{5})/giu;
const UK_POSTCODE = /(?<![A-Za-z0-9])(?:[A-Z]{1,2}\d[A-Z\d]?|GIR) ?\d[A-Z]{2}(?![A-Za-z0-9])/g;
const US_STATES =
  'AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|PR|AA|AE|AP';
const STATE_ZIP = new RegExp(`(?<![A-Za-z])(?:${US_STATES}),?[ \\t]+\\d{5}(?:-\\d{4})?(?!\\d)`, 'g');
// "lives at 92597 Jahu 80, Liiva": after such a cue, the rest of the clause is the address if it has a number.
const CUE = /\b(?:lives? (?:at|on)|living (?:at|on)|located (?:at|on)|situated (?:at|on)|based at|moved to|relocated to|ship(?:ped)? to|deliver(?:ed)? to|send (?:it|them|this) to|mail(?:ed)? to|taxi to|drop (?:me|us|it) off at|pick (?:me|us) up at|stop at|meet (?:you|me|us) at|station is (?:at|on)|(?:my|our|the|his|her|their|your) (?:new |old |home |billing |shipping |mailing |delivery )?address is|(?:home|billing|shipping|mailing|postal|street) address(?: is)?:?|address:)[ \t]*/gi;

interface Part extends PiiEntity {
  /** Units, PO boxes and "Country 12345" lines are addresses only when joined to a street. */
  auxiliary: boolean;
}

function collect(text: string, re: RegExp, score: number, out: Part[], auxiliary = false): void {
  for (const m of text.matchAll(re)) out.push({ type: 'address', start: m.index, end: m.index + m[0].length, score, auxiliary });
}

function fromCues(text: string, out: Part[]): void {
  for (const m of text.matchAll(CUE)) {
    const start = m.index + m[0].length;
    const rest = text.slice(start, start + 100);
    const clause = /^[^\n;!?(]*?(?=\s+(?:and|but|in case|please|if|so|because|with|for|from|since|until|when|while|after|before|by|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|tomorrow|today|tonight|next)\b|[.!?](?:\s|$)|\n|$)/i.exec(rest);
    // "stop at the corner of 11 Botley Road": the address starts at its first number or capitalised word;
    // "delivered to Hannah Rossi at 7811 Willow Drive": the person comes first, the address after "at".
    const lead = (/^[^\d]{1,60}?[ \t]at[ \t]+(?=\d)/.exec(clause?.[0] ?? '') ?? /^(?:[\p{Ll}]+[ \t]+){0,4}?(?=[\d\p{Lu}])/u.exec(clause?.[0] ?? ''))?.[0].length ?? 0;
    const body = clause?.[0].slice(lead).replace(/[\s,]+$/, '') ?? '';
    // A number and a capitalised word: "Peter Zuidhove 188", "12 rue X"; not "at 5 pm".
    if (body.length >= 5 && /\d/.test(body) && /\p{Lu}|\d{1,6}[ \t]+\p{L}{3,}/u.test(body) && !/^\d{1,2}(?:[:.]\d\d)?[ \t]*(?:am|pm|a\.m\.|p\.m\.)/i.test(body)) out.push({ type: 'address', start: start + lead, end: start + lead + body.length, score: 0.8, auxiliary: false });
  }
}

// Between two parts of one address: separators and at most a capitalized place name ("\n FÜRLING\n").
const JOINABLE_GAP = /^[\s,]*(?:\p{Lu}[\p{L}\p{M}.'’-]*(?:[ \t]+\p{Lu}[\p{L}\p{M}.'’-]*){0,2}[\s,]*){0,2}$/u;

/**
 * Extends each address over the place lines that follow it (LOCALITY): never before a street, where the line
 * would be the addressee's name. "12 Main Street. Hello, ..." is two sentences, so after a period a place joins
 * only across a comma or a line break.
 */
function addLocalities(text: string, addresses: PiiEntity[]): PiiEntity[] {
  for (const a of addresses) {
    for (;;) {
      LOCALITY_AT.lastIndex = a.end;
      const m = LOCALITY_AT.exec(text);
      if (!m || m[0].length === m[1]!.length) break;
      const gap = m[1]!;
      if (gap.length > 40 || (text[a.end - 1] === '.' && !/[,\n]/.test(gap))) break;
      a.end += m[0].length;
    }
  }
  return addresses;
}

/** Joins address parts that touch or sit on adjacent lines ("...Suite 245\n FÜRLING\n Austria 25173"). */
function joinParts(text: string, parts: Part[]): PiiEntity[] {
  parts.sort((a, b) => a.start - b.start || b.end - a.end);
  const joined: Part[] = [];
  for (const p of parts) {
    const prev = joined[joined.length - 1];
    if (prev && p.start <= prev.end) {
      prev.end = Math.max(prev.end, p.end);
      prev.score = Math.max(prev.score, p.score);
      prev.auxiliary &&= p.auxiliary;
    } else if (prev && p.start - prev.end <= 40 && JOINABLE_GAP.test(text.slice(prev.end, p.start))) {
      prev.end = p.end;
      prev.score = Math.max(prev.score, p.score);
      prev.auxiliary &&= p.auxiliary;
    } else joined.push({ ...p });
  }
  return joined.filter((p) => !p.auxiliary).map(({ type, start, end, score }) => ({ type, start, end, score }));
}

export function detectAddresses(text: string): PiiEntity[] {
  const parts: Part[] = [];
  if (/corner/i.test(text)) collect(text, INTERSECTION, 0.75, parts);
  if (/(?:Street|Avenue|Road|Boulevard|Lane|Drive|Terrace|Crescent|Parkway|Stra(?:ss|ß)e)\b/.test(text)) collect(text, NAMED_STREET, 0.6, parts);
  // Every other shape holds a house number, box number or postcode: a text without digits has none of them.
  if (!/\d/.test(text)) return joinParts(text, parts);
  collect(text, STREET, 0.8, parts);
  collect(text, STREET_EU, 0.7, parts);
  // Number, name, number before a line end or a unit is an address shape that names and dates do not take.
  collect(text, NUMBER_NAME_NUMBER, 0.8, parts);
  // Military mail always has a Box, a ship (USS, USNS) or APO/FPO/DPO; most texts have none of them.
  if (/box|[afd]po\b|usn?s\b/i.test(text)) collect(text, MILITARY, 0.85, parts);
  if (/box/i.test(text)) collect(text, PO_BOX, 0.75, parts);
  fromCues(text, parts);
  // Postcodes alone are postal codes (detect-postal-code.ts); beside a street they are part of the address.
  collect(text, UK_POSTCODE, 0.6, parts, true);
  collect(text, STATE_ZIP, 0.6, parts, true);
  collect(text, UNIT, 0.5, parts, true);
  collect(text, PLACE_POSTCODE, 0.5, parts, true);
  return addLocalities(text, joinParts(text, parts)).map((a) => withoutSentencePeriod(text, a));
}

// Abbreviations whose period belongs to the address ("Elm St.", "Apt. 3"); any other final period ends the sentence.
const ABBREVIATION_END = /(?:^|[\s,])(?:St|Ave|Rd|Blvd|Dr|Ln|Ct|Pl|Sq|Ter|Pkwy|Hwy|Cres|Str|u|krt|ul|al|Av|Avda|[A-Z])\.$/;

function withoutSentencePeriod(text: string, a: PiiEntity): PiiEntity {
  if (text[a.end - 1] !== '.' || ABBREVIATION_END.test(text.slice(Math.max(a.start, a.end - 8), a.end))) return a;
  return { ...a, end: a.end - 1 };
}
