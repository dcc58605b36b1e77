import "server-only";
import { z } from "zod";
import { deleteClientOnRequest, deleteOwnAccount } from "../services/account/delete-client";
import { exportClientData } from "../services/account/export-data";
import { recordExport } from "../services/account/record-export";
import { noInput } from "../services/pagination";
import { adminProcedure, clientProcedure, router } from "../trpc/init";
import { idSchema } from "../validation/ids";
import { text } from "../validation/text";
import { DELETE_CONFIRMATION } from "@/lib/account/former-client";
import { clientDataOutputs as out } from "./outputs/client-data";

// Never trimmed: every character of a password counts.
const password = text({ min: 1, empty: "Please enter your password.", max: 1000, trim: false });
const confirmation = text({ max: 100 })
  .transform((value) => value.toLowerCase())
  .refine((value) => value === DELETE_CONFIRMATION, { error: `Please type “${DELETE_CONFIRMATION}” to confirm.` });

/** A client's own data: export it (JSON or a printable page) and delete the account; an admin may delete on request. */
export const clientDataRouter = router({
  /** The export itself, a read: the JSON download and the printable page both show this. */
  export: clientProcedure.input(noInput).query(({ ctx }) => exportClientData(ctx.db, ctx.actor, ctx.now())),
  /** Records one export (data.exported); the download route and the printable page call it once each. */
  recordExport: clientProcedure
    .input(z.strictObject({ format: z.enum(["json", "html"]) }))
    .output(out.recordExport)
    .mutation(({ ctx, input }) => recordExport(ctx.db, ctx.actor, input, ctx.now())),
  deleteMine: clientProcedure
    .input(z.strictObject({ password, confirmation }))
    .output(out.deleted)
    .mutation(({ ctx, input }) => deleteOwnAccount(ctx.db, ctx.actor, { password: input.password }, ctx.now())),
  deleteClient: adminProcedure
    .input(z.strictObject({ clientId: idSchema, password }))
    .output(out.deleted)
    .mutation(({ ctx, input }) => deleteClientOnRequest(ctx.db, ctx.actor, input, ctx.now())),
});
