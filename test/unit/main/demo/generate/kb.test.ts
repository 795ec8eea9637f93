import { describe, expect, it } from 'vitest';
import { CHUNK_BY_ID, FACT_BY_ID, KB_DOCS, QA_FACTS, TRICKY_QUESTIONS } from '../../../../../main/demo/generate/kb/index';

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

describe('demo knowledge base', () => {
  it('has 40 to 50 documents of 150 to 600 words, each opening with its title', () => {
    expect(KB_DOCS.length).toBeGreaterThanOrEqual(40);
    expect(KB_DOCS.length).toBeLessThanOrEqual(50);
    for (const doc of KB_DOCS) {
      expect(doc.text.split('\n')[0], doc.id).toBe(`# ${doc.title}`);
      expect(words(doc.text), doc.id).toBeGreaterThanOrEqual(150);
      expect(words(doc.text), doc.id).toBeLessThanOrEqual(600);
    }
  });

  it('uses unique, file-safe document ids', () => {
    const ids = KB_DOCS.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^kb-[a-z0-9-]+$/);
  });

  it('builds every chunk verbatim from its document', () => {
    for (const doc of KB_DOCS) for (const chunk of doc.chunks) expect(doc.text.includes(chunk.text), chunk.id).toBe(true);
  });

  it('states each fact in the chunk it cites, and the contradiction says otherwise', () => {
    expect(QA_FACTS.length).toBeGreaterThan(100);
    for (const fact of QA_FACTS) {
      const chunk = CHUNK_BY_ID.get(fact.chunkId);
      expect(chunk, fact.id).toBeDefined();
      expect(chunk?.text.includes(fact.key), `${fact.id} key in chunk`).toBe(true);
      expect(fact.answer.includes(fact.key), `${fact.id} key in answer`).toBe(true);
      expect(fact.contradiction.includes(fact.key), `${fact.id} key in contradiction`).toBe(false);
      expect(fact.questions.length, fact.id).toBeGreaterThanOrEqual(2);
    }
  });

  it('has unique fact ids and hard-negative questions that point at real facts', () => {
    expect(FACT_BY_ID.size).toBe(QA_FACTS.length);
    for (const q of TRICKY_QUESTIONS) expect(FACT_BY_ID.has(q.factId), q.factId).toBe(true);
  });
});
