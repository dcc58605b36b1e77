import { withSerwist } from "@serwist/turbopack";
import type { NextConfig } from "next";
import { BODY_LIMITS } from "./lib/http/body-limits";
import { env } from "./server/env";

const nextConfig: NextConfig = {
  // PGlite loads its WASM and data files from disk: bundling it breaks those paths. rate-limiter-flexible loads
  // drizzle-orm with a computed import(), which a bundle can't resolve.
  // pg-boss and node-postgres load optional modules (pg-native), and MJML its plugins, by computed require().
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "rate-limiter-flexible", "pg-boss", "pg", "mjml"],
  // The dev server would print server actions' arguments (an invitation token) and invitation URLs.
  logging: { serverFunctions: false, incomingRequests: { ignore: [/\/invite\//] } },
  // Lets several builds (e.g. a second checkout's e2e run) live side by side.
  distDir: env.NEXT_DIST_DIR,
  experimental: {
    authInterrupts: true,
    serverActions: {
      // Our actions carry a few form fields; proxy.ts refuses larger bodies by their length first (413).
      bodySizeLimit: BODY_LIMITS.serverAction,
      // proxy.ts lets only APP_URL's origin through; this keeps Next's own check (Origin against Host) from
      // refusing it behind a reverse proxy that doesn't forward the public host.
      allowedOrigins: [new URL(env.APP_URL).host],
    },
    // The proxy holds a copy of each body it sees; it sees only page and auth requests, whose bodies are capped.
    proxyClientMaxBodySize: BODY_LIMITS.serverAction,
  },
  poweredByHeader: false,
  // CI type-checks the project in a step of its own just before building (BUILD_TYPECHECK=off there).
  typescript: { ignoreBuildErrors: env.BUILD_TYPECHECK === "off" },
  async headers() {
    // Pages and API responses get their headers from proxy.ts and the tRPC route (server/http/security-headers.ts);
    // this covers what neither sees, such as static files.
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
};

// withSerwist keeps esbuild (which bundles the service worker at build time) out of the server bundle.
export default withSerwist(nextConfig);
