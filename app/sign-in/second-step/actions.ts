"use server";
import { TRPCError } from "@trpc/server";
import { redirect } from "next/navigation";
import { safeRedirectPath } from "@/server/auth/redirect-target";
import { getServerCaller } from "@/server/trpc/server-caller";
import { readFormFields, UNREADABLE_FORM } from "@/server/validation/form-fields";

export type SecondStepState = { error: string | null };

const CODE_SHAPE = "Please enter the six-digit code from your app, or one of your recovery codes.";

export async function secondStepAction(_previous: SecondStepState, formData: FormData): Promise<SecondStepState> {
  const form = readFormFields(formData, ["code", "next"]);
  if (!form) return { error: UNREADABLE_FORM };
  const caller = await getServerCaller();
  let usedRecoveryCode = false;
  try {
    ({ usedRecoveryCode } = await caller.secondFactor.completeSignIn({ code: form.code.slice(0, 40) }));
  } catch (error) {
    if (error instanceof TRPCError) {
      if (error.code === "UNAUTHORIZED") redirect("/sign-in?ended=1");
      return { error: error.code === "BAD_REQUEST" && error.message.startsWith("Some of") ? CODE_SHAPE : error.message };
    }
    throw error;
  }
  // A used recovery code is one fewer: the security page says how many are left. Otherwise on to the page
  // the person asked for before signing in (only ever a path on this app).
  redirect(usedRecoveryCode ? "/account/security?recovery-code-used=1" : safeRedirectPath(form.next));
}
