/**
 * Records the statements Drizzle sends while a piece of work runs (pass `onQuery` to useTestDatabase), so a test
 * can check which of them name the practice (decision 0030).
 */
export function statementRecorder() {
  let recording: string[] | null = null;
  return {
    onQuery: (query: string) => {
      recording?.push(query);
    },
    async during<T>(work: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
      recording = [];
      try {
        const result = await work();
        return { result, statements: recording };
      } finally {
        recording = null;
      }
    },
  };
}

/** The statements that read or write a table, by its name as it appears in Drizzle's SQL. */
export const touching = (statements: string[], table: string) => statements.filter((s) => new RegExp(`(from|join|update|into) "${table}"`, "i").test(s));

/** Whether a statement has a condition on practice_id (of any table in it). */
export const namesPractice = (statement: string) => /"practice_id" = \$\d+/.test(statement);
