// Drafts (`draft: true` in a post's front matter) are previewed in the dev server and
// left out of published builds: no page, no place on the home page, in the feed or in
// the sitemap. "Published" means Eleventy's run mode is "build" (`npm run build`), as
// opposed to "serve" or "watch" (`npm start`); Eleventy puts it in ELEVENTY_RUN_MODE.

export function draftsArePublished(runMode: string | undefined): boolean {
  return runMode !== "build";
}

/** True when this page must be left out of the site being built. */
export function isHiddenDraft(data: { draft?: unknown }, runMode: string | undefined): boolean {
  return data.draft === true && !draftsArePublished(runMode);
}
