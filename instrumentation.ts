// Runs once when the server starts. Next.js compiles this hook for the Edge runtime too; the check on
// NEXT_RUNTIME (set by Next itself, not configuration) keeps the Node-only start-up code out of that build.
// NEXT_PHASE (also Next's own) tells a build's page-data workers, which must not start a job runner, apart.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const node = await import("./instrumentation-node");
  await node.checkConfiguration();
  if (process.env.NEXT_PHASE !== "phase-production-build") await node.startBackgroundJobs();
}
