// `npm run bench`: builds synthetic corpora (250, 1,000 and 4,000 posts with ten
// threaded comments each) with the project's real build, with the same build on the
// posts alone and on the posts with five comments each (the difference is the cost of a
// comment, fixed costs aside), with bare Eleventy on the posts alone (the baseline) and,
// when `hugo` is on the PATH, with Hugo; at the largest size, also with each speed
// mechanism turned off in turn (MECHANISMS below: what each one buys). The builds
// alternate, several runs each, and the medians are compared. Then the seed site against
// bare Eleventy, and the dev server's latency after a comment edit on the 1,000-post
// corpus. Last, the WordPress importer on generated exports (bench/wordpress-import.ts:
// its time and peak at 1,000 and 10,000 posts, as `npm run bench:import` prints them).
// See docs/performance.md.
//   --quick       250 posts only (and the seed), for CI logs: under a minute; the import
//                 at 1,000 posts only (its peak checked, not its growth)
//   --runs=N      runs per build at every size (default 5, and more below 1,000 posts)
//   --sizes=a,b   corpus sizes (default 250,1000,4000)
//   --no-dev      skip the dev-server measurement
//   --no-import   skip the WordPress import
//   --on-disk     corpora and builds in the system's temporary folder, not in /dev/shm
//
// Where /dev/shm (tmpfs) exists with room enough, the corpora and the builds' output
// live there: on this machine's disk, creating files costs kernel CPU that varies
// twentyfold from one minute to the next (the same 4,000 small files: 0.09–2.0 s), which
// swamps what the builds differ by and weighs on whichever writes more.
// docs/performance.md has both.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statfsSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { bareBuild, writeBareSite } from "./bare-site.ts";
import { bootstrapInterval } from "./bootstrap.ts";
import { isComment, writeCorpus, type CorpusFile } from "./corpus.ts";
import { editTargets, measureDevServer, type DevLatencies } from "./dev-server.ts";
import { forHugo, hugoBuild, hugoVersion, writeHugoSite } from "./hugo-site.ts";
import { importRoom, measureImports, printImports, type ImportResult } from "./wordpress-import.ts";
import { measure, median, type Command, type Measurement } from "./measure.ts";
import { projectBuild, writeProjectSite } from "./project-site.ts";
import { writeSeedSites } from "./seed-sites.ts";

const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");

interface Options {
  sizes: number[];
  runs: number;
  /** --runs or --quick: `runs` at every size. */
  fixedRuns: boolean;
  dev: boolean;
  onDisk: boolean;
  /** Posts of each WordPress export imported after the builds; none with --no-import. */
  importSizes: number[];
}

const TMPFS = "/dev/shm";

/**
 * Room the benchmark's files take at most, for its largest size: the five corpora and
 * their outputs came to about 250 KB a post at 4,000 posts (tmpfs gives each small file a
 * page of its own); twice that, to be safe.
 */
function roomNeeded(sizes: readonly number[]): number {
  return Math.max(...sizes) * 512 * 1024;
}

/** Whether tmpfs is there with room enough (a container's /dev/shm is often 64 MB). */
function tmpfsFits(sizes: readonly number[]): boolean {
  if (!existsSync(TMPFS)) return false;
  const { bavail, bsize } = statfsSync(TMPFS);
  if (bavail * bsize >= roomNeeded(sizes)) return true;
  process.stderr.write(
    `${TMPFS} has ${Math.round((bavail * bsize) / 2 ** 20)} MB free, ${Math.round(roomNeeded(sizes) / 2 ** 20)} MB wanted: the benchmark's files go to the disk\n`,
  );
  return false;
}

