/**
 * Where to act: each attribute placed by how much it drives the outcome (importance) and how
 * well the organisation does on it now (performance).
 *
 *                     performance below mean   performance at/above mean
 *   importance ≥ mean       fix_first                  keep
 *   importance < mean       low_priority               overkill
 *
 * Both splits are at the mean over the attributes analysed (for rescaled weights the importance
 * mean is 100 / p). A value exactly at the mean counts as high. Performance means are only
 * comparable when the attributes share one answer scale (e.g. all 1–7 agreement).
 */
export type Quadrant = 'fix_first' | 'keep' | 'overkill' | 'low_priority';

export interface PriorityEntry {
  attribute: string;
  importance: number;
  performance: number;
}

export interface PriorityItem extends PriorityEntry {
  quadrant: Quadrant;
}

export interface PriorityMatrix {
  importanceThreshold: number;
  performanceThreshold: number;
  /** Most important first. */
  items: PriorityItem[];
}

export function quadrantOf(importance: number, performance: number, importanceThreshold: number, performanceThreshold: number): Quadrant {
  const important = importance >= importanceThreshold;
  const performing = performance >= performanceThreshold;
  if (important) return performing ? 'keep' : 'fix_first';
  return performing ? 'overkill' : 'low_priority';
}

export function priorityMatrix(entries: readonly PriorityEntry[]): PriorityMatrix {
  const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
  const importanceThreshold = mean(entries.map((e) => e.importance));
  const performanceThreshold = mean(entries.map((e) => e.performance));
  const items = entries
    .map((e) => ({ ...e, quadrant: quadrantOf(e.importance, e.performance, importanceThreshold, performanceThreshold) }))
    .sort((a, b) => b.importance - a.importance);
  return { importanceThreshold, performanceThreshold, items };
}

/** The priority matrix of a weights result: importance = rescaled weight (percent of R²). */
export function priorityFromWeights(result: { rescaled: Record<string, number>; performance: Record<string, number> }): PriorityMatrix {
  return priorityMatrix(
    Object.keys(result.rescaled).map((attribute) => ({
      attribute,
      importance: result.rescaled[attribute],
      performance: result.performance[attribute],
    })),
  );
}
