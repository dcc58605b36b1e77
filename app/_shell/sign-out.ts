"use server";
import { forgetDeviceDraftsSecret } from "@/server/auth/device-drafts";
import { signOut } from "@/server/auth/next-auth";
import { getServerCaller } from "@/server/trpc/server-caller";

export async function signOutAction(): Promise<void> {
  const caller = await getServerCaller();
  // Already signed out (or the session ended): there is nothing to end on the server.
  await caller.sessions.end().catch(() => undefined);
  // Whatever this browser still holds of unsent answers can't be read without it (decision 0024).
  await forgetDeviceDraftsSecret();
  await signOut({ redirectTo: "/sign-in?signed-out=1" });
}
