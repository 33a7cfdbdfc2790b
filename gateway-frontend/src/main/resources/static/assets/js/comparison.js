// Reading the results service's comparison, tolerant of how its entries and pairs are named.
import { runtimeId } from './api.js';

export function entriesOf(comparison) {
  let list = comparison.runtimes || comparison.results || comparison.entries || [];
  if (!Array.isArray(list)) list = Object.entries(list).map(([id, entry]) => ({ runtime: id, ...entry }));
  return list.map((entry) => ({
    runtime: runtimeId(entry.runtime) ?? entry.id,
    phpVersion: entry.phpVersion ?? entry.runtime?.phpVersion ?? entry.run?.runtime?.phpVersion ?? null,
    runId: entry.runId ?? entry.run?.id ?? null,
    completedAt: entry.completedAt ?? entry.run?.completedAt ?? null,
    statistics: entry.statistics ?? entry.run?.statistics ?? null,
  }));
}

export function pairsOf(comparison) {
  const list = comparison.pairs || comparison.comparisons || [];
  return list.map((pair) => ({
    // The results service compares a with b: medianRatio = median(a) / median(b), verdict from a's side.
    candidate: runtimeId(pair.candidate ?? pair.a),
    baseline: runtimeId(pair.baseline ?? pair.b),
    ratio: pair.ratio ?? pair.ratioOfMedians ?? pair.medianRatio ?? null,
    ci: pair.ci95 ?? pair.ratioCi95 ?? pair.confidenceInterval ?? null,
    pValue: pair.pValue ?? pair.mannWhitneyP ?? pair.mannWhitney?.pValue ?? pair.test?.pValue ?? null,
    verdict: String(pair.verdict ?? '').toUpperCase(),
  }));
}

/** "php-jit is 1.84× faster than php" or "no significant difference", from the pair's verdict and ratio. */
export function verdictText(pair) {
  const ratio = pair.ratio;
  const significant = pair.verdict ? !pair.verdict.includes('NO') : pair.pValue !== null && pair.pValue < 0.05;
  if (!significant || !ratio) return `No significant difference between ${pair.candidate} and ${pair.baseline}`;
  // The ratio is the candidate's median over the baseline's: below 1 means the candidate takes less time.
  return ratio < 1 ? `${pair.candidate} is ${(1 / ratio).toFixed(2)}× faster than ${pair.baseline}`
    : `${pair.candidate} is ${ratio.toFixed(2)}× slower than ${pair.baseline}`;
}
