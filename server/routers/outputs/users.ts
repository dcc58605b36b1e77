import "server-only";
import { z } from "zod";
import { roles } from "@/lib/people/roles";
import { id, namePage } from "./common";

/** A person of the practice as an admin sees them: who they are, never what they wrote. */
export const practiceMember = z.strictObject({
  id,
  name: z.string(),
  email: z.string(),
  role: z.enum(roles),
  disabled: z.boolean(),
  createdAt: z.date(),
});

export const userOutputs = {
  list: namePage(practiceMember),
  setDisabled: practiceMember,
  changeRole: practiceMember,
};
