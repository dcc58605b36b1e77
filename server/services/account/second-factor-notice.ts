import "server-only";
import type { Queryable } from "@/db/client";
import { env } from "@/server/env";
import { enqueueEmail } from "../mail/outbox";

export type SecondFactorNoticeKind = "second_factor_on" | "second_factor_off";

/**
 * Tells a person by email that their second factor changed, so a change they didn't make doesn't go unnoticed.
 * Queue it in the change's transaction. (To be folded into the shared security notices at merge.)
 */
export async function queueSecondFactorNotice(
  tx: Queryable,
  input: { practiceId: string; to: string; name: string; kind: SecondFactorNoticeKind },
  now = new Date(),
): Promise<void> {
  const what =
    input.kind === "second_factor_on"
      ? "Two-step sign-in is now on for your Hearth account. From now on you'll enter a code from your authenticator app after your password."
      : "Two-step sign-in has been turned off for your Hearth account. Signing in now needs only your password.";
  const subject = input.kind === "second_factor_on" ? "Two-step sign-in is on" : "Two-step sign-in is off";
  const text = [
    `Hello ${input.name},`,
    "",
    what,
    "",
    `If this was you, there's nothing more to do. If it wasn't, please change your password and review your sessions at ${env.APP_URL}/account/sessions, and let your practice know.`,
    "",
    "Warmly,",
    "Hearth",
  ].join("\n");
  await enqueueEmail(tx, { practiceId: input.practiceId, to: input.to, subject, text }, now);
}
