import { describe, it, expect } from 'vitest';
import { detectPii } from '../../../../../../shared/engine/analyzers/pii/detect';
import { maskPii } from '../../../../../../shared/engine/analyzers/pii/mask';
import { piiAnalyzer } from '../../../../../../shared/engine/analyzers/pii/index';
import { runAnalyzer } from '../../../../../../shared/engine/registry';
import { generateWorldRows } from '../../../../../../bench/eval/pii-templates-world';

const of = (type: string, text: string): string[] => detectPii(text).filter((e) => e.type === type).map((e) => text.slice(e.start, e.end));
const all = (text: string): string[] => detectPii(text).map((e) => `${e.type}:${text.slice(e.start, e.end)}`);

describe('PII 2.3.0 postal codes without a street', () => {
  it('reads a code written before its place (continental Europe, the Netherlands)', () => {
    expect(of('postal_code', 'Is there a branch in 81669 München?')).toEqual(['81669']);
    expect(of('postal_code', 'The parcel waits at the depot nearest 1060 Wien until Friday.')).toEqual(['1060']);
    expect(of('postal_code', 'We have an office in 3511 AP Utrecht.')).toEqual(['3511 AP']);
  });

  it('reads a code after a region: US state names, Australian states, a place at a clause end', () => {
    expect(of('postal_code', 'Free delivery around Bend, Oregon 97701 this week.')).toEqual(['97701']);
    expect(of('postal_code', 'The depot nearest Fitzroy VIC 3065 is closed.')).toEqual(['3065']);
    expect(of('postal_code', 'She is from Springfield, 62704, and works nights.')).toEqual(['62704']);
  });

  it('leaves years, amounts, counts and numbered things alone', () => {
    for (const text of [
      'In 2019 Toyota sold more cars than ever.',
      'The 2019 report counted 14500 visitors in Lisbon.',
      'Meet in Room 2041.',
      'It happened in Berlin 2019.',
      'The balance is 10500 EUR, due in 2025.',
      'Population of Leeds 79000.',
      'Order 58213 was paid on 14/02/2023 ($2,450.00).',
    ])
      expect(of('postal_code', text), text).toEqual([]);
  });

  it('keeps a place written with its region or postcode out of the person type', () => {
    expect(of('person', 'Is there a branch in Ann Arbor, MI 48104?')).toEqual([]);
    expect(of('person', 'The parcel is held in Adelaide SA 5000 until Thursday.')).toEqual([]);
    expect(of('person', 'Is there a branch in Santa Fe, NM 87501?')).toEqual([]);
  });
});

describe('PII 2.3.0 addresses', () => {
  it('takes a full state name and ZIP, whatever follows the postcode', () => {
    expect(of('address', 'We closed on the house at 1006 Hawthorne Boulevard, Bend, Oregon 97701 last week.')).toEqual(['1006 Hawthorne Boulevard, Bend, Oregon 97701']);
    expect(of('address', 'They rent a place at 3/17 Ocean Parade, Manly NSW 2095.')).toEqual(['3/17 Ocean Parade, Manly NSW 2095']);
  });

  it('reads German streets named with a preposition, flats and levels before a street, ordinal streets', () => {
    expect(of('address', 'Lieferadresse bitte ändern auf Am Markt 21a, 18055 Rostock, danke.')).toEqual(['Am Markt 21a, 18055 Rostock']);
    expect(of('address', 'Please send it to Flat 23, 99 Abbotsford Crescent, York YO1 7HH.')).toEqual(['Flat 23, 99 Abbotsford Crescent, York YO1 7HH']);
    expect(of('address', 'I stay at apartment 5B, 300 East 57th Street.')).toEqual(['apartment 5B, 300 East 57th Street']);
    expect(of('address', 'Am I 5 minutes late?')).toEqual([]);
  });

  it('reads a named street after a placing word, and an address after "the address is" in lower case', () => {
    expect(of('address', 'He lives on Elm Street.')).toEqual(['Elm Street']);
    expect(of('address', 'the address is 55 oak lane, portland, or 97205')).toEqual(['55 oak lane, portland, or 97205']);
    expect(of('address', 'She studied in Silicon Valley and Central Park.')).toEqual([]);
  });

  it('ends an address before the sentence period but keeps an abbreviation\'s', () => {
    expect(of('address', 'Her old flat was at 14 Rosemount Terrace, Edinburgh.')).toEqual(['14 Rosemount Terrace, Edinburgh']);
    expect(of('address', 'Ship to 1234 Elm St.\nSpringfield, IL 62701')).toEqual(['1234 Elm St.\nSpringfield, IL 62701']);
  });
});