function parseOptions(argv: readonly string[]): Options {
  const quick = argv.includes("--quick");
  const value = (name: string) => argv.find((arg) => arg.startsWith(`--${name}=`))?.split("=")[1];
  // Ascending: the targets are judged at the largest size, the drift from the smallest.
  const sizes =
    value("sizes")
      ?.split(",")
      .map(Number)
      .sort((a, b) => a - b) ?? (quick ? [250] : [250, 1000, 4000]);
  return {
    sizes,
    runs: Number(value("runs") ?? 5),
    fixedRuns: quick || value("runs") !== undefined,
    dev: !argv.includes("--no-dev") && sizes.includes(1000),
    onDisk: argv.includes("--on-disk") || !tmpfsFits(sizes),
    importSizes: argv.includes("--no-import") ? [] : quick ? [1000] : [1000, 10000],
  };
}

/**
 * Runs of each build at a size. The time per comment is the difference of two builds: at
 * 250 posts they are 0.03–0.09 s apart and each spreads by ±0.03 s, so five runs left the
 * figure anywhere from 11 to 33 µs. Smaller sizes get as many runs as fit in the time of
 * five at 1,000 posts (20 at 250), unless --runs or --quick fixes the number.
 */
function runsFor(options: Options, posts: number): number {
  if (options.fixedRuns) return options.runs;
  return Math.max(options.runs, Math.round((options.runs * 1000) / posts));
}

/**
 * Runs of each seed build: its ratio is judged against 1.2 with builds of 0.35–0.45 s
 * that spread by ±0.02–0.03 s (five runs gave a 90% interval of 1.16 to 1.23), and twenty
 * take about 16 s. As many as at other sizes when --runs or --quick fixes the number.
 */
function seedRuns(options: Options): number {
  return options.fixedRuns ? options.runs : Math.max(options.runs, 20);
}

interface Variant {
  name: string;
  command: Command;
  outputDir: string;
}

type Results = Map<string, Measurement[]>;

/** Runs each variant in turn, `runs` times: interleaving spreads the machine's noise. */
async function runInterleaved(variants: readonly Variant[], runs: number): Promise<Results> {
  const results: Results = new Map(variants.map((variant) => [variant.name, []]));
  for (let run = 1; run <= runs; run++) {
    for (const variant of variants) {
      rmSync(variant.outputDir, { recursive: true, force: true });
      const measured = await measure(variant.command);
      results.get(variant.name)?.push(measured);
      process.stderr.write(
        `  run ${run}/${runs} ${variant.name}: ${measured.seconds.toFixed(2)} s, ${measured.peakMb.toFixed(0)} MB\n`,
      );
    }
  }
  return results;
}

interface Summary {
  /** The median run. */
  seconds: number;
  peakMb: number;
  /** Every run's time, for the intervals. */
  runs: number[];
}

function summarize(measurements: readonly Measurement[] | undefined): Summary {
  const list = measurements ?? [];
  const runs = list.map((m) => m.seconds);
  return { seconds: median(runs), peakMb: Math.max(...list.map((m) => m.peakMb)), runs };
}

/**
 * The 90% interval of `figure` of these builds' medians, as "low to high". `sizes`: the
 * builds of each size, run in the same rounds (see bench/bootstrap.ts).
 */
function interval(
  sizes: readonly (readonly Summary[])[],
  figure: (medians: readonly number[]) => number,
  format: (value: number) => string,
): string {
  const [low, high] = bootstrapInterval(
    sizes.map((builds) => builds.map((build) => build.runs)),
    figure,
  );
  return `${format(low)} to ${format(high)}`;
}

const ratioOf = ([a, b]: readonly number[]) => (a as number) / (b as number);

/** A speed mechanism of the build, and how to build without it. */
interface Mechanism {
  name: string;
  /** What the build does instead, for the table. */
  without: string;
  env: Record<string, string>;
  /** Where it is meant to pay: the largest size, or the seed site's start-up. */
  at: "largest" | "seed";
}

/**
 * Each mechanism that makes the build faster or smaller, turned off by a variable; the
 * benchmark builds the largest size without each in turn, so that each shows what it
 * buys (docs/performance.md: a mechanism that buys nothing goes).
 */
