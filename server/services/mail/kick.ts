import "server-only";
import type { Database } from "@/db/client";
import { env } from "@/server/env";
import { errorFields, log, newErrorId } from "@/server/log";
import { configuredTransport } from "./configured-transport";
import { deliverDueEmails, nextPendingAt } from "./deliver";
import type { MailTransport } from "./transport";

type KickSettings = { enabled: boolean; transport?: MailTransport };

/**
 * Tests deliver explicitly, with a transport they choose, so background sends are off there
 * unless a test turns them on.
 */
const settings: KickSettings = { enabled: env.NODE_ENV !== "test" };
let running: Promise<void> | null = null;
let again = false;
let retryTimer: NodeJS.Timeout | undefined;

const LONGEST_WAIT_MS = 3_600_000;

export function configureMailKick(next: KickSettings): void {
  settings.enabled = next.enabled;
  settings.transport = next.transport;
  if (!next.enabled) clearTimeout(retryTimer);
}

/** Resolves once any background delivery in this process has finished. */
export async function mailDeliveryIdle(): Promise<void> {
  while (running) await running;
}

/**
 * Starts delivering due emails in the background, without making the caller wait. Call it after
 * the transaction that queued an email has committed. One run at a time per process; a kick during
 * a run makes it go round once more. Errors are logged, and the emails stay in the outbox.
 */
export function kickMailDelivery(db: Database): void {
  if (!settings.enabled) return;
  if (running) {
    again = true;
    return;
  }
  running = (async () => {
    do {
      again = false;
      await deliverDueEmails(db, { transport: settings.transport ?? configuredTransport() });
    } while (again);
    await scheduleRetry(db);
  })()
    // The emails stay queued. The error's text is not logged: it can quote addresses and email bodies.
    .catch((error: unknown) => log.error("mail.delivery_failed", { errorId: newErrorId(), path: "mail.deliver", ...errorFields(error) }))
    .finally(() => {
      running = null;
    });
}

/** A long-running server retries failed sends on its own, when the earliest one is due. */
async function scheduleRetry(db: Database): Promise<void> {
  clearTimeout(retryTimer);
  const due = await nextPendingAt(db);
  if (!due || !settings.enabled) return;
  const wait = Math.min(Math.max(due.getTime() - Date.now(), 1000), LONGEST_WAIT_MS);
  retryTimer = setTimeout(() => kickMailDelivery(db), wait);
  retryTimer.unref();
}

/** For procedures: returns the committed result and starts delivering the emails it queued. */
export async function kickingMail<T>(db: Database, result: Promise<T>): Promise<T> {
  const value = await result;
  kickMailDelivery(db);
  return value;
}
