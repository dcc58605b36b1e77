import "server-only";
import { LINK_REMOVED } from "./tokens";
import { localMoment, originLine, type RequestOrigin } from "./when-and-where";

type LinkEmail = { subject: string; text: string; redactedText: string };

/** The reset email: the link, when and from where it was asked for, and what to do if it wasn't you. */
export function passwordResetEmail(input: { name: string; timeZone: string; at: Date; origin: RequestOrigin; link: string }): LinkEmail {
  const where = originLine(input.origin);
  const body = (link: string) =>
    [
      `Hello ${input.name},`,
      "",
      "Someone asked to choose a new password for your Hearth account. To choose one, open this link:",
      link,
      "",
      "The link works once, for 60 minutes. Choosing a new password signs your account out everywhere.",
      "",
      `Asked for: ${localMoment(input.at, input.timeZone)}.`,
      ...(where ? [where] : []),
      "",
      "If this wasn't you, you can ignore this email: your password stays as it is, and nobody can use the link without this mailbox.",
      "",
      "Warmly,",
      "Hearth",
    ].join("\n");
  return { subject: "Choose a new password for Hearth", text: body(input.link), redactedText: body(LINK_REMOVED) };
}

/** Sent to the new address: confirming it is what makes it the account's address. */
export function confirmEmailChangeEmail(input: { name: string; timeZone: string; at: Date; link: string }): LinkEmail {
  const body = (link: string) =>
    [
      `Hello ${input.name},`,
      "",
      "You asked to use this address for your Hearth account. To confirm it, open this link:",
      link,
      "",
      `The link works once, for 24 hours. Until it is used, your account keeps its old address. Asked for: ${localMoment(input.at, input.timeZone)}.`,
      "",
      "If this wasn't you, you can ignore this email; nothing changes.",
      "",
      "Warmly,",
      "Hearth",
    ].join("\n");
  return { subject: "Confirm your new email address for Hearth", text: body(input.link), redactedText: body(LINK_REMOVED) };
}
