import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../../shared/util/canonical-json';
import { metadataJson, stringListJson, toNewRecord } from '../../../../main/importers/records/record-sink';
import type { RecordDraft } from '../../../../main/importers/records/record-draft';

describe('stored JSON of contexts and metadata', () => {
  it('writes exactly what JSON.stringify writes for any string list', () => {
    const lists = [[], ['a'], ['a"b', 'c'], ['x\\y'], ['\u0001\n\t'], ['é', '✓'], ['\ud83d\ude00'], ['\ud800 lone'], ['\u2028'], ['', '']];
    for (const l of lists) expect(stringListJson(l)).toBe(JSON.stringify(l));
  });

  it('writes metadata in canonical key order, flat or nested', () => {
    const objs = [{}, { b: 1, a: 'x' }, { a: { z: 1, y: [2, { d: 1, c: 2 }] } }, { a: undefined, b: null, c: true }, { n: Number.NaN, m: 1.5 }];
    for (const o of objs) expect(metadataJson(o)).toBe(canonicalJson(o));
  });

  it('never stores contexts as broken JSON, whatever the hint about the source', () => {
    const d: RecordDraft = {
      id: null, timestamp: null, model: null, modelVersion: null, promptId: null, promptVersion: null, promptTemplate: 'T', input: 'q', output: 'a',
      contexts: ['say "hi"', 'two\nlines'], tokensIn: null, tokensOut: null, latencyMs: null, cost: null, metadata: {},
    };
    expect(JSON.parse(toNewRecord(d).contextsJson)).toEqual(d.contexts);
    expect(toNewRecord(d).promptId).toMatch(/^template-[0-9a-f]{12}$/);
  });
});
