import crypto from "node:crypto";
import type { AnswerValue } from "@/lib/content/prompts";
import type { Caller } from "./world";

export const text = (value: string): AnswerValue => ({ kind: "text", text: value });
export const scale = (value: number | null): AnswerValue => ({ kind: "scale", value });
export const choice = (...selected: string[]): AnswerValue => ({ kind: "choice", selected });

/** A first save of one answer (base version 0). */
export function saveFirst(client: Caller, assignmentId: string, promptId: string, value: AnswerValue) {
  return client.answers.save({ assignmentId, promptId, value, baseVersion: 0, saveId: crypto.randomUUID() });
}

/** Answers the sample exercise's required prompts and the short one. */
export async function answerSample(client: Caller, assignmentId: string, words = { reflection: "I noticed I slept better.", word: "steady", calm: 6 }) {
  const reflection = await saveFirst(client, assignmentId, "reflection", text(words.reflection));
  const word = await saveFirst(client, assignmentId, "word", text(words.word));
  const calm = await saveFirst(client, assignmentId, "calm", scale(words.calm));
  return { reflection, word, calm };
}

/** One assignment for one client, answered, submitted and with the given prompts shared. */
export async function submittedAndShared(
  coach: Caller,
  client: Caller,
  input: { exerciseId: string; clientId: string; share: string[]; words?: { reflection: string; word: string; calm: number } },
) {
  const {
    assignmentIds: [assignmentId],
  } = await coach.assignments.create({ exerciseId: input.exerciseId, clientIds: [input.clientId] });
  const saved = await answerSample(client, assignmentId!, input.words);
  await client.assignments.submit({ assignmentId: assignmentId! });
  if (input.share.length > 0) {
    const view = await client.assignments.get({ assignmentId: assignmentId! });
    const coachId = view.role === "client" ? view.assignment.coachId : "";
    await client.answers.setSharing({ assignmentId: assignmentId!, coachId, shares: input.share.map((promptId) => ({ promptId, shared: true })) });
  }
  return { assignmentId: assignmentId!, saved };
}
