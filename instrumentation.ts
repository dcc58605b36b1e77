// Runs once when the server starts: a bad configuration (say, HEARTH_E2E set in production) stops the server
// here with its message, instead of failing on its first request. Next.js only logs a failing hook, so exit.
export async function register() {
  await import("./server/env").catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
