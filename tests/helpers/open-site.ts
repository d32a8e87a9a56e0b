// A built site served over HTTP with Chromium ready, for the browser tests: build (the
// project, or a copy given), serve the output, launch Debian's Chromium; close() undoes
// all three.
import assert from "node:assert/strict";
import type { Browser } from "playwright-core";
import { launchChromium } from "./browser.ts";
import { buildSite, removeDir, type BuildResult } from "./site.ts";
import { serveStatic, type StaticSite } from "./static-server.ts";

export interface OpenSite {
  build: BuildResult;
  site: StaticSite;
  browser: Browser;
  close(): Promise<void>;
}

/** `env`: for the build (COMMENTS_URL). */
export async function openSite(
  options: { projectDir?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<OpenSite> {
  const build = buildSite({
    ...(options.projectDir === undefined ? {} : { projectDir: options.projectDir }),
    env: options.env ?? {},
  });
  assert.equal(build.status, 0, build.stderr);
  const site = await serveStatic(build.outputDir);
  const browser = await launchChromium();
  return {
    build,
    site,
    browser,
    async close() {
      await browser.close();
      await site.close();
      removeDir(build.outputDir);
    },
  };
}