const MECHANISMS: readonly Mechanism[] = [
  {
    name: "comment worker",
    without: "comments in process (COMMENTS_WORKER=never)",
    env: { COMMENTS_WORKER: "never" },
    at: "largest",
  },
  {
    name: "early worker start",
    without: "the worker started by the configuration (BUILD_EARLY_WORKER=0)",
    env: { BUILD_EARLY_WORKER: "0" },
    at: "largest",
  },
  {
    name: "V8 tuning",
    without: "V8's defaults (BUILD_V8_TUNING=0)",
    env: { BUILD_V8_TUNING: "0" },
    at: "largest",
  },
  {
    name: "page-map patch",
    without: "Eleventy's page lookups (BUILD_SKIP_PATCHES=template-map-lookup)",
    env: { BUILD_SKIP_PATCHES: "template-map-lookup" },
    at: "largest",
  },
  {
    name: "dependency-graph patch",
    without: "Eleventy's edge lookups (BUILD_SKIP_PATCHES=dependency-graph-edges)",
    env: { BUILD_SKIP_PATCHES: "dependency-graph-edges" },
    at: "largest",
  },
  {
    name: "path-normalization patch",
    without: "Eleventy's path normalisation (BUILD_SKIP_PATCHES=path-normalization)",
    env: { BUILD_SKIP_PATCHES: "path-normalization" },
    at: "largest",
  },
  {
    name: "written-pages patch",
    without: "Eleventy's page writing (BUILD_SKIP_PATCHES=written-pages-memory)",
    env: { BUILD_SKIP_PATCHES: "written-pages-memory" },
    at: "largest",
  },
  {
    name: "bundled code",
    without: "the code loaded through tsx (BUILD_BUNDLE=0)",
    env: { BUILD_BUNDLE: "0" },
    at: "seed",
  },
];

const mechanismsAt = (at: Mechanism["at"]) => MECHANISMS.filter((mechanism) => mechanism.at === at);

interface SizeResult {
  posts: number;
  comments: number;
  bare: Summary;
  project: Summary;
  projectWithoutComments: Summary;
  /** The same posts with HALF_COMMENTS comments each. */
  projectHalf: Summary;
  halfComments: number;
  hugo?: Summary;
  /** The project without each mechanism (largest size only). */
  without: { mechanism: Mechanism; summary: Summary }[];
}

/** The size at which the issue sets its targets (ratio to bare Eleventy, Hugo, memory). */
const TARGET_POSTS = 4000;

/** Comments a post in the corpus that measures the cost of one more comment. */
const HALF_COMMENTS = 5;

function withoutComments(file: CorpusFile): CorpusFile | undefined {
  return isComment(file) ? undefined : file;
}

