/**
 * Carrier detection: wismo's detectCarrier against the ts-tracking-number npm package, on the same inputs:
 * every valid and invalid test number of the open data, plus valid checksum numbers with one digit of their
 * serial or check digit changed (deterministic PRNG). Prints accuracy and throughput of both.
 *
 *   pnpm exec tsx -e "import('./test/bench/detection.bench.ts').then(m=>m.default())"
 */
import { getTracking } from 'ts-tracking-number';
import { verifyCheckDigit } from '../../packages/core/src/detection/checksums';
import { getDefaultCarrierDetector } from '../../packages/core/src/detection/detect-carrier';
import { detectCarrier, normaliseTrackingNumber } from '../../packages/core/src/detection/index';
import { TRACKING_NUMBER_DATA } from '../../packages/core/src/detection/tracking-number-data';
import { SHARED_NUMBER_RULES, WISMO_FORMATS } from '../../packages/core/src/detection/wismo-formats';
import { compareAgainstBaseline } from './compare';
// The testkit's PRNG, so every run mutates the same digits.
import { createSeededRandom } from '../../packages/testkit/src/seeded-random';

type InputKind = 'valid' | 'invalid' | 'mutated';

interface BenchInput {
  number: string;
  /** The data's courier code the number belongs to (valid) or must not be detected as (invalid, mutated). */
  courierCode: string;
  kind: InputKind;
}

// The couriers of the old data copy ts-tracking-number 1.0.17 vendors (its courier codes are the data's).
const TS_TRACKING_NUMBER_COURIERS = new Set(['amazon', 'dhl', 'fedex', 'ontrac', 's10', 'ups', 'usps']);

function buildInputs(): { inputs: BenchInput[]; droppedMutations: number } {
  const inputs: BenchInput[] = [];
  const random = createSeededRandom(20_261_123);
  const formatsByDefinition = new Map(getDefaultCarrierDetector().formats.map((format) => [format.definition, format]));
  let droppedMutations = 0;
  for (const courier of TRACKING_NUMBER_DATA) {
    for (const definition of courier.tracking_numbers) {
      for (const number of definition.test_numbers?.valid ?? []) inputs.push({ number, courierCode: courier.courier_code, kind: 'valid' });
      for (const number of definition.test_numbers?.invalid ?? [])
        inputs.push({ number, courierCode: courier.courier_code, kind: 'invalid' });
      const format = formatsByDefinition.get(definition);
      const checksum = definition.validation?.checksum;
      if (!format || !checksum) continue;
      for (const number of definition.test_numbers?.valid ?? []) {
        const normalised = normaliseTrackingNumber(number);
        const match = new RegExp(format.regex.source, 'd').exec(normalised);
        const serial = match?.indices?.groups?.SerialNumber;
        const check = match?.indices?.groups?.CheckDigit;
        if (!serial || !check) continue;
        // Only digits the check digit covers: changing a routing prefix leaves a valid number.
        const positions = [...Array.from({ length: serial[1] - serial[0] }, (_, offset) => serial[0] + offset), check[0]].filter(
          (position) => /[0-9]/.test(normalised[position] as string),
        );
        const position = positions[Math.floor(random() * positions.length)] as number;
        const replacement = String((Number(normalised[position]) + 1 + Math.floor(random() * 9)) % 10);
        const mutated = normalised.slice(0, position) + replacement + normalised.slice(position + 1);
        // Some changes no check digit can see (a 5 under weight 2, a 7 under mod 7): not a fair test of anyone.
        const mutatedGroups = format.regex.exec(mutated)?.groups;
        let mutatedSerial = mutatedGroups?.SerialNumber ?? '';
        if (format.prependIf?.pattern.test(mutatedSerial)) mutatedSerial = format.prependIf.content + mutatedSerial;
        if (mutatedGroups && verifyCheckDigit(checksum, mutatedSerial, mutatedGroups.CheckDigit ?? '')) {
          droppedMutations += 1;
          continue;
        }
        inputs.push({ number: mutated, courierCode: courier.courier_code, kind: 'mutated' });
      }
    }
  }
  return { inputs, droppedMutations };
}

/** wismo format id (or name) → the data's courier code, to compare both libraries in the same terms. */
function courierCodeByFormat(): Map<string, string> {
  const map = new Map<string, string>();
  for (const courier of [...TRACKING_NUMBER_DATA, ...WISMO_FORMATS]) {
    for (const definition of courier.tracking_numbers) map.set(definition.id ?? definition.name, courier.courier_code);
  }
  for (const rule of SHARED_NUMBER_RULES) map.set(rule.id, rule.carrier);
  return map;
}

interface Tally {
  right: number;
  wrong: number;
  missed: number;
}

