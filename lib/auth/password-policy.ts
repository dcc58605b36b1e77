export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

/**
 * The strength score (zxcvbn's 0 to 4) a new password needs: 3 stands for about 10^8 guesses or
 * more. See docs/decisions/0010-password-strength-with-zxcvbn.md.
 */
export const PASSWORD_MIN_SCORE = 3;

/** What a strength estimate says about a password, in the terms this policy needs. */
export type PasswordStrength = {
  score: 0 | 1 | 2 | 3 | 4;
  /** Part of it is on a published list of breached or common passwords. */
  listed: boolean;
  /** Part of it is the person's own name or email address. */
  personal: boolean;
};

/** Rates a password, counting the person's own words (`userInputs`) as easy guesses. */
export type StrengthEstimator = (password: string, userInputs: string[]) => PasswordStrength;

export type PasswordContext = { email?: string; name?: string };

export const PASSWORD_MESSAGES = {
  tooShort: `Please use at least ${PASSWORD_MIN} characters. A few words strung together works well.`,
  tooLong: `Please keep it to ${PASSWORD_MAX} characters or fewer.`,
  isEmail: "Please choose a password that isn't your email address.",
  personal: "That password leans on your name or email address, which is among the first things people try. Please choose something that isn't about you.",
  listed: "That password is on lists that attackers try first. Please choose something less common.",
  guessable: "That password follows a pattern that's quick to guess. A few words that don't usually go together make a strong one that's easy to remember.",
} as const;

/** The person's own words, as the estimator should count them: the email, its name part, the name and its words. */
export function userInputsOf(context: PasswordContext): string[] {
  const email = context.email?.trim().toLowerCase() ?? "";
  const name = context.name?.trim().toLowerCase() ?? "";
  const local = email.split("@")[0] ?? "";
  const words = [email, local, ...local.split(/[._+-]+/), name, ...name.split(/\s+/)];
  return [...new Set(words.filter((word) => [...word].length >= 3))];
}

/**
 * Length (12 to 128 characters, no composition rules: they make passwords harder to remember
 * without making them safer), not the email itself, and hard enough to guess by `estimate`.
 * Returns a kind message, or null when fine.
 */
export function passwordProblem(password: string, context: PasswordContext, estimate: StrengthEstimator): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return PASSWORD_MESSAGES.tooShort;
  if (length > PASSWORD_MAX) return PASSWORD_MESSAGES.tooLong;
  if (context.email && password.toLowerCase() === context.email.toLowerCase()) return PASSWORD_MESSAGES.isEmail;
  const strength = estimate(password, userInputsOf(context));
  if (strength.score >= PASSWORD_MIN_SCORE) return null;
  if (strength.personal) return PASSWORD_MESSAGES.personal;
  if (strength.listed) return PASSWORD_MESSAGES.listed;
  return PASSWORD_MESSAGES.guessable;
}
