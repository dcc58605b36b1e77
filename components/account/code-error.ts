/** What to say when a code is refused: a badly formed code gets one plain sentence instead of a field list. */
export function codeErrorMessage(error: { message: string; data?: unknown }): string {
  const data = error.data as { zodIssues?: unknown } | null | undefined;
  return data?.zodIssues ? "Please enter the six-digit code from your app." : error.message;
}
