// How far a benchmark figure could move on another set of runs. Every figure the
// benchmark judges (a ratio of two builds, the cost of a comment, the drift of that cost
// between sizes) is a function of the medians of a few builds' run times; the time per
// comment at 250 posts, for one, is the difference of two builds 0.03–0.09 s apart that
// each spread by ±0.03 s. A percentile bootstrap resamples each build's runs (with
// replacement, each on its own), recomputes the figure, and keeps the middle `level` of
// the results: a ✗ whose interval straddles the target is noise, one beyond it is not.
import { median } from "./measure.ts";
import { seededRandom } from "./random.ts";

export interface BootstrapOptions {
  resamples?: number;
  level?: number;
  /** The same seed gives the same interval: the benchmark's output is reproducible from its runs. */
  seed?: number;
}

function resample(values: readonly number[], random: () => number): number[] {
  return values.map(() => values[Math.floor(random() * values.length)] as number);
}

function percentile(sorted: readonly number[], fraction: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.round(fraction * (sorted.length - 1))));
  return sorted[index] as number;
}

/** The `level` interval of `statistic` (of the samples' medians, in the samples' order). */
export function bootstrapInterval(samples: readonly (readonly number[])[], statistic: (medians: readonly number[]) => number, options: BootstrapOptions = {}): [number, number] {
  const { resamples = 2000, level = 0.9, seed = 1 } = options;
  if (samples.some((sample) => sample.length === 0)) throw new Error("bootstrapInterval: every sample needs at least one value");
  const random = seededRandom(seed);
  const values: number[] = [];
  for (let i = 0; i < resamples; i++) {
    const value = statistic(samples.map((sample) => median(resample(sample, random))));
    if (Number.isFinite(value)) values.push(value);
  }
  values.sort((a, b) => a - b);
  if (values.length === 0) return [Number.NaN, Number.NaN];
  const tail = (1 - level) / 2;
  return [percentile(values, tail), percentile(values, 1 - tail)];
}
