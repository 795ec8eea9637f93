import { describe, expect, it } from 'vitest';
import { CREDIT_COLUMNS, DECISION_THRESHOLD, generateCredit, type CreditRow } from '../../../../../main/demo/generate/credit';

const { reference, current } = generateCredit(42);
const mean = (rows: CreditRow[], f: (r: CreditRow) => number) => rows.reduce((n, r) => n + f(r), 0) / rows.length;
const sd = (rows: CreditRow[], f: (r: CreditRow) => number) => {
  const m = mean(rows, f);
  return Math.sqrt(mean(rows, (r) => (f(r) - m) ** 2));
};
const share = (rows: CreditRow[], f: (r: CreditRow) => boolean) => rows.filter(f).length / rows.length;

/** Rank-based ROC AUC of score against label. */
function auc(rows: CreditRow[]): number {
  const sorted = [...rows].sort((a, b) => a.score - b.score);
  let rankSum = 0;
  let positives = 0;
  sorted.forEach((r, i) => {
    if (r.label === 1) {
      rankSum += i + 1;
      positives++;
    }
  });
  const negatives = rows.length - positives;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

describe('demo credit-risk data', () => {
  it('has about 5,000 rows per window with 12 features, score, prediction, label and timestamp', () => {
    expect(reference.length).toBe(5000);
    expect(current.length).toBe(5000);
    expect(CREDIT_COLUMNS.length).toBe(16);
    for (const r of [...reference, ...current]) {
      expect(r.score).toBeGreaterThanOrEqual(0);
      expect(r.score).toBeLessThanOrEqual(1);
      expect(r.prediction).toBe(r.score >= DECISION_THRESHOLD ? 1 : 0);
      expect([0, 1]).toContain(r.label);
    }
  });

  it('puts the reference window before the current one, each in time order', () => {
    expect(reference.at(-1)?.timestamp ?? '').toBeTruthy();
    expect((reference.at(-1)?.timestamp ?? '') < (current[0]?.timestamp ?? '')).toBe(true);
    for (const rows of [reference, current]) for (let i = 1; i < rows.length; i++) expect((rows[i]?.timestamp ?? '') >= (rows[i - 1]?.timestamp ?? '')).toBe(true);
  });

  it('drifts income, credit-score spread and purpose mix', () => {
    expect(mean(current, (r) => r.income) / mean(reference, (r) => r.income)).toBeGreaterThan(1.05);
    expect(sd(current, (r) => r.credit_score) / sd(reference, (r) => r.credit_score)).toBeGreaterThan(1.2);
    expect(share(current, (r) => r.purpose === 'small_business') - share(reference, (r) => r.purpose === 'small_business')).toBeGreaterThan(0.03);
    expect(share(current, (r) => r.purpose === 'debt_consolidation') - share(reference, (r) => r.purpose === 'debt_consolidation')).toBeGreaterThan(0.03);
  });

  it('leaves age, region, term and open accounts where they were', () => {
    expect(Math.abs(mean(current, (r) => r.age) - mean(reference, (r) => r.age))).toBeLessThan(1);
    expect(Math.abs(mean(current, (r) => r.num_open_accounts) - mean(reference, (r) => r.num_open_accounts))).toBeLessThan(0.2);
    expect(Math.abs(mean(current, (r) => r.loan_term_months) - mean(reference, (r) => r.loan_term_months))).toBeLessThan(1.5);
    for (const region of ['northeast', 'midwest', 'south', 'west']) {
      expect(Math.abs(share(current, (r) => r.region === region) - share(reference, (r) => r.region === region)), region).toBeLessThan(0.03);
    }
  });

  it('leaves a small share of employment years and home ownership missing', () => {
    for (const rows of [reference, current]) {
      const missingYears = share(rows, (r) => r.employment_years === null);
      expect(missingYears).toBeGreaterThan(0.02);
      expect(missingYears).toBeLessThan(0.1);
      expect(share(rows, (r) => r.home_ownership === null)).toBeGreaterThan(0.005);
      expect(share(rows, (r) => r.home_ownership === null)).toBeLessThan(0.03);
    }
  });

  it('ranks risk with AUC near 0.8 on the reference, and somewhat worse on the current window', () => {
    const ref = auc(reference);
    const cur = auc(current);
    expect(ref).toBeGreaterThan(0.76);
    expect(ref).toBeLessThan(0.88);
    expect(cur).toBeLessThan(ref - 0.02);
    expect(cur).toBeGreaterThan(0.65);
  });
});