async function benchSize(
  workDir: string,
  posts: number,
  runs: number,
  withHugo: boolean,
  withMechanisms: boolean,
): Promise<SizeResult> {
  const dir = (name: string) => join(workDir, `${posts}-${name}`);
  writeProjectSite(dir("project"), repositoryRoot);
  const counts = writeCorpus(dir("project"), { posts });
  writeProjectSite(dir("project-no-comments"), repositoryRoot);
  writeCorpus(dir("project-no-comments"), { posts }, withoutComments);
  writeProjectSite(dir("project-half"), repositoryRoot);
  const half = writeCorpus(dir("project-half"), { posts, commentsPerPost: HALF_COMMENTS });
  writeBareSite(dir("bare"));
  writeCorpus(dir("bare"), { posts }, withoutComments);
  const variants: Variant[] = [
    {
      name: "bare Eleventy",
      command: bareBuild(dir("bare"), repositoryRoot, dir("bare-out")),
      outputDir: dir("bare-out"),
    },
    {
      name: "project",
      command: projectBuild(dir("project"), dir("project-out")),
      outputDir: dir("project-out"),
    },
    {
      name: "project, no comments",
      command: projectBuild(dir("project-no-comments"), dir("project-no-comments-out")),
      outputDir: dir("project-no-comments-out"),
    },
    {
      name: `project, ${HALF_COMMENTS} comments a post`,
      command: projectBuild(dir("project-half"), dir("project-half-out")),
      outputDir: dir("project-half-out"),
    },
  ];
  const mechanisms = withMechanisms ? mechanismsAt("largest") : [];
  for (const mechanism of mechanisms) {
    const command = { ...projectBuild(dir("project"), dir("project-out")), env: mechanism.env };
    variants.push({ name: `project without ${mechanism.name}`, command, outputDir: dir("project-out") });
  }
  if (withHugo) {
    writeHugoSite(dir("hugo"));
    writeCorpus(dir("hugo"), { posts }, forHugo);
    variants.push({
      name: "Hugo",
      command: hugoBuild(dir("hugo"), dir("hugo-out")),
      outputDir: dir("hugo-out"),
    });
  }
  process.stderr.write(
    `${posts} posts, ${counts.comments} comments (after one warm-up round, not counted):\n`,
  );
  // The first round's builds with comments ran 0.4–0.55 s slower at 4,000 posts in every
  // full run here, and not on a corpus built four times in a row outside the benchmark:
  // the machine, not the build (likely this VM's memory, given to it as it is first
  // touched: the first round needs more of it than anything before; not proven).
  await runInterleaved(variants, 1);
  const results = await runInterleaved(variants, runs);
  const result: SizeResult = {
    posts: counts.posts,
    comments: counts.comments,
    bare: summarize(results.get("bare Eleventy")),
    project: summarize(results.get("project")),
    projectWithoutComments: summarize(results.get("project, no comments")),
    projectHalf: summarize(results.get(`project, ${HALF_COMMENTS} comments a post`)),
    halfComments: half.comments,
    without: mechanisms.map((mechanism) => ({
      mechanism,
      summary: summarize(results.get(`project without ${mechanism.name}`)),
    })),
  };
  if (withHugo) result.hugo = summarize(results.get("Hugo"));
  for (const name of [
    "project-out",
    "project-no-comments-out",
    "project-half",
    "project-half-out",
    "bare",
    "bare-out",
    "project-no-comments",
    "hugo",
    "hugo-out",
  ])
    rmSync(dir(name), { recursive: true, force: true });
  return result;
}

/** Time per comment: what the comments add to the project's own build of the same posts. */
function perCommentMicroseconds(result: SizeResult): number {
  return microsecondsPerComment(
    result.project.seconds,
    result.projectWithoutComments.seconds,
    result.comments,
  );
}

function microsecondsPerComment(withComments: number, withoutComments: number, comments: number): number {
  return ((withComments - withoutComments) / comments) * 1e6;
}

/**
 * How much a time per comment drifts from the smallest size to the largest, from four
 * builds' medians: at the largest size the two builds compared (with more comments,
 * with fewer), then the same at the smallest; `largestComments` and `smallestComments`
 * are the comments between the two.
 */
function driftOf(largestComments: number, smallestComments: number): (medians: readonly number[]) => number {
  return ([a, b, c, d]) =>
    microsecondsPerComment(a as number, b as number, largestComments) /
      microsecondsPerComment(c as number, d as number, smallestComments) -
    1;
}

const medians = (sizes: readonly (readonly Summary[])[]) => sizes.flat().map((build) => build.seconds);

/** The 90% interval of the time per comment. */
function perCommentInterval(result: SizeResult): string {
  return interval(
    [[result.project, result.projectWithoutComments]],
    ([a, b]) => microsecondsPerComment(a as number, b as number, result.comments),
    (value) => value.toFixed(0),
  );
}

/**
 * The cost of one more comment: what going from HALF_COMMENTS to ten comments a post
 * adds, divided by the comments added. The comments' fixed costs (the first calls of
 * their code, the worker's start) are in both builds and cancel out.
 */
function commentSlopeMicroseconds(result: SizeResult): number {
  return microsecondsPerComment(
    result.project.seconds,
    result.projectHalf.seconds,
    result.comments - result.halfComments,
  );
}

const seconds = (value: number) => `${value.toFixed(2)} s`;
const megabytes = (value: number) => `${value.toFixed(0)} MB`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
/** Three decimals: with two, 1.203 would print as 1.20 beside a ✗ for "at most 1.2". */
const targetRatio = (value: number) => value.toFixed(3);
const wholePercent = (value: number) => `${(value * 100).toFixed(0)}%`;
const mark = (ok: boolean) => (ok ? "✓" : "✗");

