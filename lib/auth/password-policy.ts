import { commonPasswords } from "./common-passwords";

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

/**
 * Length and a common-password check only: composition rules make passwords harder
 * to remember without making them safer. Returns a kind message, or null when fine.
 */
export function passwordProblem(password: string, context: { email?: string } = {}): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return `Please use at least ${PASSWORD_MIN} characters. A few words strung together works well.`;
  if (length > PASSWORD_MAX) return `Please keep it to ${PASSWORD_MAX} characters or fewer.`;
  const lowered = password.toLowerCase();
  if (commonPasswords.has(lowered)) return "That password is on lists that attackers try first. Please choose something less common.";
  if (context.email && lowered === context.email.toLowerCase()) return "Please choose a password that isn't your email address.";
  return null;
}
