// Debian's Chromium, driven by playwright-core (never a downloaded browser). When it is
// missing, browser tests skip with a message, except under CI=true where they must fail.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

const CHROMIUM = "/usr/bin/chromium";

const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Why browser tests cannot run here, or false when they can. Throws under CI=true. */
export function browserSkipReason(): string | false {
  if (existsSync(CHROMIUM)) return false;
  const message = `${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium) to run the browser tests`;
  if (process.env.CI === "true") throw new Error(message);
  return message;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
}

export interface ContextOptions {
  width: number;
  dark?: boolean;
  javaScript?: boolean;
}

/** Runs `use` in a fresh context of that width (800 px high), closed afterwards whatever happens. */
export async function withContext(
  browser: Browser,
  options: ContextOptions,
  use: (context: BrowserContext) => Promise<void>,
): Promise<void> {
  const context = await browser.newContext({
    viewport: { width: options.width, height: 800 },
    colorScheme: options.dark ? "dark" : "light",
    javaScriptEnabled: options.javaScript ?? true,
    reducedMotion: "reduce",
  });
  try {
    await use(context);
  } finally {
    await context.close();
  }
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core in the page. It is evaluated through the DevTools protocol rather than
 * added as a <script>, which the page's Content-Security-Policy rightly forbids.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            context: Document,
            options: object,
          ): Promise<{
            violations: Array<{
              id: string;
              impact: string | null;
              help: string;
              nodes: Array<{ target: unknown[] }>;
            }>;
          }>;
        };
      }
    ).axe;
    const results = await axe.run(document, { resultTypes: ["violations"] });
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(" ")),
    }));
  });
}
