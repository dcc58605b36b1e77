"use server";
import { TRPCError } from "@trpc/server";
import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { signIn } from "@/server/auth/next-auth";
import { getServerCaller } from "@/server/trpc/server-caller";
import { readFormFields, UNREADABLE_FORM } from "@/server/validation/form-fields";
import type { AcceptState } from "@/components/invitations/accept-state";

const NAME_MAX = 100;

/** The form field a domain error points at, when it names one. */
const fieldOf = (error: TRPCError): unknown => (error.cause as { details?: { field?: unknown } } | undefined)?.details?.field;

/** Creates the account from the invitation, then signs the person in and takes them home. */
export async function acceptInvitationAction(token: string, _previous: AcceptState, formData: FormData): Promise<AcceptState> {
  const form = typeof token === "string" ? readFormFields(formData, ["name", "password", "confirm", "timeZone"]) : null;
  if (!form) return { error: UNREADABLE_FORM, fields: {}, name: "" };
  const name = form.name.trim().slice(0, NAME_MAX + 1);
  const password = form.password.slice(0, 1024);
  const confirm = form.confirm.slice(0, 1024);

  const fields: AcceptState["fields"] = {};
  if (!name) fields.name = "Please tell us your name. It's how your coach will see you.";
  else if (name.length > NAME_MAX) fields.name = `Please keep your name to ${NAME_MAX} characters or fewer.`;
  if (password !== confirm) fields.confirm = "The two passwords are different. Please type the same one twice.";
  if (Object.keys(fields).length > 0) return { error: null, fields, name };

  let accepted: { email: string };
  try {
    accepted = await (await getServerCaller()).invitations.accept({ token, name, password, timeZone: form.timeZone.slice(0, 64) || undefined });
  } catch (error) {
    if (error instanceof TRPCError) {
      // The service judges the password (strength, not the person's own name or email) once the invitation checks out.
      const field = fieldOf(error);
      if (field === "password" || field === "name") return { error: null, fields: { [field]: error.message }, name };
      const message = error.code === "BAD_REQUEST" && error.message.startsWith("[") ? "Some of what you typed doesn't fit. Please check it and try again." : error.message;
      return { error: message, fields: {}, name };
    }
    throw error;
  }

  try {
    await signIn("credentials", { email: accepted.email, password, redirect: false });
  } catch (error) {
    // The account exists; if signing in right away didn't work, the sign-in page will.
    if (error instanceof AuthError) redirect("/sign-in");
    throw error;
  }
  redirect("/");
}
