import type { AnalyzerContext, AnalyzerOutput, AnalyzerRecord, Span } from '../../analyzer';
import { thresholds } from '../../thresholds';
import { maskMarkup, splitClaims, type ClaimSegment, type TextSegment } from '../../../text/sentences';
import { contentTokens, tokenize, type Token } from '../../../text/tokenize';
import { aggregateSupport } from './aggregate';
import { calibrateSupport } from './calibrate';
import { maskToolCalls, NOT_APPLICABLE_TEXT, outputNotApplicable, type NotApplicable } from './applicability';
import { analyzeClaim, type ClaimAnalysis } from './claim-features';
import { ACT_NAMES, discourseSpans, type DiscourseSpan } from './discourse';
import { buildEvidenceIndex, extendEvidenceIndex, tokenKey, type EvidenceDoc, type EvidenceIndex } from './evidence';
import { describe } from './explain';
import { claimSupport, type LogisticModel } from './model';
import { nameDetector } from './names';
import { recordShape } from './record-shape';
import { groundingModel } from './weights';
import type { GroundingParams } from './params';
import { answerRelevance, contextRelevance } from './relevance';

export type ClaimLabel = 'supported' | 'unsupported' | 'contradicted' | 'not-checkable';

export interface ClaimResult {
  text: string;
  start: number;
  end: number;
  /** Support in [0,1] (1 = every word found in one evidence sentence); null when nothing is checkable ("Yes, sure."). */
  support: number | null;
  /** False for claims that state no checkable fact: they are shown but left out of the grounding score. */
  checkable: boolean;
  /** Why a claim is not checkable ("offer of further help", "question to the user", "no content words"). */
  reason?: string;
  /** Distinct content words checked against the evidence (the claim's weight in the grounding score). */
  words: number;
  label: ClaimLabel;
  failed: ClaimAnalysis['issues'];
  features: ClaimAnalysis['features'] | null;
  evidence: ClaimEvidence | null;
}

export interface ClaimEvidence {
  source: 'context' | 'kb';
  ref: string;
  /** For KB chunks: the document and heading the chunk comes from ("returns.md › Holiday returns"). */
  name?: string;
  start: number;
  end: number;
  text: string;
  /** 'contradicts' when the claim states a number, name or polarity this sentence states otherwise. */
  relation: 'supports' | 'contradicts' | 'related';
}

// A claim its own context contradicts (another number or name, a negation, an opposite) is unsupported whatever
// its word overlap: its support is held below the flag threshold, and so is the record's grounding.
export const CONFLICT_SUPPORT_SHARE = 0.5;

type Claim = ClaimSegment & {
  /** The claim's output tokens. */
  tokens: Token[];
  /** Its tokens outside discourse acts: what is checked against the evidence. */
  checked: Token[];
  /** The discourse acts found, for the reason a claim is not checked. */
  acts: string[];
};

/** Claims with their output tokens, cut to `maxClaims`; tokens inside discourse acts are set aside. */
function claimsOf(output: string, maxClaims: number): { claims: Claim[]; total: number } {
  const segments = splitClaims(output).filter((seg) => /[\p{L}\p{N}]/u.test(output.slice(seg.start, seg.end)));
  const kept = segments.slice(0, maxClaims);
  const tokens = tokenize(maskMarkup(output.slice(0, kept.at(-1)?.end ?? 0)));
  let t = 0;
  // Discourse is read per sentence: "Source: Returns; Smart Plug setup" is one citation cut into two claims.
  const spansOf = new Map<number, DiscourseSpan[]>();
  const claims = kept.map((seg) => {
    while (t < tokens.length && tokens[t]!.start < seg.start) t++;
    const own: Token[] = [];
    while (t < tokens.length && tokens[t]!.end <= seg.end) own.push(tokens[t++]!);
    const from = seg.sentence.start;
    let sentenceSpans = spansOf.get(from);
    if (!sentenceSpans) {
      sentenceSpans = discourseSpans(output.slice(from, seg.sentence.end)).map((s) => ({ ...s, start: s.start + from, end: s.end + from }));
      spansOf.set(from, sentenceSpans);
    }
    const spans = sentenceSpans.filter((s) => s.start < seg.end && s.end > seg.start);
    const inAct = (tok: Token): boolean => spans.some((s) => tok.start >= s.start && tok.start < s.end);
    const acts = [...new Set(spans.map((s) => ACT_NAMES[s.act]))];
    return { ...seg, tokens: own, checked: spans.length === 0 ? own : own.filter((tok) => !inAct(tok)), acts };
  });
  return { claims, total: segments.length };
}

