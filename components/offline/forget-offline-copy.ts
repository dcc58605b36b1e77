import { CLIENT_PAGES_CACHE } from "@/lib/offline/cache-names";

/**
 * Drops the service worker's kept copy of a page of ours (decision 0025), e.g. an exercise just submitted: the
 * worker refreshes a copy only every few minutes, and an open exercise's copy must not outlive its submission.
 */
export async function forgetOfflineCopy(path: string): Promise<void> {
  if (typeof caches === "undefined" || !(await caches.has(CLIENT_PAGES_CACHE))) return;
  await (await caches.open(CLIENT_PAGES_CACHE)).delete(new URL(path, location.href).toString());
}
