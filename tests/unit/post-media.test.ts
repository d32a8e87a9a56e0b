// A post's or a page's media files are published beside its page, at its address.
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { copyPostMedia } from "../../src/build/post-media.ts";
import { postFile, removeDir, temporaryDir, writeFiles } from "../helpers/site.ts";

test("media beside index.md are copied beside the pages the build wrote; other files, and the media of pages not written, are not", () => {
  const root = temporaryDir("media");
  const output = join(root, "_site");
  try {
    writeFiles(root, {
      "content/posts/un-article/index.md": postFile("Un article"),
      "content/posts/un-article/photo.JPG": "jpeg",
      "content/posts/un-article/notes.txt": "pas un média",
      "content/posts/un-article/comments/1.md": "un commentaire",
      "content/posts/_brouillon/image.png": "png",
      "content/pages/a-propos/equipe/index.md": '---\ntitle: "Équipe"\n---\nTexte.\n',
      "content/pages/a-propos/equipe/plan.svg": "<svg/>",
      "content/posts/un-brouillon/index.md": postFile("Un brouillon", "draft: true\n"),
      "content/posts/un-brouillon/secret.png": "png",
      "_site/un-article/index.html": "<!DOCTYPE html>",
      "_site/a-propos/equipe/index.html": "<!DOCTYPE html>",
      "_site/index.html": "<!DOCTYPE html>",
    });
    // The pages the build wrote, as Eleventy lists them (the draft's is not among them).
    const written = [
      {
        inputPath: join(root, "content/posts/un-article/index.md"),
        outputPath: join(output, "un-article/index.html"),
      },
      {
        inputPath: join(root, "content/pages/a-propos/equipe/index.md"),
        outputPath: join(output, "a-propos/equipe/index.html"),
      },
      { inputPath: join(root, "content/index.11ty.js"), outputPath: join(output, "index.html") },
      { inputPath: join(root, "content/posts/un-article/index.md"), outputPath: false as const },
    ];
    assert.equal(copyPostMedia(written), 2);
    assert.equal(readFileSync(join(output, "un-article/photo.JPG"), "utf8"), "jpeg");
    assert.equal(readFileSync(join(output, "a-propos/equipe/plan.svg"), "utf8"), "<svg/>");
    assert.equal(existsSync(join(output, "un-article/notes.txt")), false);
    assert.equal(existsSync(join(output, "_brouillon")), false);
    assert.equal(existsSync(join(output, "un-brouillon/secret.png")), false);
  } finally {
    removeDir(root);
  }
});
