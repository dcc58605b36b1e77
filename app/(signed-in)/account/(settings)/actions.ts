"use server";
import { revalidatePath } from "next/cache";
import { getServerCaller } from "@/server/trpc/server-caller";
import { readFormFields, UNREADABLE_FORM } from "@/server/validation/form-fields";
import { refusalState } from "@/app/_shell/form-errors";
import type { AccountFormState } from "@/components/account/form-state";

const unreadable: AccountFormState = { error: UNREADABLE_FORM, fields: {}, done: null };

export async function updateProfileAction(_previous: AccountFormState, formData: FormData): Promise<AccountFormState> {
  const form = readFormFields(formData, ["name", "timeZone"]);
  if (!form) return unreadable;
  try {
    await (await getServerCaller()).account.updateProfile({ name: form.name.slice(0, 200), timeZone: form.timeZone.slice(0, 100) });
    return { error: null, fields: {}, done: "Saved." };
  } catch (error) {
    return refusalState(error);
  }
}

export async function changePasswordAction(_previous: AccountFormState, formData: FormData): Promise<AccountFormState> {
  const form = readFormFields(formData, ["currentPassword", "newPassword", "confirm"]);
  if (!form) return unreadable;
  const newPassword = form.newPassword.slice(0, 1024);
  if (newPassword !== form.confirm.slice(0, 1024)) {
    return { error: null, fields: { confirm: "The two passwords are different. Please type the same one twice." }, done: null };
  }
  try {
    const { endedSessions } = await (await getServerCaller()).account.changePassword({ currentPassword: form.currentPassword.slice(0, 1024), newPassword });
    const others = endedSessions === 1 ? "1 other device was" : `${endedSessions} other devices were`;
    return { error: null, fields: {}, done: `Your new password is saved. ${endedSessions > 0 ? `${others} signed out; ` : ""}you stay signed in here.` };
  } catch (error) {
    return refusalState(error);
  }
}

export async function requestEmailChangeAction(_previous: AccountFormState, formData: FormData): Promise<AccountFormState> {
  const form = readFormFields(formData, ["newEmail", "currentPassword"]);
  if (!form) return unreadable;
  try {
    const { sentTo } = await (await getServerCaller()).account.requestEmailChange({
      newEmail: form.newEmail.trim().slice(0, 320),
      currentPassword: form.currentPassword.slice(0, 1024),
    });
    // The page shows the change waiting for its link from now on.
    revalidatePath("/account");
    return {
      error: null,
      fields: {},
      done: `We've sent a link to ${sentTo}. Your address changes once you open it (it works for 24 hours). Until then you keep signing in with your current address.`,
    };
  } catch (error) {
    return refusalState(error);
  }
}
