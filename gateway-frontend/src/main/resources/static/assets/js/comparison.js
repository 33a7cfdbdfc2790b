// Reading the results service's comparison (ComparisonView in docs/openapi/results.json).

/** The runtimes compared, each with its latest completed run. */
export function entriesOf(comparison) {
  return comparison.runtimes.map((entry) => ({
    runtime: entry.runtime,
    phpVersion: entry.phpVersion ?? null,
    runId: entry.runId ?? null,
    completedAt: entry.completedAt ?? null,
    statistics: entry.statistics ?? null,
  }));
}

export function pairsOf(comparison) {
  return comparison.pairs.map((pair) => ({
    // The results service compares a with b: medianRatio = median(a) / median(b), verdict from a's side.
    candidate: pair.a,
    baseline: pair.b,
    ratio: pair.medianRatio ?? null,
    ci: pair.ci95 ?? null,
    pValue: pair.pValue ?? null,
    verdict: pair.verdict,
  }));
}

/** "php-jit is 1.84× faster than php" or "no significant difference", from the pair's verdict and ratio. */
export function verdictText(pair) {
  const ratio = pair.ratio;
  if (pair.verdict === 'no-significant-difference' || !ratio) {
    return `No significant difference between ${pair.candidate} and ${pair.baseline}`;
  }
  // The ratio is the candidate's median over the baseline's: below 1 means the candidate takes less time.
  return ratio < 1 ? `${pair.candidate} is ${(1 / ratio).toFixed(2)}× faster than ${pair.baseline}`
    : `${pair.candidate} is ${ratio.toFixed(2)}× slower than ${pair.baseline}`;
}
