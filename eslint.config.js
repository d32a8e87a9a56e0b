// Lint: ESLint's and typescript-eslint's recommended rules; the layout of the code is
// Prettier's (.prettierrc.json, checked by `npm run lint`), so no rule of ESLint's about it.
import js from "@eslint/js";
import prettier from "eslint-config-prettier/flat";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["_site/", "node_modules/", "test-results/", "bench/.corpus/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly" } },
  },
  prettier,
);
