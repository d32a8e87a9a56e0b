// Eleventy configuration: a table of contents. Each block wires one feature; the logic
// lives in src/ (plain TypeScript, no Eleventy) and is tested there.
// Started by scripts/eleventy.js (`node scripts/eleventy.js --config=.eleventy.ts`): bundled
// for `npm run build`, through tsx for the dev server.
import { HtmlBasePlugin, type CollectionApi, type UserConfig } from "@11ty/eleventy";
import { feedPlugin } from "@11ty/eleventy-plugin-rss";
import { isHiddenDraft } from "./src/authoring/drafts.ts";
import { COMMENTS_FOLDER, MENTIONS_FOLDER } from "./src/comments/read-comments.ts";
import { postDirOf, BuildComments } from "./src/comments/build-comments.ts";
import { CONTENT_DIR, ignoredPostFolderGlobs, POSTS_FOLDER } from "./src/content/post-dirs.ts";
import { compareByDateThenPath, isPostPage } from "./src/content/posts.ts";
import { ignoredPageFolderGlobs, PAGES_FOLDER } from "./src/content/page-dirs.ts";
import { compareNavOrder, isPagePage } from "./src/content/pages.ts";
import { relayCommentChanges } from "./src/dev/comment-change-relay.ts";
import { LISTINGS_CHANGED } from "./scripts/eleventy-patches/touched-file-rebuilds.js";
import { eleventyFrontMatterYaml, frontMatterProblemOf } from "./src/content/front-matter.ts";
import { headingIds, postPageIds } from "./src/html/heading-ids.ts";
import { eleventyPageDate, formatFrenchDate, machineDateTime, siteDateTime } from "./src/format/dates.ts";
import { countReflections } from "./src/format/plural.ts";
import { frenchTypography } from "./src/markdown/french-typography-text.ts";
import { createArticleMarkdown } from "./src/markdown/article-markdown.ts";
import { siteMetadata } from "./src/site/metadata.ts";
import { renderHomePage, type HomePage } from "./src/site/home-page.ts";
import { collectTags, postTagLinks, tagPages, type Tag } from "./src/site/tags.ts";
import { renderPostTags, renderTagIndex, renderTagPage, type TagPageView } from "./src/site/tag-pages.ts";
import { newestDate } from "./src/site/newest-date.ts";
import { absoluteUrl, homeUrl, pathPrefixFromEnv } from "./src/site/path-prefix.ts";
import { buildCommentsUrl } from "./src/site/comments-url.ts";
import { metaContentSecurityPolicy, securityHeaders } from "./src/site/security-headers.ts";
import { COMMENT_FEED_FILE } from "./src/feeds/comment-feed.ts";
import { decideEmptying, emptyFolder } from "./src/build/output-folder.ts";
import { copyPostMedia } from "./src/build/post-media.ts";
import { reportContentProblems } from "./src/content/report.ts";
import { planSiteRedirects, type Redirect } from "./src/redirects/alias-claims.ts";
import {
  hostRules,
  hostRuleWarnings,
  renderRedirectsFile,
  type HostRules,
} from "./src/redirects/host-rules.ts";
import { renderNginxConf } from "./src/redirects/nginx-conf.ts";
import { writeRedirectPages, writesRedirectPages } from "./src/redirects/redirect-pages.ts";

// Where posts and their comments live (the content contract in the README).
const POSTS_DIR = `${CONTENT_DIR}/${POSTS_FOLDER}`;
// Where a build writes the site, unless told otherwise (--output).
const OUTPUT_DIR = "_site";
const COMMENT_FILES = `${POSTS_DIR}/*/${COMMENTS_FOLDER}/**`;
const MENTION_FILES = `${POSTS_DIR}/*/${MENTIONS_FOLDER}/**`;
// Where pages live, at any depth, with their own comments and mentions (src/content/page-dirs.ts).
const PAGES_DIR = `${CONTENT_DIR}/${PAGES_FOLDER}`;

const isDevServer = process.env.ELEVENTY_RUN_MODE === "serve" || process.env.ELEVENTY_RUN_MODE === "watch";

