// The benchmark's intervals (bench/bootstrap.ts): they must contain what they claim to,
// or a ✗ would be called noise when it is not.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { bootstrapInterval } from "../../bench/bootstrap.ts";
import { median } from "../../bench/measure.ts";
import { seededRandom, type Random } from "../../bench/random.ts";

const difference = ([a, b]: readonly number[]) => (a as number) - (b as number);
const ratio = ([a, b]: readonly number[]) => (a as number) / (b as number);

/** `count` run times around `center`, spread uniformly by ±`spread`. */
function runs(random: Random, count: number, center: number, spread: number): number[] {
  return Array.from({ length: count }, () => center + (random() * 2 - 1) * spread);
}

describe("bootstrapInterval", () => {
  it("holds the figure computed from the medians", () => {
    const random = seededRandom(7);
    const a = runs(random, 20, 0.7, 0.03);
    const b = runs(random, 20, 0.64, 0.03);
    const [low, high] = bootstrapInterval([[a, b]], difference);
    const figure = median(a) - median(b);
    assert.ok(low <= figure && figure <= high, `${low} ≤ ${figure} ≤ ${high}`);
    assert.ok(high > low);
  });

  it("keeps the middle of the resampled figures", () => {
    // The median of two runs drawn from [0, 1]: 0, 0.5 or 1, with chances 1/4, 1/2, 1/4.
    assert.deepEqual(
      bootstrapInterval([[[0, 1]]], ([m]) => m as number),
      [0, 1],
    );
    assert.deepEqual(
      bootstrapInterval([[[0, 1]]], ([m]) => m as number, { level: 0.4 }),
      [0.5, 0.5],
    );
  });

  it("has no width when the runs do not vary", () => {
    assert.deepEqual(
      bootstrapInterval(
        [
          [
            [2, 2, 2],
            [1, 1, 1],
          ],
        ],
        ratio,
      ),
      [2, 2],
    );
  });

  it("draws the same rounds for the builds of a size, so what a round shares cancels out", () => {
    // The machine's state swings each round by ±0.5 s; the project is always 0.06 s slower.
    const random = seededRandom(5);
    const machine = runs(random, 20, 2, 0.5);
    const project = machine.map((seconds) => seconds + 0.06);
    const [low, high] = bootstrapInterval([[project, machine]], difference);
    assert.ok(Math.abs(low - 0.06) < 1e-9 && Math.abs(high - 0.06) < 1e-9, `${low} to ${high}`);
  });

  it("takes sizes with different numbers of rounds, each drawn on its own", () => {
    const random = seededRandom(9);
    const small = [runs(random, 20, 0.7, 0.03), runs(random, 20, 0.64, 0.03)];
    const large = [runs(random, 5, 3.3, 0.1), runs(random, 5, 2.5, 0.1)];
    const drift = ([a, b, c, d]: readonly number[]) =>
      ((a as number) - (b as number)) / 16 / ((c as number) - (d as number)) - 1;
    const [low, high] = bootstrapInterval([large, small], drift);
    const figure = drift([
      median(large[0] as number[]),
      median(large[1] as number[]),
      median(small[0] as number[]),
      median(small[1] as number[]),
    ]);
    assert.ok(low <= figure && figure <= high && high > low, `${low} ≤ ${figure} ≤ ${high}`);
  });

  it("widens with the runs' spread and narrows with their number", () => {
    const width = (count: number, spread: number) => {
      const random = seededRandom(3);
      const [low, high] = bootstrapInterval(
        [[runs(random, count, 1, spread), runs(random, count, 0.9, spread)]],
        difference,
      );
      return high - low;
    };
    assert.ok(width(20, 0.06) > width(20, 0.02) * 2);
    assert.ok(width(5, 0.03) > width(40, 0.03));
  });

  it("is the same for the same runs and seed", () => {
    const random = seededRandom(11);
    const builds = [runs(random, 7, 3.3, 0.1), runs(random, 7, 2.3, 0.1)];
    assert.deepEqual(
      bootstrapInterval([builds], ratio, { seed: 5 }),
      bootstrapInterval([builds], ratio, { seed: 5 }),
    );
  });

  /**
   * Of 200 simulated benchmarks of two builds, `count` runs each around true medians `a`
   * and `b` (spread ±`spread`), how many intervals of `figure` hold its true value.
   */
  function coverage(
    seed: number,
    count: number,
    [a, b]: [number, number],
    spread: number,
    figure: (medians: readonly number[]) => number,
  ): number {
    const random = seededRandom(seed);
    const truth = figure([a, b]);
    let covered = 0;
    for (let trial = 0; trial < 200; trial++) {
      const [low, high] = bootstrapInterval(
        [[runs(random, count, a, spread), runs(random, count, b, spread)]],
        figure,
        { resamples: 500, seed: trial + 1 },
      );
      if (low <= truth && truth <= high) covered++;
    }
    return covered;
  }

  it("covers the true difference about as often as its level says", () => {
    // Twenty runs, as at 250 posts: true medians 0.06 s apart.
    const covered = coverage(2026, 20, [0.7, 0.64], 0.03, difference);
    // A 90% interval: between 80% and 98% of the trials, allowing for the bootstrap's small-sample bias.
    assert.ok(covered >= 160 && covered <= 196, `covered ${covered} of 200`);
  });

  it("covers the true ratio about as often as its level says with five runs, as at the large sizes", () => {
    const covered = coverage(2027, 5, [3.3, 2.3], 0.1, ratio);
    assert.ok(covered >= 160 && covered <= 196, `covered ${covered} of 200`);
  });

  it("leaves out resamples where the figure is undefined, and shows infinite ones", () => {
    assert.deepEqual(
      bootstrapInterval(
        [
          [
            [1, 1],
            [1, 1],
          ],
        ],
        ([a, b]) => ((a as number) - (b as number)) / 0,
      ),
      [Number.NaN, Number.NaN],
    );
    assert.deepEqual(
      bootstrapInterval(
        [
          [
            [2, 2],
            [1, 1],
          ],
        ],
        ([a, b]) => ((a as number) - (b as number)) / 0,
      ),
      [Infinity, Infinity],
    );
  });

  it("refuses builds of one group with different numbers of runs, or none", () => {
    assert.throws(() => bootstrapInterval([[[1, 2], [1]]], difference), /same number of runs/);
    assert.throws(() => bootstrapInterval([[[], []]], difference), /at least one/);
  });
});
