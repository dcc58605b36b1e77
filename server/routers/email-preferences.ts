import "server-only";
import { z } from "zod";
import { EMAIL_KIND_KEYS, EMAIL_SETTINGS } from "@/lib/notifications/preferences";
import { getEmailPreferences, updateEmailPreferences } from "../services/preferences/email-preferences";
import { describeUnsubscribeToken, unsubscribeWithToken } from "../services/preferences/unsubscribe";
import { InvalidInputError } from "../errors";
import { noInput } from "../services/pagination";
import { authedProcedure, publicProcedure, router } from "../trpc/init";
import { text } from "../validation/text";
import { wholeNumber } from "../validation/numbers";

const unsubscribeToken = text({ min: 40, max: 200, trim: false }).regex(/^[A-Za-z0-9._-]+$/, "That doesn't look like a link from one of our emails.");
const minuteOfDay = wholeNumber(0, 1439, "Please choose a time of day.");

export const emailPreferencesRouter = router({
  /** The caller's own choices: which emails, digests, quiet hours. */
  get: authedProcedure.input(noInput).query(({ ctx }) => getEmailPreferences(ctx.db, ctx.session)),
  /** Changes the caller's own choices; a kind their role doesn't get is refused with nothing changed. */
  update: authedProcedure
    .input(
      z.strictObject({
        settings: z.array(z.strictObject({ kind: z.enum(EMAIL_KIND_KEYS), setting: z.enum(EMAIL_SETTINGS) })).max(EMAIL_KIND_KEYS.length).optional(),
        quietHours: z.strictObject({ from: minuteOfDay, until: minuteOfDay }).nullable().optional(),
      }),
    )
    .mutation(({ ctx, input }) => updateEmailPreferences(ctx.db, ctx.session, input, ctx.now())),
  /** Which kind of email an unsubscribe link is about (no sign-in: the signed link is the proof); null if it isn't ours. */
  unsubscribeInfo: publicProcedure.input(z.strictObject({ token: unsubscribeToken })).query(({ input }) => describeUnsubscribeToken(input.token)),
  /** One-click unsubscribe: turns that kind of email off for the person the signed link names. */
  unsubscribe: publicProcedure.input(z.strictObject({ token: unsubscribeToken })).mutation(async ({ ctx, input }) => {
    if ((await unsubscribeWithToken(ctx.db, input.token, ctx.now())) === "invalid") throw new InvalidInputError("This unsubscribe link doesn't work. Please check that the whole link was copied.");
    return { done: true as const };
  }),
});
