import "server-only";
import { z } from "zod";
import { listClientNotes } from "../services/notes/list";
import { createClientNote, deleteClientNote, updateClientNote } from "../services/notes/write";
import { pageInput } from "../services/pagination";
import { coachProcedure, router } from "../trpc/init";
import { noteOutputs as out } from "./outputs/notes";
import { idSchema } from "../validation/ids";
import { text } from "../validation/text";

const body = text({ min: 1, empty: "A note can't be empty.", max: 10_000, tooLong: "Please keep a note to 10,000 characters or fewer." });

/** Private notes a coach keeps on a client; the client never sees them. */
export const notesRouter = router({
  list: coachProcedure
    .input(z.strictObject({ clientId: idSchema, ...pageInput }))
    .output(out.list)
    .query(({ ctx, input }) => listClientNotes(ctx.db, ctx.actor, input)),
  create: coachProcedure
    .input(z.strictObject({ clientId: idSchema, body }))
    .output(out.create)
    .mutation(({ ctx, input }) => createClientNote(ctx.db, ctx.actor, input, ctx.now())),
  update: coachProcedure
    .input(z.strictObject({ id: idSchema, body }))
    .output(out.update)
    .mutation(({ ctx, input }) => updateClientNote(ctx.db, ctx.actor, input, ctx.now())),
  delete: coachProcedure
    .input(z.strictObject({ id: idSchema }))
    .output(out.delete)
    .mutation(({ ctx, input }) => deleteClientNote(ctx.db, ctx.actor, input)),
});
