import "server-only";
/** A LIKE pattern that matches `q` literally anywhere (%, _ and \ lose their special meaning). */
export function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
