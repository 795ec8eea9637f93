import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { splitSentences } from '../../shared/text/sentences';

/**
 * Real texts for the HNSW bench, read at run time from ../shared/evaldata (never copied into the repo): LLM
 * answers and questions (HaluEval), Wikipedia knowledge (HaluEval QA, BEGIN), tweets (Davidson), prompts
 * (jailbreak, NotInject, WildGuard) and synthetic PII sentences (Presidio). Long texts are split into sentences,
 * which is how a KB or a claim search sees them. Deduplicated, in a fixed order.
 */
export function loadRealTexts(evalDir: string): { texts: string[]; sources: string[] } | { skipped: string } {
  if (!existsSync(evalDir)) return { skipped: `${evalDir} not found` };
  const out = new Set<string>();
  const sources: string[] = [];
  const add = (text: unknown) => {
    if (typeof text !== 'string') return;
    const t = text.trim();
    if (t.length < 20) return;
    if (t.length <= 240) out.add(t);
    else for (const s of splitSentences(t)) if (s.text.length >= 20) out.add(s.text.slice(0, 1000));
  };
  const jsonLines = (file: string): Record<string, unknown>[] => readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Record<string, unknown>);
  const csv = (file: string): Record<string, string>[] => parse(readFileSync(file, 'utf8'), { columns: true, relax_quotes: true, relax_column_count: true, skip_empty_lines: true }) as Record<string, string>[];
  const tsv = (file: string): Record<string, string>[] => parse(readFileSync(file, 'utf8'), { columns: true, delimiter: '\t', quote: false, relax_column_count: true, skip_empty_lines: true }) as Record<string, string>[];
  const tryRead = (name: string, read: () => void) => {
    try {
      const before = out.size;
      read();
      sources.push(`${name} (${out.size - before})`);
    } catch (err) {
      sources.push(`${name} (unreadable: ${(err as Error).message.slice(0, 60)})`);
    }
  };
  const f = (...p: string[]) => path.join(evalDir, ...p);
  tryRead('halueval general', () => { for (const r of jsonLines(f('halueval', 'general_data.json'))) { add(r.user_query); add(r.chatgpt_response); } });
  tryRead('halueval qa', () => {
    for (const file of ['qa_one-turn_data.json', 'qa_multi-turn_data.json']) {
      for (const r of jsonLines(f('halueval', file))) { add(r.knowledge); add(r.question); add(r.hallucinated_answer); }
    }
  });
  tryRead('begin', () => {
    for (const [dir, file] of [['wow', 'begin_dev_wow.tsv'], ['cmu-dog', 'begin_dev_cmu.tsv'], ['topicalchat', 'begin_dev_tc.tsv']] as const) {
      for (const r of tsv(f('begin', dir, file))) { add(r.knowledge); add(r.message); add(r.response); }
    }
  });
  tryRead('davidson tweets', () => { for (const r of csv(f('davidson-hate-offensive', 'data', 'labeled_data.csv'))) add(r.tweet); });
  tryRead('jailbreak prompts', () => {
    for (const file of ['jailbreak_prompts_2023_12_25.csv', 'forbidden_question_set.csv']) {
      for (const r of csv(f('jailbreak-llms-inthewild', file))) add(r.prompt ?? r.question);
    }
  });
  tryRead('injecguard', () => {
    for (const file of ['NotInject_one.json', 'NotInject_two.json', 'NotInject_three.json', 'wildguard.json', 'valid.json']) {
      const rows = JSON.parse(readFileSync(f('injecguard-notinject', file), 'utf8')) as { prompt?: string }[];
      for (const r of rows) add(r.prompt);
    }
  });
  tryRead('presidio', () => {
    for (const r of JSON.parse(readFileSync(f('presidio-research-synth', 'synth_dataset_v2.dev.json'), 'utf8')) as { full_text?: string }[]) add(r.full_text);
  });
  return { texts: [...out], sources };
}