function printTable(results: readonly SizeResult[]): void {
  const hugo = results.some((r) => r.hugo);
  const header = [
    "posts",
    "comments",
    "bare Eleventy",
    "project",
    "project / bare",
    "project, no comments",
    "per post",
    "per comment",
    "per comment, slope",
    "peak RSS project",
  ];
  if (hugo) header.push("Hugo", "project / Hugo", "peak RSS Hugo");
  console.log(`| ${header.join(" | ")} |`);
  console.log(`|${header.map(() => "---").join("|")}|`);
  for (const r of results) {
    const row = [
      r.posts.toLocaleString("en"),
      r.comments.toLocaleString("en"),
      seconds(r.bare.seconds),
      seconds(r.project.seconds),
      ratio(r.project.seconds, r.bare.seconds),
      seconds(r.projectWithoutComments.seconds),
      `${((r.project.seconds / r.posts) * 1000).toFixed(2)} ms`,
      `${perCommentMicroseconds(r).toFixed(0)} µs (${perCommentInterval(r)})`,
      `${commentSlopeMicroseconds(r).toFixed(0)} µs`,
      megabytes(r.project.peakMb),
    ];
    if (hugo)
      row.push(
        r.hugo ? seconds(r.hugo.seconds) : "–",
        r.hugo ? ratio(r.project.seconds, r.hugo.seconds) : "–",
        r.hugo ? megabytes(r.hugo.peakMb) : "–",
      );
    console.log(`| ${row.join(" | ")} |`);
  }
}

type Without = SizeResult["without"];

/** What each mechanism buys: the project without it, against the project as built by default. */
function printMechanisms(sites: readonly { name: string; project: Summary; without: Without }[]): void {
  console.log(
    "\nWhat each mechanism buys (the project without it, against the project as built by default):\n",
  );
  console.log(
    "| mechanism | where | without it | project | without | project / without (90% interval) | peak RSS project / without |",
  );
  console.log("|---|---|---|---|---|---|---|");
  for (const site of sites) {
    for (const { mechanism, summary } of site.without) {
      const figure = `${ratio(site.project.seconds, summary.seconds)} (${interval([[site.project, summary]], ratioOf, (value) => value.toFixed(2))})`;
      const peaks = `${megabytes(site.project.peakMb)} / ${megabytes(summary.peakMb)}`;
      console.log(
        `| ${mechanism.name} | ${site.name} | ${mechanism.without} | ${seconds(site.project.seconds)} | ${seconds(summary.seconds)} | ${figure} | ${peaks} |`,
      );
    }
  }
}

