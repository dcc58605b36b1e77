import { redirect } from "next/navigation";
import { getCurrentSession } from "@/server/auth/current-session";
import { homeFor } from "@/server/policy";

export default async function Home() {
  const session = await getCurrentSession();
  redirect(session ? homeFor[session.role] : "/sign-in");
}
