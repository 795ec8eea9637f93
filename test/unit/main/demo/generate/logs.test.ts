import { describe, expect, it } from 'vitest';
import { RecordInput } from '../../../../../shared/contract/record-input';
import { INJECTION_ATTEMPTS } from '../../../../../main/demo/generate/injections';
import { KB_CHUNKS } from '../../../../../main/demo/generate/kb/index';
import { generateLogs } from '../../../../../main/demo/generate/logs';
import { ibanValid, luhnValid } from '../../../../../shared/util/checksums';

const logs = generateLogs(42);
const meta = (r: (typeof logs)[number]) => (r.metadata ?? {}) as Record<string, unknown>;
const labelOf = (r: (typeof logs)[number]) => String(meta(r).demo_label);
const chunkTexts = new Set(KB_CHUNKS.map((c) => c.text));

describe('demo support-bot logs', () => {
  it('has about 2,000 records, every one a valid RecordInput with a unique conv- id', () => {
    expect(logs.length).toBeGreaterThanOrEqual(1900);
    expect(logs.length).toBeLessThanOrEqual(2100);
    for (const r of logs) expect(() => RecordInput.parse(r)).not.toThrow();
    const ids = logs.map((r) => String(r.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^conv-\d{6}$/);
  });

  it('spans 8 weeks ending 2026-11-20, in time order, busier on weekdays', () => {
    const times = logs.map((r) => Date.parse(String(r.timestamp)));
    for (let i = 1; i < times.length; i++) expect(times[i]).toBeGreaterThanOrEqual(times[i - 1] ?? 0);
    expect(Math.min(...times)).toBeGreaterThanOrEqual(Date.UTC(2026, 8, 26));
    expect(Math.max(...times)).toBeLessThan(Date.UTC(2026, 10, 21));
    expect(String(logs.at(-1)?.timestamp).slice(0, 10)).toBe('2026-11-20');
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThan(54 * 86_400_000);
    const perWeekday = new Array<number>(7).fill(0);
    for (const t of times) perWeekday[new Date(t).getUTCDay()] = (perWeekday[new Date(t).getUTCDay()] ?? 0) + 1;
    const [sun = 0, mon = 0, tue = 0, wed = 0] = perWeekday;
    expect((mon + tue + wed) / 3).toBeGreaterThan(sun);
  });

  it('covers both models and all three prompt versions, rolled out in order', () => {
    const combos = new Map<string, number>();
    for (const r of logs) combos.set(`${r.model}|${r.model_version}|${r.prompt_version}`, (combos.get(`${r.model}|${r.model_version}|${r.prompt_version}`) ?? 0) + 1);
    for (const model of ['gpt-4o-mini|2024-07-18', 'claude-3-5-haiku|20241022']) {
      for (const pv of ['v1.2', 'v1.3', 'v1.4']) expect(combos.get(`${model}|${pv}`) ?? 0, `${model} ${pv}`).toBeGreaterThan(50);
    }
    expect(combos.size).toBe(6);
    const firstSeen = (pv: string) => logs.find((r) => r.prompt_version === pv)?.timestamp ?? '';
    expect(firstSeen('v1.2') < firstSeen('v1.3')).toBe(true);
    expect(firstSeen('v1.3') < firstSeen('v1.4')).toBe(true);
    expect(new Set(logs.map((r) => r.prompt_id))).toEqual(new Set(['support-answer']));
  });

  it('logs one prompt template per prompt version, so each version label becomes a prompt asset with its text', () => {
    const byVersion = new Map<string, Set<string>>();
    for (const r of logs) byVersion.set(r.prompt_version!, (byVersion.get(r.prompt_version!) ?? new Set()).add(r.prompt_template));
    expect([...byVersion.keys()].sort()).toEqual(['v1.2', 'v1.3', 'v1.4']);
    for (const templates of byVersion.values()) expect(templates.size).toBe(1);
    const [v12, v13, v14] = ['v1.2', 'v1.3', 'v1.4'].map((v) => [...byVersion.get(v)!][0]!);
    expect(new Set([v12, v13, v14]).size).toBe(3);
    expect(v14).toContain('Source:');
  });

  it('mixes ground-truth labels in the stated proportions', () => {
    const share = (label: string) => logs.filter((r) => labelOf(r) === label).length / logs.length;
    expect(share('grounded')).toBeGreaterThan(0.7);
    expect(share('grounded')).toBeLessThan(0.8);
    expect(share('unsupported')).toBeGreaterThan(0.055);
    expect(share('unsupported')).toBeLessThan(0.105);
    expect(share('contradicted')).toBeGreaterThan(0.025);
    expect(share('contradicted')).toBeLessThan(0.06);
    for (const label of ['toxic', 'pii', 'injection']) {
      expect(share(label), label).toBeGreaterThan(0.02);
      expect(share(label), label).toBeLessThan(0.06);
    }
    expect(share('indirect_injection')).toBeGreaterThan(0.004);
    expect(share('indirect_injection')).toBeLessThan(0.02);
  });

  it('grounds the newest prompt better than the oldest', () => {
    const rate = (pv: string) => {
      const rows = logs.filter((r) => r.prompt_version === pv);
      return rows.filter((r) => labelOf(r) === 'unsupported' || labelOf(r) === 'contradicted').length / rows.length;
    };
    expect(rate('v1.4')).toBeLessThan(rate('v1.2'));
  });

  it('retrieves 2 to 4 contexts taken from the knowledge base, except the planted indirect injection', () => {
    for (const r of logs) {
      const contexts = r.contexts ?? [];
      expect(contexts.length).toBeGreaterThanOrEqual(2);
      expect(contexts.length).toBeLessThanOrEqual(4);
      expect((meta(r).context_doc_ids as string[]).length).toBe(contexts.length);
      const poisoned = labelOf(r) === 'indirect_injection' ? Number(meta(r).demo_injected_context) : -1;
      contexts.forEach((text, i) => {
        if (i === poisoned) {
          expect(chunkTexts.has(text)).toBe(false);
          expect([...chunkTexts].some((chunk) => text.startsWith(chunk))).toBe(true);
        } else {
          expect(chunkTexts.has(text), `${String(r.id)} context ${i}`).toBe(true);
        }
      });
    }
  });

  it('puts valid card numbers and IBANs into the PII records that claim them', () => {
    const pii = logs.filter((r) => labelOf(r) === 'pii');
    let cards = 0;
    let ibans = 0;
    for (const r of pii) {
      const text = `${r.input}\n${r.output}`;
      const types = meta(r).demo_pii_types as string[];
      if (types.includes('credit_card')) {
        const found = text.match(/\b(?:\d{4}[ -]\d{4}[ -]\d{4}[ -]\d{4}|\d{4}[ -]\d{6}[ -]\d{5}|\d{15,16})\b/g) ?? [];
        expect(found.length, String(r.id)).toBeGreaterThan(0);
        for (const card of found) expect(luhnValid(card.replace(/[ -]/g, '')), card).toBe(true);
        cards += found.length;
      }
      if (types.includes('iban')) {
        const found = text.match(/\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){3,7}(?: ?[A-Z0-9]{1,3})?\b/gi) ?? [];
        expect(found.length, String(r.id)).toBeGreaterThan(0);
        for (const value of found) expect(ibanValid(value), value).toBe(true);
        ibans += found.length;
      }
    }
    expect(cards).toBeGreaterThan(3);
    expect(ibans).toBeGreaterThan(3);
  });

  it('puts a known attack in every injection input, and harmless look-alikes among grounded records', () => {
    const fragments = INJECTION_ATTEMPTS.map((a) => a.input.split(/\{q\}|\{order\}/).map((f) => f.trim()).filter((f) => f.length > 10));
    for (const r of logs.filter((x) => labelOf(x) === 'injection')) {
      expect(fragments.some((parts) => parts.every((f) => r.input.includes(f))), String(r.id)).toBe(true);
    }
    const lookAlikes = logs.filter((r) => meta(r).demo_hard_negative === true);
    expect(lookAlikes.length).toBeGreaterThan(20);
    for (const r of lookAlikes) expect(labelOf(r)).toBe('grounded');
    const trigger = /ignore|disregard|system settings|instructions|override|pretend|act as|forget/i;
    expect(lookAlikes.filter((r) => trigger.test(r.input)).length).toBeGreaterThan(lookAlikes.length / 2);
  });

  it('counts tokens at about four characters each and prices them per model', () => {
    const price = { 'gpt-4o-mini': [0.15, 0.6], 'claude-3-5-haiku': [0.8, 4] } as const;
    for (const r of logs) {
      const contextChars = (r.contexts ?? []).reduce((n, c) => n + c.length, 0);
      expect(r.tokens_out ?? 0).toBeGreaterThanOrEqual(Math.floor((r.output.length / 4) * 0.9));
      expect(r.tokens_out ?? 0).toBeLessThanOrEqual(Math.ceil((r.output.length / 4) * 1.1) + 1);
      expect(r.tokens_in ?? 0).toBeGreaterThan(((r.input.length + contextChars) / 4) * 0.9);
      const [pin, pout] = price[r.model as keyof typeof price];
      expect(r.cost).toBeCloseTo(((r.tokens_in ?? 0) * pin + (r.tokens_out ?? 0) * pout) / 1e6, 8);
    }
    const median = (model: string) => {
      const v = logs.filter((r) => r.model === model).map((r) => r.latency_ms ?? 0).sort((a, b) => a - b);
      return v[Math.floor(v.length / 2)] ?? 0;
    };
    expect(median('claude-3-5-haiku')).toBeGreaterThan(median('gpt-4o-mini'));
  });

  it('keeps a session on one model, prompt version and channel, with numbered turns', () => {
    const sessions = new Map<string, (typeof logs)[number][]>();
    for (const r of logs) sessions.set(String(meta(r).session_id), [...(sessions.get(String(meta(r).session_id)) ?? []), r]);
    expect(sessions.size).toBeLessThan(logs.length);
    for (const turns of sessions.values()) {
      expect(new Set(turns.map((t) => `${t.model}|${t.prompt_version}|${String(meta(t).channel)}`)).size).toBe(1);
      expect(turns.map((t) => meta(t).turn)).toEqual(turns.map((_, i) => i + 1));
    }
  });
});
