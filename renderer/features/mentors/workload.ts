/** The numbers behind a workload bar (DK § 15): how full the week is against the half-time limit. */
export interface WorkloadBar {
  hours: number;
  limit: number;
  /** Hours as a whole percentage of the limit (may pass 100). */
  percentOfLimit: number;
  /** Width of the filled part, 0-100 % of the bar. */
  fillPercent: number;
  /** Where the limit mark sits, 0-100 % of the bar. */
  limitPercent: number;
  over: boolean;
}

/**
 * The bar spans a quarter more than the limit, so the limit mark is always visible and some overload
 * can be seen past it; a heavier load widens the scale instead of overflowing. Over the limit means
 * more than the limit to the hundredth of an hour, as the rule counts it (18.5 is fine, 18.51 is not).
 */
export function workloadBar(hours: number, limit: number): WorkloadBar {
  const safeLimit = limit > 0 ? limit : 1;
  const scale = Math.max(safeLimit * 1.25, hours);
  return {
    hours,
    limit,
    percentOfLimit: Math.round((hours / safeLimit) * 100),
    fillPercent: Math.min(100, (hours / scale) * 100),
    limitPercent: (safeLimit / scale) * 100,
    over: Math.round(hours * 100) > Math.round(limit * 100),
  };
}
