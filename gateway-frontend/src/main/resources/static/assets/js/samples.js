// Reading a run's raw samples (SampleRow in docs/openapi/results.json), and binning them into a histogram.

export function sampleTime(sample) {
  return sample.timePerOperationNanos ?? null;
}

export function sampleMemory(sample) {
  return sample.memoryUsedBytes ?? null;
}

export function samplePeak(sample) {
  return sample.peakMemoryBytes ?? null;
}

/** Equal-width bins between min and max: [centers, counts, binWidth]. */
export function histogram(values) {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return [[], [], 0];
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  const count = Math.max(5, Math.min(40, Math.ceil(Math.sqrt(finite.length))));
  const width = max > min ? (max - min) / count : 1;
  const counts = new Array(count).fill(0);
  finite.forEach((v) => {
    counts[Math.min(count - 1, Math.floor((v - min) / width))] += 1;
  });
  const centers = counts.map((_, i) => min + width * (i + 0.5));
  return [centers, counts, width];
}
