"use server";
import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { signIn } from "@/server/auth/next-auth";
import { safeRedirectPath } from "@/server/auth/redirect-target";
import { readFormFields, UNREADABLE_FORM } from "@/server/validation/form-fields";
import { SIGN_IN_PAUSED_MESSAGE } from "@/lib/auth/throttle-policy";

export type SignInState = { error: string | null; email: string };

/** Unknown email, wrong password and a disabled account all get this same message. */
const GENERIC_ERROR = "That email and password don't match an account we know. Please check them and try again.";

export async function signInAction(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const form = readFormFields(formData, ["email", "password", "next", "deviceTimeZone"]);
  if (!form) return { error: UNREADABLE_FORM, email: "" };
  const email = form.email.slice(0, 320);
  const password = form.password.slice(0, 1024);
  const next = safeRedirectPath(form.next);
  if (!email || !password) return { error: "Please enter your email and password.", email };
  try {
    await signIn("credentials", { email, password, deviceTimeZone: form.deviceTimeZone.slice(0, 64), redirect: false });
  } catch (error) {
    if (error instanceof AuthError) {
      const paused = (error as AuthError & { code?: string }).code === "paused";
      return { error: paused ? SIGN_IN_PAUSED_MESSAGE : GENERIC_ERROR, email };
    }
    throw error;
  }
  // Only paths on this app: never bounce a person to another host after sign-in. The home page sends the
  // person on: to `next`, or first to their second step (which then carries `next` through).
  redirect(next === "/" ? "/" : `/?next=${encodeURIComponent(next)}`);
}
