// Approved comments published and the site rebuilt by the real build (COMMENTS_REBUILD=1,
// src/comment-server/publishing/): two approvals, one build, swapped in as _site; the
// comment and the reply nested under it on the page; `npm run build` still builds the
// project afterwards, through the link.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { lstatSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { createPublisher } from "../../src/comment-server/publishing/index.ts";
import { postFile, readPage, removeDir, temporaryProject } from "../helpers/site.ts";

const POST = "un-article";

describe("publishing with COMMENTS_REBUILD=1, on a real build", () => {
  let project: string;
  const logs: string[] = [];
  before(() => {
    project = temporaryProject({ [`content/posts/${POST}/index.md`]: postFile("Un article") });
  });
  after(() => removeDir(project));

  it("builds once after two approvals and serves the comment and its reply, nested", async () => {
    const publisher = createPublisher({
      projectRoot: project,
      rebuild: { debounceMs: 100 },
      log: (line) => logs.push(line),
    });
    const submittedAt = new Date("2024-07-14T08:05:30Z");
    const comment = await publisher.publish({ post: POST, author: "Greg", text: "Bien vu !", submittedAt });
    await publisher.publish({
      post: POST,
      author: "Hélène",
      parent: comment.id,
      text: "D’accord avec *Greg*.",
      submittedAt: new Date("2024-07-14T09:00:00Z"),
    });
    await publisher.close();

    assert.equal(logs.filter((line) => line.startsWith("site rebuilt")).length, 1, logs.join("\n"));
    assert.ok(lstatSync(join(project, "_site")).isSymbolicLink());
    const page = readPage(join(project, "_site"), `/${POST}/`);
    const first = page.querySelector("#comment-1");
    assert.match(first?.textContent ?? "", /Greg[\s\S]*Bien vu\s!/);
    const reply = page.querySelector("#comment-2");
    assert.equal(
      reply?.parentElement?.parentElement?.id,
      "comment-1",
      "the reply is nested under Greg's comment",
    );
    assert.equal(reply?.querySelector("em")?.textContent, "Greg");
    assert.ok(page.querySelector("time[datetime^='2024-07-14T10:05']"), "dated when submitted, in Paris");
  });

  it("npm run build still builds into the served build, through the link, and says it does not empty it", () => {
    const result = spawnSync(process.execPath, ["scripts/eleventy.js", "--config=.eleventy.ts", "--quiet"], {
      cwd: project,
      encoding: "utf8",
    });
    assert.equal(result.status, 0, result.stderr);
    assert.match(
      result.stderr + result.stdout,
      /_site\/ was not emptied before the build \(it is a symbolic link\)/,
    );
    assert.equal(readdirSync(join(project, "_site.builds")).length, 1);
    assert.ok(readPage(join(project, "_site"), `/${POST}/`).querySelector("#comment-2"));
  });
});
