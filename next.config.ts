import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite loads its WASM and data files from disk: bundling it breaks those paths. rate-limiter-flexible loads
  // drizzle-orm with a computed import(), which a bundle can't resolve.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "rate-limiter-flexible"],
  // Lets several builds (e.g. a second checkout's e2e run) live side by side.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  experimental: { authInterrupts: true },
  poweredByHeader: false,
  async headers() {
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

export default nextConfig;
