import { randomStream, type RandomStream } from '../../../shared/util/rng';

/**
 * A credit-risk classifier's reference and current windows. Labels come from a latent logistic model; the
 * deployed model's score is a slightly misspecified copy of it. In the current window income rises, the
 * credit-score spread widens, the loan purpose mix shifts, employment data goes missing more often, and the
 * true risk of small-business and high-DTI loans grows, so the unchanged model does a little worse.
 */
export const CREDIT_COLUMNS = [
  'timestamp', 'age', 'income', 'loan_amount', 'loan_term_months', 'credit_score', 'debt_to_income', 'employment_years',
  'num_open_accounts', 'num_delinquencies', 'home_ownership', 'purpose', 'region', 'score', 'prediction', 'label',
] as const;
export type CreditColumn = (typeof CREDIT_COLUMNS)[number];

export interface CreditRow {
  timestamp: string;
  age: number;
  income: number;
  loan_amount: number;
  loan_term_months: number;
  credit_score: number;
  debt_to_income: number;
  employment_years: number | null;
  num_open_accounts: number;
  num_delinquencies: number;
  home_ownership: string | null;
  purpose: string;
  region: string;
  score: number;
  prediction: 0 | 1;
  label: 0 | 1;
}

/** Score at or above this is predicted to default. */
export const DECISION_THRESHOLD = 0.5;

interface WindowSpec {
  startMs: number;
  days: number;
  incomeMedian: number;
  incomeSigma: number;
  creditMean: number;
  creditSd: number;
  purposes: [string, number][];
  employmentMissing: number;
  /** Shifts of the true risk that the deployed model does not know about. */
  concept: { base: number; smallBusiness: number; dti: number; income: number; credit: number };
}

const REFERENCE: WindowSpec = {
  startMs: Date.UTC(2026, 3, 1),
  days: 91,
  incomeMedian: 56_000,
  incomeSigma: 0.45,
  creditMean: 695,
  creditSd: 55,
  purposes: [['debt_consolidation', 38], ['credit_card', 20], ['home_improvement', 12], ['car', 10], ['medical', 6], ['small_business', 5], ['other', 9]],
  employmentMissing: 0.04,
  concept: { base: 0, smallBusiness: 0, dti: 0, income: 0, credit: 0 },
};

const CURRENT: WindowSpec = {
  startMs: Date.UTC(2026, 8, 26),
  days: 56,
  incomeMedian: 61_500,
  incomeSigma: 0.5,
  creditMean: 684,
  creditSd: 76,
  purposes: [['debt_consolidation', 44], ['credit_card', 15], ['home_improvement', 8], ['car', 9], ['medical', 7], ['small_business', 10], ['other', 7]],
  employmentMissing: 0.07,
  concept: { base: 0, smallBusiness: 1.2, dti: 3, income: 0.4, credit: 0.014 },
};

const REGIONS: [string, number][] = [['northeast', 18], ['midwest', 21], ['south', 38], ['west', 23]];
const PURPOSE_RISK: Record<string, number> = { debt_consolidation: 0.2, credit_card: 0.1, home_improvement: -0.3, car: -0.2, medical: 0.45, small_business: 0.9, other: 0.1 };
const PURPOSE_SIZE: Record<string, number> = { debt_consolidation: 1, credit_card: 0.7, home_improvement: 1.4, car: 1.1, medical: 0.6, small_business: 1.8, other: 0.8 };
const HOME_RISK: Record<string, number> = { RENT: 0.3, MORTGAGE: 0, OWN: -0.25, OTHER: 0.2 };

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const round = (x: number, step: number) => Math.round(x / step) * step;

function poisson(rng: RandomStream, lambda: number): number {
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = rng.next();
  while (p > limit && k < 30) {
    k++;
    p *= rng.next();
  }
  return k;
}

function timestampIn(rng: RandomStream, spec: WindowSpec): number {
  for (;;) {
    const day = rng.int(0, spec.days - 1);
    const weekday = new Date(spec.startMs + day * 86_400_000).getUTCDay();
    // Applications arrive mostly on weekdays during US business hours (13:00 to 01:00 UTC).
    if ((weekday === 0 || weekday === 6) && rng.chance(0.65)) continue;
    const hourUtc = (13 + Math.floor(Math.abs(rng.normal(5, 3.5)))) % 24;
    return spec.startMs + day * 86_400_000 + hourUtc * 3_600_000 + rng.int(0, 3_599_999);
  }
}

