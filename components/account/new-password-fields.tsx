import { TextField } from "@/components/ui/field";

export const PASSWORD_HINT = "At least 12 characters (up to 128). A few words strung together works well. Very common passwords aren't accepted.";

/** A new password, typed twice. */
export function NewPasswordFields({ name, errors }: { name: string; errors: Record<string, string> }) {
  return (
    <>
      <TextField label="New password" name={name} type="password" autoComplete="new-password" required hint={PASSWORD_HINT} error={errors[name]} />
      <TextField label="New password again" name="confirm" type="password" autoComplete="new-password" required error={errors.confirm} />
    </>
  );
}
