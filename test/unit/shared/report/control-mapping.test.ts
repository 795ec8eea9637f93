import { describe, expect, it } from 'vitest';
import { CONTROL_MAPPING, controlsFor } from '../../../../shared/report/control-mapping';
import { FRAMEWORKS } from '../../../../shared/report/report-schema';

// NIST AI 600-1 §2 lists exactly these twelve risks; a mapped risk name must be one of them, verbatim.
const GENAI_RISKS = new Set([
  'CBRN Information or Capabilities', 'Confabulation', 'Dangerous, Violent, or Hateful Content', 'Data Privacy', 'Environmental Impacts',
  'Harmful Bias and Homogenization', 'Human-AI Configuration', 'Information Integrity', 'Information Security', 'Intellectual Property',
  'Obscene, Degrading, and/or Abusive Content', 'Value Chain and Component Integration',
]);

describe('regulatory mapping', () => {
  const all = Object.values(CONTROL_MAPPING).flat();

  it('uses the four framework names exactly and covers each of them', () => {
    expect(new Set(all.map((c) => c.framework))).toEqual(new Set(FRAMEWORKS));
    expect(FRAMEWORKS).toEqual(['EU AI Act', 'NIST AI RMF', 'NIST AI 600-1', 'ISO/IEC 42001']);
  });

  it('writes references in each framework\'s own form', () => {
    for (const c of all) {
      if (c.framework === 'EU AI Act') expect(c.ref).toMatch(/^(Art\. \d+(\(\d+\))?(\([a-z]\))?|Annex IV \d+(\([a-h]\))?)$/);
      if (c.framework === 'NIST AI RMF') expect(c.ref).toMatch(/^(GOVERN|MAP|MEASURE|MANAGE) \d\.\d+$/);
      if (c.framework === 'NIST AI 600-1') expect(GENAI_RISKS.has(c.ref)).toBe(true);
      if (c.framework === 'ISO/IEC 42001') expect(c.ref).toMatch(/^A\.\d+(\.\d+){1,2}$/);
    }
  });

  it('gives every kind of evidence at least one control, and merges kinds without duplicates', () => {
    for (const [kind, controls] of Object.entries(CONTROL_MAPPING)) expect(controls.length, kind).toBeGreaterThan(0);
    const merged = controlsFor('grounding', 'model_quality');
    expect(new Set(merged.map((c) => `${c.framework}|${c.ref}`)).size).toBe(merged.length);
    expect(merged.filter((c) => c.ref === 'A.6.2.4')).toHaveLength(1);
  });
});
