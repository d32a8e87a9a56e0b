// `npm run size`: the gzip weight of every built page (HTML + its stylesheets), heaviest
// first, against the 14 KB of a first round trip. Reads a built site (`npm run build`).
//   npm run size [-- output-folder [path-prefix]]
import { existsSync } from "node:fs";
import { FIRST_ROUND_TRIP_BYTES, pageWeights } from "../src/site/page-weight.ts";

const outputDir = process.argv[2] ?? "_site";
const pathPrefix = process.argv[3] ?? "/";
if (!existsSync(outputDir)) {
  console.error(`${outputDir}/ does not exist: run \`npm run build\` first.`);
  process.exit(1);
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`.padStart(9);
const weights = pageWeights(outputDir, pathPrefix);
console.log(`${"HTML gz".padStart(9)}${"CSS gz".padStart(9)}${"total".padStart(9)}  page`);
for (const page of weights) {
  const over = page.total > FIRST_ROUND_TRIP_BYTES ? "  (over the 14 KB of a first round trip)" : "";
  console.log(`${kb(page.html)}${kb(page.css)}${kb(page.total)}  ${page.url}${over}`);
}
const over = weights.filter((page) => page.total > FIRST_ROUND_TRIP_BYTES).length;
console.log(`${weights.length} pages, ${over} over 14 KB.`);