interface LibraryUnderTest {
  name: string;
  /** Courier codes the library returns, best first. */
  detect(number: string): string[];
}

function score(library: LibraryUnderTest, inputs: readonly BenchInput[]): Record<InputKind | 'all', Tally> {
  const empty = (): Tally => ({ right: 0, wrong: 0, missed: 0 });
  const tallies = { valid: empty(), invalid: empty(), mutated: empty(), all: empty() };
  for (const input of inputs) {
    const couriers = library.detect(input.number);
    let outcome: keyof Tally;
    if (input.kind === 'valid') outcome = couriers.length === 0 ? 'missed' : couriers[0] === input.courierCode ? 'right' : 'wrong';
    else outcome = couriers.includes(input.courierCode) ? 'wrong' : 'right';
    tallies[input.kind][outcome] += 1;
    tallies.all[outcome] += 1;
  }
  return tallies;
}

function formatTally(tally: Tally): string {
  return `${String(tally.right).padStart(4)} right ${String(tally.wrong).padStart(3)} wrong ${String(tally.missed).padStart(3)} missed`;
}

function printAccuracy(title: string, libraries: readonly LibraryUnderTest[], inputs: readonly BenchInput[]): Map<string, Tally> {
  console.log(
    `\n${title} (${inputs.length} inputs: ${inputs.filter((input) => input.kind === 'valid').length} valid, ${inputs.filter((input) => input.kind === 'invalid').length} invalid, ${inputs.filter((input) => input.kind === 'mutated').length} mutated)`,
  );
  const totals = new Map<string, Tally>();
  for (const library of libraries) {
    const tallies = score(library, inputs);
    totals.set(library.name, tallies.all);
    console.log(
      `  ${library.name.padEnd(22)} valid: ${formatTally(tallies.valid)} | invalid: ${formatTally(tallies.invalid)} | mutated: ${formatTally(tallies.mutated)} | all: ${formatTally(tallies.all)}`,
    );
  }
  return totals;
}

export default async function runDetectionBenchmark(): Promise<void> {
  const { inputs, droppedMutations } = buildInputs();
  const courierCodes = courierCodeByFormat();
  const wismo: LibraryUnderTest = {
    name: 'wismo detectCarrier',
    detect: (number) =>
      detectCarrier(number).map((candidate) => courierCodes.get(candidate.formatId ?? candidate.format) ?? candidate.carrier),
  };
  const tsTrackingNumber: LibraryUnderTest = {
    name: 'ts-tracking-number',
    detect: (number) => {
      const result = getTracking(number);
      return result ? [result.courier.code] : [];
    },
  };

  console.log('Carrier detection: wismo detectCarrier vs ts-tracking-number@1.0.17 getTracking');
  console.log(
    `(right/wrong/missed: valid → top answer is the number's courier; invalid and mutated → that courier is not answered. ${droppedMutations} mutation(s) no check digit can see dropped.)`,
  );
  const overall = printAccuracy('Accuracy, all couriers of the data', [wismo, tsTrackingNumber], inputs);
  printAccuracy(
    'Accuracy, the 7 couriers ts-tracking-number knows',
    [wismo, tsTrackingNumber],
    inputs.filter((input) => TS_TRACKING_NUMBER_COURIERS.has(input.courierCode)),
  );

  // Compile outside the measurement: both libraries are measured warm, interleaved in the same run.
  detectCarrier('1Z5R89390357567127');
  const numbers = inputs.map((input) => input.number);
  console.log('');
  const throughput = await compareAgainstBaseline({
    title: `Throughput, one operation = all ${numbers.length} inputs (tinybench)`,
    baseline: {
      name: 'ts-tracking-number getTracking',
      run: () => {
        for (const number of numbers) getTracking(number);
      },
    },
    candidate: {
      name: 'wismo detectCarrier',
      run: () => {
        for (const number of numbers) detectCarrier(number);
      },
    },
    minThroughputRatio: 2,
    timeMs: 1500,
  });
  const perNumber = (operationsPerSecond: number) => Math.round(operationsPerSecond * numbers.length).toLocaleString('en-US');
  const oursWrong = overall.get(wismo.name)?.wrong ?? 0;
  const theirsWrong = overall.get(tsTrackingNumber.name)?.wrong ?? 0;
  console.log(
    `  numbers/s: wismo ${perNumber(throughput.candidateOpsPerSecond)}, ts-tracking-number ${perNumber(throughput.baselineOpsPerSecond)}` +
      ` — wismo ${(throughput.candidateOpsPerSecond / throughput.baselineOpsPerSecond).toFixed(1)}× the throughput` +
      ` (goal ≥ 2×), wrong answers ${oursWrong} vs ${theirsWrong} (goal: fewer)`,
  );
}
