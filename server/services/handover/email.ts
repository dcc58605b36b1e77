import "server-only";

export type HandoverEmailInput = { clientName: string; fromCoachName: string; toCoachName: string; practiceName: string };

/** Tells a client who their coach is now. Names only: never a word the client wrote. */
export function handoverEmail(input: HandoverEmailInput): { subject: string; text: string } {
  const text = [
    `Hello ${input.clientName},`,
    "",
    `${input.practiceName} has asked ${input.toCoachName} to be your coach on Hearth from now on, in place of ${input.fromCoachName}.`,
    "",
    `Anything you had shared with ${input.fromCoachName} is private again. ${input.toCoachName} doesn't see it; what you choose to share from now on goes to ${input.toCoachName}, answer by answer, whenever you like.`,
    "",
    "The exercises you haven't finished yet are still there for you, just as you left them.",
    "",
    "Warmly,",
    "Hearth",
  ].join("\n");
  return { subject: `Your coach on Hearth is now ${input.toCoachName}`, text };
}
