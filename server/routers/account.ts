import "server-only";
import { LINK_TOKEN_PATTERN } from "../services/auth/link-token";
import { z } from "zod";
import { changePassword } from "../services/account/change-password";
import { confirmEmailChange } from "../services/account/confirm-email-change";
import { cancelEmailChange, pendingEmailChange } from "../services/account/pending-email-change";
import { requestEmailChange } from "../services/account/request-email-change";
import { requestPasswordReset } from "../services/account/request-password-reset";
import { resetLinkStatus, resetPassword } from "../services/account/reset-password";
import { updateProfile } from "../services/account/update-profile";
import { wakingJobs } from "../jobs/in-app";
import { noInput } from "../services/pagination";
import { authedProcedure, publicProcedure, router } from "../trpc/init";
import { text } from "../validation/text";
import { timeZoneSchema } from "../validation/time-zone";
import { RESET_REQUESTED_MESSAGE } from "@/lib/account/account-policy";

const token = text({ min: 20, max: 200, trim: false }).regex(LINK_TOKEN_PATTERN, "That doesn't look like a link from one of our emails.");
const email = text({ max: 254 }).email("Please enter an email address, like name@example.com.");
// Never trimmed: every character of a password counts.
const password = text({ min: 1, max: 1000, trim: false, empty: "Please enter a password." });

export const accountRouter = router({
  /** The same answer whether or not the address has an account. */
  requestPasswordReset: publicProcedure
    .input(z.strictObject({ email }))
    .mutation(async ({ ctx, input }) => {
      await wakingJobs(requestPasswordReset(ctx.db, input, ctx.client, ctx.now()));
      return { message: RESET_REQUESTED_MESSAGE };
    }),
  resetLinkStatus: publicProcedure.input(z.strictObject({ token })).query(({ ctx, input }) => resetLinkStatus(ctx.db, input, ctx.now())),
  resetPassword: publicProcedure
    .input(z.strictObject({ token, password }))
    .mutation(({ ctx, input }) => wakingJobs(resetPassword(ctx.db, input, ctx.client, ctx.now()))),
  changePassword: authedProcedure
    .input(z.strictObject({ currentPassword: password, newPassword: password }))
    .mutation(({ ctx, input }) => wakingJobs(changePassword(ctx.db, ctx.session, input, ctx.client, ctx.now()))),
  requestEmailChange: authedProcedure
    .input(z.strictObject({ newEmail: email, currentPassword: password }))
    .mutation(({ ctx, input }) => wakingJobs(requestEmailChange(ctx.db, ctx.session, input, ctx.client, ctx.now()))),
  /** The address change waiting for its link to be opened, if any. */
  pendingEmailChange: authedProcedure.input(noInput).query(({ ctx }) => pendingEmailChange(ctx.db, ctx.actor, ctx.now())),
  cancelEmailChange: authedProcedure.input(noInput).mutation(({ ctx }) => cancelEmailChange(ctx.db, ctx.actor, ctx.now())),
  /** Anyone holding the link (it arrived at the new address): the link is the proof. */
  confirmEmailChange: publicProcedure
    .input(z.strictObject({ token }))
    .mutation(({ ctx, input }) => wakingJobs(confirmEmailChange(ctx.db, input, ctx.client, ctx.now()))),
  updateProfile: authedProcedure
    .input(
      z
        .strictObject({
          name: text({ min: 1, empty: "Please tell us your name.", max: 100, tooLong: "Please keep your name to 100 characters or fewer." }).optional(),
          timeZone: timeZoneSchema.optional(),
        })
        .refine((value) => value.name !== undefined || value.timeZone !== undefined, { error: "Nothing to change." }),
    )
    .mutation(({ ctx, input }) => updateProfile(ctx.db, ctx.session, input, ctx.now())),
});