function row(rng: RandomStream, spec: WindowSpec): CreditRow {
  const age = Math.round(clamp(rng.normal(41, 11), 21, 75));
  const income = round(clamp(spec.incomeMedian * Math.exp(0.012 * (age - 41) + spec.incomeSigma * rng.normal()), 12_000, 450_000), 100);
  const purpose = rng.weighted(spec.purposes);
  const loanAmount = round(clamp(11_000 * Math.sqrt(income / 56_000) * (PURPOSE_SIZE[purpose] ?? 1) * Math.exp(0.5 * rng.normal()), 1_000, 50_000), 250);
  const term = loanAmount > 20_000 ? rng.weighted([[36, 40], [60, 60]] as const) : rng.weighted([[12, 6], [24, 10], [36, 62], [60, 22]] as const);
  const creditScore = Math.round(clamp(rng.normal(spec.creditMean, spec.creditSd), 300, 850));
  const dti = Number(clamp(rng.normal(0.27, 0.09) + 0.08 * (loanAmount / income - 0.2), 0.01, 0.75).toFixed(3));
  const employmentTrue = Math.round(Math.min(age - 18, -7 * Math.log(1 - rng.next())));
  const ownWeight = clamp((age - 22) / 40, 0.05, 0.9);
  const home = rng.weighted([['RENT', 1 - ownWeight], ['MORTGAGE', ownWeight * 0.75], ['OWN', ownWeight * 0.25], ['OTHER', 0.04]] as const);
  const openAccounts = poisson(rng, clamp(5 + 0.05 * (age - 41), 1, 12));
  const delinquencies = poisson(rng, 0.3 * Math.exp(-(creditScore - 690) / 70));
  const region = rng.weighted(REGIONS);

  const known =
    -2.05 -
    0.021 * (creditScore - 690) +
    5 * (dti - 0.28) +
    0.55 * delinquencies -
    0.6 * Math.log(income / 56_000) +
    0.6 * Math.log(loanAmount / 11_000) +
    (term === 60 ? 0.35 : 0) -
    0.05 * (employmentTrue - 5) -
    0.015 * (age - 41) +
    (PURPOSE_RISK[purpose] ?? 0) +
    (HOME_RISK[home] ?? 0);
  const c = spec.concept;
  const truth = known + c.base + (purpose === 'small_business' ? c.smallBusiness : 0) + c.dti * Math.max(0, dti - 0.35) + c.income * Math.log(income / 56_000) + c.credit * (creditScore - 690);
  const label: 0 | 1 = rng.next() < sigmoid(truth) ? 1 : 0;
  // The deployed model saw the reference relationship through noisy features and shrunk coefficients.
  const score = Number(sigmoid(0.85 * known - 0.12 + rng.normal(0, 0.45)).toFixed(4));

  return {
    timestamp: '',
    age,
    income,
    loan_amount: loanAmount,
    loan_term_months: term,
    credit_score: creditScore,
    debt_to_income: dti,
    employment_years: rng.chance(spec.employmentMissing) ? null : employmentTrue,
    num_open_accounts: openAccounts,
    num_delinquencies: delinquencies,
    home_ownership: rng.chance(0.015) ? null : home,
    purpose,
    region,
    score,
    prediction: score >= DECISION_THRESHOLD ? 1 : 0,
    label,
  };
}

function window(rng: RandomStream, spec: WindowSpec, count: number): CreditRow[] {
  const times = Array.from({ length: count }, () => timestampIn(rng, spec)).sort((a, b) => a - b);
  return times.map((ms) => ({ ...row(rng, spec), timestamp: new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z') }));
}

export interface CreditData {
  reference: CreditRow[];
  current: CreditRow[];
}

export function generateCredit(seed: number, referenceRows = 5000, currentRows = 5000): CreditData {
  return {
    reference: window(randomStream(seed, 'credit/reference'), REFERENCE, referenceRows),
    current: window(randomStream(seed, 'credit/current'), CURRENT, currentRows),
  };
}
