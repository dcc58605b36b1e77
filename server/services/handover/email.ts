import "server-only";

export type HandoverEmailInput = { clientName: string; fromCoachName: string; toCoachName: string; practiceName: string };

/** Tells a client who their coach is now. Names only: never a word the client wrote. */
export function handoverEmail(input: HandoverEmailInput): { subject: string; text: string } {
  const text = [
    `Hello ${input.clientName},`,
    "",
    `${input.practiceName} has asked ${input.toCoachName} to be your coach on Hearth from now on, in place of ${input.fromCoachName}.`,
    "",
    `Anything you had shared with ${input.fromCoachName} is private again, and ${input.toCoachName} doesn't see it. Your earlier conversations stay in your exercises for you to read; ${input.toCoachName} doesn't see them either.`,
    "",
    `All your exercises are still there, just as you left them. Whenever you like, you can choose, answer by answer, what ${input.toCoachName} may see, including answers from earlier exercises.`,
    "",
    "Warmly,",
    "Hearth",
  ].join("\n");
  return { subject: `Your coach on Hearth is now ${input.toCoachName}`, text };
}
