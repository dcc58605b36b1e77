import "server-only";
import { z } from "zod";
import { listClientNotes } from "../services/notes/list";
import { createClientNote, deleteClientNote, updateClientNote } from "../services/notes/write";
import { pageInput } from "../services/pagination";
import { coachProcedure, router } from "../trpc/init";
import { noteOutputs as out } from "./outputs/notes";

const body = z.string().trim().min(1, "A note can't be empty.").max(10_000, "Please keep a note to 10,000 characters or fewer.");

/** Private notes a coach keeps on a client; the client never sees them. */
export const notesRouter = router({
  list: coachProcedure
    .input(z.strictObject({ clientId: z.string().uuid(), ...pageInput }))
    .output(out.list)
    .query(({ ctx, input }) => listClientNotes(ctx.db, ctx.actor, input)),
  create: coachProcedure
    .input(z.strictObject({ clientId: z.string().uuid(), body }))
    .output(out.create)
    .mutation(({ ctx, input }) => createClientNote(ctx.db, ctx.actor, input, ctx.now())),
  update: coachProcedure
    .input(z.strictObject({ id: z.string().uuid(), body }))
    .output(out.update)
    .mutation(({ ctx, input }) => updateClientNote(ctx.db, ctx.actor, input, ctx.now())),
  delete: coachProcedure
    .input(z.strictObject({ id: z.string().uuid() }))
    .output(out.delete)
    .mutation(({ ctx, input }) => deleteClientNote(ctx.db, ctx.actor, input)),
});
