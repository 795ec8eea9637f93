import { createHash } from 'node:crypto';
import { describe, it, expect } from 'vitest';
import { detectPii } from '../../../../../../shared/engine/analyzers/pii/detect';
import { maskPii } from '../../../../../../shared/engine/analyzers/pii/mask';
import { FIRST_NAMES, SURNAMES } from '../../../../../../shared/engine/analyzers/pii/first-names';
import { GIVEN_NAMES_TEXT, NAME_LEXICON_SOURCE, SURNAMES_TEXT } from '../../../../../../shared/engine/analyzers/pii/name-lexicon';
import type { PiiType } from '../../../../../../shared/engine/analyzers/pii/types';

function found(text: string): [PiiType, string][] {
  return detectPii(text).map((e) => [e.type, text.slice(e.start, e.end)]);
}

describe('postal codes, passports and driving licences', () => {
  it('finds postal codes after a cue in several national formats', () => {
    expect(found('ZIP: 94107-1234')).toEqual([['postal_code', '94107-1234']]);
    expect(found('my postal code is K1A 0B1 thanks')).toEqual([['postal_code', 'K1A 0B1']]);
    expect(found('PLZ 10115')).toEqual([['postal_code', '10115']]);
    expect(found('postcode SW1A 1AA')).toEqual([['postal_code', 'SW1A 1AA']]);
  });

  it('finds a code alone on the last line of an address block, not a lone number elsewhere', () => {
    expect(found('Ship to:\n12 Birch Lane\nSpringfield\n62704')).toContainEqual(['postal_code', '62704']);
    expect(found('Results:\nTotal\n62704')).toEqual([]);
  });

  it('finds passport and licence numbers only after their cue, without the next word', () => {
    expect(found('My passport number is X1234567 and it expires soon.')).toEqual([['passport', 'X1234567']]);
    expect(found("driver's license: D123-4567-8901")).toEqual([['drivers_license', 'D123-4567-8901']]);
    expect(found('DL# 12345678.')).toEqual([['drivers_license', '12345678']]);
    expect(found('My passport expired in 2019.')).toEqual([]);
    expect(found('Order X1234567 has shipped.')).toEqual([]);
  });

  it('masks the new types with the spans detection found', () => {
    expect(maskPii('passport no. X1234567, ZIP: 94107')).toBe('passport no. [PASSPORT], ZIP: [POSTAL_CODE]');
  });
});

describe('person name lists', () => {
  it('come from the derived compromise lexicon, whose recorded sha256 matches its content', () => {
    const sha = createHash('sha256').update(`${GIVEN_NAMES_TEXT}\n${SURNAMES_TEXT}`).digest('hex');
    expect(sha).toBe(NAME_LEXICON_SOURCE.sha256);
    expect(FIRST_NAMES).toEqual(new Set(GIVEN_NAMES_TEXT.split(' ')));
    for (const s of SURNAMES) expect(SURNAMES_TEXT.split(' ')).toContain(s);
  });

  it('still finds common names in running text', () => {
    expect(found('Yesterday Maria Lopez called about the invoice.')).toEqual([['person', 'Maria Lopez']]);
  });

  it('finds speakers of reported speech and owners of relatives, without the possessive', () => {
    expect(found('"It works," says Liisa Lepistö in an interview.')).toEqual([['person', 'Liisa Lepistö']]);
    expect(found("Anna Nowak's husband called.")).toEqual([['person', 'Anna Nowak']]);
    expect(found('according to Acme Bank, rates rise')).toEqual([]);
    expect(found("Apple's profits rose.")).toEqual([]);
  });
});
