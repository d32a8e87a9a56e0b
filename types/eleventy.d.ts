// Types for the parts of Eleventy's API this project uses. Eleventy 3.1 ships no .d.ts
// file: its only types are the JSDoc in its JavaScript (package.json's exports give
// "./UserConfig" the "types" src/UserConfig.js; "." is src/Eleventy.js). None of them
// is used here, because under this tsconfig (strict, allowJs, checkJs) they cannot be:
// - TypeScript reads JavaScript under node_modules only with `maxNodeModuleJsDepth` of
//   1 or more. At 0, the default, `import type UserConfig from
//   "@11ty/eleventy/UserConfig"` fails with TS7016 ("Could not find a declaration file
//   for module '@11ty/eleventy/UserConfig'. '…/src/UserConfig.js' implicitly has an
//   'any' type."), and so does any import of "@11ty/eleventy" without the declarations
//   below.
// - With it, checkJs type-checks Eleventy's own files under our strict rules
//   (skipLibCheck skips .d.ts files only, and a tsconfig cannot exclude a file that an
//   import pulls in): hundreds of errors in src/UserConfig.js and src/Eleventy.js at
//   depth 1 (TS7006 "Parameter 'callback' implicitly has an 'any' type", TS2532
//   "Object is possibly 'undefined'", TS2339 "Property 'loader' does not exist on type
//   'EleventyOptions'", TS7016 for its own imports: `debug`, `./TemplateWriter.js`…),
//   and more at each depth after. `npm run typecheck` fails.
// - Read anyway, they do not describe what we call. Most methods have no JSDoc:
//   `on(eventName: any, callback: any)`, `addCollection(name: any, callback: any)`,
//   `addDateParsing(callback: any)` and the `Eleventy` constructor's options leave our
//   callbacks' parameters implicitly `any` (TS7031 on `({ directories, runMode,
//   outputMode })`, TS7006 on `api`, `value`, `eleventyConfig`); `watchIgnores` is
//   `Set<any> | undefined` (TS18048 on `watchIgnores.add`).
// So each declaration below stands for one of those members, typed as Eleventy 3.1
// behaves (https://www.11ty.dev/docs/config/, https://www.11ty.dev/docs/events/). Try
// Eleventy's own again when it ships .d.ts files.
declare module "@11ty/eleventy" {
  /** The folders of a build, as the `eleventy.before` event gives them. */
  export interface EleventyDirectories {
    input: string;
    output: string;
    includes: string;
    data: string;
  }
  /** What `eleventy.before` and `eleventy.after` callbacks get: Eleventy's `on()` says nothing of it. */
  export interface EleventyEventArgs {
    directories: EleventyDirectories;
    runMode: "build" | "watch" | "serve";
    outputMode?: string;
    results?: Array<{ inputPath: string; outputPath: string | false; url: string; content: string }>;
  }
  /** The configuration API `.eleventy.ts` receives (Eleventy's is src/UserConfig.js, see above). */
  export interface UserConfig {
    pathPrefix?: string;
    ignores: Set<string>;
    watchIgnores: Set<string>;
    addPlugin(plugin: unknown, options?: object): void;
    addFilter(name: string, filter: (...args: never[]) => unknown): void;
    addAsyncFilter(name: string, filter: (...args: never[]) => Promise<unknown>): void;
    addShortcode(name: string, shortcode: (...args: never[]) => unknown): void;
    addJavaScriptFunction(name: string, fn: (...args: never[]) => unknown): void;
    addGlobalData(name: string, data: unknown): void;
    addCollection(name: string, builder: (api: CollectionApi) => unknown): void;
    addPassthroughCopy(path: string | Record<string, string>): void;
    setWatchJavaScriptDependencies(enabled: boolean): void;
    setLibrary(extension: string, library: unknown): void;
    addDateParsing(
      callback: (this: { page: { inputPath: string } }, value: unknown) => Date | undefined,
    ): void;
    setFrontMatterParsingOptions(options: object): void;
    setChokidarConfig(options: object): void;
    addPreprocessor(
      name: string,
      extensions: string,
      callback: (this: { inputPath: string }, data: Record<string, unknown>, content: string) => unknown,
    ): void;
    on(event: "eleventy.before" | "eleventy.after", callback: (args: EleventyEventArgs) => unknown): void;
  }
  /** A page in a collection, and the API `addCollection` callbacks get: Eleventy's `addCollection()` has no types for either. */
  export interface CollectionItem {
    inputPath: string;
    url: string;
    date: Date;
    data: Record<string, unknown>;
  }
  export interface CollectionApi {
    getFilteredByGlob(glob: string): CollectionItem[];
    getAll(): CollectionItem[];
  }
  /** The programmatic API, for tests: Eleventy's constructor has no types for its options. */
  export class Eleventy {
    constructor(
      input?: string,
      output?: string,
      options?: { quietMode?: boolean; config?: (eleventyConfig: UserConfig) => void },
    );
    write(): Promise<unknown>;
  }
  /** Typed in src/Eleventy.js, but that file cannot be read (above): only passed to `addPlugin`. */
  export const HtmlBasePlugin: unknown;
}

// The feed plugin ships JavaScript only (no .d.ts, no "types"): read like Eleventy's, its
// .eleventy.js gives TS7016 for its own imports. Only passed to `addPlugin`.
declare module "@11ty/eleventy-plugin-rss" {
  export const feedPlugin: unknown;
}
