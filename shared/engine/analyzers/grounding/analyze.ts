import type { AnalyzerContext, AnalyzerOutput, AnalyzerRecord, Span } from '../../analyzer';
import { thresholds } from '../../thresholds';
import { maskMarkup, splitClaims, type ClaimSegment, type TextSegment } from '../../../text/sentences';
import { contentTokens, tokenize, type Token } from '../../../text/tokenize';
import { aggregateSupport } from './aggregate';
import { analyzeClaim, type ClaimAnalysis } from './claim-features';
import { ACT_NAMES, discourseSpans, type DiscourseSpan } from './discourse';
import { buildEvidenceIndex, extendEvidenceIndex, tokenKey, type EvidenceDoc, type EvidenceIndex } from './evidence';
import { describe } from './explain';
import { claimSupport, type LogisticModel } from './model';
import { nameDetector } from './names';
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
  evidence: { source: 'context' | 'kb'; ref: string; start: number; end: number; text: string } | null;
}

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
  const segments = splitClaims(output);
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
        docs.push({ source: 'kb', ref: hit.ref, text: hit.text });
      }
    }
  }
  return docs;
}

function labelOf(analysis: ClaimAnalysis, support: number): ClaimLabel {
  if (support >= thresholds.grounding) return 'supported';
  return analysis.contradicted ? 'contradicted' : 'unsupported';
}

interface QuestionKeys {
  /** Keys the answer may repeat freely (all question words, when `questionIsGiven`). */
  given: ReadonlySet<string>;
  /** Every question key: a name the user asked about is not a name the answer made up. */
  asked: ReadonlySet<string>;
}

function checkClaims(claims: Claim[], output: string, index: EvidenceIndex, question: QuestionKeys, model: LogisticModel): ClaimResult[] {
  const isName = nameDetector(claims, output);
  return claims.map((claim) => {
    const analysis = analyzeClaim(claim.checked, index, { ...question, text: output, isName });
    const sentence = analysis.best >= 0 ? index.sentences[analysis.best] : undefined;
    const doc = sentence ? index.docs[sentence.doc] : undefined;
    const evidence = sentence && doc
      ? { source: doc.source, ref: doc.ref, start: sentence.start, end: sentence.end, text: doc.text.slice(sentence.start, sentence.end) }
      : null;
    const base = { text: claim.text, start: claim.start, end: claim.end, words: analysis.checkable, evidence };
    if (analysis.checkable === 0) {
      const reason = claim.acts.length > 0 ? claim.acts.join('; ') : 'no content words';
      return { ...base, checkable: false, reason, support: null, label: 'not-checkable', failed: [], features: null };
    }
    const support = claimSupport(analysis.features, model);
    const label = labelOf(analysis, support);
    return { ...base, checkable: true, support, label, failed: label === 'supported' ? [] : analysis.issues, features: analysis.features };
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
  const { claims, total } = claimsOf(output, params.maxClaims);
  const notes: string[] = total > claims.length ? [`checked the first ${claims.length} of ${total} claims`] : [];
  // KB look-ups are spent on claims with something to check, not on "Happy to help!".
  const worthLooking = claims.filter((c) => contentTokens(c.checked).length > 0);
  const questionKeys = new Set(contentTokens(tokenize(maskMarkup(input.slice(-20_000)))).map(tokenKey));
  const given = params.questionIsGiven ? questionKeys : new Set<string>();
  const limits = { maxCharsPerDoc: params.maxEvidenceChars, maxSentences: params.maxEvidenceSentences };
  const check = (index: EvidenceIndex) => ({ index, results: checkClaims(claims, output, index, { given, asked: questionKeys }, model) });
  const contextDocs = evidenceDocs({ ...record, contexts }, [], { ...params, sources: params.sources.filter((s) => s === 'context') }, ctx);
  let checked = contextDocs.length ? check(buildEvidenceIndex(contextDocs, limits)) : undefined;
  if (params.sources.includes('kb') && ctx.searchKb) {
    const unsupported = new Set(checked?.results.filter((r) => r.checkable && (r.support ?? 1) < thresholds.grounding).map((r) => r.start) ?? []);
    const lookFor = params.kbLookup === 'always' || !checked ? worthLooking : worthLooking.filter((c) => unsupported.has(c.start));
    const kbDocs = lookFor.length ? evidenceDocs({ ...record, contexts: [] }, lookFor, { ...params, sources: ['kb'] }, ctx) : [];
    // Every claim is checked again: KB sentences change which evidence is best and how rare each word is.
    if (kbDocs.length) checked = check(checked ? extendEvidenceIndex(checked.index, kbDocs, limits) : buildEvidenceIndex(kbDocs, limits));
  }
  if (!checked) {
    return {
      scores: { grounding: null, answer_relevance: answerRelevance(input, output), context_relevance: null },
      spans: [],
      explanation: 'No contexts or knowledge-base evidence to check the answer against.',
      details: { claims: [], notes },
    };
  }
  const { index, results } = checked;
  notes.push(...index.notes);
  const grounding = aggregateSupport(
    results.map((r) => ({ support: r.support ?? 1, weight: r.checkable ? r.words : 0 })),
    params.aggregation,
  );
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
