"use server";
import { redirect } from "next/navigation";
import { getServerCaller } from "@/server/trpc/server-caller";
import { readFormFields, UNREADABLE_FORM } from "@/server/validation/form-fields";
import { refusalState } from "@/app/_shell/form-errors";
import type { AccountFormState } from "@/components/account/form-state";

/** Sets the new password; every session ends, so the person signs in again with it. */
export async function resetPasswordAction(token: string, _previous: AccountFormState, formData: FormData): Promise<AccountFormState> {
  const form = typeof token === "string" ? readFormFields(formData, ["password", "confirm"]) : null;
  if (!form) return { error: UNREADABLE_FORM, fields: {}, done: null };
  const password = form.password.slice(0, 1024);
  if (password !== form.confirm.slice(0, 1024)) {
    return { error: null, fields: { confirm: "The two passwords are different. Please type the same one twice." }, done: null };
  }
  try {
    await (await getServerCaller()).account.resetPassword({ token, password });
  } catch (error) {
    return refusalState(error);
  }
  redirect("/sign-in?reset=1");
}
