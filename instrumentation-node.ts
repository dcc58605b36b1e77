// A bad configuration (say, HEARTH_E2E set in production) stops the server here with its message, instead
// of failing on its first request. Next.js only logs a failing hook, so exit.
export async function checkConfiguration(): Promise<void> {
  await import("./server/env").catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}

// The server runs its background jobs itself (unless JOB_RUNNER=worker): started here, at start-up, so work that
// came due while it was down runs now rather than after the first request.
export async function startBackgroundJobs(): Promise<void> {
  await (await import("./server/jobs/in-app")).startJobsInApp();
}
