/** Milliseconds per run, repeated until 10 ms have passed so that short runs are measured too. */
function costPerRunMs(run: () => unknown): number {
  const started = performance.now();
  let runs = 0;
  do {
    run();
    runs++;
  } while (performance.now() - started < 10);
  return (performance.now() - started) / runs;
}

/**
 * A work budget without a wall clock: the cost of `run` against `baseline`, measured in the same process, as the
 * smallest ratio over three interleaved rounds (load from other processes only ever raises it).
 */
export function costRatio(run: () => unknown, baseline: () => unknown): { ratio: number; costMs: number; baselineMs: number } {
  let best = { ratio: Number.POSITIVE_INFINITY, costMs: 0, baselineMs: 0 };
  for (let round = 0; round < 3; round++) {
    const baselineMs = costPerRunMs(baseline);
    const costMs = costPerRunMs(run);
    if (costMs / baselineMs < best.ratio) best = { ratio: costMs / baselineMs, costMs, baselineMs };
  }
  return best;
}
