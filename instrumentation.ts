// Runs once when the server starts: checking the configuration here means a server with a bad one (say,
// HEARTH_E2E set in production) refuses to start, instead of failing on its first request.
export async function register() {
  await import("./server/env");
}
