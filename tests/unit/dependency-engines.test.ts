// The project promises Node 20.19 (package.json's engines, the README): every package
// installed (package-lock.json) must accept it, so that an upgrade to a version that
// needs a newer Node (better-sqlite3 13, Kysely 0.29) fails here rather than on a
// reader's server. One exception, said in the README: cookie 2 asks for Node 22 because
// it is an ES module only, which Node 20.19 loads from `require` as its users call it.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, it } from "node:test";
import semver from "semver";
import { repositoryRoot } from "../helpers/site.ts";

const PROMISED = "20.19.0";

interface LockedPackage {
  version?: string;
  engines?: { node?: string } | string[];
}

function lockedPackages(): Array<[path: string, locked: LockedPackage]> {
  const lock = JSON.parse(readFileSync(join(repositoryRoot, "package-lock.json"), "utf8")) as {
    packages: Record<string, LockedPackage>;
  };
  return Object.entries(lock.packages).filter(([path]) => path !== "");
}

/** The Node range a package declares (engines as an object; the old array form says nothing of Node). */
function nodeRange(locked: LockedPackage): string | undefined {
  return Array.isArray(locked.engines) ? undefined : locked.engines?.node;
}

describe("the Node version the project promises", () => {
  it("is Node 20.19, in package.json", () => {
    const manifest = JSON.parse(readFileSync(join(repositoryRoot, "package.json"), "utf8")) as {
      engines?: { node?: string };
    };
    assert.equal(semver.minVersion(manifest.engines?.node ?? "")?.version, PROMISED);
  });

  it("is accepted by every installed package, cookie 2 aside", () => {
    const refusing = lockedPackages()
      .filter(([, locked]) => {
        const range = nodeRange(locked);
        return range !== undefined && !semver.satisfies(PROMISED, range);
      })
      .map(
        ([path, locked]) =>
          `${path.replace(/^.*node_modules\//, "")}@${locked.version} (node ${nodeRange(locked)})`,
      );
    assert.deepEqual(
      refusing.filter((name) => !name.startsWith("cookie@2.")),
      [],
      "packages that refuse Node 20.19",
    );
  });

  it("loads cookie 2 from require, as Fastify's packages do", () => {
    const requireFromFastify = createRequire(join(repositoryRoot, "node_modules/light-my-request/index.js"));
    const cookie = requireFromFastify("cookie") as { parseCookie?: unknown; stringifySetCookie?: unknown };
    assert.equal(typeof cookie.parseCookie, "function");
    assert.equal(typeof cookie.stringifySetCookie, "function");
  });
});
