"use server";
import { getServerCaller } from "@/server/trpc/server-caller";
import { refusalState } from "@/app/_shell/form-errors";
import type { AccountFormState } from "@/components/account/form-state";

/** Confirms the new address with the link sent to it. */
export async function confirmEmailAction(token: string, _previous: AccountFormState): Promise<AccountFormState> {
  if (typeof token !== "string") return { error: "That link doesn't work.", fields: {}, done: null };
  try {
    const { email } = await (await getServerCaller()).account.confirmEmailChange({ token });
    return { error: null, fields: {}, done: `Done: your account's email address is now ${email}. Use it the next time you sign in.` };
  } catch (error) {
    const state = refusalState(error);
    return state.error ? state : { error: "This link doesn't work. Please check that the whole link was copied.", fields: {}, done: null };
  }
}
