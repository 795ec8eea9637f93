// Benign chatbot text for toxicity: HaluEval's general set (Alpaca user queries + ChatGPT responses, MIT).
// Even IDs may be used as extra non-toxic training windows (scripts/train-toxicity.ts); odd IDs are only
// ever scored, to measure how often ordinary assistant text is flagged.
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';

export interface BenignChat {
  id: number;
  query: string;
  response: string;
  split: 'train' | 'heldout';
}

export function loadBenignChat(evaldataDir: string): BenignChat[] | null {
  const file = path.join(evaldataDir, 'halueval', 'general_data.json');
  if (!existsSync(file)) return null;
  const out: BenignChat[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const row = JSON.parse(line) as { ID?: unknown; user_query?: unknown; chatgpt_response?: unknown };
    const id = Number(row.ID);
    if (!Number.isInteger(id) || typeof row.user_query !== 'string' || typeof row.chatgpt_response !== 'string') continue;
    out.push({ id, query: row.user_query, response: row.chatgpt_response, split: id % 2 === 0 ? 'train' : 'heldout' });
  }
  return out;
}
