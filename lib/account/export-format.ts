import type { AnswerValue, ArticleSnapshot, PromptDefinition } from "../content/prompts";

/**
 * A client's export, version 1. Documented in docs/client-export.md; a change that removes or renames a field
 * bumps the version (adding a field doesn't).
 */
export type ClientExport = {
  format: "hearth-export";
  version: 1;
  exportedAt: Date;
  profile: { id: string; name: string; email: string; timeZone: string; practice: string; joinedAt: Date };
  assignments: ExportedAssignment[];
  /** Each time the client shared or stopped sharing an answer, oldest first. */
  sharingHistory: { action: "shared" | "unshared"; at: Date; assignmentId: string | null; promptId: string | null }[];
  /** Who opened which shared answer, and when, oldest first. */
  accessLog: { viewer: string; at: Date; answerId: string | null; assignmentId: string | null; promptId: string | null }[];
  /** Emails sent to the client's address, every link removed. */
  emails: { subject: string; sentAt: Date | null; body: string }[];
};

export type ExportedAssignment = {
  id: string;
  coach: string;
  status: string;
  note: string;
  assignedAt: Date;
  dueAt: Date | null;
  submittedAt: Date | null;
  exercise: { title: string; version: number; instructions: string; prompts: PromptDefinition[]; article: ArticleSnapshot };
  answers: { id: string; promptId: string; value: AnswerValue; shared: boolean; sharedAt: Date | null; updatedAt: Date }[];
  comments: { id: string; answerId: string; author: string; byMe: boolean; body: string; at: Date }[];
};
