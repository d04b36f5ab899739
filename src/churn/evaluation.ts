import { chiSquareSurvival } from '../metrics/distributions.ts';

/**
 * Area under the ROC curve as the Mann–Whitney statistic: the probability that a random churner
 * has a higher risk than a random non-churner, ties counting one half (via mid-ranks).
 * Null when one of the classes is empty, because the AUC is then undefined.
 */
export function auc(risk: ArrayLike<number>, churned: ArrayLike<number>): number | null {
  const n = risk.length;
  const order = Uint32Array.from({ length: n }, (_, i) => i).sort((a, b) => risk[a] - risk[b]);
  let positives = 0;
  let positiveRankSum = 0;
  for (let start = 0; start < n; ) {
    let end = start;
    while (end + 1 < n && risk[order[end + 1]] === risk[order[start]]) end++;
    const midRank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) {
      if (churned[order[k]] === 1) {
        positives++;
        positiveRankSum += midRank;
      }
    }
    start = end + 1;
  }
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return null;
  return (positiveRankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

export interface DecileRow {
  /** 1 = the tenth of contacts with the highest predicted risk. */
  decile: number;
  n: number;
  churners: number;
  churnRate: number;
  /** Churn rate in this decile ÷ overall churn rate. */
  lift: number;
  /** Share of all churners found in deciles 1…this one. */
  cumulativeCapture: number;
  /** Churn rate in deciles 1…this one ÷ overall churn rate. */
  cumulativeLift: number;
  /** Mean predicted risk: calibration compares it with churnRate. */
  meanPredicted: number;
  minRisk: number;
  maxRisk: number;
}

/**
 * Contacts sorted by risk, highest first, cut into ten groups as equal as possible (sizes differ
 * by at most one; equal risks keep input order). Used for both lift and calibration.
 */
export function decileTable(risk: ArrayLike<number>, churned: ArrayLike<number>): DecileRow[] {
  const n = risk.length;
  const order = Uint32Array.from({ length: n }, (_, i) => i).sort((a, b) => risk[b] - risk[a] || a - b);
  let totalChurners = 0;
  for (let i = 0; i < n; i++) totalChurners += churned[i];
  const overallRate = n > 0 ? totalChurners / n : 0;
  const rows: DecileRow[] = [];
  let cumulativeN = 0;
  let cumulativeChurners = 0;
  for (let d = 0; d < 10; d++) {
    const start = Math.floor((d * n) / 10);
    const end = Math.floor(((d + 1) * n) / 10);
    if (end === start) continue;
    let churners = 0;
    let predicted = 0;
    for (let k = start; k < end; k++) {
      churners += churned[order[k]];
      predicted += risk[order[k]];
    }
    const size = end - start;
    cumulativeN += size;
    cumulativeChurners += churners;
    const churnRate = churners / size;
    rows.push({
      decile: d + 1,
      n: size,
      churners,
      churnRate,
      lift: overallRate > 0 ? churnRate / overallRate : 0,
      cumulativeCapture: totalChurners > 0 ? cumulativeChurners / totalChurners : 0,
      cumulativeLift: overallRate > 0 ? cumulativeChurners / cumulativeN / overallRate : 0,
      meanPredicted: predicted / size,
      minRisk: risk[order[end - 1]],
      maxRisk: risk[order[start]],
    });
  }
  return rows;
}

/** Mean squared difference between predicted risk and what happened (0 = perfect). */
export function brierScore(risk: ArrayLike<number>, churned: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < risk.length; i++) sum += (risk[i] - churned[i]) ** 2;
  return sum / risk.length;
}

/**
 * Hosmer–Lemeshow goodness of fit over the risk deciles: Σ (O − E)² / (E·(1 − E/n)) with
 * g − 2 degrees of freedom. A small p says predicted risks and observed churn disagree.
 */
export function hosmerLemeshow(deciles: readonly DecileRow[]): { chi2: number; dof: number; p: number } | null {
  let chi2 = 0;
  let groups = 0;
  for (const row of deciles) {
    const expected = row.meanPredicted * row.n;
    const variance = expected * (1 - row.meanPredicted);
    if (!(variance > 0)) continue;
    chi2 += (row.churners - expected) ** 2 / variance;
    groups++;
  }
  if (groups < 3) return null;
  return { chi2, dof: groups - 2, p: chiSquareSurvival(chi2, groups - 2) };
}
