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

/** Someone with two-step sign-in on, as the admin's reset form lists them. */
export const personWithSecondFactor = z.strictObject({ id, name: z.string(), email: z.string(), role: z.enum(roles), enabledAt: z.date() });

export const userOutputs = {
  list: namePage(practiceMember),
  setDisabled: practiceMember,
  changeRole: practiceMember,
  withSecondFactor: z.array(personWithSecondFactor),
  secondFactorReset: z.strictObject({ endedSessions: z.number().int() }),
};