function printTargets(
  results: readonly SizeResult[],
  seed: { project: Summary; bare: Summary },
  dev: DevLatencies | undefined,
): void {
  console.log("\nTargets:");
  const largest = results.at(-1);
  const smallest = results[0];
  if (largest && largest.posts !== TARGET_POSTS)
    console.log(
      `(the issue sets the size targets at ${TARGET_POSTS.toLocaleString("en")} posts; judged here at ${largest.posts.toLocaleString("en")}, the largest size run)`,
    );
  if (largest) {
    const r = largest.project.seconds / largest.bare.seconds;
    console.log(
      `${mark(r <= 1.6)} ${largest.posts} posts: project / bare Eleventy = ${targetRatio(r)}, 90% interval ${interval([[largest.project, largest.bare]], ratioOf, targetRatio)} (target ≤ 1.6)`,
    );
    if (largest.hugo) {
      const h = largest.project.seconds / largest.hugo.seconds;
      console.log(
        `${mark(h <= 0.5)} ${largest.posts} posts: project ${seconds(largest.project.seconds)} vs Hugo ${seconds(largest.hugo.seconds)} = ${targetRatio(h)}, 90% interval ${interval([[largest.project, largest.hugo]], ratioOf, targetRatio)} (target ≤ 0.5)`,
      );
    } else console.log(`? ${largest.posts} posts: no hugo on the PATH, the Hugo target is not measured`);
    console.log(
      `${mark(largest.project.peakMb <= 600)} ${largest.posts} posts: peak RSS ${megabytes(largest.project.peakMb)} (target ≤ 600 MB)`,
    );
  }
  if (largest && smallest && largest !== smallest) {
    const perComment = [
      [largest.project, largest.projectWithoutComments],
      [smallest.project, smallest.projectWithoutComments],
    ];
    const driftFigure = driftOf(largest.comments, smallest.comments);
    const drift = driftFigure(medians(perComment));
    // Cheaper per comment at scale is warm-up, not growth: only dearer counts against it.
    console.log(
      `${mark(drift <= 0.1)} per comment: ${perCommentMicroseconds(smallest).toFixed(0)} µs at ${smallest.posts} posts, ${perCommentMicroseconds(largest).toFixed(0)} µs at ${largest.posts} (${wholePercent(drift)}, 90% interval ${interval(perComment, driftFigure, wholePercent)}; target: at most 10% dearer)`,
    );
    const slope = [
      [largest.project, largest.projectHalf],
      [smallest.project, smallest.projectHalf],
    ];
    const slopeFigure = driftOf(
      largest.comments - largest.halfComments,
      smallest.comments - smallest.halfComments,
    );
    console.log(
      `  (one more comment, fixed costs aside: ${commentSlopeMicroseconds(smallest).toFixed(0)} µs at ${smallest.posts} posts, ${commentSlopeMicroseconds(largest).toFixed(0)} µs at ${largest.posts}, ${wholePercent(slopeFigure(medians(slope)))}, 90% interval ${interval(slope, slopeFigure, wholePercent)})`,
    );
  }
  const seedRatio = seed.project.seconds / seed.bare.seconds;
  console.log(
    `${mark(seedRatio <= 1.2)} seed site: ${seconds(seed.project.seconds)} vs bare Eleventy ${seconds(seed.bare.seconds)} on the same content = ${targetRatio(seedRatio)}, 90% interval ${interval([[seed.project, seed.bare]], ratioOf, targetRatio)} (target ≤ 1.2)`,
  );
  if (dev !== undefined) {
    const devMs = median(dev.latencies);
    console.log(
      `${mark(devMs < 300)} dev server, 1,000 posts: a comment edit shows on its page in ${devMs.toFixed(0)} ms (median; target < 300 ms)`,
    );
    for (const mechanism of dev.without)
      console.log(
        `  (without the ${mechanism.name}: ${median(mechanism.latencies).toFixed(0)} ms, interleaved with it)`,
      );
  }
}

function describeRuns(options: Options): string {
  const more = options.sizes
    .filter((posts) => runsFor(options, posts) !== options.runs)
    .map((posts) => `${runsFor(options, posts)} at ${posts.toLocaleString("en")} posts`);
  if (seedRuns(options) !== options.runs) more.push(`${seedRuns(options)} for the seed site`);
  return `${options.runs} runs${more.length > 0 ? ` (${more.join(", ")})` : ""}`;
}

