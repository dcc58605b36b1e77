// Runs once when the server starts. Next.js compiles this hook for the Edge runtime too; the check on
// NEXT_RUNTIME (set by Next itself, not configuration) keeps the Node-only start-up check out of that build.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") await (await import("./instrumentation-node")).checkConfiguration();
}
