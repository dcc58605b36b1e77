import { createSerwistRoute } from "@serwist/turbopack";

/**
 * Serves the service worker (service-worker/sw.ts), bundled with esbuild at build time together with the list
 * of Next's static files to precache. Serwist's Turbopack integration: next build runs Turbopack, which
 * @serwist/next's webpack plugin can't hook into (decision 0025).
 */
export const { dynamic, dynamicParams, revalidate, generateStaticParams, GET } = createSerwistRoute({
  swSrc: "service-worker/sw.ts",
  useNativeEsbuild: true,
  // The precache list (Serwist's default for Next): the built static files and public/, never a page.
});
