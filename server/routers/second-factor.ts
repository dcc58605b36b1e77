import "server-only";
import { z } from "zod";
import { adminProcedure, authedProcedure, enrolmentProcedure, router, secondStepProcedure } from "../trpc/init";
import { noInput } from "../services/pagination";
import { peopleWithSecondFactor, resetSecondFactor } from "../services/second-factor/admin-reset";
import { disableSecondFactor } from "../services/second-factor/disable";
import { beginEnrolment, confirmEnrolment } from "../services/second-factor/enrol";
import { secondFactorRequirement, setSecondFactorRequirement } from "../services/second-factor/requirement";
import { completeSecondStep } from "../services/second-factor/second-step";
import { renewRecoveryCodes } from "../services/second-factor/renew-recovery-codes";
import { secondFactorStatus } from "../services/second-factor/status";
import { idSchema } from "../validation/ids";
import { userOutputs } from "./outputs/users";
import { secondStepCodeSchema, totpCodeSchema } from "../validation/codes";

export const secondFactorRouter = router({
  /** Your own two-step sign-in: on or off, required by the practice, recovery codes left. */
  status: enrolmentProcedure.input(noInput).query(({ ctx }) => secondFactorStatus(ctx.db, ctx.owner)),
  /** A new secret, shown once as a QR code and as text, until a code confirms it. */
  begin: enrolmentProcedure.input(noInput).mutation(({ ctx }) => beginEnrolment(ctx.db, ctx.owner)),
  confirm: enrolmentProcedure
    .input(z.strictObject({ code: totpCodeSchema }))
    .mutation(({ ctx, input }) => confirmEnrolment(ctx.db, ctx.owner, input.code, ctx.now())),
  disable: authedProcedure
    .input(z.strictObject({ code: totpCodeSchema }))
    .mutation(async ({ ctx, input }) => {
      await disableSecondFactor(ctx.db, ctx.session, input.code, ctx.now());
      return { disabled: true as const };
    }),
  /** Ten new recovery codes in place of the old ones; takes a current code from the app. */
  renewRecoveryCodes: authedProcedure
    .input(z.strictObject({ code: totpCodeSchema }))
    .mutation(({ ctx, input }) => renewRecoveryCodes(ctx.db, ctx.session, input.code, ctx.now())),
  /** The second step of signing in, the one procedure a session held there may call. */
  completeSignIn: secondStepProcedure
    .input(z.strictObject({ code: secondStepCodeSchema }))
    .mutation(({ ctx, input }) => completeSecondStep(ctx.db, ctx.owner, input.code, ctx.now())),
  /** Admin: everyone else in the practice with two-step sign-in on. */
  listEnabled: adminProcedure
    .input(noInput)
    .output(userOutputs.withSecondFactor)
    .query(({ ctx }) => peopleWithSecondFactor(ctx.db, ctx.actor)),
  /** Admin: turn someone's two-step sign-in off (lost phone and codes) and sign them out everywhere. */
  reset: adminProcedure
    .input(z.strictObject({ userId: idSchema }))
    .output(userOutputs.secondFactorReset)
    .mutation(({ ctx, input }) => resetSecondFactor(ctx.db, ctx.actor, input, ctx.now())),
  requirement: adminProcedure.input(noInput).query(({ ctx }) => secondFactorRequirement(ctx.db, ctx.actor)),
  setRequirement: adminProcedure
    .input(z.strictObject({ required: z.boolean() }))
    .mutation(({ ctx, input }) => setSecondFactorRequirement(ctx.db, ctx.actor, input.required)),
});
