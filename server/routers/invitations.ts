import "server-only";
import { LINK_TOKEN_PATTERN } from "../services/auth/link-token";
import { z } from "zod";
import { acceptInvitation } from "../services/invitations/accept";
import { createInvitation } from "../services/invitations/create";
import { listInvitations } from "../services/invitations/list";
import { previewInvitation } from "../services/invitations/preview";
import { revokeInvitation } from "../services/invitations/revoke";
import { wakingJobs } from "../jobs/in-app";
import { pageInput } from "../services/pagination";
import { coachProcedure, publicProcedure, router } from "../trpc/init";
import { invitationOutputs as out } from "./outputs/invitations";
import { idSchema } from "../validation/ids";
import { text } from "../validation/text";

const token = text({ min: 20, max: 200, trim: false }).regex(LINK_TOKEN_PATTERN, "That doesn't look like an invitation link.");

export const invitationsRouter = router({
  create: coachProcedure
    .input(
      z.strictObject({
        email: text({ max: 254 }).email("Please enter an email address, like name@example.com."),
        role: z.enum(["client", "coach"]),
        name: text({ max: 100, tooLong: "Please keep the name to 100 characters or fewer." }).optional(),
      }),
    )
    .output(out.create)
    .mutation(({ ctx, input }) => wakingJobs(createInvitation(ctx.db, ctx.actor, input, ctx.now()))),
  list: coachProcedure
    .input(z.strictObject({ ...pageInput }))
    .output(out.list)
    .query(({ ctx, input }) => listInvitations(ctx.db, ctx.actor, input, ctx.now())),
  revoke: coachProcedure
    .input(z.strictObject({ id: idSchema }))
    .output(out.revoke)
    .mutation(({ ctx, input }) => revokeInvitation(ctx.db, ctx.actor, input, ctx.now())),
  preview: publicProcedure
    .input(z.strictObject({ token }))
    .query(({ ctx, input }) => previewInvitation(ctx.db, input, ctx.now())),
  accept: publicProcedure
    .input(
      z.strictObject({
        token,
        name: text({ min: 1, empty: "Please tell us your name.", max: 100, tooLong: "Please keep your name to 100 characters or fewer." }),
        // Never trimmed: every character of a password counts.
        password: text({ min: 1, max: 1000, trim: false }),
        /** The device's time zone, read by the browser: a zone it doesn't know is not the person's mistake, so UTC instead. */
        timeZone: text({ max: 64 }).optional(),
      }),
    )
    .mutation(({ ctx, input }) => acceptInvitation(ctx.db, input, ctx.now())),
});
