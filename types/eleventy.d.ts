// Eleventy ships no TypeScript types: the few parts of its API this project uses.
declare module "@11ty/eleventy" {
  export interface EleventyDirectories {
    input: string;
    output: string;
    includes: string;
    data: string;
  }
  export interface EleventyEventArgs {
    directories: EleventyDirectories;
    runMode: "build" | "watch" | "serve";
    outputMode?: string;
    results?: Array<{ inputPath: string; outputPath: string | false; url: string; content: string }>;
  }
  export interface UserConfig {
    pathPrefix?: string;
    dir: EleventyDirectories;
    ignores: Set<string>;
    watchIgnores: Set<string>;
    addPlugin(plugin: unknown, options?: object): void;
    addFilter(name: string, filter: (...args: never[]) => unknown): void;
    addShortcode(name: string, shortcode: (...args: never[]) => unknown): void;
    addJavaScriptFunction(name: string, fn: (...args: never[]) => unknown): void;
    addGlobalData(name: string, data: unknown): void;
    addCollection(name: string, builder: (api: CollectionApi) => unknown): void;
    addPassthroughCopy(path: string | Record<string, string>): void;
    addWatchTarget(path: string, options?: { resetConfig?: boolean }): void;
    setWatchJavaScriptDependencies(enabled: boolean): void;
    setLibrary(extension: string, library: unknown): void;
    addDateParsing(callback: (value: unknown) => Date | undefined): void;
    setFrontMatterParsingOptions(options: object): void;
    setServerOptions(options: object): void;
    setChokidarConfig(options: object): void;
    addPreprocessor(name: string, extensions: string, callback: (data: Record<string, unknown>, content: string) => unknown): void;
    on(event: "eleventy.before" | "eleventy.after", callback: (args: EleventyEventArgs) => unknown): void;
  }
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
  export class Eleventy {
    constructor(input?: string, output?: string, options?: { quietMode?: boolean; config?: (eleventyConfig: UserConfig) => void });
    write(): Promise<unknown>;
  }
  export const HtmlBasePlugin: unknown;
  export const IdAttributePlugin: unknown;
}

declare module "@11ty/eleventy-plugin-rss" {
  export const feedPlugin: unknown;
  const rssPlugin: unknown;
  export default rssPlugin;
}