function evidenceDocs(record: AnalyzerRecord, claims: TextSegment[], params: GroundingParams, ctx: AnalyzerContext): EvidenceDoc[] {
  const docs: EvidenceDoc[] = [];
  if (params.sources.includes('context')) {
    record.contexts.forEach((text, i) => {
      if (typeof text === 'string' && /[\p{L}\p{N}]/u.test(text)) docs.push({ source: 'context', ref: String(i), text });
    });
  }
  if (params.sources.includes('kb') && ctx.searchKb) {
    const seen = new Set<string>();
    for (const claim of claims.slice(0, params.maxKbQueries)) {
      for (const hit of ctx.searchKb(claim.text, params.kbTopK)) {
        if (seen.has(hit.ref)) continue;
        seen.add(hit.ref);
        docs.push({ source: 'kb', ref: hit.ref, text: hit.text, ...(hit.name ? { name: hit.name } : {}) });
      }
    }
  }
  return docs;
}

function labelOf(analysis: ClaimAnalysis, support: number, cut: number): ClaimLabel {
  if (support >= cut) return 'supported';
  return analysis.contradicted ? 'contradicted' : 'unsupported';
}

function relationOf(label: ClaimLabel, analysis: ClaimAnalysis): ClaimEvidence['relation'] {
  if (label === 'contradicted' && analysis.contradicted) return 'contradicts';
  return label === 'supported' ? 'supports' : 'related';
}

interface QuestionKeys {
  /** Keys the answer may repeat freely (all question words, when `questionIsGiven`). */
  given: ReadonlySet<string>;
  /** Every question key: a name the user asked about is not a name the answer made up. */
  asked: ReadonlySet<string>;
}

/** Claim results with support on the model's scale; `cut` is the record shape's flag cut-off on that scale. */
function checkClaims(claims: Claim[], output: string, index: EvidenceIndex, question: QuestionKeys, model: LogisticModel, cut: number): ClaimResult[] {
  const isName = nameDetector(claims, output);
  return claims.map((claim) => {
    const analysis = analyzeClaim(claim.checked, index, { ...question, text: output, isName });
    const sentence = analysis.best >= 0 ? index.sentences[analysis.best] : undefined;
    const doc = sentence ? index.docs[sentence.doc] : undefined;
    const quote = sentence && doc
      ? { source: doc.source, ref: doc.ref, ...(doc.name ? { name: doc.name } : {}), start: sentence.start, end: sentence.end, text: doc.text.slice(sentence.start, sentence.end) }
      : null;
    const base = { text: claim.text, start: claim.start, end: claim.end, words: analysis.checkable };
    if (analysis.checkable === 0) {
      const reason = claim.acts.length > 0 ? claim.acts.join('; ') : 'no content words';
      const evidence = quote && { ...quote, relation: 'related' as const };
      return { ...base, evidence, checkable: false, reason, support: null, label: 'not-checkable', failed: [], features: null };
    }
    // Only the record's own context can overrule a claim outright (a KB chunk may describe another product): a
    // number or name it states otherwise, or a negation or opposite of the sentence the claim restates.
    const conflict = doc?.source === 'context' && (analysis.conflicts.length > 0 || analysis.contradicted);
    const modelled = claimSupport(analysis.features, model);
    const support = conflict ? Math.min(modelled, cut * CONFLICT_SUPPORT_SHARE) : modelled;
    const label: ClaimLabel = conflict ? 'contradicted' : labelOf(analysis, support, cut);
    const evidence = quote && { ...quote, relation: relationOf(label, analysis) };
    return { ...base, evidence, checkable: true, support, label, failed: label === 'supported' ? [] : analysis.issues, features: analysis.features };
  });
}

export function analyzeGrounding(record: AnalyzerRecord, params: GroundingParams, ctx: AnalyzerContext): AnalyzerOutput {
  return analyzeGroundingWith(groundingModel, record, params, ctx);
}

