// The regulatory mapping as data: which controls each kind of Assay evidence speaks to. Source: the evidence
// table in the research notes (§4.7), checked against the texts: Regulation (EU) 2024/1689 (AI Act) articles and
// Annex IV points; NIST AI 100-1 (AI RMF 1.0) subcategories; NIST AI 600-1 (GenAI Profile, July 2024) risk names,
// verbatim; ISO/IEC 42001:2023 Annex A control numbers with titles as public statements of applicability give
// them (the standard itself is paywalled). A reference is listed only where the evidence bears on the control
// directly; where none of a framework's entries does (audit log vs the 600-1 risk list), that framework is left out.
import type { Control } from './report-schema';

export type EvidenceKind =
  | 'grounding' | 'toxicity' | 'pii' | 'injection' | 'drift' | 'model_quality' | 'review' | 'comparisons' | 'audit' | 'cost';

const eu = (ref: string, title: string): Control => ({ framework: 'EU AI Act', ref, title });
const rmf = (ref: string, title: string): Control => ({ framework: 'NIST AI RMF', ref, title });
const genai = (ref: string): Control => ({ framework: 'NIST AI 600-1', ref, title: `GenAI risk: ${ref}` });
const iso = (ref: string, title: string): Control => ({ framework: 'ISO/IEC 42001', ref, title });

const VALIDATION = iso('A.6.2.4', 'AI system verification and validation');
const OPERATION = iso('A.6.2.6', 'AI system operation and monitoring');
const TESTING = eu('Annex IV 2(g)', 'Validation and testing procedures, metrics and test logs');
const MONITORING_INFO = eu('Annex IV 3', 'Monitoring, functioning and control of the AI system');

export const CONTROL_MAPPING: Readonly<Record<EvidenceKind, readonly Control[]>> = {
  grounding: [
    eu('Art. 15(1)', 'Appropriate level of accuracy'), TESTING, MONITORING_INFO,
    rmf('MEASURE 2.3', 'Performance measured in conditions similar to deployment'), rmf('MEASURE 2.5', 'System is valid and reliable'),
    genai('Confabulation'), genai('Information Integrity'),
    VALIDATION, OPERATION,
  ],
  toxicity: [
    eu('Art. 9(2)(a)', 'Risks to health, safety or fundamental rights identified and analysed'), MONITORING_INFO,
    rmf('MEASURE 2.6', 'Safety risks evaluated'), rmf('MEASURE 2.11', 'Fairness and bias evaluated'),
    genai('Dangerous, Violent, or Hateful Content'), genai('Obscene, Degrading, and/or Abusive Content'), genai('Harmful Bias and Homogenization'),
    iso('A.5.4', 'Assessing AI system impact on individuals or groups of individuals'), iso('A.5.5', 'Assessing societal impacts of AI systems'), VALIDATION,
  ],
  pii: [
    eu('Art. 10(5)', 'Safeguards when personal data are processed'),
    rmf('MEASURE 2.10', 'Privacy risk examined and documented'),
    genai('Data Privacy'),
    iso('A.7.4', 'Quality of data for AI systems'), iso('A.7.5', 'Data provenance'), OPERATION,
  ],
  injection: [
    eu('Art. 15(5)', 'Resilience against attempts to alter use or outputs by manipulating inputs'), eu('Annex IV 2(h)', 'Cybersecurity measures'),
    rmf('MEASURE 2.7', 'Security and resilience evaluated'),
    genai('Information Security'), genai('Value Chain and Component Integration'),
    VALIDATION, OPERATION,
  ],
  drift: [
    eu('Art. 72(2)', 'Post-market monitoring collects and analyses performance data'), eu('Art. 15(4)', 'Robustness, including feedback loops'),
    eu('Art. 10(3)', 'Data relevant and sufficiently representative'),
    rmf('MEASURE 2.4', 'Functionality and behaviour monitored in production'), rmf('MEASURE 3.1', 'Emergent risks tracked'),
    rmf('MANAGE 4.1', 'Post-deployment monitoring plans implemented'),
    OPERATION, iso('A.7.4', 'Quality of data for AI systems'),
  ],
  model_quality: [
    eu('Art. 15(3)', 'Accuracy levels and metrics declared in the instructions for use'), TESTING, eu('Annex IV 4', 'Appropriateness of the performance metrics'),
    rmf('MEASURE 2.1', 'Test sets, metrics and tools documented'), rmf('MEASURE 2.3', 'Performance measured in conditions similar to deployment'),
    rmf('MEASURE 2.5', 'System is valid and reliable'),
    VALIDATION,
  ],
  review: [
    eu('Art. 14', 'Human oversight'), eu('Art. 26(2)', 'Deployers assign human oversight to competent people'),
    rmf('MEASURE 1.3', 'Independent assessors involved'), rmf('MEASURE 2.8', 'Transparency and accountability examined'),
    rmf('MEASURE 4.2', 'Measurement results informed by domain experts'),
    genai('Human-AI Configuration'),
    iso('A.9.2', 'Processes for responsible use of AI systems'), VALIDATION,
  ],
  comparisons: [
    TESTING, eu('Annex IV 6', 'Relevant changes made through the lifecycle'),
    rmf('MEASURE 2.1', 'Test sets, metrics and tools documented'), rmf('MEASURE 2.3', 'Performance measured in conditions similar to deployment'),
    genai('Confabulation'),
    VALIDATION, iso('A.6.2.5', 'AI system deployment'),
  ],
  audit: [
    eu('Art. 12(1)', 'Automatic recording of events over the lifetime'), eu('Art. 12(2)', 'Logs enable risk identification and post-market monitoring'),
    eu('Art. 19(1)', 'Automatically generated logs kept'),
    rmf('MEASURE 2.8', 'Transparency and accountability examined'), rmf('GOVERN 1.5', 'Ongoing monitoring and periodic review planned'),
    iso('A.6.2.8', 'AI system recording of event logs'), iso('A.6.2.7', 'AI system technical documentation'),
  ],
  cost: [
    eu('Annex IV 2(c)', 'Computational resources used'),
    rmf('MEASURE 2.12', 'Environmental impact assessed'),
    genai('Environmental Impacts'),
    iso('A.4.5', 'System and computing resources'),
  ],
};

export function controlsFor(...kinds: EvidenceKind[]): Control[] {
  const seen = new Set<string>();
  const out: Control[] = [];
  for (const kind of kinds) {
    for (const c of CONTROL_MAPPING[kind]) {
      const key = `${c.framework}|${c.ref}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(c);
    }
  }
  return out;
}
