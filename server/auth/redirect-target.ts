import "server-only";
import { sameOriginPath } from "@/lib/navigation/same-origin-path";
import { env } from "../env";

/** The one check for every redirect target that comes from input: a path on this app, else `fallback`. */
export function safeRedirectPath(target: unknown, fallback = "/"): string {
  return sameOriginPath(target, env.APP_URL) ?? fallback;
}
