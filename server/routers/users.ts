import "server-only";
import { z } from "zod";
import { idSchema } from "../validation/ids";
import { namePageInput, noInput } from "../services/pagination";
import { adminProcedure, authedProcedure, router } from "../trpc/init";
import { changeUserRole, listPracticeMembers, setUserDisabled } from "../services/people/users";
import { roles } from "@/lib/people/roles";
import { userOutputs as out } from "./outputs/users";

export const usersRouter = router({
  me: authedProcedure.input(noInput).query(({ ctx }) => ({
    id: ctx.session.userId,
    name: ctx.session.name,
    email: ctx.session.email,
    role: ctx.session.role,
    timeZone: ctx.session.timeZone,
  })),
  list: adminProcedure
    .input(
      z.strictObject({
        role: z.enum(roles).optional(),
        ...namePageInput,
      }),
    )
    .output(out.list)
    .query(({ ctx, input }) => listPracticeMembers(ctx.db, ctx.actor, input)),
  setDisabled: adminProcedure
    .input(z.strictObject({ userId: idSchema, disabled: z.boolean() }))
    .output(out.setDisabled)
    .mutation(({ ctx, input }) => setUserDisabled(ctx.db, ctx.actor, input, ctx.now())),
  changeRole: adminProcedure
    .input(z.strictObject({ userId: idSchema, role: z.enum(["admin", "coach"]) }))
    .output(out.changeRole)
    .mutation(({ ctx, input }) => changeUserRole(ctx.db, ctx.actor, input, ctx.now())),
});
