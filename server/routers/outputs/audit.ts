import "server-only";
import { z } from "zod";
import { auditActions } from "@/db/schema";
import { id, keysetPage } from "./common";

const person = z.strictObject({ id, name: z.string() });

/** An audit entry as an admin sees it: who, what, when, about what. No metadata passes through as is. */
export const auditEntry = z.strictObject({
  id,
  createdAt: z.date(),
  action: z.enum(auditActions),
  actor: person.nullable(),
  subject: person.nullable(),
  entityType: z.string().nullable(),
  entityId: id.nullable(),
  detail: z.string().nullable(),
});

export const auditOutputs = { list: keysetPage(auditEntry) };
