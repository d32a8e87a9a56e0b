// The deploy configuration cannot run here (GitHub Actions, Netlify): check that it says
// what the README promises, so a rename in package.json or the output folder breaks a test.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import yaml from "js-yaml";
import { repositoryRoot } from "../helpers/site.ts";

interface Step {
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
}
interface Workflow {
  on: { push: { branches: string[] } };
  permissions: Record<string, string>;
  jobs: Record<string, { steps: Step[]; needs?: string }>;
}

const workflow = yaml.load(
  readFileSync(join(repositoryRoot, ".github/workflows/deploy.yml"), "utf8"),
) as Workflow;
const scripts = (
  JSON.parse(readFileSync(join(repositoryRoot, "package.json"), "utf8")) as {
    scripts: Record<string, string>;
  }
).scripts;

describe("the GitHub Pages workflow", () => {
  const build = workflow.jobs.build?.steps ?? [];
  const runs = build.map((step) => step.run ?? step.uses ?? "");

  it("runs on pushes to main, with the permissions Pages needs", () => {
    assert.deepEqual(workflow.on.push.branches, ["main"]);
    assert.equal(workflow.permissions.pages, "write");
    assert.equal(workflow.permissions["id-token"], "write");
  });

  it("installs with npm ci, tests, then builds with the Pages base path and site address", () => {
    const order = [
      "npm ci",
      "npm test",
      "actions/configure-pages@v5",
      "npm run build",
      "actions/upload-pages-artifact@v3",
    ].map((what) => runs.indexOf(what));
    assert.ok(
      order.every((index, i) => index >= 0 && (i === 0 || index > (order[i - 1] ?? -1))),
      runs.join(" | "),
    );
    assert.ok(scripts.test && scripts.build, "package.json has the scripts the workflow runs");
    const buildStep = build.find((step) => step.run === "npm run build");
    assert.equal(buildStep?.env?.PATH_PREFIX, "${{ steps.pages.outputs.base_path }}");
    assert.match(buildStep?.env?.SITE_URL ?? "", /steps\.pages\.outputs\.origin/);
    assert.equal(build.find((step) => step.uses === "actions/configure-pages@v5")?.id, "pages");
  });

  it("uploads _site/ and deploys it with the official Pages actions", () => {
    assert.equal(build.find((step) => step.uses === "actions/upload-pages-artifact@v3")?.with?.path, "_site");
    assert.equal(workflow.jobs.deploy?.needs, "build");
    assert.ok(workflow.jobs.deploy?.steps.some((step) => step.uses === "actions/deploy-pages@v4"));
  });
});

describe("netlify.toml", () => {
  const toml = readFileSync(join(repositoryRoot, "netlify.toml"), "utf8");
  it("builds with npm run build and publishes _site", () => {
    assert.match(toml, /^\s*command = ".*npm run build"$/m);
    assert.match(toml, /^\s*publish = "_site"$/m);
  });
});
