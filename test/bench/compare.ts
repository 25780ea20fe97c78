import { Bench } from 'tinybench';

export interface Comparison {
  title: string;
  /** What the ratio is measured against, in the same run. */
  baseline: { name: string; run: () => unknown };
  candidate: { name: string; run: () => unknown };
  /** The candidate may cost at most this many times the baseline (time per operation). */
  maxCostRatio?: number;
  /** The candidate must reach at least this fraction of the baseline's throughput. */
  minThroughputRatio?: number;
  timeMs?: number;
}

export interface ComparisonResult {
  title: string;
  baselineOpsPerSecond: number;
  candidateOpsPerSecond: number;
  /** candidate time per op ÷ baseline time per op. */
  costRatio: number;
  goalMet: boolean | null;
}

/** Measures both in the same run (interleaved by tinybench) and prints ops/s and the cost ratio. */
export async function compareAgainstBaseline(comparison: Comparison): Promise<ComparisonResult> {
  const bench = new Bench({ time: comparison.timeMs ?? 700, warmupTime: 150 });
  bench.add(comparison.baseline.name, comparison.baseline.run);
  bench.add(comparison.candidate.name, comparison.candidate.run);
  await bench.run();
  const [baselineTask, candidateTask] = bench.tasks;
  const baselineOps = baselineTask?.result && 'throughput' in baselineTask.result ? baselineTask.result.throughput.mean : 0;
  const candidateOps = candidateTask?.result && 'throughput' in candidateTask.result ? candidateTask.result.throughput.mean : 0;
  const costRatio = baselineOps / candidateOps;
  let goalMet: boolean | null = null;
  if (comparison.maxCostRatio !== undefined) goalMet = costRatio <= comparison.maxCostRatio;
  if (comparison.minThroughputRatio !== undefined) goalMet = candidateOps / baselineOps >= comparison.minThroughputRatio;
  const goal =
    comparison.maxCostRatio !== undefined
      ? ` (goal ≤ ${comparison.maxCostRatio}×: ${goalMet ? 'met' : 'NOT met'})`
      : comparison.minThroughputRatio !== undefined
        ? ` (goal ≥ ${comparison.minThroughputRatio}× throughput: ${goalMet ? 'met' : 'NOT met'})`
        : '';
  console.log(
    `${comparison.title}\n  ${comparison.baseline.name}: ${format(baselineOps)} ops/s\n  ${comparison.candidate.name}: ${format(candidateOps)} ops/s\n  cost ratio ${costRatio.toFixed(2)}×${goal}`,
  );
  return { title: comparison.title, baselineOpsPerSecond: baselineOps, candidateOpsPerSecond: candidateOps, costRatio, goalMet };
}

function format(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}
