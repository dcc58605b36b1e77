import type { AutosaveEngine } from "./engine";
import { openDeviceDrafts, refreshDeviceSecret, type DeviceDraft, type DeviceDrafts, type KnownAnswer } from "./device-drafts";

/**
 * The device's drafts of the signed-in client. Asked anew for each exercise opened, never kept for the life of the
 * page: after a sign-out and someone else's sign-in in the same tab (soft navigations), the previous person's key
 * must not be used.
 */
export async function deviceDrafts(): Promise<DeviceDrafts | null> {
  // While online the server hands out the secret (and renews its cookie); offline, the cookie is used.
  const secret = navigator.onLine ? await refreshDeviceSecret() : null;
  return openDeviceDrafts(secret).catch(() => null);
}

/**
 * Keeps an engine's unsent text on the device, encrypted, for as long as the server doesn't have it, and first
 * hands the engine whatever a closed page of this assignment left behind (decision 0024). Also keeps, encrypted,
 * the answers as the server holds them, so the exercise opens without a connection.
 * Resolves once the device's drafts (if any) have been given to the engine.
 */
export async function keepUnsentOnDevice(engine: AutosaveEngine, assignmentId: string): Promise<void> {
  const drafts = await deviceDrafts();
  if (!drafts) return;
  const { drafts: found, adopted } = await drafts.load(assignmentId).catch(() => ({ drafts: new Map<string, DeviceDraft>(), adopted: [] }));
  // What this page last wrote per prompt, so an unchanged draft isn't encrypted and written again.
  const written = new Map<string, string>();
  // The first writes (what this page took over): the records it came from are discarded once these are done.
  let firstWrites: Promise<void>[] | null = [];
  for (const [promptId, draft] of found) engine.restore(promptId, draft);
  const known = new Map<string, KnownAnswer>();
  let knownWritten = "";
  const persist = () => {
    const { prompts } = engine.getSnapshot();
    for (const [promptId, prompt] of Object.entries(prompts)) {
      const draft = engine.draftOf(promptId);
      if (draft) {
        const json = JSON.stringify(draft);
        if (written.get(promptId) !== json) {
          written.set(promptId, json);
          const writing = drafts.put(assignmentId, promptId, draft);
          firstWrites?.push(writing);
        }
      } else {
        if (written.has(promptId)) {
          written.delete(promptId);
          void drafts.remove(assignmentId, promptId);
        }
        // Nothing unsent: the text on screen is the server's.
        if (prompt.status === "idle" || prompt.status === "saved") known.set(promptId, { promptId, value: prompt.value, version: prompt.version });
      }
    }
    const knownJson = JSON.stringify([...known.values()]);
    if (knownJson !== knownWritten) {
      knownWritten = knownJson;
      void drafts.putKnown(assignmentId, [...known.values()]);
    }
  };
  engine.subscribe(persist);
  persist();
  // What this page took over is in its own records now (or already on the server): the old records go.
  const taken = firstWrites;
  firstWrites = null;
  await Promise.all(taken);
  await drafts.discard(adopted);
}
