/** Reading tRPC errors in forms: which field an issue concerns, and what kind of refusal it was. */

type Issue = { path: string; message: string };
type ErrorData = { code?: string; zodIssues?: Issue[]; details?: { issues?: Issue[] } & Record<string, unknown> };

const dataOf = (error: unknown): ErrorData | undefined => (error as { data?: ErrorData } | null)?.data ?? undefined;

/** Field path ("title", "prompts.2.max") -> the first message about it, from zod or from the service. */
export function fieldIssues(error: unknown): Record<string, string> {
  const data = dataOf(error);
  const issues = [...(data?.zodIssues ?? []), ...(data?.details?.issues ?? [])];
  const byPath: Record<string, string> = {};
  for (const issue of issues) if (!(issue.path in byPath)) byPath[issue.path] = issue.message;
  return byPath;
}

export const errorCode = (error: unknown): string | undefined => dataOf(error)?.code;

/** Extra facts a domain error carries (e.g. the current revision after a conflict). */
export const errorDetails = (error: unknown): Record<string, unknown> | undefined => dataOf(error)?.details;

/** The message to show at the top of a form, or null when there is no error. */
export function errorMessage(error: unknown): string | null {
  if (!error) return null;
  return (error as { message?: string }).message || "Something went wrong. Please try again.";
}