// One relay per process, even when Eleventy reloads this configuration: it tells the
// comments of the latest configuration which post's comments changed.
let relayStarted = false;
let onCommentChange: (postDir: string) => void = () => undefined;
function startCommentChangeRelay(onChange: (postDir: string) => void): void {
  onCommentChange = onChange;
  if (!relayStarted) {
    relayCommentChanges(POSTS_DIR, undefined, (postDir) => onCommentChange(postDir));
    relayCommentChanges(PAGES_DIR, undefined, (pageDir) => onCommentChange(pageDir), { nested: true });
  }
  relayStarted = true;
}

export default function (eleventyConfig: UserConfig) {
  const metadata = siteMetadata();
  // The comment server's address (COMMENTS_URL): post pages get its form and "Répondre"
  // links, and may send forms there only. Without it, comments are closed. A wrong value
  // stops the build in one line (src/site/comments-url.ts).
  const commentsUrl = buildCommentsUrl();
  // One-off builds of large sites validate and render comments in a worker thread, on a
  // second core: the launcher's, started before this configuration loaded, or one started
  // now; the dev server keeps them in process, cached by modification time.
  const comments = new BuildComments();
  comments.prepare(process.env.ELEVENTY_RUN_MODE ?? "", CONTENT_DIR);

  // The home page's absolute address, path prefix included. eleventyConfig.pathPrefix is
  // only known once the command line is read: read when asked, computed once.
  let home = { prefix: "", url: "" };
  const siteHome = () => {
    const prefix = eleventyConfig.pathPrefix ?? "/";
    if (home.prefix !== prefix) home = { prefix, url: homeUrl(metadata.url, prefix) };
    return home.url;
  };

  // Site identity, available to every template as `metadata`.
  eleventyConfig.addGlobalData("metadata", metadata);

  // Front matter YAML keeps dates as strings, so src/content/schemas.ts can check them;
  // the pages' dates are then read without luxon (src/format/dates.ts). A post's broken
  // YAML or date does not stop Eleventy as it reads: the content check reports it, in one
  // line, and stops the build before a page is written (see the preprocessor below).
  eleventyConfig.setFrontMatterParsingOptions({ engines: { yaml: eleventyFrontMatterYaml } });
  eleventyConfig.addDateParsing(function (value) {
    return eleventyPageDate(value, isPostPage(this.page.inputPath, POSTS_DIR));
  });

  // Articles: our own markdown-it instance (src/markdown/article-markdown.ts). It gives
  // the headings their ids, after those of the page above the article (the post's <h1>).
  eleventyConfig.setLibrary(
    "md",
    createArticleMarkdown({
      pageIds: (data) =>
        postPageIds(frenchTypography(String((data as { title?: unknown } | undefined)?.title ?? ""))),
    }),
  );

  // Comments and mentions are data, not templates: Eleventy never sees them as pages.
  // src/comments/ reads them (the comment worker, or the comment reader in process).
  // In the dev server, Eleventy does not watch them (a change would rebuild every page):
  // src/dev/comment-change-relay.ts touches the post instead, so only its page rebuilds.
  // A page's comments and mentions, and its folders set aside, go with them.
  for (const glob of [COMMENT_FILES, MENTION_FILES, ...ignoredPageFolderGlobs(PAGES_DIR)]) {
    eleventyConfig.ignores.add(glob);
    eleventyConfig.watchIgnores.add(glob);
  }
  if (isDevServer) startCommentChangeRelay(comments.followChanges());
  // A post the relay touched, its text unchanged, is rendered alone, unless the pages that
  // list it change (its count of comments): scripts/eleventy-patches/touched-file-rebuilds.js
  // asks this of each touched file. Any other file touched without a change lists nothing.
  if (isDevServer)
    Reflect.set(globalThis, LISTINGS_CHANGED, (inputPath: string) =>
      isPostPage(inputPath, POSTS_DIR) || isPagePage(inputPath, PAGES_DIR)
        ? comments.listingsChanged(postDirOf(inputPath))
        : false,
    );
  // Post folders set aside ("_brouillon/", ".cache/") are no posts: the checks skip them
  // (src/content/post-dirs.ts), and Eleventy neither builds nor watches them.
  for (const glob of ignoredPostFolderGlobs(POSTS_DIR)) {
    eleventyConfig.ignores.add(glob);
    eleventyConfig.watchIgnores.add(glob);
  }
  // Eleventy waits until a changed file has kept its size for 150 ms before rebuilding (a
  // guard against reading half-written files), a large part of the time a comment edit
  // takes to show. 20 ms covers an editor's save (the relay's touch is a single write); a file
  // still being written after that is read twice, the second rebuild getting it whole.
  eleventyConfig.setChokidarConfig({ awaitWriteFinish: { stabilityThreshold: 20, pollInterval: 5 } });

  // The dev server's finder of JavaScript imports cannot follow the configuration's
  // TypeScript imports (a change in src/ rebuilds nothing either way), so it is off: no
  // work for nothing. Authors edit content, which is watched; after a change to the code
  // in src/, restart `npm start`.
  // https://www.11ty.dev/docs/watch-serve/#watch-javascript-dependencies
  eleventyConfig.setWatchJavaScriptDependencies(false);

  // Validate all content before anything renders (src/content/check-content.ts,
  // src/comments/build-comments.ts).
  // A one-off build writing files first empties the project's own _site/, when that is
  // safe: no page of a deleted post or of a draft is left to deploy (src/build/output-folder.ts).
  eleventyConfig.on("eleventy.before", async ({ directories, runMode, outputMode }) => {
    // A dry run (--dryrun) or a build to JSON (--to=json) writes no file: no feed either.
    const writesFiles = outputMode === "fs" && !process.argv.includes("--dryrun");
    writingFiles = writesFiles;
    if (runMode === "build" && writesFiles) {
      const decision = decideEmptying(directories.output, OUTPUT_DIR, process.cwd());
      if (decision.empty) emptyFolder(directories.output);
      else if (decision.warning) console.warn(decision.warning);
    }
    await comments.beginBuild({
      contentDir: directories.input,
      outputDir: directories.output,
      runMode,
      writesFiles,
      site: {
        homeUrl: siteHome(),
        title: metadata.title,
        language: metadata.language,
        author: metadata.author,
        commentMaxDepth: metadata.commentMaxDepth,
        commentsUrl,
      },
    });
  });

  // After a full build, prove every comment of every published post is on its page
  // exactly once (src/comments/render-ledger.ts). Dev rebuilds may render only some pages.
  eleventyConfig.on("eleventy.after", () => comments.endBuild());

  // The media beside a post's or a page's index.md, published beside its page (src/build/post-media.ts).
  eleventyConfig.on("eleventy.after", ({ results }) => {
    if (writingFiles) copyPostMedia(results ?? []);
  });

  // Drafts (`draft: true`) show in the dev server and are left out of `npm run build`:
  // no page, not on the home page, the feed or the sitemap (src/authoring/drafts.ts).
  // A post the content check refused is left out of the dev server (the build stops on
  // it); another template's broken front matter stops everything, naming it.
  // https://www.11ty.dev/docs/config-preprocessors/
  eleventyConfig.addPreprocessor("drafts and refused posts", "*", function (data) {
    const problem = frontMatterProblemOf(data);
    // Pages (content/pages/) are checked, and refused, as posts are.
    const isPost = isPostPage(this.inputPath, POSTS_DIR) || isPagePage(this.inputPath, PAGES_DIR);
    if (problem !== undefined && !isPost)
      throw new Error(`${this.inputPath}: front matter: invalid YAML: ${problem}`);
    if (isPost && comments.refused(postDirOf(this.inputPath))) return false;
    return isHiddenDraft(data, process.env.ELEVENTY_RUN_MODE) ? false : undefined;
  });

  // The posts, oldest first (templates reverse them where they want newest first).
  // Eleventy builds collections after reading every template and before writing any page:
  // the moment the comment worker's problems stop a build.
  eleventyConfig.addCollection("posts", async (api) => {
    await comments.ensureValid();
    // A test of each path, cheaper than getFilteredByGlob's glob matching on every page.
    return api
      .getAll()
      .filter((item) => isPostPage(item.inputPath, POSTS_DIR))
      .sort(compareByDateThenPath);
  });

  // The pages (content/pages/, src/content/pages.ts), by address: in the sitemap, not on the
  // home page, in the posts' feed or in tags. Those with `nav` are the site header's
  // navigation (layouts/base.njk), in that order; with none, the header is as it was.
  eleventyConfig.addCollection("pages", async (api) => {
    await comments.ensureValid();
    return api
      .getAll()
      .filter((item) => isPagePage(item.inputPath, PAGES_DIR))
      .sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  });
  eleventyConfig.addCollection("navigation", (api) =>
    api
      .getAll()
      .filter((item) => isPagePage(item.inputPath, PAGES_DIR) && item.data.nav !== undefined)
      .sort(compareNavOrder),
  );

  // The tags of the published posts (src/site/tags.ts): /tags/ lists them
  // (content/tags/index.njk), each has its pages (content/tags/tag-pages.11ty.js, one
  // Eleventy page per entry of `tagPages`), and each post page links to them.
  const sortedPosts = (api: CollectionApi) =>
    api
      .getAll()
      .filter((item) => isPostPage(item.inputPath, POSTS_DIR))
      .sort(compareByDateThenPath);
  eleventyConfig.addCollection("tagIndex", (api) => collectTags(sortedPosts(api)));
  eleventyConfig.addCollection("tagPages", (api) => tagPages(collectTags(sortedPosts(api))));
  eleventyConfig.addJavaScriptFunction("renderTagPage", (page: TagPageView) => renderTagPage(page));
  eleventyConfig.addFilter("tagIndexPage", (tags: Tag[] | undefined) =>
    renderTagIndex((tags ?? []).map((tag) => ({ name: tag.name, url: tag.url, count: tag.posts.length }))),
  );
  eleventyConfig.addFilter("postTags", (tags: unknown, index: Tag[] | undefined) =>
    String(renderPostTags(postTagLinks({ tags }, index))),
  );

  // Old addresses keep working: the `aliases` of posts and pages (src/redirects/), checked
  // across the site (an address is one page's, or one alias's), become `_redirects` for
  // Netlify and Cloudflare Pages (content/_redirects.njk), nginx's map
  // (content/redirects.nginx.conf.njk) and, elsewhere, a small page at each old
  // address, written after Eleventy's pages (eleventy.after, below).
  let redirectPlan: { redirects: Redirect[]; rules: HostRules } = {
    redirects: [],
    rules: { exact: [], patterns: [] },
  };
  eleventyConfig.addCollection("redirects", (api) => {
    const items = api.getAll();
    // The plan check:content makes too (src/redirects/alias-claims.ts).
    const plan = planSiteRedirects(
      items.map((item) => ({ file: item.inputPath, data: item.data })),
      CONTENT_DIR,
    );
    reportContentProblems(plan.problems, { stopOnError: process.env.ELEVENTY_RUN_MODE === "build" });
    const taken = new Set(items.map((item) => /^\/([^/]+)\//.exec(item.url)?.[1] ?? ""));
    redirectPlan = { redirects: plan.redirects, rules: hostRules(plan.redirects, taken) };
    for (const warning of hostRuleWarnings(redirectPlan.rules)) console.warn(warning);
    return redirectPlan;
  });
  eleventyConfig.addFilter("redirectsFile", (plan: typeof redirectPlan) =>
    renderRedirectsFile(plan.rules, eleventyConfig.pathPrefix),
  );
  eleventyConfig.addFilter("nginxConf", (plan: typeof redirectPlan) =>
    renderNginxConf(plan.redirects, plan.rules, {
      siteUrl: metadata.url,
      pathPrefix: eleventyConfig.pathPrefix,
    }),
  );
  // The pages, once Eleventy has written its own (a dry run writes none); the dev server
  // rewrites only those that changed.
  const redirectPagesWritten = new Map<string, string>();
  let writingFiles = false;
  eleventyConfig.on("eleventy.after", ({ directories }) => {
    if (!writingFiles || !writesRedirectPages()) return;
    writeRedirectPages(
      redirectPlan.redirects,
      {
        title: metadata.title,
        language: metadata.language,
        contentSecurityPolicy: metaContentSecurityPolicy({ liveReload: false, commentsUrl }),
        pathPrefix: eleventyConfig.pathPrefix ?? "/",
        absoluteUrl: (url) => absoluteUrl(url, siteHome()),
      },
      directories.output,
      redirectPagesWritten,
    );
  });

  // Filters: presentation data prepared in src/, escaped by the templates.
  // A post page's comments: its section and its JSON-LD, escaped by src/ (the layout
  // prints them with `safe`). Rendering the page also writes its comment feed. Async: the
  // comment worker may still be rendering them. https://www.11ty.dev/docs/filters/#asynchronous-filters
  eleventyConfig.addAsyncFilter("postComments", (inputPath: string) =>
    comments.postPage(postDirOf(inputPath)),
  );
  eleventyConfig.addFilter("commentCount", (inputPath: string) => comments.count(postDirOf(inputPath)));
  // For the JavaScript templates and data files (content/), which import no TypeScript.
  eleventyConfig.addJavaScriptFunction("renderHomePage", (page: HomePage) => renderHomePage(page));
  eleventyConfig.addFilter("reflections", (count: number) => countReflections(count));
  eleventyConfig.addFilter("frenchDate", (date: Date) => formatFrenchDate(siteDateTime(date)));
  eleventyConfig.addFilter("isoDateTime", (date: Date) => machineDateTime(siteDateTime(date)));
  eleventyConfig.addFilter("frenchTypography", (text: string) => frenchTypography(text));

  // Absolute addresses (canonical URL, Open Graph, sitemap), path prefix included. (Not
  // "absoluteUrl": the feed plugin has a filter of that name.)
  // A page without a URL (permalink: false) has none to make absolute.
  eleventyConfig.addFilter("fullUrl", (url: unknown) =>
    typeof url === "string" ? absoluteUrl(url, siteHome()) : url,
  );

  // Being found and shared: each post has an Atom feed of its comments, next to its page
  // (src/feeds/comment-feed.ts, written with the page's comments above).
  eleventyConfig.addFilter("commentFeedUrl", (postUrl: string) => `${postUrl}${COMMENT_FEED_FILE}`);

  // Content Security Policy and security headers, written once (src/site/security-headers.ts):
  // in each page's <meta> (relaxed for the dev server's live reload) and in `_headers`.
  eleventyConfig.addGlobalData("security", {
    contentSecurityPolicy: metaContentSecurityPolicy({
      liveReload: process.env.ELEVENTY_RUN_MODE === "serve",
      commentsUrl,
    }),
    headers: securityHeaders({ commentsUrl }),
  });

  // Ids on the layouts' headings, the same rules as the articles' (src/html/heading-ids.ts):
  // no HTML transform parses the pages. Ids starting with "comment-" are the comments'.
  eleventyConfig.addFilter("headingId", (text: string) => headingIds([text])[0]);

  // Links work under a path prefix (--pathprefix=/blog/). https://www.11ty.dev/docs/plugins/html-base/
  // At the root ("/") its transform is disabled, so no page is parsed; its `htmlBaseUrl`
  // filter and the feed's `renderTransforms` still work.
  eleventyConfig.addPlugin(HtmlBasePlugin);

  // Atom feed of the posts. https://www.11ty.dev/docs/plugins/rss/
  eleventyConfig.addPlugin(feedPlugin, {
    type: "atom",
    outputPath: "/feed.xml",
    collection: { name: "posts", limit: 20 },
    metadata: {
      language: metadata.language,
      title: metadata.title,
      subtitle: metadata.description,
      base: metadata.url,
      author: { name: metadata.author.name },
    },
  });

  // The feed's <updated> is its newest post's date, and the epoch when it has none yet
  // (the plugin would say "now"): the same commit always builds the same bytes.
  eleventyConfig.addPlugin((config: UserConfig) =>
    config.addFilter("getNewestCollectionItemDate", newestDate),
  );

  // The stylesheet, copied as is.
  eleventyConfig.addPassthroughCopy({ "layouts/assets": "assets" });

  return {
    dir: { input: CONTENT_DIR, includes: "../layouts", data: "_data", output: OUTPUT_DIR },
    // Posts are pure Markdown: no template language runs inside them.
    markdownTemplateEngine: false,
    htmlTemplateEngine: "njk",
    // 11ty.js: the home page (content/index.11ty.js says why not Nunjucks).
    templateFormats: ["md", "njk", "11ty.js"],
    // The sub-path the site is served under: PATH_PREFIX, or --pathprefix (src/site/path-prefix.ts).
    pathPrefix: pathPrefixFromEnv(),
  };
}
