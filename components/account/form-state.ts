/** What an account form shows after an attempt: a general error, errors by field, or what was done. */
export type AccountFormState = { error: string | null; fields: Record<string, string>; done: string | null };

export const emptyFormState: AccountFormState = { error: null, fields: {}, done: null };
