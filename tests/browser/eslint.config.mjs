// The editor's scripts (src/serve/assets/js), checked by the tests
// (tests/it/editor_lint.rs): ES modules for a browser, no build step.
import js from "@eslint/js";
import globals from "globals";

export default [
  { ...js.configs.recommended, files: ["src/serve/assets/js/**/*.js"] },
  {
    files: ["src/serve/assets/js/**/*.js"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "module",
      globals: { ...globals.browser },
    },
    rules: {
      "no-unused-vars": ["error", { args: "after-used", caughtErrors: "none" }],
      "eqeqeq": ["error", "smart"],
      "no-var": "error",
      "prefer-const": "error",
    },
  },
];
