// How far a benchmark figure could move on another set of runs. Every figure the
// benchmark judges (a ratio of two builds, the cost of a comment, the drift of that cost
// between sizes) is a function of the medians of a few builds' run times; the time per
// comment at 250 posts, for one, is the difference of two builds 0.03–0.09 s apart that
// each spread by ±0.03 s. A percentile bootstrap resamples the runs, recomputes the
// figure, and keeps the middle `level` of the results: a ✗ whose interval lies beyond the
// target is not noise; one whose interval straddles it may be.
//
// The builds of one size run interleaved, one run of each per round, so a round's runs
// share the machine's state of that moment: a resample draws rounds, the same rounds
// for every build of a size, and the sizes independently. With few rounds the interval's
// ends are single runs (with 5, a resample's median is the slowest run about 6% of the
// time): one slow round shows in full.
import { median } from "./measure.ts";
import { seededRandom } from "./random.ts";

export interface BootstrapOptions {
  resamples?: number;
  level?: number;
  /** The same seed gives the same interval: the benchmark's output is reproducible from its runs. */
  seed?: number;
}

/** Builds run in the same rounds: each build's run times, one per round, in round order. */
export type RoundsOfBuilds = readonly (readonly number[])[];

function roundCount(builds: RoundsOfBuilds): number {
  const rounds = builds[0]?.length ?? 0;
  if (rounds === 0 || builds.some((runs) => runs.length !== rounds))
    throw new Error("bootstrapInterval: the builds of a group need the same number of runs, at least one");
  return rounds;
}

/** The medians of each build over the same rounds, drawn with replacement. */
function resampledMedians(builds: RoundsOfBuilds, rounds: number, random: () => number): number[] {
  const drawn = Array.from({ length: rounds }, () => Math.floor(random() * rounds));
  return builds.map((runs) => median(drawn.map((round) => runs[round] as number)));
}

function percentile(sorted: readonly number[], fraction: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.round(fraction * (sorted.length - 1))));
  return sorted[index] as number;
}

/**
 * The `level` interval of `statistic`, a function of every build's median (the groups'
 * builds in order). A resample where the figure is undefined (0 / 0) is left out; one
 * where it is infinite counts, and shows as an unbounded end.
 */
export function bootstrapInterval(
  groups: readonly RoundsOfBuilds[],
  statistic: (medians: readonly number[]) => number,
  options: BootstrapOptions = {},
): [number, number] {
  const { resamples = 2000, level = 0.9, seed = 1 } = options;
  const rounds = groups.map(roundCount);
  const random = seededRandom(seed);
  const values: number[] = [];
  for (let i = 0; i < resamples; i++) {
    const value = statistic(
      groups.flatMap((builds, group) => resampledMedians(builds, rounds[group] as number, random)),
    );
    if (!Number.isNaN(value)) values.push(value);
  }
  values.sort((a, b) => a - b);
  if (values.length === 0) return [Number.NaN, Number.NaN];
  const tail = (1 - level) / 2;
  return [percentile(values, tail), percentile(values, 1 - tail)];
}
