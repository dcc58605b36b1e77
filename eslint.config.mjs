import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import drizzle from "eslint-plugin-drizzle";

const noDataAccess = [
  { group: ["@/db", "@/db/**", "**/db/*"], message: "Go through a tRPC procedure or the server caller." },
  { group: ["@/server/services/**", "**/server/services/*"], message: "Reach services through a tRPC procedure; pure shared code belongs in lib/." },
];

const config = [
  ...nextVitals,
  ...nextTypescript,
  {
    ignores: [".next/**", ".next-*/**", ".data/**", "node_modules/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  {
    plugins: { drizzle },
    rules: {
      // An update or delete without `where` touches every row of a table: never intended here.
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Test helpers are not React hooks, whatever their names.
    files: ["tests/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    // Pages reach the server only through the server caller, the auth helpers and the tRPC
    // route; never the database or a service (docs/ARCHITECTURE.md).
    files: ["app/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [...noDataAccess] }],
    },
  },
  {
    // Components run in the browser too: data only through tRPC hooks; from server/ only types.
    files: ["components/**"],
    rules: {
      "no-restricted-imports": "off",
      "@typescript-eslint/no-restricted-imports": [
        "error",
        { patterns: [...noDataAccess, { group: ["@/server/**"], allowTypeImports: true, message: "Components get data through tRPC; import only types from server/." }] },
      ],
    },
  },
  {
    // The shared domain folder is pure and light: it imports nothing of the project, and no zod
    // or markdown-it (those stay on the server, so the browser never loads them).
    files: ["lib/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "zod", message: "Schemas live on the server (server/services/…); lib/ stays light for the browser." },
            { name: "markdown-it", message: "Markdown is rendered on the server (server/services/content/markdown.ts)." },
          ],
          patterns: [{ group: ["@/app/**", "@/components/**", "@/server/**", "@/db/**", "**/app/*", "**/components/*", "**/server/*", "**/db/*"], message: "lib/ imports nothing of the project." }],
        },
      ],
    },
  },
  {
    // The data layer knows no services.
    files: ["db/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["@/server/**", "**/server/*"], message: "db/ imports nothing from server/." }] }],
    },
  },
  {
    // The app logs through server/log.ts only: one JSON line of allow-listed fields, never an
    // error's message (a database error's quotes the query's parameters) or anyone's words.
    files: ["server/**", "app/**", "db/**", "lib/**"],
    ignores: ["server/log.ts"],
    rules: { "no-console": "error" },
  },
];

export default config;