function describeState(): string {
  const git = (...args: string[]) =>
    execFileSync("git", args, { cwd: repositoryRoot, encoding: "utf8" }).trim();
  try {
    const dirty =
      git("status", "--porcelain", "--", "src", "layouts", "content", ".eleventy.ts", "package.json").length >
      0;
    return `commit ${git("rev-parse", "--short", "HEAD")}${dirty ? " + uncommitted changes" : ""}`;
  } catch {
    return "not a git checkout";
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const hugo = hugoVersion();
  const eleventy = (
    JSON.parse(readFileSync(join(repositoryRoot, "node_modules/@11ty/eleventy/package.json"), "utf8")) as {
      version: string;
    }
  ).version;
  const workDir = mkdtempSync(join(options.onDisk ? tmpdir() : TMPFS, "bench-"));
  const cleanUp = () => rmSync(workDir, { recursive: true, force: true });
  // Interrupted (Ctrl-C, or a CI time limit): the corpora go too, they may fill /dev/shm.
  for (const [signal, status] of [
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ] as const) {
    process.on(signal, () => {
      cleanUp();
      process.exit(status);
    });
  }
  try {
    process.stderr.write("seed site (after one warm-up build of each):\n");
    writeSeedSites(repositoryRoot, join(workDir, "seed-project"), join(workDir, "seed-bare"));
    const seedProject = projectBuild(join(workDir, "seed-project"), join(workDir, "seed-project-out"));
    const seedVariants: Variant[] = [
      {
        name: "bare Eleventy",
        command: bareBuild(join(workDir, "seed-bare"), repositoryRoot, join(workDir, "seed-bare-out")),
        outputDir: join(workDir, "seed-bare-out"),
      },
      { name: "project", command: seedProject, outputDir: join(workDir, "seed-project-out") },
      ...mechanismsAt("seed").map((mechanism) => ({
        name: `project without ${mechanism.name}`,
        command: { ...seedProject, env: mechanism.env },
        outputDir: join(workDir, "seed-project-out"),
      })),
    ];
    await runInterleaved(seedVariants, 1);
    const seedResults = await runInterleaved(seedVariants, seedRuns(options));
    const seed = {
      project: summarize(seedResults.get("project")),
      bare: summarize(seedResults.get("bare Eleventy")),
      without: mechanismsAt("seed").map((mechanism) => ({
        mechanism,
        summary: summarize(seedResults.get(`project without ${mechanism.name}`)),
      })),
    };

    const results: SizeResult[] = [];
    let dev: DevLatencies | undefined;
    const largestSize = Math.max(...options.sizes);
    for (const posts of options.sizes) {
      results.push(
        await benchSize(workDir, posts, runsFor(options, posts), hugo !== undefined, posts === largestSize),
      );
      if (options.dev && posts === 1000) {
        process.stderr.write("dev server, 1,000 posts:\n");
        dev = await measureDevServer(join(workDir, "1000-project"), editTargets(posts));
        process.stderr.write(`  edits: ${dev.latencies.map((ms) => `${ms.toFixed(0)} ms`).join(", ")}\n`);
      }
      rmSync(join(workDir, `${posts}-project`), { recursive: true, force: true });
    }

    // After every build, so that the builds are measured as before. In the benchmark's
    // folder when it has room there, else on the disk (bench/wordpress-import.ts).
    let imports: { results: ImportResult[]; place: string } | undefined;
    if (options.importSizes.length > 0) {
      const room = importRoom(options.importSizes, options.onDisk);
      process.stderr.write("WordPress import:\n");
      imports = {
        results: await measureImports(room.tmpfs ? workDir : room.dir, options.importSizes),
        place: room.tmpfs ? `${TMPFS} (tmpfs)` : `${room.dir} (disk)`,
      };
    }

    console.log(
      `\nBuild benchmark: ${describeState()}; Node ${process.version}, Eleventy ${eleventy}${hugo ? `, ${hugo.split(" ").slice(0, 2).join(" ")}` : ", no hugo on the PATH"}; ${cpus().length} cores (${cpus()[0]?.model ?? "unknown CPU"}); median of ${describeRuns(options)}, builds interleaved, intervals from a bootstrap of the runs; files in ${options.onDisk ? `${tmpdir()} (disk)` : `${TMPFS} (tmpfs)`}.\n`,
    );
    printTable(results);
    console.log(
      `\nSeed site: project ${seconds(seed.project.seconds)}, bare Eleventy ${seconds(seed.bare.seconds)} (${megabytes(seed.project.peakMb)} / ${megabytes(seed.bare.peakMb)} peak).`,
    );
    const largest = results.at(-1);
    printMechanisms([
      { name: "seed site", ...seed },
      ...(largest ? [{ name: `${largest.posts.toLocaleString("en")} posts`, ...largest }] : []),
    ]);
    printTargets(results, seed, dev);
    if (imports) printImports(imports.results, imports.place);
  } finally {
    cleanUp();
  }
}

await main();
