"use server";
import { getServerCaller } from "@/server/trpc/server-caller";
import { readFormFields, UNREADABLE_FORM } from "@/server/validation/form-fields";
import { refusalState } from "@/app/_shell/form-errors";
import type { AccountFormState } from "@/components/account/form-state";

/** Asks for a reset link. The answer is the same whether or not the address has an account. */
export async function requestResetAction(_previous: AccountFormState, formData: FormData): Promise<AccountFormState> {
  const form = readFormFields(formData, ["email"]);
  if (!form) return { error: UNREADABLE_FORM, fields: {}, done: null };
  const email = form.email.trim().slice(0, 320);
  if (!email) return { error: null, fields: { email: "Please enter the email address you sign in with." }, done: null };
  try {
    const { message } = await (await getServerCaller()).account.requestPasswordReset({ email });
    return { error: null, fields: {}, done: message };
  } catch (error) {
    return refusalState(error);
  }
}
