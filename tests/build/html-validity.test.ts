// Every built page is valid HTML (html-validate, rules of .htmlvalidate.json), for the
// seed site and for a fixture that reaches every template branch: several pages of
// posts, a post without comments, a thread deeper than the display cap, commenters with
// a web site, the hostile comment corpus, a withdrawn comment and a post closed to
// comments, and a site of pages (nested, in the navigation, with comments) and mentions.
// All are built with COMMENTS_URL, so the comment form and the "Répondre" links are
// checked too; the seed also without it (comments closed).
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { HtmlValidate, StaticConfigLoader, type ConfigData } from "html-validate";
import { hostileBodies } from "../fixtures/hostile.ts";
import { pagesContent } from "../fixtures/pages-project.ts";
import { findBrokenLinks } from "../helpers/link-check.ts";
import {
  buildSite,
  builtFiles,
  commentFile,
  postFile,
  removeDir,
  repositoryRoot,
  temporaryProject,
  type BuildResult,
} from "../helpers/site.ts";

const config = JSON.parse(readFileSync(join(repositoryRoot, ".htmlvalidate.json"), "utf8")) as ConfigData;
const validator = new HtmlValidate(new StaticConfigLoader(config));

async function validationErrors(outputDir: string): Promise<string[]> {
  const files = builtFiles(outputDir).filter((file) => file.endsWith(".html"));
  assert.ok(files.length > 0, "the build wrote pages");
  const errors: string[] = [];
  for (const file of files) {
    const report = await validator.validateString(readFileSync(join(outputDir, file), "utf8"), file);
    for (const result of report.results) {
      for (const message of result.messages)
        errors.push(`${file}:${message.line}:${message.column}: ${message.ruleId}: ${message.message}`);
    }
  }
  return errors;
}

function fixtureProject(): string {
  const files: Record<string, string> = {};
  for (let n = 1; n <= 12; n++) {
    const day = String(n).padStart(2, "0");
    files[`content/posts/article-${n}/index.md`] = postFile(`Article ${n}`).replace(
      "2024-03-01",
      `2024-03-${day}`,
    );
  }
  const comments = "content/posts/article-1/comments";
  // A chain of seven replies: deeper than the five levels shown.
  for (let n = 1; n <= 7; n++) {
    const fields: Record<string, string> = {
      author: n % 2 ? "Camille" : "Léa",
      date: `2024-03-02T10:0${n}:00+01:00`,
    };
    if (n > 1) fields.parent = `"${n - 1}"`;
    if (n === 2) fields.url = "https://exemple.fr/lea";
    if (n === 3) fields.withdrawn = "true";
    files[`${comments}/${n}.md`] = commentFile(
      fields,
      `Réponse ${n}, avec un [lien](https://exemple.fr/) et du \`code\`.\n\n- une liste\n- à puces`,
    );
  }
  let id = 100;
  for (const body of Object.values(hostileBodies)) {
    id++;
    files[`${comments}/${id}.md`] = commentFile(
      { author: "Anonyme", date: `2024-03-03T10:00:00+01:00` },
      body,
    );
  }
  files["content/posts/article-2/index.md"] = postFile("Article 2", "comments: closed\n").replace(
    "2024-03-01",
    "2024-03-02",
  );
  files["content/posts/article-2/comments/1.md"] = commentFile({
    author: "Léa",
    date: "2024-03-03T10:00:00+01:00",
  });
  return temporaryProject(files);
}

const COMMENTS_URL = "https://commentaires.exemple.fr";

describe("HTML validity of every built page", () => {
  let seed: BuildResult;
  let closedSeed: BuildResult;
  let fixture: BuildResult;
  let project: string;
  before(() => {
    seed = buildSite({ env: { COMMENTS_URL } });
    assert.equal(seed.status, 0, seed.stderr);
    closedSeed = buildSite({ env: { COMMENTS_URL: "" } });
    assert.equal(closedSeed.status, 0, closedSeed.stderr);
    project = fixtureProject();
    fixture = buildSite({ projectDir: project, env: { COMMENTS_URL } });
    assert.equal(fixture.status, 0, fixture.stderr);
  });
  after(() => {
    removeDir(seed.outputDir);
    removeDir(closedSeed.outputDir);
    removeDir(fixture.outputDir);
    removeDir(project);
  });

  it("has no html-validate error on the seed site, with its comment form and without", async () => {
    assert.ok(
      readFileSync(
        join(seed.outputDir, "le-smo-le-nouveau-community-management/index.html"),
        "utf8",
      ).includes("<form"),
    );
    assert.deepEqual(await validationErrors(seed.outputDir), []);
    assert.deepEqual(await validationErrors(closedSeed.outputDir), []);
  });

  it("has no html-validate error, and no broken link, on a site with several pages, deep threads and hostile comments", async () => {
    assert.ok(
      readdirSync(join(fixture.outputDir, "page")).includes("2"),
      "the fixture has a second page of posts",
    );
    const article = readFileSync(join(fixture.outputDir, "article-1/index.html"), "utf8");
    assert.match(article, /Commentaire retiré/);
    assert.match(
      readFileSync(join(fixture.outputDir, "article-2/index.html"), "utf8"),
      /Les commentaires sont fermés/,
    );
    assert.deepEqual(await validationErrors(fixture.outputDir), []);
    assert.deepEqual(findBrokenLinks(fixture.outputDir), []);
  });

  it("has no html-validate error, and no broken link, on a site of pages, its navigation and mentions", async () => {
    const pagesProject = temporaryProject(pagesContent());
    const pages = buildSite({ projectDir: pagesProject, env: { COMMENTS_URL } });
    try {
      assert.equal(pages.status, 0, pages.stderr);
      const equipe = readFileSync(join(pages.outputDir, "a-propos/equipe/index.html"), "utf8");
      assert.match(equipe, /<nav class="site-nav"[\s\S]*id="mention-3"[\s\S]*<form/);
      assert.match(readFileSync(join(pages.outputDir, "un-article/index.html"), "utf8"), /id="mention-4"/);
      assert.deepEqual(await validationErrors(pages.outputDir), []);
      assert.deepEqual(findBrokenLinks(pages.outputDir), []);
    } finally {
      removeDir(pages.outputDir);
      removeDir(pagesProject);
    }
  });

  it("would notice invalid HTML (the validator can fail)", async () => {
    const report = await validator.validateString(
      "<!DOCTYPE html><html lang=fr><head><title>x</title></head><body><p><div>x</div></p><img src=a></body></html>",
      "broken.html",
    );
    assert.equal(report.valid, false);
  });
});
