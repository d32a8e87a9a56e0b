// The flags a large build sets at run time (src/build/v8-tiering.ts): V8 ignores a flag it
// does not know, with a line on stderr and no error, so a flag renamed in a later Node
// would silently stop doing anything.
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { describe, it, mock } from "node:test";
import { LARGE_BUILD_V8_FLAGS, tuneV8ForLargeBuild, wantsV8Tuning } from "../../src/build/v8-tiering.ts";

/** Each flag V8 knows, with its default as `node --v8-options` prints it. */
function v8Defaults(): Map<string, string> {
  const help = execFileSync(process.execPath, ["--v8-options"], { encoding: "utf8" });
  const defaults = new Map<string, string>();
  for (const match of help.matchAll(/^\s+--([\w-]+) \(.*\)\n\s+type: \w+\s+default: (--[\w-]+(?:=\S*)?)/gm))
    defaults.set(match[1] as string, match[2] as string);
  return defaults;
}

describe("V8 tuned for a large build", () => {
  const defaults = v8Defaults();

  it("reads V8's flags from this Node", () => {
    assert.ok(defaults.size > 100, `only ${defaults.size} flags found in node --v8-options`);
    assert.equal(defaults.get("interrupt-budget")?.startsWith("--interrupt-budget="), true);
  });

  for (const flag of LARGE_BUILD_V8_FLAGS) {
    it(`sets ${flag}, a flag this V8 knows, away from its default`, () => {
      const name = /^--(?:no-)?([\w-]+)/.exec(flag)?.[1] ?? "";
      const normalized = name.replaceAll("_", "-");
      const byDefault = defaults.get(normalized);
      assert.ok(byDefault, `node --v8-options has no --${normalized}`);
      assert.notEqual(byDefault, flag, `${flag} is already V8's default`);
    });
  }

  it("takes effect at run time, without a warning", () => {
    const script = `import { tuneV8ForLargeBuild } from ${JSON.stringify(new URL("../../src/build/v8-tiering.ts", import.meta.url).href)}; tuneV8ForLargeBuild();`;
    const run = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      encoding: "utf8",
    });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout + run.stderr, "");
  });

  it("is for machines of one or two cores, unless BUILD_V8_TUNING says otherwise", () => {
    assert.equal(wantsV8Tuning({}, 1), true);
    assert.equal(wantsV8Tuning({}, 2), true);
    assert.equal(wantsV8Tuning({}, 8), false);
    assert.equal(wantsV8Tuning({ BUILD_V8_TUNING: "1" }, 8), true);
    assert.equal(wantsV8Tuning({ BUILD_V8_TUNING: "0" }, 2), false);
  });

  it("warns of a flag this V8 refuses, sets the others, and never throws", (t) => {
    const warn = t.mock.method(console, "warn", () => undefined);
    const set = mock.fn((flag: string) => {
      if (flag === "--refused") throw new TypeError("unknown flag");
    });
    assert.doesNotThrow(() => tuneV8ForLargeBuild(["--refused", "--interrupt-budget=300000"], set));
    assert.deepEqual(
      set.mock.calls.map((call) => call.arguments[0]),
      ["--refused", "--interrupt-budget=300000"],
    );
    assert.equal(warn.mock.callCount(), 1);
    assert.match(String(warn.mock.calls[0]?.arguments[0]), /--refused not set \(unknown flag\)/);
  });
});