/** The analysis with a given claim model: the trainer and the eval's cross-data-set rows pass their own. */
export function analyzeGroundingWith(
  model: LogisticModel,
  record: AnalyzerRecord,
  params: GroundingParams,
  ctx: AnalyzerContext,
): AnalyzerOutput {
  const input = typeof record.input === 'string' ? record.input : '';
  const output = typeof record.output === 'string' ? record.output : '';
  const contexts = Array.isArray(record.contexts) ? record.contexts : [];
  const skip = outputNotApplicable(output);
  if (skip) return notApplicable(skip, input, output, []);
  // Tool-call lines between prose are blanked, not cut, so claim offsets still point into the output.
  const { claims, total } = claimsOf(maskToolCalls(output).text, params.maxClaims);
  const notes: string[] = total > claims.length ? [`checked the first ${claims.length} of ${total} claims`] : [];
  // KB look-ups are spent on claims with something to check, not on "Happy to help!".
  const worthLooking = claims.filter((c) => contentTokens(c.checked).length > 0);
  if (worthLooking.length === 0) return notApplicable('no-claims', input, output, notes, claims);
  const questionKeys = new Set(contentTokens(tokenize(maskMarkup(input.slice(-20_000)))).map(tokenKey));
  const given = params.questionIsGiven ? questionKeys : new Set<string>();
  const limits = { maxCharsPerDoc: params.maxEvidenceChars, maxSentences: params.maxEvidenceSentences };
  // Support stays on the model's scale until the end, where it is calibrated for the record's shape.
  const cut = model.shapeCuts?.[recordShape({ input, output, contexts })] ?? thresholds.grounding;
  const check = (index: EvidenceIndex) => ({ index, results: checkClaims(claims, output, index, { given, asked: questionKeys }, model, cut) });
  const contextDocs = evidenceDocs({ ...record, contexts }, [], { ...params, sources: params.sources.filter((s) => s === 'context') }, ctx);
  const fromContexts = contextDocs.length ? check(buildEvidenceIndex(contextDocs, limits)) : undefined;
  let checked = fromContexts;
  if (params.sources.includes('kb') && ctx.searchKb) {
    const unsupported = new Set(fromContexts?.results.filter((r) => r.checkable && (r.support ?? 1) < cut).map((r) => r.start) ?? []);
    const lookFor = params.kbLookup === 'always' || !fromContexts ? worthLooking : worthLooking.filter((c) => unsupported.has(c.start));
    const kbDocs = lookFor.length ? evidenceDocs({ ...record, contexts: [] }, lookFor, { ...params, sources: ['kb'] }, ctx) : [];
    // Every claim is checked again: KB sentences change which evidence is best and how rare each word is.
    if (kbDocs.length) {
      const withKb = check(fromContexts ? extendEvidenceIndex(fromContexts.index, kbDocs, limits) : buildEvidenceIndex(kbDocs, limits));
      checked = fromContexts ? { index: withKb.index, results: preferOwnContexts(fromContexts.results, withKb.results) } : withKb;
    }
  }
  if (!checked) return notApplicable('no-evidence', input, output, notes);
  const { index } = checked;
  notes.push(...index.notes);
  const aggregated = aggregateSupport(
    checked.results.map((r) => ({ support: r.support ?? 1, weight: r.checkable ? r.words : 0 })),
    params.aggregation,
  );
  // A number or name its own context states otherwise caps the answer: a long answer must not average a wrong
  // return window away. A negation or antonym conflict only holds its own claim down (see capsRecord).
  const contradicted = checked.results.filter(capsRecord);
  const grounding = calibrateSupport(Math.min(aggregated, ...contradicted.map((r) => r.support ?? 1)), cut);
  const results = checked.results.map((r) => (r.support === null ? r : { ...r, support: calibrateSupport(r.support, cut) }));
  const relevance = contextRelevance(input, index);
  const answer_relevance = answerRelevance(input, output, index);
  const spans: Span[] = results
    .filter((r) => r.label === 'unsupported' || r.label === 'contradicted')
    .map((r) => ({ field: 'output', start: r.start, end: r.end, label: r.label, score: 1 - (r.support ?? 1) }));
  return {
    scores: { grounding, answer_relevance, context_relevance: relevance.score },
    spans,
    explanation: describe(results, grounding),
    details: { claims: results, contexts: relevance.perContext, aggregation: params.aggregation, notes },
  };
}

/**
 * Whether a contradicted claim caps the record's grounding. Slot conflicts (a number or name the own context states
 * otherwise) do: they were right in 98-100% of the records they fired on, on every dev family. Negation and
 * antonym conflicts were right in 87% of summaries and 37% of long-form answers (paraphrased negations), so they
 * hold their claim below the cut-off and weigh in the soft minimum like any weak claim: alone, or in a short
 * answer, they flag it; one among many claims of a long summary does not sink it.
 */
export function capsRecord(r: Pick<ClaimResult, 'label' | 'evidence' | 'failed'>): boolean {
  return r.label === 'contradicted' && r.evidence?.relation === 'contradicts'
    && r.failed.some((f) => f.kind === 'number-conflict' || f.kind === 'entity-conflict');
}

/**
 * The record's own contexts come first: a claim they support, or contradict, keeps that verdict and that
 * evidence; a KB chunk only replaces the context result where it supports the claim better.
 */
function preferOwnContexts(own: readonly ClaimResult[], withKb: readonly ClaimResult[]): ClaimResult[] {
  return withKb.map((kb, i) => {
    const mine = own[i]!;
    if (!mine.checkable || mine.label === 'supported' || mine.evidence?.relation === 'contradicts') return mine;
    return (kb.support ?? 0) > (mine.support ?? 0) ? kb : mine;
  });
}

/** Grounding null with the reason, so a tool call or a refusal is never read as a 0.00 hallucination. */
function notApplicable(why: NotApplicable, input: string, output: string, notes: string[], claims: readonly ClaimResult[] | readonly Claim[] = []): AnalyzerOutput {
  const shown = claims.map((c) => ('label' in c ? c : {
    text: c.text, start: c.start, end: c.end, support: null, checkable: false, reason: c.acts.join('; ') || 'no content words',
    words: 0, label: 'not-checkable' as const, failed: [], features: null, evidence: null,
  }));
  return {
    scores: { grounding: null, answer_relevance: answerRelevance(input, output), context_relevance: null },
    spans: [],
    explanation: NOT_APPLICABLE_TEXT[why],
    details: { claims: shown, notApplicable: why, notes },
  };
}
