import "server-only";
import { z } from "zod";
import { auditActions } from "@/db/schema";
import { idSchema } from "../validation/ids";
import { dateInRange } from "../validation/dates";
import { adminProcedure, router } from "../trpc/init";
import { pageInput } from "../services/pagination";
import { auditSubjectKinds, listAuditEvents } from "../services/audit/list";
import { auditOutputs as out } from "./outputs/audit";

/** The filters of the audit log page and of its CSV download. */
export const auditFilterInput = {
  personId: idSchema.optional(),
  action: z.enum(auditActions).optional(),
  subjectKind: z.enum(auditSubjectKinds).optional(),
  from: dateInRange("The start date").optional(),
  until: dateInRange("The end date").optional(),
};

export const auditRouter = router({
  list: adminProcedure
    .input(z.strictObject({ ...auditFilterInput, ...pageInput }))
    .output(out.list)
    .query(({ ctx, input }) => listAuditEvents(ctx.db, ctx.actor, input)),
});
