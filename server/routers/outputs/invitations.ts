import "server-only";
import { z } from "zod";
import { roles } from "@/lib/people/roles";
import { id, idOnly, keysetPage } from "./common";

export const invitationListItem = z.strictObject({
  id,
  email: z.string(),
  role: z.enum(roles),
  status: z.enum(["pending", "accepted", "expired", "revoked"]),
  createdAt: z.date(),
  expiresAt: z.date(),
});

export const invitationOutputs = {
  create: z.strictObject({ id, email: z.string(), role: z.enum(["client", "coach"]), expiresAt: z.date() }),
  list: keysetPage(invitationListItem),
  revoke: idOnly,
};
