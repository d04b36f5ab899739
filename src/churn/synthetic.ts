import { createRandom, randomNormal } from '../linalg/random.ts';
import type { FeatureColumn } from './features.ts';

/**
 * Synthetic contacts for benchmarks and tests: experience data (NPS and its change, CSAT, CES,
 * complaints, open cases) and operational data (tenure, plan, revenue, usage, service contacts),
 * with churn drawn from a known logistic model so a fitted model can be checked against it.
 */
export interface SyntheticContacts {
  ids: string[];
  features: FeatureColumn[];
  churned: Float64Array;
  /** The true probability of churn each contact was drawn with. */
  trueRisk: Float64Array;
}

export function syntheticContacts(count: number, seed: number, options: { missingShare?: number } = {}): SyntheticContacts {
  const random = createRandom(seed);
  const missingShare = options.missingShare ?? 0;
  const column = () => new Float64Array(count);
  const nps = column();
  const npsChange = column();
  const csat = column();
  const ces = column();
  const complaints = column();
  const openCases = column();
  const tenure = column();
  const revenue = column();
  const usage = column();
  const serviceContacts = column();
  const plan: string[] = new Array(count);
  const churned = column();
  const trueRisk = column();
  const plans = ['basic', 'standard', 'premium'];
  const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
  for (let i = 0; i < count; i++) {
    const mood = randomNormal(random);
    nps[i] = clamp(Math.round(7 + 2 * mood + randomNormal(random)), 0, 10);
    npsChange[i] = Math.round(1.5 * randomNormal(random) + 0.5 * mood);
    csat[i] = clamp(Math.round(3.8 + 0.8 * mood + 0.5 * randomNormal(random)), 1, 5);
    ces[i] = random() < missingShare ? Number.NaN : clamp(Math.round(5 + 0.8 * mood + randomNormal(random)), 1, 7);
    complaints[i] = Math.floor(-Math.log(1 - random()) * (mood < -0.5 ? 1.5 : 0.3));
    openCases[i] = random() < 0.1 + (mood < -1 ? 0.2 : 0) ? 1 : 0;
    tenure[i] = Math.floor(-Math.log(1 - random()) * 36);
    const p = random();
    plan[i] = random() < missingShare ? '' : plans[p < 0.5 ? 0 : p < 0.85 ? 1 : 2];
    revenue[i] = Math.round(20 + 30 * (plan[i] === 'premium' ? 3 : plan[i] === 'standard' ? 2 : 1) + 10 * randomNormal(random));
    usage[i] = Math.max(0, 40 + 15 * randomNormal(random) + 5 * mood);
    serviceContacts[i] = Math.floor(-Math.log(1 - random()) * 1.2);
    const eta =
      -2.2 - 0.35 * (nps[i] - 7) - 0.15 * npsChange[i] + 0.45 * complaints[i] + 0.6 * openCases[i] -
      0.02 * (tenure[i] - 36) + (plan[i] === 'basic' ? 0.4 : plan[i] === 'premium' ? -0.3 : 0) -
      0.02 * (usage[i] - 40) + 0.1 * serviceContacts[i];
    trueRisk[i] = 1 / (1 + Math.exp(-eta));
    churned[i] = random() < trueRisk[i] ? 1 : 0;
  }
  const numeric = (name: string, values: Float64Array): FeatureColumn => ({ name, kind: 'numeric', values });
  return {
    ids: Array.from({ length: count }, (_, i) => `C${String(i + 1).padStart(7, '0')}`),
    features: [
      numeric('nps', nps),
      numeric('nps_change', npsChange),
      numeric('csat', csat),
      numeric('ces', ces),
      numeric('complaints', complaints),
      numeric('open_cases', openCases),
      numeric('tenure_months', tenure),
      { name: 'plan', kind: 'categorical', values: plan },
      numeric('revenue', revenue),
      numeric('usage', usage),
      numeric('service_contacts', serviceContacts),
    ],
    churned,
    trueRisk,
  };
}
