import "server-only";
import type { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { passwordProblem, type PasswordContext, type PasswordStrength, type StrengthEstimator } from "@/lib/auth/password-policy";

const L33T_MAX_SUBSTITUTIONS = 6;

let estimator: Promise<StrengthEstimator> | undefined;

async function buildEstimator(): Promise<StrengthEstimator> {
  const [{ ZxcvbnFactory }, common, english] = await Promise.all([
    import("@zxcvbn-ts/core"),
    import("@zxcvbn-ts/language-common"),
    import("@zxcvbn-ts/language-en"),
  ]);
  const zxcvbn: ZxcvbnFactory = new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    // Both keep one check cheap (see decision 0010). Levenshtein matching (off by default) makes
    // every check 10 to 50 times slower; the default of 100 l33t substitutions lets a crafted
    // 128-character password take seconds, while listed l33t passwords use a handful.
    useLevenshteinDistance: false,
    l33tMaxSubstitutions: L33T_MAX_SUBSTITUTIONS,
  });
  return (password, userInputs) => {
    const result = zxcvbn.check(password, userInputs);
    const dictionaries = new Set(result.sequence.flatMap((match) => (match.pattern === "dictionary" ? [String(match.dictionaryName)] : [])));
    return {
      score: result.score as PasswordStrength["score"],
      listed: [...dictionaries].some((name) => name.startsWith("passwords")),
      personal: dictionaries.has("userInputs"),
    };
  };
}

/**
 * zxcvbn with the common and English dictionaries, configured once, on the first password checked:
 * loading the dictionaries takes a few hundred milliseconds and some megabytes, which only the
 * rare request that sets a password should pay. Server only: the dictionaries never reach a browser.
 */
export function passwordEstimator(): Promise<StrengthEstimator> {
  estimator ??= buildEstimator().catch((error: unknown) => {
    estimator = undefined;
    throw error;
  });
  return estimator;
}

/** The password policy with zxcvbn as its judge of strength: a kind message, or null when the password will do. */
export async function newPasswordProblem(password: string, context: PasswordContext): Promise<string | null> {
  return passwordProblem(password, context, await passwordEstimator());
}
