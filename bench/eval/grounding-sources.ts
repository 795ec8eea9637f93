// Grounding dev sources beyond HaluEval QA and BEGIN: long-form RAG answers judged sentence by sentence against
// their retrieved documents (LFQA-Verification) and edited summaries judged against their documents (SummEdits),
// each tagged with its task family, so evaluation can leave one source or one family out.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Loaded, LabeledRecord } from './grounding.eval';

/** Task families the grounding analyzer must hold up on; every dev source belongs to one. */
export type TaskFamily = 'qa' | 'dialogue' | 'long-form-qa' | 'summaries';

/** The family of a dev source, from its dataset name. */
export function taskFamily(dataset: string): TaskFamily {
  if (dataset.startsWith('halueval-qa')) return 'qa';
  if (dataset.startsWith('begin-')) return 'dialogue';
  if (dataset.startsWith('lfqa-')) return 'long-form-qa';
  if (dataset.startsWith('summedits-')) return 'summaries';
  throw new Error(`no task family for dev source ${dataset}`);
}

const LFQA_SETTINGS = ['webgpt', 'gpt3_wdoc', 'gpt3_whudoc', 'alpaca_wdoc', 'gpt3', 'alpaca'] as const;

interface LfqaDocs { question_id: number; docs: { doc_id: string; title: string; text: string }[] }
interface LfqaAnswer { question_id: number; question: string; annotations: { answer: string; labels: string[] }[] }

/**
 * LFQA-Verification: each answer sentence is one record, checked against the question's WebGPT documents (the
 * pairing the paper's automatic evaluation uses; `gpt3_whudoc` was written from other documents, so it is left
 * out). Majority label: supported = faithful, not_supported = hallucinated; "partially" and ties are left out.
 * Grouped by question, so a question's sentences never straddle a split.
 */
export function loadLfqa(evaldata: string): Loaded {
  const base = path.join(evaldata, 'lfqa-verification');
  const docsFile = path.join(base, 'docs', 'docs-webgpt.json');
  if (!existsSync(docsFile)) return { records: [], skipped: [`lfqa-verification: ${docsFile} not found`] };
  const docs = new Map((JSON.parse(readFileSync(docsFile, 'utf8')) as LfqaDocs[]).map((d) => [d.question_id, d.docs.map((x) => `${x.title}\n${x.text}`)]));
  const records: LabeledRecord[] = [];
  const skipped: string[] = ['lfqa-gpt3_whudoc: answers written from other documents than the WebGPT ones they would be judged against'];
  for (const setting of LFQA_SETTINGS.filter((s) => s !== 'gpt3_whudoc')) {
    const file = path.join(base, 'annotations', `annotations-${setting}.json`);
    if (!existsSync(file)) {
      skipped.push(`lfqa-${setting}: ${file} not found`);
      continue;
    }
    for (const answer of JSON.parse(readFileSync(file, 'utf8')) as LfqaAnswer[]) {
      const contexts = docs.get(answer.question_id);
      if (!contexts) continue;
      for (const a of answer.annotations) {
        const supported = a.labels.filter((l) => l === 'supported').length;
        const unsupported = a.labels.filter((l) => l === 'not_supported').length;
        if (supported < 2 && unsupported < 2) continue;
        records.push({
          dataset: `lfqa-${setting}`, group: `lfqa:${answer.question_id}`,
          record: { input: answer.question, output: a.answer.trim(), contexts }, hallucinated: unsupported >= 2,
        });
      }
    }
  }
  return { records, skipped };
}

const SUMMEDITS_DOMAINS = ['ectsum', 'news', 'podcast', 'qmsumm', 'sales_call', 'sales_email', 'samsum', 'scitldr'] as const;

interface SummEdit { doc: string; summary: string; label: string | number }

/** SummEdits: summary vs its document, 1 consistent / 0 inconsistent; grouped by document (its seed and edits). */
export function loadSummEdits(evaldata: string): Loaded {
  const records: LabeledRecord[] = [];
  const skipped: string[] = [];
  for (const domain of SUMMEDITS_DOMAINS) {
    const file = path.join(evaldata, 'summedits', `summedits_${domain}.json`);
    if (!existsSync(file)) {
      skipped.push(`summedits-${domain}: ${file} not found`);
      continue;
    }
    for (const row of JSON.parse(readFileSync(file, 'utf8')) as SummEdit[]) {
      const label = String(row.label);
      if (label !== '0' && label !== '1') continue;
      records.push({
        dataset: `summedits-${domain}`, group: `summedits:${domain}:${row.doc.slice(0, 200)}`,
        record: { input: 'Summarize the document.', output: row.summary, contexts: [row.doc] }, hallucinated: label === '0',
      });
    }
  }
  return { records, skipped };
}
