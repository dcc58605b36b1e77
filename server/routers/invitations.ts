import "server-only";
import { z } from "zod";
import { acceptInvitation } from "../services/invitations/accept";
import { createInvitation } from "../services/invitations/create";
import { listInvitations } from "../services/invitations/list";
import { previewInvitation } from "../services/invitations/preview";
import { revokeInvitation } from "../services/invitations/revoke";
import { kickingMail } from "../services/mail/kick";
import { pageInput } from "../services/pagination";
import { coachProcedure, publicProcedure, router } from "../trpc/init";
import { invitationOutputs as out } from "./outputs/invitations";

const token = z
  .string()
  .min(20)
  .max(200)
  .regex(/^[A-Za-z0-9_-]+$/, "That doesn't look like an invitation link.");

export const invitationsRouter = router({
  create: coachProcedure
    .input(
      z.strictObject({
        email: z.string().trim().max(254).email("Please enter an email address, like name@example.com."),
        role: z.enum(["client", "coach"]),
        name: z.string().trim().max(100).optional(),
      }),
    )
    .output(out.create)
    .mutation(({ ctx, input }) => kickingMail(ctx.db, createInvitation(ctx.db, ctx.actor, input, ctx.now()))),
  list: coachProcedure
    .input(z.strictObject({ ...pageInput }))
    .output(out.list)
    .query(({ ctx, input }) => listInvitations(ctx.db, ctx.actor, input, ctx.now())),
  revoke: coachProcedure
    .input(z.strictObject({ id: z.string().uuid() }))
    .output(out.revoke)
    .mutation(({ ctx, input }) => revokeInvitation(ctx.db, ctx.actor, input, ctx.now())),
  preview: publicProcedure
    .input(z.strictObject({ token }))
    .query(({ ctx, input }) => previewInvitation(ctx.db, input, ctx.now())),
  accept: publicProcedure
    .input(
      z.strictObject({
        token,
        name: z.string().trim().min(1, "Please tell us your name.").max(100),
        password: z.string().min(1).max(1000),
      }),
    )
    .mutation(({ ctx, input }) => acceptInvitation(ctx.db, input, ctx.now())),
});
