"use server";
import { getCurrentSession } from "@/server/auth/current-session";
import { signOut } from "@/server/auth/next-auth";
import { getDb } from "@/server/db";
import { signOutSession } from "@/server/services/auth/sign-out";

export async function signOutAction(): Promise<void> {
  const session = await getCurrentSession();
  if (session) await signOutSession(await getDb(), session);
  await signOut({ redirectTo: "/sign-in?signed-out=1" });
}
