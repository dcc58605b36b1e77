/** What the accept-invitation form shows after an attempt: a general error and/or field errors. */
export type AcceptState = {
  error: string | null;
  fields: { name?: string; password?: string; confirm?: string };
  name: string;
};