describe('PII 2.3.0 names', () => {
  it('reads names in places people stand: greetings, labels, "named", "with", addressed, subjects of acts', () => {
    expect(of('person', 'Hello Kenji!')).toEqual(['Kenji']);
    expect(of('person', 'This is Pernille from the front desk.')).toEqual(['Pernille']);
    expect(of('person', 'contact person: adaeze nwachukwu')).toEqual(['adaeze nwachukwu']);
    expect(of('person', 'The card holder is DAGMAR HOFSTETTER.')).toEqual(['DAGMAR HOFSTETTER']);
    expect(of('person', 'A guy named Bartosz fixed the sink.')).toEqual(['Bartosz']);
    expect(of('person', 'I work with Zoltán every day.')).toEqual(['Zoltán']);
    expect(of('person', 'Olumide, can you check the invoice?')).toEqual(['Olumide']);
    expect(of('person', 'Maëlle bought a new car.')).toEqual(['Maëlle']);
    expect(of('person', 'Eero will pick you up at the station.')).toEqual(['Eero']);
  });

  it('keeps particles inside a family name, and family names that are English words after a given name', () => {
    expect(of('person', 'Tell Gunnar de Vries that the keys are under the mat.')).toEqual(['Gunnar de Vries']);
    expect(of('person', 'Nkechi Young joined the team.')).toEqual(['Nkechi Young']);
  });

  it('reads a given name that is an English word only where the sentence speaks of a person', () => {
    expect(of('person', 'When Hope gets back, ask her to call the landlord.')).toEqual(['Hope']);
    expect(of('person', 'We hope the parcel arrives; ask her tomorrow.')).toEqual([]);
    expect(of('person', 'The Summer Sale ends today.')).toEqual([]);
  });

  it('reads initials before a family name, and names after person-only cues (refunds, greetings)', () => {
    expect(of('person', 'J. R. Okonkwo signed the form.')).toEqual(['J. R. Okonkwo']);
    expect(of('person', 'The refund for Tariq was approved.')).toEqual(['Tariq']);
    expect(of('person', 'Greetings from Ayodele!')).toEqual(['Ayodele']);
  });

  it('leaves products, brands and software that stand where a person could', () => {
    for (const text of [
      'The document is a sales letter for StellarWorks, a software plan for businesses.',
      'The founder of the digital start-up Ozy Media has been arrested.',
      'BestInsuranceXYZ offers a discount to new customers.',
      'Thomas and Sons is a multinational bank.',
      'Can I cancel Care+ and get a refund Thank you.',
      'She studied at the University of Vadsa and lives in Dolores.',
      'Their newest range of services named CloudTrek Solutions launches today.',
      'We integrate with Kubernetes and Stripe.',
      'Kubernetes, can you believe it, crashed.',
      'The Zalando Park store opens today.',
      'Moreover, we shipped it.',
    ])
      expect(of('person', text), text).toEqual([]);
  });
});

describe('PII 2.3.0 masking and the written-here templates', () => {
  it('masks exactly the spans the analyzer stores', () => {
    const output = 'Hello Kenji! Your parcel for 81669 München is at Am Markt 21a, 18055 Rostock.';
    const finding = runAnalyzer(piiAnalyzer, { input: '', output, contexts: [] }, {}, {});
    const stored = finding.spans.map((s) => ({ start: s.start, end: s.end, label: s.label }));
    expect(all(output)).toEqual(['person:Kenji', 'postal_code:81669', 'address:Am Markt 21a, 18055 Rostock']);
    expect(maskPii(output, stored)).toBe(maskPii(output));
    expect(maskPii(output)).toBe('Hello [PERSON]! Your parcel for [POSTAL_CODE] München is at [ADDRESS].');
    expect(piiAnalyzer.version).toBe('2.3.0');
  });

  it('generates the same template rows for a seed, with gold spans that cover their values', () => {
    const a = generateWorldRows(56, 11);
    expect(generateWorldRows(56, 11)).toEqual(a);
    expect(a.filter((r) => r.heldOut)).toHaveLength(28);
    for (const r of a) for (const g of r.gold) expect(r.text.slice(g.start, g.end).trim()).toBe(r.text.slice(g.start, g.end));
  });
});
