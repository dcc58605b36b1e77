// A bad configuration (say, HEARTH_E2E set in production) stops the server here with its message, instead
// of failing on its first request. Next.js only logs a failing hook, so exit.
export async function checkConfiguration(): Promise<void> {
  await import("./server/env").catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
